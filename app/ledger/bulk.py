"""Posting many events at once with the same rules as `LedgerService.post` (an existing file's
history, a cut-over import, the demo): the mapping is read once, the state the rules need
(a loan's booked allowance, deferred and accrued jasa) is kept in memory, and the journals are
written in batches. Inside the caller's transaction; `flush()` before it ends. Like `post`, a
journal dated in a locked month goes to the first open date and says its own date."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator
from datetime import date, timedelta

from app.clock import now_text
from app.errors import ValidationError
from app.ledger import events as ev
from app.ledger.accrual import clear_accrued
from app.ledger.models import Line
from app.ledger.rules import lines_for
from app.ledger.service import REVERSAL, LedgerService
from app.storage.closing_repo import ClosingRepository
from app.storage.file_only import file_only
from app.storage.ledger_bulk_repo import JournalRow, LedgerBulkRepository, LineRow

BATCH = 5_000
STATE_ROLES = ("ppap_cadangan", "jasa_ditangguhkan", "jasa_akrual")


class _Resolver:
    def __init__(self, poster: BulkPoster, on: date, product_id: int | None) -> None:
        self.poster, self.on, self.product_id = poster, on.isoformat(), product_id

    def role(self, role: str) -> str:
        key = (role, self.on, self.product_id)
        found = self.poster.resolved.get(key)
        if found is None:
            found = self.poster.resolved[key] = self._role(role)
        return found

    def _role(self, role: str) -> str:
        for product_id, valid_from, account in self.poster.roles.get(role, ()):
            if valid_from <= self.on and product_id in (None, self.product_id):
                if (
                    product_id is None
                    and self.product_id is not None
                    and any(
                        p == self.product_id and v <= self.on
                        for p, v, _ in self.poster.roles.get(role, ())
                    )
                ):
                    continue  # a product's own mapping comes first
                return account
        raise ValidationError(f"Akun untuk komponen '{role}' belum diatur (Pengaturan → Akun).")

    def method(self, method: str) -> str:
        for valid_from, account in self.poster.methods.get(method, ()):
            if valid_from <= self.on:
                return account
        raise ValidationError(
            f"Cara bayar '{method}' belum dihubungkan ke akun Kas atau Bank (Pengaturan → Akun)."
        )


class BulkPoster:
    def __init__(self, ledger: LedgerService) -> None:
        self.ledger = ledger
        self.repo = LedgerBulkRepository(file_only(ledger.db, "Pembukuan massal"))
        self.roles: dict[str, list[tuple[int | None, str, str]]] = {}
        for role, product_id, valid_from, account in self.repo.roles():
            self.roles.setdefault(role, []).append((product_id, valid_from, account))
        self.methods: dict[str, list[tuple[str, str]]] = {}
        for method, valid_from, account in self.repo.methods():
            self.methods.setdefault(method, []).append((valid_from, account))
        self.postable = self.repo.postable()
        self.resolved: dict[tuple[str, str, int | None], str] = {}  # (role, date, product)
        self.state_accounts = {
            account for role in STATE_ROLES for _, _, account in self.roles.get(role, ())
        }
        self.next_id = self.repo.next_id()
        self.numbers: dict[int, int] = {}
        self.state: dict[tuple[str, int], int] = {}  # (account, loan) → debit − credit
        self.written: dict[tuple[str, int, str], tuple[int, date, tuple[Line, ...]]] = {}
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
        and the loans' booked balances are read once before it. Flushed inside the block."""
        with self.repo.indexes_built_after(coming) as rebuilt:
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
        account = _Resolver(self, on, None).role(role)
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
        resolver = _Resolver(self, event.on, event.product_id)
        lines = tuple(
            Line(x.account, x.debit, x.credit, event.member_id, event.loan_id)
            for x in lines_for(event, resolver)
        )
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
            original_id, original_date, lines = original.id, original.date, original.lines
            number, description = original.number, original.description
        if self.open_on(on) < original_date:
            raise ValidationError(f"Tanggal pembalikan tidak boleh sebelum jurnal {number}.")
        return self._add(
            on,
            REVERSAL,
            original_id,
            REVERSAL,
            f"Pembalikan {number}: {description}",
            tuple(x.swapped() for x in lines),
            user_id,
            reverses_id=original_id,
        )

    def manual(
        self, source: str, on: date, source_id: int, description: str, lines: tuple[Line, ...]
    ) -> int:
        """A journal that is no event of a sub-ledger (the demo's running costs)."""
        return self._add(on, source, source_id, "manual", description, lines, None)

    def _add(
        self,
        on: date,
        source: str,
        source_id: int,
        role: str,
        description: str,
        lines: tuple[Line, ...],
        user_id: int | None,
        reverses_id: int | None = None,
    ) -> int:
        for line in lines:
            if line.account not in self.postable:
                raise ValidationError(f"Akun {line.account} tidak bisa diposting.")
            if line.loan_id is not None and line.account in self.state_accounts:
                key = (line.account, line.loan_id)
                if key not in self.state:
                    self.state[key] = self._booked(line.account, line.loan_id)
                self.state[key] += line.debit - line.credit
        when = self.open_on(on)  # a locked month takes nothing: LedgerService.post
        if when != on:
            description += f" (tanggal transaksi {on.strftime('%d-%m-%Y')})"
            on = when
        journal_id = self.next_id
        self.next_id += 1
        if on.year not in self.numbers:
            self.numbers[on.year] = self.repo.last_number(on.year)
        self.numbers[on.year] += 1
        number = f"J{on.year}-{self.numbers[on.year]:06d}"
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
        self.lines += [
            (journal_id, x.account, x.debit, x.credit, x.member_id, x.loan_id) for x in lines
        ]
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
