"""The implementation matrix: one row per recommendation with everything a ministry meeting needs,
as an Excel workbook. Framework-free: the Frappe side passes plain records in."""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from nmirf_app.core.spreadsheet import safe_cell


@dataclass(frozen=True)
class MatrixColumn:
	header: str
	key: str
	width: int


COLUMNS = (
	MatrixColumn("Reference", "name", 16),
	MatrixColumn("Recommendation", "recommendation_text", 70),
	MatrixColumn("Mechanism", "mechanism", 12),
	MatrixColumn("Document symbol", "document_symbol", 18),
	MatrixColumn("Paragraph", "paragraph", 10),
	MatrixColumn("Date", "document_date", 12),
	MatrixColumn("UPR cycle", "upr_cycle", 9),
	MatrixColumn("Recommending States", "recommending_states", 24),
	MatrixColumn("Position", "position", 14),
	MatrixColumn("Themes", "themes", 30),
	MatrixColumn("Affected groups", "affected_groups", 26),
	MatrixColumn("SDGs", "sdg_targets", 14),
	MatrixColumn("Cluster", "cluster", 26),
	MatrixColumn("Lead institution", "lead_institution", 28),
	MatrixColumn("Supporting institutions", "supporting_institutions", 30),
	MatrixColumn("Priority", "priority", 10),
	MatrixColumn("Actions", "actions", 40),
	MatrixColumn("Implementation status", "implementation_status", 20),
	MatrixColumn("Latest approved progress", "latest_progress", 60),
)


def matrix_rows(records: Iterable[dict], columns: tuple[MatrixColumn, ...] = COLUMNS) -> list[list]:
	"""Rows of cell values; list values are joined one per line."""
	rows = []
	for record in records:
		row = []
		for column in columns:
			value = record.get(column.key)
			if isinstance(value, list | tuple):
				value = "\n".join(str(item) for item in value)
			row.append(value)
		rows.append(row)
	return rows


def write_matrix_xlsx(
	records: Iterable[dict], *, title: str, columns: tuple[MatrixColumn, ...] = COLUMNS
) -> bytes:
	workbook = Workbook()
	sheet = workbook.active
	sheet.title = "Implementation matrix"
	sheet.append([column.header for column in columns])
	for row in matrix_rows(records, columns):
		sheet.append([safe_cell(value) for value in row])

	header_fill = PatternFill("solid", fgColor="DCE6F1")
	for cell in sheet[1]:
		cell.font = Font(bold=True)
		cell.fill = header_fill
		cell.alignment = Alignment(vertical="top", wrap_text=True)
	for index, column in enumerate(columns, start=1):
		sheet.column_dimensions[get_column_letter(index)].width = column.width
	for row in sheet.iter_rows(min_row=2):
		for cell in row:
			cell.alignment = Alignment(vertical="top", wrap_text=True)
	sheet.freeze_panes = "C2"
	sheet.auto_filter.ref = sheet.dimensions
	workbook.properties.title = title

	buffer = io.BytesIO()
	workbook.save(buffer)
	return buffer.getvalue()
