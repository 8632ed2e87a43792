"""Late penalties (denda) on overdue instalments, as of any date, per DOMAIN §4."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from app.errors import ValidationError
from app.formats import add_months
from app.money import format_rate, format_rupiah, round_rupiah

__all__ = [
    "BASES",
    "DEFAULT_DENDA_RULE",
    "PERIODS",
    "DendaRule",
    "chargeable_periods",
    "denda_accrued",
    "denda_for_installment",
    "denda_rule_text",
]

BASES = ("installment", "principal", "fixed")
"""What the rate applies to: the overdue instalment, its overdue principal, or a fixed amount."""

PERIODS = ("day", "month")


@dataclass(frozen=True)
class DendaRule:
    """A cooperative's penalty rule (configurable).

    basis: 'installment' (rate × overdue pokok + jasa), 'principal' (rate × overdue pokok) or
    'fixed' (fixed_amount, rate unused); rate: percent per `per` ('day' or 'month');
    grace_days: days after the due date that are free — only later days are charged;
    cap: most rupiah per instalment (None: no cap); cap_rate: most percent of the overdue
    instalment (None: no cap). When both caps are set the lower one applies.
    """

    basis: str
    rate: Decimal
    per: str
    grace_days: int
    cap: int | None = None
    fixed_amount: int = 0
    cap_rate: Decimal | None = None

    def __post_init__(self) -> None:
        if self.basis not in BASES:
            raise ValidationError(
                f"Dasar denda '{self.basis}' tidak dikenal. "
                "Pilih angsuran, pokok atau jumlah tetap.",
                field="basis",
            )
        if self.per not in PERIODS:
            raise ValidationError(
                f"Satuan waktu denda '{self.per}' tidak dikenal. Pilih per hari atau per bulan.",
                field="per",
            )
        if not isinstance(self.rate, Decimal):
            raise TypeError(f"rates are Decimal, got {type(self.rate).__name__}")
        if not self.rate.is_finite() or self.rate < 0:
            raise ValidationError("Persentase denda harus nol atau lebih.", field="rate")
        if self.grace_days < 0:
            raise ValidationError("Hari toleransi denda tidak boleh negatif.", field="grace_days")
        if self.cap is not None and self.cap < 0:
            raise ValidationError("Batas denda tidak boleh negatif.", field="cap")
        if self.fixed_amount < 0:
            raise ValidationError("Denda tetap tidak boleh negatif.", field="fixed_amount")
        if self.cap_rate is not None and (not self.cap_rate.is_finite() or self.cap_rate < 0):
            raise ValidationError("Batas persentase denda harus nol atau lebih.", field="cap_rate")


DEFAULT_DENDA_RULE = DendaRule(
    basis="installment",
    rate=Decimal("0.1"),
    per="day",
    grace_days=3,
    cap=None,
    fixed_amount=0,
    cap_rate=Decimal("10"),
)
"""Default preset: 0,1 % of the overdue instalment per day late, the first 3 days free,
at most 10 % of that instalment (a common cooperative policy; change it in Settings)."""


def chargeable_periods(rule: DendaRule, due_date: date, as_of: date) -> int:
    """Days, or months begun, of lateness beyond the grace days at `as_of`.

    Lateness starts the day after due_date + grace_days. Per month, each calendar month begun
    counts in full: a month runs from that start to the same day a month later.
    """
    start = due_date + timedelta(days=rule.grace_days)
    if as_of <= start:
        return 0
    if rule.per == "day":
        return (as_of - start).days
    # The number of k >= 0 with add_months(start, k) < as_of: months that have begun.
    k = (as_of.year - start.year) * 12 + (as_of.month - start.month)
    while add_months(start, k, anchor_day=start.day) >= as_of:
        k -= 1
    return k + 1


def denda_for_installment(
    rule: DendaRule,
    due_date: date,
    amount_overdue: int,
    as_of: date,
    *,
    principal_overdue: int | None = None,
) -> int:
    """The penalty on one overdue instalment at `as_of`, in whole rupiah (half-up, then capped).

    amount_overdue is the instalment's unpaid pokok + jasa — never earlier denda, so denda is
    never compounded. principal_overdue (its unpaid pokok) is required for basis 'principal'.
    Nothing is charged when nothing is overdue.
    """
    if amount_overdue < 0 or (principal_overdue is not None and principal_overdue < 0):
        raise ValueError("overdue amounts cannot be negative")
    if amount_overdue == 0:
        return 0
    periods = chargeable_periods(rule, due_date, as_of)
    if periods == 0:
        return 0
    if rule.basis == "fixed":
        amount = rule.fixed_amount * periods
    else:
        if rule.basis == "principal":
            if principal_overdue is None:
                raise ValueError("basis 'principal' needs principal_overdue")
            base = principal_overdue
        else:
            base = amount_overdue
        amount = round_rupiah(base * rule.rate * periods / 100)
    if rule.cap is not None:
        amount = min(amount, rule.cap)
    if rule.cap_rate is not None:
        amount = min(amount, round_rupiah(amount_overdue * rule.cap_rate / 100))
    return amount


def denda_accrued(
    rule: DendaRule,
    due_date: date,
    installment: int,
    unpaid_pokok: int,
    unpaid_jasa: int,
    charged: int,
    charged_on: date | None,
    as_of: date,
) -> int:
    """The denda of one instalment at `as_of` (§4a): what was charged (crystallised) up to
    `charged_on` stays charged, and every later day (or started month) past the grace days
    adds the rule's amount on what is overdue now (unpaid pokok + jasa, or unpaid pokok for
    basis 'principal'; the fixed amount while anything is overdue). A payment made on
    `charged_on` therefore lowers the base from the next day on. The caps bound the whole
    (cap_rate as a percent of the scheduled instalment, pokok + jasa) but never take back
    what was charged. Never compounded: denda is never part of the base.

    The same arithmetic runs in SQL (app/storage/loans_quality_repo.py), tested against this.
    """
    if min(installment, unpaid_pokok, unpaid_jasa, charged) < 0:
        raise ValueError("amounts cannot be negative")
    overdue = unpaid_pokok + unpaid_jasa
    if overdue == 0:
        return charged
    periods = chargeable_periods(rule, due_date, as_of)
    if charged_on is not None:
        periods -= chargeable_periods(rule, due_date, charged_on)
    if periods <= 0:
        return charged
    if rule.basis == "fixed":
        extra = rule.fixed_amount * periods
    else:
        base = unpaid_pokok if rule.basis == "principal" else overdue
        extra = round_rupiah(base * rule.rate * periods / 100)
    total = charged + extra
    if rule.cap is not None:
        total = min(total, rule.cap)
    if rule.cap_rate is not None:
        total = min(total, round_rupiah(installment * rule.cap_rate / 100))
    return max(charged, total)


def denda_rule_text(rule: DendaRule) -> str:
    """The rule in plain Indonesian, for Settings and for the policy line on reports."""
    unit = "hari" if rule.per == "day" else "bulan"
    if rule.basis == "fixed":
        text = f"{format_rupiah(rule.fixed_amount)} per {unit} keterlambatan"
    else:
        what = (
            "angsuran yang tertunggak" if rule.basis == "installment" else "pokok yang tertunggak"
        )
        text = f"{format_rate(rule.rate)} per {unit} dari {what}"
    if rule.grace_days:
        text += f", setelah {rule.grace_days} hari toleransi"
    limits = []
    if rule.cap is not None:
        limits.append(f"{format_rupiah(rule.cap)} per angsuran")
    if rule.cap_rate is not None:
        limits.append(f"{format_rate(rule.cap_rate)} dari angsuran")
    if len(limits) == 2:
        text += f", paling banyak {limits[0]} atau {limits[1]}, mana yang lebih kecil"
    elif limits:
        text += f", paling banyak {limits[0]}"
    return text
