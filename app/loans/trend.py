"""The portfolio over the month-ends: for each of the last month-ends (the latest run of each
date), the outstanding principal by quality class and the NPL ratio, read from the stored
snapshots (never recomputed, so a chart shows what was reported at the time)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Protocol

from app.loans.models import LoanArrears
from app.loans.portfolio_models import MonthEndRun
from app.loans.quality import CLASS_ORDER, npl_ratio


class _Snapshots(Protocol):
    def runs(self) -> list[MonthEndRun]: ...

    def snapshot(self, run_id: int) -> list[LoanArrears]: ...

    def outstanding_by_class(self, run_id: int) -> dict[str, int]: ...


@dataclass(frozen=True)
class TrendPoint:
    as_of: date
    policy_name: str
    outstanding_by_class: dict[str, int]  # every class of CLASS_ORDER but HB, in that order
    npl_ratio: Decimal  # percent, unrounded (as stored by the run)

    @property
    def total_outstanding(self) -> int:
        return sum(self.outstanding_by_class.values())


def latest_runs(runs: Sequence[MonthEndRun], last: int) -> list[MonthEndRun]:
    """The latest run of each month-end date, the `last` most recent dates, oldest first."""
    by_date: dict[date, MonthEndRun] = {}
    for run in runs:
        kept = by_date.get(run.as_of)
        if kept is None or run.run_no > kept.run_no:
            by_date[run.as_of] = run
    return [by_date[d] for d in sorted(by_date)[-last:]] if last > 0 else []


def point_of(run: MonthEndRun, loans: Sequence[LoanArrears]) -> TrendPoint:
    by_class = {code: 0 for code in CLASS_ORDER if code != "HB"}
    for loan in loans:
        if loan.quality in by_class:
            by_class[loan.quality] += loan.outstanding
    return TrendPoint(run.as_of, run.policy_name, by_class, run.npl_ratio)


def month_end_trend(quality: _Snapshots, last: int = 24) -> list[TrendPoint]:
    """The last `last` month-ends, oldest first (the sums per class as point_of makes them
    from the loans, added up where they are stored: Beranda shows this at every start)."""
    points = []
    for run in latest_runs(quality.runs(), last):
        totals = quality.outstanding_by_class(run.id)
        by_class = {code: totals.get(code, 0) for code in CLASS_ORDER if code != "HB"}
        points.append(TrendPoint(run.as_of, run.policy_name, by_class, run.npl_ratio))
    return points


def check_point(point: TrendPoint) -> bool:
    """A stored ratio agrees with the stored classes (to a hundredth of a percent)."""
    return abs(npl_ratio(point.outstanding_by_class) - point.npl_ratio) < Decimal("0.01")
