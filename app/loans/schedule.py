"""Instalment schedules (flat, menurun, anuitas) in whole rupiah, per DOMAIN §4."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext

from app.errors import ValidationError
from app.formats import add_months
from app.money import format_rupiah, round_rupiah

__all__ = [
    "METHODS",
    "Installment",
    "ScheduleTerms",
    "build_schedule",
    "effective_annual_rate",
    "method_label",
    "monthly_rate",
    "months_for_installment",
]

METHODS = ("flat", "declining", "annuity")
"""Method keys as stored; labels come from method_label()."""

_LABELS = {"flat": "Flat", "declining": "Menurun", "annuity": "Anuitas"}

# Digits kept in rate arithmetic: far more than rounding to whole rupiah ever needs.
_PRECISION = 50
_MAX_BISECTION_STEPS = 200


def method_label(method: str) -> str:
    """'flat' -> 'Flat', 'declining' -> 'Menurun', 'annuity' -> 'Anuitas'."""
    _check_method(method)
    return _LABELS[method]


def monthly_rate(annual_rate: Decimal) -> Decimal:
    """The monthly rate as a fraction: annual percent / 100 / 12 exactly (no compounding)."""
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        return annual_rate / Decimal(1200)


@dataclass(frozen=True)
class ScheduleTerms:
    """What a schedule is built from; validated on construction.

    annual_rate is percent per year (1,5 % per month = Decimal("18")); principal_grace is the
    number of interest-only periods at the start; round_to/round_up control how the regular
    instalment (or, for menurun, the principal part) is rounded.
    """

    principal: int
    annual_rate: Decimal
    months: int
    method: str
    first_due: date
    round_to: int = 1
    round_up: bool = False
    principal_grace: int = 0

    def __post_init__(self) -> None:
        _check_method(self.method)
        _check_principal(self.principal)
        _check_rate(self.annual_rate)
        if self.months < 1:
            raise ValidationError("Jangka waktu pinjaman paling sedikit 1 bulan.", field="months")
        if self.principal_grace < 0:
            raise ValidationError(
                "Masa tenggang pokok tidak boleh negatif.", field="principal_grace"
            )
        if self.principal_grace >= self.months:
            raise ValidationError(
                "Masa tenggang pokok harus lebih pendek dari jangka waktu pinjaman.",
                field="principal_grace",
            )
        _check_round_to(self.round_to)


@dataclass(frozen=True)
class VersionTerms:
    """The terms a loan's schedule version was built with (version 0: the agreement; later
    versions: a restructuring). monthly_rate is percent per month."""

    version: int
    effective_date: date
    monthly_rate: Decimal
    months: int
    method: str
    round_to: int
    round_up: bool
    principal_grace: int
    first_due: date


@dataclass(frozen=True)
class Installment:
    """One row of a schedule: its pokok and jasa; balance is the pokok still owed after it."""

    number: int
    due_date: date
    pokok: int
    jasa: int
    total: int
    balance: int


def build_schedule(terms: ScheduleTerms) -> list[Installment]:
    """The schedule for `terms`, following DOMAIN §4's rounding convention exactly.

    Interest of a period is balance × monthly rate (flat: original principal × monthly rate),
    half-up to whole rupiah. The regular amount is rounded to `round_to` (nearest half-up, or up):
    annuity and flat round the instalment (flat: principal/n plus the period's rounded interest)
    and the principal part is instalment − interest; menurun rounds the principal part. Grace
    periods come first and are interest-only; the regular amount is computed over the remaining
    periods; the last instalment takes whatever principal remains. Due dates fall monthly on
    first_due's day, clamped at month end.

    Raises ValidationError when the rounding multiple is so coarse that an instalment would not
    cover its interest or the loan would be repaid before its last instalment.
    """
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        rate = monthly_rate(terms.annual_rate)
        grace = terms.principal_grace
        flat_interest = round_rupiah(terms.principal * rate)
        regular = _regular_amount(terms, rate, terms.months - grace, flat_interest)
        rows: list[Installment] = []
        balance = terms.principal
        for index in range(terms.months):
            number = index + 1
            interest = flat_interest if terms.method == "flat" else round_rupiah(balance * rate)
            if index < grace:
                principal_part = 0
            elif number == terms.months:
                principal_part = balance  # the last instalment takes the remainder
            elif terms.method == "declining":
                principal_part = regular
            else:
                principal_part = regular - interest
            _check_row(terms, principal_part, balance, is_last=number == terms.months)
            balance -= principal_part
            rows.append(
                Installment(
                    number=number,
                    due_date=add_months(terms.first_due, index, anchor_day=terms.first_due.day),
                    pokok=principal_part,
                    jasa=interest,
                    total=principal_part + interest,
                    balance=balance,
                )
            )
    return rows


def months_for_installment(
    principal: int,
    annual_rate: Decimal,
    method: str,
    target_installment: int,
    *,
    round_to: int = 1,
    round_up: bool = False,
    max_months: int = 360,
) -> int:
    """The shortest term whose regular instalment is at most `target_installment`.

    The regular instalment is the first one (for menurun, the largest), rounded as in
    build_schedule; the last instalment may still differ from it by the rounding remainder.
    Raises ValidationError when no term up to `max_months` reaches the target, e.g. when the
    target does not even cover the first month's interest.
    """
    _check_method(method)
    _check_principal(principal)
    _check_rate(annual_rate)
    _check_round_to(round_to)
    if target_installment <= 0:
        raise ValidationError(
            "Angsuran yang diinginkan harus lebih dari nol.", field="target_installment"
        )
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        rate = monthly_rate(annual_rate)
        first_interest = round_rupiah(principal * rate)
        if rate > 0 and target_installment <= first_interest:
            raise ValidationError(
                f"Angsuran {format_rupiah(target_installment)} tidak cukup: jasa bulan pertama "
                f"saja sudah {format_rupiah(first_interest)}.",
                field="target_installment",
            )
        for months in range(1, max_months + 1):
            terms = ScheduleTerms(
                principal, annual_rate, months, method, date(2000, 1, 1), round_to, round_up
            )
            if months == 1:
                first_total = principal + first_interest
            else:
                regular = _regular_amount(terms, rate, months, first_interest)
                first_total = regular + first_interest if method == "declining" else regular
            if first_total <= target_installment:
                build_schedule(terms)  # raises if this rounding cannot fit the term
                return months
    raise ValidationError(
        f"Dengan angsuran {format_rupiah(target_installment)} pinjaman ini butuh lebih dari "
        f"{max_months} bulan. Naikkan angsurannya.",
        field="target_installment",
    )


def effective_annual_rate(flat_annual_rate: Decimal, months: int) -> Decimal:
    """The annuity/menurun annual rate that costs the borrower the same as a flat rate.

    Definition: the monthly rate i at which the equal annuity instalment over `months` on a
    principal equals the flat instalment (principal/months + principal × flat monthly rate),
    i.e. the flat loan's internal rate of return per month, times 12 (nominal, no compounding,
    like the rates cooperatives quote). Exact amounts, no rupiah rounding. Solved by bisection
    in Decimal; returned in percent per year to 4 decimals (18 % flat over 12 months ->
    Decimal("31.7164")).
    """
    _check_rate(flat_annual_rate)
    if months < 1:
        raise ValidationError("Jangka waktu pinjaman paling sedikit 1 bulan.", field="months")
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        flat_rate = monthly_rate(flat_annual_rate)
        target = Decimal(1) / months + flat_rate  # flat instalment per rupiah of principal
        # annuity_factor(i) > i for i > 0, so i = target is always an upper bound.
        low, high = Decimal(0), target
        for _ in range(_MAX_BISECTION_STEPS):
            middle = (low + high) / 2
            if _annuity_factor(middle, months) < target:
                low = middle
            else:
                high = middle
            if high - low < Decimal("1e-30"):
                break
        annual = (low + high) / 2 * 1200
        return annual.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


# ---------------------------------------------------------------- internals


def _annuity_factor(rate: Decimal, periods: int) -> Decimal:
    """Equal instalment per rupiah of principal: r / (1 − (1 + r)^−n), or 1/n at r = 0."""
    if rate == 0:
        return Decimal(1) / periods
    return rate / (1 - (1 + rate) ** -periods)


def _regular_amount(terms: ScheduleTerms, rate: Decimal, periods: int, flat_interest: int) -> int:
    """The rounded regular amount: the instalment (flat, anuitas) or principal part (menurun)."""
    principal = terms.principal
    if terms.method == "annuity":
        exact = principal * _annuity_factor(rate, periods)
    elif terms.method == "flat":
        exact = Decimal(principal) / periods + flat_interest
    else:
        exact = Decimal(principal) / periods
    return round_rupiah(exact, terms.round_to, up=terms.round_up)


def _check_row(terms: ScheduleTerms, principal_part: int, balance: int, *, is_last: bool) -> None:
    """Reject schedules that a too-coarse rounding multiple would make nonsensical."""
    field = "round_to" if terms.round_to > 1 else "months"
    if principal_part < 0:
        raise ValidationError(
            "Angsuran hasil pembulatan lebih kecil dari jasanya. "
            "Pilih kelipatan pembulatan yang lebih kecil.",
            field=field,
        )
    if not is_last and principal_part >= balance:
        raise ValidationError(
            "Dengan pembulatan ini pinjaman sudah lunas sebelum angsuran terakhir. "
            "Pilih kelipatan pembulatan yang lebih kecil atau jangka waktu yang lebih pendek.",
            field=field,
        )


def _check_method(method: str) -> None:
    if method not in METHODS:
        raise ValidationError(
            f"Metode pinjaman '{method}' tidak dikenal. Pilih Flat, Menurun atau Anuitas.",
            field="method",
        )


def _check_principal(principal: int) -> None:
    if isinstance(principal, bool) or not isinstance(principal, int):
        raise TypeError(f"principal must be int rupiah, got {type(principal).__name__}")
    if principal <= 0:
        raise ValidationError("Pokok pinjaman harus lebih dari nol.", field="principal")


def _check_rate(annual_rate: Decimal) -> None:
    if not isinstance(annual_rate, Decimal):
        raise TypeError(f"rates are Decimal, got {type(annual_rate).__name__}")
    if not annual_rate.is_finite() or annual_rate < 0:
        raise ValidationError("Suku jasa harus angka nol atau lebih.", field="annual_rate")


def _check_round_to(round_to: int) -> None:
    if round_to < 1:
        raise ValidationError("Kelipatan pembulatan paling kecil Rp1.", field="round_to")
