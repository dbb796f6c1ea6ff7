app_name = "nmirf_app"
app_title = "NMIRF"
app_publisher = "nmirf_app developers"
app_description = (
	"National Mechanism for Implementation, Reporting and Follow-up of human rights recommendations"
)
app_email = "nmirf@example.org"
app_license = "MIT"
# each controller lists its doctype's fields as Python types (rewritten when a DocType is saved in
# developer mode): a reader sees the fields where the code uses them
export_python_type_annotations = True

app_include_js = ["/assets/nmirf_app/js/nmirf_desk.js"]
# English titles read from their beginning in the Arabic desk (#19)
app_include_css = ["/assets/nmirf_app/css/nmirf_desk.css"]
# the portal's contrast fixes (WCAG 2.1 AA, issue #7)
web_include_css = ["/assets/nmirf_app/css/nmirf_portal.css"]

# Roles are owned by the app and identical everywhere; filter by name so that exporting fixtures
# never sweeps up a ministry's own roles.
NMIRF_ROLES = [
	"NMIRF Administrator",
	"NMIRF Secretariat",
	"NMIRF Focal Point",
	"NMIRF Institution Validator",
	"NMIRF Approver",
	"NMIRF Observer",
]
# The states and actions of the app's workflows. The review workflows of progress updates and
# contributions are fixtures: their rules are the app's. The State Report's drafting stages differ
# by State, so that workflow is only created at install (nmirf_app/reporting/state_report_workflow.json)
# and the State's edits survive migrations.
WORKFLOW_STATES = [
	"Draft",
	"Submitted",
	"Validated",
	"Approved",
	"Returned",
	"Requested",
	"Accepted",
	"Planning",
	"Drafting",
	"Consolidation",
	"Consultation",
	"Validation",
	"Government approval",
	"Dialogue held",
	"Closed",
	"Received",
	"Under review",
	"Taken into account",
	"Not retained",
]
WORKFLOW_ACTIONS = [
	"Submit for validation",
	"Validate",
	"Approve",
	"Return",
	"Resubmit",
	"Submit to secretariat",
	"Accept",
	"Start drafting",
	"Consolidate",
	"Open consultation",
	"Send for validation",
	"Send for government approval",
	"Approve and submit",
	"Return to drafting",
	"Record dialogue",
	"Close",
	"Start review",
	"Take into account",
	"Do not retain",
	"Reopen",
]
FIXED_WORKFLOWS = [
	"Progress Update Approval",
	"Report Contribution Review",
	"Stakeholder Submission Moderation",
]
fixtures = [
	{"dt": "Role", "filters": [["name", "in", NMIRF_ROLES]]},
	{"dt": "Workflow State", "filters": [["name", "in", WORKFLOW_STATES]]},
	{"dt": "Workflow Action Master", "filters": [["name", "in", WORKFLOW_ACTIONS]]},
	{"dt": "Workflow", "filters": [["name", "in", FIXED_WORKFLOWS]]},
]

after_install = "nmirf_app.install.after_install"
after_migrate = "nmirf_app.install.after_migrate"
before_uninstall = "nmirf_app.install.before_uninstall"
before_tests = "nmirf_app.install.before_tests"

permission_query_conditions = {
	"Recommendation": "nmirf_app.permissions.recommendation_query_conditions",
	"Focal Point": "nmirf_app.permissions.focal_point_query_conditions",
	"Implementation Action": "nmirf_app.permissions.implementation_action_query_conditions",
	"Progress Update": "nmirf_app.permissions.progress_update_query_conditions",
	"Indicator": "nmirf_app.permissions.indicator_query_conditions",
	"Report Contribution": "nmirf_app.permissions.report_contribution_query_conditions",
	"Recommendation Theme": "nmirf_app.permissions.recommendation_tag_query_conditions",
	"Recommendation Affected Group": "nmirf_app.permissions.recommendation_tag_query_conditions",
	"Recommendation SDG Target": "nmirf_app.permissions.recommendation_tag_query_conditions",
	"Implementation Assessment": "nmirf_app.permissions.implementation_assessment_query_conditions",
	"Special Procedure Communication": "nmirf_app.permissions.communication_query_conditions",
	"Tag Suggestion Decision": "nmirf_app.permissions.tag_suggestion_decision_query_conditions",
	# child tables of the scoped doctypes, when listed on their own
	"Recommendation Institution": "nmirf_app.permissions.child_row_query_conditions",
	"Recommendation Recommending State": "nmirf_app.permissions.child_row_query_conditions",
	"Focal Point Mechanism": "nmirf_app.permissions.child_row_query_conditions",
	"Focal Point Theme": "nmirf_app.permissions.child_row_query_conditions",
	"Action Partner Institution": "nmirf_app.permissions.child_row_query_conditions",
	"Action Recommendation": "nmirf_app.permissions.child_row_query_conditions",
	"Action Budget Line": "nmirf_app.permissions.child_row_query_conditions",
	"Indicator Value": "nmirf_app.permissions.child_row_query_conditions",
	"Progress Evidence": "nmirf_app.permissions.child_row_query_conditions",
	"Communication Mandate": "nmirf_app.permissions.child_row_query_conditions",
	"Recommendation Repeat": "nmirf_app.permissions.child_row_query_conditions",
}
has_permission = {
	"Recommendation": "nmirf_app.permissions.has_recommendation_permission",
	"Focal Point": "nmirf_app.permissions.has_focal_point_permission",
	"Implementation Action": "nmirf_app.permissions.has_implementation_action_permission",
	"Progress Update": "nmirf_app.permissions.has_progress_update_permission",
	"Indicator": "nmirf_app.permissions.has_indicator_permission",
	"Report Contribution": "nmirf_app.permissions.has_report_contribution_permission",
	"Implementation Assessment": "nmirf_app.permissions.has_implementation_assessment_permission",
	"Special Procedure Communication": "nmirf_app.permissions.has_communication_permission",
	"Tag Suggestion Decision": "nmirf_app.permissions.has_tag_suggestion_decision_permission",
}

# Frappe's frappe.client.get_count ignores permissions and its dashboard charts share one cached
# result between users; for the app's doctypes and charts neither may happen (nmirf_app/api.py).
override_whitelisted_methods = {
	"frappe.client.get_count": "nmirf_app.api.get_count",
	"frappe.desk.doctype.dashboard_chart.dashboard_chart.get": "nmirf_app.api.get_chart_data",
	# a guest's upload is checked by its bytes and kept private before Frappe writes it (#15)
	"upload_file": "nmirf_app.engagement.files.upload_file",
	"frappe.handler.upload_file": "nmirf_app.engagement.files.upload_file",
}

website_route_rules = [
	{"from_route": "/recommendations/<name>", "to_route": "recommendations/recommendation"},
	{"from_route": "/consultations/<name>", "to_route": "consultations/consultation"},
]

# Frappe's web form sends /submit-input to /submit-input/new and drops the query string: a link
# naming the recommendation an input is about keeps it (the form checks that it is published).
website_redirects = [
	{
		"source": r"/submit-input\?recommendation=([A-Za-z0-9._-]{1,140})",
		"target": r"/submit-input/new?recommendation=\1",
		"match_with_query_string": True,
	},
]

# the portal's templates show stored text as text: `{{ value | plain_text | e }}`
jinja = {
	"filters": [
		"nmirf_app.core.plain_text.plain_text",
		"nmirf_app.print_formats.nmirf_whole_right_to_left_lines",
	],
	# what the print formats show beyond the document (read with the reader's permissions)
	"methods": [
		"nmirf_app.print_formats.nmirf_recommendation_sheet",
		"nmirf_app.print_formats.nmirf_institution_matrix",
		"nmirf_app.print_formats.nmirf_report_status_summary",
		# the portal's language switch
		"nmirf_app.portal.nmirf_language_links",
	],
}

# a guest never sees a traceback, whatever the staff's setting (#15)
before_request = [
	"nmirf_app.utils.hide_tracebacks_from_guests",
	# a visitor's chosen language holds from page to page (#19)
	"nmirf_app.portal.remember_the_visitors_language",
]

doc_events = {
	# Frappe's sanitiser skips values that parse as JSON; the app's doctypes close that gap (#8)
	"*": {"validate": "nmirf_app.stored_markup.clean_app_document"},
	"File": {"validate": "nmirf_app.engagement.files.validate_guest_upload"},
	# the whole-State counts follow every save and delete (nmirf_app.recommendations.tally)
	"Recommendation": {
		"on_update": "nmirf_app.recommendations.tally.recommendation_saved",
		"after_delete": "nmirf_app.recommendations.tally.recommendation_deleted",
	},
	# a rename rewrites the recommendations' links, not the counts: they are counted again
	**{
		doctype: {"after_rename": "nmirf_app.recommendations.tally.rebuild_later"}
		for doctype in (
			"Human Rights Mechanism",
			"Human Rights Theme",
			"Affected Group",
			"SDG Goal",
			"Institution",
		)
	},
}

# a user may choose one e-mail a day instead of one per notification (Notification Settings)
override_doctype_class = {"Notification Log": "nmirf_app.nmirf_setup.email_digest.NMIRFNotificationLog"}

scheduler_events = {
	"daily": [
		"nmirf_app.nmirf_setup.email_digest.send_daily_digests",
		"nmirf_app.nmirf_setup.doctype.focal_point.focal_point.refresh_active_flags",
		"nmirf_app.implementation.tasks.send_deadline_reminders",
		"nmirf_app.reporting.doctype.reporting_obligation.reporting_obligation.refresh_reporting_calendar",
	],
	"weekly": ["nmirf_app.implementation.tasks.send_weekly_digest"],
	# a safety net for counts changed by a write that bypassed the tally (bulk SQL, a restore)
	"daily_long": [
		"nmirf_app.recommendations.tally.rebuild",
		# suggestions learn from the day's tagging
		"nmirf_app.recommendations.classification.refresh_model",
	],
	# an import whose worker was killed must not stay "Importing" for ever
	"cron": {"*/5 * * * *": ["nmirf_app.recommendations.importer.fail_interrupted_imports"]},
}
