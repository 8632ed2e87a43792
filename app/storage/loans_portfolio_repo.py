"""Portfolio figures in SQL (by class and ageing bucket, with the allowance each loan
requires) and the booked allowance figures (append-only). Portable SQL: runs on both engines
(sums cast back to integers before the integer division of the rounding)."""

from __future__ import annotations

from datetime import date
from math import lcm
from typing import Any, NamedTuple

from app.clock import now_text
from app.collection.models import CollateralStatus
from app.loans.allowance import AllowancePolicy
from app.loans.models import COLLATERAL_KINDS
from app.loans.portfolio_models import AllowanceBooking
from app.loans.quality import AGEING_BUCKETS, CLASS_ORDER, QualityPolicy
from app.storage.dialect import Dialect
from app.storage.engine import Engine, Row
from app.storage.loans_quality_repo import LoanQualityRepository


class PortfolioGroup(NamedTuple):
    """Loans of one class in one ageing bucket (None: not past due)."""

    quality: str
    bucket: str | None
    loans: int
    outstanding: int
    required: int
    arrears_pokok: int
    arrears_jasa: int
    arrears_denda: int


def _bucket_sql() -> str:
    parts, low = [], 1
    for index, (last_day, _) in enumerate(AGEING_BUCKETS):
        if last_day is None:
            parts.append(f"WHEN dpd >= {low} THEN {index}")
        else:
            parts.append(f"WHEN dpd BETWEEN {low} AND {last_day} THEN {index}")
            low = last_day + 1
    return f"(CASE {' '.join(parts)} END)"


def _allowance_select(
    d: Dialect, policy: AllowancePolicy, params: dict[str, Any], *, per_loan: bool = False
) -> str:
    """A SELECT over CTE `res` giving each loan's required allowance (`required`), per loan
    rounded half-up, after deductible collateral (not for Lancar, capped at outstanding)."""
    kinds = {
        kind: policy.deduction_rate("other" if kind == "vehicle" else kind)
        for kind in COLLATERAL_KINDS
    }
    fractions = {k: v.as_integer_ratio() for k, v in kinds.items()}
    common = lcm(*(den for _, den in fractions.values()))
    weight = " ".join(
        f"WHEN '{kind}' THEN {num * (common // den)}" for kind, (num, den) in fractions.items()
    )
    for code in CLASS_ORDER:
        num, den = policy.rate(code).as_integer_ratio()
        params[f"rn_{code}"], params[f"rd_{code}"] = num, den
    rate_num = " ".join(f"WHEN '{c}' THEN :rn_{c}" for c in CLASS_ORDER)
    rate_den = " ".join(f"WHEN '{c}' THEN :rd_{c}" for c in CLASS_ORDER)
    value = "(CASE WHEN c.kind = 'land' THEN c.tax_value ELSE c.estimated_value END)"
    # Collateral that can no longer be realised (the case says: none, sold, cannot be
    # executed, returned) is never deducted; the latest case of the loan says so.
    gone = ", ".join(f"'{s.value}'" for s in CollateralStatus if s.dealt_with)
    # The latest case of each loan found in one pass (a subquery per collateral scanned every
    # case: 0.8 s at 20,000 members, issue 16).
    return f"""
, lastcase AS (
  SELECT k.loan_id, k.collateral_status FROM collection_cases k
  JOIN (SELECT loan_id, max(id) AS id FROM collection_cases GROUP BY loan_id) m ON m.id = k.id),
ded AS (
  SELECT c.loan_id,
    (CAST(sum({value} * (CASE c.kind {weight} ELSE 0 END)) AS BIGINT) * 2 + 100 * {common})
    / (200 * {common}) AS deductible
  FROM loan_collateral c JOIN res ON res.loan_id = c.loan_id
  LEFT JOIN lastcase lc ON lc.loan_id = c.loan_id
  WHERE (c.released_on IS NULL OR c.released_on > :d)
    AND coalesce(lc.collateral_status, '') NOT IN ({gone})
  GROUP BY c.loan_id),
alw AS (
  SELECT res.*, CASE WHEN res.quality = 'L' THEN 0
      ELSE {d.least("coalesce(ded.deductible, 0)", "res.outstanding")} END AS deductible,
    (CASE res.quality {rate_num} ELSE 0 END) AS rnum,
    (CASE res.quality {rate_den} ELSE 1 END) AS rden
  FROM res LEFT JOIN ded ON ded.loan_id = res.loan_id),
alw2 AS (
  SELECT alw.*, ((outstanding - deductible) * rnum * 2 + 100 * rden) / (200 * rden) AS required,
    {_bucket_sql()} AS bucket
  FROM alw)
""" + (
        "SELECT loan_id, required FROM alw2"
        if per_loan
        else """SELECT quality, bucket, count(*) AS n, sum(outstanding) AS outstanding,
  sum(required) AS required, sum(ap) AS ap, sum(aj) AS aj, sum(ad) AS ad
FROM alw2 GROUP BY quality, bucket"""
    )


def _booking(row: Row) -> AllowanceBooking:
    return AllowanceBooking(
        id=row["id"],
        as_of=date.fromisoformat(row["as_of"]),
        amount=row["amount"],
        policy_name=row["policy_name"],
        note=row["note"],
        created_by=row["created_by"],
        created_at=row["created_at"],
    )


class LoanPortfolioRepository:
    def __init__(self, db: Engine) -> None:
        self.db = db
        self.quality = LoanQualityRepository(db)

    def groups(
        self, as_of: date, policy: QualityPolicy, allowance: AllowancePolicy
    ) -> list[PortfolioGroup]:
        """Loans aktif at `as_of` grouped by class and ageing bucket, with the allowance."""
        params: dict[str, Any] = {}
        select = _allowance_select(self.db.dialect, allowance, params)
        rows = self.quality.query(as_of, policy, select, extra=params)
        return [
            PortfolioGroup(
                quality=r["quality"],
                bucket=None if r["bucket"] is None else AGEING_BUCKETS[r["bucket"]][1],
                loans=r["n"],
                outstanding=r["outstanding"],
                required=r["required"],
                arrears_pokok=r["ap"],
                arrears_jasa=r["aj"],
                arrears_denda=r["ad"],
            )
            for r in rows
        ]

    def required_by_loan(
        self, as_of: date, policy: QualityPolicy, allowance: AllowancePolicy
    ) -> dict[int, int]:
        """Each loan aktif at `as_of` with its required allowance (the month-end PPAP)."""
        params: dict[str, Any] = {}
        select = _allowance_select(self.db.dialect, allowance, params, per_loan=True)
        rows = self.quality.query(as_of, policy, select, extra=params)
        return {int(r["loan_id"]): int(r["required"]) for r in rows}

    def insert_booking(
        self, as_of: date, amount: int, policy: AllowancePolicy, note: str, user_id: int | None
    ) -> int:
        return self.db.insert_id(
            "INSERT INTO loan_allowance_bookings (as_of, amount, policy_key, policy_name,"
            " note, created_by, created_at) VALUES (:as_of, :amount, :policy_key,"
            " :policy_name, :note, :created_by, :created_at) RETURNING id",
            {
                "as_of": as_of.isoformat(),
                "amount": amount,
                "policy_key": policy.key,
                "policy_name": policy.name,
                "note": note,
                "created_by": user_id,
                "created_at": now_text(),
            },
        )

    def booking(self, booking_id: int) -> AllowanceBooking | None:
        row = self.db.one(
            "SELECT * FROM loan_allowance_bookings WHERE id = :id", {"id": booking_id}
        )
        return _booking(row) if row else None

    def latest_booking(self, as_of: date) -> AllowanceBooking | None:
        """The latest booked figure on or before `as_of`."""
        row = self.db.one(
            "SELECT * FROM loan_allowance_bookings WHERE as_of <= :d"
            " ORDER BY as_of DESC, id DESC LIMIT 1",
            {"d": as_of.isoformat()},
        )
        return _booking(row) if row else None

    def bookings(self) -> list[AllowanceBooking]:
        rows = self.db.rows("SELECT * FROM loan_allowance_bookings ORDER BY as_of DESC, id DESC")
        return [_booking(r) for r in rows]
