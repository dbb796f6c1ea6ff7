"""Load the framework-free demo dataset (nmirf_app.core.demo_data) into a site.

Every record is looked up by its natural key first, so loading twice changes nothing.
"""

from collections.abc import Callable

import frappe
from frappe.utils.password import update_password

from nmirf_app.core.demo_data import DemoDataset, build_demo_dataset
from nmirf_app.core.references import build_dedupe_key
from nmirf_app.demo.records import insert_each
from nmirf_app.install import load_reference_data
from nmirf_app.recommendations.assignment import one_task_per_person
from nmirf_app.utils import ensure_user_has_role


def load_demo_dataset(
	seed: int = 2026, password: str = "demo-NMIRF-2026", progress: Callable = print
) -> dict:
	# The demo is loaded by an operator from the command line, as Administrator.
	frappe.set_user("Administrator")
	dataset = build_demo_dataset(seed)
	load_reference_data()
	counts = {"institutions": load_institutions(dataset)}
	complete_setup_for_demo(dataset)
	create_demo_outbox()
	counts["users"] = load_users(dataset, password)
	counts["focal points"] = load_focal_points(dataset)
	counts["clusters"] = load_clusters(dataset)
	counts["recommendations"] = load_recommendations(dataset, progress)
	from nmirf_app.demo.reporting import load_reporting

	counts.update(load_reporting())
	from nmirf_app.demo.engagement import load_engagement

	counts.update(load_engagement())
	return counts


DEMO_CURRENCY = "PYG"  # Paraguay's guaraní


def complete_setup_for_demo(dataset: DemoDataset):
	"""A demo site opens on the desk, not on the setup wizard."""
	settings = frappe.get_single("NMIRF Settings")
	if not settings.state or not settings.portal_enabled or not settings.currency:
		settings.state = settings.state or dataset.state
		settings.secretariat_institution = settings.secretariat_institution or dataset.institutions[0].name
		settings.portal_enabled = 1  # the demo State publishes, as Paraguay does
		settings.currency = settings.currency or DEMO_CURRENCY
		settings.save()
	if not frappe.db.get_single_value("System Settings", "setup_complete"):
		from frappe.desk.page.setup_wizard.setup_wizard import setup_complete

		setup_complete(
			{
				"language": "English",
				"country": dataset.state,
				"timezone": "America/Asuncion",
				"currency": DEMO_CURRENCY,
			}
		)


DEMO_OUTBOX = "NMIRF demo outbox (no delivery)"


def create_demo_outbox():
	"""The app's e-mails (acknowledgements, decisions, reminders) go to Frappe's Email Queue, which
	needs a default outgoing account. The demo's has no server it could reach: every e-mail is
	queued and can be read in the desk (Email Queue), none is delivered. A real site sets its own."""
	if frappe.db.exists("Email Account", {"default_outgoing": 1}):
		return
	frappe.get_doc(
		{
			"doctype": "Email Account",
			"email_account_name": DEMO_OUTBOX,
			"email_id": "nmirf@demo.nmirf.example",
			"enable_outgoing": 1,
			"default_outgoing": 1,
			"smtp_server": "smtp.demo.nmirf.example",
			"awaiting_password": 1,
		}
	).insert(ignore_permissions=True)


def load_institutions(dataset: DemoDataset) -> int:
	insert_each(
		"Institution",
		dataset.institutions,
		key=lambda institution: institution.name,
		values=lambda institution: {
			"institution_name": institution.name,
			"abbreviation": institution.abbreviation,
			"institution_type": institution.institution_type,
			"is_state_body": int(institution.is_state_body),
		},
	)
	for institution in dataset.institutions:
		if institution.parent:
			frappe.db.set_value("Institution", institution.name, "parent_institution", institution.parent)
	return len(dataset.institutions)


def load_users(dataset: DemoDataset, password: str) -> int:
	for demo_user in dataset.users:
		if not frappe.db.exists("User", demo_user.email):
			user = frappe.get_doc(
				{
					"doctype": "User",
					"email": demo_user.email,
					"first_name": demo_user.first_name,
					"last_name": demo_user.last_name,
					"send_welcome_email": 0,
					"user_type": "System User",
					"roles": [{"role": role} for role in demo_user.roles],
				}
			)
			user.insert()
		else:
			for role in demo_user.roles:
				ensure_user_has_role(demo_user.email, role)
		update_password(demo_user.email, password)
	for institution, validator in dataset.validators.items():
		if frappe.db.get_value("Institution", institution, "validating_authority") != validator:
			institution_doc = frappe.get_doc("Institution", institution)
			institution_doc.validating_authority = validator
			institution_doc.save()
	return len(dataset.users)


def load_focal_points(dataset: DemoDataset) -> int:
	def term(focal_point) -> dict:
		return {
			"user": focal_point.user,
			"institution": focal_point.institution,
			"active_from": focal_point.active_from,
		}

	return insert_each(
		"Focal Point",
		# oldest terms first, so that a successor is validated after its predecessor's term has ended
		sorted(dataset.focal_points, key=lambda focal_point: focal_point.active_from),
		key=term,
		values=lambda focal_point: {
			**term(focal_point),
			"role_type": focal_point.role_type,
			"capacity": focal_point.capacity,
			"active_to": focal_point.active_to,
			"handover_notes": focal_point.handover_notes,
		},
	)


def load_clusters(dataset: DemoDataset) -> int:
	return insert_each(
		"Recommendation Cluster",
		dataset.clusters,
		key=lambda cluster: cluster.name,
		values=lambda cluster: {
			"cluster_name": cluster.name,
			"description": cluster.description,
			"themes": [{"theme": theme} for theme in cluster.themes],
		},
	)


def load_recommendations(dataset: DemoDataset, progress: Callable) -> int:
	# each focal point gets one task listing the demo's assignments, not one per recommendation
	with one_task_per_person():
		names_by_source = insert_recommendations(dataset, progress)
	for recommendation in dataset.recommendations:
		if recommendation.repeats:
			name = names_by_source[(recommendation.document_symbol, recommendation.paragraph)]
			earlier = names_by_source.get(tuple(recommendation.repeats))
			doc = frappe.get_doc("Recommendation", name)
			if earlier and earlier not in [row.repeats for row in doc.repeats]:
				doc.append("repeats", {"repeats": earlier})
				doc.save(ignore_permissions=True)
	return len(dataset.recommendations)


def insert_recommendations(dataset: DemoDataset, progress: Callable) -> dict:
	names_by_source = {}
	for index, recommendation in enumerate(dataset.recommendations, start=1):
		key = build_dedupe_key(uhri_annotation_id=recommendation.uhri_annotation_id)
		name = frappe.db.get_value("Recommendation", {"dedupe_key": key}, "name")
		if not name:
			doc = frappe.get_doc(
				{
					"doctype": "Recommendation",
					"recommendation_text": recommendation.text,
					"mechanism": recommendation.mechanism,
					"annotation_type": recommendation.annotation_type,
					"document_symbol": recommendation.document_symbol,
					"paragraph": recommendation.paragraph,
					"document_date": recommendation.document_date,
					"upr_cycle": recommendation.upr_cycle,
					"session": recommendation.session,
					"state_under_review": dataset.state,
					"recommending_states": [
						{"country": country} for country in recommendation.recommending_states
					],
					"position": recommendation.position,
					"themes": [{"theme": theme} for theme in recommendation.themes],
					"affected_groups": [
						{"affected_group": group} for group in recommendation.affected_groups
					],
					"sdg_targets": [{"sdg_target": target} for target in recommendation.sdg_targets],
					"cluster": recommendation.cluster,
					"responsible_institutions": [
						{"institution": institution, "role": role}
						for institution, role in recommendation.institutions
					],
					"priority": recommendation.priority,
					"implementation_status": recommendation.implementation_status,
					"published": int(recommendation.published),
					"follow_up_required": int(recommendation.follow_up_required),
					"uhri_annotation_id": recommendation.uhri_annotation_id,
				}
			).insert()
			name = doc.name
		names_by_source[(recommendation.document_symbol, recommendation.paragraph)] = name
		if index % 50 == 0:
			progress(f"  recommendations: {index}/{len(dataset.recommendations)}")
	return names_by_source
