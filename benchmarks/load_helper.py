"""Bench-side steps of the load test, run with the bench's own Python as the bench owner from the
bench's `sites` folder; prints one JSON object last. Not part of the app.

	prepare --site S [--focal-points 170] [--institutions 70] [--secretariat 3]
	        the simulated people (focal points, one validator per institution, secretariat users),
	        each institution's recommendations and implementation action; made once, reused after
	check --site S --run RUN
	        what the run left: its progress updates per state and marker, and whether the
	        Recommendation Tally equals a fresh recount
	interrupted --site S
	        the app's scheduled check for interrupted imports, asked now
"""

import argparse
import json
import os

import frappe
from frappe.utils import add_days, nowdate
from frappe.utils.password import update_password

DOMAIN = "load.nmirf-test.example"
PASSWORD = "load-NMIRF-2026"
RECOMMENDATIONS_PER_INSTITUTION = 10


def main() -> None:
	parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
	parser.add_argument("command", choices=("prepare", "check", "interrupted", "queued"))
	parser.add_argument("--site", required=True)
	parser.add_argument("--focal-points", type=int, default=170)
	parser.add_argument("--institutions", type=int, default=70)
	parser.add_argument("--secretariat", type=int, default=3)
	parser.add_argument("--run", help="the run's marker, for check")
	args = parser.parse_args()
	frappe.init(site=args.site, sites_path=os.getcwd())
	frappe.connect()
	try:
		frappe.set_user("Administrator")
		if args.command == "prepare":
			result = prepare(args.focal_points, args.institutions, args.secretariat)
		elif args.command == "queued":
			result = jobs_of_site(args.site)
		elif args.command == "interrupted":
			from nmirf_app.recommendations.importer import fail_interrupted_imports

			result = {"interrupted": fail_interrupted_imports()}
		else:
			result = check(args.run)
		print(json.dumps(result, default=str))
	finally:
		frappe.destroy()


def user(email: str, first_name: str, role: str) -> str:
	if not frappe.db.exists("User", email):
		frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": first_name,
				"send_welcome_email": 0,
				"roles": [{"role": role}],
			}
		).insert(ignore_permissions=True)
		update_password(email, PASSWORD)
	return email


def jobs_of_site(site: str) -> dict[str, int]:
	"""The site's jobs waiting for a worker or running, per queue: the queues are the bench's, and
	another site's jobs (a test site's, left by its uninstall) are not this run's to wait for."""
	from frappe.utils.background_jobs import get_queue
	from rq.job import Job

	counts = {}
	for name in ("default", "short", "long"):
		queue = get_queue(name)
		ids = queue.job_ids + queue.started_job_registry.get_job_ids()
		jobs = Job.fetch_many(ids, connection=queue.connection)
		# Frappe enqueues each job with the site it runs on among its keyword arguments
		counts[name] = sum(1 for job in jobs if job and job.kwargs.get("site") == site)
	return counts


def prepare(focal_points: int, institutions: int, secretariat: int) -> dict:
	if not frappe.db.get_single_value("NMIRF Settings", "state"):
		frappe.db.set_single_value("NMIRF Settings", "state", "Paraguay")
	# Frappe refuses more than 60 new users an hour; the simulated people are made in one go
	frappe.local.conf.throttle_user_limit = focal_points + institutions + secretariat + 60
	people = {"password": PASSWORD, "focal_points": [], "validators": [], "secretariat": []}
	actions = {}
	for number in range(1, institutions + 1):
		validator = user(
			f"load-validator-{number:02}@{DOMAIN}", f"Validator {number:02}", "NMIRF Institution Validator"
		)
		institution = f"Load Ministry {number:02}"
		if not frappe.db.exists("Institution", institution):
			frappe.get_doc(
				{
					"doctype": "Institution",
					"institution_name": institution,
					"institution_type": "Ministry",
					"validating_authority": validator,
				}
			).insert(ignore_permissions=True)
		actions[institution] = action_of(institution)
		people["validators"].append({"user": validator, "institution": institution})
	for number in range(1, focal_points + 1):
		institution = f"Load Ministry {(number - 1) % institutions + 1:02}"
		email = user(f"load-fp-{number:03}@{DOMAIN}", f"Focal point {number:03}", "NMIRF Focal Point")
		if not frappe.db.exists("Focal Point", {"user": email, "institution": institution}):
			frappe.get_doc(
				{
					"doctype": "Focal Point",
					"user": email,
					"institution": institution,
					"role_type": "Main" if number <= institutions else "Alternate",
					"active_from": add_days(nowdate(), -30),
				}
			).insert(ignore_permissions=True)
		people["focal_points"].append(
			{"user": email, "institution": institution, "action": actions[institution]}
		)
	for number in range(1, secretariat + 1):
		people["secretariat"].append(
			user(f"load-secretariat-{number}@{DOMAIN}", f"Secretariat {number}", "NMIRF Secretariat")
		)
	frappe.db.commit()
	# REPEATABLE READ (MariaDB's default) or READ COMMITTED: it decides how often saves deadlock
	people["isolation"] = frappe.db.sql("select @@global.tx_isolation")[0][0]
	return people


def action_of(institution: str) -> str:
	"""The institution's implementation action, for recommendations it leads (made once)."""
	existing = frappe.db.get_value("Implementation Action", {"lead_institution": institution}, "name")
	if existing:
		return existing
	recommendations = []
	for index in range(RECOMMENDATIONS_PER_INSTITUTION):
		paragraph = f"{institution[-2:]}.{index + 1}"
		recommendations.append(
			frappe.get_doc(
				{
					"doctype": "Recommendation",
					"mechanism": "CRC",
					"recommendation_text": f"{paragraph} The Committee recommends that the State party, through "
					f"{institution}, adopt measure {index + 1} of its plan.",
					"document_symbol": "CRC/C/PRY/CO/LOAD",
					"paragraph": paragraph,
					"document_date": "2024-06-01",
					"responsible_institutions": [{"institution": institution, "role": "Lead"}],
				}
			)
			.insert(ignore_permissions=True)
			.name
		)
	return (
		frappe.get_doc(
			{
				"doctype": "Implementation Action",
				"action_title": f"Plan of {institution}",
				"lead_institution": institution,
				"start_date": "2025-01-01",
				"end_date": "2027-12-31",
				"recommendations": [{"recommendation": name} for name in recommendations],
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


def check(run: str) -> dict:
	"""The run's updates (their summaries carry "[run RUN/KEY]", one KEY per update a simulated user
	meant to create) and whether the tally equals a recount."""
	from nmirf_app.recommendations import tally

	updates = frappe.db.sql(
		"""select name, workflow_state, summary, (select count(*) from `tabProgress Evidence` e
			where e.parent = u.name and e.parenttype = 'Progress Update') as evidence
		from `tabProgress Update` u where summary like %s""",
		(f"%[run {run}/%",),
		as_dict=True,
	)
	by_key = {}
	for update in updates:
		key = update.summary.split(f"[run {run}/", 1)[1].split("]", 1)[0]
		by_key.setdefault(key, []).append(
			{"name": update.name, "state": update.workflow_state, "evidence": update.evidence}
		)
	differing = tally.differences_from_a_recount()
	tally_rows = frappe.db.count("Recommendation Tally", {"recommendations": ("!=", 0)})
	return {"updates": by_key, "tally_rows": tally_rows, "tally_rows_differing": len(differing)}


if __name__ == "__main__":
	main()
