"""`mufakat check --db postgresql://…` and the tamper chain on the office server (issue 15): a
moved demo checks clean with the file's findings; the same problems are found on both engines;
rows written on the server are linked by the database's own triggers (blocks crossed, every
kind of key, seals); a row changed, deleted or inserted by a superuser with the triggers off is
found and named; the command's exit codes; `restore` refuses a backup the check fails, and
`server move` a copy it fails."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from app.cli import main
from app.server.move import move
from app.server_url import parse_server_url
from app.storage import pg_chain, pg_move
from app.storage.check import check_database
from app.storage.constraints import ConstraintFailed
from app.storage.pg_backup import backup_server
from app.storage.pg_check import check_server
from app.storage.pg_engine import PgEngine
from app.storage.pg_restore import BackupHasProblems, restore_server
from tests.pg import APP_ROLE, EMPTY_TEMPLATE, SUPERUSER, PgServer, _database

PASSWORD = "admin123"
INTEGRITY = "Integritas"


@pytest.fixture(scope="module")
def moved(
    pg_server: PgServer, demo_source: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Path]]:
    """(the name of a database holding the demo moved from its file, that file after the move)."""
    file = tmp_path_factory.mktemp("moved") / "koperasi.db"
    shutil.copyfile(demo_source, file)
    home = os.environ.get("MUFAKAT_HOME")  # this PC's record of the file: the module's own
    os.environ["MUFAKAT_HOME"] = str(tmp_path_factory.mktemp("home"))
    os.environ["MUFAKAT_PASSWORD"] = PASSWORD
    try:
        with _database(pg_server, EMPTY_TEMPLATE) as url:
            owner = url.replace(APP_ROLE, SUPERUSER, 1)
            move(file, owner, "admin", app_role=APP_ROLE)
            yield parse_server_url(owner).dbname, file
    finally:
        del os.environ["MUFAKAT_PASSWORD"]
        if home is None:
            del os.environ["MUFAKAT_HOME"]
        else:
            os.environ["MUFAKAT_HOME"] = home


@pytest.fixture
def clone(pg_server: PgServer, moved: tuple[str, Path]) -> Iterator[str]:
    """A copy of the moved cooperative of this test's own, as the superuser's address."""
    with _database(pg_server, moved[0]) as url:
        yield url.replace(APP_ROLE, SUPERUSER, 1)


def _as_superuser_without_triggers(url: str, *statements: str) -> list[Any]:
    """Run statements as someone who bypasses every trigger (the guards, the chain's links and
    the foreign keys); the last statement's rows."""
    with psycopg.connect(url) as conn:
        conn.execute("SET session_replication_role = replica")
        found: list[Any] = []
        for statement in statements:
            cursor = conn.execute(statement)
            found = cursor.fetchall() if cursor.description else []
    return found


def _one(url: str, query: str) -> Any:
    with psycopg.connect(url) as conn:
        row = conn.execute(query).fetchone()
        return None if row is None else row[0]


def test_a_moved_demo_checks_clean_with_the_files_findings(
    moved: tuple[str, Path], clone: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--db", clone]) == 0
    assert f"BAIK: tidak ada masalah pada {clone}" in capsys.readouterr().out
    on_file = check_database(moved[1])
    on_server = check_server(parse_server_url(clone))
    assert on_file.ok and on_server.ok, on_server.problems
    assert "Rantai pengaman catatan: utuh" in on_server.facts
    same = [f for f in on_file.facts if not f.startswith(INTEGRITY)]
    assert [f for f in on_server.facts if not f.startswith(INTEGRITY)] == same
    assert any(f.startswith("Jurnal: ") for f in same) and any("Pembukuan" in f for f in same)
    assert any("tidak berlaku untuk database di server" in f for f in on_server.facts)


ORIGINAL = (
    "(SELECT min(journal_id) FROM journal_lines WHERE journal_id NOT IN"
    " (SELECT reverses_id FROM journals WHERE reverses_id IS NOT NULL))"
)
SKEW = [
    # a "reversal" repeating its original's lines instead of negating them
    "INSERT INTO journal_lines (journal_id, account, debit, credit)"
    " SELECT (SELECT max(id) + 1 FROM journals), account, debit, credit FROM journal_lines"
    f" WHERE journal_id = {ORIGINAL}",
    "INSERT INTO journals (id, number, date, source, source_id, role, reverses_id, created_at)"
    f" SELECT max(id) + 1, 'UJI/2', '2024-03-06', 'uji', 2, 'x', {ORIGINAL},"
    " '2024-03-06T00:00:00' FROM journals",
    # a deposit without its journal, and one of a member who does not exist
    "INSERT INTO savings_transactions (member_id, kind, tx_type, amount, tx_date, receipt_no,"
    " created_at) SELECT min(id), 'sukarela', 'setoran', 5000, '2024-03-07', 'UJI/KW/9',"
    " '2024-03-07T00:00:00' FROM members",
]
BROKEN_REFERENCE = (  # the server refuses it unless its foreign-key triggers are off
    "INSERT INTO savings_transactions (member_id, kind, tx_type, amount, tx_date, receipt_no,"
    " created_at) VALUES (99999, 'sukarela', 'setoran', 7000, '2024-03-08', 'UJI/KW/10',"
    " '2024-03-08T00:00:00')"
)


def _not_chain(problems: list[str]) -> list[str]:
    return [p for p in problems if "di luar program" not in p]


def test_the_same_problems_are_found_on_the_file_and_on_the_server(
    moved: tuple[str, Path], clone: str, tmp_path: Path
) -> None:
    file = tmp_path / "koperasi.db"
    shutil.copyfile(moved[1], file)
    lite = sqlite3.connect(file)  # foreign keys are not enforced on a bare connection
    try:
        with lite:
            for statement in [*SKEW, BROKEN_REFERENCE]:
                lite.execute(statement)
    finally:
        lite.close()
    with psycopg.connect(clone) as conn:  # as the superuser, the server's triggers on
        for statement in SKEW:
            conn.execute(statement)
    # Bypassing the triggers skips the derived savings total too (step 0031): the file's
    # trigger did count the deposit, so the server's total is brought level by hand.
    _as_superuser_without_triggers(
        clone,
        BROKEN_REFERENCE,
        "UPDATE savings_totals SET amount = amount + 7000 WHERE kind = 'sukarela'",
    )
    on_file, on_server = check_database(file), check_server(parse_server_url(clone))
    found = _not_chain(on_file.problems)
    assert _not_chain(on_server.problems) == found
    assert any(p.startswith("Rujukan rusak: tabel savings_transactions") for p in found)
    assert any("tanpa jurnal" in p for p in found) and len(found) >= 4


def _write_on_the_server(url: str) -> dict[str, Any]:
    """Rows the program's role writes on the server, one of each kind of chain key; the keys."""
    engine = PgEngine(url.replace(SUPERUSER, APP_ROLE, 1))
    try:
        with engine.atomic():
            engine.run(  # 300 rows: the open block is filled and new blocks are started
                "INSERT INTO audit_log (at, action, entity, entity_id, note) SELECT "
                "'2026-12-08T09:00:00', 'uji', 'server', CAST(n AS TEXT), "
                "'catatan ke-' || n || E' \\t \"kutip\" é ✓' FROM generate_series(1, 300) n"
            )
            saving = engine.insert_id(
                "INSERT INTO savings_transactions (member_id, kind, tx_type, amount, tx_date, "
                "receipt_no, created_at) SELECT min(id), 'wajib', 'setoran', 50000, "
                "'2026-12-08', 'KW/SERVER/000001', '2026-12-08T09:00:00' FROM members "
                "RETURNING id"
            )
            contact = engine.scalar("SELECT min(contact_id) FROM contact_causes")
            engine.run(
                "INSERT INTO contact_causes (contact_id, code) VALUES (:c, 'uji_server')",
                {"c": contact},
            )
            schedule = engine.one(
                "SELECT loan_id, max(version) AS version FROM loan_schedules GROUP BY loan_id "
                "ORDER BY loan_id LIMIT 1"
            )
            assert schedule is not None
            engine.run(
                "INSERT INTO loan_schedules (loan_id, version, effective_date, reason, principal,"
                " monthly_rate, months, method, round_to, round_up, principal_grace, first_due,"
                " total_pokok, total_jasa, created_by, created_at) SELECT loan_id, version + 1,"
                " effective_date, 'uji', principal, monthly_rate, months, method, round_to,"
                " round_up, principal_grace, first_due, total_pokok, total_jasa, created_by,"
                " created_at FROM loan_schedules WHERE loan_id = :l AND version = :v",
                {"l": schedule["loan_id"], "v": schedule["version"]},
            )
            engine.run("UPDATE users SET failed_attempts = failed_attempts + 1 WHERE id = 1")
            engine.run("INSERT INTO settings (key, value) VALUES ('uji.ñ', 'isi \"kutip\" \\ ✓')")
            engine.run("DELETE FROM settings WHERE key = 'uji.ñ'")
            engine.run("INSERT INTO settings (key, value) VALUES ('uji.server', 'ya')")
        return {
            "saving": saving,
            "contact": contact,
            "schedule": (schedule["loan_id"], schedule["version"] + 1),
        }
    finally:
        engine.close()


def test_rows_written_on_the_server_are_linked_and_verify(clone: str) -> None:
    before = _one(clone, "SELECT count FROM chain_heads WHERE tbl = 'audit_log'")
    _write_on_the_server(clone)
    assert _one(clone, "SELECT count FROM chain_heads WHERE tbl = 'audit_log'") == before + 300
    blocks = _one(
        clone,
        "SELECT count(*) FROM chain_blocks b JOIN chain_heads h ON h.code = b.tbl "
        "WHERE h.tbl = 'audit_log'",
    )
    assert blocks == (before + 300 + 223) // 224
    report = check_server(parse_server_url(clone))
    assert "Rantai pengaman catatan: utuh" in report.facts, report.problems
    # the raw savings row has no journal: the books say so, the chain has nothing to say
    assert not [p for p in report.problems if "di luar program" in p or "Pengaman" in p]
    assert any("tanpa jurnal: 1" in p for p in report.problems)


def test_the_program_role_cannot_write_the_chain(clone: str) -> None:
    engine = PgEngine(clone.replace(SUPERUSER, APP_ROLE, 1))
    try:
        for statement in (
            "UPDATE chain_heads SET count = 0",
            "INSERT INTO row_seals (tbl, row_key, hash) VALUES ('users', '1', NULL)",
            "SELECT mufakat_chain_step('audit_log', '1', '\\x00')",
        ):
            with pytest.raises(ConstraintFailed) as refused:
                engine.run(statement)
            assert isinstance(refused.value.__cause__, psycopg.errors.InsufficientPrivilege)
    finally:
        engine.close()


def test_tampering_on_the_server_is_found_and_named(
    moved: tuple[str, Path], clone: str, capsys: pytest.CaptureFixture[str]
) -> None:
    written = _write_on_the_server(clone)
    ids = [r[0] for r in _as_superuser_without_triggers(
        clone, "SELECT id FROM savings_transactions ORDER BY id LIMIT 2")]  # fmt: skip
    line = _as_superuser_without_triggers(
        clone, "SELECT event_id, line_no FROM loan_event_lines ORDER BY 1, 2 LIMIT 2"
    )
    lite = sqlite3.connect(moved[1])
    try:  # a copied row of a table whose rowid is no column is named by its rowid, as on SQLite
        schedule_rowid, loan, version = lite.execute(
            "SELECT rowid, loan_id, version FROM loan_schedules ORDER BY rowid DESC LIMIT 1"
        ).fetchone()
    finally:
        lite.close()
    audit = _one(clone, "SELECT max(id) FROM audit_log")  # written on the server
    new_loan, new_version = written["schedule"]
    _as_superuser_without_triggers(
        clone,
        f"UPDATE savings_transactions SET amount = amount + 1 WHERE id = {ids[0]}",
        f"DELETE FROM savings_transactions WHERE id = {ids[1]}",
        f"DELETE FROM savings_transactions WHERE id = {written['saving']}",
        "INSERT INTO savings_transactions (id, member_id, kind, tx_type, amount, tx_date, "
        "receipt_no, created_at) SELECT 900001, min(id), 'wajib', 'setoran', 1, '2026-12-08', "
        "'KW/PALSU/1', '2026-12-08T10:00:00' FROM members",
        f"UPDATE loan_event_lines SET amount = amount + 1 WHERE event_id = {line[0][0]} "
        f"AND line_no = {line[0][1]}",
        f"DELETE FROM loan_event_lines WHERE event_id = {line[1][0]} AND line_no = {line[1][1]}",
        f"UPDATE loan_schedules SET reason = 'diubah' WHERE loan_id = {loan} "
        f"AND version = {version}",
        f"UPDATE loan_schedules SET reason = 'diubah' WHERE loan_id = {new_loan} "
        f"AND version = {new_version}",
        f"UPDATE contact_causes SET code = 'palsu' WHERE contact_id = {written['contact']} "
        "AND code = 'uji_server'",
        f"UPDATE audit_log SET note = 'dihapus jejaknya' WHERE id = {audit}",
        "UPDATE users SET role = 'admin' WHERE id = 2",
        "DELETE FROM settings WHERE key = 'uji.server'",
        "ALTER TABLE journals DISABLE TRIGGER chain_link_journals",
    )
    assert main(["check", "--db", clone]) == 1
    out = capsys.readouterr().out
    expected = [
        f"Tabel savings_transactions baris {ids[0]} diubah di luar program.",
        f"Tabel savings_transactions baris {ids[1]} dihapus di luar program.",
        f"Tabel savings_transactions baris {written['saving']} dihapus di luar program.",
        "Tabel savings_transactions baris 900001 ditambahkan di luar program.",
        f"Tabel loan_event_lines baris [{line[0][0]},{line[0][1]}] diubah di luar program.",
        f"Tabel loan_event_lines baris [{line[1][0]},{line[1][1]}] dihapus di luar program.",
        f"Tabel loan_schedules baris {schedule_rowid} diubah di luar program.",
        f"Tabel loan_schedules baris [{new_loan},{new_version}] diubah di luar program.",
        f'Tabel contact_causes baris [{written["contact"]},"uji_server"] dihapus di luar program.',
        f'Tabel contact_causes baris [{written["contact"]},"palsu"] ditambahkan di luar program.',
        f"Tabel audit_log baris {audit} diubah di luar program.",
        "Tabel users baris 2 diubah di luar program.",
        "Tabel settings kunci 'uji.server' dihapus di luar program.",
        "Pengaman tabel journals (chain_link_journals) dimatikan: dimatikan di luar program.",
    ]
    for problem in expected:
        assert f"MASALAH: {problem}" in out, problem
    assert "Rantai pengaman catatan: utuh" not in out


def test_an_unreachable_server_fails_the_check_without_showing_the_password(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", "--db", "postgresql://kasir:rahasia-sekali@127.0.0.1:1/kop"]) == 1
    out = capsys.readouterr().out
    assert "MASALAH: Server kantor tidak bisa dihubungi" in out and "rahasia" not in out


def test_restore_refuses_a_backup_the_check_fails(
    pg_server: PgServer, moved: tuple[str, Path], clone: str, tmp_path: Path
) -> None:
    _as_superuser_without_triggers(clone, "UPDATE loan_events SET pokok = pokok WHERE id = 1")
    _as_superuser_without_triggers(
        clone, "UPDATE savings_transactions SET amount = amount * 10 WHERE id = 3"
    )
    tampered = backup_server(parse_server_url(clone), tmp_path)
    with _database(pg_server, moved[0]) as running:
        url = parse_server_url(running.replace(APP_ROLE, SUPERUSER, 1))
        members = _one(running, "SELECT count(*) FROM audit_log")
        with pytest.raises(BackupHasProblems, match="savings_transactions baris 3 diubah"):
            restore_server(url, tampered.path, actor="Uji")
        assert _one(running, "SELECT count(*) FROM audit_log") == members
        leftovers = _one(
            running,
            f"SELECT count(*) FROM pg_database WHERE datname LIKE '{url.dbname}\\_%'",
        )
        assert leftovers == 0


def test_a_move_whose_copy_fails_the_check_is_undone(
    demo_file: Path, pg_empty_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the chain's triggers (as if they had been dropped) the check of the copy finds
    them missing, and nothing stays on the server."""
    monkeypatch.setenv("MUFAKAT_PASSWORD", PASSWORD)
    monkeypatch.setattr(pg_chain, "install", lambda conn: [])
    with pytest.raises(pg_move.MoveRefused, match=r"chain_link_audit_log\) hilang"):
        move(demo_file, pg_empty_url, "admin", app_role=APP_ROLE)
    assert _one(pg_empty_url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == 0
