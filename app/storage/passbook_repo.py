"""Passbook storage: models (layouts), books, printed lines, reprints, receipt paper."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from app.clock import now_text
from app.passbook.engine import Entry
from app.passbook.layout import Layout, Position
from app.passbook.models import BookRow, PrintedLine
from app.storage import sequences
from app.storage.db import Database

BOOK_SEQUENCE = "passbook_number"


@dataclass(frozen=True)
class TxRow:
    """A savings transaction as the passbook needs it (oldest first, by recording order)."""

    id: int
    on: date
    kind: str
    tx_type: str
    method: str
    amount: int
    teller_name: str


def _book(row: sqlite3.Row) -> BookRow:
    return BookRow(
        row["id"],
        row["member_id"],
        row["number"],
        row["model_id"],
        row["replaces_id"],
        row["reason"],
        row["issued_at"],
    )


def _line(row: sqlite3.Row) -> PrintedLine:
    entry = Entry(
        row["tx_id"],
        date.fromisoformat(row["tx_date"]),
        row["code"],
        row["debit"],
        row["credit"],
        row["balance"],
        row["teller"],
    )
    return PrintedLine(row["id"], Position(row["page"], row["line"]), entry)


class PassbookRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- models -------------------------------------------------------------------------------
    def models(self, kind: str) -> list[tuple[int, Layout]]:
        rows = self.db.rows(
            "SELECT id, layout FROM passbook_models WHERE kind = ? ORDER BY id", (kind,)
        )
        return [(r["id"], Layout.from_json(r["layout"])) for r in rows]

    def model(self, model_id: int) -> Layout | None:
        text = self.db.scalar("SELECT layout FROM passbook_models WHERE id = ?", (model_id,))
        return Layout.from_json(text) if text else None

    def insert_model(self, kind: str, layout: Layout) -> int:
        cursor = self.db.execute(
            "INSERT INTO passbook_models (kind, name, layout, updated_at) VALUES (?, ?, ?, ?)",
            (kind, layout.name, layout.to_json(), now_text()),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def update_model(self, model_id: int, layout: Layout) -> None:
        self.db.execute(
            "UPDATE passbook_models SET name = ?, layout = ?, updated_at = ? WHERE id = ?",
            (layout.name, layout.to_json(), now_text(), model_id),
        )

    def model_name_taken(self, name: str, other_than: int | None) -> bool:
        found = self.db.scalar(
            "SELECT id FROM passbook_models WHERE name = ? AND id IS DISTINCT FROM ?",
            (name, other_than),
        )
        return found is not None

    # -- books --------------------------------------------------------------------------------
    def books(self, member_id: int) -> list[BookRow]:
        rows = self.db.rows("SELECT * FROM passbooks WHERE member_id = ? ORDER BY id", (member_id,))
        return [_book(r) for r in rows]

    def book(self, book_id: int) -> BookRow | None:
        row = self.db.one("SELECT * FROM passbooks WHERE id = ?", (book_id,))
        return _book(row) if row else None

    def insert_book(
        self,
        member_id: int,
        model_id: int,
        replaces_id: int | None,
        reason: str,
        note: str,
        user_id: int | None,
    ) -> int:
        seq = sequences.next_value(self.db, BOOK_SEQUENCE, 0)
        cursor = self.db.execute(
            "INSERT INTO passbooks (member_id, number, model_id, replaces_id, reason, note,"
            " issued_at, issued_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (member_id, f"BS-{seq:06d}", model_id, replaces_id, reason, note, now_text(), user_id),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    # -- lines --------------------------------------------------------------------------------
    def lines(self, book_id: int) -> list[PrintedLine]:
        rows = self.db.rows(
            "SELECT * FROM passbook_lines WHERE passbook_id = ? ORDER BY page, line", (book_id,)
        )
        return [_line(r) for r in rows]

    def last_position(self, book_id: int) -> Position | None:
        row = self.db.one(
            "SELECT page, line FROM passbook_lines WHERE passbook_id = ? "
            "ORDER BY page DESC, line DESC LIMIT 1",
            (book_id,),
        )
        return Position(row["page"], row["line"]) if row else None

    def last_balance(self, member_id: int) -> int | None:
        """The balance on the member's last printed line, in any book."""
        return self.db.scalar(  # type: ignore[no-any-return]
            "SELECT l.balance FROM passbook_lines l JOIN passbooks b ON b.id = l.passbook_id "
            "WHERE b.member_id = ? ORDER BY l.id DESC LIMIT 1",
            (member_id,),
        )

    def insert_line(self, book_id: int, pos: Position, entry: Entry, user_id: int | None) -> int:
        cursor = self.db.execute(
            "INSERT INTO passbook_lines (passbook_id, page, line, tx_id, tx_date, code, debit,"
            " credit, balance, teller, printed_at, printed_by)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                book_id,
                pos.page,
                pos.line,
                entry.source_id,
                entry.on.isoformat(),
                entry.code,
                entry.debit,
                entry.credit,
                entry.balance,
                entry.teller,
                now_text(),
                user_id,
            ),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def insert_reprint(
        self, book_id: int, from_id: int, to_id: int, reason: str, user_id: int | None
    ) -> int:
        cursor = self.db.execute(
            "INSERT INTO passbook_reprints (passbook_id, from_line_id, to_line_id, reason,"
            " printed_at, printed_by) VALUES (?, ?, ?, ?, ?, ?)",
            (book_id, from_id, to_id, reason, now_text(), user_id),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    # -- savings ------------------------------------------------------------------------------
    def transactions(self, member_id: int) -> list[TxRow]:
        """All the member's savings transactions in recording order, with the teller's name."""
        rows = self.db.rows(
            "SELECT s.id, s.tx_date, s.kind, s.tx_type, s.method, s.amount,"
            " coalesce(u.full_name, '') AS teller FROM savings_transactions s"
            " LEFT JOIN users u ON u.id = s.created_by WHERE s.member_id = ? ORDER BY s.id",
            (member_id,),
        )
        return [
            TxRow(
                r["id"],
                date.fromisoformat(r["tx_date"]),
                r["kind"],
                r["tx_type"],
                r["method"],
                r["amount"],
                r["teller"],
            )
            for r in rows
        ]

    def busiest_member(self) -> int | None:
        """The member with the most savings transactions (for the samples)."""
        return self.db.scalar(  # type: ignore[no-any-return]
            "SELECT member_id FROM savings_transactions GROUP BY member_id "
            "ORDER BY count(*) DESC, member_id LIMIT 1"
        )

    def printed_tx_ids(self, member_id: int) -> set[int]:
        rows = self.db.rows(
            "SELECT l.tx_id FROM passbook_lines l JOIN passbooks b ON b.id = l.passbook_id "
            "WHERE b.member_id = ? AND l.tx_id IS NOT NULL",
            (member_id,),
        )
        return {r["tx_id"] for r in rows}

    # -- receipt paper per printer --------------------------------------------------------------
    def paper(self, printer: str) -> str | None:
        return self.db.scalar(  # type: ignore[no-any-return]
            "SELECT paper FROM printer_papers WHERE printer = ?", (printer,)
        )

    def set_paper(self, printer: str, paper: str) -> None:
        self.db.execute(
            "INSERT INTO printer_papers (printer, paper, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (printer) DO UPDATE SET paper = excluded.paper,"
            " updated_at = excluded.updated_at",
            (printer, paper, now_text()),
        )
