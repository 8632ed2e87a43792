"""The bulk poster (an existing file's history, the demo, a cut-over import) routes each event
by the mapping version of the event's own date, exactly as `LedgerService.post` does: a
change dated D leaves the day before on the old account and takes D and after; a product's
own version only for that product, from its own date; asking the dates out of order changes
nothing (app/ledger/mapping.py remembers answers per span of dates)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.ledger import events as ev
from app.ledger.bulk import BulkPoster
from app.services import Services
from tests.app.ledger.ledger_fixtures import Books, books

D = date(2025, 6, 1)
DAYS = [D - timedelta(days=1), D, D + timedelta(days=1), D + timedelta(days=2)]


@pytest.fixture
def bk(services: Services) -> Books:
    bk = books(services)
    acc = bk.ledger.accounts
    bank = acc.add_sub_account(bk.admin, "1103", "02", "Bank BRI").code
    acc.map_method(bk.admin, "transfer", bank, D)
    acc.map_role(bk.admin, "simpanan_sukarela", "2113", D)
    acc.map_role(
        bk.admin, "pendapatan_jasa", "4104", D + timedelta(days=1), product_id=_product(bk)
    )
    return bk


def _product(bk: Books) -> int:
    return int(bk.services.db.scalar("SELECT product_id FROM loans WHERE id = ?", (bk.loans[0],)))


def _events(bk: Books, on: date, first_id: int) -> list[ev.Event]:
    loan, product = bk.loans[0], _product(bk)
    return [
        ev.SavingsDeposit(
            source_id=first_id, on=on, member_id=bk.member_id, kind="sukarela", amount=700,
            method="transfer",
        ),
        ev.InstalmentPayment(
            source_id=first_id, on=on, member_id=bk.member_id, loan_id=loan,
            product_id=product, method="transfer", pokok=300, jasa=40, denda=5,
        ),
        ev.InstalmentPayment(  # the general mapping: no product on the event
            source_id=first_id + 1, on=on, member_id=bk.member_id, loan_id=loan,
            method="tunai", pokok=10, jasa=4,
        ),
    ]  # fmt: skip


def _lines(bk: Books, journal_id: int) -> list[tuple[str, int, int, int | None, int | None]]:
    lines = bk.ledger.journal(journal_id).lines
    return [(x.account, x.debit, x.credit, x.member_id, x.loan_id) for x in lines]


@pytest.mark.parametrize("order", ["forwards", "backwards"])
def test_bulk_posting_follows_the_version_of_each_date(bk: Books, order: str) -> None:
    days = DAYS if order == "forwards" else DAYS[::-1]
    bulk: dict[date, list[int]] = {}
    single: dict[date, list[int]] = {}
    with bk.services.db.atomic():
        poster = BulkPoster(bk.ledger)
        for n, on in enumerate(days):
            bulk[on] = [poster.post(e) for e in _events(bk, on, 10 * n + 1)]
        poster.flush()
        for n, on in enumerate(days):
            single[on] = [bk.ledger.post(e) for e in _events(bk, on, 10 * n + 501)]
    for on in days:
        for b, s in zip(bulk[on], single[on], strict=True):
            assert _lines(bk, b) == _lines(bk, s), on
    m, loan = bk.member_id, bk.loans[0]
    before, at, after = DAYS[0], DAYS[1], DAYS[2]
    assert _lines(bk, bulk[before][0]) == [("1103.01", 700, 0, m, None), ("2101", 0, 700, m, None)]
    assert _lines(bk, bulk[at][0]) == [("1103.02", 700, 0, m, None), ("2113", 0, 700, m, None)]
    jasa = {on: [x for x in _lines(bk, bulk[on][1]) if x[2] == 40] for on in DAYS}
    assert jasa[before] == jasa[at] == [("4101", 0, 40, m, loan)]
    assert jasa[after] == jasa[DAYS[3]] == [("4104", 0, 40, m, loan)]
    for on in DAYS:  # no product: the general row whatever the product's own versions
        assert [x[0] for x in _lines(bk, bulk[on][2])] == ["1101", "4101", "1105"]
