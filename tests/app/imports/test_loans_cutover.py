"""LEDGER.md §5.4 item 9 for the loans import: an imported loan posts only its position at the
cut-over — Dr 1105 the pokok outstanding then / Cr 3999 — nothing dated before it (no
disbursement from Kas, no jasa paid before it as income), and `mufakat check` says so."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.imports.loans_write import _loan
from app.ledger.derive import imported_loan
from app.ledger.models import Line
from app.services import Services
from app.storage.check import check_database
from tests.app.imports import test_import_opening as opening
from tests.app.imports import test_import_restructured as restructured
from tests.app.imports.helpers import MEMBER_HEADERS, member_rows, xlsx
from tests.app.imports.test_import_loans import CUT, HEADERS, _good
from tests.conftest import make_user


def _booked(services: Services, on: date) -> dict[str, int]:
    return {r.code: r.debit - r.credit for r in services.ledger.trial_balance(on)}


def _posted_before(services: Services, on: date) -> list[str]:
    """Journals that post anything dated before `on`, but the opening ones."""
    rows = services.db.rows(
        "SELECT j.number FROM journals j WHERE j.date < ? AND j.source <> 'saldo_awal'"
        " AND EXISTS (SELECT 1 FROM journal_lines l WHERE l.journal_id = j.id)",
        (on.isoformat(),),
    )
    return [str(r["number"]) for r in rows]


def _import(services: Services, tmp_path: Path, rows: list[list[object]]) -> None:
    user = make_user(services)
    members = xlsx(tmp_path / "m.xlsx", MEMBER_HEADERS, member_rows(3))
    services.imports.run(user, "members", members, opening.ImportOptions(),
                         backup_folder=tmp_path / "b")  # fmt: skip
    path = xlsx(tmp_path / "l.xlsx", HEADERS, rows)
    options = opening.ImportOptions(today=CUT)
    assert services.imports.check("loans", path, options).ok
    services.imports.run(user, "loans", path, options, backup_folder=tmp_path / "b")


def _current(number: str, member: str) -> list[object]:
    """All due paid: 10 of 12 instalments (the first due 10/03/2025) paid, nothing late."""
    row = _good(number, member)
    row[4], row[8] = "10/02/2025", "10/03/2025"
    row[10:14] = [0, 0, 0, 0]
    row[19] = "10/12/2025"
    return row


@pytest.mark.parametrize(
    "rows",
    [
        [_good("PK-1", "00001")],  # in arrears: 200,000 pokok, 24,000 jasa, 7,500 denda
        [_current("PK-2", "00002")],
        [_good("PK-1", "00001"), _current("PK-2", "00002"), _good("PK-3", "00003")],
    ],
)
def test_loans_alone_post_the_position_at_the_cut_over(
    services: Services, tmp_path: Path, rows: list[list[object]]
) -> None:
    _import(services, tmp_path, rows)
    outstanding = sum(int(str(r[9])) for r in rows)
    booked = _booked(services, CUT)
    assert booked.get("1105") == outstanding
    assert booked.get("3999") == -outstanding
    # nothing of before the cut-over: no jasa or denda income, no Kas out, no receivable
    assert set(booked) == {"1105", "3999"}
    assert _booked(services, CUT - timedelta(days=1)) == {}
    assert _posted_before(services, CUT) == []
    dates = services.db.rows(
        "SELECT DISTINCT j.date FROM journals j JOIN journal_lines l ON l.journal_id = j.id"
    )
    assert [r["date"] for r in dates] == [CUT.isoformat()]
    services.close()
    assert check_database(services.db.path).problems == []


def test_loans_savings_and_opening_leave_3999_zero(services: Services, tmp_path: Path) -> None:
    user = opening._sub_ledgers(services, tmp_path)
    before = _booked(services, CUT)
    assert "4101" not in before and before["1105"] == 200_000
    path = xlsx(tmp_path / "o.xlsx", opening.OPENING_HEADERS, opening._sheet(services))
    options = opening.ImportOptions(as_of=CUT)
    assert services.imports.check("opening", path, options).ok
    services.imports.run(user, "opening", path, options, backup_folder=tmp_path / "b")
    booked = _booked(services, CUT)
    assert booked.get("3999", 0) == 0
    assert booked["4101"] == -1_750_000  # the old books' income, not the loan's jasa again
    assert _posted_before(services, CUT) == []
    services.close()
    assert check_database(services.db.path).problems == []


@pytest.mark.parametrize(
    ("cut", "instalments_paid", "extra_pokok"),
    [(restructured.FIRST_DUE + timedelta(days=1), 0, 0), (CUT, 4, 50_000), (CUT, 6, 0)],
)
def test_restructured_imported_loan(
    services: Services, tmp_path: Path, cut: date, instalments_paid: int, extra_pokok: int
) -> None:
    restructured.test_import_keeps_the_position_to_the_rupiah(
        services, tmp_path, cut, instalments_paid, extra_pokok
    )
    schedule = restructured._schedule()
    outstanding = sum(i.pokok for i in schedule[instalments_paid:]) - extra_pokok
    booked = _booked(services, cut)
    assert (booked.get("1105"), booked.get("3999")) == (outstanding, -outstanding)
    assert set(booked) == {"1105", "3999"}
    assert _posted_before(services, cut) == []


def test_check_names_a_journal_before_the_cut_over(services: Services, tmp_path: Path) -> None:
    _import(services, tmp_path, [_good("PK-1", "00001")])
    with services.db.atomic():
        services.ledger.repo.write(
            on=CUT - timedelta(days=1), source="uji", source_id=1, role="uji",
            description="uji", lines=[Line("1101", 5, 0), Line("4101", 0, 5)], user_id=None,
        )  # fmt: skip
    services.close()
    problems = check_database(services.db.path).problems
    assert any("sebelum peralihan (31-12-2025)" in p for p in problems), problems


@given(
    cut=st.dates(date(2000, 1, 1), date(2099, 12, 31)),
    back=st.integers(0, 4000),
    paid=st.integers(0, 10**12),
    folded=st.booleans(),
)
def test_the_cut_over_is_read_back_from_the_stored_loan(
    cut: date, back: int, paid: int, folded: bool
) -> None:
    """The cut-over the import's note names is the one derive reads (never an earlier event)."""
    from app.imports.loans_restructured import Folded

    plan = type("P", (), {})()
    plan.cut, plan.restructured = cut, Folded(cut, 1, 2, 3) if folded else None
    for name in ("number", "member_id", "product", "disbursed", "amount", "months",
                 "first_due", "schedule"):  # fmt: skip
        setattr(plan, name, None)
    note = _loan(plan, 1, 7, "").decision_note  # type: ignore[arg-type]
    latest = max(date(1990, 1, 1), cut - timedelta(days=back))
    assert imported_loan(note, paid, latest).cut == cut
    assert imported_loan("", paid, latest).cut == latest


def test_check_names_a_loan_line_before_its_own_cut_over(
    services: Services, tmp_path: Path
) -> None:
    """Savings brought in a month earlier start the file's cut-over; a loan's line dated
    between that and the loan's own cut-over is still named."""
    _import(services, tmp_path, [_good("PK-1", "00001")])
    user = make_user(services, username="kedua")
    path = xlsx(tmp_path / "s.xlsx", opening.SAVINGS_HEADERS, [["00002", 100_000, 0, 0, None]])
    earlier = CUT - timedelta(days=30)
    services.imports.run(user, "savings", path, opening.ImportOptions(as_of=earlier),
                         backup_folder=tmp_path / "b")  # fmt: skip
    services.close()
    assert check_database(services.db.path).problems == []
    services = Services.open(services.db.path)
    loan = services.loans.list_rows(CUT)[0].loan_id
    with services.db.atomic():
        services.ledger.repo.write(
            on=CUT - timedelta(days=1), source="uji", source_id=1, role="uji",
            description="uji", lines=[Line("1105", 5, 0, None, loan), Line("3999", 0, 5)],
            user_id=None,
        )  # fmt: skip
    services.close()
    problems = check_database(services.db.path).problems
    assert any(f"pinjaman #{loan})" in p for p in problems), problems
