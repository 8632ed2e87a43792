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

SETOFF_METHOD = "kompensasi"  # a withdrawal that is one half of a set-off against a loan

SYSTEM_METHODS = {
    SETOFF_METHOD: "Kompensasi Pinjaman",  # set-off against a loan, only via app.collection
    "titipan_pinjaman": "Titipan Pinjaman",  # a loan's titipan moved here, app.loans.titipan
    "saldo_awal": "Saldo Awal Pindahan",  # a balance brought in at the cut-over, app.imports
    "berjangka": "Simpanan Berjangka",  # to or from a simpanan berjangka, app.savings.berjangka
    "jasa_berjangka": "Jasa Simpanan Berjangka",  # its jasa, net of PPh, app.savings.berjangka
    "jasa_simpanan": "Jasa Simpanan",  # the month's jasa net of PPh 4(2), app.savings.jasa_service
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

    @property
    def is_jasa(self) -> bool:
        """The month's jasa simpanan credited (its net of PPh 4(2); the note says both)."""
        return self.method == "jasa_simpanan"

    @property
    def type_label(self) -> str:
        return "Jasa simpanan" if self.is_jasa else self.tx_type.label


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
