"""Loan card storage: the loan's payment events and the card lines already printed (portable
SQL: runs on both engines)."""

from __future__ import annotations

from datetime import date

from app.clock import now_text
from app.passbook.card import CardEntry
from app.passbook.layout import Position
from app.storage.engine import Engine

# Events that move pokok, jasa or denda (a reversal carries the negated amounts).
_KINDS = ("pembayaran", "pembalikan", "keringanan", "potongan_pelunasan", "titipan_diterapkan")


class CardRepository:
    def __init__(self, db: Engine) -> None:
        self.db = db

    def loan_amount(self, loan_id: int) -> int | None:
        return self.db.scalar(  # type: ignore[no-any-return]
            "SELECT amount FROM loans WHERE id = :id", {"id": loan_id}
        )

    def events(self, loan_id: int) -> list[tuple[int, date, str, int, int, int]]:
        """(id, date, receipt, pokok, jasa, denda) of the loan's money events, in order."""
        marks = ", ".join(f":k{i}" for i in range(len(_KINDS)))
        rows = self.db.rows(
            "SELECT id, event_date, coalesce(receipt_no, '') AS receipt, pokok, jasa, denda"
            f" FROM loan_events WHERE loan_id = :loan AND kind IN ({marks})"
            " AND (pokok <> 0 OR jasa <> 0 OR denda <> 0) ORDER BY id",
            {"loan": loan_id, **{f"k{i}": kind for i, kind in enumerate(_KINDS)}},
        )
        return [
            (
                r["id"],
                date.fromisoformat(r["event_date"]),
                r["receipt"],
                r["pokok"],
                r["jasa"],
                r["denda"],
            )
            for r in rows
        ]

    def busiest_loan(self) -> int | None:
        """The loan with the most payments (for the samples)."""
        return self.db.scalar(  # type: ignore[no-any-return]
            "SELECT loan_id FROM loan_events WHERE kind = 'pembayaran' GROUP BY loan_id "
            "ORDER BY count(*) DESC, loan_id LIMIT 1"
        )

    def printed_ids(self, loan_id: int) -> set[int]:
        rows = self.db.rows(
            "SELECT event_id FROM card_lines WHERE loan_id = :loan", {"loan": loan_id}
        )
        return {r["event_id"] for r in rows}

    def last_position(self, loan_id: int) -> Position | None:
        row = self.db.one(
            "SELECT page, line FROM card_lines WHERE loan_id = :loan "
            "ORDER BY page DESC, line DESC LIMIT 1",
            {"loan": loan_id},
        )
        return Position(row["page"], row["line"]) if row else None

    def lines(self, loan_id: int) -> list[tuple[Position, CardEntry]]:
        rows = self.db.rows(
            "SELECT * FROM card_lines WHERE loan_id = :loan ORDER BY page, line", {"loan": loan_id}
        )
        return [
            (
                Position(r["page"], r["line"]),
                CardEntry(
                    r["event_id"],
                    date.fromisoformat(r["paid_on"]),
                    r["receipt"],
                    r["pokok"],
                    r["jasa"],
                    r["denda"],
                    r["remaining"],
                ),
            )
            for r in rows
        ]

    def insert(self, loan_id: int, pos: Position, entry: CardEntry, user_id: int | None) -> None:
        self.db.run(
            "INSERT INTO card_lines (loan_id, page, line, event_id, paid_on, receipt, pokok,"
            " jasa, denda, remaining, printed_at, printed_by)"
            " VALUES (:loan_id, :page, :line, :event_id, :paid_on, :receipt, :pokok,"
            " :jasa, :denda, :remaining, :printed_at, :printed_by)",
            {
                "loan_id": loan_id,
                "page": pos.page,
                "line": pos.line,
                "event_id": entry.event_id,
                "paid_on": entry.on.isoformat(),
                "receipt": entry.receipt,
                "pokok": entry.pokok,
                "jasa": entry.jasa,
                "denda": entry.denda,
                "remaining": entry.remaining,
                "printed_at": now_text(),
                "printed_by": user_id,
            },
        )
