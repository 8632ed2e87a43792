"""The fixed-asset register and its monthly depreciation rows (app/assets/), append-only
(portable SQL: runs on both engines)."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.assets.depreciation import Asset, Depreciation, NewAsset
from app.clock import now_text
from app.storage.engine import Engine


def asset_from_row(row: Any) -> Asset:
    return Asset(
        id=row["id"],
        name=row["name"],
        account=row["account"],
        acquired_on=date.fromisoformat(row["acquired_on"]),
        cost=row["cost"],
        life_months=row["life_months"],
        residual=row["residual"],
        origin=row["origin"],
        method=row["method"],
        opening_month=row["opening_month"],
        opening_accumulated=row["opening_accumulated"],
        note=row["note"],
    )


class AssetsRepository:
    def __init__(self, db: Engine) -> None:
        self.db = db

    def insert(self, new: NewAsset, accumulated: int, user_id: int | None) -> Asset:
        asset_id = self.db.insert_id(
            "INSERT INTO fixed_assets (name, account, acquired_on, cost, life_months, residual,"
            " origin, method, opening_month, opening_accumulated, note, created_by, created_at)"
            " VALUES (:name, :account, :acquired_on, :cost, :life, :residual, :origin, :method,"
            " :opening_month, :accumulated, :note, :user_id, :at) RETURNING id",
            {
                "name": new.name,
                "account": new.account,
                "acquired_on": new.acquired_on.isoformat(),
                "cost": new.cost,
                "life": new.life_months,
                "residual": new.residual,
                "origin": new.origin,
                "method": new.method,
                "opening_month": new.opening_month,
                "accumulated": accumulated,
                "note": new.note,
                "user_id": user_id,
                "at": now_text(),
            },
        )
        found = self.get(asset_id)
        assert found is not None
        return found

    def get(self, asset_id: int) -> Asset | None:
        row = self.db.one("SELECT * FROM fixed_assets WHERE id = :id", {"id": asset_id})
        return None if row is None else asset_from_row(row)

    def all(self, acquired_by: date | None = None) -> list[Asset]:
        until = (acquired_by or date(9999, 12, 31)).isoformat()
        rows = self.db.rows(
            "SELECT * FROM fixed_assets WHERE acquired_on <= :until ORDER BY acquired_on, id",
            {"until": until},
        )
        return [asset_from_row(r) for r in rows]

    def add_depreciation(
        self, asset_id: int, month: str, seq: int, amount: int, user_id: int | None
    ) -> int:
        return self.db.insert_id(
            "INSERT INTO asset_depreciation (asset_id, month, seq, amount, created_by,"
            " created_at) VALUES (:asset_id, :month, :seq, :amount, :user_id, :at) RETURNING id",
            {
                "asset_id": asset_id,
                "month": month,
                "seq": seq,
                "amount": amount,
                "user_id": user_id,
                "at": now_text(),
            },
        )

    def posted_months(self, asset_id: int) -> set[str]:
        rows = self.db.rows(
            "SELECT month FROM asset_depreciation WHERE asset_id = :id", {"id": asset_id}
        )
        return {str(r["month"]) for r in rows}

    def depreciation(self, asset_id: int) -> list[Depreciation]:
        rows = self.db.rows(
            "SELECT * FROM asset_depreciation WHERE asset_id = :id ORDER BY month",
            {"id": asset_id},
        )
        return [
            Depreciation(r["id"], r["asset_id"], r["month"], r["seq"], r["amount"]) for r in rows
        ]

    def accumulated(self, through: str) -> dict[int, int]:
        """Per asset: the depreciation rows up to `through` ('YYYY-MM')."""
        rows = self.db.rows(
            "SELECT asset_id, sum(amount) AS total FROM asset_depreciation"
            " WHERE month <= :through GROUP BY asset_id",
            {"through": through},
        )
        return {int(r["asset_id"]): int(r["total"]) for r in rows}
