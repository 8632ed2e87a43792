"""Loan quality (kolektibilitas), problem-loan ratio, health bands and ageing, DOMAIN §5."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, Decimal
from itertools import pairwise

from app.errors import ValidationError
from app.formats import add_months

__all__ = [
    "AGEING_BUCKETS",
    "CLASS_LABELS",
    "CLASS_ORDER",
    "CUSTOM",
    "HEALTH_BANDS",
    "KOPERASI",
    "MISSED",
    "OJK",
    "PRESETS",
    "PROBLEM_CLASSES",
    "Arrears",
    "QualityPolicy",
    "ageing_bucket",
    "ageing_summary",
    "class_label",
    "classify",
    "custom_policy",
    "health_band",
    "koperasi_policy",
    "months_overdue",
    "npl_ratio",
    "quality_policy",
]

CLASS_LABELS = {
    "L": "Lancar",
    "DPK": "Dalam Perhatian Khusus",
    "KL": "Kurang Lancar",
    "D": "Diragukan",
    "M": "Macet",
    "HB": "Hapus Buku",
}
CLASS_ORDER = ("L", "DPK", "KL", "D", "M", "HB")
"""From best to worst; 'HB' (written off) is set by the write-off process, never by classify()."""

PROBLEM_CLASSES = ("KL", "D", "M")
"""Pinjaman bermasalah: the numerator of the NPL ratio."""

_RANK = {code: rank for rank, code in enumerate(CLASS_ORDER)}


def class_label(code: str) -> str:
    """'KL' -> 'Kurang Lancar'."""
    if code not in CLASS_LABELS:
        raise ValueError(f"unknown loan quality class {code!r}")
    return CLASS_LABELS[code]


@dataclass(frozen=True)
class Arrears:
    """A loan's arrears position at one date: the input to classify().

    Months may be fractional (see months_overdue). outstanding is the debt including unpaid
    jasa, which the koperasi preset compares with collateral_value. period_months is the
    instalment period: 1 monthly, 3 quarterly, 6 half-yearly…, 0 for daily or weekly.
    bullet: repaid in one sum at maturity; months_principal_arrears then counts from maturity.
    in_court: handed to a court or claimed from a credit insurer.
    """

    days_past_due: int = 0
    months_principal_arrears: Decimal | int = 0
    months_interest_arrears: Decimal | int = 0
    installments_missed: int = 0
    outstanding: int = 0
    collateral_value: int = 0
    rescuable: bool = True
    months_in_diragukan_without_payment: int = 0
    in_court: bool = False
    period_months: int = 1
    bullet: bool = False

    def __post_init__(self) -> None:
        numbers = (
            self.days_past_due,
            self.months_principal_arrears,
            self.months_interest_arrears,
            self.installments_missed,
            self.outstanding,
            self.collateral_value,
            self.months_in_diragukan_without_payment,
            self.period_months,
        )
        if any(n < 0 for n in numbers):
            raise ValueError(f"arrears figures cannot be negative: {self}")


@dataclass(frozen=True)
class QualityPolicy:
    """A classification policy; `name` is printed on every report that uses it.

    key 'koperasi' applies the Permen KUKM rules; every other key looks the measure ('days'
    past due or 'missed' instalments) up in `limits`: (largest value, class) pairs ascending,
    anything above the last limit is `beyond`.
    """

    key: str
    name: str
    limits: tuple[tuple[int, str], ...] = ()
    measure: str = "days"
    beyond: str = "M"
    macet_after_months: int = 12
    cover_rescuable: Decimal = Decimal(75)
    cover_unrescuable: Decimal = Decimal(100)

    @property
    def classes(self) -> tuple[str, ...]:
        """The classes this policy can produce, best first (for report columns)."""
        if self.key == "koperasi":
            return ("L", "KL", "D", "M")
        found = {code for _, code in self.limits} | {self.beyond}
        return tuple(code for code in CLASS_ORDER if code in found)


def koperasi_policy(macet_after_months: int = 12) -> QualityPolicy:
    """Permen KUKM 20/2008 jo. 14/2009, four classes; some transcriptions say 21 months."""
    if macet_after_months < 1:
        raise ValidationError(
            "Lama Diragukan sebelum menjadi Macet paling sedikit 1 bulan.",
            field="macet_after_months",
        )
    return QualityPolicy(
        key="koperasi",
        name="Kebijakan Koperasi (Permen KUKM 20/2008 jo. 14/2009)",
        macet_after_months=macet_after_months,
    )


def custom_policy(
    limits: Iterable[tuple[int, str]],
    *,
    name: str = "",
    measure: str = "days",
    beyond: str = "M",
) -> QualityPolicy:
    """A cooperative's own table, e.g. [(0, 'L'), (60, 'KL'), (150, 'D')] with beyond 'M'.

    Without a name the printed name says which measure the table uses."""
    table = tuple(limits)
    if measure not in ("days", "missed"):
        raise ValidationError("Ukuran tunggakan tidak dikenal.", field="measure")
    if not name:
        unit = "hari tunggakan" if measure == "days" else "angsuran tertunggak"
        name = f"Kebijakan Khusus Koperasi (tabel {unit})"
    codes = [code for _, code in table] + [beyond]
    if any(code not in CLASS_LABELS or code == "HB" for code in codes):
        raise ValidationError(
            "Golongan harus salah satu dari L, DPK, KL, D atau M.", field="limits"
        )
    bounds = [bound for bound, _ in table]
    if not table or bounds[0] < 0 or any(a >= b for a, b in pairwise(bounds)):
        raise ValidationError(
            "Batas tunggakan harus dimulai dari 0 atau lebih dan terus naik.", field="limits"
        )
    if any(_RANK[a] >= _RANK[b] for a, b in pairwise(codes)):
        raise ValidationError(
            "Golongan harus makin buruk seiring bertambahnya tunggakan.", field="limits"
        )
    return QualityPolicy(key="custom", name=name, limits=table, measure=measure, beyond=beyond)


def parse_custom_limits(text: str) -> list[tuple[int, str]]:
    """'0:L,90:DPK,120:KL,180:D' -> [(0, 'L'), (90, 'DPK'), (120, 'KL'), (180, 'D')]."""
    limits = []
    for part in text.split(","):
        bound, _, code = part.strip().partition(":")
        if not bound.strip().isdigit() or not code.strip():
            raise ValidationError(
                "Tabel kolektibilitas khusus ditulis seperti 0:L,90:DPK,120:KL,180:D.",
                field="loans.custom_quality_limits",
            )
        limits.append((int(bound), code.strip().upper()))
    return limits


KOPERASI = koperasi_policy()
OJK = QualityPolicy(
    key="ojk",
    name="Kebijakan OJK (5 golongan menurut hari tunggakan)",
    limits=((0, "L"), (90, "DPK"), (120, "KL"), (180, "D")),
)
MISSED = QualityPolicy(
    key="missed",
    name="Kebijakan Jumlah Angsuran Tertunggak",
    limits=((0, "L"), (3, "KL"), (6, "D")),
    measure="missed",
)
CUSTOM = custom_policy(((0, "L"), (90, "DPK"), (120, "KL"), (180, "D")))
"""Starting table for a custom policy (the OJK days), to be edited in Settings."""

PRESETS = {policy.key: policy for policy in (KOPERASI, OJK, MISSED, CUSTOM)}


def quality_policy(key: str) -> QualityPolicy:
    """The preset named `key`: 'koperasi', 'ojk', 'missed' or 'custom'."""
    if key not in PRESETS:
        raise ValidationError(f"Kebijakan kolektibilitas '{key}' tidak dikenal.", field="policy")
    return PRESETS[key]


def classify(arrears: Arrears, policy: QualityPolicy = KOPERASI) -> str:
    """The loan's class code ('L', 'DPK', 'KL', 'D' or 'M') under `policy`.

    Only the koperasi preset looks beyond its table (collateral, rescue, court); the table
    policies use their single measure alone.
    """
    if policy.key == "koperasi":
        return _classify_koperasi(arrears, policy)
    value = arrears.days_past_due if policy.measure == "days" else arrears.installments_missed
    for bound, code in policy.limits:
        if value <= bound:
            return code
    return policy.beyond


def _classify_koperasi(a: Arrears, policy: QualityPolicy) -> str:
    """Permen KUKM: Lancar/Kurang Lancar by months of arrears, then collateral decides D or M.

    Principal arrears: Lancar up to 1/3/6 months and Kurang Lancar up to 2/6/12 months for
    periods under a month / 1–5 months / 6 months or longer (the regulation names 1-, 2- and
    3-monthly, and 6-monthly or longer; 4- and 5-monthly follow the monthly rule here).
    Interest arrears: Lancar up to 1 (under a month) or 3 months, Kurang Lancar up to 3 or 6.
    Bullet loans: Lancar while not yet due and interest arrears up to 3 months; Kurang Lancar
    when interest arrears are up to 6 months and the loan is at most 3 months past maturity.
    The worse of the principal and interest figures counts.
    """
    if a.in_court:
        return "M"
    interest_limits = (1, 3) if a.period_months == 0 and not a.bullet else (3, 6)
    if a.bullet:
        principal_limits: tuple[int, int] = (0, 3)
    elif a.period_months == 0:
        principal_limits = (1, 2)
    elif a.period_months >= 6:
        principal_limits = (6, 12)
    else:
        principal_limits = (3, 6)
    worst = max(
        _band(a.months_principal_arrears, principal_limits),
        _band(a.months_interest_arrears, interest_limits),
    )
    if worst == 0:
        return "L"
    if worst == 1:
        return "KL"
    cover = policy.cover_rescuable if a.rescuable else policy.cover_unrescuable
    if a.collateral_value * 100 < cover * a.outstanding:
        return "M"
    if a.months_in_diragukan_without_payment >= policy.macet_after_months:
        return "M"
    return "D"


def _band(months: Decimal | int, limits: tuple[int, int]) -> int:
    """0 within the Lancar limit, 1 within the Kurang Lancar limit, 2 beyond."""
    lancar, kurang_lancar = limits
    if months <= lancar:
        return 0
    return 1 if months <= kurang_lancar else 2


def months_overdue(oldest_unpaid_due: date | None, as_of: date) -> Decimal:
    """Calendar months from a due date to `as_of`, with the part-month as a fraction.

    Due 10 Jan: 10 Apr -> 3 exactly; 11 Apr -> 3 + 1/30 (the month 10 Apr–10 May has 30 days).
    Months are anchored on the due day and clamped at month ends. None or not yet due -> 0.
    """
    if oldest_unpaid_due is None or as_of <= oldest_unpaid_due:
        return Decimal(0)
    anchor = oldest_unpaid_due.day
    whole = (as_of.year - oldest_unpaid_due.year) * 12 + (as_of.month - oldest_unpaid_due.month)
    while add_months(oldest_unpaid_due, whole, anchor) > as_of:
        whole -= 1
    start = add_months(oldest_unpaid_due, whole, anchor)
    length = (add_months(oldest_unpaid_due, whole + 1, anchor) - start).days
    return whole + Decimal((as_of - start).days) / length


# ---------------------------------------------------------------- portfolio figures

HEALTH_BANDS = (
    (Decimal(5), "Sehat"),
    (Decimal(10), "Cukup Sehat"),
    (Decimal(15), "Kurang Sehat"),
)
"""(upper bound in percent, inclusive; band); above the last bound: 'Tidak Sehat'."""


def npl_ratio(outstanding_by_class: dict[str, int]) -> Decimal:
    """(KL + D + M) / total outstanding, in percent (Decimal('7.5') means 7,5 %), unrounded.

    Written-off loans ('HB') are off the balance sheet and counted in neither part. An empty
    portfolio has a ratio of 0.
    """
    unknown = set(outstanding_by_class) - set(CLASS_ORDER)
    if unknown:
        raise ValueError(f"unknown loan quality classes: {sorted(unknown)}")
    total = sum(v for code, v in outstanding_by_class.items() if code != "HB")
    if total == 0:
        return Decimal(0)
    problem = sum(outstanding_by_class.get(code, 0) for code in PROBLEM_CLASSES)
    return Decimal(problem) * 100 / Decimal(total)


def health_band(ratio: Decimal) -> str:
    """The ministry's NPL band for a ratio in percent; each bound belongs to the better band.

    ≤ 5 Sehat; > 5 and ≤ 10 Cukup Sehat; > 10 and ≤ 15 Kurang Sehat; > 15 Tidak Sehat.
    """
    for bound, band in HEALTH_BANDS:
        if ratio <= bound:
            return band
    return "Tidak Sehat"


def format_npl(ratio: Decimal) -> str:
    """The NPL ratio as every screen, report and message shows it: two decimals with the
    Indonesian comma, rounded UP so the figure shown never sits in a better band than the
    ratio itself (5,0001 % shows '5,01%' Cukup Sehat, never '5,00%')."""
    shown = Decimal(ratio).quantize(Decimal("0.01"), rounding=ROUND_CEILING)
    return f"{shown:f}".replace(".", ",") + "%"


def npl_text(ratio: Decimal) -> str:
    """'9,57% (Cukup Sehat)': the ratio and its health band, for summaries and messages."""
    return f"{format_npl(ratio)} ({health_band(ratio)})"


AGEING_BUCKETS = (
    (30, "1–30 hari"),
    (60, "31–60 hari"),
    (90, "61–90 hari"),
    (180, "91–180 hari"),
    (None, "> 180 hari"),
)
"""(last day inclusive or None for open-ended, label), in report column order."""


def ageing_bucket(days_past_due: int) -> str | None:
    """The ageing column for a loan, e.g. 45 -> '31–60 hari'; None when not past due."""
    if days_past_due <= 0:
        return None
    for last_day, label in AGEING_BUCKETS:
        if last_day is None or days_past_due <= last_day:
            return label
    raise AssertionError("unreachable: the last bucket is open-ended")


def ageing_summary(loans: Iterable[tuple[int, int]]) -> dict[str, int]:
    """Outstanding per ageing bucket from (days_past_due, outstanding) pairs.

    Every bucket is present (0 when empty), in column order; loans not past due are left out.
    """
    totals = {label: 0 for _, label in AGEING_BUCKETS}
    for days, outstanding in loans:
        label = ageing_bucket(days)
        if label is not None:
            totals[label] += outstanding
    return totals
