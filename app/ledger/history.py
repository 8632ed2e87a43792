"""Posting the history of a file from before the books (issue 12 §2 "Existing files"): once, on
the first open after schema step 0021, every savings transaction and loan event already stored
is posted in date order through the same derivation as a new one (app/ledger/derive.py); then
one opening-balance journal against 3999 (dated at the earliest event) carries whatever the
events do not explain (loans or savings brought in with a balance), so that the control
accounts equal the sub-ledgers afterwards. Records that already have their journal are skipped:
running it again posts nothing twice."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from app.ledger import events as ev
from app.ledger.bulk import BulkPoster
from app.ledger.derive import (
    Reverses,
    collection_event,
    imported_loan,
    loan_event,
    savings_event,
)
from app.ledger.models import Line
from app.ledger.service import REVERSAL, LedgerService
from app.storage.closing_repo import ClosingRepository
from app.storage.file_only import file_only
from app.storage.ledger_controls_repo import LedgerControlsRepository
from app.storage.ledger_history_repo import LedgerHistoryRepository
from app.storage.loans_events_repo import LoanEventsRepository
from app.storage.savings_repo import SavingsRepository

OPENING_SOURCE = "saldo_awal"
OPENING_ACCOUNT = "3999"

Progress = Callable[[int, int], None]
"""(records looked at, records in all); it may raise to cancel: the caller's transaction then
rolls back and nothing of the posting stays."""
PROGRESS_EVERY = 2_000


def _stream(repo: LedgerHistoryRepository) -> Iterator[tuple[date, int, int, Any]]:
    """Every record as (date, which, id, record), in that order: (date, which, id) is unique,
    so the merge never compares the records themselves."""
    savings = ((tx.tx_date, 0, tx.id, tx) for tx in repo.savings())
    loans = ((p.event_date, 1, p.id, (p, m, prod)) for p, m, prod in repo.loan_events())
    problem = ((f.event_date, 2, f.id, (f, m, prod)) for f, m, prod in repo.collection_events())
    return heapq.merge(savings, loans, problem)


def history_pending(ledger: LedgerService) -> bool:
    """The stored history is still to be posted (the first open of an older file)."""
    return LedgerHistoryRepository(file_only(ledger.db, "Pembukuan riwayat")).pending()


def post_history(ledger: LedgerService, progress: Progress | None = None) -> int:
    """Post the stored history once (no-op when done); returns the journals written."""
    repo = LedgerHistoryRepository(file_only(ledger.db, "Pembukuan riwayat"))
    if not repo.pending():
        return 0
    repo.refuse_wrong_values()
    with ledger.db.atomic():
        written = post_unbooked(ledger, progress)
        repo.mark_posted(written)
    return written


def post_unbooked(ledger: LedgerService, progress: Progress | None = None) -> int:
    """Post every stored record that has no journal yet, in date order, then the opening
    journal for what they leave unexplained (inside the caller's transaction). Also what
    the demo and a cut-over import, which write records in bulk, call afterwards."""
    repo = LedgerHistoryRepository(file_only(ledger.db, "Pembukuan riwayat"))
    with repo.roomy_cache():
        return _post_unbooked(ledger, repo, progress)


def _post_unbooked(
    ledger: LedgerService, repo: LedgerHistoryRepository, progress: Progress | None
) -> int:
    savings = SavingsRepository(ledger.db)
    events = LoanEventsRepository(ledger.db)
    poster = BulkPoster(ledger)
    done = repo.journal_keys()
    total = repo.record_count()
    first: date | None = None
    imported = {row[0]: imported_loan(*row[1:]) for row in repo.imported_loans()}
    with poster.many(total):
        for seen, (on, which, _, item) in enumerate(_stream(repo), 1):
            first = first or on
            if progress is not None and seen % PROGRESS_EVERY == 0:
                progress(seen, total)
            derived: ev.Event | Reverses
            if which == 0:
                original = savings.by_id(item.reverses_id) if item.reverses_id else None
                derived = savings_event(item, original)
            elif which == 2:
                derived = collection_event(*item)
            else:
                payment, member_id, product_id = item
                original_event = events.get(payment.reverses_id) if payment.reverses_id else None
                derived = loan_event(
                    payment, member_id, product_id, original_event, imported.get(payment.loan_id)
                )
            if isinstance(derived, Reverses):
                original_id = poster.journal_id(derived.key)
                if original_id is not None and done.has((REVERSAL, original_id, REVERSAL)):
                    continue
                poster.reverse(derived.key, derived.on)
            elif not done.has(derived.key()):
                poster.post(derived)
    if progress is not None:
        progress(total, total)
    written = poster.count
    if first is not None and _opening(ledger, first):
        written += 1
    return written


def opening_lines(ledger: LedgerService, on: date) -> list[Line]:
    """What the posted events leave unexplained: per loan (pokok outstanding against the loan
    account) and per savings kind (member balances against their account), against 3999."""
    controls = LedgerControlsRepository(ledger.db)
    resolver = ledger.accounts.resolver(on)
    lines: list[Line] = []
    loan_account = resolver.role("piutang_pinjaman")
    booked = controls.loan_balances(loan_account)
    for loan_id, member_id, outstanding in controls.loans_outstanding():
        gap = outstanding - booked.get(loan_id, 0)  # debit side
        if gap:
            lines += _pair(loan_account, gap, member_id, loan_id)
    for kind, total in controls.savings_totals().items():
        account = resolver.role(f"simpanan_{kind}")
        gap = total + controls.account_balance(account)  # credit side: balance is D − K
        if gap:
            lines += _pair(account, -gap)
    return lines


def _pair(
    account: str, debit: int, member_id: int | None = None, loan_id: int | None = None
) -> list[Line]:
    """A line of `debit` (negative: credit) on `account` with its counter-line on 3999."""
    if debit > 0:
        return [Line(account, debit, 0, member_id, loan_id), Line(OPENING_ACCOUNT, 0, debit)]
    return [Line(account, 0, -debit, member_id, loan_id), Line(OPENING_ACCOUNT, -debit, 0)]


def _opening(ledger: LedgerService, on: date) -> bool:
    lines = opening_lines(ledger, on)
    if not lines:
        return False
    description = "Saldo awal (selisih yang tidak dijelaskan transaksi tersimpan)"
    when = ClosingRepository(ledger.db).open_on(on)  # a locked month takes nothing
    if when != on:
        description += f" (tanggal transaksi {on.strftime('%d-%m-%Y')})"
    ledger.repo.write(
        on=when,
        source=OPENING_SOURCE,
        source_id=0,
        role=OPENING_SOURCE,
        description=description,
        lines=lines,
        user_id=None,
    )
    return True
