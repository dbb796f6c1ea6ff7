from datetime import datetime

from nmirf_app.core.digest import DigestItem, digest_groups


def item(subject, doctype, url, hour):
	return DigestItem(subject, doctype, url, datetime(2026, 12, 4, hour))


def test_a_day_of_notifications_is_grouped_by_kind_oldest_first_as_plain_text():
	groups = digest_groups(
		[
			item("Approved: <b>PU-1</b>", "Progress Update", "/app/progress-update/PU-1", 15),
			item("To validate: PU-2", "Progress Update", "/app/progress-update/PU-2", 9),
			item("Ministry of Health disputes UPR-1", "Recommendation", "/app/recommendation/UPR-1", 11),
			item("To validate: PU-2", "Progress Update", "/app/progress-update/PU-2", 12),
			item("<p></p>", "Recommendation", "/app/recommendation/UPR-2", 13),
		]
	)
	assert [(doctype, [entry.subject for entry in entries]) for doctype, entries in groups] == [
		("Progress Update", ["To validate: PU-2", "Approved: PU-1"]),
		("Recommendation", ["Ministry of Health disputes UPR-1"]),
	]


def test_nothing_unread_gives_no_digest():
	assert digest_groups([]) == []
