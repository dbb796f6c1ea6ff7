"""What waits for a person today, in the order they should do it, without Frappe.

The "My work" page (nmirf_app/recommendations/my_work.py gathers the items with the user's own
permissions) shows each item with its real deadline; this module says how urgent it is and sorts."""

from dataclasses import dataclass, field
from datetime import date

DUE_SOON_DAYS = 7

# the sections of the page, in the order a person works through them: a reviewer's queue first
# (others wait on it), then what their own institution owes
SECTIONS = (
	"updates_to_validate",  # validators: my institution's submitted updates
	"updates_to_approve",  # secretariat: validated updates
	"contributions_to_review",  # secretariat: submitted contributions
	"disputed_assignments",  # secretariat: assignments an institution disputes
	"public_input",  # secretariat: public input to moderate
	"assignments",  # recommendations assigned to my institution: accept or dispute
	"returned_updates",  # my progress updates sent back with a reason
	"contributions",  # report contributions my institution owes
	"actions",  # implementation actions ending soon or overdue
	"follow_up",  # recommendations under a follow-up procedure with a deadline
	"communications",  # special procedure communications awaiting a reply
	"decisions",  # meeting decisions I own
)


@dataclass
class WorkItem:
	section: str
	doctype: str
	name: str
	reference: str  # what the person recognises: a recommendation's reference, a report's section
	title: str
	due: date | None = None
	detail: str = ""
	actions: tuple[str, ...] = ("open",)
	context: dict = field(default_factory=dict)  # what an action needs (recommendation, institution)


def urgency(due: date | None, today: date) -> str:
	if due is None:
		return "undated"
	if due < today:
		return "overdue"
	if (due - today).days <= DUE_SOON_DAYS:
		return "due_soon"
	return "later"


def in_working_order(items: list[WorkItem]) -> list[WorkItem]:
	"""By section, then the earliest deadline first; undated items after the dated ones."""
	position = {section: index for index, section in enumerate(SECTIONS)}
	return sorted(
		items,
		key=lambda item: (
			position.get(item.section, len(SECTIONS)),
			item.due is None,
			item.due or date.max,
			item.reference,
		),
	)


def summary(items: list[WorkItem], today: date) -> dict[str, int]:
	"""How many items wait, and how many of them are overdue or due within a week."""
	counts = {"total": len(items), "overdue": 0, "due_soon": 0}
	for item in items:
		state = urgency(item.due, today)
		if state in counts:
			counts[state] += 1
	return counts
