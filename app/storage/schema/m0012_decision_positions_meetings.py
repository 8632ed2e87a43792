"""Schema for the paper trail of board decisions (issue 10 #10): the loan's position as the
meeting saw it when a decision was proposed, and the board meetings with the attendance
actually entered (who came, who chaired, who took the minutes). Both append-only."""

from __future__ import annotations

import sqlite_utils

from app.storage.schema._sql import immutable as _immutable
from app.storage.schema._sql import run as _run


def m0012_decision_positions_meetings(db: sqlite_utils.Database) -> None:
    _run(
        db,
        """CREATE TABLE decision_positions (
            decision_id INTEGER PRIMARY KEY REFERENCES collection_decisions(id),
            as_of TEXT NOT NULL,
            loan_status TEXT NOT NULL,
            outstanding INTEGER NOT NULL,
            arrears_pokok INTEGER NOT NULL,
            arrears_jasa INTEGER NOT NULL,
            arrears_denda INTEGER NOT NULL,
            quality TEXT NOT NULL DEFAULT '',
            days_past_due INTEGER NOT NULL,
            installments_missed INTEGER NOT NULL DEFAULT 0
        ) STRICT""",
        *_immutable("decision_positions"),
        """CREATE TABLE board_meetings (
            id INTEGER PRIMARY KEY,
            meeting_date TEXT NOT NULL,
            starts TEXT NOT NULL,
            ends TEXT,
            place TEXT NOT NULL,
            chair TEXT NOT NULL CHECK (length(trim(chair)) > 0),
            secretary TEXT NOT NULL CHECK (length(trim(secretary)) > 0),
            decisions_from TEXT NOT NULL,
            decisions_to TEXT NOT NULL,
            board_size INTEGER NOT NULL CHECK (board_size >= 1),
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL
        ) STRICT""",
        *_immutable("board_meetings"),
        """CREATE TABLE board_meeting_attendees (
            meeting_id INTEGER NOT NULL REFERENCES board_meetings(id),
            seq INTEGER NOT NULL,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            position TEXT NOT NULL DEFAULT '',
            present INTEGER NOT NULL CHECK (present IN (0, 1)),
            board INTEGER NOT NULL CHECK (board IN (0, 1)),
            PRIMARY KEY (meeting_id, seq)
        ) STRICT""",
        *_immutable("board_meeting_attendees"),
    )


NAME = "0012_decision_positions_meetings"
migrate = m0012_decision_positions_meetings
