"""`mufakat export loans` gives each loan's position and class as of the date asked."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from app.imports.export import export_kind
from app.services import Services
from tests.conftest import make_member, make_user
from tests.ui.loans_fixtures import disbursed_loan


def test_loans_export_position_as_of(services: Services, tmp_path: Path) -> None:
    user = make_user(services)
    member = make_member(services, user)
    loan = disbursed_loan(services, user, member.id, date(2025, 1, 10), amount=6_000_000)
    as_of = date(2025, 6, 30)
    assert export_kind(services, "loans", tmp_path / "p.xlsx", as_of) == 1
    sheet = load_workbook(tmp_path / "p.xlsx")["Data"]
    header = [c.value for c in sheet[1]]
    row = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    expected = services.loans.list_rows(as_of)[0]
    assert row["No. Pinjaman"] == loan.number
    assert row["Sisa Pokok"] == expected.outstanding == 6_000_000
    assert row["Tunggakan"] == expected.arrears_total > 0
    assert row["Hari Terlambat"] == expected.days_past_due > 0
    assert row["Kolektibilitas"] == expected.quality_label != ""
    assert export_kind(services, "cases", tmp_path / "c.xlsx", as_of) == 0
