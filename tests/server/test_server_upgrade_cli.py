"""`mufakat server upgrade` on the throw-away server (issue 15 §2), and what a PC that connects
to a database its program does not match is told: which PC to update, and the command to run
on the server PC (parsed here by the program's own parser)."""

from __future__ import annotations

import shlex
from pathlib import Path

import psycopg
import pytest

from app.cli import _parser, main
from app.server_url import parse_server_url
from app.services import Services
from app.storage import pg_schema
from app.storage.pg_open import SchemaMismatch
from app.storage.pg_upgrade import BACKUP_KIND
from app.storage.pg_upgrade import SUPERUSER as OWNER
from tests.pg import APP_ROLE, SUPERUSER

SECRET = "rahasia-Pembaruan-42"  # the test server trusts the loopback: any password works
STEP = "9999_uji_kolom"
UPGRADE = ["server", "upgrade", "--app-role", APP_ROLE, "--db"]


@pytest.fixture
def later(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """One step after the baseline that the database has not run (none exist yet)."""
    steps = {STEP: "ALTER TABLE members ADD COLUMN uji text"}
    names = [*pg_schema.later_steps(), *steps]
    monkeypatch.setattr(pg_schema, "later_steps", lambda: names)
    monkeypatch.setattr(pg_schema, "step_sql", lambda name: steps[name])
    return steps


def _owner(pg_url: str, password: str | None = SECRET) -> str:
    url = parse_server_url(pg_url)
    auth = f"{SUPERUSER}:{password}" if password else SUPERUSER
    return f"postgresql://{auth}@{url.host}:{url.port}/{url.dbname}"


def _one(url: str, query: str) -> object:
    with psycopg.connect(url) as conn:
        row = conn.execute(query).fetchone()
        return None if row is None else row[0]


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    assert SECRET not in out + err
    return code, out + err


def test_a_database_one_step_behind_gets_a_dump_then_the_step(
    pg_url: str, tmp_path: Path, later: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    owner = _owner(pg_url)
    before = _one(_owner(pg_url, None), "SELECT count(*) FROM _migrations")
    folder = tmp_path / "cadangan"
    code, out = _run([*UPGRADE, owner, "--to", str(folder)], capsys)
    dumps = list(folder.glob("*.dump"))
    assert code == 0 and len(dumps) == 1
    assert f"Cadangan sebelum pembaruan tersimpan dan terverifikasi: {dumps[0]}" in out
    assert "1 langkah skema dijalankan" in out and f"  {STEP}" in out
    plain = _owner(pg_url, None)
    assert _one(plain, "SELECT count(*) FROM _migrations") == before + 1  # type: ignore[operator]
    assert _one(plain, "SELECT max(name) FROM _migrations") == STEP
    assert _one(plain, "SELECT kind FROM backups") == BACKUP_KIND
    assert _one(pg_url, "SELECT count(uji) FROM members") == 0  # the program's role reads it

    code, out = _run([*UPGRADE, owner, "--to", str(folder)], capsys)
    assert code == 0 and "sudah terbaru; tidak ada yang diubah" in out
    assert list(folder.glob("*.dump")) == dumps  # no second dump


def test_an_up_to_date_database_takes_no_dump(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _run([*UPGRADE, _owner(pg_url), "--to", str(tmp_path)], capsys)
    assert code == 0 and "sudah terbaru" in out and list(tmp_path.iterdir()) == []


def test_a_failing_step_leaves_the_database_as_it_was_and_the_dump_in_place(
    pg_url: str, tmp_path: Path, later: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    later[STEP] = "ALTER TABLE tidak_ada ADD COLUMN uji text"
    plain = _owner(pg_url, None)
    before = _one(plain, "SELECT array_agg(name ORDER BY name) FROM _migrations")
    code, out = _run([*UPGRADE, _owner(pg_url), "--to", str(tmp_path)], capsys)
    dumps = list(tmp_path.glob("*.dump"))
    assert code == 1 and out.startswith("GAGAL: ") and "gagal dan dibatalkan" in out
    assert len(dumps) == 1 and str(dumps[0]) in out
    assert _one(plain, "SELECT array_agg(name ORDER BY name) FROM _migrations") == before
    assert (
        _one(plain, "SELECT count(*) FROM information_schema.columns WHERE column_name = 'uji'")
        == 0
    )


def test_a_database_a_newer_program_migrated_is_refused_untouched(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = _owner(pg_url, None)
    with psycopg.connect(plain) as conn:
        conn.execute("INSERT INTO _migrations (name) VALUES ('9999_dari_masa_depan')")
    code, out = _run([*UPGRADE, _owner(pg_url), "--to", str(tmp_path)], capsys)
    assert code == 1 and "versi lebih baru" in out and "9999_dari_masa_depan" in out
    assert list(tmp_path.iterdir()) == []


def test_a_server_that_does_not_answer_is_said_without_the_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.pg import free_port

    url = f"postgresql://{OWNER}:{SECRET}@127.0.0.1:{free_port()}/mufakat"
    code, out = _run([*UPGRADE, url, "--to", str(tmp_path)], capsys)
    assert code == 1 and out.startswith("GAGAL: ") and list(tmp_path.iterdir()) == []


def _drop_last_step(pg_url: str) -> str:
    with psycopg.connect(_owner(pg_url, None)) as conn:
        row = conn.execute(
            "DELETE FROM _migrations WHERE name = (SELECT max(name) FROM _migrations) "
            "RETURNING name"
        ).fetchone()
    assert row is not None
    return str(row[0])


def test_a_pc_connecting_to_a_database_behind_is_told_the_command_for_the_server_pc(
    pg_url: str,
) -> None:
    _drop_last_step(pg_url)
    with pytest.raises(SchemaMismatch) as caught:
        Services.open(pg_url)
    message = caught.value.message
    assert message.startswith("Database di server kantor (")
    assert "perlu diperbarui ke versi program ini. Di PC server jalankan: Mufakat.exe" in message
    command = message.split("jalankan: ", 1)[1].split(" (atau", 1)[0]
    argv = shlex.split(command, posix=True)
    assert argv[0] == "Mufakat.exe"
    args = _parser().parse_args(argv[1:])
    assert (args.command, args.server_command) == ("server", "upgrade")
    url = parse_server_url(args.url)
    served = parse_server_url(pg_url)
    assert (url.user, url.host, url.port, url.dbname) == (
        OWNER, "127.0.0.1", served.port, served.dbname
    )  # fmt: skip
    assert url.password is None and str(args.folder).endswith("Mufakat Server\\cadangan")


def test_a_pc_whose_program_is_older_than_the_server_is_told_to_update_itself(
    pg_url: str,
) -> None:
    with psycopg.connect(_owner(pg_url, None)) as conn:
        conn.execute("INSERT INTO _migrations (name) VALUES ('9999_dari_masa_depan')")
    with pytest.raises(SchemaMismatch, match=r"^Program di PC ini lebih lama dari database server"):
        Services.open(pg_url)


@pytest.mark.parametrize("ahead", [False, True])
def test_the_command_line_says_the_same(
    pg_url: str, ahead: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    if ahead:
        with psycopg.connect(_owner(pg_url, None)) as conn:
            conn.execute("INSERT INTO _migrations (name) VALUES ('9999_dari_masa_depan')")
    else:
        _drop_last_step(pg_url)
    argv = ["books", "trial-balance", "--db", pg_url, "--as-of", "2026-01-31", "--csv", "x.csv"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    expected = (
        "perbarui Mufakat di PC ini"
        if ahead
        else "Di PC server jalankan: Mufakat.exe server upgrade"
    )
    assert err.startswith("GAGAL: ") and expected in err
    assert not (tmp_path / "x.csv").exists()


def test_the_installer_s_result_file_says_ok_or_why_not(
    pg_url: str, tmp_path: Path, later: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    from app.server.installer import RESULT_TAG

    result = tmp_path / "hasil.txt"
    argv = [*UPGRADE, _owner(pg_url), "--to", str(tmp_path / "c"), "--result-file", str(result)]
    later[STEP] = "ALTER TABLE tidak_ada ADD COLUMN uji text"
    assert _run(argv, capsys)[0] == 1
    text = result.read_text(encoding="utf-8-sig")
    assert text.startswith(f"{RESULT_TAG} gagal ")
    assert "gagal dan dibatalkan" in text and SECRET not in text
    later[STEP] = "ALTER TABLE members ADD COLUMN uji text"
    assert _run(argv, capsys)[0] == 0
    text = result.read_text(encoding="utf-8-sig")
    assert text.startswith(f"{RESULT_TAG} ok ") and STEP in text and SECRET not in text
