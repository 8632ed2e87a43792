"""The SHU in the books: the allocation journal on the RAT date empties 3107 exactly (LEDGER.md
§5.4 invariant 7), the member lines of 2109 sum to JMA + JUA; a payout moves one share from 2109
to cash with nothing withheld; refusals: year not closed, RAT date inside the year or in a locked
month, twice, a payout twice."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import ValidationError
from app.ledger.closing import PeriodClose
from app.ledger.shu import ShuService
from app.ledger.shu_books import ShuBooks
from app.services import Services
from app.storage.closing_repo import ClosingRepository
from app.users.models import User
from tests.conftest import admin_user, make_user

pytestmark = pytest.mark.both_engines

DEC = date(2025, 12, 31)
RAT = date(2026, 3, 14)


def _close_2025(services: Services, admin: User) -> ShuBooks:
    """December locked directly (the checklist is tested elsewhere), then the jurnal penutup."""
    with services.db.atomic():
        ClosingRepository(services.db).add_lock("tutup", "2025-12", DEC, admin.id)
    PeriodClose(services.ledger).close_year(admin, 2025)
    return ShuBooks(services.ledger, ShuService(services.db, services.audit))


def test_allocation_empties_3107_and_shares_sum(services: Services, year: dict[str, int]) -> None:
    admin = admin_user(services)
    pengurus = make_user(services)
    books = _close_2025(services, admin)
    with pytest.raises(ValidationError, match="sesudah akhir tahun"):
        books.allocate(pengurus, 2025, DEC, "05/RAT/2026")
    with pytest.raises(ValidationError, match="Nomor keputusan"):
        books.allocate(pengurus, 2025, RAT, "  ")
    journal = services.ledger.journal(books.allocate(pengurus, 2025, RAT, "05/RAT/2026"))
    assert journal.date == RAT and "05/RAT/2026" in journal.description
    assert services.ledger.repo.balance(["3107"], RAT) == 0
    result = ShuService(services.db, services.audit).compute(2025)
    members = [x for x in journal.lines if x.account == "2109"]
    assert sum(x.credit for x in members) == result.pools["jma"] + result.pools["jua"]
    assert {x.member_id: x.credit for x in members} == {r.member_id: r.total for r in result.rows}
    # Dr 3107 the whole SHU of 2025: income 4.200.003 (jasa 200.000 + giro 4.000.003) −
    # ATK 1.000.000 (see conftest)
    total = sum(x.credit for x in journal.lines)
    assert total == sum(x.debit for x in journal.lines) == 3_200_003
    assert [(x.debit, x.credit) for x in journal.lines if x.account == "3107"] == [(3_200_003, 0)]
    with pytest.raises(ValidationError, match="sudah dibagi"):
        books.allocate(pengurus, 2025, RAT, "05/RAT/2026")


def test_payout_from_2109(services: Services, year: dict[str, int]) -> None:
    admin = admin_user(services)
    pengurus = make_user(services)
    books = _close_2025(services, admin)
    books.allocate(pengurus, 2025, RAT, "05/RAT/2026")
    shares = books.shares(2025)
    assert [s.number for s in shares] == sorted(s.number for s in shares)
    first = shares[0]
    unpaid = books.unpaid(2025)
    journal = services.ledger.journal(books.pay(admin, first.share_id, date(2026, 3, 20)))
    assert sorted((x.account, x.debit, x.credit) for x in journal.lines) == [
        ("1101", 0, first.total),
        ("2109", first.total, 0),
    ]
    assert books.unpaid(2025) == unpaid - first.total
    assert -services.ledger.repo.balance(["2109"], date(2026, 3, 31)) == books.unpaid(2025)
    with pytest.raises(ValidationError, match="sudah dibayar"):
        books.pay(admin, first.share_id, date(2026, 3, 21))
    with pytest.raises(ValidationError, match="sebelum tanggal RAT"):
        books.pay(admin, shares[1].share_id, date(2026, 3, 1))


def test_not_before_year_end_close(services: Services, year: dict[str, int]) -> None:
    books = ShuBooks(services.ledger, ShuService(services.db, services.audit))
    with pytest.raises(ValidationError, match="Tutup buku tahun 2025"):
        books.allocate(make_user(services), 2025, RAT, "05/RAT/2026")
