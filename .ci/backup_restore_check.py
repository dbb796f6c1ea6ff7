"""Compares a site with its restored copy (issue #8: a backup that cannot be restored is no backup).

Run with the bench's Python from the bench's sites folder:
	python backup_restore_check.py SOURCE_SITE RESTORED_SITE

For every table of the app's DocTypes (child tables included) and every Single of the app: the row
count and a SHA-256 of its (name, modified) pairs. For every File record: the file on disk in the
restored site, its bytes (SHA-256) and is_private, against the source. Prints the figures; exits 1
on any mismatch, or when the source holds no private file (then nothing about files was proven)."""

import hashlib
import sys
from pathlib import Path

import frappe

APP = "nmirf_app"


def sha256_file(path: Path) -> str:
	digest = hashlib.sha256()
	with path.open("rb") as handle:
		for block in iter(lambda: handle.read(1 << 20), b""):
			digest.update(block)
	return digest.hexdigest()


def table_figures() -> dict:
	modules = frappe.get_all("Module Def", filters={"app_name": APP}, pluck="name")
	doctypes = frappe.get_all(
		"DocType", filters={"module": ("in", modules)}, fields=["name", "issingle"], order_by="name"
	)
	figures = {}
	for doctype in doctypes:
		if doctype.issingle:
			rows = frappe.db.sql(
				"select field, value from `tabSingles` where doctype = %s order by field", doctype.name
			)
		else:
			rows = frappe.db.sql(f"select name, modified from `tab{doctype.name}` order by name")
		digest = hashlib.sha256("\n".join(f"{a}\t{b}" for a, b in rows).encode()).hexdigest()
		figures[doctype.name] = (len(rows), digest)
	return figures


def file_figures() -> dict:
	"""File name -> (is_private, file_url, sha256 of the file on disk or None when it is missing)."""
	figures = {}
	for file in frappe.get_all(
		"File", filters={"is_folder": 0}, fields=["name", "file_url", "is_private"], order_by="name"
	):
		url = file.file_url or ""
		if not url.startswith(("/files/", "/private/files/")):
			continue  # a link to elsewhere: no bytes of ours
		path = Path(frappe.get_site_path(url.lstrip("/") if url.startswith("/private/") else "public" + url))
		figures[file.name] = (int(file.is_private), url, sha256_file(path) if path.is_file() else None)
	return figures


def read_site(site: str) -> tuple[dict, dict]:
	frappe.init(site=site, sites_path=".")
	frappe.connect()
	try:
		return table_figures(), file_figures()
	finally:
		frappe.destroy()


def compare(source_site: str, restored_site: str) -> list[str]:
	source_tables, source_files = read_site(source_site)
	restored_tables, restored_files = read_site(restored_site)
	problems = []

	print(f"{'table':<40} {'rows':>7} {'restored':>9}  checksum")
	for doctype, (count, digest) in source_tables.items():
		restored = restored_tables.get(doctype)
		same = restored == (count, digest)
		print(
			f"{doctype:<40} {count:>7} {restored[0] if restored else '-':>9}  {'same' if same else 'DIFFERENT'}"
		)
		if not same:
			problems.append(f"{doctype}: {count} rows {digest[:12]} vs {restored}")
	for doctype in restored_tables.keys() - source_tables.keys():
		problems.append(f"{doctype}: only in the restored site")

	private = sum(1 for is_private, _url, _digest in source_files.values() if is_private)
	missing_in_source = [name for name, (_p, _u, digest) in source_files.items() if digest is None]
	print(
		f"\nfiles: {len(source_files)} in {source_site} ({private} private, {len(source_files) - private} public; "
		f"{len(missing_in_source)} records whose file was already missing there), {len(restored_files)} restored"
	)
	for name, (is_private, url, digest) in source_files.items():
		restored = restored_files.get(name)
		if restored is None:
			problems.append(f"File {name} ({url}): no record in the restored site")
		elif restored[0] != is_private:
			problems.append(f"File {name} ({url}): is_private {is_private} became {restored[0]}")
		elif digest is not None and restored[2] != digest:
			what = "missing on disk" if restored[2] is None else "different bytes"
			problems.append(f"File {name} ({url}): {what} in the restored site")
	if not private:
		problems.append(f"{source_site} holds no private file: the restore of private files was not tested")
	return problems


def main() -> int:
	source_site, restored_site = sys.argv[1:3]
	problems = compare(source_site, restored_site)
	if problems:
		print(f"\nBACKUP/RESTORE MISMATCH ({len(problems)}):")
		for problem in problems:
			print(f"  {problem}")
		return 1
	print(f"\n{restored_site} is an exact copy of {source_site}: every app table and every file")
	return 0


if __name__ == "__main__":
	sys.exit(main())
