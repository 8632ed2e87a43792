"""Month arithmetic for schedules (stand-in until app.formats.add_months is committed)."""

from __future__ import annotations

import calendar
from datetime import date


def add_months(d: date, n: int, anchor_day: int | None = None) -> date:
    """Move `n` months, keeping `anchor_day` (default d.day) but clamping at the month's end."""
    day = d.day if anchor_day is None else anchor_day
    if not 1 <= day <= 31:
        raise ValueError(f"anchor_day must be 1..31, got {anchor_day}")
    year, month0 = divmod(d.year * 12 + (d.month - 1) + n, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day, last))
