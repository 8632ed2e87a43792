"""A passbook and its printed lines, as the services hand them out."""

from __future__ import annotations

from dataclasses import dataclass

from app.passbook.engine import Entry
from app.passbook.layout import Position


@dataclass(frozen=True)
class BookRow:
    id: int
    member_id: int
    number: str
    model_id: int
    replaces_id: int | None
    reason: str
    issued_at: str


@dataclass(frozen=True)
class PrintedLine:
    id: int
    position: Position
    entry: Entry
