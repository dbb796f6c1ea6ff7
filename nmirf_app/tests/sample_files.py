"""Small real and hostile documents, built in memory, for the tests of what guests may attach
(framework-free, Frappe and browser tests alike; nothing here imports Frappe)."""

import struct
import zlib
from io import BytesIO
from zipfile import ZIP_DEFLATED, ZipFile


def pdf(password: str | None = None) -> bytes:
	from pypdf import PdfWriter

	writer = PdfWriter()
	writer.add_blank_page(width=200, height=200)
	if password:
		writer.encrypt(password)
	out = BytesIO()
	writer.write(out)
	return out.getvalue()


def pdf_with_script() -> bytes:
	"""A document-level script in the catalogue's name tree, as Acrobat writes it."""
	return pdf_from_objects(
		[
			b"<< /Type /Catalog /Pages 2 0 R /Names << /JavaScript 3 0 R >> >>",
			b"<< /Type /Pages /Kids [] /Count 0 >>",
			b"<< /Names [(init) << /S /JavaScript /JS (app.alert(1)) >>] >>",
		]
	)


def pdf_objects(objects: list[bytes]) -> tuple[bytearray, list[int]]:
	"""A PDF's header and numbered objects, with each object's offset (for a cross-reference)."""
	out = bytearray(b"%PDF-1.7\n")
	offsets = []
	for number, body in enumerate(objects, start=1):
		offsets.append(len(out))
		out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
	return out, offsets


def pdf_from_objects(objects: list[bytes], root: int = 1) -> bytes:
	"""A PDF written by hand, with a correct cross-reference table."""
	out, offsets = pdf_objects(objects)
	xref = len(out)
	out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
	out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
	out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
	return bytes(out)


def pdf_with_script_in_object_stream() -> bytes:
	"""The open action's JavaScript lives in object 5, packed (deflated) inside the object stream 4
	and found through a cross-reference stream (PDF 1.5): no `/JavaScript` appears anywhere in the
	file's raw bytes."""
	header = b"5 0 "
	packed = zlib.compress(header + b"<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>")
	bodies = [
		b"<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>",
		b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
		b"<< /Type /ObjStm /N 1 /First %d /Filter /FlateDecode /Length %d >>\nstream\n"
		% (len(header), len(packed))
		+ packed
		+ b"\nendstream",
	]
	out, offsets = pdf_objects(bodies)
	xref_offset = len(out)
	rows = [struct.pack(">BIH", 0, 0, 0xFFFF)]
	rows += [struct.pack(">BIH", 1, offset, 0) for offset in offsets]
	rows += [struct.pack(">BIH", 2, 4, 0), struct.pack(">BIH", 1, xref_offset, 0)]
	table = b"".join(rows)
	out += (
		b"6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n" % len(table)
		+ table
		+ b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref_offset
	)
	return bytes(out)


def png() -> bytes:
	def chunk(kind: bytes, data: bytes) -> bytes:
		return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

	header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
	return (
		b"\x89PNG\r\n\x1a\n"
		+ chunk(b"IHDR", header)
		+ chunk(b"IDAT", zlib.compress(b"\0\0\0\0"))
		+ chunk(b"IEND", b"")
	)


JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\0" * 64 + b"\xff\xd9"
WINDOWS_PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\0" * 48 + b"PE\0\0" + b"\0" * 200
WEB_PAGE = b"<!DOCTYPE html><html><body><script>fetch('/api/resource/User')</script></body></html>"


def docx(extra_parts: dict[str, bytes] | None = None) -> bytes:
	from docx import Document

	out = BytesIO()
	document = Document()
	document.add_paragraph("Our input on recommendation UPR-3-118.1")
	document.save(out)
	if not extra_parts:
		return out.getvalue()
	with ZipFile(out, "a", ZIP_DEFLATED) as archive:
		for name, data in extra_parts.items():
			archive.writestr(name, data)
	return out.getvalue()


def odt(extra_parts: dict[str, bytes] | None = None) -> bytes:
	out = BytesIO()
	with ZipFile(out, "w") as archive:
		archive.writestr("mimetype", b"application/vnd.oasis.opendocument.text")
		archive.writestr("content.xml", b"<office:document-content/>")
		archive.writestr("META-INF/manifest.xml", b"<manifest:manifest/>")
		for name, data in (extra_parts or {}).items():
			archive.writestr(name, data)
	return out.getvalue()
