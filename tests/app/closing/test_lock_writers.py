"""Every writer of journals respects the lock date (issue 13 §1): BulkPoster (an existing file's
history, a cut-over import, the demo) moves a journal dated in a locked month to the first open
date with its own date in the text, as `LedgerService.post` does; the opening journal of
`post_unbooked` too; the repositories refuse whatever still reaches them dated in a locked month
(the jurnal penutup excepted)."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import ValidationError
from app.ledger import events as ev
from app.ledger.bulk import BulkPoster
from app.ledger.closing import PeriodClose
from app.ledger.history import post_unbooked
from app.ledger.models import Line
from app.savings.models import SavingsKind, TxType
from app.services import Services
from app.storage.ledger_bulk_repo import LedgerBulkRepository
from app.storage.savings_repo import SavingsRepository
from tests.app.closing.test_month_close import _ready
from tests.app.ledger.ledger_fixtures import Books, books

FEB_1 = date(2026, 2, 1)


def _closed(services: Services) -> tuple[Books, PeriodClose]:
    bk = books(services, loans=0)
    closing = _ready(bk)
    assert closing.close_month(bk.admin, 2026, 1) == []
    return bk, closing


def _deposit(source_id: int, on: date, amount: int = 10_000) -> ev.SavingsDeposit:
    return ev.SavingsDeposit(source_id=source_id, on=on, member_id=1, kind="pokok", amount=amount)


def test_bulk_poster_moves_locked_dates_to_the_first_open_date(services: Services) -> None:
    bk, closing = _closed(services)
    with services.db.atomic():
        poster = BulkPoster(bk.ledger)
        locked = poster.post(_deposit(901, date(2026, 1, 10)))
        kept = poster.post(_deposit(902, date(2026, 2, 14)))
        reversal = poster.reverse(("simpanan", 901, "setoran"), date(2026, 1, 20))
        cost = poster.manual(
            "biaya", date(2026, 1, 31), 1, "Listrik", (Line("5204", 50), Line("1101", 0, 50))
        )
        poster.flush()
    journal = bk.ledger.journal(locked)
    assert journal.date == FEB_1 and "(tanggal transaksi 10-01-2026)" in journal.description
    assert bk.ledger.journal(kept).date == date(2026, 2, 14)
    assert "tanggal transaksi" not in bk.ledger.journal(kept).description
    journal = bk.ledger.journal(reversal)
    assert journal.date == FEB_1 and "(tanggal transaksi 20-01-2026)" in journal.description
    assert journal.reverses_id == locked
    journal = bk.ledger.journal(cost)
    assert journal.date == FEB_1 and "(tanggal transaksi 31-01-2026)" in journal.description
    assert closing.locked_postings() == []
    # January's figures are what they were when it closed: cash 100.000 (the hibah)
    assert bk.ledger.repo.balance(["1101"], date(2026, 1, 31)) == 100_000


def test_post_unbooked_and_its_opening_journal_respect_the_lock(services: Services) -> None:
    bk, closing = _closed(services)
    savings = SavingsRepository(services.db)
    with services.db.atomic():  # records stored in bulk (a cut-over import) dated in January
        savings.insert(
            bk.member_id, SavingsKind.WAJIB, TxType.SETORAN, 30_000, date(2026, 1, 12),
            "KW-UJI-9", "tunai", "", bk.admin.id,
        )  # fmt: skip
        assert post_unbooked(bk.ledger) == 1
    found = bk.ledger.search(date(2026, 1, 1), date(2026, 12, 31), source="simpanan")
    assert {r.date for r in found} == {FEB_1}
    assert all("(tanggal transaksi 12-01-2026)" in r.description for r in found)
    assert closing.locked_postings() == []
    assert next(i for i in closing.checklist(2026, 2) if i.key == "simpanan_wajib").ok


def test_repositories_refuse_a_journal_dated_in_a_locked_month(services: Services) -> None:
    bk, closing = _closed(services)
    with pytest.raises(ValidationError, match="31-01-2026 sudah ditutup"), services.db.atomic():
        bk.ledger.repo.write(
            on=date(2026, 1, 31),
            source="uji",
            source_id=1,
            role="uji",
            description="lewat",
            lines=[Line("1101", 1_000), Line("3105", 0, 1_000)],
            user_id=None,
        )
    row = (1_000_000, "J2026-900000", "2026-01-15", "uji", 1, "uji", "lewat", 1, None, None, "x")
    with pytest.raises(ValidationError, match="15-01-2026"), services.db.atomic():
        LedgerBulkRepository(services.db).write([row], [])
    with services.db.atomic():  # the first open date is open
        bk.ledger.repo.write(
            on=FEB_1,
            source="uji",
            source_id=2,
            role="uji",
            description="sesudah kunci",
            lines=[Line("1101", 1_000), Line("3105", 0, 1_000)],
            user_id=None,
        )
    assert closing.locked_postings() == []
