"""Guest attachments are judged by their bytes (issue #15): renamed programs and web pages, PDFs that
run script or launch programs (also hidden in compressed object streams or behind name escapes),
macro documents, damaged and encrypted files are refused with a message naming the file; real
documents and pictures pass."""

from io import BytesIO
from zipfile import ZIP_DEFLATED, ZipFile

import pytest

from nmirf_app.core.engagement import attachment_problem
from nmirf_app.core.file_content import content_problem, describe
from nmirf_app.tests.sample_files import (
	JPEG,
	WEB_PAGE,
	WINDOWS_PROGRAM,
	docx,
	odt,
	pdf,
	pdf_from_objects,
	pdf_with_script,
	pdf_with_script_in_object_stream,
	png,
)


@pytest.mark.parametrize(
	("name", "content"),
	[
		("report.pdf", pdf()),
		("photo.png", png()),
		("photo.JPG", JPEG),
		("photo.jpeg", JPEG),
		("input.docx", docx()),
		("input.odt", odt()),
	],
)
def test_real_documents_and_pictures_are_accepted(name, content):
	assert content_problem(name, content) is None
	assert attachment_problem(name, len(content), max_mb=5, content=content) is None


@pytest.mark.parametrize(
	("name", "content", "words"),
	[
		("report.pdf", WINDOWS_PROGRAM, "its content is a Windows program"),
		("photo.png", WEB_PAGE, "its content is a web page (HTML)"),
		("photo.jpg", png(), "its content is a PNG picture"),
		("input.docx", pdf(), "its content is a PDF"),
		("input.odt", docx(), "is not a OpenDocument text (.odt) file"),
		("input.docx", odt(), "is not a Word (.docx) file"),
		("photo.png", b"\0" * 100, "not a document or picture that can be recognised"),
	],
)
def test_a_renamed_file_is_refused_saying_what_it_really_is(name, content, words):
	problem = content_problem(name, content)
	assert problem is not None and problem.startswith(name)
	assert words in problem
	assert "renamed" in problem


@pytest.mark.parametrize(
	"content",
	[
		pdf_with_script(),
		pdf_from_objects(
			[
				b"<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /Launch /F (cmd.exe) >> >>",
				b"<< /Type /Pages /Kids [] /Count 0 >>",
			]
		),
		# the name written with #xx escapes, as malicious PDFs do to dodge byte searches
		pdf_from_objects(
			[
				b"<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >> >>",
				b"<< /Type /Pages /Kids [] /Count 0 >>",
			]
		),
		pdf_from_objects(
			[
				b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 3 0 R >> >>",
				b"<< /Type /Pages /Kids [] /Count 0 >>",
				b"<< /Names [(a.exe) << /Type /Filespec /F (a.exe) >>] >>",
			]
		),
	],
	ids=["javascript", "launch", "escaped-names", "embedded-file"],
)
def test_a_pdf_that_can_run_something_is_refused(content):
	problem = content_problem("report.pdf", content)
	assert problem is not None and "JavaScript" in problem and problem.startswith("report.pdf")


def test_script_hidden_in_a_compressed_object_stream_is_found():
	content = pdf_with_script_in_object_stream()
	assert b"JavaScript" not in content
	problem = content_problem("report.pdf", content)
	assert problem is not None and "JavaScript" in problem


def test_damaged_and_password_protected_pdfs_cannot_be_checked_and_are_refused():
	assert "damaged" in content_problem("report.pdf", b"%PDF-1.4\n1 0 obj << /Type /Cat")
	assert "damaged" in content_problem("report.pdf", pdf()[:200])
	assert "password" in content_problem("report.pdf", pdf(password="secret"))


@pytest.mark.parametrize(
	("name", "content"),
	[
		("input.docx", docx({"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 macros"})),
		("input.odt", odt({"Basic/Standard/Module1.xml": b"<script:module/>"})),
	],
)
def test_documents_with_macros_are_refused(name, content):
	assert "macros" in content_problem(name, content)


def test_a_zip_bomb_named_docx_is_refused_without_expanding_it():
	out = BytesIO()
	with ZipFile(out, "w", ZIP_DEFLATED) as archive:
		archive.writestr("[Content_Types].xml", b"<Types/>")
		archive.writestr("word/document.xml", b"\0" * (300 << 20))
	content = out.getvalue()
	assert len(content) < 1 << 20
	assert "zip bomb" in content_problem("input.docx", content)


def test_legacy_word_and_other_extensions_are_refused_by_name():
	for name in ("input.doc", "page.html", "script.svg", "noextension", "macro.docm"):
		problem = content_problem(name, b"anything")
		assert problem is not None and "only" in problem and ".DOCX" not in problem and "DOCX" in problem


def test_an_empty_file_is_refused():
	assert content_problem("report.pdf", b"") == "report.pdf is empty"


def test_describe_names_what_the_bytes_are():
	assert describe(WINDOWS_PROGRAM) == "a Windows program"
	assert describe(WEB_PAGE) == "a web page (HTML)"
	assert describe(b"<svg onload=alert(1)>") == "a web page (HTML)"
