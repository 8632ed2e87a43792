"""Every SQLite failure reaches the user as an Indonesian StorageError, never SQLite's text."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import StorageError
from app.services import Services
from app.storage.db import (
    ENVIRONMENT_CODES,
    ConstraintFailed,
    DamagedFile,
    ReadOnlyFile,
    sqlite_errors,
    translate_sqlite_error,
)

pytestmark = pytest.mark.sqlite_only(
    "SQLite's own error codes (PostgreSQL's errors: test_pg_errors.py)"
)

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


ALL_PRIMARY = [
    value for name, value in vars(sqlite3).items() if name.startswith("SQLITE_") and 0 < value < 29
]


@given(primary=st.sampled_from(ALL_PRIMARY), extended=st.integers(min_value=0, max_value=40))
def test_while_working_only_environment_codes_become_storage_errors(
    primary: int, extended: int
) -> None:
    """busy, locked, full, read-only, damaged, cannot open: the user can act. Every other
    code (bad SQL, misuse, constraint, …) is a bug and reaches the bug handler unchanged."""
    exc = sqlite3.OperationalError("some English text from SQLite")
    exc.sqlite_errorcode = primary | (extended << 8)  # type: ignore[attr-defined]
    if primary in ENVIRONMENT_CODES:
        with pytest.raises(StorageError) as caught, sqlite_errors(Path("koperasi.db")):
            raise exc
        assert caught.value.__cause__ is exc
        assert "English" not in caught.value.message
    else:
        with pytest.raises(sqlite3.OperationalError) as raw, sqlite_errors(Path("koperasi.db")):
            raise exc
        assert raw.value is exc


def test_the_classified_codes() -> None:
    assert {
        sqlite3.SQLITE_BUSY,
        sqlite3.SQLITE_LOCKED,
        sqlite3.SQLITE_FULL,
        sqlite3.SQLITE_READONLY,
        sqlite3.SQLITE_CORRUPT,
        sqlite3.SQLITE_NOTADB,
    } <= ENVIRONMENT_CODES
    assert sqlite3.SQLITE_ERROR not in ENVIRONMENT_CODES  # bad SQL: a bug
    assert sqlite3.SQLITE_CONSTRAINT not in ENVIRONMENT_CODES  # a rule the program missed


def test_an_error_without_a_code_is_a_bug() -> None:
    exc = sqlite3.ProgrammingError("Cannot operate on a closed database.")
    with pytest.raises(sqlite3.ProgrammingError), sqlite_errors(Path("koperasi.db")):
        raise exc


def test_a_constraint_is_named_in_indonesian_when_translated() -> None:
    exc = sqlite3.IntegrityError("UNIQUE constraint failed: members.number")
    exc.sqlite_errorcode = sqlite3.SQLITE_CONSTRAINT | (8 << 8)  # type: ignore[attr-defined]
    translated = translate_sqlite_error(exc, Path("koperasi.db"))
    assert isinstance(translated, ConstraintFailed)
    assert "UNIQUE" not in translated.message and "bertentangan" in translated.message


def test_real_failures_from_an_open_database(services: Services) -> None:
    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        services.db.rows("SELECT * FROM no_such_table")  # a bug, not the user's problem
    services.db.close()
    with pytest.raises(sqlite3.ProgrammingError):
        services.db.rows("SELECT 1")  # using a closed file: a bug
