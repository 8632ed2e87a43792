"""Memoised display formats for table models: Qt asks for the same cell text many times (size
hints, painting, scrolling) and babel's formatting is the slow part of a repaint."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from app.formats import format_date_short
from app.money import format_number, format_rupiah


@lru_cache(maxsize=8192)
def rupiah(amount: int) -> str:
    return format_rupiah(amount)


@lru_cache(maxsize=4096)
def number(amount: int) -> str:
    return format_number(amount)


@lru_cache(maxsize=4096)
def short_date(value: date) -> str:
    return format_date_short(value)
