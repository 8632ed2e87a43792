"""Backups and restores of a cooperative on the office server (issue 15): `pg_dump -Fc`
verified by a scratch restore, restore into a new database then a swap, and the refusals (a
damaged dump, another cooperative's backup) that leave the running database as it was."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg.rows import dict_row

from app.server.move import move
from app.server_url import ServerUrl, parse_server_url
from app.storage import pg_backup, pg_tools
from app.storage.pg_backup import backup_server, prune
from app.storage.pg_engine import PgEngine, ServerUnreachable
from app.storage.pg_proof import prove
from app.storage.pg_restore import NotAServerBackup, OtherCooperative, restore_server
from app.storage.pg_tools import ToolMissing
from tests.pg import APP_ROLE, EMPTY_TEMPLATE, SUPERUSER, PgServer, _database
from tests.pg_demo import own_home

NOW = datetime(2026, 12, 8, 2, 0, 0)


@pytest.fixture(scope="module")
def moved(
    pg_server: PgServer, demo_source: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The name of a database holding the demo cooperative moved from its file (a template)."""
    file = tmp_path_factory.mktemp("moved") / "koperasi.db"
    file.write_bytes(demo_source.read_bytes())
    os.environ["MUFAKAT_PASSWORD"] = "admin123"
    try:
        with _database(pg_server, EMPTY_TEMPLATE) as url:
            owner = url.replace(APP_ROLE, SUPERUSER, 1)
            with own_home(tmp_path_factory):
                move(file, owner, "admin", app_role=APP_ROLE)
            yield parse_server_url(owner).dbname
    finally:
        del os.environ["MUFAKAT_PASSWORD"]


@pytest.fixture
def coop(pg_server: PgServer, moved: str) -> Iterator[ServerUrl]:
    """A running cooperative database of this test's own (a copy of the moved one)."""
    with _database(pg_server, moved) as url:
        owner = parse_server_url(url.replace(APP_ROLE, SUPERUSER, 1))
        yield owner
        for name in _databases(pg_server, owner.dbname):
            if name != owner.dbname:
                pg_server.drop_database(name)


def _databases(server: PgServer, prefix: str) -> list[str]:
    with psycopg.connect(server.url()) as conn:
        rows = conn.execute(
            "SELECT datname FROM pg_database WHERE starts_with(datname, %s) ORDER BY 1", (prefix,)
        ).fetchall()
    return [r[0] for r in rows]


def _scalar(url: ServerUrl, sql: str, dbname: str | None = None) -> Any:
    with psycopg.connect(pg_tools.conninfo(url, dbname)) as conn:
        row = conn.execute(sql).fetchone()
        return None if row is None else row[0]


def _tables(url: ServerUrl) -> list[str]:
    with psycopg.connect(pg_tools.conninfo(url)) as conn:
        rows = conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        return sorted(r[0] for r in rows)


def _add_member(url: ServerUrl) -> None:
    with psycopg.connect(pg_tools.conninfo(url)) as conn:
        conn.execute(
            "INSERT INTO members (number, name, sex, join_date, created_at, updated_at) "
            "VALUES ('B-0001', 'Sesudah Cadangan', 'L', '2026-12-01', 'x', 'x')"
        )


def test_backup_then_restore_gives_the_backed_up_data_back(
    coop: ServerUrl, moved: str, pg_server: PgServer, tmp_path: Path
) -> None:
    made = backup_server(coop, tmp_path, now=NOW)
    assert made.path.name == f"{coop.dbname}-cadangan-20261208-020000.dump"
    assert [p.name for p in tmp_path.iterdir()] == [made.path.name]  # no half file beside it
    with psycopg.connect(pg_tools.conninfo(coop), row_factory=dict_row) as conn:
        counted = pg_tools.row_counts(conn, pg_tools.public_tables(conn))
    # the rows dumped, plus the backup's own row in `backups`, written once it was verified
    assert made.rows + 1 == sum(counted.values()) and made.tables == len(counted) > 80
    assert made.steps > 0
    assert _scalar(coop, "SELECT count(*) FROM backups WHERE verified = 1") == 1
    members = _scalar(coop, "SELECT count(*) FROM members")
    _add_member(coop)

    other_pc = PgEngine(pg_tools.conninfo(coop))  # a PC still connected during the restore
    done = restore_server(coop, made.path, actor="Dwi Prasetyo", now=NOW)
    with pytest.raises(ServerUnreachable):  # it was disconnected; it reconnects to the new data
        other_pc.scalar("SELECT count(*) FROM members")
    other_pc.close()

    assert done.aside == f"{coop.dbname}_sebelum_pulih_20261208_020000"
    assert _scalar(coop, "SELECT count(*) FROM members") == members
    assert _scalar(coop, "SELECT count(*) FROM members", done.aside) == members + 1
    assert _databases(pg_server, coop.dbname) == sorted([coop.dbname, done.aside])
    note = _scalar(coop, "SELECT note FROM audit_log ORDER BY id DESC LIMIT 1")
    assert "Dwi Prasetyo" in note and done.aside in note
    # The restored database equals the moved cooperative table by table, money hashed (the
    # audit trail apart: it has the restore's entry, and `backups` its own line).
    with _database(pg_server, moved) as original:
        a, b = PgEngine(pg_tools.conninfo(coop)), PgEngine(original.replace(APP_ROLE, SUPERUSER, 1))
        try:
            tables = [t for t in _tables(coop) if t not in ("audit_log", "backups")]
            proof = prove(a, b, tables, {})
        finally:
            a.close()
            b.close()
    assert proof.ok, proof.problems
    # The program's role still has its rights on the restored database.
    app = PgEngine(pg_tools.conninfo(ServerUrl(APP_ROLE, None, coop.host, coop.port, coop.dbname)))
    try:
        assert app.scalar("SELECT count(*) FROM members") == members
    finally:
        app.close()


@pytest.mark.parametrize("damage", ["truncated", "flipped", "not a dump"])
def test_a_damaged_dump_is_refused_and_nothing_changes(
    coop: ServerUrl, pg_server: PgServer, tmp_path: Path, damage: str
) -> None:
    made = backup_server(coop, tmp_path / "cadangan", now=NOW)
    data = bytearray(made.path.read_bytes())
    if damage == "truncated":
        data = data[: len(data) * 2 // 3]
    elif damage == "flipped":
        for i in range(len(data) // 2, len(data) // 2 + 64):
            data[i] ^= 0xFF
    else:
        data = bytearray(b"PK\x03\x04 bukan cadangan")
    broken = tmp_path / "rusak.dump"
    broken.write_bytes(bytes(data))
    _add_member(coop)
    members = _scalar(coop, "SELECT count(*) FROM members")
    with pytest.raises(NotAServerBackup) as refused:
        restore_server(coop, broken, actor="admin", now=NOW)
    assert "tidak" in refused.value.message
    assert _scalar(coop, "SELECT count(*) FROM members") == members
    assert _databases(pg_server, coop.dbname) == [coop.dbname]


def test_another_cooperatives_backup_is_refused(
    coop: ServerUrl, pg_server: PgServer, tmp_path: Path
) -> None:
    made = backup_server(coop, tmp_path, now=NOW)
    with psycopg.connect(pg_tools.conninfo(coop)) as conn:  # this database: another identity
        conn.execute("ALTER TABLE file_identity DISABLE TRIGGER USER")
        conn.execute("UPDATE file_identity SET identity = repeat('ab', 16)")
        conn.execute("ALTER TABLE file_identity ENABLE TRIGGER USER")
    with pytest.raises(OtherCooperative, match="milik koperasi lain"):
        restore_server(coop, made.path, actor="admin", now=NOW)
    assert _scalar(coop, "SELECT identity FROM file_identity") == "ab" * 16
    assert _databases(pg_server, coop.dbname) == [coop.dbname]


def test_a_failed_verification_leaves_no_file(
    coop: ServerUrl, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object) -> None:
        raise pg_backup.BackupUnverified("jumlah baris berbeda")

    monkeypatch.setattr(pg_backup, "verify_dump", refuse)
    with pytest.raises(pg_backup.BackupUnverified):
        backup_server(coop, tmp_path, now=NOW)
    assert list(tmp_path.iterdir()) == []
    assert _scalar(coop, "SELECT count(*) FROM backups") == 0


def test_the_password_goes_only_through_the_environment(
    coop: ServerUrl, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = "rahasia-Sekali-123"  # the test server trusts the loopback: any password works
    url = ServerUrl(coop.user, secret, coop.host, coop.port, coop.dbname)
    seen: list[tuple[list[str], dict[str, str]]] = []
    real = subprocess.run

    def spy(command: list[str], **kwargs: Any) -> Any:
        seen.append((command, kwargs["env"]))
        return real(command, **kwargs)

    monkeypatch.setattr(pg_tools.subprocess, "run", spy)
    backup_server(url, tmp_path, now=NOW)
    assert {Path(c[0]).name for c, _ in seen} == {"pg_dump", "pg_restore"}
    for command, env in seen:
        assert not any(secret in part for part in command)
        assert env["PGPASSWORD"] == secret


def test_without_pg_dump_the_message_says_what_to_do(
    coop: ServerUrl, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MUFAKAT_PG_BIN", raising=False)
    monkeypatch.setattr(pg_tools, "_LINUX_BIN", tmp_path / "none")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ToolMissing, match=r"pg_dump .*tidak ditemukan.*MUFAKAT_PG_BIN"):
        backup_server(coop, tmp_path / "cadangan", now=NOW)
    assert not any((tmp_path / "cadangan").iterdir())


def test_the_automatic_backup_keeps_the_cooperatives_setting(
    coop: ServerUrl, tmp_path: Path
) -> None:
    with psycopg.connect(pg_tools.conninfo(coop)) as conn:
        conn.execute(
            "INSERT INTO settings (key, value) VALUES ('backup.keep', '2') "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        )
    made = [
        backup_server(coop, tmp_path, kind="otomatis", keep_setting=True, now=NOW.replace(day=d))
        for d in (5, 6, 7)
    ]
    assert sorted(tmp_path.iterdir()) == [made[1].path, made[2].path]
    assert made[2].removed == (made[0].path,)
    kinds = "SELECT string_agg(kind, ',' ORDER BY id) FROM backups"
    assert _scalar(coop, kinds) == "otomatis,otomatis,otomatis"


@pytest.mark.parametrize(("count", "keep"), [(0, 3), (2, 3), (3, 3), (7, 3), (5, 1), (4, 0)])
def test_prune_keeps_the_newest(tmp_path: Path, count: int, keep: int) -> None:
    names = [f"kop-cadangan-2026120{d}-020000.dump" for d in range(1, count + 1)]
    for name in names:
        (tmp_path / name).write_bytes(b"PGDMP")
    (tmp_path / "lain-cadangan-20261201-020000.dump").write_bytes(b"PGDMP")
    prune(tmp_path, "kop", keep)
    left = sorted(p.name for p in tmp_path.glob("kop-*"))
    assert left == names[len(names) - min(len(names), max(1, keep)) :]
    assert (tmp_path / "lain-cadangan-20261201-020000.dump").exists()
