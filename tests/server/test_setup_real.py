"""`mufakat server setup` for real on Linux (issue 15 §3): a new PostgreSQL cluster from the
machine's binaries, the same steps the Windows server PC runs but the service (pg_ctl here).

The folder is a fresh temporary one the `postgres` user can reach (pytest's tmp_path sits under
a root-only folder, and initdb refuses root, so the binaries run as `postgres` as in tests/pg.py).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from app.cli import main
from app.errors import ValidationError
from app.server import commands as cmd
from app.server import setup
from app.server.connection import ConnectionForm, try_connection
from tests.pg import find_bin_dir, free_port

PASSWORD = "Rahasia-Kantor-1"
APP_PASSWORD = "kasir:depan@2026"


@dataclass
class Made:
    root: Path
    result: setup.SetupResult
    bin_dir: Path


def _scratch() -> Path:
    root = Path(tempfile.mkdtemp(prefix="mufakat-server-"))
    root.chmod(0o755)
    return root


def _stop(bin_dir: Path, data: Path) -> None:
    if (data / "postmaster.pid").exists():
        setup.default_runner()(cmd.pg_ctl_stop_args(bin_dir, data, windows=False), "stop")


@pytest.fixture(scope="module")
def made() -> Iterator[Made]:
    bin_dir = find_bin_dir()
    if bin_dir is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL binaries not found")
        pytest.skip("PostgreSQL binaries not found")
    root = _scratch()
    request = setup.SetupRequest(
        data=root / "data",
        subnet="192.168.1.0/24",
        password=PASSWORD,
        app_password=APP_PASSWORD,
        port=free_port(),
    )
    lines: list[str] = []
    try:
        result = setup.setup_server(request, bin_dir=bin_dir, windows=False, report=lines.append)
        assert lines == result.steps and len(lines) == 4
        yield Made(root, result, bin_dir)
    finally:
        _stop(bin_dir, root / "data")
        shutil.rmtree(root, ignore_errors=True)


def _connect(port: int, user: str, password: str, dbname: str = "mufakat") -> psycopg.Connection:
    return psycopg.connect(
        host="127.0.0.1", port=port, user=user, password=password, dbname=dbname,
        connect_timeout=5,
    )  # fmt: skip


def test_the_program_role_connects_over_tcp_with_its_password(made: Made) -> None:
    with _connect(made.result.port, "mufakat", APP_PASSWORD) as conn:
        count = conn.execute("SELECT count(*) FROM _migrations").fetchone()
        super_ = conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        assert count is not None and super_.fetchone() == (False,)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("TRUNCATE audit_log")


def test_the_superuser_connects_from_this_pc_with_the_file_password(made: Made) -> None:
    with _connect(made.result.port, cmd.SUPERUSER, PASSWORD, "postgres") as conn:
        settings = {
            name: conn.execute(f"SHOW {name}").fetchone()[0]  # type: ignore[index]
            for name in ("listen_addresses", "port", "password_encryption", "data_checksums")
        }
        hba = conn.execute("SELECT pg_read_file('pg_hba.conf')").fetchone()
    assert settings == {
        "listen_addresses": "*",
        "port": str(made.result.port),
        "password_encryption": "scram-sha-256",
        "data_checksums": "on",
    }
    assert hba is not None and "192.168.1.0/24" in hba[0] and "trust" not in hba[0]


def test_check_reads_the_page_checksums_of_the_new_server(made: Made) -> None:
    """`mufakat check` of the fresh cooperative database: its pages carry checksums, none
    failed; the empty schema has no problem."""
    from app.server_url import ServerUrl
    from app.storage.pg_check import check_server

    report = check_server(
        ServerUrl(cmd.SUPERUSER, PASSWORD, "127.0.0.1", made.result.port, "mufakat")
    )
    assert report.ok, report.problems
    assert "Integritas data server (checksum halaman PostgreSQL): baik" in report.facts


@pytest.mark.parametrize(
    ("user", "password"),
    [("mufakat", "salah-sekali"), ("mufakat", PASSWORD), (cmd.SUPERUSER, APP_PASSWORD)],
)
def test_a_wrong_password_is_refused(made: Made, user: str, password: str) -> None:
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        _connect(made.result.port, user, password)


def test_hba_on_disk_holds_the_subnet_and_only_scram(made: Made) -> None:
    lines = [
        line.split()
        for line in (made.result.data / "pg_hba.conf").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert ["host", "mufakat", "mufakat", "192.168.1.0/24", "scram-sha-256"] in lines
    assert {line[-1] for line in lines} == {"scram-sha-256"}


def test_the_connection_dialog_logic_reaches_the_new_server(made: Made) -> None:
    form = ConnectionForm("127.0.0.1", str(made.result.port), "mufakat", "mufakat", APP_PASSWORD)
    assert try_connection(form)[:2].isdigit()  # the server's version, e.g. 15.18
    wrong = ConnectionForm("127.0.0.1", str(made.result.port), "mufakat", "mufakat", "salah-123")
    with pytest.raises(ValidationError) as caught:
        try_connection(wrong)
    assert caught.value.field == "password" and "salah-123" not in caught.value.message
    missing = ConnectionForm(
        "127.0.0.1", str(made.result.port), "tidak_ada", "mufakat", APP_PASSWORD
    )
    with pytest.raises(ValidationError) as caught:
        try_connection(missing)
    assert caught.value.field == "dbname" and "tidak_ada" in caught.value.message


def test_the_port_in_use_is_refused_for_a_second_server(made: Made) -> None:
    assert not setup.port_is_free(made.result.port)
    with pytest.raises(ValidationError, match=f"Port {made.result.port} sudah dipakai"):
        setup.choose_port(made.result.port)


def test_a_second_setup_into_the_same_folder_changes_nothing(made: Made) -> None:
    before = sorted(p.name for p in made.result.data.iterdir())
    request = setup.SetupRequest(
        data=made.result.data, subnet="192.168.1.0/24", password=PASSWORD,
        app_password=PASSWORD, port=free_port(),
    )  # fmt: skip
    with pytest.raises(ValidationError, match="tidak kosong"):
        setup.setup_server(request, bin_dir=made.bin_dir, windows=False)
    assert sorted(p.name for p in made.result.data.iterdir()) == before


def test_the_command_refuses_a_bad_subnet_before_writing_anything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pw = tmp_path / "pw.txt"
    pw.write_text(PASSWORD + "\n")
    target = tmp_path / "server"
    code = main(
        ["server", "setup", "--data", str(target), "--subnet", "0.0.0.0/0",
         "--password-file", str(pw)]
    )  # fmt: skip
    assert code == 1 and not target.exists()
    err = capsys.readouterr().err
    assert "GAGAL" in err and "bukan jaringan lokal" in err and PASSWORD not in err
    assert "bukan jaringan lokal" in (tmp_path / "mufakat-server.txt").read_text()


@pytest.mark.parametrize("form", ["command line", "installer"])
def test_the_command_sets_up_a_server(form: str, capsys: pytest.CaptureFixture[str]) -> None:
    """As typed by a helper (one password file), and as the installer's pages pass it
    (installer/server.iss: each password typed twice, two passwords, a result file)."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.skip("PostgreSQL binaries not found")
    root = _scratch()
    pw = root / "pw.txt"
    port = free_port()
    args = ["server", "setup", "--data", str(root / "data"), "--subnet", "10.1.0.0/16",
            "--port", str(port), "--password-file", str(pw)]  # fmt: skip
    app_password = PASSWORD
    if form == "installer":
        pw.write_bytes(f"\ufeff{PASSWORD}\r\n{PASSWORD}\r\n".encode())  # as Inno writes it
        (root / "pw2.txt").write_bytes(f"\ufeff{APP_PASSWORD}\r\n{APP_PASSWORD}\r\n".encode())
        args += ["--repeated", "--app-password-file", str(root / "pw2.txt"),
                 "--result-file", str(root / "hasil.txt")]  # fmt: skip
        app_password = APP_PASSWORD
    else:
        pw.write_text(PASSWORD + "\n")
    try:
        code = main(args)
        out = capsys.readouterr().out
        assert code == 0, out
        assert f"port = {port}" in out and PASSWORD not in out and APP_PASSWORD not in out
        report = (root / "mufakat-server.txt").read_text()
        assert f"port = {port}" in report and PASSWORD not in report
        if form == "installer":
            lines = (root / "hasil.txt").read_text(encoding="utf-8-sig").splitlines()
            assert lines[0] == f"MUFAKAT-HASIL ok {port}"
            assert "Server kantor siap" in lines[-1] and "kata sandi untuk PC lain" in lines[-1]
            assert not any(PASSWORD in line or APP_PASSWORD in line for line in lines)
            with _connect(port, cmd.SUPERUSER, PASSWORD, "postgres") as conn:
                assert conn.execute("SELECT 1").fetchone() == (1,)
        with _connect(port, "mufakat", app_password) as conn:
            assert conn.execute("SELECT 1").fetchone() == (1,)
    finally:
        _stop(bin_dir, root / "data")
        shutil.rmtree(root, ignore_errors=True)


def test_a_failed_step_takes_the_half_made_server_away(monkeypatch: pytest.MonkeyPatch) -> None:
    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.skip("PostgreSQL binaries not found")
    root = _scratch()

    def refuse(**_: object) -> None:
        raise setup.SetupFailed("database tidak bisa dibuat")

    import app.storage.pg_setup as pg_setup

    monkeypatch.setattr(pg_setup, "create_cooperative_database", refuse)
    port = free_port()
    request = setup.SetupRequest(
        data=root / "data", subnet="192.168.1.0/24", password=PASSWORD,
        app_password=PASSWORD, port=port,
    )  # fmt: skip
    try:
        with pytest.raises(setup.SetupFailed):
            setup.setup_server(request, bin_dir=bin_dir, windows=False)
        assert not (root / "data").exists()
        assert setup.port_is_free(port)  # the server was stopped again
    finally:
        _stop(bin_dir, root / "data")
        shutil.rmtree(root, ignore_errors=True)
