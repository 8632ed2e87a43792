"""Decisions with their votes and notes, the collection's financial events and the off-books
register (Daftar Ekstrakomptabel)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import date
from typing import Any

from app.clock import now_text
from app.collection.decision_models import (
    Decision,
    DecisionKind,
    DecisionNote,
    DecisionStatus,
    FinancialEvent,
    OffbookEntry,
    Vote,
)
from app.collection.drafts import NewDecision, NewFinEvent
from app.storage.db import Database


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


_DECISION_SELECT = (
    "SELECT d.*, coalesce(l.number, l.application_no) AS loan_number, m.name AS member_name,"
    " u.full_name AS proposer_name FROM collection_decisions d"
    " JOIN loans l ON l.id = d.loan_id JOIN members m ON m.id = l.member_id"
    " JOIN users u ON u.id = d.proposed_by "
)


def _fin_event(row: sqlite3.Row) -> FinancialEvent:
    return FinancialEvent(
        id=row["id"],
        loan_id=row["loan_id"],
        decision_id=row["decision_id"],
        kind=row["kind"],
        event_date=date.fromisoformat(row["event_date"]),
        amount=row["amount"],
        pokok=row["pokok"],
        jasa=row["jasa"],
        denda=row["denda"],
        receipt_no=row["receipt_no"],
        method=row["method"],
        debit=row["debit"],
        credit=row["credit"],
        note=row["note"],
        created_by=row["created_by"],
    )


_OFFBOOK_SELECT = (
    "SELECT o.*, coalesce(l.number, l.application_no) AS loan_number, m.number AS member_number,"
    " m.name AS member_name, d.number AS decision_number,"
    " (SELECT coalesce(sum(f.amount), 0) FROM collection_fin_events f WHERE f.loan_id = o.loan_id"
    "   AND f.kind = 'pemulihan' AND f.event_date <= :d) AS recovered"
    " FROM offbook_register o JOIN loans l ON l.id = o.loan_id"
    " JOIN members m ON m.id = o.member_id JOIN collection_decisions d ON d.id = o.decision_id "
)


def _offbook(row: sqlite3.Row) -> OffbookEntry:
    return OffbookEntry(
        loan_id=row["loan_id"],
        loan_number=row["loan_number"],
        member_id=row["member_id"],
        member_number=row["member_number"],
        member_name=row["member_name"],
        written_off_on=date.fromisoformat(row["written_off_on"]),
        decision_number=row["decision_number"],
        pokok=row["pokok"],
        jasa=row["jasa"],
        denda=row["denda"],
        recovered=row["recovered"],
        status=row["status"],
        closed_on=_date(row["closed_on"]),
        rat_number=row["rat_number"],
        rat_date=_date(row["rat_date"]),
    )


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


class DecisionsRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- decisions ----------------------------------------------------------------------------
    def insert(self, new: NewDecision) -> int:
        stamp = now_text()
        cursor = self.db.execute(
            "INSERT INTO collection_decisions (number, kind, case_id, loan_id, status, summary,"
            " payload, required_approvals, needs_pengawas, proposed_by, proposed_on,"
            " meeting_ref, meeting_date, expires_on, supersedes_id, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                new.number,
                new.kind.value,
                new.case_id,
                new.loan_id,
                DecisionStatus.DIUSULKAN.value,
                new.summary,
                json.dumps(new.payload, ensure_ascii=False, sort_keys=True),
                new.required_approvals,
                int(new.needs_pengawas),
                new.proposed_by,
                new.proposed_on.isoformat(),
                new.meeting_ref,
                _iso(new.meeting_date),
                _iso(new.expires_on),
                new.supersedes_id,
                stamp,
                stamp,
            ),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def set_status(
        self,
        decision_id: int,
        status: DecisionStatus,
        *,
        decided_on: date | None = None,
        executed_on: date | None = None,
    ) -> None:
        self.db.execute(
            "UPDATE collection_decisions SET status = ?, decided_on = coalesce(?, decided_on),"
            " executed_on = coalesce(?, executed_on), updated_at = ? WHERE id = ?",
            (
                status.value,
                decided_on.isoformat() if decided_on else None,
                executed_on.isoformat() if executed_on else None,
                now_text(),
                decision_id,
            ),
        )

    def set_meeting(self, decision_id: int, ref: str, on: date) -> None:
        """The board meeting (notulen) that decided it: filled in when approving."""
        self.db.execute(
            "UPDATE collection_decisions SET meeting_ref = ?, meeting_date = ?, updated_at = ?"
            " WHERE id = ?",
            (ref, on.isoformat(), now_text(), decision_id),
        )

    def insert_vote(
        self, decision_id: int, user_id: int, role: str, verdict: str, note: str, on: date
    ) -> None:
        self.db.execute(
            "INSERT INTO decision_votes (decision_id, user_id, role, verdict, note, on_date, at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (decision_id, user_id, role, verdict, note, on.isoformat(), now_text()),
        )

    def insert_note(self, decision_id: int, user_id: int, role: str, note: str, on: date) -> None:
        self.db.execute(
            "INSERT INTO decision_notes (decision_id, user_id, role, note, on_date, at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (decision_id, user_id, role, note, on.isoformat(), now_text()),
        )

    def get(self, decision_id: int) -> Decision | None:
        found = self._decisions("d.id = ?", (decision_id,))
        return found[0] if found else None

    def find(
        self,
        *,
        loan_id: int | None = None,
        case_id: int | None = None,
        kind: DecisionKind | None = None,
        statuses: Sequence[DecisionStatus] = (),
        proposed_from: date | None = None,
        proposed_to: date | None = None,
    ) -> list[Decision]:
        where: list[str] = ["1 = 1"]
        params: list[Any] = []
        if loan_id is not None:
            where.append("d.loan_id = ?")
            params.append(loan_id)
        if case_id is not None:
            where.append("d.case_id = ?")
            params.append(case_id)
        if kind is not None:
            where.append("d.kind = ?")
            params.append(kind.value)
        if statuses:
            where.append(f"d.status IN ({', '.join('?' for _ in statuses)})")
            params += [s.value for s in statuses]
        if proposed_from is not None:
            where.append("d.proposed_on >= ?")
            params.append(proposed_from.isoformat())
        if proposed_to is not None:
            where.append("d.proposed_on <= ?")
            params.append(proposed_to.isoformat())
        return self._decisions(" AND ".join(where), params)

    def _decisions(self, where: str, params: Sequence[Any]) -> list[Decision]:
        rows = self.db.rows(
            _DECISION_SELECT + f"WHERE {where} ORDER BY d.proposed_on, d.id", params
        )
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        marks = ", ".join("?" for _ in ids)
        votes: dict[int, list[Vote]] = {}
        for v in self.db.rows(
            "SELECT v.*, u.full_name FROM decision_votes v JOIN users u ON u.id = v.user_id"
            f" WHERE v.decision_id IN ({marks}) ORDER BY v.id",
            ids,
        ):
            votes.setdefault(v["decision_id"], []).append(
                Vote(
                    v["user_id"],
                    v["full_name"],
                    v["role"],
                    v["verdict"],
                    v["note"],
                    date.fromisoformat(v["on_date"]),
                    v["at"],
                )
            )
        notes: dict[int, list[DecisionNote]] = {}
        for n in self.db.rows(
            "SELECT n.*, u.full_name FROM decision_notes n JOIN users u ON u.id = n.user_id"
            f" WHERE n.decision_id IN ({marks}) ORDER BY n.id",
            ids,
        ):
            notes.setdefault(n["decision_id"], []).append(
                DecisionNote(
                    n["user_id"],
                    n["full_name"],
                    n["role"],
                    n["note"],
                    date.fromisoformat(n["on_date"]),
                    n["at"],
                )
            )
        return [
            Decision(
                id=r["id"],
                number=r["number"],
                kind=DecisionKind(r["kind"]),
                case_id=r["case_id"],
                loan_id=r["loan_id"],
                loan_number=r["loan_number"],
                member_name=r["member_name"],
                status=DecisionStatus(r["status"]),
                summary=r["summary"],
                payload=json.loads(r["payload"]),
                required_approvals=r["required_approvals"],
                needs_pengawas=bool(r["needs_pengawas"]),
                proposed_by=r["proposed_by"],
                proposed_by_name=r["proposer_name"],
                proposed_on=date.fromisoformat(r["proposed_on"]),
                meeting_ref=r["meeting_ref"],
                meeting_date=_date(r["meeting_date"]),
                expires_on=_date(r["expires_on"]),
                supersedes_id=r["supersedes_id"],
                decided_on=_date(r["decided_on"]),
                executed_on=_date(r["executed_on"]),
                votes=tuple(votes.get(r["id"], ())),
                notes=tuple(notes.get(r["id"], ())),
            )
            for r in rows
        ]

    def number_exists(self, number: str) -> bool:
        found = self.db.scalar("SELECT 1 FROM collection_decisions WHERE number = ?", (number,))
        return found is not None

    # -- financial events ---------------------------------------------------------------------
    def fin_event(self, event_id: int) -> FinancialEvent | None:
        row = self.db.one("SELECT * FROM collection_fin_events WHERE id = ?", (event_id,))
        return None if row is None else _fin_event(row)

    def insert_fin_event(self, new: NewFinEvent, user_id: int | None) -> int:
        cursor = self.db.execute(
            "INSERT INTO collection_fin_events (loan_id, decision_id, kind, event_date, amount,"
            " pokok, jasa, denda, receipt_no, method, debit, credit, note, created_by,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                new.loan_id,
                new.decision_id,
                new.kind,
                new.event_date.isoformat(),
                new.amount,
                new.pokok,
                new.jasa,
                new.denda,
                new.receipt_no,
                new.method,
                new.debit,
                new.credit,
                new.note,
                user_id,
                now_text(),
            ),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def fin_events(self, loan_id: int) -> list[FinancialEvent]:
        rows = self.db.rows(
            "SELECT * FROM collection_fin_events WHERE loan_id = ? ORDER BY event_date, id",
            (loan_id,),
        )
        return [_fin_event(r) for r in rows]

    def fin_events_between(self, kind: str, start: date, end: date) -> list[FinancialEvent]:
        rows = self.db.rows(
            "SELECT * FROM collection_fin_events WHERE kind = ? AND event_date BETWEEN ? AND ?"
            " ORDER BY event_date, id",
            (kind, start.isoformat(), end.isoformat()),
        )
        return [_fin_event(r) for r in rows]

    def receipt_exists(self, receipt_no: str) -> bool:
        found = self.db.scalar(
            "SELECT 1 FROM collection_fin_events WHERE receipt_no = ?", (receipt_no,)
        )
        return found is not None

    # -- off-books register -------------------------------------------------------------------
    def insert_offbook(
        self,
        loan_id: int,
        member_id: int,
        decision_id: int,
        on: date,
        pokok: int,
        jasa: int,
        denda: int,
    ) -> None:
        self.db.execute(
            "INSERT INTO offbook_register (loan_id, member_id, decision_id, written_off_on,"
            " pokok, jasa, denda, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (loan_id, member_id, decision_id, on.isoformat(), pokok, jasa, denda, now_text()),
        )

    def close_offbook(
        self, loan_id: int, on: date, decision_id: int, rat_number: str, rat_date: date
    ) -> None:
        self.db.execute(
            "UPDATE offbook_register SET status = 'hapus_tagih', closed_on = ?,"
            " close_decision_id = ?, rat_number = ?, rat_date = ? WHERE loan_id = ?",
            (on.isoformat(), decision_id, rat_number, rat_date.isoformat(), loan_id),
        )

    def offbook(self, loan_id: int, as_of: date | None = None) -> OffbookEntry | None:
        row = self.db.one(
            _OFFBOOK_SELECT + "WHERE o.loan_id = :loan",
            {"loan": loan_id, "d": (as_of or date.max).isoformat()},
        )
        return _offbook(row) if row else None

    def offbook_entries(self, as_of: date, include_closed: bool = True) -> list[OffbookEntry]:
        where = "o.written_off_on <= :d"
        if not include_closed:
            where += " AND (o.closed_on IS NULL OR o.closed_on > :d)"
        rows = self.db.rows(
            _OFFBOOK_SELECT + f"WHERE {where} ORDER BY o.written_off_on, o.id",
            {"d": as_of.isoformat()},
        )
        return [_offbook(r) for r in rows]
