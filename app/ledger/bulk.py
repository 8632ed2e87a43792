"""Posting many events at once with the same rules as `LedgerService.post` (an existing file's
history, a cut-over import, the demo): the mapping is read once, the state the rules need
(a loan's booked allowance, deferred and accrued jasa) is kept in memory, and the journals are
written in batches. Inside the caller's transaction; `flush()` before it ends. Like `post`, a
journal dated in a locked month goes to the first open date and says its own date."""

from __future__ import annotations

import contextlib
import dataclasses
import gc
from collections.abc import Iterator
from datetime import date, timedelta

from app.clock import now_text
from app.errors import ValidationError
from app.ledger import events as ev
from app.ledger.accrual import clear_accrued
from app.ledger.mapping import DatedMapping, unmapped
from app.ledger.models import Line
from app.ledger.rules import lines_for
from app.ledger.service import REVERSAL, LedgerService
from app.storage.closing_repo import ClosingRepository
from app.storage.file_only import file_only
from app.storage.ledger_bulk_repo import JournalRow, LedgerBulkRepository, LineRow

BATCH = 5_000
STATE_ROLES = ("ppap_cadangan", "jasa_ditangguhkan", "jasa_akrual")
LineValues = tuple[str, int, int, int | None, int | None]
"""A line as written: (account, debit, credit, member_id, loan_id)."""


def _values(line: Line) -> LineValues:
    return (line.account, line.debit, line.credit, line.member_id, line.loan_id)


@contextlib.contextmanager
def paused_collector() -> Iterator[None]:
    """Python's cyclic garbage collector paused for the block, resumed after (as it was). A
    posting allocates millions of small objects (records, events, lines, rows) that reference
    counting frees and none of which is in a cycle, yet every few thousand allocations the
    collector walks the young objects and now and then every object alive: a fifth of the
    time of the derivation. Memory in cycles (none per posted journal) waits for the end."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


class BulkPoster:
    def __init__(self, ledger: LedgerService) -> None:
        self.ledger = ledger
        self.repo = LedgerBulkRepository(file_only(ledger.db, "Pembukuan massal"))
        self.mapping = DatedMapping(self.repo.roles(), self.repo.methods(), unmapped)
        self.postable = self.repo.postable()
        self.state_accounts = self.mapping.accounts_of(STATE_ROLES)
        self.next_id = self.repo.next_id()
        self.numbers: dict[int, int] = {}
        self.state: dict[tuple[str, int], int] = {}  # (account, loan) → debit − credit
        # the journals of this batch by key: (id, date, lines), for their reversals
        self.written: dict[tuple[str, int, str], tuple[int, date, list[LineValues]]] = {}
        self.journals: list[JournalRow] = []
        self.lines: list[LineRow] = []
        self.count = 0
        self.stamp = now_text()
        self.lock = ClosingRepository(ledger.db).lock_date()  # unchanged inside the transaction
        self.preloaded = False  # every booked loan balance is in `state` (absent: 0)

    @contextlib.contextmanager
    def many(self, coming: int) -> Iterator[None]:
        """Around posting `coming` journals when nothing else writes journals meanwhile (an
        existing file's history, the demo): when they outnumber the journals there, the
        journal indexes are built after the block (LedgerBulkRepository.indexes_built_after)
        and the loans' booked balances are read once before it. Flushed inside the block.
        Python's cyclic garbage collector is paused meanwhile (`paused_collector`)."""
        with paused_collector(), self.repo.indexes_built_after(coming) as rebuilt:
            if rebuilt:
                self.state.update(self.repo.loan_balances(self.state_accounts))
            self.preloaded = rebuilt
            try:
                yield
                self.flush()
            finally:
                self.preloaded = False

    def _booked(self, account: str, loan_id: int) -> int:
        return 0 if self.preloaded else self.repo.loan_balance(account, loan_id)

    def open_on(self, on: date) -> date:
        """`on`, or the first open date when `on` falls on or before the lock date."""
        return on if self.lock is None or on > self.lock else self.lock + timedelta(days=1)

    # -- the rules' state ------------------------------------------------------------------
    def _balance(self, role: str, loan_id: int, on: date) -> int:
        account = self.mapping.resolver(on).role(role)
        key = (account, loan_id)
        if key not in self.state:
            self.state[key] = self._booked(account, loan_id)
        return self.state[key]

    def _complete(self, event: ev.Event) -> ev.Event:
        loan, on = event.loan_id, event.on
        if loan is None:
            return event
        if self.ledger.policy.jasa_basis == "akrual":
            event = clear_accrued(event, lambda: self._balance("jasa_akrual", loan, on))
        if isinstance(event, ev.AccrualDowngrade) and event.amount is None:
            return dataclasses.replace(event, amount=max(0, self._balance("jasa_akrual", loan, on)))
        if isinstance(event, ev.WriteOff) and event.deferred_jasa is None:
            deferred = -self._balance("jasa_ditangguhkan", loan, on)
            event = dataclasses.replace(event, deferred_jasa=max(0, deferred))
        if isinstance(event, ev.Settlement | ev.WriteOff | ev.Waiver) and event.allowance is None:
            booked = -self._balance("ppap_cadangan", loan, on)
            return dataclasses.replace(event, allowance=max(0, booked))
        return event

    # -- writing ---------------------------------------------------------------------------
    def post(self, event: ev.Event, user_id: int | None = None) -> int:
        event = self._complete(event)
        member, loan = event.member_id, event.loan_id
        lines = [
            (x.account, x.debit, x.credit, member, loan)
            for x in lines_for(event, self.mapping.resolver(event.on, event.product_id))
        ]
        source, source_id, role = event.key()
        return self._add(event.on, source, source_id, role, event.description(), lines, user_id)

    def reverse(self, key: tuple[str, int, str], on: date, user_id: int | None = None) -> int:
        """The reversal of the journal of `key` (written in this batch or before)."""
        if key in self.written:
            original_id, original_date, lines = self.written[key]
            number, description = f"#{original_id}", key[0]
        else:
            found = self.ledger.repo.find(*key)
            if found is None:
                raise ValidationError("Jurnal peristiwa ini tidak ditemukan.")
            original = self.ledger.journal(found)
            original_id, original_date = original.id, original.date
            lines = [_values(x) for x in original.lines]
            number, description = original.number, original.description
        if self.open_on(on) < original_date:
            raise ValidationError(f"Tanggal pembalikan tidak boleh sebelum jurnal {number}.")
        return self._add(
            on,
            REVERSAL,
            original_id,
            REVERSAL,
            f"Pembalikan {number}: {description}",
            [(account, credit, debit, m, loan) for account, debit, credit, m, loan in lines],
            user_id,
            reverses_id=original_id,
        )

    def manual(
        self, source: str, on: date, source_id: int, description: str, lines: tuple[Line, ...]
    ) -> int:
        """A journal that is no event of a sub-ledger (the demo's running costs)."""
        rows = [_values(x) for x in lines]
        return self._add(on, source, source_id, "manual", description, rows, None)

    def _add(
        self,
        on: date,
        source: str,
        source_id: int,
        role: str,
        description: str,
        lines: list[LineValues],
        user_id: int | None,
        reverses_id: int | None = None,
    ) -> int:
        postable, state_accounts, state = self.postable, self.state_accounts, self.state
        for account, debit, credit, _, loan in lines:
            if account not in postable:
                raise ValidationError(f"Akun {account} tidak bisa diposting.")
            if loan is not None and account in state_accounts:
                key = (account, loan)
                if key not in state:
                    state[key] = self._booked(account, loan)
                state[key] += debit - credit
        if self.lock is not None and on <= self.lock:  # a locked month takes nothing (`post`)
            description += f" (tanggal transaksi {on.strftime('%d-%m-%Y')})"
            on = self.open_on(on)
        journal_id = self.next_id
        self.next_id += 1
        year = on.year
        last = self.numbers.get(year)
        self.numbers[year] = last = (self.repo.last_number(year) if last is None else last) + 1
        number = f"J{year}-{last:06d}"
        self.journals.append(
            (
                journal_id,
                number,
                on.isoformat(),
                source,
                source_id,
                role,
                description,
                int(not lines),
                user_id,
                reverses_id,
                self.stamp,
            )
        )
        self.lines += [(journal_id, *x) for x in lines]
        self.written[(source, source_id, role)] = (journal_id, on, lines)
        self.count += 1
        if len(self.journals) >= BATCH:
            self.flush()
        return journal_id

    def journal_id(self, key: tuple[str, int, str]) -> int | None:
        """The journal of `key`, written in this batch or before."""
        if key in self.written:
            return self.written[key][0]
        return self.ledger.repo.find(*key)

    def flush(self) -> None:
        """Write what is pending; later reversals read their originals from the file."""
        if self.journals:
            self.repo.write(self.journals, self.lines)
            self.journals, self.lines = [], []
            self.written.clear()
