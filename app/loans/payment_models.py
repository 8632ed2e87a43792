"""Loan money events as the program sees them: kinds, instalment states, schedule lines,
payments with their lines, waivers, payment previews and payoff quotes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.loans.allocation import Allocation, OpenInstallment


class EventKind(StrEnum):
    """Financial events of a loan; each is an immutable record (corrections are reversals)."""

    PENCAIRAN = "pencairan"  # disbursement, admin fee deducted
    PEMBAYARAN = "pembayaran"  # a receipt, allocated to instalments
    PEMBALIKAN = "pembalikan"  # reverses another event, with a reason
    KERINGANAN = "keringanan"  # a waiver approved by a Pengurus
    POTONGAN_PELUNASAN = "potongan_pelunasan"  # jasa not charged on early payoff (product rule)
    TITIPAN_DITERAPKAN = "titipan_diterapkan"  # advance applied to instalments now due
    TITIPAN_DIKEMBALIKAN = "titipan_dikembalikan"  # advance paid back to the member

    @property
    def label(self) -> str:
        return {
            "pencairan": "Pencairan",
            "pembayaran": "Pembayaran",
            "pembalikan": "Pembatalan",
            "keringanan": "Keringanan",
            "potongan_pelunasan": "Potongan Pelunasan Dipercepat",
            "titipan_diterapkan": "Titipan Dipakai untuk Angsuran",
            "titipan_dikembalikan": "Titipan Dikembalikan",
        }[self.value]


class InstallmentState(StrEnum):
    LUNAS = "lunas"
    SEBAGIAN = "sebagian"  # partly paid, not yet overdue
    TERLAMBAT = "terlambat"  # due date passed, something unpaid
    BELUM = "belum"  # not yet due, nothing paid

    @property
    def label(self) -> str:
        return {
            "lunas": "Lunas",
            "sebagian": "Dibayar Sebagian",
            "terlambat": "Terlambat",
            "belum": "Belum Jatuh Tempo",
        }[self.value]


@dataclass(frozen=True)
class ScheduleLine:
    """One instalment with what has been settled on it as of a date."""

    number: int
    due_date: date
    pokok: int
    jasa: int
    balance: int  # principal still owed after this instalment, per the schedule
    paid_pokok: int = 0  # paid or waived
    paid_jasa: int = 0
    denda: int = 0  # denda accrued on it as of the date
    paid_denda: int = 0
    state: InstallmentState = InstallmentState.BELUM

    @property
    def total(self) -> int:
        return self.pokok + self.jasa

    @property
    def remaining(self) -> int:
        """Unpaid pokok + jasa + denda."""
        return (
            self.pokok - self.paid_pokok + self.jasa - self.paid_jasa + self.denda - self.paid_denda
        )


@dataclass(frozen=True)
class PaymentLine:
    """Part of an event on one instalment's component; number None for the titipan line."""

    number: int | None
    due_date: date | None
    component: str  # 'denda', 'jasa', 'pokok' or 'titipan'
    amount: int  # negative on reversals and when titipan is used


@dataclass(frozen=True)
class Payment:
    """A financial event of a loan (receipt, reversal, waiver, …) with its allocation lines."""

    id: int
    loan_id: int
    kind: EventKind
    event_date: date
    receipt_no: str | None
    amount: int  # cash received (payment), paid out (disbursement/refund), else 0
    method: str
    pokok: int
    jasa: int
    denda: int
    titipan: int  # change of the advance balance
    fee: int = 0
    reverses_id: int | None = None
    reversed_by_id: int | None = None
    reason: str = ""
    approved_by: int | None = None
    approved_by_name: str = ""
    note: str = ""
    created_by: int | None = None
    created_by_name: str = ""
    created_at: str = ""
    lines: tuple[PaymentLine, ...] = ()
    transfer: int = 0  # pencairan: the part that paid off the loan this one replaces (1114)

    @property
    def is_reversed(self) -> bool:
        return self.reversed_by_id is not None


@dataclass(frozen=True)
class Waiver:
    """Keringanan: part of a component given up, with a reason and the approving Pengurus."""

    id: int
    loan_id: int
    event_date: date
    component: str
    amount: int
    reason: str
    approved_by: int
    approved_by_name: str
    created_by: int | None


@dataclass(frozen=True)
class PaymentPreview:
    """What a payment would do, shown to the clerk before saving."""

    loan_id: int
    on: date
    amount: int
    titipan_used: int  # advance already held, used together with `amount`
    allocation: Allocation
    open_before: tuple[OpenInstallment, ...]  # due on `on`, with denda as of `on`
    advance: int  # left over, kept as titipan
    closes_loan: bool
    warnings: tuple[str, ...] = ()

    @property
    def pokok(self) -> int:
        return self.allocation.total("pokok")

    @property
    def jasa(self) -> int:
        return self.allocation.total("jasa")

    @property
    def denda(self) -> int:
        return self.allocation.total("denda")

    @property
    def due_total(self) -> int:
        """Everything due on `on` (pokok + jasa + denda) before this payment."""
        return sum(item.total for item in self.open_before)


@dataclass(frozen=True)
class PayoffQuote:
    """What closes the loan on `on` under the product's payoff rule."""

    loan_id: int
    on: date
    pokok: int
    jasa: int
    denda: int
    titipan: int  # held advance, deducted
    jasa_not_charged: int  # later jasa the rule does not charge
    rule: str
    rule_text: str

    @property
    def total(self) -> int:
        return max(0, self.pokok + self.jasa + self.denda - self.titipan)
