"""A LoanArrears from a row of the arrears statement's CTE `res` (or a stored snapshot, or the
arrears cache: the same column names)."""

from __future__ import annotations

from datetime import date

from app.loans.models import LoanArrears
from app.storage.engine import Row


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def arrears_from_row(
    row: Row,
    as_of: date,
    policy_name: str,
    dates: dict[str | None, date | None] | None = None,
) -> LoanArrears:
    """A LoanArrears from a row of CTE `res` (or a stored snapshot with the same names).
    `dates` memoises parsed dates across many rows (due dates repeat a lot)."""
    memo = {} if dates is None else dates

    def day(value: str | None) -> date | None:
        found = memo.get(value, _MISSING)
        if found is _MISSING:
            found = memo[value] = _date(value)
        return found  # type: ignore[return-value]

    loan_id, outstanding, ap, aj, ad, opd, ojd, oldest, dpd, missed, titipan, coll, quality = (
        row["loan_id"],
        row["outstanding"],
        row["ap"],
        row["aj"],
        row["ad"],
        row["opd"],
        row["ojd"],
        row["oldest"],
        row["dpd"],
        row["missed"],
        row["titipan"],
        row["coll"],
        row["quality"],
    )
    return LoanArrears(
        loan_id=loan_id,
        as_of=as_of,
        days_past_due=dpd,
        oldest_due=day(oldest),
        oldest_pokok_due=day(opd),
        oldest_jasa_due=day(ojd),
        installments_missed=missed,
        arrears_pokok=ap,
        arrears_jasa=aj,
        arrears_denda=ad,
        outstanding=outstanding,
        titipan=titipan,
        collateral_value=coll,
        quality=quality,
        policy_name=policy_name,
    )


_MISSING = object()
