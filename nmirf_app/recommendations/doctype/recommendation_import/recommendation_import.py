# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

import json

import frappe
from frappe import _
from frappe.model.document import Document

from nmirf_app.core.recommendation_import import nothing_to_import
from nmirf_app.recommendations.importer import RUNNING_STATUSES, add_alias, import_job_id


class RecommendationImport(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from nmirf_app.recommendations.doctype.recommendation_import_issue.recommendation_import_issue import (
			RecommendationImportIssue,
		)

		created: DF.Int
		error_message: DF.SmallText | None
		failed: DF.Int
		finished_at: DF.Datetime | None
		import_file: DF.Attach | None
		issues: DF.Table[RecommendationImportIssue]
		issues_file: DF.Attach | None
		last_run_was_preview: DF.Check
		outcome: DF.SmallText | None
		rows_read: DF.Int
		skipped_other_state: DF.Int
		source_description: DF.Data | None
		source_type: DF.Literal["UHRI XLSX", "UHRI JSON", "UPR Info CSV", "Template", "UPR Thematic List"]
		source_url: DF.Data | None
		started_at: DF.Datetime | None
		state: DF.Link | None
		status: DF.Literal[
			"Draft",
			"Preview queued",
			"Previewing",
			"Previewed",
			"Queued",
			"Importing",
			"Completed",
			"Completed with errors",
			"Failed",
		]
		unchanged: DF.Int
		updated: DF.Int
		use_uhri_url: DF.Check
		warnings: DF.Int

	# end: auto-generated types
	def onload(self):
		# the form offers Import only when the last preview found something to write
		self.set_onload(
			"nothing_to_import",
			bool(self.last_run_was_preview) and nothing_to_import(self.created, self.updated),
		)
		self.set_onload("unmapped_labels", self.unmapped_labels())

	def unmapped_labels(self) -> list[dict]:
		"""Each label the last run found in no vocabulary and nobody has mapped yet, once."""
		labels = {}
		for issue in self.issues:
			if issue.vocabulary and not issue.mapped_to and issue.value:
				labels.setdefault(
					(issue.vocabulary, issue.value),
					{"vocabulary": issue.vocabulary, "label": issue.value, "rows": []},
				)["rows"].append(issue.row_number)
		return list(labels.values())

	@frappe.whitelist()
	def map_labels(self, mappings: list[dict] | str):
		"""Maps unknown labels to vocabulary entries in one step (each becomes an alias of its entry)
		and marks the issues so; the next run of the import applies them."""
		self.check_permission("write")
		if isinstance(mappings, str):
			mappings = json.loads(mappings)
		mapped = 0
		for mapping in mappings:
			vocabulary, label, entry = mapping.get("vocabulary"), mapping.get("label"), mapping.get("entry")
			if not entry:
				continue
			add_alias(vocabulary, entry, label)
			for issue in self.issues:
				if issue.vocabulary == vocabulary and issue.value == label:
					issue.db_set("mapped_to", entry, update_modified=False)
			mapped += 1
		return mapped

	def validate(self):
		self.set_source_defaults()
		self.validate_source()

	def set_source_defaults(self):
		if not self.state:
			self.state = frappe.db.get_single_value("NMIRF Settings", "state")
		if self.use_uhri_url:
			self.source_url = frappe.db.get_single_value("NMIRF Settings", "uhri_source_url")
		if self.source_type not in ("UHRI XLSX", "UHRI JSON"):
			self.use_uhri_url = 0

	def validate_source(self):
		if self.source_description:
			return  # command-line run reading a server file
		if not self.import_file and not self.source_url:
			frappe.throw(
				_("File: attach the file to import, or give a source URL."), title=_("Nothing to import")
			)
		if self.source_url and not self.source_url.lower().startswith(("https://", "http://")):
			frappe.throw(_("Source URL: give an http(s) address."), title=_("Invalid source URL"))

	@frappe.whitelist()
	def start_preview(self):
		return self.enqueue_run(dry_run=True)

	@frappe.whitelist()
	def start_import(self):
		return self.enqueue_run(dry_run=False)

	def enqueue_run(self, dry_run: bool):
		self.check_permission("write")
		if self.status in RUNNING_STATUSES:
			frappe.throw(_("This import is already running ({0}).").format(_(self.status)))
		self.status = "Preview queued" if dry_run else "Queued"
		self.save()
		frappe.enqueue(
			"nmirf_app.recommendations.importer.run_import_job",
			queue="long",
			timeout=4 * 3600,
			job_id=import_job_id(self.name),
			deduplicate=True,
			enqueue_after_commit=True,
			import_name=self.name,
			dry_run=dry_run,
		)
		return self.status


@frappe.whitelist()
def download_template():
	"""The Excel template for recommendations typed in by hand, with the site's own lists."""
	import io

	from frappe.desk.utils import provide_binary_file

	from nmirf_app.core.recommendation_template import write_template

	frappe.has_permission("Recommendation Import", "create", throw=True)
	buffer = io.BytesIO()
	write_template(
		buffer,
		mechanisms=frappe.get_all(
			"Human Rights Mechanism", filters={"is_active": 1}, pluck="name", order_by="name"
		),
		themes=frappe.get_all("Human Rights Theme", filters={"is_active": 1}, pluck="name", order_by="name"),
		affected_groups=frappe.get_all(
			"Affected Group", filters={"is_active": 1}, pluck="name", order_by="name"
		),
		sdg_targets=frappe.get_all("SDG Target", pluck="name", order_by="name"),
	)
	provide_binary_file(_("Recommendations template"), "xlsx", buffer.getvalue())
