"""Decision positions and board meetings with their attendance (append-only; portable SQL:
runs on both engines)."""

from __future__ import annotations

from datetime import date, time

from app.clock import now_text
from app.collection.meeting_models import DecisionPosition, Meeting, MeetingAttendee, MeetingDraft
from app.storage.engine import Engine


class MeetingsRepository:
    def __init__(self, db: Engine) -> None:
        self.db = db

    def insert_position(self, p: DecisionPosition) -> None:
        self.db.run(
            "INSERT INTO decision_positions (decision_id, as_of, loan_status, outstanding,"
            " arrears_pokok, arrears_jasa, arrears_denda, quality, days_past_due,"
            " installments_missed) VALUES (:decision_id, :as_of, :loan_status, :outstanding,"
            " :arrears_pokok, :arrears_jasa, :arrears_denda, :quality, :days_past_due,"
            " :installments_missed)",
            {
                "decision_id": p.decision_id,
                "as_of": p.as_of.isoformat(),
                "loan_status": p.loan_status,
                "outstanding": p.outstanding,
                "arrears_pokok": p.arrears_pokok,
                "arrears_jasa": p.arrears_jasa,
                "arrears_denda": p.arrears_denda,
                "quality": p.quality,
                "days_past_due": p.days_past_due,
                "installments_missed": p.installments_missed,
            },
        )

    def position(self, decision_id: int) -> DecisionPosition | None:
        r = self.db.one(
            "SELECT * FROM decision_positions WHERE decision_id = :id", {"id": decision_id}
        )
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
        meeting_id = self.db.insert_id(
            "INSERT INTO board_meetings (meeting_date, starts, ends, place, chair, secretary,"
            " decisions_from, decisions_to, board_size, created_by, created_at)"
            " VALUES (:meeting_date, :starts, :ends, :place, :chair, :secretary,"
            " :decisions_from, :decisions_to, :board_size, :created_by, :created_at)"
            " RETURNING id",
            {
                "meeting_date": m.meeting_date.isoformat(),
                "starts": m.starts.isoformat(timespec="minutes"),
                "ends": m.ends.isoformat(timespec="minutes") if m.ends else None,
                "place": m.place,
                "chair": m.chair,
                "secretary": m.secretary,
                "decisions_from": m.decisions_from.isoformat(),
                "decisions_to": m.decisions_to.isoformat(),
                "board_size": max(1, board),
                "created_by": user_id,
                "created_at": now_text(),
            },
        )
        for seq, a in enumerate(m.attendees, start=1):
            self.db.run(
                "INSERT INTO board_meeting_attendees (meeting_id, seq, name, position, present,"
                " board) VALUES (:meeting_id, :seq, :name, :position, :present, :board)",
                {
                    "meeting_id": meeting_id,
                    "seq": seq,
                    "name": a.name.strip(),
                    "position": a.position,
                    "present": int(a.present),
                    "board": int(a.board),
                },
            )
        return meeting_id

    def meeting(self, meeting_id: int) -> Meeting | None:
        r = self.db.one("SELECT * FROM board_meetings WHERE id = :id", {"id": meeting_id})
        if r is None:
            return None
        people = self.db.rows(
            "SELECT * FROM board_meeting_attendees WHERE meeting_id = :id ORDER BY seq",
            {"id": meeting_id},
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
