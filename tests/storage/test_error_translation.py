"""Every SQLite failure reaches the user as an Indonesian StorageError, never SQLite's text."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from app.errors import StorageError
from app.storage.db import DamagedFile, ReadOnlyFile, translate_sqlite_error

PRIMARY_CODES = [
    value for name, value in vars(sqlite3).items() if name.startswith("SQLITE_") and 0 < value < 29
]


@given(
    primary=st.sampled_from(PRIMARY_CODES),
    extended=st.integers(min_value=0, max_value=40),
    english=st.sampled_from(
        [
            "unable to open database file",
            "disk I/O error",
            "database disk image is malformed",
            "attempt to write a readonly database",
            "database or disk is full",
            "xyzzy",
        ]
    ),
)
def test_any_code_becomes_an_indonesian_storage_error(
    primary: int, extended: int, english: str
) -> None:
    exc = sqlite3.OperationalError(english)
    exc.sqlite_errorcode = primary | (extended << 8)  # type: ignore[attr-defined]
    translated = translate_sqlite_error(exc, Path("koperasi.db"))
    assert isinstance(translated, StorageError)
    assert english not in translated.message and "SQLITE" not in translated.message
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        assert isinstance(translated, DamagedFile)
    if primary == sqlite3.SQLITE_READONLY:
        assert isinstance(translated, ReadOnlyFile)
    if primary == sqlite3.SQLITE_FULL:
        assert "penuh" in translated.message.lower()
