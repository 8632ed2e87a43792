"""Loan-loss allowance (PPAP): required amounts under the BPR-style or Permen 14/2009 preset."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from app.errors import ValidationError
from app.loans.quality import CLASS_ORDER
from app.money import round_rupiah

__all__ = [
    "BPR_STYLE",
    "COLLATERAL_KINDS",
    "DEFAULT_ALLOWANCE_POLICY",
    "PERMEN_14_2009",
    "PRESETS",
    "AllowanceLine",
    "AllowancePolicy",
    "AllowanceReport",
    "Collateral",
    "Exposure",
    "allowance_adjustment",
    "allowance_policy",
    "allowance_report",
    "deductible_collateral",
    "required_allowance",
]

COLLATERAL_KINDS = {
    "cash": "Simpanan/deposito yang diblokir",
    "land_mortgage": "Tanah/bangunan bersertifikat dengan Hak Tanggungan",
    "land": "Tanah/bangunan bersertifikat tanpa Hak Tanggungan (nilai NJOP)",
    "informal_title": "Tanah tanpa sertifikat (girik, petok D, letter C)",
    "vehicle_fiducia": "Kendaraan dengan jaminan fidusia",
    "other": "Agunan lain",
}
"""Collateral kinds with their Indonesian labels."""


@dataclass(frozen=True)
class Collateral:
    """One item of collateral. For 'land' (no mortgage right) `value` is the tax value (NJOP);
    for the other kinds it is the assessed value."""

    kind: str
    value: int

    def __post_init__(self) -> None:
        if self.kind not in COLLATERAL_KINDS:
            raise ValidationError(f"Jenis agunan '{self.kind}' tidak dikenal.", field="kind")
        if self.value < 0:
            raise ValidationError("Nilai agunan tidak boleh negatif.", field="value")


@dataclass(frozen=True)
class AllowancePolicy:
    """A PPAP preset; `name` is printed on every allowance report.

    rates: class code -> percent of the base (classes not listed need nothing, e.g. 'HB',
    already written off). deductions: collateral kind -> percent of its value that may be
    deducted from the outstanding (empty: no deduction); never for Lancar, never more than
    the outstanding.
    """

    key: str
    name: str
    rates: tuple[tuple[str, Decimal], ...]
    deductions: tuple[tuple[str, Decimal], ...] = ()

    def rate(self, quality: str) -> Decimal:
        """Percent required for `quality` (0 when the preset lists none)."""
        if quality not in CLASS_ORDER:
            raise ValueError(f"unknown loan quality class {quality!r}")
        return dict(self.rates).get(quality, Decimal(0))

    def deduction_rate(self, kind: str) -> Decimal:
        """Percent of a collateral item's value that counts as deductible."""
        return dict(self.deductions).get(kind, Decimal(0))


BPR_STYLE = AllowancePolicy(
    key="bpr",
    name="PPAP pola BPR (tarif per golongan setelah dikurangi agunan)",
    rates=(
        ("L", Decimal("0.5")),
        ("DPK", Decimal(3)),
        ("KL", Decimal(10)),
        ("D", Decimal(50)),
        ("M", Decimal(100)),
    ),
    deductions=(
        ("cash", Decimal(100)),
        ("land_mortgage", Decimal(80)),
        ("land", Decimal(60)),
        ("informal_title", Decimal(50)),
        ("vehicle_fiducia", Decimal(50)),
    ),
)
PERMEN_14_2009 = AllowancePolicy(
    key="permen",
    name="PPAP Permen KUKM 14/2009 (50% KL + 75% D + 100% M, tanpa pengurangan agunan)",
    rates=(("KL", Decimal(50)), ("D", Decimal(75)), ("M", Decimal(100))),
)
DEFAULT_ALLOWANCE_POLICY = BPR_STYLE
PRESETS = {policy.key: policy for policy in (BPR_STYLE, PERMEN_14_2009)}


def allowance_policy(key: str) -> AllowancePolicy:
    """The preset named `key`: 'bpr' (default) or 'permen'."""
    if key not in PRESETS:
        raise ValidationError(f"Kebijakan PPAP '{key}' tidak dikenal.", field="policy")
    return PRESETS[key]


def deductible_collateral(
    policy: AllowancePolicy, quality: str, outstanding: int, collateral: Iterable[Collateral]
) -> int:
    """The collateral that may be deducted: Σ percent × value, rounded once, capped at outstanding.

    Nothing for Lancar or for a preset without deductions.
    """
    if quality == "L" or not policy.deductions:
        return 0
    total = sum(
        (item.value * policy.deduction_rate(item.kind) / 100 for item in collateral), Decimal(0)
    )
    return min(round_rupiah(total), outstanding)


def required_allowance(
    policy: AllowancePolicy,
    quality: str,
    outstanding: int,
    collateral: Iterable[Collateral] = (),
) -> int:
    """Required PPAP for one loan: rate(class) × (outstanding − deductible), half-up to rupiah."""
    if outstanding < 0:
        raise ValueError("outstanding cannot be negative")
    base = outstanding - deductible_collateral(policy, quality, outstanding, collateral)
    return round_rupiah(base * policy.rate(quality) / 100)


@dataclass(frozen=True)
class Exposure:
    """One loan as the allowance sees it; `reference` is its agreement number."""

    reference: str
    quality: str
    outstanding: int
    collateral: tuple[Collateral, ...] = ()


@dataclass(frozen=True)
class AllowanceLine:
    """One loan's row in the allowance report."""

    reference: str
    quality: str
    outstanding: int
    deductible: int
    base: int
    rate: Decimal
    required: int


@dataclass(frozen=True)
class AllowanceReport:
    """Required PPAP for a portfolio: the preset's name (printed), rows and totals per class."""

    policy_name: str
    lines: tuple[AllowanceLine, ...]

    @property
    def total_required(self) -> int:
        """Sum of the per-loan required amounts (each already rounded)."""
        return sum(line.required for line in self.lines)

    def by_class(self) -> dict[str, tuple[int, int]]:
        """Class code -> (outstanding, required), best class first, classes present only."""
        result: dict[str, tuple[int, int]] = {}
        for code in CLASS_ORDER:
            rows = [line for line in self.lines if line.quality == code]
            if rows:
                result[code] = (sum(r.outstanding for r in rows), sum(r.required for r in rows))
        return result


def allowance_report(policy: AllowancePolicy, exposures: Sequence[Exposure]) -> AllowanceReport:
    """Per-loan required allowance under `policy`, rounded per loan, with the preset's name."""
    lines = []
    for item in exposures:
        deductible = deductible_collateral(policy, item.quality, item.outstanding, item.collateral)
        lines.append(
            AllowanceLine(
                reference=item.reference,
                quality=item.quality,
                outstanding=item.outstanding,
                deductible=deductible,
                base=item.outstanding - deductible,
                rate=policy.rate(item.quality),
                required=required_allowance(
                    policy, item.quality, item.outstanding, item.collateral
                ),
            )
        )
    return AllowanceReport(policy_name=policy.name, lines=tuple(lines))


def allowance_adjustment(booked: int, required: int) -> int:
    """The adjusting entry: positive -> add (Dr Beban PPAP / Cr PPAP), negative -> release."""
    return required - booked
