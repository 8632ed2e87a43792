"""Bank reconciliation (issue 12 §3; LEDGER.md §6 "guided reconciliation"): the bank
statement's balance against the ledger of one bank sub-account, the items not yet cleared by
the bank listed, and lines marked as cleared against the statement they appeared on.

The bank's balance is the sum of the lines it has cleared; so statement balance − cleared
balance is the difference still to explain, and ledger balance = statement balance + deposits
in transit − payments not yet cleared once everything is matched."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from app.errors import NotFound, ValidationError
from app.ledger.service import LedgerService
from app.storage.ledger_bank_repo import BankReconRepository
from app.storage.units import write_unit
from app.users.models import User

BANK = "1103"


@dataclass(frozen=True)
class BankItem:
    line_id: int
    date: date
    number: str
    description: str
    debit: int  # money into the account
    credit: int  # money out
    statement_id: int | None  # the statement that cleared it

    @property
    def cleared(self) -> bool:
        return self.statement_id is not None


@dataclass(frozen=True)
class Reconciliation:
    account: str
    as_of: date
    statement_balance: int
    ledger_balance: int
    cleared_balance: int
    in_transit: int  # deposits in the ledger the bank has not cleared
    outstanding: int  # payments in the ledger the bank has not cleared
    unmatched: tuple[BankItem, ...]

    @property
    def difference(self) -> int:
        """Statement balance − what the bank has cleared: 0 when reconciled."""
        return self.statement_balance - self.cleared_balance

    @property
    def reconciled(self) -> bool:
        return self.difference == 0


class BankReconciliation:
    def __init__(self, ledger: LedgerService) -> None:
        self.ledger = ledger
        self.repo = BankReconRepository(ledger.db)

    def bank_accounts(self) -> list[tuple[str, str]]:
        return [
            (a.code, a.name)
            for a in self.ledger.accounts.chart()
            if a.code.split(".")[0] == BANK and not a.is_group and a.active
        ]

    def _bank(self, account: str) -> None:
        found = self.ledger.accounts.get(account)
        if found.code.split(".")[0] != BANK or found.is_group:
            raise ValidationError("Pilih rekening bank (sub-akun dari 1103 Bank).", "account")

    def items(self, account: str, as_of: date) -> list[BankItem]:
        self._bank(account)
        return [
            BankItem(
                r["line_id"],
                date.fromisoformat(r["date"]),
                r["number"],
                r["description"],
                r["debit"],
                r["credit"],
                r["statement_id"],
            )
            for r in self.repo.lines(account, as_of)
        ]

    def reconcile(self, account: str, as_of: date, statement_balance: int) -> Reconciliation:
        items = self.items(account, as_of)
        ledger = sum(x.debit - x.credit for x in items)
        cleared = sum(x.debit - x.credit for x in items if x.cleared)
        open_items = tuple(x for x in items if not x.cleared)
        return Reconciliation(
            account,
            as_of,
            statement_balance,
            ledger,
            cleared,
            sum(x.debit for x in open_items),
            sum(x.credit for x in open_items),
            open_items,
        )

    @write_unit
    def record_statement(
        self, actor: User | None, account: str, on: date, balance: int, cleared: Sequence[int]
    ) -> int:
        """Enter the statement's balance and mark the lines the bank shows as cleared."""
        self._bank(account)
        found = self.repo.line_accounts(cleared)
        if len(found) != len(set(cleared)):
            raise NotFound("Baris jurnal yang ditandai tidak ada.")
        if any(code != account for code in found.values()):
            raise ValidationError("Hanya baris rekening ini yang bisa ditandai.")
        open_ids = {x.line_id for x in self.items(account, on) if not x.cleared}
        if not set(cleared) <= open_ids:
            raise ValidationError(
                "Ada baris yang sudah ditandai cocok atau bertanggal sesudah tanggal rekening "
                "koran."
            )
        uid = None if actor is None else actor.id
        with self.ledger.db.atomic():
            statement_id = self.repo.add_statement(account, on, balance, uid)
            self.repo.clear(sorted(set(cleared)), statement_id, uid)
            self.ledger.audit.record(
                uid,
                "tambah",
                "rekonsiliasi_bank",
                statement_id,
                after={"akun": account, "tanggal": on, "saldo": balance, "baris": len(cleared)},
            )
        return statement_id
