"""Assisted classification: suggested tags, similar recommendations and proposed clusters.

Computed on the server from the site's own tagged recommendations (optionally a whole UHRI export),
never applied without a person, and explained by the recommendations behind each suggestion
(DESIGN.md §7). The Frappe side collects records, checks permissions and stores the model as a
private file; this module only sees plain data.

How it works, and why:

- A text becomes a TF-IDF vector of its words, its word pairs and the first five letters of its
  longer words. Cutting a word to its beginning is a stemmer that needs no language data and
  treats English, French and Spanish alike (torture/tortures/tortura, discrimination/discriminación).
  Country names the caller lists, and the recommending States a UPR text ends with ("… (Portugal)
  (Spain);"), are left out, so the same recommendation made by or to another State still matches.
- Features are hashed into a fixed space (no vocabulary to keep for 250,000 texts) and the vectors
  kept as a sparse inverted index: a query costs the postings of its own terms, not the corpus.
- A tag is suggested by the similarity-weighted votes of the most similar recommendations that
  carry tags of that kind (k nearest neighbours). The neighbours are the explanation, and leaving
  a recommendation's own id out of them keeps a suggestion for an already tagged one honest.
  The vocabulary's labels vote too, as short pseudo-recommendations tagged with themselves, so a
  new site gets (modest) suggestions before anyone has tagged anything.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from array import array
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple, Union

import joblib
import numpy as np
import scipy.sparse as sp
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import HashingVectorizer, TfidfVectorizer
from sklearn.preprocessing import normalize

from nmirf_app.core import reference_data

# Tag kinds, as the Recommendation's tag tables are called. SDG goals are not a table of their own
# (Recommendation SDG Target fetches its goal), so they are suggested but never applied directly.
KINDS = ("themes", "affected_groups", "sdg_targets", "sdg_goals")
TAGGABLE_KINDS = ("themes", "affected_groups", "sdg_targets")

SUGGESTION_LIMIT = 10
SIMILAR_LIMIT = 10
VOTING_NEIGHBOURS = 15  # recommendations (and labels) whose tags vote for a suggestion
SUPPORTING_EXAMPLES = 3  # shown with each suggestion
# Pseudo-weight of "no evidence" in a vote: a tag backed only by weakly similar texts keeps a
# modest confidence instead of reaching 1.0 because nothing else voted.
VOTE_SHRINKAGE = 0.05

PREFIX_LENGTH = 5
HASHED_FEATURES = 2**20  # few collisions for words, pairs and prefixes of 250,000 texts
# In a large corpus, terms in more than half the texts ("ensure", "State", "rights") say nothing
# about a text and make every query touch every posting; smaller corpora keep them.
COMMON_TERM_SHARE = 0.5
MIN_RECORDS_TO_DROP_COMMON_TERMS = 1000
TRAINING_BATCH = 5000  # texts hashed at a time, so a stream never sits in memory as strings

MAX_CLUSTERED_RECORDS = 5000  # clustering compares every pair: n² memory
CLUSTER_NAME_TERMS = 3
NAMING_PAIR_PREFERENCE = 1.5

MODEL_FORMAT = 1  # bump when Model's attributes change: older files are refused, not misread

Allowed = Union[Callable[[str], bool], Collection[str], None]  # noqa: UP007 (a runtime alias)


@dataclass(frozen=True)
class TrainingRecord:
	"""A recommendation to learn from: its name, its text and its tags by kind (KINDS)."""

	id: str
	text: str
	tags: Mapping[str, Sequence[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Suggestion:
	"""A tag the text probably deserves. `score` in [0, 1]; `supporting_ids` are the most similar
	recommendations carrying the tag; `label_similarity` how close the text is to the tag's label."""

	name: str
	score: float
	supporting_ids: tuple[str, ...]
	label_similarity: float = 0.0


class SimilarRecommendation(NamedTuple):
	id: str
	score: float  # cosine similarity of the two texts, in [0, 1]


@dataclass(frozen=True)
class ProposedCluster:
	name: str
	members: tuple[str, ...]
	terms: tuple[str, ...]  # the words that set the members apart from the rest of the set


# ------------------------------------------------------------------------------------------ text

# Function words of the three working languages; TF-IDF weighs down the rest of the boilerplate.
STOP_WORDS = frozenset(
	"""
	a an and are as at be been being but by for from has have in into is it its of on or such that
	the their them these this those to was were which who with within without all any other also
	au aux avec ce ces dans de des du elle en est et il ils la le les leur leurs ou par pas pour qui
	que sa se ses son sont sur un une
	al como con del el en es esta este los las lo o para por que se sin su sus un una uno y
	""".split()
)
# The words every mechanism's recommendations are written in, in the three working languages:
# they say who recommends and where it was said, not what is asked.
BOILERPLATE_WORDS = frozenset(
	"""
	committee recommends recommend recommended urges calls upon encourages invites state party
	parties recalling recalls previous concluding observations paragraph para general recommendation
	comment note target targets sustainable development goals goal particular including further
	comite recommande exhorte engage invite etat partie rappelant precedentes observations finales
	recommandation generale cible objectifs developpement durable notamment
	recomienda insta alienta invita estado parte recordando anteriores observaciones finales
	recomendacion general meta objetivos desarrollo sostenible particular incluso
	""".split()
)
# Document symbols ("CEDAW/C/PRY/CO/7", "A/HRC/48/9") and their paragraph references name a source.
_DOCUMENT_SYMBOL = re.compile(r"\b[A-Z][A-Za-z0-9.-]*(?:/[A-Za-z0-9.-]+)+")
_LETTERS = re.compile(r"[^\W\d_]+")  # words without digits: paragraph, law and article numbers go
_COMBINING_MARKS = re.compile(r"[\u0300-\u036f]")
# One parenthesised group at the very end, one level of nesting: "(Bolivia (Plurinational State of))"
_TRAILING_PARENTHESES = re.compile(r"\s*\((?:[^()]|\([^()]*\))*\)[\s.;,]*$")


def fold(text: str) -> str:
	"""Lower case without accents: texts typed with or without them compare equal."""
	return _COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", text.casefold()))


def strip_trailing_parentheses(text: str) -> str:
	"""Drops the parenthesised groups a text ends with: UPR recommendations name the States that
	made them there, which says nothing about what is recommended."""
	stripped = text.rstrip()
	while True:
		shorter = _TRAILING_PARENTHESES.sub("", stripped)
		if shorter == stripped:
			return stripped
		stripped = shorter


class TextFeatures:
	"""Turns a text into the terms it is compared on (an analyzer for scikit-learn vectorisers).

	`ignored_names` (country names and their aliases) are removed wherever they occur, so that
	"Paraguay should…" and "Uruguay should…" are the same recommendation."""

	def __init__(self, ignored_names: Iterable[str] = ()):
		by_first_word: dict[str, set[tuple[str, ...]]] = {}
		for name in ignored_names:
			words = tuple(self._words(name))
			if words:
				by_first_word.setdefault(words[0], set()).add(words)
		# longest first, so "Republic of Korea" is removed whole rather than as "Republic"
		self._names = {
			first: sorted(names, key=lambda words: (-len(words), words))
			for first, names in by_first_word.items()
		}

	@staticmethod
	def _words(text: str) -> list[str]:
		return [word for word in _LETTERS.findall(fold(text)) if len(word) > 1]

	def words(self, text: str) -> list[str]:
		"""The text's content words, folded, without ignored names and stop words."""
		words = self._words(_DOCUMENT_SYMBOL.sub(" ", strip_trailing_parentheses(text or "")))
		if self._names:
			words = self._without_names(words)
		return [word for word in words if word not in STOP_WORDS and word not in BOILERPLATE_WORDS]

	def _without_names(self, words: list[str]) -> list[str]:
		kept, position = [], 0
		while position < len(words):
			for name in self._names.get(words[position], ()):
				if tuple(words[position : position + len(name)]) == name:
					position += len(name)
					break
			else:
				kept.append(words[position])
				position += 1
		return kept

	def __call__(self, text: str) -> list[str]:
		words = self.words(text)
		terms = list(words)
		terms.extend(word[:PREFIX_LENGTH] + "~" for word in words if len(word) > PREFIX_LENGTH)
		terms.extend(f"{first} {second}" for first, second in pairwise(words))
		return terms


# ------------------------------------------------------------------------------------ vocabulary


def sdg_goal_of_target(target_code: str) -> str | None:
	"""The SDG Goal record a target belongs to: "5.2" and "5.a" → "SDG 5"."""
	goal = (target_code or "").strip().split(".", 1)[0]
	return reference_data.sdg_goal_name(goal) if goal.isdigit() else None


def shipped_vocabulary(
	directory: Path = reference_data.REFERENCE_DATA_DIR,
) -> dict[str, list[tuple[str, str]]]:
	"""(record name, text describing it) for every tag the app ships, by kind: the labels a new
	site learns from before it has tagged anything."""

	def with_aliases(kind: str) -> list[tuple[str, str]]:
		return [
			(entry.label, ". ".join([entry.label, *(alias for alias, _version in entry.aliases)]))
			for entry in reference_data.vocabulary(kind, directory)
		]

	return {
		"themes": with_aliases("theme"),
		"affected_groups": with_aliases("affected_group"),
		"sdg_targets": [
			(target["target_code"], f"{target['short_title']}. {target['title']}")
			for target in reference_data.sdg_targets(directory)
		],
		"sdg_goals": [
			(reference_data.sdg_goal_name(goal["goal_number"]), f"{goal['short_title']}. {goal['title']}")
			for goal in reference_data.sdg_goals(directory)
		],
	}


class _Labels:
	"""The tag names of one kind and their column numbers. With a vocabulary, only its names are
	learnt and suggested: a retired label is not proposed again."""

	def __init__(self, vocabulary_names: Sequence[str] | None):
		self.names: list[str] = []
		self.column_of: dict[str, int] = {}
		self.closed = vocabulary_names is not None
		for name in vocabulary_names or ():
			if name not in self.column_of:
				self._add(name)

	def _add(self, name: str) -> int:
		self.column_of[name] = len(self.names)
		self.names.append(name)
		return self.column_of[name]

	def column(self, name: str) -> int | None:
		column = self.column_of.get(name)
		if column is None and not self.closed:
			column = self._add(name)
		return column


def _record_tags(record: TrainingRecord) -> dict[str, list[str]]:
	unknown = set(record.tags) - set(KINDS)
	if unknown:
		raise ValueError(
			f"Recommendation {record.id!r} has tags of unknown kind {', '.join(sorted(unknown))}; "
			f"the kinds are {', '.join(KINDS)}"
		)
	tags = {
		kind: list(dict.fromkeys(name.strip() for name in record.tags.get(kind, ()) if name and name.strip()))
		for kind in KINDS
	}
	# A target's goal is implied (the SDG Target record links it), so goals are learnt from targets.
	derived_goals = (sdg_goal_of_target(code) for code in tags["sdg_targets"])
	tags["sdg_goals"] = list(dict.fromkeys([*tags["sdg_goals"], *filter(None, derived_goals)]))
	return tags


# ----------------------------------------------------------------------------------------- model


def train(
	records: Iterable[TrainingRecord],
	vocabulary: Mapping[str, Iterable[tuple[str, str]]] | None = None,
	*,
	ignored_names: Iterable[str] = (),
	hashed_features: int = HASHED_FEATURES,
) -> Model:
	"""Learns from a stream of records (read once, hashed in batches) and from the vocabulary's
	(name, label text) pairs by kind (see `shipped_vocabulary`). `ignored_names`: the site's
	country names and aliases, which must not make two recommendations look alike or different."""
	features = TextFeatures(ignored_names)
	hasher = _hasher(features, hashed_features)
	vocabulary = {kind: list(entries) for kind, entries in (vocabulary or {}).items()}
	unknown = set(vocabulary) - set(KINDS)
	if unknown:
		raise ValueError(
			f"Unknown vocabulary kind {', '.join(sorted(unknown))}; the kinds are {', '.join(KINDS)}"
		)
	labels = {
		kind: _Labels([name for name, _text in vocabulary[kind]] if kind in vocabulary else None)
		for kind in KINDS
	}
	ids: list[str] = []
	row_of: dict[str, int] = {}
	tag_rows = {kind: array("i") for kind in KINDS}
	tag_columns = {kind: array("i") for kind in KINDS}
	batches: list[sp.csr_matrix] = []
	texts: list[str] = []
	for record in records:
		record_id = str(record.id or "").strip()
		if not record_id:
			raise ValueError("A training record has no id")
		if record_id in row_of:
			raise ValueError(f"Recommendation {record_id!r} appears twice in the training records")
		row = row_of[record_id] = len(ids)
		ids.append(record_id)
		for kind, names in _record_tags(record).items():
			for name in names:
				column = labels[kind].column(name)
				if column is not None:
					tag_rows[kind].append(row)
					tag_columns[kind].append(column)
		texts.append(record.text or "")
		if len(texts) == TRAINING_BATCH:
			batches.append(hasher.transform(texts))
			texts = []
	if texts or not batches:
		batches.append(
			hasher.transform(texts) if texts else sp.csr_matrix((0, hashed_features), dtype=np.float32)
		)
	counts = sp.vstack(batches, format="csr", dtype=np.float32)
	del batches

	tags = {
		kind: sp.csr_matrix(
			(
				np.ones(len(tag_rows[kind]), dtype=np.float32),
				(
					np.frombuffer(tag_rows[kind], dtype=np.int32),
					np.frombuffer(tag_columns[kind], dtype=np.int32),
				),
			),
			shape=(len(ids), len(labels[kind].names)),
		)
		for kind in KINDS
	}
	return Model(
		features, hashed_features, counts, ids, {kind: labels[kind].names for kind in KINDS}, tags, vocabulary
	)


def _hasher(features: TextFeatures, hashed_features: int) -> HashingVectorizer:
	return HashingVectorizer(
		analyzer=features, n_features=hashed_features, alternate_sign=False, norm=None, dtype=np.float32
	)


def _sublinear(counts: sp.csr_matrix) -> sp.csr_matrix:
	"""1 + log(count): a word said five times does not make a text five times about it."""
	counts.data = 1 + np.log(counts.data, dtype=np.float32)
	return counts


class Model:
	"""What `train` learnt; ask it with `suggest` and `similar`, keep it with `save` / `load`."""

	def __init__(
		self,
		features: TextFeatures,
		hashed_features: int,
		counts: sp.csr_matrix,
		ids: list[str],
		label_names: dict[str, list[str]],
		tags: dict[str, sp.csr_matrix],
		vocabulary: dict[str, list[tuple[str, str]]],
	):
		self.format = MODEL_FORMAT
		self.features = features
		self.hashed_features = hashed_features
		self.ids: list[str] = ids
		self.label_names: dict[str, list[str]] = label_names
		self._tags: dict[str, sp.csr_matrix] = tags
		self._labelled = {kind: np.diff(matrix.indptr) > 0 for kind, matrix in tags.items()}

		records = counts.shape[0]
		document_frequency = np.bincount(counts.indices, minlength=hashed_features)
		self._idf = (np.log((1 + records) / (1 + document_frequency)) + 1).astype(np.float32)
		if records >= MIN_RECORDS_TO_DROP_COMMON_TERMS:
			self._idf[document_frequency > COMMON_TERM_SHARE * records] = 0
		del document_frequency
		vectors = self._weigh(_sublinear(counts))
		# Stored term by term (an inverted index): a query multiplies only its own terms' rows.
		self._index: sp.csr_matrix = vectors.tocsc().T
		del vectors
		self._after_load()

		self._prototypes: dict[str, tuple[sp.csr_matrix, np.ndarray]] = {}
		for kind, entries in vocabulary.items():
			column_of = {name: column for column, name in enumerate(self.label_names[kind])}
			texts = [text for _name, text in entries]
			columns = np.array([column_of[name] for name, _text in entries], dtype=np.int32)
			self._prototypes[kind] = (self._vectors(texts), columns)

	def _after_load(self):
		self._row_of = {record_id: row for row, record_id in enumerate(self.ids)}
		self._hasher = _hasher(self.features, self.hashed_features)

	def __getstate__(self):
		# Rebuilt on load: the id lookup is cheap to rebuild, and the scikit-learn object is not
		# kept so a file survives a scikit-learn upgrade.
		state = dict(self.__dict__)
		del state["_row_of"], state["_hasher"]
		return state

	def __setstate__(self, state):
		self.__dict__.update(state)
		self._after_load()

	@property
	def size(self) -> int:
		"""How many recommendations the model learnt from."""
		return len(self.ids)

	def tagged_count(self, kind: str) -> int:
		"""How many of them carry tags of `kind`."""
		return int(self._labelled[kind].sum())

	# -- vectors

	def _weigh(self, counts: sp.csr_matrix) -> sp.csr_matrix:
		"""TF-IDF, unit length, in place: at 250,000 texts a copy would double the memory."""
		counts.data *= self._idf[counts.indices]
		counts.eliminate_zeros()
		return normalize(counts, copy=False) if counts.shape[0] else counts

	def _vectors(self, texts: list[str]) -> sp.csr_matrix:
		return self._weigh(_sublinear(self._hasher.transform(texts)))

	def vectors(self, texts: list[str]) -> sp.csr_matrix:
		"""Unit TF-IDF vectors of texts weighed by the whole corpus (boilerplate such as "ensure" or
		"the State party" counts for little), for grouping a small selection."""
		return self._vectors(texts)

	def _candidates(self, text: str, exclude_id: str | None) -> tuple[sp.csr_matrix, np.ndarray, np.ndarray]:
		"""The text's vector, and every recommendation sharing a term with it (rows, cosines)."""
		query = self._vectors([text or ""])
		if not self.ids or query.nnz == 0:
			return query, np.empty(0, dtype=np.int32), np.empty(0, dtype=np.float32)
		scores = (query @ self._index).tocsr()
		rows, similarities = scores.indices, scores.data
		excluded = self._row_of.get(exclude_id) if exclude_id is not None else None
		if excluded is not None:
			keep = rows != excluded
			rows, similarities = rows[keep], similarities[keep]
		return query, rows, np.minimum(similarities, 1.0)

	# -- questions

	def similar(
		self,
		text: str,
		*,
		exclude_id: str | None = None,
		allowed: Allowed = None,
		limit: int = SIMILAR_LIMIT,
		min_score: float = 0.0,
	) -> list[SimilarRecommendation]:
		"""The recommendations most alike `text`, best first. Pass the recommendation's own name as
		`exclude_id` so it is not its own neighbour, and what the user may read as `allowed`."""
		_query, rows, similarities = self._candidates(text, exclude_id)
		keep = similarities > min_score
		rows, similarities = _best(rows[keep], similarities[keep], limit, [], _Readable(allowed, self))
		return [
			SimilarRecommendation(self.ids[row], _rounded(score))
			for row, score in zip(rows, similarities, strict=True)
		]

	def suggest(
		self,
		text: str,
		*,
		exclude_id: str | None = None,
		allowed: Allowed = None,
		limit: int = SUGGESTION_LIMIT,
	) -> dict[str, list[Suggestion]]:
		"""Suggested tags by kind, best first. With `exclude_id` the recommendation's own tags take
		no part (leave-one-out); with `allowed` only readable recommendations vote and support."""
		query, rows, similarities = self._candidates(text, exclude_id)
		readable = _Readable(allowed, self)
		suggestions = {}
		for kind in KINDS:
			label_similarities = self._label_similarities(kind, query)
			voters = self._voters(kind, rows, similarities, readable, label_similarities)
			suggestions[kind] = self._count_votes(kind, voters, label_similarities, limit)
		return suggestions

	def _voters(
		self, kind, rows, similarities, readable, label_similarities
	) -> list[tuple[float, np.ndarray, int | None]]:
		"""(similarity, tag columns, row or None for a label) of the closest voters of a kind."""
		neighbour_rows, neighbour_similarities = _best(
			rows, similarities, VOTING_NEIGHBOURS, [self._labelled[kind]], readable
		)
		tags = self._tags[kind]
		voters = [
			(float(similarity), tags.indices[tags.indptr[row] : tags.indptr[row + 1]], int(row))
			for row, similarity in zip(neighbour_rows, neighbour_similarities, strict=True)
		]
		for column in np.flatnonzero(label_similarities):
			voters.append((float(label_similarities[column]), np.array([column]), None))
		voters.sort(key=lambda voter: (-voter[0], voter[2] is None, voter[2] or 0))
		return voters[:VOTING_NEIGHBOURS]

	def _label_similarities(self, kind: str, query: sp.csr_matrix) -> np.ndarray:
		"""Cosine of the text with each label of the kind (by label column); 0 without vocabulary."""
		similarities = np.zeros(len(self.label_names[kind]), dtype=np.float32)
		if kind in self._prototypes and query.nnz:
			prototypes, columns = self._prototypes[kind]
			np.maximum.at(similarities, columns, (prototypes @ query.T).toarray().ravel())
		return similarities

	def _count_votes(self, kind, voters, label_similarities, limit) -> list[Suggestion]:
		# Squared similarity: one close neighbour outweighs several loosely related ones.
		weights = [similarity**2 for similarity, _columns, _row in voters]
		total = sum(weights) + VOTE_SHRINKAGE
		votes: Counter[int] = Counter()
		supporters: dict[int, list[str]] = {}
		for weight, (_similarity, columns, row) in zip(weights, voters, strict=True):
			for column in columns.tolist():
				votes[column] += weight
				if row is not None and len(supporters.setdefault(column, [])) < SUPPORTING_EXAMPLES:
					supporters[column].append(self.ids[row])
		ranked = sorted(votes.items(), key=lambda item: (-item[1], self.label_names[kind][item[0]]))[:limit]
		return [
			Suggestion(
				name=self.label_names[kind][column],
				score=_rounded(vote / total),
				supporting_ids=tuple(supporters.get(column, ())),
				label_similarity=_rounded(label_similarities[column]),
			)
			for column, vote in ranked
		]

	# -- file

	def save(self, path: str | os.PathLike) -> None:
		"""Writes the model to `path` (a private file of the site) through a temporary file, so a
		reader never opens a half-written model."""
		path = Path(path)
		# a name of its own for each writer (processes and threads alike)
		handle, partial_name = tempfile.mkstemp(prefix=f"{path.name}.", suffix=".partial", dir=path.parent)
		os.close(handle)
		partial = Path(partial_name)
		try:
			joblib.dump(self, partial)
			os.replace(partial, path)
		finally:
			partial.unlink(missing_ok=True)


def load(path: str | os.PathLike) -> Model:
	"""A model `Model.save` wrote. Unpickling runs code: only load files this app wrote itself."""
	model = joblib.load(path)
	if not isinstance(model, Model) or getattr(model, "format", None) != MODEL_FORMAT:
		raise ValueError(f"{path} is not a classification model of this version of the app; train it again")
	return model


def _rounded(value: float) -> float:
	return round(float(value), 4)


class _Readable:
	"""Which rows the user may see: every row, rows of a set of ids (a mask), or rows a callback
	accepts (asked lazily, once per row)."""

	def __init__(self, allowed: Allowed, model: Model):
		self.mask: np.ndarray | None = None
		self._accepts: Callable[[str], bool] | None = None
		self._answers: dict[int, bool] = {}
		self._ids = model.ids
		if allowed is None:
			return
		if isinstance(allowed, str):
			raise TypeError("allowed is a collection of recommendation names or a callable, not one name")
		if callable(allowed):
			self._accepts = allowed
			return
		self.mask = np.zeros(len(model.ids), dtype=bool)
		rows = [model._row_of[record_id] for record_id in allowed if record_id in model._row_of]
		self.mask[np.array(rows, dtype=np.int64)] = True

	@property
	def asks(self) -> bool:
		return self._accepts is not None

	def accepts(self, row: int) -> bool:
		answer = self._answers.get(row)
		if answer is None:
			answer = self._answers[row] = bool(self._accepts(self._ids[row]))
		return answer


def _best(
	rows: np.ndarray, scores: np.ndarray, count: int, masks: list[np.ndarray], readable: _Readable
) -> tuple[np.ndarray, np.ndarray]:
	"""The `count` best-scoring rows that pass every mask and the readable filter, best first.
	A callback is asked about the best candidates only, fetching more while too few pass."""
	if count <= 0:
		return rows[:0], scores[:0]
	for mask in [*masks, readable.mask]:
		if mask is not None:
			keep = mask[rows]
			rows, scores = rows[keep], scores[keep]
	if not readable.asks:
		return _top(rows, scores, count)
	wanted = count * 4
	while True:
		candidate_rows, candidate_scores = _top(rows, scores, wanted)
		keep = np.fromiter(
			(readable.accepts(int(row)) for row in candidate_rows), dtype=bool, count=len(candidate_rows)
		)
		if keep.sum() >= count or len(candidate_rows) == len(rows):
			return candidate_rows[keep][:count], candidate_scores[keep][:count]
		wanted *= 4


def _top(rows: np.ndarray, scores: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
	"""The `count` highest scores, best first; equal scores in row order, so answers are stable."""
	if len(rows) > count:
		# the count-th best score, then everything at least as good (ties at the cut included)
		threshold = np.partition(scores, len(scores) - count)[len(scores) - count]
		keep = scores >= threshold
		rows, scores = rows[keep], scores[keep]
	order = np.lexsort((rows, -scores))[:count]
	return rows[order], scores[order]


# -------------------------------------------------------------------------------------- clusters


def propose_clusters(
	records: Iterable[TrainingRecord],
	*,
	min_similarity: float = 0.2,
	ignored_names: Iterable[str] = (),
	vectorise: Callable[[list[str]], sp.csr_matrix] | None = None,
) -> list[ProposedCluster]:
	"""Groups of recommendations alike enough to be followed up together, largest first.

	Average-linkage clustering: every member is on average at least `min_similarity` alike the
	others (cosine of their texts). A recommendation like no other stays out of every group. A
	group is named after the theme most of its members carry when the records have themes, else
	after the terms that set it apart. The same records always give the same groups."""
	items = sorted(records, key=lambda record: record.id)
	if len({record.id for record in items}) != len(items):
		raise ValueError("A recommendation appears twice in the records to cluster")
	if len(items) > MAX_CLUSTERED_RECORDS:
		raise ValueError(
			f"{len(items):,} recommendations are too many to cluster at once (at most "
			f"{MAX_CLUSTERED_RECORDS:,}); choose a mechanism, a cycle or a theme first"
		)
	features = TextFeatures(ignored_names)
	texts = [record.text or "" for record in items]
	if len(items) < 2 or not any(features.words(text) for text in texts):
		return []
	vectoriser = TfidfVectorizer(analyzer=features, sublinear_tf=True, dtype=np.float64)
	vectors = vectoriser.fit_transform(texts)  # names the groups, and groups them without a model
	grouping = vectorise(texts) if vectorise else vectors
	distances = 1 - np.clip((grouping @ grouping.T).toarray(), 0, 1)
	np.fill_diagonal(distances, 0)
	tree = linkage(squareform(distances, checks=False), method="average")
	groups: dict[int, list[int]] = {}
	for position, group in enumerate(fcluster(tree, t=1 - min_similarity, criterion="distance")):
		groups.setdefault(int(group), []).append(position)

	terms = vectoriser.get_feature_names_out()
	total = np.asarray(vectors.sum(axis=0)).ravel()
	clusters = []
	for positions in groups.values():
		if len(positions) < 2:
			continue
		members = [items[position] for position in positions]
		# what the members say more than the other records do (everything, when there are none)
		own = np.asarray(vectors[positions].sum(axis=0)).ravel()
		others = len(items) - len(positions)
		distinctiveness = own / len(positions) - ((total - own) / others if others else 0)
		top_terms = _naming_terms(terms, distinctiveness, [record.text for record in members])
		inside = set(positions)
		outside = [record for position, record in enumerate(items) if position not in inside]
		name = _distinctive_theme(members, outside) or ", ".join(top_terms).capitalize() or members[0].id
		clusters.append(ProposedCluster(name, tuple(record.id for record in members), tuple(top_terms)))
	return sorted(clusters, key=lambda cluster: (-len(cluster.members), cluster.members[0]))


def _distinctive_theme(members: list[TrainingRecord], outside: list[TrainingRecord]) -> str | None:
	"""The theme at least half the members carry that sets them apart most from the rest of the
	selection (a broad theme that tags nearly every record, UHRI's "Scope of international
	obligations", names no group); None when no such theme sets them apart."""

	def shares(records: list[TrainingRecord]) -> Counter:
		if not records:
			return Counter()
		counts = Counter(
			theme for record in records for theme in dict.fromkeys(record.tags.get("themes", ()))
		)
		return Counter({theme: count / len(records) for theme, count in counts.items()})

	inside, beyond = shares(members), shares(outside)
	apart = {theme: share - beyond[theme] for theme, share in inside.items() if share >= 0.5}
	# the most apart first, then the first in the alphabet: the same records give the same name
	theme = min(apart, key=lambda theme: (-apart[theme], theme), default=None)
	return theme if theme and apart[theme] > 0 else None


def _naming_terms(terms: np.ndarray, scores: np.ndarray, texts: list[str]) -> list[str]:
	"""Up to CLUSTER_NAME_TERMS readable terms (whole words and word pairs, not prefixes) sharing no
	word, written as the texts write them: accents back, and the small words between a pair
	("allegations of torture")."""
	# A word pair names a subject better than its words ("child labour", not "child", "labour").
	scores = scores * np.array([NAMING_PAIR_PREFERENCE if " " in term else 1.0 for term in terms])
	chosen: list[str] = []
	used_words: set[str] = set()
	for position in np.argsort(-scores, kind="stable"):
		if scores[position] <= 0 or len(chosen) == CLUSTER_NAME_TERMS:
			break
		term = str(terms[position])
		words = set(term.split())
		if term.endswith("~") or words & used_words:
			continue
		chosen.append(term)
		used_words |= words
	written = _written_forms(texts)
	return [written[term].most_common(1)[0][0] if term in written else term for term in chosen]


def _written_forms(texts: list[str]) -> dict[str, Counter[str]]:
	"""How the texts write each folded word and word pair, stop words in between included."""
	forms: dict[str, Counter[str]] = {}
	for text in texts:
		words = [word for word in _LETTERS.findall((text or "").casefold()) if len(word) > 1]
		keys = [fold(word) for word in words]
		for start, key in enumerate(keys):
			if key in STOP_WORDS:
				continue
			forms.setdefault(key, Counter())[words[start]] += 1
			end = start + 1
			while end < len(keys) and keys[end] in STOP_WORDS:
				end += 1
			if end < len(keys):
				forms.setdefault(f"{key} {keys[end]}", Counter())[" ".join(words[start : end + 1])] += 1
	return forms


# ----------------------------------------------------------------------------------- bulk apply


def tags_to_apply(
	suggestions: Mapping[str, Sequence[Suggestion]],
	existing: Mapping[str, Iterable[str]],
	threshold: float,
	kinds: Iterable[str] = TAGGABLE_KINDS,
) -> dict[str, list[str]]:
	"""The tags "apply suggestions above X" adds, by kind: suggested with a score of at least
	`threshold`, not already on the recommendation, best first. It never removes a tag."""
	if not (isinstance(threshold, int | float) and 0 < threshold <= 1):
		raise ValueError(f"The confidence threshold must be above 0 and at most 1, not {threshold!r}")
	to_add = {}
	for kind in kinds:
		present = set(existing.get(kind, ()))
		additions = []
		for suggestion in sorted(suggestions.get(kind, ()), key=lambda suggestion: -suggestion.score):
			if suggestion.score >= threshold and suggestion.name not in present:
				present.add(suggestion.name)
				additions.append(suggestion.name)
		to_add[kind] = additions
	return to_add
