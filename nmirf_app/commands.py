"""`bench --site SITE nmirf …` commands for operators and scripts."""

import click
import frappe
from frappe.commands import get_site, pass_context


@click.group("nmirf")
def nmirf():
	"""NMIRF: track human rights recommendations, their implementation and reporting."""


@nmirf.command("demo")
@click.option("--seed", default=2026, show_default=True, help="Same seed, same demo data.")
@click.option("--password", default="demo-NMIRF-2026", show_default=True, help="Password of the demo users.")
@pass_context
def load_demo(context, seed, password):
	"""Load a demo State (institutions, focal points, ~300 recommendations). Safe to run twice."""
	from nmirf_app.demo import load_demo_dataset

	site = get_site(context)
	frappe.init(site=site)
	frappe.connect()
	try:
		counts = load_demo_dataset(seed=seed, password=password, progress=click.echo)
		frappe.db.commit()
	finally:
		frappe.destroy()
	click.echo(
		"Demo loaded: "
		+ ", ".join(f"{count} {what}" for what, count in counts.items())
		+ f". Demo users sign in with the password {password!r}."
	)


SOURCES = {
	"uhri-xlsx": "UHRI XLSX",
	"uhri-json": "UHRI JSON",
	"upr-info-csv": "UPR Info CSV",
	"template": "Template",
	"upr-thematic-list": "UPR Thematic List",
}


@nmirf.command("import")
@click.argument("path_or_url")
@click.option("--source", type=click.Choice(list(SOURCES)), required=True, help="Format of the file.")
@click.option("--dry-run", is_flag=True, help="Count what would change; write nothing.")
@click.option("--user", default="Administrator", show_default=True, help="Run with this user's permissions.")
@pass_context
def import_recommendations(context, path_or_url, source, dry_run, user):
	"""Import recommendations from a file or URL. Prints progress, then one JSON line of counts.

	Exits 0 when the run happened (even if some rows failed: they are listed on the Recommendation
	Import record); non-zero only when it could not run at all.
	"""
	import json
	import os

	from nmirf_app.recommendations.importer import ImportSourceError, run_import

	site = get_site(context)
	frappe.init(site=site)
	frappe.connect()
	try:
		frappe.set_user(user)
		is_url = path_or_url.lower().startswith(("http://", "https://"))
		values = {"doctype": "Recommendation Import", "source_type": SOURCES[source]}
		if is_url:
			values["source_url"] = path_or_url
		else:
			values["source_description"] = f"{os.path.abspath(path_or_url)} (command line)"
		import_doc = frappe.get_doc(values).insert()
		frappe.db.commit()
		click.echo(f"{'Previewing' if dry_run else 'Importing'} {path_or_url} as {import_doc.name}")
		try:
			counts = run_import(
				import_doc.name,
				dry_run=dry_run,
				local_path=None if is_url else os.path.abspath(path_or_url),
				echo=click.echo,
			)
		except ImportSourceError as error:
			click.echo(f"Import could not run: {error}", err=True)
			raise SystemExit(1)
		for issue in counts.issues[:20]:
			click.echo(f"  row {issue.row_number}, {issue.field}: {issue.message} {issue.value}".rstrip())
		if len(counts.issues) > 20:
			click.echo(f"  … {len(counts.issues) - 20} more on {import_doc.name}")
		click.echo(frappe.db.get_value("Recommendation Import", import_doc.name, "outcome"))
		click.echo(json.dumps(counts.summary(), separators=(",", ":")))
	finally:
		frappe.destroy()


def connected(context, user: str):
	"""Connects to the site as `user` (suggestions rest only on what that user may read)."""
	frappe.init(site=get_site(context))
	frappe.connect()
	frappe.set_user(user)


def one_json_line(value):
	import json

	click.echo(json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=str))


@nmirf.command("suggest")
@click.argument("reference")
@click.option(
	"--user", default="Administrator", show_default=True, help="Suggest from what this user may read."
)
@pass_context
def suggest(context, reference, user):
	"""Suggested themes, affected groups, SDG targets and goals of a recommendation, with a score
	each (the recommendation's own tags are never used). Progress on stderr, one JSON line last."""
	from nmirf_app.recommendations import classification

	connected(context, user)
	try:
		doc = frappe.get_doc("Recommendation", reference)
		doc.check_permission("read")
		click.echo("Loading the suggestions model…", err=True)
		model = classification.current_model()
		suggestions = model.suggest(
			doc.recommendation_text or "",
			exclude_id=doc.name,
			allowed=classification.voters_allowed(classification.readable_recommendations()),
		)
		one_json_line({kind: [[item.name, item.score] for item in suggestions[kind]] for kind in suggestions})
	finally:
		frappe.destroy()


@nmirf.command("similar")
@click.argument("reference")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 100))
@click.option("--user", default="Administrator", show_default=True, help="List only what this user may read.")
@pass_context
def similar(context, reference, limit, user):
	"""The recommendations that ask the same as REFERENCE (earlier cycles, other mechanisms), most
	similar first. Progress on stderr, one JSON line last."""
	from nmirf_app.recommendations import classification

	connected(context, user)
	try:
		doc = frappe.get_doc("Recommendation", reference)
		doc.check_permission("read")
		click.echo("Loading the suggestions model…", err=True)
		one_json_line(
			[
				{
					"name": row["name"],
					"score": row["score"],
					"mechanism": row["mechanism"],
					"upr_cycle": row["upr_cycle"],
					"implementation_status": row["implementation_status"],
				}
				for row in classification.similar_to(doc, limit)
			]
		)
	finally:
		frappe.destroy()


@nmirf.command("learn")
@click.argument("path_or_url")
@click.option(
	"--source", type=click.Choice(["uhri-xlsx", "uhri-json"]), help="Format (default: by extension)."
)
@pass_context
def learn(context, path_or_url, source):
	"""Learn suggestions from a whole UHRI export (every State's recommendations and OHCHR's tags)
	without importing them, then refresh the model. Progress on stderr, one JSON line last."""
	from nmirf_app.recommendations import classification
	from nmirf_app.recommendations.importer import ImportSourceError

	connected(context, "Administrator")
	try:
		try:
			outcome = classification.learn_export(
				path_or_url, source, progress=lambda message: click.echo(message, err=True)
			)
		except (ImportSourceError, frappe.ValidationError) as error:
			click.echo(f"Could not learn from {path_or_url}: {frappe.utils.strip_html(str(error))}", err=True)
			raise SystemExit(1)
		frappe.db.commit()
		one_json_line(outcome)
	finally:
		frappe.destroy()


commands = [nmirf]
