"""Simpanan berjangka (term deposits): the records and the jasa arithmetic, pure.

Jasa of a placement (DOMAIN §4's monthly rate = annual rate / 12, no compounding):
    total = principal × rate % per year × term months / 12, rounded half-up once.
The month-end job pays, for each calendar month, what has accrued by the month's end (or the
maturity, if earlier) less what was already paid; what has accrued by a day is the total in
proportion to the days elapsed of the placement, rounded half-up. So a short month pays less
than a long one, a month the job missed is caught up the next month, and the jasa paid over the
whole term adds up to `total` exactly (what is left is paid at maturity).

Early withdrawal (before maturity; the common practice of Indonesian cooperatives and BPRs):
the jasa not yet paid is forfeited (never earned, so nothing is booked for it), the jasa already
paid stays with the member, and a penalty of `berjangka.penalty_percent` % of the principal
(default 1 %) is kept as income (4104 Pendapatan administrasi simpanan)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from app.errors import PermissionDenied, ValidationError
from app.formats import add_months
from app.money import round_rupiah
from app.text import clean_text
from app.users.models import User
from app.users.permissions import Action, can

TERMS = (1, 3, 6, 12)


class JasaMode(StrEnum):
    BULANAN = "bulanan"  # each month end, to the member's simpanan sukarela
    JATUH_TEMPO = "jatuh_tempo"  # all at maturity

    @property
    def label(self) -> str:
        return {"bulanan": "Tiap bulan ke Simpanan Sukarela", "jatuh_tempo": "Saat jatuh tempo"}[
            self.value
        ]


class EventKind(StrEnum):
    JASA = "jasa"
    CAIR = "cair"  # paid out at (or after) maturity
    PERPANJANG = "perpanjang"  # rolled over (ARO)
    CAIR_AWAL = "cair_awal"  # early withdrawal

    @property
    def label(self) -> str:
        return {
            "jasa": "Jasa bulanan",
            "cair": "Pencairan jatuh tempo",
            "perpanjang": "Perpanjangan otomatis (ARO)",
            "cair_awal": "Pencairan sebelum jatuh tempo",
        }[self.value]


OPEN_METHODS = {"tunai": "Tunai", "transfer": "Transfer", "sukarela": "Dari Simpanan Sukarela"}
PAYOUT_METHODS = {"tunai": "Tunai", "transfer": "Transfer", "sukarela": "Ke Simpanan Sukarela"}
ROLLOVER = "perpanjangan"  # the method of a placement funded by the one before it


@dataclass(frozen=True)
class Deposit:
    id: int
    number: str
    period: int
    member_id: int
    start_on: date
    maturity_on: date
    principal: int
    term_months: int
    rate: Decimal  # % per year
    jasa_mode: JasaMode
    aro: bool
    aro_jasa: bool
    method: str
    previous_id: int | None = None
    note: str = ""
    closed_on: date | None = None
    closed_kind: EventKind | None = None
    jasa_paid: int = 0  # gross jasa paid so far (monthly and at closing)

    @property
    def is_open(self) -> bool:
        return self.closed_kind is None

    @property
    def total_jasa(self) -> int:
        return term_jasa(self.principal, self.rate, self.term_months)

    @property
    def status(self) -> str:
        if self.closed_kind is not None:
            return self.closed_kind.label
        return "Aktif"

    @property
    def display_number(self) -> str:
        return self.number if self.period == 1 else f"{self.number}/{self.period}"


@dataclass(frozen=True)
class DepositEvent:
    id: int
    deposit_id: int
    kind: EventKind
    event_date: date
    month: str | None
    principal: int
    jasa: int
    tax: int
    penalty: int
    method: str
    jasa_method: str
    reason: str = ""
    authorised_by: int | None = None
    savings_tx_id: int | None = None
    jasa_tx_id: int | None = None


def maturity(start: date, term_months: int) -> date:
    """The maturity of a placement started on `start` (31 Jan + 1 month → 28/29 Feb)."""
    return add_months(start, term_months)


def term_jasa(principal: int, rate: Decimal, term_months: int) -> int:
    """The jasa of the whole term: principal × rate/100 × term/12, half-up, whole rupiah."""
    if isinstance(rate, float):
        raise TypeError("rates are Decimal, never float")
    return round_rupiah(Decimal(principal) * Decimal(rate) * term_months / 1200)


def accrued(total: int, start: date, end: date, on: date) -> int:
    """What of `total` has accrued by `on` (0 before the start, all from `end`), by days."""
    if on <= start:
        return 0
    if on >= end:
        return total
    return round_rupiah(Decimal(total) * (on - start).days / (end - start).days)


def jasa_due(deposit: Deposit, on: date) -> int:
    """The jasa accrued by `on` and not yet paid (never negative)."""
    due = accrued(deposit.total_jasa, deposit.start_on, deposit.maturity_on, on)
    return max(0, due - deposit.jasa_paid)


def penalty(principal: int, percent: Decimal) -> int:
    """The early-withdrawal penalty: `percent` % of the principal, half-up, at most all of it."""
    return min(principal, round_rupiah(Decimal(principal) * Decimal(percent) / 100))


def check_authorisation(actor: User, authoriser: User | None, reason: str) -> str:
    """An early withdrawal needs a Ketua/Pengurus other than the one recording it and a
    written reason (as a pokok/wajib withdrawal does); returns the cleaned reason."""
    if authoriser is None:
        raise PermissionDenied(
            "Pencairan sebelum jatuh tempo hanya bisa dengan izin Ketua/Pengurus dan alasan "
            "tertulis."
        )
    if not can(authoriser, Action.AUTHORISE_WITHDRAWAL):
        raise PermissionDenied(
            f"{authoriser.full_name} ({authoriser.role.label}) tidak berwenang memberi izin "
            "pencairan ini; perlu Ketua/Pengurus."
        )
    if authoriser.id == actor.id:
        raise PermissionDenied(
            "Pencairan ini harus diizinkan Ketua/Pengurus lain: yang mencatat tidak boleh "
            "mengizinkan pencairannya sendiri."
        )
    text = clean_text(reason, multiline=True).strip()
    if len(text) < 5:
        raise ValidationError("Tulis alasan pencairan dengan jelas.", field="reason")
    return text
