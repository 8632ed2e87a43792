"""Letters sent for a case (SP1–SP3, Surat Panggilan, Berita Acara …), with their delivery."""

from __future__ import annotations

import sqlite3
from datetime import date

from app.clock import now_text
from app.collection.models import Letter, LetterDraft, LetterKind
from app.storage.db import Database


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _letter(row: sqlite3.Row) -> Letter:
    return Letter(
        id=row["id"],
        case_id=row["case_id"],
        loan_id=row["loan_id"],
        kind=LetterKind(row["kind"]),
        number=row["number"],
        letter_date=date.fromisoformat(row["letter_date"]),
        sent_on=_date(row["sent_on"]),
        delivery_method=row["delivery_method"],
        received_by=row["received_by"],
        pay_by=_date(row["pay_by"]),
        document_ref=row["document_ref"],
        note=row["note"],
        created_by=row["created_by"],
    )


class LettersRepository:
    db: Database

    # -- letters ------------------------------------------------------------------------------
    def insert_letter(
        self, case_id: int, loan_id: int, draft: LetterDraft, user_id: int | None
    ) -> int:
        stamp = now_text()
        cursor = self.db.execute(
            "INSERT INTO case_letters (case_id, loan_id, kind, number, letter_date, sent_on,"
            " delivery_method, received_by, pay_by, document_ref, note, created_by,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                case_id,
                loan_id,
                draft.kind.value,
                draft.number,
                draft.letter_date.isoformat(),
                _iso(draft.sent_on),
                draft.delivery_method,
                draft.received_by,
                _iso(draft.pay_by),
                draft.document_ref,
                draft.note,
                user_id,
                stamp,
                stamp,
            ),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def update_delivery(
        self, letter_id: int, sent_on: date, method: str, received_by: str, pay_by: date | None
    ) -> None:
        self.db.execute(
            "UPDATE case_letters SET sent_on = ?, delivery_method = ?, received_by = ?,"
            " pay_by = coalesce(?, pay_by), updated_at = ? WHERE id = ?",
            (sent_on.isoformat(), method, received_by, _iso(pay_by), now_text(), letter_id),
        )

    def letter(self, letter_id: int) -> Letter | None:
        row = self.db.one("SELECT * FROM case_letters WHERE id = ?", (letter_id,))
        return _letter(row) if row else None

    def letters_of_case(self, case_id: int) -> list[Letter]:
        rows = self.db.rows(
            "SELECT * FROM case_letters WHERE case_id = ? ORDER BY letter_date, id", (case_id,)
        )
        return [_letter(r) for r in rows]

    def letters_of_loan(self, loan_id: int) -> list[Letter]:
        rows = self.db.rows(
            "SELECT * FROM case_letters WHERE loan_id = ? ORDER BY letter_date, id", (loan_id,)
        )
        return [_letter(r) for r in rows]

    def sent_letters(self) -> dict[int, dict[str, date]]:
        """Loan id -> letter kind -> the latest date a letter of that kind was sent: from the
        letters register and from contacts logged as a letter (channel surat with a kind)."""
        rows = self.db.rows(
            "SELECT loan_id, kind, max(sent) FROM ("
            " SELECT loan_id, kind, sent_on AS sent FROM case_letters WHERE sent_on IS NOT NULL"
            " UNION ALL SELECT k.loan_id, k.letter_kind, substr(k.contact_at, 1, 10)"
            " FROM case_contacts k WHERE k.channel = 'surat' AND k.letter_kind IS NOT NULL"
            " AND NOT EXISTS (SELECT 1 FROM case_contacts n WHERE n.corrects_id = k.id))"
            " GROUP BY loan_id, kind"
        )
        result: dict[int, dict[str, date]] = {}
        for r in rows:
            result.setdefault(r[0], {})[r[1]] = date.fromisoformat(r[2])
        return result

    def sp_dates(
        self, *, case_id: int | None = None, loan_id: int | None = None, sent_only: bool = False
    ) -> dict[str, list[date]]:
        """Letter kind -> the dates of every such letter of one case (or loan): a letter's
        sent date, or its letter date when it is not sent yet (unless `sent_only`), and
        contacts logged as a letter (not corrected)."""
        column, key = ("case_id", case_id) if case_id is not None else ("loan_id", loan_id)
        when = "sent_on" if sent_only else "coalesce(sent_on, letter_date)"
        rows = self.db.rows(
            f"SELECT kind, {when} FROM case_letters WHERE {column} = ? AND {when} IS NOT NULL"
            " UNION ALL SELECT k.letter_kind, substr(k.contact_at, 1, 10) FROM case_contacts k"
            f" WHERE k.{column} = ? AND k.channel = 'surat' AND k.letter_kind IS NOT NULL"
            " AND NOT EXISTS (SELECT 1 FROM case_contacts n WHERE n.corrects_id = k.id)",
            (key, key),
        )
        found: dict[str, list[date]] = {}
        for r in rows:
            found.setdefault(r[0], []).append(date.fromisoformat(r[1]))
        return {kind: sorted(dates) for kind, dates in found.items()}
