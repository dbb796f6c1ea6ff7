"""Classification benchmark: how good and how fast assisted classification is at UHRI scale.

Framework-free; run it from the checkout (it is not a test and prints figures):

	python3 benchmarks/classification_benchmark.py                 # 250,000 recommendations
	python3 benchmarks/classification_benchmark.py --size 20000    # a quick run

UHRI's tags are not in the repository, and `uhri_samples.py` tags its records at random (it
exercises the importer, not meaning), so this generates its own seeded corpus: recommendations
composed from phrasings of real recommendation actions in English, French and Spanish about
30 subjects, each subject tagged with the real UHRI themes, affected groups and SDG targets it
is tagged with, plus annotators' noise (missed and stray tags, records without groups or SDGs).
Some records are planted repeats of earlier ones: rephrased, made by and to other States, as the
next cycle or another mechanism repeats a recommendation.

It prints: precision and recall of the suggestions on held-out records (and leave-one-out on
records in the model), the precision of "similar" on planted repeats, training time, peak memory,
model file size, and median / p95 latency of one suggestion and one similar list, for everyone
and for a focal point who may read about 5% of the recommendations.
"""

import argparse
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from array import array
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nmirf_app.core.classification import (
	TrainingRecord,
	load,
	sdg_goal_of_target,
	shipped_vocabulary,
	train,
)

TORTURE = "Prohibition of torture & ill-treatment (including cruel, inhuman or degrading treatment)"
DETAINEES = "Persons deprived of their liberty & detainees"
RURAL = "Persons living in rural areas"


@dataclass(frozen=True)
class Subject:
	themes: tuple[str, ...]
	groups: tuple[str, ...]
	targets: tuple[str, ...]
	phrases: dict[str, str]  # language → noun phrase


def _subject(themes, groups, targets, en, fr, es) -> Subject:
	return Subject(tuple(themes), tuple(groups), tuple(targets), {"en": en, "fr": fr, "es": es})


SUBJECTS = (
	_subject(
		[TORTURE],
		[DETAINEES],
		["16.3", "16.a"],
		"torture and ill-treatment in places of detention",
		"la torture et les mauvais traitements dans les lieux de détention",
		"la tortura y los malos tratos en los lugares de detención",
	),
	_subject(
		["Conditions of detention"],
		[DETAINEES],
		["16.3"],
		"overcrowding and poor material conditions in prisons",
		"la surpopulation et les mauvaises conditions matérielles dans les prisons",
		"el hacinamiento y las malas condiciones materiales en las cárceles",
	),
	_subject(
		["Arbitrary arrest & detention", "Administration of justice & fair trial"],
		[DETAINEES],
		["16.3"],
		"the excessive use of pretrial detention",
		"le recours excessif à la détention provisoire",
		"el uso excesivo de la prisión preventiva",
	),
	_subject(
		["Violence against women", "Sexual & gender-based violence"],
		["Women & girls"],
		["5.2"],
		"violence against women, including femicide",
		"la violence à l'égard des femmes, y compris le féminicide",
		"la violencia contra las mujeres, incluido el feminicidio",
	),
	_subject(
		["Domestic violence"],
		["Women"],
		["5.2", "16.1"],
		"domestic violence and the protection of its victims",
		"la violence domestique et la protection de ses victimes",
		"la violencia doméstica y la protección de sus víctimas",
	),
	_subject(
		["Human trafficking & contemporary forms of slavery"],
		["Women & girls"],
		["16.2", "8.7", "5.2"],
		"trafficking in persons, in particular women and girls",
		"la traite des personnes, en particulier des femmes et des filles",
		"la trata de personas, en particular de mujeres y niñas",
	),
	_subject(
		["Children: protection against exploitation"],
		["Children"],
		["8.7"],
		"the worst forms of child labour, including criadazgo",
		"les pires formes de travail des enfants, y compris le criadazgo",
		"las peores formas de trabajo infantil, incluido el criadazgo",
	),
	_subject(
		["Rights related to name, identity & nationality"],
		["Children"],
		["16.9"],
		"universal and free birth registration",
		"l'enregistrement universel et gratuit des naissances",
		"la inscripción universal y gratuita de los nacimientos",
	),
	_subject(
		["Children: definition; general principles; protection"],
		["Children"],
		["16.2"],
		"corporal punishment of children in all settings",
		"les châtiments corporels infligés aux enfants dans tous les contextes",
		"el castigo corporal de niños y niñas en todos los ámbitos",
	),
	_subject(
		["Children: juvenile justice"],
		["Youth & juveniles", "Children"],
		["16.3"],
		"the juvenile justice system and alternatives to detention for children",
		"le système de justice pour mineurs et les alternatives à la détention des enfants",
		"el sistema de justicia juvenil y las alternativas a la privación de libertad de los niños",
	),
	_subject(
		["Indigenous peoples", "Land & property rights"],
		["Indigenous peoples"],
		["1.4", "2.3"],
		"the land and territorial rights of indigenous peoples",
		"les droits fonciers et territoriaux des peuples autochtones",
		"los derechos territoriales de los pueblos indígenas",
	),
	_subject(
		["Indigenous peoples"],
		["Indigenous peoples"],
		["16.7"],
		"the right of indigenous peoples to free, prior and informed consent",
		"le droit des peuples autochtones au consentement préalable, libre et éclairé",
		"el derecho de los pueblos indígenas al consentimiento libre, previo e informado",
	),
	_subject(
		["Right to adequate housing", "Land & property rights"],
		[RURAL],
		["11.1", "1.4"],
		"forced evictions of peasant and indigenous communities",
		"les expulsions forcées de communautés paysannes et autochtones",
		"los desalojos forzosos de comunidades campesinas e indígenas",
	),
	_subject(
		["Human rights defenders", "Freedom of opinion and expression & access to information"],
		["Human rights defenders", "Media"],
		["16.10"],
		"threats and attacks against human rights defenders and journalists",
		"les menaces et les attaques contre les défenseurs des droits de l'homme et les journalistes",
		"las amenazas y los ataques contra defensores de derechos humanos y periodistas",
	),
	_subject(
		["Administration of justice & fair trial"],
		["Judges, lawyers and prosecutors"],
		["16.3", "16.6"],
		"the independence of the judiciary and the appointment of judges",
		"l'indépendance du pouvoir judiciaire et la nomination des juges",
		"la independencia del poder judicial y el nombramiento de los jueces",
	),
	_subject(
		["Good governance & corruption"],
		["Public officials"],
		["16.5"],
		"corruption in public institutions",
		"la corruption dans les institutions publiques",
		"la corrupción en las instituciones públicas",
	),
	_subject(
		["Equality & non-discrimination"],
		["Lesbian, gay, bisexual and transgender and intersex persons (LGBTI)"],
		["10.3", "16.b"],
		"discrimination on the grounds of sexual orientation and gender identity",
		"la discrimination fondée sur l'orientation sexuelle et l'identité de genre",
		"la discriminación por motivos de orientación sexual e identidad de género",
	),
	_subject(
		["Right to education", "Persons with disabilities: independence, inclusion"],
		["Persons with disabilities", "Children"],
		["4.5", "4.a"],
		"the inclusion of children with disabilities in mainstream education",
		"l'inclusion des enfants handicapés dans l'enseignement ordinaire",
		"la inclusión de los niños con discapacidad en la educación ordinaria",
	),
	_subject(
		["Right to education"],
		["Children", RURAL],
		["4.1"],
		"access to free primary and secondary education in rural areas",
		"l'accès à l'enseignement primaire et secondaire gratuit dans les zones rurales",
		"el acceso a la educación primaria y secundaria gratuita en las zonas rurales",
	),
	_subject(
		["Right to health", "Sexual & reproductive health and rights"],
		["Women"],
		["3.1"],
		"maternal mortality and unsafe abortion",
		"la mortalité maternelle et les avortements non sécurisés",
		"la mortalidad materna y el aborto en condiciones de riesgo",
	),
	_subject(
		["Access to sexual & reproductive health & services"],
		["Youth", "Girls"],
		["3.7", "5.6"],
		"access to sexual and reproductive health services for adolescents",
		"l'accès des adolescents aux services de santé sexuelle et reproductive",
		"el acceso de los adolescentes a los servicios de salud sexual y reproductiva",
	),
	_subject(
		["Safe drinking water & sanitation"],
		[RURAL, "Indigenous peoples"],
		["6.1", "6.2"],
		"access to safe drinking water and sanitation",
		"l'accès à l'eau potable et à l'assainissement",
		"el acceso al agua potable y al saneamiento",
	),
	_subject(
		["Human rights & the environment", "Right to health"],
		[RURAL],
		["3.9", "12.4"],
		"the use of pesticides affecting rural communities",
		"l'utilisation de pesticides qui affecte les communautés rurales",
		"el uso de plaguicidas que afecta a las comunidades rurales",
	),
	_subject(
		["Participation of women in political & public life"],
		["Women"],
		["5.5"],
		"the participation of women in political and public life",
		"la participation des femmes à la vie politique et publique",
		"la participación de las mujeres en la vida política y pública",
	),
	_subject(
		["Labour rights and right to work"],
		["Migrants & domestic workers"],
		["8.8", "8.5"],
		"the labour rights of domestic workers",
		"les droits du travail des travailleurs domestiques",
		"los derechos laborales de las trabajadoras domésticas",
	),
	_subject(
		["Enforced disappearances", "Right to effective remedy & reparations"],
		["Disappeared persons"],
		["16.3"],
		"enforced disappearances committed during the dictatorship",
		"les disparitions forcées commises pendant la dictature",
		"las desapariciones forzadas cometidas durante la dictadura",
	),
	_subject(
		["Human rights & poverty", "Right to social security"],
		["Persons living in poverty"],
		["1.3", "1.2"],
		"extreme poverty and the coverage of social protection programmes",
		"l'extrême pauvreté et la couverture des programmes de protection sociale",
		"la pobreza extrema y la cobertura de los programas de protección social",
	),
	_subject(
		["Racial discrimination"],
		["Minorities/ racial, ethnic, linguistic, religious or descent-based groups"],
		["10.3"],
		"racial discrimination against people of African descent",
		"la discrimination raciale à l'égard des personnes d'ascendance africaine",
		"la discriminación racial contra los afrodescendientes",
	),
	_subject(
		["Migrants"],
		["Migrants"],
		["10.7"],
		"the rights of migrant workers and members of their families",
		"les droits des travailleurs migrants et des membres de leur famille",
		"los derechos de los trabajadores migratorios y de sus familiares",
	),
	_subject(
		["National Human Rights Institution (NHRI)"],
		[],
		["16.a"],
		"the independence of the national human rights institution in line with the Paris Principles",
		"l'indépendance de l'institution nationale des droits de l'homme conformément aux Principes de Paris",
		"la independencia de la institución nacional de derechos humanos de conformidad con los Principios de París",
	),
)

# Families of actions, each phrased several ways: a repeat takes another phrasing of its family.
ACTIONS = {
	"en": (
		(
			"Adopt a comprehensive law on {s}",
			"Enact comprehensive legislation to address {s}",
			"Pass a comprehensive law addressing {s}",
		),
		(
			"Ensure that all cases of {s} are promptly and impartially investigated and those responsible prosecuted",
			"Guarantee prompt and impartial investigations into all cases of {s} and bring perpetrators to justice",
		),
		(
			"Establish a national data collection system on {s}, disaggregated by age, sex and ethnic origin",
			"Set up a system to collect data on {s}, disaggregated by age, sex and ethnicity",
		),
		(
			"Intensify awareness-raising campaigns to combat {s}",
			"Step up public awareness campaigns against {s}",
		),
		(
			"Provide systematic training for judges, prosecutors and police officers on {s}",
			"Train judges, prosecutors and law enforcement officials on {s}",
		),
		(
			"Allocate sufficient human, technical and financial resources to address {s}",
			"Provide adequate human and financial resources to tackle {s}",
		),
		(
			"Develop a national action plan to address {s}, with the participation of civil society",
			"Adopt a national plan of action on {s} in consultation with civil society",
		),
		(
			"Continue efforts to combat {s}",
			"Take further measures to address {s}",
			"Redouble efforts to eradicate {s}",
		),
	),
	"fr": (
		("Adopter une loi globale sur {s}", "Promulguer une législation complète pour remédier à {s}"),
		(
			"Veiller à ce que tous les cas de {s} fassent l'objet d'enquêtes promptes et impartiales",
			"Garantir des enquêtes rapides et impartiales sur tous les cas de {s}",
		),
		(
			"Mettre en place un système national de collecte de données sur {s}, ventilées par âge, sexe et origine ethnique",
			"Créer un système de collecte de données ventilées sur {s}",
		),
		(
			"Intensifier les campagnes de sensibilisation pour lutter contre {s}",
			"Renforcer les campagnes d'information du public contre {s}",
		),
		(
			"Dispenser une formation systématique aux juges, aux procureurs et aux policiers sur {s}",
			"Former les juges, les procureurs et les agents des forces de l'ordre sur {s}",
		),
		(
			"Allouer des ressources humaines, techniques et financières suffisantes pour remédier à {s}",
			"Fournir des ressources humaines et financières adéquates pour s'attaquer à {s}",
		),
		(
			"Élaborer un plan d'action national pour remédier à {s}, avec la participation de la société civile",
			"Adopter un plan d'action national sur {s} en consultation avec la société civile",
		),
		("Poursuivre ses efforts pour lutter contre {s}", "Prendre de nouvelles mesures pour remédier à {s}"),
	),
	"es": (
		("Adoptar una ley integral sobre {s}", "Aprobar una legislación integral para abordar {s}"),
		(
			"Garantizar que todos los casos de {s} sean investigados de manera pronta e imparcial y los responsables enjuiciados",
			"Asegurar investigaciones prontas e imparciales de todos los casos de {s} y llevar a los autores ante la justicia",
		),
		(
			"Establecer un sistema nacional de recopilación de datos sobre {s}, desglosados por edad, sexo y origen étnico",
			"Crear un sistema de recopilación de datos desglosados sobre {s}",
		),
		(
			"Intensificar las campañas de sensibilización para combatir {s}",
			"Reforzar las campañas de concienciación pública contra {s}",
		),
		(
			"Impartir capacitación sistemática a jueces, fiscales y policías sobre {s}",
			"Capacitar a jueces, fiscales y funcionarios encargados de hacer cumplir la ley sobre {s}",
		),
		(
			"Asignar recursos humanos, técnicos y financieros suficientes para abordar {s}",
			"Proporcionar recursos humanos y financieros adecuados para hacer frente a {s}",
		),
		(
			"Elaborar un plan nacional de acción para abordar {s}, con la participación de la sociedad civil",
			"Adoptar un plan nacional de acción sobre {s} en consulta con la sociedad civil",
		),
		(
			"Continuar los esfuerzos para combatir {s}",
			"Adoptar nuevas medidas para abordar {s}",
			"Redoblar los esfuerzos para erradicar {s}",
		),
	),
}
OPENINGS = {
	"en": ("", "", "{state} should ", "The Committee recommends that {state} "),
	"fr": ("", "Le Comité recommande à l'État partie de "),
	"es": ("", "El Comité recomienda al Estado parte "),
}
JOINERS = {"en": ", and ", "fr": ", et ", "es": ", y "}
DETAILS = {
	"en": (", in particular in {place}", ", including in {place}", " in cooperation with {body}", ", with the support of {body}", ", throughout the territory of {state}", ", with particular attention to {population}"),
	"fr": (", en particulier dans {place}", ", y compris dans {place}", " en coopération avec {body}", ", avec l'appui de {body}", ", en accordant une attention particulière {population}"),
	"es": (", en particular en {place}", ", incluso en {place}", " en cooperación con {body}", ", con el apoyo de {body}", ", prestando especial atención a {population}"),
}  # fmt: skip
POPULATIONS = {
	"en": ("rural women", "Ayoreo communities", "Guarani-speaking families", "children in street situations", "older persons", "adolescent mothers", "persons living with HIV", "Afro-Paraguayan communities", "Mennonite colonies", "Mbyá Guaraní families", "seasonal agricultural workers", "single-parent households"),
	"fr": ("aux femmes rurales", "aux communautés ayoreo", "aux familles guaranophones", "aux enfants des rues", "aux personnes âgées", "aux mères adolescentes", "aux personnes vivant avec le VIH", "aux communautés afro-paraguayennes", "aux travailleurs agricoles saisonniers"),
	"es": ("las mujeres rurales", "las comunidades ayoreo", "las familias guaraní hablantes", "los niños en situación de calle", "las personas mayores", "las madres adolescentes", "las personas con VIH", "las comunidades afroparaguayas", "los trabajadores agrícolas temporeros"),
}  # fmt: skip
# Small rephrasings a later cycle or another mechanism makes (word → another word).
SYNONYMS = {
	"en": {"Ensure": "Guarantee", "ensure": "guarantee", "combat": "tackle", "address": "deal with", "sufficient": "adequate", "comprehensive": "holistic", "Intensify": "Strengthen", "efforts": "measures", "promptly": "swiftly", "systematic": "regular", "particular": "especial"},
	"fr": {"Veiller": "Faire en sorte", "lutter": "combattre", "suffisantes": "adéquates", "globale": "complète", "Intensifier": "Renforcer", "efforts": "mesures", "systématique": "régulière", "particulier": "priorité"},
	"es": {"Garantizar": "Asegurar", "combatir": "enfrentar", "suficientes": "adecuados", "integral": "amplia", "Intensificar": "Reforzar", "esfuerzos": "medidas", "sistemática": "periódica", "particular": "especial"},
}  # fmt: skip
PLACES = (
	"Alto Paraguay", "Boquerón", "Presidente Hayes", "Concepción", "San Pedro", "Canindeyú", "Amambay",
	"Caaguazú", "Itapúa", "Alto Paraná", "Guairá", "Caazapá", "Misiones", "Ñeembucú", "Paraguarí",
	"Cordillera", "Central", "the Chaco", "Asunción", "Ciudad del Este", "Encarnación", "Pedro Juan Caballero",
	"Villarrica", "Coronel Oviedo", "Filadelfia", "Mariscal Estigarribia", "Fuerte Olimpo", "Salto del Guairá",
	"Loma Plata", "Caacupé", "Pilar", "San Juan Bautista", "Limpio", "Luque", "Lambaré", "Capiatá",
)  # fmt: skip
BODIES = {
	"en": ("the Ministry of Women", "the Public Prosecution Service", "the Ombudsman", "the Ministry of Education", "the Ministry of Health", "the Supreme Court of Justice", "the National Police", "the Ministry of Labour", "the National Institute of Indigenous Affairs", "the Ministry of Children and Adolescents", "municipal councils", "departmental governments", "UNICEF", "OHCHR", "the National Mechanism for the Prevention of Torture"),
	"fr": ("le Ministère de la femme", "le ministère public", "le Défenseur du peuple", "le Ministère de l'éducation", "le Ministère de la santé", "la Cour suprême", "la police nationale", "le Ministère du travail", "l'Institut national des affaires autochtones", "les conseils municipaux", "le HCDH", "l'UNICEF"),
	"es": ("el Ministerio de la Mujer", "el Ministerio Público", "la Defensoría del Pueblo", "el Ministerio de Educación", "el Ministerio de Salud", "la Corte Suprema de Justicia", "la Policía Nacional", "el Ministerio de Trabajo", "el Instituto Paraguayo del Indígena", "los consejos municipales", "el ACNUDH", "UNICEF"),
}  # fmt: skip
STATES = (
	"Paraguay", "Argentina", "Bolivia (Plurinational State of)", "Brazil", "Chile", "Peru", "Uruguay", "Colombia",
	"Guatemala", "Mexico", "Ecuador", "Costa Rica", "Panama", "Cuba", "Spain", "Portugal", "France", "Germany",
	"Norway", "Sweden", "Canada", "Iceland", "Switzerland", "Italy", "Holy See", "Netherlands (Kingdom of the)",
	"United Kingdom of Great Britain and Northern Ireland", "Japan", "India", "Indonesia", "Thailand", "Nepal",
	"Fiji", "Republic of Korea", "Iran (Islamic Republic of)", "Senegal", "Ghana", "Namibia", "Sierra Leone",
	"Côte d'Ivoire", "Kenya", "Philippines", "Viet Nam", "Türkiye", "Czechia", "Slovenia", "Ukraine",
	"Russian Federation", "State of Palestine", "Maldives",
)  # fmt: skip
LANGUAGES = (("en", 0.6), ("es", 0.25), ("fr", 0.15))
REPEAT_SHARE = 0.03
REMEMBERED_ORIGINALS = 20_000  # the originals a repeat may copy (reservoir sampling keeps it bounded)


@dataclass(frozen=True)
class Composition:
	"""What a record says, so that a repeat can say it again differently."""

	language: str
	parts: tuple[tuple[int, int, int], ...]  # (subject, action family, phrasing)
	details: tuple[str, ...]


class Corpus:
	"""A seeded stream of tagged recommendations; remembers the planted repeats it wrote."""

	def __init__(self, seed: int):
		self.rng = random.Random(seed)
		self.count = 0
		self.originals: list[tuple[str, Composition]] = []
		self.repeats: list[tuple[str, str, str]] = []  # (repeat id, original id, repeat text)
		# what each record recommends (language, subjects, actions), whatever its wording
		self.meanings = array("q")
		self.theme_names = [name for name, _text in shipped_vocabulary()["themes"]]
		self.group_names = [name for name, _text in shipped_vocabulary()["affected_groups"]]

	def records(self, count: int):
		for _ in range(count):
			yield self.record()

	def record(self) -> TrainingRecord:
		rng = self.rng
		self.count += 1
		record_id = f"REC-{self.count:07d}"
		original = None
		if self.originals and rng.random() < REPEAT_SHARE:
			original_id, composition = rng.choice(self.originals)
			composition = self._rephrased(composition)
			original = original_id
		else:
			composition = self._composition()
		self.meanings.append(
			hash((composition.language, tuple(sorted(part[:2] for part in composition.parts))))
		)
		text = self._text(composition)
		if original:
			text = self._reworded(text, composition.language)
			self.repeats.append((record_id, original, text))
		else:
			self._remember(record_id, composition)
		return TrainingRecord(record_id, text, self._tags(composition))

	def _composition(self) -> Composition:
		rng = self.rng
		language = rng.choices([code for code, _ in LANGUAGES], [share for _, share in LANGUAGES])[0]
		families = ACTIONS[language]
		parts = []
		for subject in rng.sample(range(len(SUBJECTS)), 1 if rng.random() < 0.7 else 2):
			family = rng.randrange(len(families))
			parts.append((subject, family, rng.randrange(len(families[family]))))
		details = [
			template.format(
				place=rng.choice(PLACES),
				body=rng.choice(BODIES[language]),
				population=rng.choice(POPULATIONS[language]),
				state="{state}",
			)
			for template in rng.sample(DETAILS[language], rng.choice((1, 2, 2, 3)))
		]
		return Composition(language, tuple(parts), tuple(details))

	def _rephrased(self, composition: Composition) -> Composition:
		"""The same recommendation as the next cycle or another mechanism words it: in half of
		them another phrasing of the action, one detail dropped when there are several (and, in
		`_text`, other States and a few words changed)."""
		rng = self.rng
		families = ACTIONS[composition.language]
		parts = tuple(
			(subject, family, rng.randrange(len(families[family])) if rng.random() < 0.5 else phrasing)
			for subject, family, phrasing in composition.parts
		)
		details = list(composition.details)
		if len(details) > 1:
			details.pop(rng.randrange(len(details)))
		return Composition(composition.language, parts, tuple(details))

	def _remember(self, record_id: str, composition: Composition):
		if len(self.originals) < REMEMBERED_ORIGINALS:
			self.originals.append((record_id, composition))
		else:
			slot = self.rng.randrange(self.count)
			if slot < REMEMBERED_ORIGINALS:
				self.originals[slot] = (record_id, composition)

	def _text(self, composition: Composition) -> str:
		rng = self.rng
		language = composition.language
		state = rng.choice(STATES)
		actions = [
			ACTIONS[language][family][phrasing].format(s=SUBJECTS[subject].phrases[language])
			for subject, family, phrasing in composition.parts
		]
		text = JOINERS[language].join(
			[actions[0], *(action[0].lower() + action[1:] for action in actions[1:])]
		)
		opening = rng.choice(OPENINGS[language]).format(state=state)
		if opening:
			text = opening + text[0].lower() + text[1:]
		text += "".join(composition.details).replace("{state}", state)
		if rng.random() < 0.6:  # UPR style: the recommending States in parentheses
			text += " " + " ".join(f"({name})" for name in rng.sample(STATES, rng.choice((1, 1, 2, 3))))
		return text + rng.choice((";", ".", ""))

	def _reworded(self, text: str, language: str) -> str:
		synonyms = [word for word in SYNONYMS[language] if re.search(rf"\b{word}\b", text)]
		for word in self.rng.sample(synonyms, min(len(synonyms), 2)):
			text = re.sub(rf"\b{word}\b", SYNONYMS[language][word], text, count=1)
		return text

	def _tags(self, composition: Composition) -> dict[str, list[str]]:
		rng = self.rng
		subjects = [SUBJECTS[subject] for subject, _family, _phrasing in composition.parts]
		tags = {
			"themes": list(dict.fromkeys(theme for subject in subjects for theme in subject.themes)),
			"affected_groups": list(dict.fromkeys(group for subject in subjects for group in subject.groups)),
			"sdg_targets": list(dict.fromkeys(target for subject in subjects for target in subject.targets)),
		}
		# annotators' noise: a missed tag, a stray one, records never tagged with groups or SDGs
		for names in tags.values():
			if names and rng.random() < 0.08:
				names.remove(rng.choice(names))
		if rng.random() < 0.05:
			tags["themes"].append(rng.choice(self.theme_names))
		if rng.random() < 0.1:
			tags["affected_groups"] = []
		if rng.random() < 0.2:
			tags["sdg_targets"] = []
		return tags


def true_tags(record: TrainingRecord) -> dict[str, set[str]]:
	tags = {kind: set(record.tags.get(kind, ())) for kind in ("themes", "affected_groups", "sdg_targets")}
	tags["sdg_goals"] = {sdg_goal_of_target(code) for code in tags["sdg_targets"]} - {None}
	return tags


def meaning(corpus: Corpus, record_id: str) -> int:
	return corpus.meanings[int(record_id.split("-")[1]) - 1]


def rss_mb() -> float:
	with open("/proc/self/status") as status:
		for line in status:
			if line.startswith("VmRSS:"):
				return int(line.split()[1]) / 1024
	return 0.0


def peak_rss_mb() -> float:
	return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def percentile(values: list[float], share: float) -> float:
	ordered = sorted(values)
	return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def quality(model, records: list[TrainingRecord], exclude_own: bool, threshold: float):
	"""Precision@1, precision@5, recall@5 by kind, and precision/recall of scores >= threshold."""
	kinds = ("themes", "affected_groups", "sdg_targets", "sdg_goals")
	sums = {kind: [0.0, 0.0, 0.0, 0, 0, 0, 0] for kind in kinds}  # p1, p5, r5, n, kept, right, truth
	for record in records:
		truth = true_tags(record)
		suggestions = model.suggest(record.text, exclude_id=record.id if exclude_own else None)
		for kind in kinds:
			if not truth[kind]:
				continue  # untagged for this kind: nothing to compare with
			names = [suggestion.name for suggestion in suggestions[kind]]
			top = names[:5]
			figures = sums[kind]
			figures[0] += 1.0 if names and names[0] in truth[kind] else 0.0
			figures[1] += len(set(top) & truth[kind]) / 5
			figures[2] += len(set(top) & truth[kind]) / len(truth[kind])
			figures[3] += 1
			confident = {s.name for s in suggestions[kind] if s.score >= threshold}
			figures[4] += len(confident)
			figures[5] += len(confident & truth[kind])
			figures[6] += len(truth[kind])
	for kind in kinds:
		p1, p5, r5, n, kept, right, truth = sums[kind]
		n = max(n, 1)
		print(
			f"  {kind:16} P@1 {p1 / n:.3f}  P@5 {p5 / n:.3f}  R@5 {r5 / n:.3f}   "
			f"score >= {threshold}: precision {right / max(kept, 1):.3f}, recall {right / max(truth, 1):.3f}"
			f"  ({n:,} records tagged)",
			flush=True,
		)


def timed(function, texts) -> list[float]:
	durations = []
	for record_id, text in texts:
		started = time.perf_counter()
		function(text, record_id)
		durations.append((time.perf_counter() - started) * 1000)
	return durations


def main():
	parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
	parser.add_argument("--size", type=int, default=250_000, help="recommendations in the model")
	parser.add_argument("--held-out", type=int, default=2_000, help="records kept out to measure suggestions")
	parser.add_argument("--queries", type=int, default=300, help="timed queries of each kind")
	parser.add_argument("--threshold", type=float, default=0.5, help="the bulk-apply confidence to report")
	parser.add_argument("--seed", type=int, default=2026)
	args = parser.parse_args()

	corpus = Corpus(args.seed)
	vocabulary = shipped_vocabulary()
	rss_before = rss_mb()
	started = time.perf_counter()
	model = train(corpus.records(args.size), vocabulary, ignored_names=STATES)
	training_seconds = time.perf_counter() - started
	peak = peak_rss_mb()
	print(
		f"trained on {model.size:,} recommendations ({len(corpus.repeats):,} planted repeats) in "
		f"{training_seconds:.1f} s; peak RSS {peak:,.0f} MB ({peak - rss_before:,.0f} MB above the "
		f"{rss_before:,.0f} MB before training), {rss_mb():,.0f} MB after",
		flush=True,
	)

	with tempfile.TemporaryDirectory() as directory:
		path = Path(directory) / "classification.joblib"
		started = time.perf_counter()
		model.save(path)
		saved = time.perf_counter() - started
		started = time.perf_counter()
		model = load(path)
		print(
			f"model file {path.stat().st_size / 2**20:,.0f} MB, saved in {saved:.1f} s, "
			f"loaded in {time.perf_counter() - started:.1f} s",
			flush=True,
		)

	held_out = list(corpus.records(args.held_out))
	rng = random.Random(args.seed)
	print(f"suggestions for {len(held_out):,} held-out recommendations (not in the model):", flush=True)
	quality(model, held_out, exclude_own=False, threshold=args.threshold)
	in_model = list(Corpus(args.seed).records(min(args.size, 50_000)))
	in_model = rng.sample(in_model, min(1_000, len(in_model)))
	print(f"suggestions for {len(in_model):,} recommendations in the model, leaving their own tags out:")
	quality(model, in_model, exclude_own=True, threshold=args.threshold)

	for tagged in (0, 200):
		small = train(Corpus(args.seed + 1).records(tagged), vocabulary, ignored_names=STATES)
		print(f"cold start, a site with {tagged} tagged recommendations and the shipped labels:")
		quality(small, held_out[:500], exclude_own=False, threshold=args.threshold)

	repeats = [repeat for repeat in corpus.repeats if int(repeat[0].split("-")[1]) <= args.size]
	repeats = rng.sample(repeats, min(2_000, len(repeats)))
	top1 = top5 = same_meaning_first = 0
	for repeat_id, original_id, text in repeats:
		found = [neighbour.id for neighbour in model.similar(text, exclude_id=repeat_id, limit=5)]
		top1 += bool(found) and found[0] == original_id
		top5 += original_id in found
		same_meaning_first += bool(found) and meaning(corpus, found[0]) == meaning(corpus, original_id)
	share = max(len(repeats), 1)
	print(
		f"similar on {len(repeats):,} planted repeats (rephrased, other States): original first "
		f"{top1 / share:.3f}, in the top 5 {top5 / share:.3f}; first is the original or another "
		f"record recommending the same actions on the same subjects {same_meaning_first / share:.3f}",
		flush=True,
	)

	queries = [(record.id, record.text) for record in rng.sample(in_model, min(args.queries, len(in_model)))]
	focal_point_ids = set(rng.sample(model.ids, max(1, model.size // 20)))
	cases = {
		"suggest, everyone": lambda text, own: model.suggest(text, exclude_id=own),
		"suggest, 5% readable (set)": lambda text, own: model.suggest(
			text, exclude_id=own, allowed=focal_point_ids
		),
		"suggest, 5% readable (callable)": lambda text, own: model.suggest(
			text, exclude_id=own, allowed=focal_point_ids.__contains__
		),
		"similar, everyone": lambda text, own: model.similar(text, exclude_id=own),
		"similar, 5% readable (set)": lambda text, own: model.similar(
			text, exclude_id=own, allowed=focal_point_ids
		),
		"similar, 5% readable (callable)": lambda text, own: model.similar(
			text, exclude_id=own, allowed=focal_point_ids.__contains__
		),
	}
	print(f"latency over {len(queries)} queries at {model.size:,} recommendations (ms):")
	for label, function in cases.items():
		timed(function, queries[:10])  # warm-up
		durations = timed(function, queries)
		print(
			f"  {label:34} median {statistics.median(durations):7.1f}   p95 {percentile(durations, 0.95):7.1f}",
			flush=True,
		)


if __name__ == "__main__":
	main()
