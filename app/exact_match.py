"""Exact identifiers first: a member number, NIK, phone or loan/case number typed in a search box
names one row, and that row is always listed first (issue 10 #13)."""

from __future__ import annotations

from app.errors import ValidationError
from app.identity import normalize_phone


def phone_form(text: str) -> str:
    """The stored form (+62…) of a typed phone number, or '' when the text is not one."""
    term = text.strip()
    if not term or not any(ch.isdigit() for ch in term) or any(ch.isalpha() for ch in term):
        return ""
    try:
        return normalize_phone(term)
    except ValidationError:
        return ""


def is_exact(text: str, identifiers: tuple[str | None, ...], phone: str | None = None) -> bool:
    """Whether the typed `text` is exactly one of the row's identifiers (case-insensitive) or
    its stored phone number."""
    term = text.strip().casefold()
    if not term:
        return False
    if any(i is not None and i.casefold() == term for i in identifiers):
        return True
    typed_phone = phone_form(text)
    return bool(phone and typed_phone and phone == typed_phone)
