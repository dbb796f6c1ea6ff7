app_name = "nmirf_app"
app_title = "NMIRF"
app_publisher = "nmirf_app developers"
app_description = (
	"National Mechanism for Implementation, Reporting and Follow-up of human rights recommendations"
)
app_email = "nmirf@example.org"
app_license = "MIT"

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
PROGRESS_UPDATE_STATES = ["Draft", "Submitted", "Validated", "Approved", "Returned"]
PROGRESS_UPDATE_ACTIONS = ["Submit for validation", "Validate", "Approve", "Return", "Resubmit"]
fixtures = [
	{"dt": "Role", "filters": [["name", "in", NMIRF_ROLES]]},
	{"dt": "Workflow State", "filters": [["name", "in", PROGRESS_UPDATE_STATES]]},
	{"dt": "Workflow Action Master", "filters": [["name", "in", PROGRESS_UPDATE_ACTIONS]]},
	{"dt": "Workflow", "filters": [["name", "in", ["Progress Update Approval"]]]},
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
}
has_permission = {
	"Recommendation": "nmirf_app.permissions.has_recommendation_permission",
	"Focal Point": "nmirf_app.permissions.has_focal_point_permission",
	"Implementation Action": "nmirf_app.permissions.has_implementation_action_permission",
	"Progress Update": "nmirf_app.permissions.has_progress_update_permission",
	"Indicator": "nmirf_app.permissions.has_indicator_permission",
}

scheduler_events = {
	"daily": [
		"nmirf_app.nmirf_setup.doctype.focal_point.focal_point.refresh_active_flags",
		"nmirf_app.implementation.tasks.send_deadline_reminders",
	],
	"weekly": ["nmirf_app.implementation.tasks.send_weekly_digest"],
}
