"""Bench-side steps of the import benchmark, run with the bench's own Python as the bench owner.

Not part of the app: `import_benchmark.py` calls it from the bench's `sites` folder as
`env/bin/python benchmarks/site_helper.py COMMAND …` and reads the JSON object it prints last.

	info                         which nmirf_app and Frappe the bench imports (no site needed)
	prepare --site S --state X   set the NMIRF's State, so that imports keep that State's rows
	reset --site S               delete every Recommendation (and its rows and versions)
	data-import --site S --file F
	                             Frappe's own Data Import of a CSV into Recommendation, run
	                             synchronously the way its background job runs it
	save-one --site S            save one ToDo and roll it back (the memory any save needs)
"""

import argparse
import json
import os
import sys
import time
from collections import Counter

import frappe

# Every table holding Recommendation data; the child tables belong to Recommendation alone.
RECOMMENDATION_TABLES = (
	"Recommendation",
	"Recommendation Theme",
	"Recommendation Affected Group",
	"Recommendation SDG Target",
	"Recommendation Recommending State",
	"Recommendation Institution",
)


def main() -> None:
	parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
	parser.add_argument("command", choices=("info", "prepare", "reset", "data-import", "save-one"))
	parser.add_argument("--site")
	parser.add_argument("--state", default="Paraguay")
	parser.add_argument("--file", help="CSV for data-import")
	args = parser.parse_args()
	if args.command == "info":
		report(app_info())
		return
	if not args.site:
		parser.error(f"{args.command} needs --site")
	frappe.init(site=args.site, sites_path=os.getcwd())
	frappe.connect()
	try:
		frappe.set_user("Administrator")
		if args.command == "prepare":
			report(prepare(args.state))
		elif args.command == "reset":
			report(reset())
		elif args.command == "save-one":
			report(save_one_document())
		else:
			report(run_data_import(os.path.abspath(args.file)))
	finally:
		frappe.destroy()


def save_one_document() -> dict:
	"""Saves a ToDo and rolls it back: what Frappe loads to save any document (its notifications,
	energy point rules, user permissions, …), which every import pays before its first row."""
	todo = frappe.get_doc({"doctype": "ToDo", "description": "import benchmark floor"}).insert()
	frappe.db.rollback()
	return {"saved": todo.name}


def report(values: dict) -> None:
	print(json.dumps(values, default=str))


def app_info() -> dict:
	import nmirf_app

	return {
		"nmirf_app_path": os.path.dirname(os.path.abspath(nmirf_app.__file__)),
		"nmirf_app_version": getattr(nmirf_app, "__version__", ""),
		"frappe_path": os.path.dirname(os.path.abspath(frappe.__file__)),
		"frappe_version": frappe.__version__,
		"python": sys.version.split()[0],
	}


def prepare(state: str) -> dict:
	if not frappe.db.exists("Country", state):
		raise SystemExit(f"No Country named {state!r} on this site")
	# A benchmark site's own setting; set directly so that no other setting is required.
	frappe.db.set_single_value("NMIRF Settings", "state", state)
	frappe.db.commit()
	return {"state": state, "recommendations": frappe.db.count("Recommendation")}


def reset() -> dict:
	before = frappe.db.count("Recommendation")
	for doctype in RECOMMENDATION_TABLES:
		frappe.db.sql_ddl(f"truncate table `tab{doctype}`")
	frappe.db.delete("Version", {"ref_doctype": "Recommendation"})
	frappe.db.commit()
	return {"deleted": before, "recommendations": frappe.db.count("Recommendation")}


def run_data_import(path: str) -> dict:
	"""What a user does in the desk: attach the CSV to a new Data Import ("Insert New Records" into
	Recommendation), save it, press Start Import. The job body (`start_import`) runs here, in this
	process, instead of on a worker."""
	from frappe.core.api.file import get_max_file_size
	from frappe.core.doctype.data_import.data_import import start_import

	phases = {}
	started = time.perf_counter()
	with open(path, "rb") as file:
		content = file.read()
	limit = get_max_file_size()
	raised_upload_limit = len(content) > limit
	if raised_upload_limit:
		# What a user has to do first: raise System Settings > Max File Size (MB) above the file.
		frappe.db.set_single_value("System Settings", "max_file_size", len(content) // 1048576 + 1)
		frappe.clear_document_cache("System Settings", "System Settings")
		if hasattr(frappe.local, "system_settings"):
			del frappe.local.system_settings  # get_system_settings keeps the document per request
	file_doc = frappe.get_doc(
		{"doctype": "File", "file_name": os.path.basename(path), "is_private": 1, "content": content}
	).insert()
	del content
	frappe.db.commit()
	phases["attach_file"] = time.perf_counter() - started

	mark = time.perf_counter()
	data_import = frappe.get_doc(
		{
			"doctype": "Data Import",
			"reference_doctype": "Recommendation",
			"import_type": "Insert New Records",
			"import_file": file_doc.file_url,
			"mute_emails": 1,
		}
	).insert()
	frappe.db.commit()
	phases["save_data_import"] = time.perf_counter() - mark

	mark = time.perf_counter()
	start_import(data_import.name)
	phases["start_import"] = time.perf_counter() - mark

	data_import.reload()
	logs = frappe.get_all(
		"Data Import Log",
		filters={"data_import": data_import.name},
		fields=["success", "messages", "exception"],
		limit_page_length=0,
	)
	reasons = Counter(failure_reason(log) for log in logs if not log.success)
	warnings = json.loads(data_import.template_warnings or "[]")
	return {
		"data_import": data_import.name,
		"status": data_import.status,
		"records": data_import.payload_count,
		"created": sum(1 for log in logs if log.success),
		"failed": sum(1 for log in logs if not log.success),
		"failure_reasons": dict(reasons.most_common(10)),
		"blocking_warnings": [warning.get("message") for warning in warnings][:10],
		"file_mb": round(os.path.getsize(path) / 1048576, 1),
		"raised_upload_limit_mb": round(limit / 1048576) if raised_upload_limit else None,
		"recommendations": frappe.db.count("Recommendation"),
		"phases": {name: round(seconds, 1) for name, seconds in phases.items()},
	}


def failure_reason(log) -> str:
	"""The message the user sees on a failed row, else the last line of its traceback."""
	messages = []
	try:
		for message in json.loads(log.messages or "[]"):
			message = json.loads(message) if isinstance(message, str) else message
			messages.append(frappe.utils.strip_html(message.get("message", "")))
	except (TypeError, ValueError, AttributeError):
		pass
	if messages:
		return "; ".join(messages)[:200]
	lines = (log.exception or "").strip().splitlines()
	return lines[-1][:200] if lines else "unknown"


if __name__ == "__main__":
	main()
