"""What a file sent from outside really is, read from its bytes rather than its name (issue #15).

A guest's attachment is stored privately and opened later by the secretariat's staff, in their
browser or office suite: a Windows program renamed `.pdf`, a web page renamed `.png`, a PDF that runs
JavaScript or launches a program, a Word file with macros must never reach them. Each accepted
extension names the one format its bytes must be; anything that can act when opened is refused.
`filetype` (magic numbers) tells what a mismatched file is, `pypdf` reads a PDF's objects, including
those packed in compressed object streams, where a byte search alone would miss them."""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import PurePosixPath
from zipfile import BadZipFile, ZipFile

# The formats a guest may attach, by extension. Legacy Word (.doc) is not among them: its macros
# hide in a binary container nothing here can check; .docx and PDF carry the same documents.
ACCEPTED_FORMATS = {
	".pdf": "PDF",
	".docx": "Word (.docx)",
	".odt": "OpenDocument text (.odt)",
	".jpg": "JPEG picture",
	".jpeg": "JPEG picture",
	".png": "PNG picture",
}
_IMAGE_MIME = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png"}
_ODT_MIME = b"application/vnd.oasis.opendocument.text"

# A document of at most a few MB: more parts, more expansion or more PDF objects than this is an
# attack on the checker itself (the same bounds as the import's workbooks, core/spreadsheet.py).
MAX_ARCHIVE_PARTS = 10_000
MAX_ARCHIVE_EXPANDED = 256 << 20
MAX_PDF_OBJECTS = 200_000

# PDF keys and action types that run something when the document is opened or clicked.
_PDF_ACTIVE_KEYS = frozenset(
	("/JS", "/JavaScript", "/Launch", "/EmbeddedFile", "/EmbeddedFiles", "/RichMedia")
)
_PDF_ACTIVE_ACTIONS = frozenset(("/JavaScript", "/Launch", "/ImportData", "/RichMediaExecute"))
# The same names in the raw bytes, after decoding #xx escapes (`/J#61vaScript` is `/JavaScript`).
_PDF_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_PDF_ACTIVE_NAME = re.compile(rb"/(?:JavaScript|JS|Launch|EmbeddedFiles?|RichMedia)(?=[\s()<>\[\]{}/%]|$)")

# What a mismatched file is, in words a guest understands (filetype's MIME type, else our sniffing).
_KIND_WORDS = {
	"application/x-msdownload": "a Windows program",
	"application/x-executable": "a program",
	"application/x-mach-binary": "a program",
	"application/x-elf": "a program",
	"application/x-sh": "a script",
	"application/zip": "a zip archive",
	"application/x-rar-compressed": "a RAR archive",
	"application/x-7z-compressed": "a 7-Zip archive",
	"application/pdf": "a PDF",
	"image/jpeg": "a JPEG picture",
	"image/png": "a PNG picture",
	"image/gif": "a GIF picture",
	"image/svg+xml": "an SVG drawing",
}
_HTML_START = re.compile(
	rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<script|<svg|<\?xml|<iframe|<img)", re.I
)


def content_problem(file_name: str, content: bytes) -> str | None:
	"""Why the file is refused for what its bytes are, or None when it is the document or picture its
	extension says and can do nothing when opened. The message names the file and what to do."""
	extension = PurePosixPath((file_name or "").lower()).suffix
	expected = ACCEPTED_FORMATS.get(extension)
	name = file_name or "The file"
	if expected is None:
		return unaccepted_extension(file_name)
	if not content:
		return f"{name} is empty"
	if extension == ".pdf":
		problem = _pdf_problem(content)
	elif extension in _IMAGE_MIME:
		problem = None if _mime(content) == _IMAGE_MIME[extension] else "mismatch"
	else:
		problem = _office_problem(content, extension)
	if problem == "mismatch":
		return (
			f"{name} is not a {expected} file: its content is {describe(content)}. "
			f"Attach the {expected} itself, not a renamed file"
		)
	return f"{name}: {problem}" if problem else None


def unaccepted_extension(file_name: str) -> str:
	allowed = ", ".join(sorted({ext.lstrip(".").upper() for ext in ACCEPTED_FORMATS}))
	return f"{file_name or 'The file'}: only {allowed} files are accepted"


def describe(content: bytes) -> str:
	"""What the bytes are, for a message: 'a Windows program', 'a web page (HTML)', ..."""
	mime = _mime(content)
	if mime in _KIND_WORDS:
		return _KIND_WORDS[mime]
	if mime:
		return f"a file of type {mime}"
	if _HTML_START.match(content[:1024]):
		return "a web page (HTML)"
	return "not a document or picture that can be recognised"


def _mime(content: bytes) -> str | None:
	import filetype

	kind = filetype.guess(content[:8192])
	return kind.mime if kind else None


def _pdf_problem(content: bytes) -> str | None:
	if not content.startswith(b"%PDF-"):
		return "mismatch"
	if _PDF_ACTIVE_NAME.search(_PDF_NAME_ESCAPE.sub(lambda match: bytes.fromhex(match[1].decode()), content)):
		return _PDF_ACTIVE
	try:
		from pypdf import PdfReader

		reader = PdfReader(BytesIO(content), strict=False)
		if reader.is_encrypted:
			return (
				"the PDF is password-protected, so its content cannot be checked; send it without a password"
			)
		if _pdf_runs_something(reader):
			return _PDF_ACTIVE
	except Exception as error:
		return f"the PDF is damaged and cannot be checked ({type(error).__name__}); save or export it again"
	return None


_PDF_ACTIVE = (
	"the PDF contains JavaScript, an action that starts a program or an embedded file, which can run "
	"when it is opened; print it to a new PDF (or export it again without scripts) and send that"
)


def _pdf_runs_something(reader) -> bool:
	"""Walks every object reachable from the trailer (pages, catalogue, annotations, names, object
	streams resolved by pypdf) looking for script, launch and embedded-file keys."""
	from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

	stack = [reader.trailer]
	seen: set[tuple[int, int]] = set()
	visited = 0
	while stack:
		item = stack.pop()
		if isinstance(item, IndirectObject):
			key = (item.idnum, item.generation)
			if key in seen:
				continue
			seen.add(key)
			item = item.get_object()
		visited += 1
		if visited > MAX_PDF_OBJECTS:
			raise ValueError(f"more than {MAX_PDF_OBJECTS:,} objects")
		if isinstance(item, DictionaryObject):  # stream objects are dictionaries too
			if _PDF_ACTIVE_KEYS.intersection(str(key) for key in item.keys()):
				return True
			action = item.get("/S")
			if isinstance(action, NameObject) and str(action) in _PDF_ACTIVE_ACTIONS:
				return True
			stack.extend(item.values())
		elif isinstance(item, ArrayObject):
			stack.extend(item)
	return False


def _office_problem(content: bytes, extension: str) -> str | None:
	try:
		archive = ZipFile(BytesIO(content))
	except (BadZipFile, OSError, ValueError, EOFError):
		return "mismatch"
	with archive:
		parts = archive.infolist()
		if len(parts) > MAX_ARCHIVE_PARTS or sum(part.file_size for part in parts) > MAX_ARCHIVE_EXPANDED:
			return (
				"the document expands far beyond what a document holds (as a zip bomb does) and was refused"
			)
		names = {part.filename for part in parts}
		lowered = {name.lower() for name in names}
		if extension == ".docx":
			if not {"[Content_Types].xml", "word/document.xml"} <= names:
				return "mismatch"
			types = _read_part(archive, "[Content_Types].xml").lower()
			if any("vbaproject" in name for name in lowered) or b"macroenabled" in types:
				return _MACROS
		else:
			if "mimetype" not in names or _read_part(archive, "mimetype").strip() != _ODT_MIME:
				return "mismatch"
			if any(name.startswith(("basic/", "scripts/")) for name in lowered):
				return _MACROS
	return None


_MACROS = "the document contains macros, which can run when it is opened; save it without macros (as .docx or .odt) and send that"


def _read_part(archive: ZipFile, name: str, limit: int = 1 << 20) -> bytes:
	with archive.open(name) as stream:
		return stream.read(limit)
