"""Savings transactions: append-only, balances by SQL sums (portable SQL: runs on both
engines)."""

from __future__ import annotations

from datetime import date

from app.clock import now_text
from app.savings.models import Balances, SavingsKind, SavingsTransaction, TxType
from app.storage.engine import Engine, Row

_SELECT = (
    "SELECT s.*, r.id AS reversed_by_id FROM savings_transactions s "
    "LEFT JOIN savings_transactions r ON r.reverses_id = s.id "
)


def _tx(row: Row) -> SavingsTransaction:
    return SavingsTransaction(
        id=row["id"],
        member_id=row["member_id"],
        kind=SavingsKind(row["kind"]),
        tx_type=TxType(row["tx_type"]),
        amount=row["amount"],
        tx_date=date.fromisoformat(row["tx_date"]),
        receipt_no=row["receipt_no"],
        method=row["method"],
        note=row["note"],
        reverses_id=row["reverses_id"],
        reason=row["reason"],
        authorised_by=row["authorised_by"],
        created_by=row["created_by"],
        created_at=row["created_at"],
        reversed_by_id=row["reversed_by_id"],
    )


class SavingsRepository:
    def __init__(self, db: Engine) -> None:
        self.db = db

    def insert(
        self,
        member_id: int,
        kind: SavingsKind,
        tx_type: TxType,
        amount: int,
        tx_date: date,
        receipt_no: str,
        method: str,
        note: str,
        user_id: int | None,
        reverses_id: int | None = None,
        reason: str = "",
        authorised_by: int | None = None,
    ) -> int:
        return self.db.insert_id(
            "INSERT INTO savings_transactions (member_id, kind, tx_type, amount, tx_date,"
            " receipt_no, method, note, reverses_id, reason, authorised_by, created_by,"
            " created_at) VALUES (:member_id, :kind, :tx_type, :amount, :tx_date, :receipt_no,"
            " :method, :note, :reverses_id, :reason, :authorised_by, :created_by, :created_at)"
            " RETURNING id",
            {
                "member_id": member_id,
                "kind": kind.value,
                "tx_type": tx_type.value,
                "amount": amount,
                "tx_date": tx_date.isoformat(),
                "receipt_no": receipt_no,
                "method": method,
                "note": note,
                "reverses_id": reverses_id,
                "reason": reason,
                "authorised_by": authorised_by,
                "created_by": user_id,
                "created_at": now_text(),
            },
        )

    def by_id(self, tx_id: int) -> SavingsTransaction | None:
        row = self.db.one(_SELECT + "WHERE s.id = :id", {"id": tx_id})
        return _tx(row) if row else None

    def history(self, member_id: int, kind: SavingsKind | None = None) -> list[SavingsTransaction]:
        """A member's transactions, oldest first."""
        if kind is None:
            rows = self.db.rows(
                _SELECT + "WHERE s.member_id = :member ORDER BY s.tx_date, s.id",
                {"member": member_id},
            )
        else:
            rows = self.db.rows(
                _SELECT + "WHERE s.member_id = :member AND s.kind = :kind ORDER BY s.tx_date, s.id",
                {"member": member_id, "kind": kind.value},
            )
        return [_tx(r) for r in rows]

    def balances(self, member_id: int, as_of: date | None = None) -> Balances:
        params: dict[str, object] = {"member": member_id}
        date_clause = ""
        if as_of is not None:
            date_clause = " AND tx_date <= :as_of"
            params["as_of"] = as_of.isoformat()
        rows = self.db.rows(
            "SELECT kind, sum(amount) AS total FROM savings_transactions "
            f"WHERE member_id = :member{date_clause} GROUP BY kind",
            params,
        )
        totals = {r["kind"]: r["total"] for r in rows}
        return Balances(
            pokok=totals.get("pokok", 0),
            wajib=totals.get("wajib", 0),
            sukarela=totals.get("sukarela", 0),
        )

    def totals(self) -> Balances:
        """The cooperative's total savings per kind (kept by a trigger: schema step 0031)."""
        found = {r["kind"]: int(r["amount"]) for r in self.db.rows("SELECT * FROM savings_totals")}
        return Balances(**{k: found.get(k, 0) for k in ("pokok", "wajib", "sukarela")})

    def receipt_exists(self, receipt_no: str) -> bool:
        found = self.db.scalar(
            "SELECT 1 FROM savings_transactions WHERE receipt_no = :r", {"r": receipt_no}
        )
        return found is not None
