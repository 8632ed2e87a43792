"""A case's contacts with their causes and attachments, and each case's latest contact still in
force (portable SQL: runs on both engines)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from app.clock import now_text
from app.collection.models import (
    Attachment,
    Channel,
    Contact,
    ContactDraft,
    LetterKind,
    MetRole,
)
from app.storage.collection_case_reads_repo import codes
from app.storage.collection_letters_repo import _date, _iso
from app.storage.dialect import Dialect
from app.storage.engine import Engine, Row


def contact_select(dialect: Dialect) -> str:
    """A contact with its officer, the contact correcting it (if any) and its cause codes."""
    causes = dialect.string_agg("s.code")
    return (
        "SELECT k.*, coalesce(u.full_name, '') AS officer_name, n.id AS corrected_by_id,"
        f" (SELECT {causes} FROM (SELECT code FROM contact_causes x"
        "   WHERE x.contact_id = k.id ORDER BY code) AS s) AS cause_codes"
        " FROM case_contacts k LEFT JOIN users u ON u.id = k.officer_id"
        " LEFT JOIN case_contacts n ON n.corrects_id = k.id "
    )


def contact_of(row: Row, attachments: tuple[Attachment, ...]) -> Contact:
    return Contact(
        id=row["id"],
        case_id=row["case_id"],
        contact_at=datetime.fromisoformat(row["contact_at"]),
        channel=Channel(row["channel"]),
        met_role=MetRole(row["met_role"]),
        met_name=row["met_name"],
        officer_id=row["officer_id"],
        officer_name=row["officer_name"],
        member_said=row["member_said"],
        causes=codes(row["cause_codes"]),
        offer=row["offer"],
        member_answer=row["member_answer"],
        agreed=row["agreed"],
        next_step=row["next_step"],
        next_step_date=_date(row["next_step_date"]),
        letter_kind=LetterKind(row["letter_kind"]) if row["letter_kind"] else None,
        corrects_id=row["corrects_id"],
        correction_reason=row["correction_reason"],
        corrected_by_id=row["corrected_by_id"],
        attachments=attachments,
        created_by=row["created_by"],
        created_at=row["created_at"],
    )


def attachment_of(row: Row) -> Attachment:
    return Attachment(
        id=row["id"],
        contact_id=row["contact_id"],
        rel_path=row["rel_path"],
        sha256=row["sha256"],
        original_name=row["original_name"],
        size=row["size"],
    )


class ContactsRepository:
    db: Engine

    def insert_contact(
        self, draft: ContactDraft, loan_id: int, officer_id: int, user_id: int | None
    ) -> int:
        contact_id = self.db.insert_id(
            "INSERT INTO case_contacts (case_id, loan_id, contact_at, channel, met_role,"
            " met_name, officer_id, member_said, offer, member_answer, agreed, next_step,"
            " next_step_date, letter_kind, corrects_id, correction_reason, created_by,"
            " created_at) VALUES (:case_id, :loan_id, :contact_at, :channel, :met_role,"
            " :met_name, :officer_id, :member_said, :offer, :member_answer, :agreed,"
            " :next_step, :next_step_date, :letter_kind, :corrects_id, :correction_reason,"
            " :created_by, :created_at) RETURNING id",
            {
                "case_id": draft.case_id,
                "loan_id": loan_id,
                "contact_at": draft.contact_at.replace(microsecond=0).isoformat(),
                "channel": draft.channel.value,
                "met_role": draft.met_role.value,
                "met_name": draft.met_name,
                "officer_id": officer_id,
                "member_said": draft.member_said,
                "offer": draft.offer,
                "member_answer": draft.member_answer,
                "agreed": draft.agreed,
                "next_step": draft.next_step,
                "next_step_date": _iso(draft.next_step_date),
                "letter_kind": draft.letter_kind.value if draft.letter_kind else None,
                "corrects_id": draft.corrects_id,
                "correction_reason": draft.correction_reason,
                "created_by": user_id,
                "created_at": now_text(),
            },
        )
        for code in sorted(set(draft.causes)):
            self.db.run(
                "INSERT INTO contact_causes (contact_id, code) VALUES (:contact, :code)",
                {"contact": contact_id, "code": code},
            )
        return contact_id

    def insert_attachment(
        self, contact_id: int, rel_path: str, sha256: str, original_name: str, size: int
    ) -> None:
        self.db.run(
            "INSERT INTO contact_attachments (contact_id, rel_path, sha256, original_name, size,"
            " created_at) VALUES (:contact, :rel_path, :sha256, :original_name, :size, :at)",
            {
                "contact": contact_id,
                "rel_path": rel_path,
                "sha256": sha256,
                "original_name": original_name,
                "size": size,
                "at": now_text(),
            },
        )

    def contact(self, contact_id: int) -> Contact | None:
        rows = self._contacts("k.id = :id", {"id": contact_id})
        return rows[0] if rows else None

    def contacts(self, case_id: int) -> list[Contact]:
        return self._contacts("k.case_id = :case", {"case": case_id})

    def contacts_between(self, start: date, end: date) -> list[Contact]:
        """Every contact in [start, end] (by contact date), corrections included."""
        return self._contacts(
            "k.contact_at >= :start AND k.contact_at < :end",
            {"start": start.isoformat(), "end": date.fromordinal(end.toordinal() + 1).isoformat()},
        )

    def _contacts(self, where: str, params: dict[str, Any]) -> list[Contact]:
        rows = self.db.rows(
            contact_select(self.db.dialect) + f"WHERE {where} ORDER BY k.contact_at, k.id", params
        )
        if not rows:
            return []
        ids = {f"c{i}": r["id"] for i, r in enumerate(rows)}
        found: dict[int, list[Attachment]] = {}
        for a in self.db.rows(
            "SELECT * FROM contact_attachments"
            f" WHERE contact_id IN ({', '.join(':' + k for k in ids)}) ORDER BY id",
            ids,
        ):
            found.setdefault(a["contact_id"], []).append(attachment_of(a))
        return [contact_of(r, tuple(found.get(r["id"], ()))) for r in rows]

    def latest_contacts(self) -> dict[int, Contact]:
        """Case id -> its latest contact still in force (not superseded by a correction)."""
        rows = self.db.rows(
            contact_select(self.db.dialect)
            + "WHERE n.id IS NULL AND k.id = (SELECT y.id FROM case_contacts y"
            " WHERE y.case_id = k.case_id AND NOT EXISTS (SELECT 1 FROM case_contacts z"
            " WHERE z.corrects_id = y.id) ORDER BY y.contact_at DESC, y.id DESC LIMIT 1)"
        )
        return {r["case_id"]: contact_of(r, ()) for r in rows}
