import csv
import json
from importlib.util import find_spec
from pathlib import Path

import pytest

from nmirf_app.core.countries import CountryResolver, country_key, load_country_resolver, read_country_aliases
from nmirf_app.core.reference_data import REFERENCE_DATA_DIR

# Keys of Frappe v15 frappe/geo/country_info.json: the names of the Country records on a site.
FRAPPE_COUNTRY_NAMES = """
Afghanistan
Albania
Algeria
American Samoa
Andorra
Angola
Anguilla
Antarctica
Antigua and Barbuda
Argentina
Armenia
Aruba
Australia
Austria
Azerbaijan
Bahamas
Bahrain
Bangladesh
Barbados
Belarus
Belgium
Belize
Benin
Bermuda
Bhutan
Bolivia, Plurinational State of
Bonaire, Sint Eustatius and Saba
Bosnia and Herzegovina
Botswana
Bouvet Island
Brazil
British Indian Ocean Territory
Brunei Darussalam
Bulgaria
Burkina Faso
Burundi
Cambodia
Cameroon
Canada
Cape Verde
Cayman Islands
Central African Republic
Chad
Chile
China
Christmas Island
Cocos (Keeling) Islands
Colombia
Comoros
Congo
Congo, The Democratic Republic of the
Cook Islands
Costa Rica
Croatia
Cuba
Curaçao
Cyprus
Czech Republic
Denmark
Djibouti
Dominica
Dominican Republic
Ecuador
Egypt
El Salvador
Equatorial Guinea
Eritrea
Estonia
Ethiopia
Falkland Islands (Malvinas)
Faroe Islands
Fiji
Finland
France
French Guiana
French Polynesia
French Southern Territories
Gabon
Gambia
Georgia
Germany
Ghana
Gibraltar
Greece
Greenland
Grenada
Guadeloupe
Guam
Guatemala
Guernsey
Guinea
Guinea-Bissau
Guyana
Haiti
Heard Island and McDonald Islands
Holy See (Vatican City State)
Honduras
Hong Kong
Hungary
Iceland
India
Indonesia
Iran
Iraq
Ireland
Isle of Man
Israel
Italy
Ivory Coast
Jamaica
Japan
Jersey
Jordan
Kazakhstan
Kenya
Kiribati
Korea, Democratic Peoples Republic of
Korea, Republic of
Kuwait
Kyrgyzstan
Lao Peoples Democratic Republic
Latvia
Lebanon
Lesotho
Liberia
Libya
Liechtenstein
Lithuania
Luxembourg
Macao
Macedonia
Madagascar
Malawi
Malaysia
Maldives
Mali
Malta
Marshall Islands
Martinique
Mauritania
Mauritius
Mayotte
Mexico
Micronesia, Federated States of
Moldova, Republic of
Monaco
Mongolia
Montenegro
Montserrat
Morocco
Mozambique
Myanmar
Namibia
Nauru
Nepal
Netherlands
New Caledonia
New Zealand
Nicaragua
Niger
Nigeria
Niue
Norfolk Island
Northern Mariana Islands
Norway
Oman
Pakistan
Palau
Palestinian Territory, Occupied
Panama
Papua New Guinea
Paraguay
Peru
Philippines
Pitcairn
Poland
Portugal
Puerto Rico
Qatar
Romania
Russian Federation
Rwanda
Réunion
Saint Barthélemy
Saint Helena, Ascension and Tristan da Cunha
Saint Kitts and Nevis
Saint Lucia
Saint Martin (French part)
Saint Pierre and Miquelon
Saint Vincent and the Grenadines
Samoa
San Marino
Sao Tome and Principe
Saudi Arabia
Senegal
Serbia
Seychelles
Sierra Leone
Singapore
Sint Maarten (Dutch part)
Slovakia
Slovenia
Solomon Islands
Somalia
South Africa
South Georgia and the South Sandwich Islands
South Sudan
Spain
Sri Lanka
Sudan
Suriname
Svalbard and Jan Mayen
Swaziland
Sweden
Switzerland
Syria
Taiwan
Tajikistan
Tanzania
Thailand
Timor-Leste
Togo
Tokelau
Tonga
Trinidad and Tobago
Tunisia
Turkey
Turkmenistan
Turks and Caicos Islands
Tuvalu
Uganda
Ukraine
United Arab Emirates
United Kingdom
United States
United States Minor Outlying Islands
Uruguay
Uzbekistan
Vanuatu
Venezuela, Bolivarian Republic of
Vietnam
Virgin Islands, British
Virgin Islands, U.S.
Wallis and Futuna
Western Sahara
Yemen
Zambia
Zimbabwe
Åland Islands
""".strip().splitlines()

# The 193 UN Member States as the UN writes them (un.org/en/about-us/member-states).
UN_MEMBER_STATES = """
Afghanistan
Albania
Algeria
Andorra
Angola
Antigua and Barbuda
Argentina
Armenia
Australia
Austria
Azerbaijan
Bahamas
Bahrain
Bangladesh
Barbados
Belarus
Belgium
Belize
Benin
Bhutan
Bolivia (Plurinational State of)
Bosnia and Herzegovina
Botswana
Brazil
Brunei Darussalam
Bulgaria
Burkina Faso
Burundi
Cabo Verde
Cambodia
Cameroon
Canada
Central African Republic
Chad
Chile
China
Colombia
Comoros
Congo
Costa Rica
Côte d'Ivoire
Croatia
Cuba
Cyprus
Czechia
Democratic People's Republic of Korea
Democratic Republic of the Congo
Denmark
Djibouti
Dominica
Dominican Republic
Ecuador
Egypt
El Salvador
Equatorial Guinea
Eritrea
Estonia
Eswatini
Ethiopia
Fiji
Finland
France
Gabon
Gambia
Georgia
Germany
Ghana
Greece
Grenada
Guatemala
Guinea
Guinea-Bissau
Guyana
Haiti
Honduras
Hungary
Iceland
India
Indonesia
Iran (Islamic Republic of)
Iraq
Ireland
Israel
Italy
Jamaica
Japan
Jordan
Kazakhstan
Kenya
Kiribati
Kuwait
Kyrgyzstan
Lao People's Democratic Republic
Latvia
Lebanon
Lesotho
Liberia
Libya
Liechtenstein
Lithuania
Luxembourg
Madagascar
Malawi
Malaysia
Maldives
Mali
Malta
Marshall Islands
Mauritania
Mauritius
Mexico
Micronesia (Federated States of)
Monaco
Mongolia
Montenegro
Morocco
Mozambique
Myanmar
Namibia
Nauru
Nepal
Netherlands (Kingdom of the)
New Zealand
Nicaragua
Niger
Nigeria
North Macedonia
Norway
Oman
Pakistan
Palau
Panama
Papua New Guinea
Paraguay
Peru
Philippines
Poland
Portugal
Qatar
Republic of Korea
Republic of Moldova
Romania
Russian Federation
Rwanda
Saint Kitts and Nevis
Saint Lucia
Saint Vincent and the Grenadines
Samoa
San Marino
Sao Tome and Principe
Saudi Arabia
Senegal
Serbia
Seychelles
Sierra Leone
Singapore
Slovakia
Slovenia
Solomon Islands
Somalia
South Africa
South Sudan
Spain
Sri Lanka
Sudan
Suriname
Sweden
Switzerland
Syrian Arab Republic
Tajikistan
Thailand
Timor-Leste
Togo
Tonga
Trinidad and Tobago
Tunisia
Türkiye
Turkmenistan
Tuvalu
Uganda
Ukraine
United Arab Emirates
United Kingdom of Great Britain and Northern Ireland
United Republic of Tanzania
United States of America
Uruguay
Uzbekistan
Vanuatu
Venezuela (Bolivarian Republic of)
Viet Nam
Yemen
Zambia
Zimbabwe
""".strip().splitlines()
UN_OBSERVER_STATES = ["Holy See", "State of Palestine"]


def frappe_country_info() -> Path | None:
	spec = find_spec("frappe")
	if spec is None or not spec.submodule_search_locations:
		return None
	path = Path(next(iter(spec.submodule_search_locations))) / "geo" / "country_info.json"
	return path if path.exists() else None


@pytest.fixture(scope="module")
def resolver() -> CountryResolver:
	return load_country_resolver(FRAPPE_COUNTRY_NAMES)


def test_un_lists_are_complete():
	assert len(set(UN_MEMBER_STATES)) == 193
	assert len(set(FRAPPE_COUNTRY_NAMES)) == 249


def test_every_un_member_and_observer_state_resolves_to_its_own_country(resolver):
	resolved = {name: resolver.resolve(name) for name in UN_MEMBER_STATES + UN_OBSERVER_STATES}
	assert [name for name, country in resolved.items() if country is None] == []
	assert len(set(resolved.values())) == len(resolved), "two UN States resolve to the same Country"


def test_every_alias_points_to_a_frappe_country_by_its_exact_name():
	with open(REFERENCE_DATA_DIR / "country_aliases.csv", encoding="utf-8", newline="") as file:
		rows = list(csv.DictReader(file))
	assert rows and set(rows[0]) == {"alias", "country"}
	assert [row for row in rows if row["country"] not in FRAPPE_COUNTRY_NAMES] == []
	aliases = [country_key(row["alias"]) for row in rows]
	assert len(aliases) == len(set(aliases)), "an alias is listed twice"


@pytest.mark.skipif(frappe_country_info() is None, reason="needs the frappe package")
def test_frappe_country_snapshot_matches_the_installed_frappe():
	with open(frappe_country_info(), encoding="utf-8") as file:
		assert sorted(json.load(file)) == sorted(FRAPPE_COUNTRY_NAMES)


@pytest.mark.parametrize(
	("written", "country"),
	[
		("United Kingdom of Great Britain and Northern Ireland", "United Kingdom"),
		("United States of America", "United States"),
		("Bolivia (Plurinational State of)", "Bolivia, Plurinational State of"),
		("Venezuela (Bolivarian Republic of)", "Venezuela, Bolivarian Republic of"),
		("Iran (Islamic Republic of)", "Iran"),
		("Democratic People\u2019s Republic of Korea", "Korea, Democratic Peoples Republic of"),
		("Türkiye", "Turkey"),
		("Turkiye", "Turkey"),
		("Côte d\u2019Ivoire", "Ivory Coast"),
		("Cote d'Ivoire", "Ivory Coast"),
		("the former Yugoslav Republic of Macedonia", "Macedonia"),
		("The Former Yugoslav Republic of Macedonia", "Macedonia"),
		("Holy See", "Holy See (Vatican City State)"),
		("State of Palestine", "Palestinian Territory, Occupied"),
		("São Tomé and Príncipe", "Sao Tome and Principe"),
		("the Gambia", "Gambia"),
		("Libyan Arab Jamahiriya", "Libya"),
	],
)
def test_un_names_resolve_to_frappe_country_names(resolver, written, country):
	assert resolver.resolve(written) == country


def test_resolution_ignores_case_spacing_and_punctuation(resolver):
	assert resolver.resolve("  viet   nam ") == "Vietnam"
	assert resolver.resolve("BOLIVIA, PLURINATIONAL STATE OF") == "Bolivia, Plurinational State of"
	assert resolver.resolve("Guinea Bissau") == "Guinea-Bissau"


def test_unknown_or_empty_names_do_not_resolve(resolver):
	assert resolver.resolve("Atlantis") is None
	assert resolver.resolve("") is None
	assert resolver.resolve(None) is None


def test_similar_names_stay_apart(resolver):
	assert resolver.resolve("Congo") == "Congo"
	assert resolver.resolve("Democratic Republic of the Congo") == "Congo, The Democratic Republic of the"
	assert resolver.resolve("Niger") == "Niger"
	assert resolver.resolve("Guinea") == "Guinea"
	assert resolver.resolve("Sudan") == "Sudan"
	assert resolver.resolve("South Sudan") == "South Sudan"


def test_known_name_wins_over_an_alias_spelled_the_same():
	resolver = CountryResolver(["Georgia", "United States"], {"Georgia": "United States"})
	assert resolver.resolve("Georgia") == "Georgia"


def test_alias_to_an_unknown_country_is_refused():
	with pytest.raises(ValueError, match="not a known country"):
		CountryResolver(["France"], {"Viet Nam": "Vietnam"})


def test_loader_reads_the_shipped_aliases():
	assert read_country_aliases()["Viet Nam"] == "Vietnam"
