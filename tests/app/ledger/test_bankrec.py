"""Bank reconciliation: statement balance against the ledger of a bank sub-account, unmatched
items listed, lines marked as cleared (once, only this account's, not after the statement)."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import NotFound, ValidationError
from app.ledger.bankrec import BankReconciliation
from app.ledger.models import Line
from app.services import Services
from tests.app.ledger.ledger_fixtures import books

pytestmark = pytest.mark.both_engines

BANK = "1103.01"


def test_reconcile_and_mark_cleared(services: Services) -> None:
    bk = books(services, loans=0)
    submit = bk.manual.submit
    submit(bk.admin, date(2025, 5, 1), "Setor", [Line(BANK, 1_000_000), Line("1101", 0, 1_000_000)])
    submit(bk.admin, date(2025, 5, 20), "Listrik", [Line("5204", 150_000), Line(BANK, 0, 150_000)])
    submit(bk.admin, date(2025, 5, 31), "Setor", [Line(BANK, 400_000), Line("1101", 0, 400_000)])
    submit(bk.admin, date(2025, 5, 31), "Biaya adm", [Line("5208", 5_000), Line(BANK, 0, 5_000)])
    rec = BankReconciliation(bk.ledger)
    assert rec.bank_accounts() == [("1103.01", "Bank")]
    end = date(2025, 5, 31)
    before = rec.reconcile(BANK, end, 845_000)
    assert (before.ledger_balance, before.cleared_balance, before.difference) == (
        1_245_000,
        0,
        845_000,
    )
    assert len(before.unmatched) == 4
    # the bank shows the first deposit, the bill and its fee; the last deposit is in transit
    shown = [x.line_id for x in before.unmatched if x.description != "Setor" or x.date.day == 1]
    rec.record_statement(bk.admin, BANK, end, 845_000, shown)
    after = rec.reconcile(BANK, end, 845_000)
    assert after.reconciled and after.cleared_balance == 845_000
    assert [x.debit for x in after.unmatched] == [400_000]
    assert (after.in_transit, after.outstanding) == (400_000, 0)
    assert after.ledger_balance == after.statement_balance + after.in_transit - after.outstanding
    with pytest.raises(ValidationError, match="sudah ditandai"):
        rec.record_statement(bk.admin, BANK, end, 845_000, shown[:1])
    with pytest.raises(ValidationError, match="rekening bank"):
        rec.reconcile("1101", end, 0)
    kas_line = int(services.db.scalar("SELECT id FROM journal_lines WHERE account = '1101'"))
    with pytest.raises(ValidationError, match="Hanya baris rekening ini"):
        rec.record_statement(bk.admin, BANK, end, 0, [kas_line])
    with pytest.raises(NotFound):
        rec.record_statement(bk.admin, BANK, end, 0, [999_999])
    assert rec.reconcile(BANK, end, 845_000).cleared_balance == 845_000  # nothing half-written


def test_a_line_after_the_statement_date_cannot_be_cleared(services: Services) -> None:
    bk = books(services, loans=0)
    bk.manual.submit(
        bk.admin, date(2025, 6, 2), "Setor", [Line(BANK, 50_000), Line("1101", 0, 50_000)]
    )
    rec = BankReconciliation(bk.ledger)
    [item] = rec.items(BANK, date(2025, 6, 30))
    with pytest.raises(ValidationError, match="sesudah tanggal"):
        rec.record_statement(bk.admin, BANK, date(2025, 6, 1), 50_000, [item.line_id])
    assert rec.reconcile(BANK, date(2025, 6, 30), 0).cleared_balance == 0
