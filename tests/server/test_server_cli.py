"""The office-server commands through `mufakat …` (issue 15): move, backup, restore end to end
on a throw-away server, and the nightly backup's task text (Windows XML, crontab line)."""

from __future__ import annotations

import shlex
import xml.etree.ElementTree as ET
from pathlib import Path

import psycopg
import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.cli import main
from app.errors import ValidationError
from app.server import nightly
from app.server_url import parse_server_url
from tests.pg import APP_ROLE

SECRET = "rahasia-Malam-77"
URL = f"postgresql://pemilik:{SECRET}@server-kantor:5433/kop_sejahtera"
NS = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}


def test_move_backup_restore_through_the_command(
    demo_file: Path,
    pg_empty_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MUFAKAT_PASSWORD", "admin123")
    argv = ["server", "move", "--db", str(demo_file), "--to", pg_empty_url, "--user", "admin",
            "--app-role", APP_ROLE]  # fmt: skip
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "Koperasi dipindahkan" in out and "sama di kedua tempat" in out
    assert "members" in out and "journal_lines" in out and "salinan di server: baik" in out

    assert main(["server", "move", "--db", str(demo_file), "--to", pg_empty_url,
                 "--user", "admin", "--app-role", APP_ROLE]) == 1  # fmt: skip
    assert "tidak kosong" in capsys.readouterr().err

    folder = tmp_path / "cadangan"
    assert main(["backup", "--db", pg_empty_url, "--to", str(folder), "--keep", "2"]) == 0
    assert "terverifikasi" in capsys.readouterr().out
    (dump,) = folder.iterdir()
    assert dump.suffix == ".dump"

    argv = ["restore", "--db", pg_empty_url, "--from", str(dump), "--user"]
    monkeypatch.setenv("MUFAKAT_PASSWORD", "salah")
    assert main([*argv, "admin"]) == 1
    assert "salah" in capsys.readouterr().err
    monkeypatch.setenv("MUFAKAT_PASSWORD", "kasir123")  # a cashier may not restore
    assert main([*argv, "kasir"]) == 1
    assert "Admin atau Pengurus" in capsys.readouterr().err
    monkeypatch.setenv("MUFAKAT_PASSWORD", "admin123")
    assert main([*argv, "admin"]) == 0
    out = capsys.readouterr().out
    assert "dipulihkan" in out and "_sebelum_pulih_" in out
    with psycopg.connect(pg_empty_url) as conn:  # the restored data names the person
        note = conn.execute("SELECT note FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    assert note is not None and note[0].startswith("Dipulihkan oleh Dwi Prasetyo")


def test_the_windows_task_runs_the_verified_backup_nightly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "Cadangan Server"
    argv = ["server", "nightly-backup", "--db", URL, "--to", str(folder), "--at", "02:30",
            "--keep", "7", "--platform", "windows"]  # fmt: skip
    assert main(argv) == 0
    out = capsys.readouterr().out
    xml_path = folder / "mufakat-cadangan-malam.xml"
    raw = xml_path.read_bytes()
    assert raw.startswith(b"\xff\xfe")  # UTF-16 with its byte-order mark
    text = raw.decode("utf-16")
    assert SECRET not in text and SECRET not in out
    task = ET.fromstring(text.split("?>", 1)[1])
    assert task.findtext(".//t:StartBoundary", namespaces=NS).endswith("T02:30:00")  # type: ignore[union-attr]
    assert task.findtext(".//t:DaysInterval", namespaces=NS) == "1"
    assert task.findtext(".//t:StartWhenAvailable", namespaces=NS) == "true"
    assert task.findtext(".//t:MultipleInstancesPolicy", namespaces=NS) == "IgnoreNew"
    arguments = task.findtext(".//t:Arguments", namespaces=NS) or ""
    assert "backup --db postgresql://pemilik@server-kantor:5433/kop_sejahtera" in arguments
    assert f'--to "{folder.resolve()}" --automatic --keep 7' in arguments
    assert task.findtext(".//t:Command", namespaces=NS)
    assert (
        f'schtasks /Create /TN "Mufakat\\Cadangan malam kop_sejahtera" /XML "{xml_path}" /F' in out
    )
    assert "pgpass" in out


@pytest.mark.parametrize("folder_name", ["cadangan", "Cadangan 100% Aman", "a'b"])
def test_the_crontab_line_runs_the_same_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], folder_name: str
) -> None:
    folder = tmp_path / folder_name
    argv = ["server", "nightly-backup", "--db", URL, "--to", str(folder), "--at", "23:05",
            "--platform", "linux"]  # fmt: skip
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert SECRET not in out and not folder.exists()
    line = next(x.strip() for x in out.splitlines() if x.strip().startswith("5 23 * * *"))
    command = line.split(" ", 5)[5]
    assert "%" not in command.replace("\\%", "")  # cron would cut the line at a bare %
    words = shlex.split(command.replace("\\%", "%"))
    assert words[words.index("backup") :][:6] == [
        "backup", "--db", "postgresql://pemilik@server-kantor:5433/kop_sejahtera",
        "--to", str(folder.resolve()), "--automatic",
    ]  # fmt: skip
    assert words[-3:] == [">>", str(folder.resolve() / "cadangan-malam.log"), "2>&1"]


@given(st.integers(0, 23), st.integers(0, 59))
def test_every_time_of_day_is_taken(hour: int, minute: int) -> None:
    assert nightly.parse_time(f"{hour:02d}:{minute:02d}") == nightly.Schedule(hour, minute)
    assert nightly.parse_time(f"{hour}.{minute:02d}") == nightly.Schedule(hour, minute)


@given(st.integers(24, 99) | st.integers(-9, -1), st.integers(0, 59))
def test_an_hour_past_the_day_is_refused(hour: int, minute: int) -> None:
    with pytest.raises(ValidationError, match="tidak dikenal"):
        nightly.parse_time(f"{hour}:{minute:02d}")


@pytest.mark.parametrize("text", ["12:60", "2:7", "jam dua", "", "0200", "02:00:00"])
def test_what_is_not_a_time_is_refused(text: str) -> None:
    with pytest.raises(ValidationError, match="02:00"):
        nightly.parse_time(text)


def test_the_task_never_carries_the_password() -> None:
    url = parse_server_url(URL)
    folder = Path("/srv/cadangan")
    at = nightly.Schedule(2, 0)
    for text in (nightly.task_xml(url, folder, at, None), nightly.crontab_line(url, folder, at, 3)):
        assert SECRET not in text and "pemilik@server-kantor" in text
