"""Loan products: their terms, denda and allocation rules, as the loans copy them (portable
SQL: runs on both engines)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from app.clock import now_text
from app.loans.models import LoanProduct, LoanProductDraft
from app.storage.engine import Engine, Row
from app.storage.loans_rows import DENDA_FIELDS, denda_rule_of, denda_values

_PRODUCT_COLUMNS = (
    "name",
    "method",
    "monthly_rate",
    "min_months",
    "max_months",
    "min_amount",
    "max_amount",
    "round_to",
    "round_up",
    *DENDA_FIELDS,
    "admin_fee_rate",
    "admin_fee_fixed",
)


def product_values(draft: LoanProductDraft) -> list[Any]:
    """Values for _PRODUCT_COLUMNS."""
    return [
        draft.name,
        draft.method,
        str(draft.monthly_rate),
        draft.min_months,
        draft.max_months,
        draft.min_amount,
        draft.max_amount,
        draft.round_to,
        int(draft.round_up),
        *denda_values(draft.denda_rule, draft.alloc_order, draft.alloc_mode, draft.payoff_rule),
        str(draft.admin_fee_rate),
        draft.admin_fee_fixed,
    ]


def _product(row: Row) -> LoanProduct:
    return LoanProduct(
        id=row["id"],
        name=row["name"],
        method=row["method"],
        monthly_rate=Decimal(row["monthly_rate"]),
        min_months=row["min_months"],
        max_months=row["max_months"],
        min_amount=row["min_amount"],
        max_amount=row["max_amount"],
        round_to=row["round_to"],
        round_up=bool(row["round_up"]),
        denda_rule=denda_rule_of(row),
        admin_fee_rate=Decimal(row["admin_fee_rate"]),
        admin_fee_fixed=row["admin_fee_fixed"],
        alloc_order=tuple(row["alloc_order"].split(",")),
        alloc_mode=row["alloc_mode"],
        payoff_rule=row["payoff_rule"],
        active=bool(row["active"]),
    )


class LoanProductsRepository:
    def __init__(self, db: Engine) -> None:
        self.db = db

    # -- products -----------------------------------------------------------------------------
    def products(self, include_inactive: bool = False) -> list[LoanProduct]:
        where = "" if include_inactive else "WHERE active = 1"
        rows = self.db.rows(f"SELECT * FROM loan_products {where} ORDER BY name COLLATE NOCASE")
        return [_product(r) for r in rows]

    def product(self, product_id: int) -> LoanProduct | None:
        row = self.db.one("SELECT * FROM loan_products WHERE id = :id", {"id": product_id})
        return _product(row) if row else None

    def product_name_taken(self, name: str, exclude_id: int | None = None) -> bool:
        found = self.db.scalar(
            "SELECT 1 FROM loan_products WHERE name = :name COLLATE NOCASE"
            " AND id IS DISTINCT FROM :id",
            {"name": name, "id": exclude_id},
        )
        return found is not None

    def insert_product(self, draft: LoanProductDraft) -> int:
        stamp = now_text()
        columns = [*_PRODUCT_COLUMNS, "created_at", "updated_at"]
        values = dict(zip(columns, [*product_values(draft), stamp, stamp], strict=True))
        return self.db.insert_id(
            f"INSERT INTO loan_products ({', '.join(columns)}) "
            f"VALUES ({', '.join(':' + c for c in columns)}) RETURNING id",
            values,
        )

    def update_product(self, product_id: int, draft: LoanProductDraft) -> None:
        assignments = ", ".join(f"{c} = :{c}" for c in _PRODUCT_COLUMNS)
        values = dict(zip(_PRODUCT_COLUMNS, product_values(draft), strict=True))
        self.db.run(
            f"UPDATE loan_products SET {assignments}, updated_at = :updated_at WHERE id = :id",
            {**values, "updated_at": now_text(), "id": product_id},
        )

    def set_product_active(self, product_id: int, active: bool) -> None:
        self.db.run(
            "UPDATE loan_products SET active = :active, updated_at = :updated_at WHERE id = :id",
            {"active": int(active), "updated_at": now_text(), "id": product_id},
        )
