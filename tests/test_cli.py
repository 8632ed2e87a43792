"""The admin subcommands: `mufakat demo`, `mufakat backup`, `mufakat check`."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.services import Services
from app.storage.check import check_database

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "contoh.db"
    assert main(["demo", str(path), "--members", "30", "--seed", "3"]) == 0
    return path


@pytest.fixture
def demo_copy(demo_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "koperasi.db"
    shutil.copy(demo_file, target)
    return target


def test_demo_builds_a_file_and_says_what_it_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "baru.db"
    assert main(["demo", str(path), "--members", "12", "--seed", "5"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Membuat database baru baru.db")
    assert "Selesai." in out
    assert out[-1].startswith("Koperasi contoh KSP Guyub Rukun (Kota Mojokerto) sudah dibuat")
    assert "12 anggota" in out[-1]
    services = Services.open(path)
    try:
        assert services.members.count() == 12 and services.is_demo
    finally:
        services.close()


def test_demo_refuses_an_existing_file(demo_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = demo_copy.read_bytes()
    assert main(["demo", str(demo_copy)]) == 2
    assert "sudah ada" in capsys.readouterr().err
    assert demo_copy.read_bytes() == before


def test_check_reports_a_good_file(demo_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--db", str(demo_copy)]) == 0
    out = capsys.readouterr().out
    assert "Integritas SQLite: baik" in out and "Anggota: 30" in out
    assert out.rstrip().endswith(f"BAIK: tidak ada masalah pada {demo_copy}")


def test_check_fails_on_a_damaged_file(demo_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = bytearray(demo_copy.read_bytes())
    page = 4096
    assert len(data) > 8 * page
    for offset in range(2 * page, len(data) - page, 3 * page):  # scribble over many pages
        data[offset + 20 : offset + 1000] = os.urandom(980)
    demo_copy.write_bytes(bytes(data))
    assert main(["check", "--db", str(demo_copy)]) == 1
    out = capsys.readouterr().out
    assert "MASALAH:" in out and "BAIK" not in out


def test_check_fails_on_a_file_that_is_not_a_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "surat.db"
    path.write_text("Kepada Yth. Bapak/Ibu …", encoding="utf-8")
    assert main(["check", "--db", str(path)]) == 1
    assert "MASALAH: File 'surat.db' bukan database Mufakat" in capsys.readouterr().out


def test_check_fails_on_a_consistency_problem(
    demo_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A withdrawal written behind the program's back, leaving a sukarela balance below zero.
    conn = sqlite3.connect(demo_copy)
    with conn:
        member_id, number = conn.execute("SELECT id, number FROM members ORDER BY id").fetchone()
        balance = conn.execute(
            "SELECT coalesce(sum(amount), 0) FROM savings_transactions "
            "WHERE member_id = ? AND kind = 'sukarela'",
            (member_id,),
        ).fetchone()[0]
        join_date = conn.execute(
            "SELECT join_date FROM members WHERE id = ?", (member_id,)
        ).fetchone()[0]
        conn.execute(
            "INSERT INTO savings_transactions (member_id, kind, tx_type, amount, tx_date,"
            " receipt_no, created_at) VALUES (?, 'sukarela', 'penarikan', ?, ?, 'X-1', ?)",
            (member_id, -(balance + 50_000), join_date, f"{join_date}T10:00:00"),
        )
    conn.close()
    assert main(["check", "--db", str(demo_copy)]) == 1
    out = capsys.readouterr().out
    assert f"MASALAH: saldo simpanan minus: 1 ({number} sukarela)" in out


def test_backup_writes_a_verified_copy(
    demo_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "flashdisk" / "cadangan"
    assert main(["backup", "--db", str(demo_copy), "--to", str(folder)]) == 0
    out = capsys.readouterr().out
    copies = list(folder.glob("*.db"))
    assert len(copies) == 1
    assert out.startswith(f"Cadangan tersimpan dan terverifikasi: {copies[0]}")
    assert check_database(copies[0]).ok
    services = Services.open(copies[0])
    try:
        assert services.members.count() == 30
    finally:
        services.close()


def test_backup_of_a_file_in_use_fails_with_a_message(
    demo_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    services = Services.open(demo_copy)
    try:
        assert main(["backup", "--db", str(demo_copy), "--to", str(tmp_path / "c")]) == 1
    finally:
        services.close()
    err = capsys.readouterr().err
    assert err.startswith("GAGAL: ") and "sedang dibuka oleh program Mufakat lain" in err


def test_backup_of_a_missing_file_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["backup", "--db", str(tmp_path / "tidak-ada.db"), "--to", str(tmp_path)]) == 1
    assert "tidak ditemukan" in capsys.readouterr().err


@pytest.mark.parametrize("damaged", [False, True], ids=["baik", "rusak"])
def test_python_m_app_check_in_a_real_process(demo_copy: Path, damaged: bool) -> None:
    if damaged:
        conn = sqlite3.connect(demo_copy)
        with conn:
            conn.execute(
                "UPDATE members SET status = 'keluar', status_date = NULL WHERE id = "
                "(SELECT min(id) FROM members)"
            )
        conn.close()
    result = subprocess.run(
        [sys.executable, "-m", "app", "check", "--db", str(demo_copy)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    if damaged:
        assert result.returncode == 1, result.stdout + result.stderr
        assert "MASALAH: anggota keluar/meninggal tanpa tanggal: 1" in result.stdout
    else:
        assert result.returncode == 0, result.stdout + result.stderr
        assert "BAIK: tidak ada masalah" in result.stdout
