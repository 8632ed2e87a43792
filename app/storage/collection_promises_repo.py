"""Promises to pay with their cancellations, and the receipts a promise is kept by (portable
SQL: runs on both engines)."""

from __future__ import annotations

from datetime import date

from app.clock import now_text
from app.collection.models import Promise
from app.storage.collection_letters_repo import _date
from app.storage.engine import Engine, Row

_PROMISE_SELECT = (
    "SELECT p.*, k.officer_id, coalesce(u.full_name, '') AS officer_name, c.member_id,"
    " x.cancelled_on, coalesce(x.reason, '') AS cancel_reason, x.decision_id AS cancel_decision"
    " FROM case_promises p JOIN case_contacts k ON k.id = p.contact_id"
    " JOIN collection_cases c ON c.id = p.case_id LEFT JOIN users u ON u.id = k.officer_id"
    " LEFT JOIN promise_cancellations x ON x.promise_id = p.id "
)


def promise_of(row: Row) -> Promise:
    return Promise(
        id=row["id"],
        case_id=row["case_id"],
        loan_id=row["loan_id"],
        contact_id=row["contact_id"],
        member_id=row["member_id"],
        amount=row["amount"],
        made_on=date.fromisoformat(row["made_on"]),
        due_date=date.fromisoformat(row["due_date"]),
        officer_id=row["officer_id"],
        officer_name=row["officer_name"],
        cancelled_on=_date(row["cancelled_on"]),
        cancel_reason=row["cancel_reason"],
        cancel_decision_id=row["cancel_decision"],
    )


class PromisesRepository:
    db: Engine

    def insert_promise(
        self,
        case_id: int,
        loan_id: int,
        contact_id: int,
        amount: int,
        made_on: date,
        due_date: date,
        user_id: int | None,
    ) -> int:
        return self.db.insert_id(
            "INSERT INTO case_promises (case_id, loan_id, contact_id, amount, made_on, due_date,"
            " created_by, created_at) VALUES (:case, :loan, :contact, :amount, :made_on,"
            " :due_date, :user, :at) RETURNING id",
            {
                "case": case_id,
                "loan": loan_id,
                "contact": contact_id,
                "amount": amount,
                "made_on": made_on.isoformat(),
                "due_date": due_date.isoformat(),
                "user": user_id,
                "at": now_text(),
            },
        )

    def cancel_promise(
        self,
        promise_id: int,
        on: date,
        reason: str,
        decision_id: int | None,
        user_id: int | None,
    ) -> None:
        self.db.run(
            "INSERT INTO promise_cancellations (promise_id, cancelled_on, reason, decision_id,"
            " created_by, created_at) VALUES (:promise, :on, :reason, :decision, :user, :at)",
            {
                "promise": promise_id,
                "on": on.isoformat(),
                "reason": reason,
                "decision": decision_id,
                "user": user_id,
                "at": now_text(),
            },
        )

    def promise(self, promise_id: int) -> Promise | None:
        row = self.db.one(_PROMISE_SELECT + "WHERE p.id = :id", {"id": promise_id})
        return promise_of(row) if row else None

    def loans_with_any_promise(self) -> list[int]:
        rows = self.db.rows("SELECT DISTINCT loan_id FROM case_promises ORDER BY loan_id")
        return [row["loan_id"] for row in rows]

    def promises_of_loan(self, loan_id: int) -> list[Promise]:
        rows = self.db.rows(
            _PROMISE_SELECT + "WHERE p.loan_id = :loan ORDER BY p.due_date, p.id", {"loan": loan_id}
        )
        return [promise_of(r) for r in rows]

    def promises_of_case(self, case_id: int) -> list[Promise]:
        rows = self.db.rows(
            _PROMISE_SELECT + "WHERE p.case_id = :case ORDER BY p.due_date, p.id", {"case": case_id}
        )
        return [promise_of(r) for r in rows]

    def loans_with_promises(self, due_from: date, due_to: date) -> list[int]:
        """Loans having a promise due in [due_from, due_to]."""
        rows = self.db.rows(
            "SELECT DISTINCT loan_id FROM case_promises WHERE due_date BETWEEN :start AND :end",
            {"start": due_from.isoformat(), "end": due_to.isoformat()},
        )
        return [r["loan_id"] for r in rows]

    def receipts(self, loan_id: int, since: date, until: date) -> list[tuple[int, date, int]]:
        """Receipts on the loan dated in [since, until], as (id, date, amount received),
        oldest first: loan payments never reversed (any method), and recoveries after hapus
        buku (their ids negated, so the two kinds never mix up)."""
        rows = self.db.rows(
            "SELECT e.id AS id, e.event_date AS d, e.amount AS amount FROM loan_events e"
            " WHERE e.loan_id = :loan AND e.kind = 'pembayaran'"
            " AND e.event_date BETWEEN :since AND :until"
            " AND NOT EXISTS (SELECT 1 FROM loan_events r WHERE r.reverses_id = e.id)"
            " UNION ALL SELECT -f.id, f.event_date AS d, f.amount FROM collection_fin_events f"
            " WHERE f.loan_id = :loan AND f.kind = 'pemulihan'"
            " AND f.event_date BETWEEN :since AND :until ORDER BY d, 1",
            {"loan": loan_id, "since": since.isoformat(), "until": until.isoformat()},
        )
        return [(r["id"], date.fromisoformat(r["d"]), r["amount"]) for r in rows]

    def case_receipts(self, start: date, end: date) -> list[tuple[date, int, int | None, str]]:
        """Money received in [start, end] on loans while they had a case open, with the case's
        officer: (date, amount, officer id, officer name). Loan receipts never reversed, and
        recoveries after write-off."""
        rows = self.db.rows(
            "SELECT x.d, x.amount, c.officer_id, coalesce(u.full_name, '') AS officer_name FROM ("
            " SELECT e.loan_id, e.event_date AS d, e.amount FROM loan_events e"
            " WHERE e.kind = 'pembayaran' AND e.event_date BETWEEN :s AND :e"
            " AND NOT EXISTS (SELECT 1 FROM loan_events r WHERE r.reverses_id = e.id)"
            " UNION ALL SELECT f.loan_id, f.event_date, f.amount FROM collection_fin_events f"
            " WHERE f.kind = 'pemulihan' AND f.event_date BETWEEN :s AND :e) x"
            " JOIN collection_cases c ON c.loan_id = x.loan_id AND c.opened_on <= x.d"
            " AND (c.closed_on IS NULL OR c.closed_on >= x.d)"
            " LEFT JOIN users u ON u.id = c.officer_id ORDER BY x.d",
            {"s": start.isoformat(), "e": end.isoformat()},
        )
        return [
            (date.fromisoformat(r["d"]), r["amount"], r["officer_id"], r["officer_name"])
            for r in rows
        ]
