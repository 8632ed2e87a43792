"""`mufakat demo postgresql://… --members N --seed S` (issue 15 §2): the demo cooperative built
through a temporary file straight into an empty database on the server; a database that is not
empty refused before anything is built; the temporary folder gone afterwards; the address's
password never printed."""

from __future__ import annotations

import tempfile
from pathlib import Path

import psycopg
import pytest

from app import cli
from app.server import demo as server_demo
from app.server.move import FileHasProblems
from tests.pg import APP_ROLE, SUPERUSER

SECRET = "Rahasia-Demo-77"  # the test server trusts the loopback: any password logs in


def _with_password(url: str) -> str:
    return url.replace(f"{SUPERUSER}@", f"{SUPERUSER}:{SECRET}@", 1)


@pytest.fixture
def temp_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the command's temporary folder goes: watched by the tests."""
    root = tmp_path / "temp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    monkeypatch.delenv("MUFAKAT_PASSWORD", raising=False)  # the demo's own admin is the actor
    return root


@pytest.mark.parametrize("members", [1, 60])
def test_the_demo_is_built_on_the_server(
    pg_empty_url: str, temp_root: Path, capsys: pytest.CaptureFixture[str], members: int
) -> None:
    argv = ["demo", _with_password(pg_empty_url), "--members", str(members), "--seed", "7",
            "--app-role", APP_ROLE]  # fmt: skip
    assert cli.main(argv) == 0
    out, err = capsys.readouterr()
    assert SECRET not in out + err
    assert "Koperasi contoh dibuat di postgresql://" in out and "sama di kedua tempat" in out
    assert list(temp_root.iterdir()) == []  # the temporary file and its folder are gone
    assert str(temp_root) not in out  # the summary names the server, not the deleted file
    with psycopg.connect(pg_empty_url) as pg:
        assert pg.execute("SELECT count(*) FROM members").fetchone() == (members,)
        actions = pg.execute("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        admin = pg.execute("SELECT role FROM users WHERE username = 'admin'").fetchone()
    assert actions == ("pindah_ke_server",)
    assert admin is not None


def test_the_empty_schema_server_setup_made_is_filled(
    pg_url: str, temp_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    owner = pg_url.replace(APP_ROLE, SUPERUSER, 1)
    assert cli.main(["demo", owner, "--members", "3", "--app-role", APP_ROLE]) == 0
    with psycopg.connect(owner) as pg:
        assert pg.execute("SELECT count(*) FROM members").fetchone() == (3,)
    assert list(temp_root.iterdir()) == []


def test_a_database_that_is_not_empty_is_refused_before_building(
    pg_url: str,
    temp_root: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    owner = pg_url.replace(APP_ROLE, SUPERUSER, 1)
    with psycopg.connect(owner, autocommit=True) as pg:  # one row is enough to refuse
        pg.execute("INSERT INTO settings (key, value) VALUES ('coba', 'isi')")
    built: list[Path] = []
    monkeypatch.setattr(server_demo, "generate_demo", lambda path, **_: built.append(path) or "")
    argv = ["demo", _with_password(owner), "--members", "60", "--app-role", APP_ROLE]
    assert cli.main(argv) == 1
    out, err = capsys.readouterr()
    assert err.startswith("GAGAL:") and "tidak kosong" in err and "tidak ada yang diubah" in err
    assert SECRET not in out + err
    assert built == [] and list(temp_root.iterdir()) == []
    with psycopg.connect(owner) as pg:
        assert pg.execute("SELECT count(*) FROM members").fetchone() == (0,)


def test_a_failed_move_still_removes_the_temporary_folder(
    pg_empty_url: str,
    temp_root: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The build succeeds, the move fails: the error is said and the folder is gone anyway."""
    seen: list[Path] = []

    def broken_move(path: Path, *_: object, **__: object) -> None:
        seen.append(path)
        assert path.is_file()
        raise FileHasProblems("Pemeriksaan menemukan masalah (uji).", field="db")

    monkeypatch.setattr(server_demo, "move", broken_move)
    argv = ["demo", _with_password(pg_empty_url), "--members", "1", "--app-role", APP_ROLE]
    assert cli.main(argv) == 1
    out, err = capsys.readouterr()
    assert "masalah (uji)" in err and SECRET not in out + err
    assert len(seen) == 1 and not seen[0].exists() and list(temp_root.iterdir()) == []


def test_a_role_that_does_not_exist_is_refused_before_building(
    pg_empty_url: str, temp_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["demo", pg_empty_url, "--members", "60", "--app-role", "tidak_ada"]
    assert cli.main(argv) == 1
    assert "tidak_ada" in capsys.readouterr().err
    assert list(temp_root.iterdir()) == []
