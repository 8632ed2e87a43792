"""The throw-away PostgreSQL of the tests: a real server, a fresh database per test, and CI
never skipping it for want of binaries."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from tests import pg


def test_the_server_is_a_postgresql_15_or_later_on_loopback(pg_empty_url: str) -> None:
    assert "127.0.0.1" in pg_empty_url
    with psycopg.connect(pg_empty_url) as conn:
        version = conn.execute("SHOW server_version_num").fetchone()
    assert version is not None and int(version[0]) // 10000 >= 15


def test_each_test_gets_its_own_database(pg_server: pg.PgServer) -> None:
    with (
        pg._database(pg_server, pg.EMPTY_TEMPLATE) as first,
        pg._database(pg_server, pg.EMPTY_TEMPLATE) as second,
    ):
        first_admin = first.replace(pg.APP_ROLE, pg.SUPERUSER, 1)
        second_admin = second.replace(pg.APP_ROLE, pg.SUPERUSER, 1)
        assert first_admin != second_admin
        with psycopg.connect(first_admin, autocommit=True) as conn:
            conn.execute("CREATE TABLE only_here (x bigint)")
        with psycopg.connect(second_admin) as conn:
            found = conn.execute("SELECT to_regclass('only_here')").fetchone()
        assert found == (None,)


@pytest.mark.no_database
@pytest.mark.parametrize("ci", ["", "true"])
def test_missing_binaries_skip_locally_and_fail_on_ci(
    monkeypatch: pytest.MonkeyPatch, ci: str
) -> None:
    monkeypatch.setattr(pg, "find_bin_dir", lambda: None)
    if ci:
        monkeypatch.setenv("CI", ci)
    else:
        monkeypatch.delenv("CI", raising=False)
    expected = pytest.fail.Exception if ci else pytest.skip.Exception
    with pytest.raises(expected):
        next(pg._start_server())


@pytest.mark.no_database
def test_binaries_are_found_from_the_environment_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "initdb").write_text("")
    monkeypatch.setenv("MUFAKAT_PG_BIN", str(tmp_path))
    monkeypatch.setattr(pg, "_CANDIDATES", ())
    monkeypatch.setattr(pg.shutil, "which", lambda name: None)
    assert pg.find_bin_dir() is None  # pg_ctl missing
    (tmp_path / "pg_ctl").write_text("")
    assert pg.find_bin_dir() == tmp_path
