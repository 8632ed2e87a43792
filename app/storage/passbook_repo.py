"""Passbook storage: models (layouts), books, printed lines, reprints, receipt paper (portable
SQL: runs on both engines)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.clock import now_text
from app.passbook.engine import Entry
from app.passbook.layout import Layout, Position
from app.passbook.models import BookRow, PrintedLine
from app.storage import sequences
from app.storage.engine import Engine, Row

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


def _book(row: Row) -> BookRow:
    return BookRow(
        row["id"],
        row["member_id"],
        row["number"],
        row["model_id"],
        row["replaces_id"],
        row["reason"],
        row["issued_at"],
    )


def _line(row: Row) -> PrintedLine:
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
    def __init__(self, db: Engine) -> None:
        self.db = db

    # -- models -------------------------------------------------------------------------------
    def models(self, kind: str) -> list[tuple[int, Layout]]:
        rows = self.db.rows(
            "SELECT id, layout FROM passbook_models WHERE kind = :kind ORDER BY id", {"kind": kind}
        )
        return [(r["id"], Layout.from_json(r["layout"])) for r in rows]

    def model(self, model_id: int) -> Layout | None:
        text = self.db.scalar("SELECT layout FROM passbook_models WHERE id = :id", {"id": model_id})
        return Layout.from_json(text) if text else None

    def insert_model(self, kind: str, layout: Layout) -> int:
        return self.db.insert_id(
            "INSERT INTO passbook_models (kind, name, layout, updated_at)"
            " VALUES (:kind, :name, :layout, :at) RETURNING id",
            {"kind": kind, "name": layout.name, "layout": layout.to_json(), "at": now_text()},
        )

    def update_model(self, model_id: int, layout: Layout) -> None:
        self.db.run(
            "UPDATE passbook_models SET name = :name, layout = :layout, updated_at = :at"
            " WHERE id = :id",
            {"name": layout.name, "layout": layout.to_json(), "at": now_text(), "id": model_id},
        )

    def model_name_taken(self, name: str, other_than: int | None) -> bool:
        found = self.db.scalar(
            "SELECT id FROM passbook_models WHERE name = :name AND id IS DISTINCT FROM :id",
            {"name": name, "id": other_than},
        )
        return found is not None

    # -- books --------------------------------------------------------------------------------
    def books(self, member_id: int) -> list[BookRow]:
        rows = self.db.rows(
            "SELECT * FROM passbooks WHERE member_id = :m ORDER BY id", {"m": member_id}
        )
        return [_book(r) for r in rows]

    def book(self, book_id: int) -> BookRow | None:
        row = self.db.one("SELECT * FROM passbooks WHERE id = :id", {"id": book_id})
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
        return self.db.insert_id(
            "INSERT INTO passbooks (member_id, number, model_id, replaces_id, reason, note,"
            " issued_at, issued_by) VALUES (:member_id, :number, :model_id, :replaces_id,"
            " :reason, :note, :issued_at, :issued_by) RETURNING id",
            {
                "member_id": member_id,
                "number": f"BS-{seq:06d}",
                "model_id": model_id,
                "replaces_id": replaces_id,
                "reason": reason,
                "note": note,
                "issued_at": now_text(),
                "issued_by": user_id,
            },
        )

    # -- lines --------------------------------------------------------------------------------
    def lines(self, book_id: int) -> list[PrintedLine]:
        rows = self.db.rows(
            "SELECT * FROM passbook_lines WHERE passbook_id = :b ORDER BY page, line",
            {"b": book_id},
        )
        return [_line(r) for r in rows]

    def last_position(self, book_id: int) -> Position | None:
        row = self.db.one(
            "SELECT page, line FROM passbook_lines WHERE passbook_id = :b "
            "ORDER BY page DESC, line DESC LIMIT 1",
            {"b": book_id},
        )
        return Position(row["page"], row["line"]) if row else None

    def last_balance(self, member_id: int) -> int | None:
        """The balance on the member's last printed line, in any book."""
        return self.db.scalar(  # type: ignore[no-any-return]
            "SELECT l.balance FROM passbook_lines l JOIN passbooks b ON b.id = l.passbook_id "
            "WHERE b.member_id = :m ORDER BY l.id DESC LIMIT 1",
            {"m": member_id},
        )

    def insert_line(self, book_id: int, pos: Position, entry: Entry, user_id: int | None) -> int:
        return self.db.insert_id(
            "INSERT INTO passbook_lines (passbook_id, page, line, tx_id, tx_date, code, debit,"
            " credit, balance, teller, printed_at, printed_by)"
            " VALUES (:passbook_id, :page, :line, :tx_id, :tx_date, :code, :debit, :credit,"
            " :balance, :teller, :printed_at, :printed_by) RETURNING id",
            {
                "passbook_id": book_id,
                "page": pos.page,
                "line": pos.line,
                "tx_id": entry.source_id,
                "tx_date": entry.on.isoformat(),
                "code": entry.code,
                "debit": entry.debit,
                "credit": entry.credit,
                "balance": entry.balance,
                "teller": entry.teller,
                "printed_at": now_text(),
                "printed_by": user_id,
            },
        )

    def insert_reprint(
        self, book_id: int, from_id: int, to_id: int, reason: str, user_id: int | None
    ) -> int:
        return self.db.insert_id(
            "INSERT INTO passbook_reprints (passbook_id, from_line_id, to_line_id, reason,"
            " printed_at, printed_by) VALUES (:b, :from_id, :to_id, :reason, :at, :by)"
            " RETURNING id",
            {
                "b": book_id,
                "from_id": from_id,
                "to_id": to_id,
                "reason": reason,
                "at": now_text(),
                "by": user_id,
            },
        )

    # -- savings ------------------------------------------------------------------------------
    def transactions(self, member_id: int) -> list[TxRow]:
        """All the member's savings transactions in recording order, with the teller's name."""
        rows = self.db.rows(
            "SELECT s.id, s.tx_date, s.kind, s.tx_type, s.method, s.amount,"
            " coalesce(u.full_name, '') AS teller FROM savings_transactions s"
            " LEFT JOIN users u ON u.id = s.created_by WHERE s.member_id = :m ORDER BY s.id",
            {"m": member_id},
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
            "WHERE b.member_id = :m AND l.tx_id IS NOT NULL",
            {"m": member_id},
        )
        return {r["tx_id"] for r in rows}

    # -- receipt paper per printer --------------------------------------------------------------
    def paper(self, printer: str) -> str | None:
        return self.db.scalar(  # type: ignore[no-any-return]
            "SELECT paper FROM printer_papers WHERE printer = :p", {"p": printer}
        )

    def set_paper(self, printer: str, paper: str) -> None:
        self.db.run(
            "INSERT INTO printer_papers (printer, paper, updated_at) VALUES (:p, :paper, :at) "
            "ON CONFLICT (printer) DO UPDATE SET paper = excluded.paper,"
            " updated_at = excluded.updated_at",
            {"p": printer, "paper": paper, "at": now_text()},
        )
