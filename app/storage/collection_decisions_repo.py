"""Decisions with their votes and notes, the collection's financial events and the off-books
register (Daftar Ekstrakomptabel). Portable SQL: runs on both engines."""

from __future__ import annotations

import json
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
from app.storage.engine import Engine, Row


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


_DECISION_SELECT = (
    "SELECT d.*, coalesce(l.number, l.application_no) AS loan_number, m.name AS member_name,"
    " u.full_name AS proposer_name FROM collection_decisions d"
    " JOIN loans l ON l.id = d.loan_id JOIN members m ON m.id = l.member_id"
    " JOIN users u ON u.id = d.proposed_by "
)


def _fin_event(row: Row) -> FinancialEvent:
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


def _offbook(row: Row) -> OffbookEntry:
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
    def __init__(self, db: Engine) -> None:
        self.db = db

    # -- decisions ----------------------------------------------------------------------------
    def insert(self, new: NewDecision) -> int:
        stamp = now_text()
        values = {
            "number": new.number,
            "kind": new.kind.value,
            "case_id": new.case_id,
            "loan_id": new.loan_id,
            "status": DecisionStatus.DIUSULKAN.value,
            "summary": new.summary,
            "payload": json.dumps(new.payload, ensure_ascii=False, sort_keys=True),
            "required_approvals": new.required_approvals,
            "needs_pengawas": int(new.needs_pengawas),
            "proposed_by": new.proposed_by,
            "proposed_on": new.proposed_on.isoformat(),
            "meeting_ref": new.meeting_ref,
            "meeting_date": _iso(new.meeting_date),
            "expires_on": _iso(new.expires_on),
            "supersedes_id": new.supersedes_id,
            "created_at": stamp,
            "updated_at": stamp,
        }
        return self.db.insert_id(
            f"INSERT INTO collection_decisions ({', '.join(values)})"
            f" VALUES ({', '.join(':' + c for c in values)}) RETURNING id",
            values,
        )

    def set_status(
        self,
        decision_id: int,
        status: DecisionStatus,
        *,
        decided_on: date | None = None,
        executed_on: date | None = None,
    ) -> None:
        self.db.run(
            "UPDATE collection_decisions SET status = :status,"
            " decided_on = coalesce(:decided_on, decided_on),"
            " executed_on = coalesce(:executed_on, executed_on), updated_at = :at WHERE id = :id",
            {
                "status": status.value,
                "decided_on": decided_on.isoformat() if decided_on else None,
                "executed_on": executed_on.isoformat() if executed_on else None,
                "at": now_text(),
                "id": decision_id,
            },
        )

    def set_meeting(self, decision_id: int, ref: str, on: date) -> None:
        """The board meeting (notulen) that decided it: filled in when approving."""
        self.db.run(
            "UPDATE collection_decisions SET meeting_ref = :ref, meeting_date = :on,"
            " updated_at = :at WHERE id = :id",
            {"ref": ref, "on": on.isoformat(), "at": now_text(), "id": decision_id},
        )

    def insert_vote(
        self, decision_id: int, user_id: int, role: str, verdict: str, note: str, on: date
    ) -> None:
        self.db.run(
            "INSERT INTO decision_votes (decision_id, user_id, role, verdict, note, on_date, at)"
            " VALUES (:d, :u, :role, :verdict, :note, :on, :at)",
            {
                "d": decision_id,
                "u": user_id,
                "role": role,
                "verdict": verdict,
                "note": note,
                "on": on.isoformat(),
                "at": now_text(),
            },
        )

    def insert_note(self, decision_id: int, user_id: int, role: str, note: str, on: date) -> None:
        self.db.run(
            "INSERT INTO decision_notes (decision_id, user_id, role, note, on_date, at)"
            " VALUES (:d, :u, :role, :note, :on, :at)",
            {
                "d": decision_id,
                "u": user_id,
                "role": role,
                "note": note,
                "on": on.isoformat(),
                "at": now_text(),
            },
        )

    def get(self, decision_id: int) -> Decision | None:
        found = self._decisions("d.id = :id", {"id": decision_id})
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
        params: dict[str, Any] = {}
        if loan_id is not None:
            where.append("d.loan_id = :loan")
            params["loan"] = loan_id
        if case_id is not None:
            where.append("d.case_id = :case")
            params["case"] = case_id
        if kind is not None:
            where.append("d.kind = :kind")
            params["kind"] = kind.value
        if statuses:
            where.append(f"d.status IN ({', '.join(f':s{i}' for i in range(len(statuses)))})")
            params.update({f"s{i}": s.value for i, s in enumerate(statuses)})
        if proposed_from is not None:
            where.append("d.proposed_on >= :from")
            params["from"] = proposed_from.isoformat()
        if proposed_to is not None:
            where.append("d.proposed_on <= :to")
            params["to"] = proposed_to.isoformat()
        return self._decisions(" AND ".join(where), params)

    def _decisions(self, where: str, params: dict[str, Any]) -> list[Decision]:
        rows = self.db.rows(
            _DECISION_SELECT + f"WHERE {where} ORDER BY d.proposed_on, d.id", params
        )
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        marks = ", ".join(str(int(i)) for i in ids)  # ids read just now: integers
        votes: dict[int, list[Vote]] = {}
        for v in self.db.rows(
            "SELECT v.*, u.full_name FROM decision_votes v JOIN users u ON u.id = v.user_id"
            f" WHERE v.decision_id IN ({marks}) ORDER BY v.id"
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
            f" WHERE n.decision_id IN ({marks}) ORDER BY n.id"
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
        found = self.db.scalar(
            "SELECT 1 FROM collection_decisions WHERE number = :n", {"n": number}
        )
        return found is not None

    # -- financial events ---------------------------------------------------------------------
    def fin_event(self, event_id: int) -> FinancialEvent | None:
        row = self.db.one("SELECT * FROM collection_fin_events WHERE id = :id", {"id": event_id})
        return None if row is None else _fin_event(row)

    def insert_fin_event(self, new: NewFinEvent, user_id: int | None) -> int:
        values = {
            "loan_id": new.loan_id,
            "decision_id": new.decision_id,
            "kind": new.kind,
            "event_date": new.event_date.isoformat(),
            "amount": new.amount,
            "pokok": new.pokok,
            "jasa": new.jasa,
            "denda": new.denda,
            "receipt_no": new.receipt_no,
            "method": new.method,
            "debit": new.debit,
            "credit": new.credit,
            "note": new.note,
            "created_by": user_id,
            "created_at": now_text(),
        }
        return self.db.insert_id(
            f"INSERT INTO collection_fin_events ({', '.join(values)})"
            f" VALUES ({', '.join(':' + c for c in values)}) RETURNING id",
            values,
        )

    def fin_events(self, loan_id: int) -> list[FinancialEvent]:
        rows = self.db.rows(
            "SELECT * FROM collection_fin_events WHERE loan_id = :loan ORDER BY event_date, id",
            {"loan": loan_id},
        )
        return [_fin_event(r) for r in rows]

    def fin_events_between(self, kind: str, start: date, end: date) -> list[FinancialEvent]:
        rows = self.db.rows(
            "SELECT * FROM collection_fin_events WHERE kind = :kind"
            " AND event_date BETWEEN :start AND :end ORDER BY event_date, id",
            {"kind": kind, "start": start.isoformat(), "end": end.isoformat()},
        )
        return [_fin_event(r) for r in rows]

    def receipt_exists(self, receipt_no: str) -> bool:
        found = self.db.scalar(
            "SELECT 1 FROM collection_fin_events WHERE receipt_no = :r", {"r": receipt_no}
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
        self.db.run(
            "INSERT INTO offbook_register (loan_id, member_id, decision_id, written_off_on,"
            " pokok, jasa, denda, created_at) VALUES (:loan, :member, :decision, :on, :pokok,"
            " :jasa, :denda, :at)",
            {
                "loan": loan_id,
                "member": member_id,
                "decision": decision_id,
                "on": on.isoformat(),
                "pokok": pokok,
                "jasa": jasa,
                "denda": denda,
                "at": now_text(),
            },
        )

    def close_offbook(
        self, loan_id: int, on: date, decision_id: int, rat_number: str, rat_date: date
    ) -> None:
        self.db.run(
            "UPDATE offbook_register SET status = 'hapus_tagih', closed_on = :on,"
            " close_decision_id = :decision, rat_number = :rat, rat_date = :rat_date"
            " WHERE loan_id = :loan",
            {
                "on": on.isoformat(),
                "decision": decision_id,
                "rat": rat_number,
                "rat_date": rat_date.isoformat(),
                "loan": loan_id,
            },
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
