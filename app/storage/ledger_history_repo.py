"""Reads for posting an existing file's history to the journal (app/ledger/history.py): every
savings transaction and loan event in date order, and the once-only marker of the posting."""

from __future__ import annotations

from collections.abc import Iterator

from app.clock import now_text
from app.collection.decision_models import FinancialEvent
from app.loans.models import Payment
from app.savings.models import SavingsTransaction
from app.storage.collection_decisions_repo import _fin_event
from app.storage.db import Database
from app.storage.loans_events_repo import _EVENT_SELECT, _event
from app.storage.savings_repo import _SELECT, _tx


class LedgerHistoryRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def pending(self) -> bool:
        """The history is still to be posted (a file from before the books)."""
        return bool(self.db.scalar("SELECT count(*) FROM ledger_history") == 0)

    def mark_posted(self, journals: int) -> None:
        self.db.execute(
            "INSERT INTO ledger_history (id, posted_at, journals) VALUES (1, ?, ?)",
            (now_text(), journals),
        )

    def record_count(self) -> int:
        """How many records the history posting looks at (savings, loan and problem-loan
        events), for its progress."""
        return int(
            self.db.scalar(
                "SELECT (SELECT count(*) FROM savings_transactions)"
                " + (SELECT count(*) FROM loan_events)"
                " + (SELECT count(*) FROM collection_fin_events)"
            )
        )

    def savings(self) -> Iterator[SavingsTransaction]:
        """Every savings transaction, by date then entry order."""
        for row in self.db.rows(_SELECT + "ORDER BY s.tx_date, s.id"):
            yield _tx(row)

    def loan_events(self) -> Iterator[tuple[Payment, int, int]]:
        """Every loan event (without its allocation lines) with the loan's member and product,
        by date then entry order."""
        select = _EVENT_SELECT.replace(
            "FROM loan_events e",
            ", l.member_id AS l_member, l.product_id AS l_product"
            " FROM loan_events e JOIN loans l ON l.id = e.loan_id",
        )
        for row in self.db.rows(select + "ORDER BY e.event_date, e.id"):
            yield _event(row, ()), row["l_member"], row["l_product"]

    def collection_events(self) -> Iterator[tuple[FinancialEvent, int, int]]:
        """Every financial event of a problem loan with the loan's member and product."""
        rows = self.db.rows(
            "SELECT f.*, l.member_id AS l_member, l.product_id AS l_product"
            " FROM collection_fin_events f JOIN loans l ON l.id = f.loan_id"
            " ORDER BY f.event_date, f.id"
        )
        for row in rows:
            yield _fin_event(row), row["l_member"], row["l_product"]

    def journal_keys(self) -> set[tuple[str, int, str]]:
        return {
            (r["source"], r["source_id"], r["role"])
            for r in self.db.rows("SELECT source, source_id, role FROM journals")
        }
