"""The quality-class rules as SQL expressions over the `fin` CTE of the arrears statement
(app/storage/loans_quality_repo.py): months and days overdue counted like app.formats and
app.loans.quality, exact fractions for the cover ratios."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from app.loans.quality import QualityPolicy
from app.storage.dialect import Dialect
from app.storage.loans_positions import last_pay_sql

NO_LOAN = 1_000_000_000


def fraction(value: Decimal) -> tuple[int, int]:
    num, den = value.as_integer_ratio()
    return num, den


def month_index(column: str) -> str:
    year, month = f"substr({column}, 1, 4)", f"substr({column}, 6, 2)"
    return f"(CAST({year} AS INTEGER) * 12 + CAST({month} AS INTEGER))"


def day_of(column: str) -> str:
    return f"CAST(substr({column}, 9, 2) AS INTEGER)"


def _mscore(column: str) -> str:
    """32 × months + days from `column` to :d; months overdue > k  <=>  mscore > 32k."""
    return f"((:d_mi - {month_index(column)}) * 32 + :d_day - {day_of(column)})"


def _whole_months(d: Dialect, column: str) -> str:
    """Whole months from `column` to :d, anchored and clamped like app.formats.add_months;
    NULL when `column` is (PostgreSQL's greatest() skips a NULL, SQLite's max() returns it)."""
    back = f"(CASE WHEN :d_day < {day_of(column)} AND :d_month_end = 0 THEN 1 ELSE 0 END)"
    months = d.greatest("0", f"(:d_mi - {month_index(column)}) - {back}")
    return f"(CASE WHEN {column} IS NULL THEN NULL ELSE {months} END)"


def diragukan_start(d: Dialect) -> str:
    """The day a loan enters Diragukan under the koperasi preset: the day after the arrears
    pass the Kurang Lancar limit (app.loans.position.months_in_diragukan)."""
    pokok = (
        f"(CASE WHEN bullet = 1 THEN {d.add_months('opd', 3)} ELSE {d.add_months('opd', 6)} END)"
    )
    jasa = d.add_months("ojd", 6)
    return d.add_days(d.least(f"coalesce({pokok}, {jasa})", f"coalesce({jasa}, {pokok})"), "1")


def _band(column: str, lancar: int, kurang_lancar: int) -> str:
    return (
        f"(CASE WHEN {column} IS NULL THEN 0 WHEN {_mscore(column)} <= {32 * lancar} THEN 0 "
        f"WHEN {_mscore(column)} <= {32 * kurang_lancar} THEN 1 ELSE 2 END)"
    )


def class_expression(d: Dialect, policy: QualityPolicy, params: dict[str, Any]) -> str:
    """SQL for the class code of a row of the `fin` CTE under `policy` (params filled in)."""
    if policy.key == "koperasi":
        rnum, rden = fraction(policy.cover_rescuable)
        unum, uden = fraction(policy.cover_unrescuable)
        params.update(
            cover_r_num=rnum,
            cover_r_den=rden,
            cover_u_num=unum,
            cover_u_den=uden,
            macet_after=policy.macet_after_months,
        )
        principal = (
            f"(CASE WHEN bullet = 1 THEN {_band('opd', 0, 3)} ELSE {_band('opd', 3, 6)} END)"
        )
        worst = d.greatest(principal, _band("ojd", 3, 6))
        # kp: the loan's stored position holds at :d, its last payment is klast
        computed = last_pay_sql("fin.loan_id", ":d")
        last_pay = f"(CASE WHEN kp IS NULL THEN {computed} ELSE klast END)"
        after_pay = d.add_days(last_pay, "1")
        months_in_d = d.least(
            _whole_months(d, "dstart"), f"coalesce({_whole_months(d, after_pay)}, {NO_LOAN})"
        )
        return (
            f"(CASE WHEN in_court = 1 THEN 'M' WHEN {worst} = 0 THEN 'L'"
            f" WHEN {worst} = 1 THEN 'KL'"
            " WHEN rescuable = 1"
            " AND coll * 100 * :cover_r_den < :cover_r_num * (outstanding + aj) THEN 'M'"
            " WHEN rescuable = 0"
            " AND coll * 100 * :cover_u_den < :cover_u_num * (outstanding + aj) THEN 'M'"
            f" WHEN {months_in_d} >= :macet_after THEN 'M' ELSE 'D' END)"
        )
    measure = "dpd" if policy.measure == "days" else "missed"
    parts = []
    for index, (bound, code) in enumerate(policy.limits):
        params[f"lim_{index}"] = bound
        params[f"code_{index}"] = code
        parts.append(f"WHEN {measure} <= :lim_{index} THEN :code_{index}")
    params["beyond"] = policy.beyond
    return f"(CASE {' '.join(parts)} ELSE :beyond END)"
