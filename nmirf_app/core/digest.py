"""The daily e-mail digest: a user who asked for one e-mail a day gets what reached their bell and
is still unread, grouped by kind of record, oldest first within a group."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from nmirf_app.core.plain_text import plain_text


@dataclass(frozen=True)
class DigestItem:
	subject: str
	document_type: str | None
	url: str
	created: datetime


def digest_groups(items: list[DigestItem]) -> list[tuple[str | None, list[DigestItem]]]:
	"""Items grouped by document type, groups in the order their first item arrived; subjects as
	plain text (notification subjects carry markup) and each one once per link."""
	groups: dict[str | None, list[DigestItem]] = {}
	seen = set()
	for item in sorted(items, key=lambda item: item.created):
		subject = plain_text(item.subject)
		if not subject or (subject, item.url) in seen:
			continue
		seen.add((subject, item.url))
		groups.setdefault(item.document_type, []).append(
			DigestItem(subject, item.document_type, item.url, item.created)
		)
	return list(groups.items())
