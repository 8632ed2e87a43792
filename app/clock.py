"""Timestamps as stored: local time, ISO 8601 to the second."""

from __future__ import annotations

from datetime import datetime


def now_text(now: datetime | None = None) -> str:
    """`now` (default: the current local time) as '2026-11-26T17:05:03'."""
    return (now or datetime.now()).replace(microsecond=0).isoformat()
