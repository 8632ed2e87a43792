"""The samples' passbook PDF (ReportLab) puts each line where the model says, like the Qt
printer does (the same check as tests/ui/test_passbook_pdf.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.documents.buku_simpanan import render_pages
from app.passbook.engine import Entry
from app.passbook.layout import DEFAULT_PASSBOOK
from tests.ui.test_passbook_pdf import check_lines


def test_sample_lines_land_on_the_layout(tmp_path: Path) -> None:
    lines = [
        (n, Entry(n, date(2026, 2, n), "SW", n * 500, 0, 90_000 - n, "AB")) for n in (1, 14, 15, 28)
    ]
    pdf = tmp_path / "b.pdf"
    pdf.write_bytes(render_pages(DEFAULT_PASSBOOK, [[(n, e.texts()) for n, e in lines]]))
    check_lines(pdf, DEFAULT_PASSBOOK, lines)
