"""Static checks of every DocType, workspace and fixture the app ships: a broken link, an unknown
role or a duplicated fieldname fails here, before any site is touched."""

import json
import runpy
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "nmirf_app"

# Frappe core doctypes the app may link to (never ERPNext).
FRAPPE_DOCTYPES = {
	"User",
	"Country",
	"DocType",
	"Role",
	"File",
	"Currency",
	"Language",
	"Workflow State",
	"ToDo",
	"Email Group",
}
FRAPPE_ROLES = {"System Manager", "Administrator", "Guest", "All"}
DATA_FIELDTYPES_WITHOUT_COLUMNS = {"Section Break", "Column Break", "Tab Break", "HTML", "Button", "Heading"}


def scrub(name: str) -> str:
	return name.replace(" ", "_").replace("-", "_").lower()


def load_doctypes() -> dict[str, tuple[Path, dict]]:
	doctypes = {}
	for path in sorted(APP.glob("*/doctype/*/*.json")):
		data = json.loads(path.read_text())
		if data.get("doctype") == "DocType":
			doctypes[data["name"]] = (path, data)
	return doctypes


DOCTYPES = load_doctypes()
MODULES = [line.strip() for line in (APP / "modules.txt").read_text().splitlines() if line.strip()]
ROLE_FIXTURES = {role["name"] for role in json.loads((APP / "fixtures" / "role.json").read_text())}
KNOWN_DOCTYPES = set(DOCTYPES) | FRAPPE_DOCTYPES
NUMBER_CARDS = {
	json.loads(path.read_text())["name"]: json.loads(path.read_text())
	for path in APP.glob("*/number_card/*/*.json")
}
DASHBOARD_CHARTS = {
	json.loads(path.read_text())["name"]: json.loads(path.read_text())
	for path in APP.glob("*/dashboard_chart/*/*.json")
}
REPORTS = {
	json.loads(path.read_text())["name"]: (path, json.loads(path.read_text()))
	for path in APP.glob("*/report/*/*.json")
}
KNOWN_ROLES = ROLE_FIXTURES | FRAPPE_ROLES


def hooks_value(name: str):
	# hooks.py is plain assignments, importable without Frappe
	return runpy.run_path(str(APP / "hooks.py"))[name]


def test_app_ships_the_doctypes_the_foundation_needs():
	expected = {
		"Human Rights Mechanism", "Human Rights Treaty", "Human Rights Theme", "Affected Group", "SDG Goal",
		"SDG Target", "Institution", "Focal Point", "NMIRF Settings", "Recommendation", "Recommendation Cluster",
	}  # fmt: skip
	assert expected <= set(DOCTYPES)


@pytest.mark.parametrize("name", sorted(DOCTYPES))
def test_doctype_is_consistent(name):
	path, data = DOCTYPES[name]
	assert data["module"] in MODULES, f"{name}: module {data['module']!r} is not in modules.txt"
	assert path.parent.name == scrub(name) and path.stem == scrub(name)
	assert path.parent.parent.parent.name == scrub(data["module"]), f"{name} sits outside its module folder"
	assert (path.parent / "__init__.py").exists()

	fieldnames = [field["fieldname"] for field in data["fields"]]
	assert len(fieldnames) == len(set(fieldnames)), f"{name}: duplicate fieldnames"
	assert data["field_order"] == fieldnames, f"{name}: field_order differs from fields"

	for field in data["fields"]:
		where = f"{name}.{field['fieldname']}"
		if field["fieldtype"] == "Link":
			assert field.get("options") in KNOWN_DOCTYPES, (
				f"{where} links to unknown {field.get('options')!r}"
			)
		if field["fieldtype"] in ("Table", "Table MultiSelect"):
			child = DOCTYPES.get(field.get("options"))
			assert child and child[1].get("istable"), (
				f"{where}: {field.get('options')!r} is not a child table"
			)
			if field["fieldtype"] == "Table MultiSelect":
				assert any(f["fieldtype"] == "Link" for f in child[1]["fields"]), (
					f"{where}: child has no Link"
				)
		if field["fieldtype"] == "Select" and field.get("default"):
			assert field["default"] in field.get("options", "").split("\n"), f"{where}: default not an option"
		if field.get("fetch_from"):
			link_field = field["fetch_from"].split(".")[0]
			assert link_field in fieldnames, f"{where} fetches from unknown field {link_field!r}"

	for key in ("title_field", "sort_field"):
		if data.get(key) and data[key] not in ("modified", "name", "creation"):
			assert data[key] in fieldnames, f"{name}: {key} {data[key]!r} is not a field"
	for search_field in filter(None, (data.get("search_fields") or "").split(",")):
		assert search_field.strip() in fieldnames, f"{name}: search field {search_field!r} is not a field"
	autoname = data.get("autoname") or ""
	if autoname.startswith("field:"):
		assert autoname[len("field:") :] in fieldnames

	for permission in data.get("permissions", []):
		assert permission["role"] in KNOWN_ROLES, f"{name}: unknown role {permission['role']!r}"
	if data.get("istable"):
		assert not data.get("permissions")
	else:
		assert data.get("permissions"), f"{name} has no permissions: nobody but Administrator could use it"
		levels = {field.get("permlevel", 0) for field in data["fields"]}
		granted = {permission.get("permlevel", 0) for permission in data["permissions"]}
		assert levels <= granted, f"{name}: fields at permlevel {levels - granted} that no role can read"


@pytest.mark.parametrize(
	"name", sorted(name for name, (_, data) in DOCTYPES.items() if not data.get("istable"))
)
def test_doctype_has_a_controller_class_named_after_it(name):
	path, _data = DOCTYPES[name]
	controller = path.with_suffix(".py")
	assert controller.exists()
	class_name = name.replace(" ", "").replace("-", "")
	assert f"class {class_name}(" in controller.read_text()


@pytest.mark.parametrize("name", sorted(NUMBER_CARDS) + sorted(DASHBOARD_CHARTS))
def test_card_or_chart_counts_a_shipped_doctype_by_real_fields(name):
	item = NUMBER_CARDS.get(name) or DASHBOARD_CHARTS[name]
	assert item["is_standard"] == 1 and item["module"] in MODULES
	if item.get("chart_type") == "Report":
		# a chart drawn from a shipped report's columns, with filters the report offers
		report_path, _report = REPORTS[item["report_name"]]
		script = report_path.with_suffix(".py").read_text()
		filter_script = report_path.with_suffix(".js").read_text()
		for field in [item["x_field"]] + [row["y_field"] for row in item["y_axis"]]:
			assert f'"{field}"' in script, f"{name}: the report has no column {field}"
		for key, value in json.loads(item["filters_json"]).items():
			assert f'fieldname: "{key}"' in filter_script, f"{name}: the report has no filter {key}"
			if isinstance(value, str):
				assert f'"{value}"' in filter_script, f"{name}: {key} cannot be {value}"
		return
	_path, doctype = DOCTYPES[item["document_type"]]
	fieldnames = {field["fieldname"] for field in doctype["fields"]} | {"docstatus", "name"}
	for key in ("group_by_based_on", "based_on"):
		if item.get(key):
			assert item[key] in fieldnames, f"{name}: {item[key]}"
	for filters in (item.get("filters_json"), item.get("dynamic_filters_json")):
		for row in json.loads(filters or "[]"):
			assert row[0] == item["document_type"] and row[1] in fieldnames, f"{name}: {row}"
	if doctype.get("istable"):
		assert item.get("parent_document_type") in DOCTYPES, (
			"a child table is counted through its parent's permissions"
		)


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_report_is_standard_with_known_doctype_roles_and_an_execute_function(name):
	path, report = REPORTS[name]
	assert report["is_standard"] == "Yes" and report["module"] in MODULES
	assert report["ref_doctype"] in KNOWN_DOCTYPES
	assert {role["role"] for role in report["roles"]} <= KNOWN_ROLES
	assert path.stem == name.lower().replace(" ", "_").replace("-", "_")
	if report["report_type"] == "Script Report":
		assert "def execute(filters=None):" in path.with_suffix(".py").read_text()


PAGES = {json.loads(path.read_text())["name"]: path for path in APP.glob("*/page/*/*.json")}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_is_standard_with_known_roles_and_a_script(name):
	path = PAGES[name]
	page = json.loads(path.read_text())
	assert page["standard"] == "Yes" and page["module"] in MODULES
	assert page["page_name"] == name and path.stem == name.replace("-", "_")
	assert {role["role"] for role in page["roles"]} <= KNOWN_ROLES
	assert f'frappe.pages["{name}"]' in path.with_suffix(".js").read_text()


def test_every_workspace_link_and_shortcut_resolves():
	workspaces = list(APP.glob("*/workspace/*/*.json"))
	assert workspaces
	for path in workspaces:
		workspace = json.loads(path.read_text())
		assert workspace["module"] in MODULES
		for link in workspace["links"]:
			if link["type"] == "Link":
				known = REPORTS if link["link_type"] == "Report" else KNOWN_DOCTYPES
				assert link["link_to"] in known, f"{path.name}: {link['link_to']}"
		for shortcut in workspace["shortcuts"]:
			known = {"Report": REPORTS, "Page": PAGES}.get(shortcut["type"], KNOWN_DOCTYPES)
			assert shortcut["link_to"] in known, f"{path.name}: {shortcut['link_to']}"
		blocks = json.loads(workspace["content"])
		shortcut_labels = {shortcut["label"] for shortcut in workspace["shortcuts"]}
		card_labels = {link["label"] for link in workspace["links"] if link["type"] == "Card Break"}
		cards = {card["number_card_name"] for card in workspace["number_cards"]}
		charts = {chart["chart_name"] for chart in workspace["charts"]}
		assert cards <= set(NUMBER_CARDS) and charts <= set(DASHBOARD_CHARTS)
		for block in blocks:
			if block["type"] == "number_card":
				assert block["data"]["number_card_name"] in cards
			if block["type"] == "chart":
				assert block["data"]["chart_name"] in charts
			if block["type"] == "shortcut":
				assert block["data"]["shortcut_name"] in shortcut_labels
			if block["type"] == "card":
				assert block["data"]["card_name"] in card_labels
		for role in workspace.get("roles", []):
			assert role["role"] in KNOWN_ROLES


def test_role_fixtures_match_the_hooks_filter_and_the_design():
	fixture_filters = hooks_value("fixtures")
	role_filter = next(f for f in fixture_filters if f["dt"] == "Role")
	assert set(role_filter["filters"][0][2]) == ROLE_FIXTURES
	assert ROLE_FIXTURES == {
		"NMIRF Administrator", "NMIRF Secretariat", "NMIRF Focal Point",
		"NMIRF Institution Validator", "NMIRF Approver", "NMIRF Observer",
	}  # fmt: skip


def test_permission_hooks_point_at_scoped_doctypes_and_existing_functions():
	permissions_source = (APP / "permissions.py").read_text()
	for hook in ("permission_query_conditions", "has_permission"):
		for doctype, dotted_path in hooks_value(hook).items():
			assert doctype in DOCTYPES
			assert f"def {dotted_path.rsplit('.', 1)[1]}(" in permissions_source


def fixture(name: str) -> list[dict]:
	return json.loads((APP / "fixtures" / f"{name}.json").read_text())


# The shipped workflows: the fixed ones as fixtures, the State Report's default created at install.
SHIPPED_WORKFLOWS = [
	*fixture("workflow"),
	json.loads((APP / "reporting" / "state_report_workflow.json").read_text()),
]


@pytest.mark.parametrize("workflow", SHIPPED_WORKFLOWS, ids=lambda workflow: workflow["name"])
def test_workflow_is_consistent_and_every_state_reachable(workflow):
	_path, doctype = DOCTYPES[workflow["document_type"]]
	fieldnames = {field["fieldname"] for field in doctype["fields"]}
	assert workflow["workflow_state_field"] in fieldnames
	shipped_states = {state["name"] for state in fixture("workflow_state")}
	shipped_actions = {action["name"] for action in fixture("workflow_action_master")}
	states = [row["state"] for row in workflow["states"]]
	assert set(states) <= shipped_states
	for row in workflow["states"]:
		assert row["allow_edit"] in KNOWN_ROLES
		if row["doc_status"] == "1":
			assert doctype.get("is_submittable"), f"{row['state']} submits a doctype that cannot be submitted"
	for transition in workflow["transitions"]:
		assert transition["state"] in states and transition["next_state"] in states
		assert transition["action"] in shipped_actions
		assert transition["allowed"] in KNOWN_ROLES
	reachable, frontier = {states[0]}, [states[0]]
	while frontier:
		current = frontier.pop()
		for transition in workflow["transitions"]:
			if transition["state"] == current and transition["next_state"] not in reachable:
				reachable.add(transition["next_state"])
				frontier.append(transition["next_state"])
	assert reachable == set(states)


def test_fixture_filters_in_hooks_cover_exactly_the_shipped_records():
	for entry in hooks_value("fixtures"):
		shipped = {record["name"] for record in fixture(entry["dt"].lower().replace(" ", "_"))}
		assert set(entry["filters"][0][2]) == shipped, entry["dt"]
