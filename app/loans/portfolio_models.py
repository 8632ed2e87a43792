"""The portfolio as of a date: the month-end run, the PPAP booked, the summary figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class MonthEndRun:
    id: int
    as_of: date
    run_no: int  # 1 for the first run of a date; a rerun is a new run, the old one kept
    policy_key: str
    policy_name: str
    loan_count: int
    total_outstanding: int
    npl_ratio: Decimal
    created_at: str
    created_by: int | None


@dataclass(frozen=True)
class AllowanceBooking:
    """A booked PPAP balance as recorded by a user (the ledger will post it later)."""

    id: int
    as_of: date
    amount: int
    policy_name: str
    note: str
    created_by: int | None
    created_at: str


@dataclass(frozen=True)
class PortfolioSummary:
    """Portfolio figures as of a date; the policies' names go with every figure printed."""

    as_of: date
    policy_name: str  # quality classification policy
    allowance_policy_name: str
    loan_count: int
    total_outstanding: int
    outstanding_by_class: dict[str, int]
    count_by_class: dict[str, int]
    npl_ratio: Decimal  # percent
    health_band: str
    ageing: dict[str, int]  # bucket label -> outstanding (AGEING_BUCKETS order)
    ageing_counts: dict[str, int]
    allowance_required: int
    allowance_by_class: dict[str, int]
    allowance_booked: int
    allowance_booked_on: date | None
    arrears_pokok: int = 0
    arrears_jasa: int = 0
    arrears_denda: int = 0
    extra: dict[str, int] = field(default_factory=dict)

    @property
    def allowance_adjustment(self) -> int:
        """Positive: add to PPAP (Dr Beban PPAP / Cr PPAP); negative: release."""
        return self.allowance_required - self.allowance_booked
