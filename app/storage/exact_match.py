"""SQL for exact identifiers first (see app.exact_match): the row whose number, NIK or phone is
the typed text ranks above every row that merely contains it."""

from __future__ import annotations

from app.exact_match import phone_form


def exact_params(text: str) -> dict[str, str | None]:
    """Named parameters for exact_sql(): the term as typed and its phone form (NULL, equal to
    no phone, when the term is not a phone number; PostgreSQL text cannot hold a NUL)."""
    term = text.strip()
    return {"exact": term, "exact_phone": phone_form(term) or None}


def exact_sql(*columns: str, phone: str | None = None) -> str:
    """An SQL expression that is 0 for a row whose identifier equals the term, 1 otherwise
    (use it first in ORDER BY). `columns` compare case-insensitively with :exact; `phone`
    (a stored +62… column) compares with :exact_phone."""
    tests = [f"{c} = :exact COLLATE NOCASE" for c in columns]
    if phone:
        tests.append(f"{phone} = :exact_phone")
    return f"(CASE WHEN {' OR '.join(tests)} THEN 0 ELSE 1 END)"


def exact_where(*columns: str, phone: str | None = None) -> str:
    """The same test as a WHERE alternative (the exact row must match the search too)."""
    tests = [f"{c} = :exact COLLATE NOCASE" for c in columns]
    if phone:
        tests.append(f"{phone} = :exact_phone")
    return " OR ".join(tests)
