"""The loans list: one page of rows with arrears and class as of a date (portable SQL: the
search ignores case through the dialect)."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.loans.models import LoanFilter, LoanRow, LoanStatus
from app.loans.quality import QualityPolicy
from app.storage.dialect import Dialect, contains_pattern
from app.storage.engine import Engine, Row
from app.storage.exact_match import exact_params, exact_sql, exact_where
from app.storage.loans_quality_repo import LoanQualityRepository

_ORDERS = {
    "number": "l.disbursed_on IS NULL, coalesce(l.number, l.application_no)",
    "newest": "l.application_date DESC, l.id DESC",
    "member": "m.name COLLATE NOCASE, l.id",
    "outstanding": "outstanding DESC, l.id",
    "days": "dpd DESC, arrears_total DESC, l.id",
    "arrears": "arrears_total DESC, l.id",
}
_NEEDS_ARREARS = ("outstanding", "days", "arrears")

_COLUMNS = (
    "SELECT l.id AS loan_id, coalesce(l.number, l.application_no) AS number, l.member_id,"
    " m.number AS member_number, m.name AS member_name, p.name AS product_name, l.status,"
    " l.amount, coalesce(res.outstanding, 0) AS outstanding,"
    " coalesce(res.ap + res.aj + res.ad, 0) AS arrears_total, coalesce(res.dpd, 0) AS dpd,"
    " res.quality"
)
_FROM = (
    " FROM loans l JOIN members m ON m.id = l.member_id JOIN loan_products p ON p.id = l.product_id"
)


_EXACT_COLUMNS = ("m.number", "m.nik", "l.number", "l.application_no")
_EXACT_WHERE = exact_where(*_EXACT_COLUMNS, phone="m.phone")
_EXACT_FIRST = exact_sql(*_EXACT_COLUMNS, phone="m.phone")


def _where(d: Dialect, filters: LoanFilter) -> tuple[list[str], dict[str, Any], bool]:
    """Clauses on loans/members, their params, and whether arrears are needed to filter."""
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if filters.statuses:
        names = []
        for index, status in enumerate(filters.statuses):
            params[f"st{index}"] = LoanStatus(status).value
            names.append(f":st{index}")
        clauses.append(f"l.status IN ({', '.join(names)})")
    if filters.product_id is not None:
        clauses.append("l.product_id = :product")
        params["product"] = filters.product_id
    if filters.member_id is not None:
        clauses.append("l.member_id = :member")
        params["member"] = filters.member_id
    text = filters.text.strip()
    if text:
        columns = ("m.name", "m.number", "l.number", "l.application_no")
        found = " OR ".join(d.ci_contains(c, ":text") for c in columns)
        clauses.append(f"({found} OR {_EXACT_WHERE})")
        params["text"] = contains_pattern(text)
        params.update(exact_params(text))
    needs_arrears = filters.quality is not None or filters.overdue_only
    return clauses, params, needs_arrears


def _row(r: Row) -> LoanRow:
    return LoanRow(
        loan_id=r["loan_id"],
        number=r["number"],
        member_id=r["member_id"],
        member_number=r["member_number"],
        member_name=r["member_name"],
        product_name=r["product_name"],
        status=LoanStatus(r["status"]),
        plafon=r["amount"],
        outstanding=r["outstanding"],
        arrears_total=r["arrears_total"],
        days_past_due=r["dpd"],
        quality=r["quality"],
    )


class LoansListRepository:
    def __init__(self, db: Engine) -> None:
        self.db = db
        self.quality = LoanQualityRepository(db)

    def rows(
        self,
        as_of: date,
        policy: QualityPolicy,
        filters: LoanFilter,
        offset: int,
        limit: int,
        order: str,
    ) -> list[LoanRow]:
        """A page of rows: the page is chosen first (on loans and members alone when no class,
        overdue or arrears ordering is asked for), then its loans' arrears are computed."""
        if order not in _ORDERS:
            raise ValueError(f"unknown order {order!r}")
        clauses, params, needs_arrears = _where(self.db.dialect, filters)
        params.update(limit=limit, offset=offset)
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        # An exact member number, NIK, phone or loan number is always the first row.
        first = f"{_EXACT_FIRST}, " if filters.text.strip() else ""
        if not needs_arrears and order not in _NEEDS_ARREARS:
            rows = self.db.rows(
                f"SELECT l.id{_FROM}{where} ORDER BY {first}{_ORDERS[order]}"
                " LIMIT :limit OFFSET :offset",
                params,
            )
        else:
            # The page is chosen on the classes and pokok/jasa arrears of every loan (no
            # denda needed: ordering 'arrears' is by pokok + jasa), then filled in in full.
            clauses += self._arrears_clauses(filters, params)
            where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
            rows = self.quality.query(
                as_of,
                policy,
                f"SELECT l.id, coalesce(res.outstanding, 0) AS outstanding,"
                f" coalesce(res.ap + res.aj, 0) AS arrears_total, coalesce(res.dpd, 0) AS dpd"
                f"{_FROM} LEFT JOIN res ON res.loan_id = l.id{where}"
                f" ORDER BY {first}{_ORDERS[order]} LIMIT :limit OFFSET :offset",
                extra=params,
                with_denda=False,
            )
        ids = [r["id"] for r in rows]
        if not ids:
            return []
        position = {loan_id: index for index, loan_id in enumerate(ids)}
        select = (
            f"{_COLUMNS}{_FROM} LEFT JOIN res ON res.loan_id = l.id"
            f" WHERE l.id IN ({','.join(map(str, ids))})"
        )
        found = [_row(r) for r in self.quality.query(as_of, policy, select, loan_ids=ids)]
        return sorted(found, key=lambda row: position[row.loan_id])

    def count(self, as_of: date, policy: QualityPolicy, filters: LoanFilter) -> int:
        clauses, params, needs_arrears = _where(self.db.dialect, filters)
        if not needs_arrears:
            where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
            return int(self.db.scalar(f"SELECT count(*){_FROM}{where}", params))
        clauses += self._arrears_clauses(filters, params)
        select = (
            f"SELECT count(*) AS n{_FROM} JOIN res ON res.loan_id = l.id"
            f" WHERE {' AND '.join(clauses)}"
        )
        rows = self.quality.query(as_of, policy, select, extra=params, with_denda=False)
        return int(rows[0]["n"])

    @staticmethod
    def _arrears_clauses(filters: LoanFilter, params: dict[str, Any]) -> list[str]:
        clauses = []
        if filters.quality is not None:
            clauses.append("res.quality = :quality")
            params["quality"] = filters.quality
        if filters.overdue_only:
            clauses.append("res.dpd > 0")
        return clauses
