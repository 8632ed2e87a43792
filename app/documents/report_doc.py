"""What a report on the letterhead holds (app/documents/reports_pdf.py renders it): plain data
without ReportLab, so a view can build one without loading ReportLab before it prints
(issue 16)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from app.exports.xlsx_table import TableExport

if TYPE_CHECKING:
    from reportlab.platypus import Flowable


@dataclass(frozen=True)
class ReportDoc:
    title: str
    parameters: Sequence[str]  # "Per tanggal 20 November 2026", "Kebijakan: …"
    tables: Sequence[TableExport]
    notes: Sequence[str] = ()  # totals and remarks under the tables
    charts: Sequence[Flowable] = field(default_factory=tuple)
    printed_on: date | None = None
