"""Cases, their own events, contacts (with causes and attachments), promises and letters."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from app.clock import now_text
from app.collection.models import (
    Attachment,
    Case,
    CaseStatus,
    Channel,
    CollateralStatus,
    Contact,
    ContactDraft,
    LetterKind,
    MetRole,
    Promise,
)
from app.storage.collection_cases_repo import CaseWrites
from app.storage.collection_letters_repo import LettersRepository, _date, _iso
from app.storage.db import Database
from app.storage.exact_match import exact_params

_CASE_SELECT = (
    "SELECT c.*, coalesce(l.number, l.application_no) AS loan_number, m.number AS member_number,"
    " m.name AS member_name, coalesce(u.full_name, '') AS officer_name,"
    " (SELECT group_concat(code, ',') FROM (SELECT code FROM case_causes x"
    "   WHERE x.case_id = c.id ORDER BY code)) AS cause_codes"
    " FROM collection_cases c JOIN loans l ON l.id = c.loan_id"
    " JOIN members m ON m.id = c.member_id LEFT JOIN users u ON u.id = c.officer_id "
)

_EXACT = (
    "(m.number = ? COLLATE NOCASE OR m.nik = ? OR c.number = ? COLLATE NOCASE"
    " OR l.number = ? COLLATE NOCASE OR l.application_no = ? COLLATE NOCASE OR m.phone = ?)"
)


def _case(row: sqlite3.Row) -> Case:
    return Case(
        id=row["id"],
        number=row["number"],
        loan_id=row["loan_id"],
        loan_number=row["loan_number"],
        member_id=row["member_id"],
        member_number=row["member_number"],
        member_name=row["member_name"],
        status=CaseStatus(row["status"]),
        opened_on=date.fromisoformat(row["opened_on"]),
        opened_how=row["opened_how"],
        open_reason=row["open_reason"],
        officer_id=row["officer_id"],
        officer_name=row["officer_name"],
        collateral_status=CollateralStatus(row["collateral_status"]),
        collateral_note=row["collateral_note"],
        causes=tuple(row["cause_codes"].split(",")) if row["cause_codes"] else (),
        closed_on=_date(row["closed_on"]),
        close_reason=row["close_reason"],
    )


_CONTACT_SELECT = (
    "SELECT k.*, coalesce(u.full_name, '') AS officer_name, n.id AS corrected_by_id,"
    " (SELECT group_concat(code, ',') FROM (SELECT code FROM contact_causes x"
    "   WHERE x.contact_id = k.id ORDER BY code)) AS cause_codes"
    " FROM case_contacts k LEFT JOIN users u ON u.id = k.officer_id"
    " LEFT JOIN case_contacts n ON n.corrects_id = k.id "
)


def _contact(row: sqlite3.Row, attachments: tuple[Attachment, ...]) -> Contact:
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
        causes=tuple(row["cause_codes"].split(",")) if row["cause_codes"] else (),
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


_PROMISE_SELECT = (
    "SELECT p.*, k.officer_id, coalesce(u.full_name, '') AS officer_name, c.member_id,"
    " x.cancelled_on, coalesce(x.reason, '') AS cancel_reason, x.decision_id AS cancel_decision"
    " FROM case_promises p JOIN case_contacts k ON k.id = p.contact_id"
    " JOIN collection_cases c ON c.id = p.case_id LEFT JOIN users u ON u.id = k.officer_id"
    " LEFT JOIN promise_cancellations x ON x.promise_id = p.id "
)


def _promise(row: sqlite3.Row) -> Promise:
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


class CollectionRepository(LettersRepository, CaseWrites):
    db: Database  # the letters and case writes are portable; this class is not yet

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- cases --------------------------------------------------------------------------------
    def case(self, case_id: int) -> Case | None:
        row = self.db.one(_CASE_SELECT + "WHERE c.id = ?", (case_id,))
        return _case(row) if row else None

    def case_snapshot(self, case_id: int) -> dict[str, Any]:
        row = self.db.one("SELECT * FROM collection_cases WHERE id = ?", (case_id,))
        return dict(row) if row else {}

    def open_case_of_loan(self, loan_id: int) -> Case | None:
        row = self.db.one(
            _CASE_SELECT + "WHERE c.loan_id = ? AND c.status <> 'selesai'", (loan_id,)
        )
        return _case(row) if row else None

    def cases_of_loan(self, loan_id: int) -> list[Case]:
        rows = self.db.rows(_CASE_SELECT + "WHERE c.loan_id = ? ORDER BY c.id", (loan_id,))
        return [_case(r) for r in rows]

    def cases(
        self, statuses: Sequence[str] = (), officer_id: int | None = None, text: str = ""
    ) -> list[Case]:
        where: list[str] = []
        params: list[Any] = []
        if statuses:
            where.append(f"c.status IN ({', '.join('?' for _ in statuses)})")
            params += list(statuses)
        else:
            where.append("c.status <> 'selesai'")
        if officer_id is not None:
            where.append("c.officer_id = ?")
            params.append(officer_id)
        first = ""
        if text.strip():
            like = f"%{text.strip()}%"
            exact = exact_params(text)
            where.append(
                "(m.name LIKE ? OR m.number LIKE ? OR c.number LIKE ? OR l.number LIKE ?"
                " OR l.application_no LIKE ? OR m.nik = ? OR m.phone = ?)"
            )
            params += [like] * 5 + [exact["exact"], exact["exact_phone"]]
            # An exact member, NIK, phone, case or loan number is always the first row.
            first = f"CASE WHEN {_EXACT} THEN 0 ELSE 1 END, "
            params += [exact["exact"]] * 5 + [exact["exact_phone"]]
        rows = self.db.rows(
            _CASE_SELECT + f"WHERE {' AND '.join(where)} ORDER BY {first}c.opened_on, c.id", params
        )
        return [_case(r) for r in rows]

    def exact_case_ids(self, text: str) -> set[int]:
        """Cases whose member, NIK, phone, case or loan number is exactly `text`."""
        if not text.strip():
            return set()
        exact = exact_params(text)
        rows = self.db.rows(
            "SELECT c.id FROM collection_cases c JOIN loans l ON l.id = c.loan_id"
            f" JOIN members m ON m.id = c.member_id WHERE {_EXACT}",
            [exact["exact"]] * 5 + [exact["exact_phone"]],
        )
        return {r[0] for r in rows}

    def member_loans(self, member_id: int) -> list[tuple[int, str, date | None, int | None]]:
        """The member's loans as (id, number, disbursed on, loan it replaces), oldest first."""
        rows = self.db.rows(
            "SELECT id, coalesce(number, application_no), disbursed_on, replaces_loan_id"
            " FROM loans WHERE member_id = ? ORDER BY id",
            (member_id,),
        )
        return [(r[0], r[1], _date(r[2]), r[3]) for r in rows]

    def loans_with_open_case(self) -> set[int]:
        rows = self.db.rows("SELECT loan_id FROM collection_cases WHERE status <> 'selesai'")
        return {r[0] for r in rows}

    def add_causes(self, case_id: int, codes: Sequence[str], user_id: int | None) -> list[str]:
        """Add cause codes to a case; returns those that were new."""
        added = []
        for code in codes:
            cursor = self.db.execute(
                "INSERT OR IGNORE INTO case_causes (case_id, code, added_by, added_at)"
                " VALUES (?, ?, ?, ?)",
                (case_id, code, user_id, now_text()),
            )
            if cursor.rowcount:
                added.append(code)
        return added

    def remove_cause(self, case_id: int, code: str) -> None:
        self.db.execute("DELETE FROM case_causes WHERE case_id = ? AND code = ?", (case_id, code))

    def add_event(
        self, case_id: int, kind: str, text: str, user_id: int | None, at: str | None = None
    ) -> None:
        self.db.execute(
            "INSERT INTO case_events (case_id, at, kind, text, user_id) VALUES (?, ?, ?, ?, ?)",
            (case_id, at or now_text(), kind, text, user_id),
        )

    def events(self, case_id: int) -> list[sqlite3.Row]:
        return self.db.rows(
            "SELECT e.*, coalesce(u.full_name, '') AS user_name FROM case_events e"
            " LEFT JOIN users u ON u.id = e.user_id WHERE e.case_id = ? ORDER BY e.at, e.id",
            (case_id,),
        )

    # -- contacts -----------------------------------------------------------------------------
    def insert_contact(
        self, draft: ContactDraft, loan_id: int, officer_id: int, user_id: int | None
    ) -> int:
        cursor = self.db.execute(
            "INSERT INTO case_contacts (case_id, loan_id, contact_at, channel, met_role,"
            " met_name, officer_id, member_said, offer, member_answer, agreed, next_step,"
            " next_step_date, letter_kind, corrects_id, correction_reason, created_by,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                draft.case_id,
                loan_id,
                draft.contact_at.replace(microsecond=0).isoformat(),
                draft.channel.value,
                draft.met_role.value,
                draft.met_name,
                officer_id,
                draft.member_said,
                draft.offer,
                draft.member_answer,
                draft.agreed,
                draft.next_step,
                _iso(draft.next_step_date),
                draft.letter_kind.value if draft.letter_kind else None,
                draft.corrects_id,
                draft.correction_reason,
                user_id,
                now_text(),
            ),
        )
        contact_id = cursor.lastrowid
        assert contact_id is not None
        self.db.sql.conn.executemany(
            "INSERT INTO contact_causes (contact_id, code) VALUES (?, ?)",
            [(contact_id, code) for code in sorted(set(draft.causes))],
        )
        return contact_id

    def insert_attachment(
        self, contact_id: int, rel_path: str, sha256: str, original_name: str, size: int
    ) -> None:
        self.db.execute(
            "INSERT INTO contact_attachments (contact_id, rel_path, sha256, original_name, size,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (contact_id, rel_path, sha256, original_name, size, now_text()),
        )

    def contact(self, contact_id: int) -> Contact | None:
        rows = self._contacts("k.id = ?", (contact_id,))
        return rows[0] if rows else None

    def contacts(self, case_id: int) -> list[Contact]:
        return self._contacts("k.case_id = ?", (case_id,))

    def contacts_between(self, start: date, end: date) -> list[Contact]:
        """Every contact in [start, end] (by contact date), corrections included."""
        return self._contacts(
            "k.contact_at >= ? AND k.contact_at < ?",
            (start.isoformat(), date.fromordinal(end.toordinal() + 1).isoformat()),
        )

    def _contacts(self, where: str, params: Sequence[Any]) -> list[Contact]:
        rows = self.db.rows(_CONTACT_SELECT + f"WHERE {where} ORDER BY k.contact_at, k.id", params)
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        found: dict[int, list[Attachment]] = {}
        for a in self.db.rows(
            f"SELECT * FROM contact_attachments WHERE contact_id IN ({', '.join('?' for _ in ids)})"
            " ORDER BY id",
            ids,
        ):
            found.setdefault(a["contact_id"], []).append(
                Attachment(
                    id=a["id"],
                    contact_id=a["contact_id"],
                    rel_path=a["rel_path"],
                    sha256=a["sha256"],
                    original_name=a["original_name"],
                    size=a["size"],
                )
            )
        return [_contact(r, tuple(found.get(r["id"], ()))) for r in rows]

    def latest_contacts(self) -> dict[int, Contact]:
        """Case id -> its latest contact still in force (not superseded by a correction)."""
        rows = self.db.rows(
            _CONTACT_SELECT + "WHERE n.id IS NULL AND k.id = (SELECT y.id FROM case_contacts y"
            " WHERE y.case_id = k.case_id AND NOT EXISTS (SELECT 1 FROM case_contacts z"
            " WHERE z.corrects_id = y.id) ORDER BY y.contact_at DESC, y.id DESC LIMIT 1)"
        )
        return {r["case_id"]: _contact(r, ()) for r in rows}

    # -- promises -----------------------------------------------------------------------------
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
        cursor = self.db.execute(
            "INSERT INTO case_promises (case_id, loan_id, contact_id, amount, made_on, due_date,"
            " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                case_id,
                loan_id,
                contact_id,
                amount,
                made_on.isoformat(),
                due_date.isoformat(),
                user_id,
                now_text(),
            ),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def cancel_promise(
        self,
        promise_id: int,
        on: date,
        reason: str,
        decision_id: int | None,
        user_id: int | None,
    ) -> None:
        self.db.execute(
            "INSERT INTO promise_cancellations (promise_id, cancelled_on, reason, decision_id,"
            " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (promise_id, on.isoformat(), reason, decision_id, user_id, now_text()),
        )

    def promise(self, promise_id: int) -> Promise | None:
        row = self.db.one(_PROMISE_SELECT + "WHERE p.id = ?", (promise_id,))
        return _promise(row) if row else None

    def loans_with_any_promise(self) -> list[int]:
        rows = self.db.rows("SELECT DISTINCT loan_id FROM case_promises ORDER BY loan_id")
        return [row[0] for row in rows]

    def promises_of_loan(self, loan_id: int) -> list[Promise]:
        rows = self.db.rows(
            _PROMISE_SELECT + "WHERE p.loan_id = ? ORDER BY p.due_date, p.id", (loan_id,)
        )
        return [_promise(r) for r in rows]

    def promises_of_case(self, case_id: int) -> list[Promise]:
        rows = self.db.rows(
            _PROMISE_SELECT + "WHERE p.case_id = ? ORDER BY p.due_date, p.id", (case_id,)
        )
        return [_promise(r) for r in rows]

    def loans_with_promises(self, due_from: date, due_to: date) -> list[int]:
        """Loans having a promise due in [due_from, due_to]."""
        rows = self.db.rows(
            "SELECT DISTINCT loan_id FROM case_promises WHERE due_date BETWEEN ? AND ?",
            (due_from.isoformat(), due_to.isoformat()),
        )
        return [r[0] for r in rows]

    def receipts(self, loan_id: int, since: date, until: date) -> list[tuple[int, date, int]]:
        """Receipts on the loan dated in [since, until], as (id, date, amount received),
        oldest first: loan payments never reversed (any method), and recoveries after hapus
        buku (their ids negated, so the two kinds never mix up)."""
        rows = self.db.rows(
            "SELECT e.id, e.event_date AS d, e.amount FROM loan_events e WHERE e.loan_id = :loan"
            " AND e.kind = 'pembayaran' AND e.event_date BETWEEN :since AND :until"
            " AND NOT EXISTS (SELECT 1 FROM loan_events r WHERE r.reverses_id = e.id)"
            " UNION ALL SELECT -f.id, f.event_date AS d, f.amount FROM collection_fin_events f"
            " WHERE f.loan_id = :loan AND f.kind = 'pemulihan'"
            " AND f.event_date BETWEEN :since AND :until ORDER BY d, 1",
            {"loan": loan_id, "since": since.isoformat(), "until": until.isoformat()},
        )
        return [(r[0], date.fromisoformat(r[1]), r[2]) for r in rows]

    def case_receipts(self, start: date, end: date) -> list[tuple[date, int, int | None, str]]:
        """Money received in [start, end] on loans while they had a case open, with the case's
        officer: (date, amount, officer id, officer name). Loan receipts never reversed, and
        recoveries after write-off."""
        rows = self.db.rows(
            "SELECT x.d, x.amount, c.officer_id, coalesce(u.full_name, '') FROM ("
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
        return [(date.fromisoformat(r[0]), r[1], r[2], r[3]) for r in rows]
