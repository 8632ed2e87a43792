"""`mufakat server move` (issue 15): a demo cooperative moved from its file into an empty
PostgreSQL database in one transaction, with its proofs; new rows on the server after it; the
refusals (a database that is not empty, a file with problems, a wrong password)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import psycopg
import pytest

from app.server.move import FileHasProblems, move, summary
from app.server_url import parse_server_url
from app.storage import pg_copy, pg_move, pg_schema
from app.storage.audit_repo import AuditRepository
from app.storage.constraints import ConstraintFailed
from app.storage.members_repo import MembersRepository
from app.storage.pg_engine import PgEngine
from app.storage.pg_move import TargetNotEmpty
from app.storage.pg_tools import ServerLoginRefused
from tests.conftest import make_draft
from tests.pg import APP_ROLE, SUPERUSER, PgServer

PASSWORD = "admin123"


@pytest.fixture(autouse=True)
def _password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MUFAKAT_PASSWORD", PASSWORD)


def _audit_actions(rows: list[tuple[str, str]]) -> list[str]:
    return [action for action, _ in rows]


def _new_member_and_payment(url: str) -> tuple[int, int]:
    """A member and a savings payment written by the program's role, ids from the sequences."""
    engine = PgEngine(url)
    try:
        with engine.atomic():
            member = MembersRepository(engine).insert(
                "A-9999", make_draft(serial=9999, name="Anggota Baru di Server"), None
            )
            payment = engine.insert_id(
                "INSERT INTO savings_transactions (member_id, kind, tx_type, amount, tx_date, "
                "receipt_no, created_at) VALUES (:m, 'wajib', 'setoran', 50000, '2026-12-08', "
                "'KW/SERVER/000001', '2026-12-08T09:00:00') RETURNING id",
                {"m": member},
            )
            AuditRepository(engine).record(None, "tambah", "anggota", member)
        return member, payment
    finally:
        engine.close()


def test_a_demo_cooperative_moves_with_every_proof(demo_file: Path, pg_empty_url: str) -> None:
    result = move(demo_file, pg_empty_url, "admin", app_role=APP_ROLE)
    proof = result.proof
    assert proof.ok and proof.trial_equal and proof.trial_debit == proof.trial_credit > 0
    by_table = {t.table: t for t in proof.tables}
    assert by_table["members"].pg_rows == 60
    for money in ("savings_transactions", "loan_events", "journal_lines", "loan_balances"):
        assert by_table[money].hashed and by_table[money].pg_rows > 0, money
    with psycopg.connect(pg_empty_url) as pg:
        pg_audit = pg.execute("SELECT action, note FROM audit_log ORDER BY id DESC").fetchall()
        assert pg.execute("SELECT count(*) FROM members").fetchone() == (60,)
        unanalysed = pg.execute(
            "SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NULL "
            "AND relname IN ('members', 'loans', 'loan_events', 'journals', 'journal_lines')"
        ).fetchall()
        assert unanalysed == []  # the planner knows the copied tables at once
    lite = sqlite3.connect(demo_file)
    try:
        lite_audit = lite.execute("SELECT action, note FROM audit_log ORDER BY id DESC").fetchall()
    finally:
        lite.close()
    assert _audit_actions(pg_audit)[0] == "pindah_ke_server"
    assert _audit_actions(lite_audit)[0] == "pindah_ke_server" and "server" in lite_audit[0][1]
    text = "\n".join(summary(result, demo_file))
    assert "Neraca saldo" in text and "sama di kedua tempat" in text
    assert "'mufakat check' pada salinan di server: baik" in text
    # The program's role on another PC writes new rows: the sequences are past the copied ids.
    member, payment = _new_member_and_payment(pg_empty_url.replace(SUPERUSER, APP_ROLE, 1))
    assert member == 61
    assert payment == by_table["savings_transactions"].pg_rows + 1


def test_without_setval_the_next_insert_collides(demo_file: Path, pg_empty_url: str) -> None:
    """The control for the sequences: copied ids and the sequences left at their start."""
    lite = sqlite3.connect(demo_file)
    try:
        with psycopg.connect(
            pg_empty_url, autocommit=True, row_factory=psycopg.rows.dict_row
        ) as pg:
            pg_schema.install(pg, APP_ROLE)
            with pg.transaction():
                pg_copy.copy_tables(lite, pg)
    finally:
        lite.close()
    with pytest.raises(ConstraintFailed) as caught:  # the user's text; the key in the cause
        _new_member_and_payment(pg_empty_url.replace(SUPERUSER, APP_ROLE, 1))
    assert isinstance(caught.value.__cause__, psycopg.errors.UniqueViolation)
    assert "members_pkey" in str(caught.value.__cause__)


def test_a_database_that_is_not_empty_is_refused(demo_file: Path, pg_url: str) -> None:
    owner = pg_url.replace(APP_ROLE, SUPERUSER, 1)
    with psycopg.connect(owner, autocommit=True) as pg:  # one row is enough to refuse
        pg.execute("INSERT INTO settings (key, value) VALUES ('coba', 'isi')")
    with pytest.raises(TargetNotEmpty, match="tidak kosong"):
        move(demo_file, owner, "admin", app_role=APP_ROLE)


def test_the_empty_schema_server_setup_made_is_filled(demo_file: Path, pg_url: str) -> None:
    """`mufakat server setup` leaves the cooperative's database with the schema and no rows: the
    move fills it instead of refusing it, and the program's role writes afterwards."""
    result = move(demo_file, pg_url.replace(APP_ROLE, SUPERUSER, 1), "admin", app_role=APP_ROLE)
    assert result.proof.ok and result.proof.trial_equal
    member, payment = _new_member_and_payment(pg_url)
    assert member > 0 and payment > 0


def test_a_file_with_problems_is_refused(demo_file: Path, pg_empty_url: str) -> None:
    lite = sqlite3.connect(demo_file)
    try:  # a member's status changed behind the program's back: no date for it
        lite.execute("UPDATE members SET status = 'keluar', status_date = NULL WHERE id = 1")
        lite.commit()
    finally:
        lite.close()
    with pytest.raises(FileHasProblems, match="masalah"):
        move(demo_file, pg_empty_url, "admin", app_role=APP_ROLE)
    with psycopg.connect(pg_empty_url) as pg:  # nothing written on the server
        assert pg.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
        ).fetchone() == (0,)


def test_a_wrong_password_is_refused_in_plain_words(
    demo_file: Path, pg_empty_url: str, pg_server: PgServer
) -> None:
    role = "mufakat_pindah"
    with psycopg.connect(pg_server.url(), autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {role} LOGIN SUPERUSER PASSWORD 'benar-sekali'")
        hba = Path(str(conn.execute("SHOW hba_file").fetchone()[0]))  # type: ignore[index]
        rules = hba.read_text()
        hba.write_text(f"host all {role} 127.0.0.1/32 scram-sha-256\n" + rules)
        conn.execute("SELECT pg_reload_conf()")
    try:
        url = parse_server_url(pg_empty_url)
        wrong = f"postgresql://{role}:salah@{url.host}:{url.port}/{url.dbname}"
        with pytest.raises(ServerLoginRefused) as refused:
            move(demo_file, wrong, "admin", app_role=APP_ROLE)
        assert "kata sandi" in refused.value.message and "salah@" not in refused.value.message
        right = f"postgresql://{role}:benar-sekali@{url.host}:{url.port}/{url.dbname}"
        assert move(demo_file, right, "admin", app_role=APP_ROLE).proof.ok
    finally:
        hba.write_text(rules)
        with psycopg.connect(pg_server.url(), autocommit=True) as conn:
            conn.execute("SELECT pg_reload_conf()")


def test_a_difference_found_by_the_proofs_leaves_the_server_empty(
    demo_file: Path, pg_empty_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A copy that differs (here: one journal line's debit changed on the server before the
    proofs run) is rolled back whole, and the file gets no audit entry."""
    real = pg_move.prove

    def tampered(lite: Any, pg: Any, *args: Any) -> Any:
        pg.run("SET LOCAL session_replication_role = replica")  # past the append-only guard
        pg.run(
            "UPDATE journal_lines SET debit = debit + 1 "
            "WHERE id = (SELECT min(id) FROM journal_lines WHERE debit > 0)"
        )
        pg.run("SET LOCAL session_replication_role = origin")
        return real(lite, pg, *args)

    monkeypatch.setattr(pg_move, "prove", tampered)
    with pytest.raises(pg_move.MoveRefused, match=r"journal_lines.*neraca saldo"):
        move(demo_file, pg_empty_url, "admin", app_role=APP_ROLE)
    with psycopg.connect(pg_empty_url) as pg:
        tables = "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
        assert pg.execute(tables).fetchone() == (0,)
    lite = sqlite3.connect(demo_file)
    try:  # the log-in is audited, the move is not
        actions = [r[0] for r in lite.execute("SELECT action FROM audit_log ORDER BY id DESC")]
    finally:
        lite.close()
    assert "pindah_ke_server" not in actions
