"""The command line on the office server (issue 15): `--db postgresql://…` opens the cooperative
on the server for the commands that take a database (the books, month-end, exports), with the
same output as on its file; a server that does not answer is said plainly, its password never
shown, nothing made under the address as a file name."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from app.cli import main

SECRET = "rahasia-sekali"


def test_the_trial_balance_from_the_server_equals_the_file_s(
    pg_demo_url: str, pg_demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    copy = tmp_path / "koperasi.db"
    shutil.copyfile(pg_demo_file, copy)
    for name, db in (("server.csv", pg_demo_url), ("file.csv", str(copy))):
        argv = ["books", "trial-balance", "--db", db, "--as-of", "2026-11-30", "--csv", name]
        assert main(argv) == 0
    server = list(csv.reader((tmp_path / "server.csv").open(encoding="utf-8")))
    file = list(csv.reader((tmp_path / "file.csv").open(encoding="utf-8")))
    assert server == file and len(server) > 10


def test_month_end_runs_on_the_server(
    pg_demo_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MUFAKAT_PASSWORD", "manajer123")
    argv = ["month-end", "--db", pg_demo_url, "--as-of", "2026-11-30", "--user", "manajer"]
    assert main([*argv, "--rerun"]) == 0
    out = capsys.readouterr().out
    assert "Tutup bulan per 2026-11-30" in out and "pinjaman" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["books", "trial-balance", "--db", "{url}", "--as-of", "2026-01-31", "--csv", "x.csv"],
        ["month-end", "--db", "{url}", "--as-of", "2026-01-31", "--user", "manajer"],
        ["export", "members", "x.xlsx", "--db", "{url}"],
    ],
)
def test_a_server_that_does_not_answer_is_said_plainly(
    argv: list[str],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.pg import free_port

    monkeypatch.chdir(tmp_path)
    url = f"postgresql://kasir:{SECRET}@127.0.0.1:{free_port()}/kop"
    assert main([a.replace("{url}", url) for a in argv]) == 1
    err = capsys.readouterr().err
    assert err.startswith("GAGAL: Server kantor tidak bisa dihubungi — pastikan PC server")
    assert SECRET not in err and "belum didukung" not in err
    assert list(tmp_path.iterdir()) == []
