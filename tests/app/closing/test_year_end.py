"""Tutup buku (LEDGER.md §3.2): after the December close a jurnal penutup dated 31 December
moves every income and expense account to SHU belum dibagi (3107); the statements and the SHU
of the year are unchanged by it; the year cannot be closed twice nor December reopened."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import ValidationError
from app.ledger.cashbook import CashBook
from app.ledger.closing import PeriodClose
from app.ledger.models import Line
from app.ledger.shu import ShuService
from app.ledger.statements import Period
from app.services import Services
from app.users.models import Role
from tests.app.ledger.ledger_fixtures import Books, books
from tests.conftest import make_user

DEC = date(2025, 12, 31)


def _year(bk: Books) -> PeriodClose:
    submit = bk.manual.submit
    submit(
        bk.admin, date(2025, 1, 5), "Giro", [Line("1101", 1_000_000), Line("4201", 0, 1_000_000)]
    )
    submit(bk.admin, date(2025, 6, 5), "ATK", [Line("5203", 300_000), Line("1101", 0, 300_000)])
    submit(bk.admin, date(2025, 7, 5), "Pajak", [Line("5901", 50_000), Line("1101", 0, 50_000)])
    return PeriodClose(bk.ledger)


def test_jurnal_penutup(services: Services) -> None:
    bk = books(services, loans=0)
    closing = _year(bk)
    with pytest.raises(ValidationError, match="Desember 2025"):
        closing.close_year(bk.admin, 2025)
    before = services.statements().phu(Period(2025, DEC)).totals
    neraca = services.statements().neraca(Period(2025, DEC)).totals
    CashBook(bk.ledger).count(bk.admin, DEC, 650_000)
    assert closing.close_month(bk.admin, 2025, 12) == []
    journal = bk.ledger.journal(closing.close_year(bk.admin, 2025))
    assert journal.date == DEC
    assert sorted((x.account, x.debit, x.credit) for x in journal.lines) == [
        ("3107", 0, 650_000),
        ("4201", 1_000_000, 0),
        ("5203", 0, 300_000),
        ("5901", 0, 50_000),
    ]
    trial = {r.code: (r.debit, r.credit) for r in bk.ledger.trial_balance(DEC)}
    assert not [c for c in trial if c[0] in "45"]
    assert trial["3107"] == (0, 650_000)
    assert services.statements().phu(Period(2025, DEC)).totals == before
    assert services.statements().neraca(Period(2025, DEC)).totals == neraca
    assert ShuService(services.db, services.audit).compute(2025).shu == 650_000
    with pytest.raises(ValidationError, match="sudah ditutup"):
        closing.close_year(bk.admin, 2025)
    ketua = make_user(services, Role.KETUA, "ketua1", "Budi Ketua")
    pengurus = make_user(services, Role.PENGURUS, "pengurus1", "Sari Pengurus")
    with pytest.raises(ValidationError, match="jurnal penutup"):
        closing.reopen(ketua, pengurus, "koreksi")
    assert closing.lock_date() == DEC


def test_loss_year_debits_3107(services: Services) -> None:
    bk = books(services, loans=0)
    bk.manual.submit(
        bk.admin, date(2025, 3, 1), "Modal", [Line("1101", 500_000), Line("3105", 0, 500_000)]
    )
    bk.manual.submit(
        bk.admin, date(2025, 6, 5), "ATK", [Line("5203", 80_000), Line("1101", 0, 80_000)]
    )
    closing = PeriodClose(bk.ledger)
    CashBook(bk.ledger).count(bk.admin, DEC, 420_000)
    assert closing.close_month(bk.admin, 2025, 12) == []
    journal = bk.ledger.journal(closing.close_year(bk.admin, 2025))
    assert sorted((x.account, x.debit, x.credit) for x in journal.lines) == [
        ("3107", 80_000, 0),
        ("5203", 0, 80_000),
    ]
