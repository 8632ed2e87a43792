"""Decision positions and board meetings with their attendance (append-only)."""

from __future__ import annotations

from datetime import date, time

from app.clock import now_text
from app.collection.meeting_models import DecisionPosition, Meeting, MeetingAttendee, MeetingDraft
from app.storage.db import Database


class MeetingsRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def insert_position(self, p: DecisionPosition) -> None:
        self.db.execute(
            "INSERT INTO decision_positions (decision_id, as_of, loan_status, outstanding,"
            " arrears_pokok, arrears_jasa, arrears_denda, quality, days_past_due,"
            " installments_missed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                p.decision_id,
                p.as_of.isoformat(),
                p.loan_status,
                p.outstanding,
                p.arrears_pokok,
                p.arrears_jasa,
                p.arrears_denda,
                p.quality,
                p.days_past_due,
                p.installments_missed,
            ),
        )

    def position(self, decision_id: int) -> DecisionPosition | None:
        r = self.db.one("SELECT * FROM decision_positions WHERE decision_id = ?", (decision_id,))
        if r is None:
            return None
        return DecisionPosition(
            r["decision_id"],
            date.fromisoformat(r["as_of"]),
            r["loan_status"],
            r["outstanding"],
            r["arrears_pokok"],
            r["arrears_jasa"],
            r["arrears_denda"],
            r["quality"],
            r["days_past_due"],
            r["installments_missed"],
        )

    def insert_meeting(self, m: MeetingDraft, user_id: int | None) -> int:
        board = sum(1 for a in m.attendees if a.board)
        cursor = self.db.execute(
            "INSERT INTO board_meetings (meeting_date, starts, ends, place, chair, secretary,"
            " decisions_from, decisions_to, board_size, created_by, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                m.meeting_date.isoformat(),
                m.starts.isoformat(timespec="minutes"),
                m.ends.isoformat(timespec="minutes") if m.ends else None,
                m.place,
                m.chair,
                m.secretary,
                m.decisions_from.isoformat(),
                m.decisions_to.isoformat(),
                max(1, board),
                user_id,
                now_text(),
            ),
        )
        meeting_id = cursor.lastrowid
        assert meeting_id is not None
        for seq, a in enumerate(m.attendees, start=1):
            self.db.execute(
                "INSERT INTO board_meeting_attendees (meeting_id, seq, name, position, present,"
                " board) VALUES (?, ?, ?, ?, ?, ?)",
                (meeting_id, seq, a.name.strip(), a.position, int(a.present), int(a.board)),
            )
        return meeting_id

    def meeting(self, meeting_id: int) -> Meeting | None:
        r = self.db.one("SELECT * FROM board_meetings WHERE id = ?", (meeting_id,))
        if r is None:
            return None
        people = self.db.rows(
            "SELECT * FROM board_meeting_attendees WHERE meeting_id = ? ORDER BY seq",
            (meeting_id,),
        )
        return Meeting(
            meeting_date=date.fromisoformat(r["meeting_date"]),
            starts=time.fromisoformat(r["starts"]),
            ends=time.fromisoformat(r["ends"]) if r["ends"] else None,
            place=r["place"],
            chair=r["chair"],
            secretary=r["secretary"],
            decisions_from=date.fromisoformat(r["decisions_from"]),
            decisions_to=date.fromisoformat(r["decisions_to"]),
            attendees=tuple(
                MeetingAttendee(a["name"], a["position"], bool(a["present"]), bool(a["board"]))
                for a in people
            ),
            id=r["id"],
            created_by=r["created_by"],
        )
