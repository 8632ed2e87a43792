"""The board meeting and the loan position a decision was proposed on: plain records shared by
the meeting service, its repository and the Notulen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time


@dataclass(frozen=True)
class DecisionPosition:
    """The loan as the board saw it when the decision was proposed."""

    decision_id: int
    as_of: date
    loan_status: str
    outstanding: int
    arrears_pokok: int
    arrears_jasa: int
    arrears_denda: int
    quality: str
    days_past_due: int
    installments_missed: int = 0

    @property
    def arrears_total(self) -> int:
        return self.arrears_pokok + self.arrears_jasa + self.arrears_denda


@dataclass(frozen=True)
class MeetingAttendee:
    name: str
    position: str
    present: bool
    board: bool = True  # a member of the board (counted for the quorum); False: invited


@dataclass(frozen=True)
class MeetingDraft:
    meeting_date: date
    starts: time
    ends: time | None
    place: str
    chair: str
    secretary: str
    decisions_from: date
    decisions_to: date
    attendees: tuple[MeetingAttendee, ...]

    @property
    def board_size(self) -> int:
        return sum(1 for a in self.attendees if a.board)

    @property
    def present(self) -> int:
        return sum(1 for a in self.attendees if a.board and a.present)

    @property
    def quorate(self) -> bool:
        """More than half of the board present."""
        return self.present * 2 > self.board_size


@dataclass(frozen=True)
class Meeting(MeetingDraft):
    id: int = 0
    created_by: int | None = None
