"""Savings (simpanan) kinds and transactions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class SavingsKind(StrEnum):
    POKOK = "pokok"
    WAJIB = "wajib"
    SUKARELA = "sukarela"

    @property
    def label(self) -> str:
        return f"Simpanan {self.value.capitalize()}"


class TxType(StrEnum):
    SETORAN = "setoran"
    PENARIKAN = "penarikan"
    PEMBALIKAN = "pembalikan"

    @property
    def label(self) -> str:
        return {"setoran": "Setoran", "penarikan": "Penarikan", "pembalikan": "Pembatalan"}[
            self.value
        ]


PAYMENT_METHODS = {
    "tunai": "Tunai",
    "transfer": "Transfer",
    "potong_gaji": "Potong Gaji",
}

SYSTEM_METHODS = {
    "kompensasi": "Kompensasi Pinjaman",  # set-off against a loan, only via app.collection
    "titipan_pinjaman": "Titipan Pinjaman",  # a loan's titipan moved here, app.loans.titipan
    "saldo_awal": "Saldo Awal Pindahan",  # a balance brought in at the cut-over, app.imports
    "shu": "SHU Dibagikan",  # a member's SHU credited to sukarela, app.ledger.shu_books
}
"""Methods the program itself uses (never offered in a form)."""


@dataclass(frozen=True)
class SavingsTransaction:
    id: int
    member_id: int
    kind: SavingsKind
    tx_type: TxType
    amount: int  # signed effect on the balance, whole rupiah
    tx_date: date
    receipt_no: str
    method: str
    note: str
    reverses_id: int | None
    reason: str
    authorised_by: int | None
    created_by: int | None
    created_at: str
    reversed_by_id: int | None = None

    @property
    def is_reversed(self) -> bool:
        return self.reversed_by_id is not None


@dataclass(frozen=True)
class Balances:
    pokok: int = 0
    wajib: int = 0
    sukarela: int = 0

    @property
    def total(self) -> int:
        return self.pokok + self.wajib + self.sukarela

    def of(self, kind: SavingsKind) -> int:
        return int(getattr(self, kind.value))
