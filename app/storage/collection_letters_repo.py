"""Letters sent for a case (SP1–SP3, Surat Panggilan, Berita Acara …), with their delivery
(portable SQL: runs on both engines)."""

from __future__ import annotations

from datetime import date

from app.clock import now_text
from app.collection.models import Letter, LetterDraft, LetterKind
from app.storage.engine import Engine, Row


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _letter(row: Row) -> Letter:
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
    db: Engine

    # -- letters ------------------------------------------------------------------------------
    def insert_letter(
        self, case_id: int, loan_id: int, draft: LetterDraft, user_id: int | None
    ) -> int:
        stamp = now_text()
        return self.db.insert_id(
            "INSERT INTO case_letters (case_id, loan_id, kind, number, letter_date, sent_on,"
            " delivery_method, received_by, pay_by, document_ref, note, created_by,"
            " created_at, updated_at) VALUES (:case_id, :loan_id, :kind, :number,"
            " :letter_date, :sent_on, :delivery_method, :received_by, :pay_by, :document_ref,"
            " :note, :created_by, :created_at, :updated_at) RETURNING id",
            {
                "case_id": case_id,
                "loan_id": loan_id,
                "kind": draft.kind.value,
                "number": draft.number,
                "letter_date": draft.letter_date.isoformat(),
                "sent_on": _iso(draft.sent_on),
                "delivery_method": draft.delivery_method,
                "received_by": draft.received_by,
                "pay_by": _iso(draft.pay_by),
                "document_ref": draft.document_ref,
                "note": draft.note,
                "created_by": user_id,
                "created_at": stamp,
                "updated_at": stamp,
            },
        )

    def update_delivery(
        self, letter_id: int, sent_on: date, method: str, received_by: str, pay_by: date | None
    ) -> None:
        self.db.run(
            "UPDATE case_letters SET sent_on = :sent_on, delivery_method = :method,"
            " received_by = :received_by, pay_by = coalesce(:pay_by, pay_by),"
            " updated_at = :updated_at WHERE id = :id",
            {
                "sent_on": sent_on.isoformat(),
                "method": method,
                "received_by": received_by,
                "pay_by": _iso(pay_by),
                "updated_at": now_text(),
                "id": letter_id,
            },
        )

    def letter(self, letter_id: int) -> Letter | None:
        row = self.db.one("SELECT * FROM case_letters WHERE id = :id", {"id": letter_id})
        return _letter(row) if row else None

    def letters_of_case(self, case_id: int) -> list[Letter]:
        rows = self.db.rows(
            "SELECT * FROM case_letters WHERE case_id = :case ORDER BY letter_date, id",
            {"case": case_id},
        )
        return [_letter(r) for r in rows]

    def letters_of_loan(self, loan_id: int) -> list[Letter]:
        rows = self.db.rows(
            "SELECT * FROM case_letters WHERE loan_id = :loan ORDER BY letter_date, id",
            {"loan": loan_id},
        )
        return [_letter(r) for r in rows]

    def sent_letters(self) -> dict[int, dict[str, date]]:
        """Loan id -> letter kind -> the latest date a letter of that kind was sent: from the
        letters register and from contacts logged as a letter (channel surat with a kind)."""
        rows = self.db.rows(
            "SELECT loan_id, kind, max(sent) AS sent FROM ("
            " SELECT loan_id, kind, sent_on AS sent FROM case_letters WHERE sent_on IS NOT NULL"
            " UNION ALL SELECT k.loan_id, k.letter_kind, substr(k.contact_at, 1, 10)"
            " FROM case_contacts k WHERE k.channel = 'surat' AND k.letter_kind IS NOT NULL"
            " AND NOT EXISTS (SELECT 1 FROM case_contacts n WHERE n.corrects_id = k.id)) AS s"
            " GROUP BY loan_id, kind"
        )
        result: dict[int, dict[str, date]] = {}
        for r in rows:
            result.setdefault(r["loan_id"], {})[r["kind"]] = date.fromisoformat(r["sent"])
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
            f"SELECT kind, {when} AS d FROM case_letters WHERE {column} = :key"
            f" AND {when} IS NOT NULL"
            " UNION ALL SELECT k.letter_kind, substr(k.contact_at, 1, 10) FROM case_contacts k"
            f" WHERE k.{column} = :key AND k.channel = 'surat' AND k.letter_kind IS NOT NULL"
            " AND NOT EXISTS (SELECT 1 FROM case_contacts n WHERE n.corrects_id = k.id)",
            {"key": key},
        )
        found: dict[str, list[date]] = {}
        for r in rows:
            found.setdefault(r["kind"], []).append(date.fromisoformat(r["d"]))
        return {kind: sorted(dates) for kind, dates in found.items()}
