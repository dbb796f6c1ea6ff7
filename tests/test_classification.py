import joblib
import pytest

from nmirf_app.core.classification import (
	KINDS,
	Suggestion,
	TextFeatures,
	TrainingRecord,
	load,
	propose_clusters,
	sdg_goal_of_target,
	shipped_vocabulary,
	tags_to_apply,
	train,
)

TORTURE = "Prohibition of torture & ill-treatment (including cruel, inhuman or degrading treatment)"
DETENTION = "Conditions of detention"
BIRTH = "Rights related to name, identity & nationality"
VAW = "Violence against women"
INDIGENOUS = "Indigenous peoples"
EDUCATION = "Right to education"
TRAFFICKING = "Human trafficking & contemporary forms of slavery"
DEFENDERS = "Human rights defenders"
RATIFICATION = "Ratification of & accession to international instruments"
CHILD_LABOUR = "Children: protection against exploitation"
DEATH_PENALTY = "Death penalty"

DETAINEES = "Persons deprived of their liberty & detainees"
POLICE = "Law enforcement / police & prison officials"
CHILDREN = "Children"
WOMEN_GIRLS = "Women & girls"
PEOPLES = "Indigenous peoples"
DISABILITIES = "Persons with disabilities"

# id | themes | affected groups | SDG targets | text  (tags by the names above, "-" for none)
CORPUS_TABLE = """
t-en-1 | TORTURE | POLICE | 16.3 | Ensure that all allegations of torture and ill-treatment by police officers are promptly and impartially investigated and perpetrators punished (Germany);
t-fr-1 | TORTURE | POLICE | 16.3 | Veiller à ce que toutes les allégations de torture et de mauvais traitements imputées à la police fassent l'objet d'enquêtes promptes et impartiales (France);
t-es-1 | TORTURE | POLICE | 16.3 | Garantizar que todas las denuncias de tortura y malos tratos cometidos por agentes de policía sean investigadas de manera pronta e imparcial (Argentina);
t-en-2 | TORTURE | DETAINEES | 16.a | Strengthen the national preventive mechanism against torture and provide it with adequate human and financial resources (Denmark);
d-en-1 | DETENTION | DETAINEES | 16.3 | Reduce overcrowding in prisons and improve the material conditions of detention (Norway);
d-es-1 | DETENTION | DETAINEES | 16.3 | Reducir el hacinamiento en las cárceles y mejorar las condiciones materiales de detención (Chile);
d-fr-1 | DETENTION | DETAINEES | - | Améliorer les conditions matérielles de détention et réduire la surpopulation carcérale (Belgique);
b-en-1 | BIRTH | CHILDREN | 16.9 | Guarantee universal and free birth registration for all children, including indigenous children (Mexico);
b-es-1 | BIRTH | CHILDREN | 16.9 | Garantizar la inscripción universal y gratuita de los nacimientos de todos los niños y niñas (Uruguay);
b-fr-1 | BIRTH | CHILDREN | 16.9 | Garantir l'enregistrement universel et gratuit des naissances de tous les enfants (Sénégal);
w-en-1 | VAW | WOMEN_GIRLS | 5.2 | Adopt a comprehensive law to prevent and punish femicide and all forms of violence against women (Spain);
w-es-1 | VAW | WOMEN_GIRLS | 5.2 | Adoptar una ley integral para prevenir y sancionar el feminicidio y toda forma de violencia contra las mujeres (Colombia);
w-fr-1 | VAW | WOMEN_GIRLS | 5.2 | Renforcer la lutte contre la violence à l'égard des femmes, y compris le féminicide (Canada);
w-en-2 | VAW | WOMEN_GIRLS | 5.2 | Ensure adequate funding for shelters for women victims of violence throughout the territory (Sweden);
i-en-1 | INDIGENOUS | PEOPLES | 1.4 | Guarantee the land and territorial rights of indigenous peoples and their right to free, prior and informed consent (Bolivia (Plurinational State of));
i-es-1 | INDIGENOUS | PEOPLES | 1.4 | Garantizar los derechos territoriales de los pueblos indígenas y su derecho al consentimiento libre, previo e informado (Perú);
i-fr-1 | INDIGENOUS | PEOPLES | 1.4 | Protéger les droits fonciers et territoriaux des peuples autochtones (Suisse);
e-en-1 | EDUCATION | DISABILITIES,CHILDREN | 4.5 | Ensure inclusive education for children with disabilities in mainstream schools (Italy);
e-es-1 | EDUCATION | DISABILITIES,CHILDREN | 4.5 | Garantizar la educación inclusiva de los niños con discapacidad en las escuelas ordinarias (Ecuador);
h-en-1 | TRAFFICKING | WOMEN_GIRLS | 16.2,5.2 | Intensify efforts to combat trafficking in persons, in particular women and girls, and assist its victims (Philippines);
h-es-1 | TRAFFICKING | WOMEN_GIRLS | 16.2,5.2 | Intensificar la lucha contra la trata de personas, en particular de mujeres y niñas, y asistir a sus víctimas (Costa Rica);
p-en-1 | DEFENDERS | - | 16.10 | Protect human rights defenders and journalists from threats and attacks and investigate such attacks (Ireland);
p-fr-1 | DEFENDERS | - | 16.10 | Protéger les défenseurs des droits de l'homme et les journalistes contre les menaces et les attaques (Luxembourg);
r-en-1 | RATIFICATION | - | - | Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights (Portugal);
r-es-1 | RATIFICATION | - | - | Ratificar el Protocolo Facultativo del Pacto Internacional de Derechos Económicos, Sociales y Culturales (Uruguay);
r-en-2 | RATIFICATION | - | - | Ratify the Convention on the Reduction of Statelessness (Brazil);
# a planted repeat across cycles: the same recommendation, rephrased, about and by other States
c-cycle2 | CHILD_LABOUR | CHILDREN | 8.7 | Take all necessary measures to eradicate the worst forms of child labour, including criadazgo, in Paraguay (Netherlands (Kingdom of the));
c-cycle3 | CHILD_LABOUR | CHILDREN | 8.7 | Take all the measures needed to eliminate the worst forms of child labour, in particular criadazgo, in Uruguay (Holy See);
# same opening, same States, another subject: must rank below the real repeat
c-other | - | CHILDREN | 16.2 | Take all necessary measures to eradicate violence against children in schools in Paraguay (Netherlands (Kingdom of the));
x-en-1 | DEATH_PENALTY | - | - | Abolish the death penalty in law for all crimes (Australia);
"""
STATES = ["Paraguay", "Uruguay", "Netherlands (Kingdom of the)", "Holy See", "Germany", "France", "Spain"]


def _parse_corpus(table: str) -> list[TrainingRecord]:
	tag_names = {
		name: value for name, value in globals().items() if name.isupper() and isinstance(value, str)
	}
	records = []
	for line in table.strip().splitlines():
		if line.startswith("#"):
			continue
		record_id, themes, groups, targets, text = (cell.strip() for cell in line.split(" | ", 4))

		def tags(cell, resolve=True):
			values = [] if cell == "-" else cell.split(",")
			return [tag_names[value] for value in values] if resolve else values

		records.append(
			TrainingRecord(
				record_id,
				text,
				{
					"themes": tags(themes),
					"affected_groups": tags(groups),
					"sdg_targets": tags(targets, False),
				},
			)
		)
	return records


CORPUS = _parse_corpus(CORPUS_TABLE)
TEXTS = {record.id: record.text for record in CORPUS}


@pytest.fixture(scope="module")
def model():
	return train(CORPUS, shipped_vocabulary(), ignored_names=STATES)


def names(suggestions: list[Suggestion]) -> list[str]:
	return [suggestion.name for suggestion in suggestions]


# ------------------------------------------------------------------------------------ suggestions


@pytest.mark.parametrize(
	"text",
	[
		"Investigate every complaint of torture in police stations and prosecute those responsible",
		"Enquêter sur toutes les plaintes pour torture dans les commissariats",
		"Investigar todas las denuncias de tortura en comisarías",
	],
)
def test_torture_text_gets_the_torture_theme_in_the_top_three_in_any_language(model, text):
	themes = model.suggest(text)["themes"]
	assert TORTURE in names(themes)[:3]
	torture = next(suggestion for suggestion in themes if suggestion.name == TORTURE)
	assert torture.supporting_ids
	assert set(torture.supporting_ids) <= {"t-en-1", "t-fr-1", "t-es-1", "t-en-2"}


def test_suggestions_are_scored_in_the_unit_interval_best_first_and_limited(model):
	suggestions = model.suggest("Combat violence against women and girls, including femicide", limit=4)
	assert set(suggestions) == set(KINDS)
	for kind_suggestions in suggestions.values():
		assert len(kind_suggestions) <= 4
		scores = [suggestion.score for suggestion in kind_suggestions]
		assert scores == sorted(scores, reverse=True)
		assert all(0 < score <= 1 for score in scores)
	assert names(suggestions["themes"])[0] == VAW
	assert names(suggestions["sdg_targets"])[0] == "5.2"


def test_sdg_goal_is_learnt_from_the_target_codes():
	assert sdg_goal_of_target("5.2") == "SDG 5"
	assert sdg_goal_of_target("16.a") == "SDG 16"
	assert sdg_goal_of_target("") is None
	plain = train(CORPUS)  # no vocabulary: goals come from the tagged targets alone
	assert names(plain.suggest("Prevent femicide and violence against women")["sdg_goals"])[0] == "SDG 5"


def test_leave_one_out_never_uses_the_recommendations_own_tags():
	# "Death penalty" is on x-en-1 only, and without a vocabulary no label can suggest it.
	plain = train(CORPUS, ignored_names=STATES)
	text = TEXTS["x-en-1"]
	assert names(plain.suggest(text)["themes"])[0] == "Death penalty"
	honest = plain.suggest(text, exclude_id="x-en-1")
	assert "Death penalty" not in names(honest["themes"])
	assert all("x-en-1" not in s.supporting_ids for kind in honest.values() for s in kind)


def test_leave_one_out_keeps_what_other_recommendations_support(model):
	text = TEXTS["t-en-1"]
	themes = model.suggest(text, exclude_id="t-en-1")["themes"]
	assert names(themes)[0] == TORTURE
	assert "t-en-1" not in themes[0].supporting_ids


def test_untagged_recommendations_do_not_vote_against_a_kind():
	records = [
		TrainingRecord("tagged", "Abolish the death penalty for all crimes", {"themes": ["Death penalty"]}),
		*(
			TrainingRecord(f"untagged-{n}", f"Abolish the death penalty for all crimes now {n}")
			for n in range(5)
		),
	]
	themes = train(records).suggest("Abolish the death penalty")["themes"]
	assert names(themes) == ["Death penalty"]
	assert themes[0].score > 0.8


def test_a_vocabulary_keeps_retired_tags_out_of_suggestions():
	records = [TrainingRecord("r", "Abolish the death penalty", {"themes": ["Capital punishment (old)"]})]
	vocabulary = {"themes": [("Death penalty", "Death penalty")]}
	assert names(train(records, vocabulary).suggest("Abolish the death penalty")["themes"]) == [
		"Death penalty"
	]


def test_cold_start_suggests_from_the_vocabulary_labels_alone():
	empty = train([], shipped_vocabulary())
	assert empty.size == 0
	suggestions = empty.suggest("Abolish the death penalty for all crimes")
	assert names(suggestions["themes"])[0] == "Death penalty"
	violence = empty.suggest("Combat violence against women and girls")
	assert names(violence["themes"])[0] == "Violence against women"
	assert names(violence["affected_groups"])[0] == "Women & girls"
	assert "5.2" in names(violence["sdg_targets"])[:2]
	assert all(not s.supporting_ids for kind in violence.values() for s in kind)
	assert all(s.label_similarity > 0 for s in violence["themes"])
	assert empty.similar("Combat violence against women") == []


def test_tagged_recommendations_outweigh_the_labels(model):
	# The shipped label of 16.9 speaks of legal identity; the site's own tagging is what decides.
	themes = model.suggest("Garantizar la inscripción gratuita de los nacimientos")["themes"]
	assert names(themes)[0] == BIRTH
	assert themes[0].supporting_ids[0] == "b-es-1"


def test_unknown_kinds_and_repeated_ids_are_refused():
	with pytest.raises(ValueError, match="unknown kind"):
		train([TrainingRecord("a", "text", {"theme": ["Torture"]})])
	with pytest.raises(ValueError, match="appears twice"):
		train([TrainingRecord("a", "one text"), TrainingRecord("a", "another text")])
	with pytest.raises(ValueError, match="Unknown vocabulary kind"):
		train([], {"groups": [("Women", "Women")]})


# ---------------------------------------------------------------------------------------- similar


def test_similar_finds_the_rephrased_repeat_by_other_states_first(model):
	repeat = TEXTS["c-cycle3"]
	similar = model.similar(repeat, exclude_id="c-cycle3")
	assert similar[0].id == "c-cycle2"
	assert similar[0].score > 2 * similar[1].score
	assert "c-cycle3" not in [record_id for record_id, _score in similar]


def test_state_names_neither_make_nor_break_a_match():
	features = TextFeatures(["Paraguay", "Uruguay", "Netherlands (Kingdom of the)"])
	assert features("Paraguay should ratify the Convention (Netherlands (Kingdom of the));") == features(
		"Uruguay should ratify the Convention"
	)
	words = features.words("Paraguay should protect the Guaraní language. (Côte d'Ivoire) (Spain);")
	assert words == ["should", "protect", "guarani", "language"]


def test_similar_never_returns_the_query_and_respects_limit_and_min_score(model):
	text = TEXTS["w-en-1"]
	similar = model.similar(text, exclude_id="w-en-1", limit=3)
	assert len(similar) == 3
	assert "w-en-1" not in [neighbour.id for neighbour in similar]
	scores = [neighbour.score for neighbour in similar]
	assert scores == sorted(scores, reverse=True)
	assert all(
		neighbour.score >= 0.2 for neighbour in model.similar(text, exclude_id="w-en-1", min_score=0.2)
	)
	# without exclude_id the recommendation's own text is, rightly, the closest
	assert model.similar(text, limit=1)[0].id == "w-en-1"


def test_allowed_set_restricts_similar_and_still_fills_the_limit(model):
	text = "Ensure that allegations of torture by the police are investigated"
	everyone = [neighbour.id for neighbour in model.similar(text, limit=30)]
	readable = set(everyone[3:8])  # none of the three best
	restricted = model.similar(text, limit=3, allowed=readable)
	assert [neighbour.id for neighbour in restricted] == [
		record_id for record_id in everyone if record_id in readable
	][:3]


def test_allowed_callable_is_asked_lazily_and_over_fetched():
	# forty records ever less like the query: each adds one more unrelated word
	fillers = [f"x{first}{second}" for first in "abcd" for second in "abcdefghij"]
	records = [
		TrainingRecord(f"r{n:02d}", " ".join(["Prevent torture in detention", *fillers[:n]]))
		for n in range(40)
	]
	nearest_first = [neighbour.id for neighbour in train(records).similar("Prevent torture", limit=40)]
	assert nearest_first == [record.id for record in records]
	asked = []

	def may_read(record_id):
		asked.append(record_id)
		return record_id in {"r30", "r31"}

	similar = train(records).similar("Prevent torture", limit=2, allowed=may_read)
	assert [neighbour.id for neighbour in similar] == ["r30", "r31"]
	assert len(asked) == len(set(asked))  # each record asked about once
	assert 8 < len(asked) < 40  # more than the first candidates, fewer than all


def test_suggestions_only_vote_with_readable_recommendations(model):
	text = "Investigate every complaint of torture in police stations"
	readable = {"t-es-1", "w-en-1"}
	suggestions = model.suggest(text, allowed=readable)
	assert all(set(s.supporting_ids) <= readable for kind in suggestions.values() for s in kind)
	assert suggestions["themes"][0].name == TORTURE
	assert suggestions["themes"][0].supporting_ids == ("t-es-1",)
	nothing_readable = model.suggest(text, allowed=set())
	assert all(not s.supporting_ids for kind in nothing_readable.values() for s in kind)


def test_allowed_as_a_single_string_is_refused(model):
	with pytest.raises(TypeError):
		model.similar("torture", allowed="t-en-1")


# ------------------------------------------------------------------------------------------- file


def test_saved_model_answers_the_same_after_loading(model, tmp_path):
	path = tmp_path / "classification.joblib"
	model.save(path)
	loaded = load(path)
	assert loaded.size == model.size
	for text in ("Investigar denuncias de tortura", "Ratify the Convention on statelessness"):
		assert loaded.suggest(text) == model.suggest(text)
		assert loaded.similar(text, allowed={"r-en-2", "t-es-1"}) == model.similar(
			text, allowed={"r-en-2", "t-es-1"}
		)
	assert [path.name] == [child.name for child in tmp_path.iterdir()]  # no partial file left


def test_a_file_that_is_not_a_model_is_refused(tmp_path):
	path = tmp_path / "other.joblib"
	joblib.dump({"not": "a model"}, path)
	with pytest.raises(ValueError, match="train it again"):
		load(path)


# --------------------------------------------------------------------------------------- clusters

CLUSTER_TEXTS = {
	"a1": "Ensure that allegations of torture by police officers are investigated and perpetrators prosecuted",
	"a2": "Investigate all allegations of torture and ill-treatment by police officers",
	"a3": "Ensure prompt investigation of torture allegations and prosecute police officers responsible",
	"b1": "Guarantee free and universal birth registration for all children",
	"b2": "Ensure universal birth registration, including late birth registration, free of charge",
	"b3": "Strengthen birth registration services in rural areas so that all children are registered",
	"z1": "Abolish the death penalty for all crimes",
}


def test_clusters_group_related_texts_and_leave_the_odd_one_out():
	clusters = propose_clusters(
		[TrainingRecord(record_id, text) for record_id, text in CLUSTER_TEXTS.items()]
	)
	assert [cluster.members for cluster in clusters] == [("a1", "a2", "a3"), ("b1", "b2", "b3")]
	assert "torture" in clusters[0].name.casefold()
	assert "birth registration" in clusters[1].name.casefold()


def test_clusters_are_the_same_whatever_the_order_of_the_records():
	records = [TrainingRecord(record_id, text) for record_id, text in CLUSTER_TEXTS.items()]
	assert propose_clusters(records) == propose_clusters(list(reversed(records)))


def test_cluster_is_named_after_the_theme_most_members_carry():
	records = [
		TrainingRecord(record_id, text, {"themes": [BIRTH] if record_id.startswith("b") else []})
		for record_id, text in CLUSTER_TEXTS.items()
	]
	names_by_members = {cluster.members: cluster.name for cluster in propose_clusters(records)}
	assert names_by_members[("b1", "b2", "b3")] == BIRTH
	assert "torture" in names_by_members[("a1", "a2", "a3")].casefold()


def test_a_theme_nearly_every_record_carries_names_no_group():
	"""As UHRI tags most UPR recommendations "Scope of international obligations": the group of birth
	registration recommendations is named after what sets it apart, not after that broad theme."""
	broad = "Scope of international obligations"
	records = [
		TrainingRecord(record_id, text, {"themes": [broad] + ([BIRTH] if record_id == "b1" else [])})
		for record_id, text in CLUSTER_TEXTS.items()
	]
	names_by_members = {cluster.members: cluster.name for cluster in propose_clusters(records)}
	assert "birth registration" in names_by_members[("b1", "b2", "b3")].casefold()
	assert "torture" in names_by_members[("a1", "a2", "a3")].casefold()
	# a theme most of the group carries, and few others do, still names it
	records = [
		TrainingRecord(record_id, text, {"themes": [broad] + ([BIRTH] if record_id in ("b1", "b2") else [])})
		for record_id, text in CLUSTER_TEXTS.items()
	]
	names_by_members = {cluster.members: cluster.name for cluster in propose_clusters(records)}
	assert names_by_members[("b1", "b2", "b3")] == BIRTH


def test_cluster_names_keep_the_accents_of_the_texts():
	records = [
		TrainingRecord("s1", "Garantizar la educación inclusiva de los niños con discapacidad"),
		TrainingRecord("s2", "Promover la educación inclusiva en todas las escuelas"),
	]
	(cluster,) = propose_clusters(records)
	assert "educación inclusiva" in cluster.name.casefold()


def test_too_many_or_too_few_records_to_cluster():
	assert propose_clusters([TrainingRecord("only", "Abolish the death penalty")]) == []
	assert propose_clusters([TrainingRecord("a", ""), TrainingRecord("b", "  ")]) == []
	with pytest.raises(ValueError, match="too many"):
		propose_clusters(TrainingRecord(str(n), "text") for n in range(5001))


# ------------------------------------------------------------------------------------- bulk apply


def test_tags_to_apply_adds_only_confident_new_tags_never_twice():
	suggestions = {
		"themes": [
			Suggestion("Torture", 0.9, ("a",)),
			Suggestion("Detention", 0.7, ("b",)),
			Suggestion("Torture", 0.8, ("c",)),  # the same tag twice must be added once
			Suggestion("Police", 0.4, ()),
		],
		"sdg_targets": [Suggestion("16.3", 0.95, ("a",))],
		"sdg_goals": [Suggestion("SDG 16", 0.95, ("a",))],
	}
	to_add = tags_to_apply(suggestions, {"themes": ["Detention"], "sdg_targets": []}, threshold=0.6)
	assert to_add == {"themes": ["Torture"], "affected_groups": [], "sdg_targets": ["16.3"]}
	assert tags_to_apply(suggestions, {"sdg_targets": ["16.3"]}, threshold=0.95)["sdg_targets"] == []


@pytest.mark.parametrize("threshold", [0, -0.1, 1.5, float("nan")])
def test_tags_to_apply_refuses_a_meaningless_threshold(threshold):
	with pytest.raises(ValueError, match="threshold"):
		tags_to_apply({}, {}, threshold)


def test_treaty_body_boilerplate_and_document_symbols_do_not_make_texts_alike():
	features = TextFeatures()
	words = features.words(
		"The Committee, recalling its previous concluding observations (CEDAW/C/PRY/CO/7, para. 23), "
		"recommends that the State party protect human rights defenders."
	)
	assert words == ["protect", "human", "rights", "defenders"]
	records = [
		TrainingRecord(
			"A", "The Committee recommends that the State party protect human rights defenders from attacks"
		),
		TrainingRecord("B", "Protect women human rights defenders from attacks and threats (A/HRC/48/9)"),
		TrainingRecord("C", "The Committee recommends that the State party reduce prison overcrowding"),
		TrainingRecord("D", "Reduce overcrowding in prisons and improve conditions of detention"),
	]
	groups = sorted(sorted(cluster.members) for cluster in propose_clusters(records, min_similarity=0.1))
	assert groups == [["A", "B"], ["C", "D"]]


def test_clusters_can_weigh_words_by_a_trained_corpus():
	"""Words the whole site uses everywhere ("access to justice and legal aid") group a small
	selection on their own; weighed by the corpus, what sets the texts apart groups them."""
	corpus = [
		TrainingRecord(f"R{index}", f"Ensure access to justice and legal aid in district {name}")
		for index, name in enumerate("abcdefghijklmnopqrst")
	]
	selection = [
		TrainingRecord("X1", "Ensure access to justice and legal aid in rural schools"),
		TrainingRecord("X2", "Ensure access to justice and legal aid for indigenous peoples"),
		TrainingRecord("Y1", "Build toilets in rural schools"),
	]
	model = train(corpus + selection)
	assert [cluster.members for cluster in propose_clusters(selection, min_similarity=0.2)] == [("X1", "X2")]
	weighed = propose_clusters(selection, min_similarity=0.2, vectorise=model.vectors)
	assert [cluster.members for cluster in weighed] == [("X1", "Y1")]
