"""The books: `post(event)` writes exactly one balanced journal (or the no-GL marker) inside
the caller's transaction; `reverse` copies the original lines with sides swapped; the read side
gives the trial balance, the Buku Besar and journal search."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from app.errors import NotFound, ValidationError
from app.ledger import events as ev
from app.ledger.accounts import AccountService
from app.ledger.accrual import clear_accrued
from app.ledger.models import Journal, Line
from app.ledger.rules import lines_for
from app.storage.audit_repo import AuditRepository
from app.storage.closing_repo import ClosingRepository
from app.storage.engine import Engine
from app.storage.ledger_repo import LedgerRepository
from app.users.models import User

REVERSAL = "pembalikan"


@dataclass(frozen=True)
class LedgerPolicy:
    """Book settings (LEDGER.md §2.1, issue 12 §3): jasa basis and the amount above which a
    Jurnal Umum needs a second person."""

    jasa_basis: str = "kas"  # "kas" or "akrual" (akrual Lancar)
    approval_above: int = 5_000_000
    simpanan_as: str = "ekuitas"  # how pokok/wajib are presented: "ekuitas" or "liabilitas"

    @classmethod
    def from_settings(cls, get: Callable[[str], Any]) -> LedgerPolicy:
        """The policy of the `books.*` settings (`get`: SettingsService.get)."""
        basis = str(get("books.jasa_basis"))
        return cls(
            jasa_basis="akrual" if basis == "akrual_lancar" else "kas",
            approval_above=int(get("books.approval_above")),
            simpanan_as=str(get("books.simpanan_as")),
        )


@dataclass(frozen=True)
class TrialRow:
    code: str
    name: str
    type: str
    normal: str
    debit: int  # the balance, in the column of its side
    credit: int


@dataclass(frozen=True)
class LedgerRow:
    journal_id: int
    number: str
    date: date
    description: str
    debit: int
    credit: int
    balance: int  # running, on the account's normal side
    line_id: int = 0  # where the next page starts


@dataclass(frozen=True)
class JournalLineRow:
    journal_id: int
    date: date
    number: str
    account: str
    account_name: str
    debit: int
    credit: int
    source: str
    source_id: int
    description: str
    member_id: int | None
    loan_id: int | None


@dataclass(frozen=True)
class LedgerPage:
    code: str
    name: str
    normal: str
    opening: int
    rows: list[LedgerRow]  # all of them, or the first `limit` (then `ledger_rows` for more)
    closing: int
    lines: int = 0  # how many lines the period has in all


def _uid(actor: User | None) -> int | None:
    return None if actor is None else actor.id


class LedgerService:
    def __init__(
        self, db: Engine, audit: AuditRepository, policy: LedgerPolicy | None = None
    ) -> None:
        self.db = db
        self.audit = audit
        self.policy = policy or LedgerPolicy()
        self.accounts = AccountService(db, audit)
        self.repo = LedgerRepository(db)

    # -- writing ---------------------------------------------------------------------------

    def post(self, event: ev.Event, actor: User | None = None) -> int:
        """Book `event`; returns the journal id. Call inside the transaction that records the
        event (`with db.atomic():`): this never commits, and refuses to run outside one."""
        if not self.repo.in_transaction():
            raise RuntimeError("LedgerService.post must run inside the caller's transaction")
        source, source_id, role = event.key()
        existing = self.repo.find(source, source_id, role)
        if existing is not None:
            raise ValidationError(f"{event.LABEL} ini sudah dibukukan (jurnal {existing}).")
        event = self._complete(event)
        resolver = self.accounts.resolver(event.on, event.product_id)
        lines = [
            Line(x.account, x.debit, x.credit, event.member_id, event.loan_id)
            for x in lines_for(event, resolver)
        ]
        for line in lines:
            self.accounts.postable(line.account)
        # A locked month takes nothing: the journal goes to the first open date and says the
        # event's own date (which the event's record keeps).
        on = ClosingRepository(self.db).open_on(event.on)
        late = "" if on == event.on else f" (tanggal transaksi {event.on.strftime('%d-%m-%Y')})"
        return self.repo.write(
            on=on,
            source=source,
            source_id=source_id,
            role=role,
            description=event.description() + late,
            lines=lines,
            user_id=_uid(actor),
        )

    def _complete(self, event: ev.Event) -> ev.Event:
        """Fill what the books know better than the caller: accrued jasa (accrual mode) and a
        loan's booked allowance."""
        loan = event.loan_id
        if self.policy.jasa_basis == "akrual" and loan is not None:
            event = clear_accrued(event, lambda: self.loan_balance("jasa_akrual", loan, event.on))
        if isinstance(event, ev.AccrualDowngrade) and event.amount is None:
            accrued = self.loan_balance("jasa_akrual", loan, event.on) if loan else 0
            return dataclasses.replace(event, amount=max(0, accrued))
        if isinstance(event, ev.WriteOff) and event.deferred_jasa is None:
            deferred = -self.loan_balance("jasa_ditangguhkan", loan, event.on) if loan else 0
            event = dataclasses.replace(event, deferred_jasa=max(0, deferred))
        if isinstance(event, ev.Settlement | ev.WriteOff | ev.Waiver) and event.allowance is None:
            booked = -self.loan_balance("ppap_cadangan", loan, event.on) if loan else 0
            return dataclasses.replace(event, allowance=max(0, booked))
        return event

    def reverse(self, journal_id: int, on: date, actor: User | None = None) -> int:
        """The original lines, sides swapped (never re-derived), dated `on`; inside the
        caller's transaction."""
        if not self.repo.in_transaction():
            raise RuntimeError("LedgerService.reverse must run inside the caller's transaction")
        original = self.journal(journal_id)
        if original.reverses_id is not None:
            raise ValidationError(f"Jurnal {original.number} adalah pembalik; tidak bisa dibalik.")
        if original.reversed_by is not None:
            raise ValidationError(f"Jurnal {original.number} sudah dibalik.")
        if on < original.date:
            raise ValidationError(
                f"Tanggal pembalikan tidak boleh sebelum tanggal jurnal {original.number}."
            )
        on = ClosingRepository(self.db).open_on(on)
        return self.repo.write(
            on=on,
            source=REVERSAL,
            source_id=original.id,
            role=REVERSAL,
            description=f"Pembalikan {original.number}: {original.description}",
            lines=[line.swapped() for line in original.lines],
            user_id=_uid(actor),
            reverses_id=original.id,
        )

    def reverse_event(
        self, source: str, source_id: int, role: str, on: date, actor: User | None = None
    ) -> int:
        """Reverse the journal of an event known by its key (e.g. a savings reversal)."""
        journal_id = self.repo.find(source, source_id, role)
        if journal_id is None:
            raise NotFound("Jurnal peristiwa ini tidak ditemukan.")
        return self.reverse(journal_id, on, actor)

    # -- reading ---------------------------------------------------------------------------

    def journal(self, journal_id: int) -> Journal:
        journal = self.repo.get(journal_id)
        if journal is None:
            raise NotFound(f"Jurnal {journal_id} tidak ada.")
        return journal

    def journal_of(self, event: ev.Event) -> Journal | None:
        found = self.repo.find(*event.key())
        return None if found is None else self.journal(found)

    def loan_balance(self, role: str, loan_id: int, on: date) -> int:
        """Debit − credit of one loan's lines on `role`'s account(s), to `on`."""
        account = self.accounts.resolver(on).role(role)
        return self.repo.balance([account], on, loan_id)

    def booked_ppap(self, loan_id: int, on: date) -> int:
        """PPAP sudah dibukukan for one loan (a positive amount)."""
        return -self.loan_balance("ppap_cadangan", loan_id, on)

    def ppap_adjustment(
        self, run_id: int, loan_id: int, required: int, on: date
    ) -> ev.PpapAdjustment:
        """The month-end PPAP event of one loan: Δ = required − booked (0 gives the marker)."""
        delta = required - self.booked_ppap(loan_id, on)
        return ev.PpapAdjustment(source_id=run_id, on=on, loan_id=loan_id, delta=delta)

    def booked_ppap_total(self, on: date) -> int:
        """PPAP sudah dibukukan in total (the allowance account's credit balance)."""
        account = self.accounts.resolver(on).role("ppap_cadangan")
        return -self.repo.balance([account], on)

    def search(
        self,
        start: date,
        end: date,
        *,
        number: str | None = None,
        account: str | None = None,
        source: str | None = None,
        limit: int = 100_000,
    ) -> list[JournalLineRow]:
        """Journal lines by date range, journal number, account (with its sub-accounts) or
        source kind, in date order; each names the member and loan behind it."""
        return [
            JournalLineRow(
                journal_id=r["journal_id"],
                date=date.fromisoformat(r["date"]),
                number=r["number"],
                account=r["account"],
                account_name=r["name"],
                debit=r["debit"],
                credit=r["credit"],
                source=r["source"],
                source_id=r["source_id"],
                description=r["description"],
                member_id=r["member_id"],
                loan_id=r["loan_id"],
            )
            for r in self.repo.search_lines(
                start, end, number=number, account=account, source=source, limit=limit
            )
        ]

    def trial_balance(self, as_of: date) -> list[TrialRow]:
        rows = []
        for r in self.repo.trial_balance(as_of):
            net = int(r["debit"]) - int(r["credit"])
            if net == 0:
                continue
            rows.append(
                TrialRow(r["code"], r["name"], r["type"], r["normal"], max(net, 0), max(-net, 0))
            )
        return rows

    def buku_besar(self, code: str, start: date, end: date, limit: int | None = None) -> LedgerPage:
        """The Buku Besar of `code` for `start`..`end`: the opening and closing balances (from
        the month totals) and its lines with the running balance, all or the first `limit`."""
        account = self.accounts.get(code)
        sign = 1 if account.normal == "D" else -1
        opening = sign * self.repo.balance([code], start - timedelta(days=1))
        closing = sign * self.repo.balance([code], end)
        lines = self.repo.line_count(code, start, end)
        rows = self._ledger_rows(code, sign, start, end, None, opening, limit)
        return LedgerPage(code, account.name, account.normal, opening, rows, closing, lines)

    def ledger_rows(
        self, code: str, start: date, end: date, after: LedgerRow, limit: int | None = None
    ) -> list[LedgerRow]:
        """The Buku Besar lines after `after` (the last row shown), the balance running on."""
        sign = 1 if self.accounts.get(code).normal == "D" else -1
        return self._ledger_rows(code, sign, start, end, after, after.balance, limit)

    def _ledger_rows(
        self,
        code: str,
        sign: int,
        start: date,
        end: date,
        after: LedgerRow | None,
        running: int,
        limit: int | None,
    ) -> list[LedgerRow]:
        key = None if after is None else (after.date.isoformat(), after.journal_id, after.line_id)
        rows = []
        for r in self.repo.account_lines(code, start, end, after=key, limit=limit or -1):
            running += sign * (int(r["debit"]) - int(r["credit"]))
            rows.append(
                LedgerRow(
                    r["journal_id"],
                    r["number"],
                    date.fromisoformat(r["date"]),
                    r["description"],
                    r["debit"],
                    r["credit"],
                    running,
                    r["line_id"],
                )
            )
        return rows
