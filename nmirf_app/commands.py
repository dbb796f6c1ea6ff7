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


commands = [nmirf]
