"""`mufakat --smoke-test` from source: in-process, through the command line, and on failure."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app import smoke
from app.errors import StorageError
from app.paths import data_dir

ROOT = Path(__file__).resolve().parents[1]
STEP_COUNT = len(smoke.STEPS)
# Step 7 shows the main window on the offscreen platform, which says it cannot propagate size
# hints; nothing else may warn.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen platform


def test_smoke_test_passes_and_leaves_the_data_folder_alone(
    capsys: pytest.CaptureFixture[str],
) -> None:
    home_before = os.environ["MUFAKAT_HOME"]
    assert smoke.run_smoke_test(today=date(2026, 11, 26)) == 0
    out = capsys.readouterr().out.splitlines()
    step_lines = [line for line in out if line.startswith("[")]
    assert len(step_lines) == STEP_COUNT
    for number, line in enumerate(step_lines, start=1):
        assert line.startswith(f"[{number}/{STEP_COUNT}] ")
        assert " … OK (" in line and " s) – " in line
    assert "rekening simpanan" in out[3]
    assert out[-1].startswith(f"Uji cepat selesai: {STEP_COUNT} langkah baik")
    # The per-user folder (isolated by conftest) was neither created nor changed.
    assert os.environ["MUFAKAT_HOME"] == home_before
    assert not data_dir().exists() or not any(data_dir().iterdir())


def test_a_failing_step_is_named_with_its_reason(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(run: object) -> str:
        raise StorageError("Disk penuh, kosongkan ruang lalu coba lagi.")

    steps = list(smoke.STEPS)
    steps[1] = (steps[1][0], broken)
    monkeypatch.setattr(smoke, "STEPS", steps)
    assert smoke.run_smoke_test(today=date(2026, 11, 26)) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[1].startswith(f"[1/{STEP_COUNT}] ") and " OK " in lines[1]
    assert lines[2].startswith(f"[2/{STEP_COUNT}] {steps[1][0]} … GAGAL (")
    assert lines[2].endswith("Disk penuh, kosongkan ruang lalu coba lagi.")
    assert lines[-1] == f"Uji cepat GAGAL pada langkah 2 ({steps[1][0]})."
    assert "Traceback" in captured.err


def test_a_wrong_result_fails_too(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def not_a_pdf(run: smoke._Run) -> str:
        run.pdf_path.write_bytes(b"<html>bukan pdf</html>")
        return "rusak"

    steps = [smoke.STEPS[0], ("surat dicetak ke PDF", not_a_pdf), smoke.STEPS[3]]
    monkeypatch.setattr(smoke, "STEPS", steps)
    assert smoke.run_smoke_test(today=date(2026, 11, 26)) == 1
    out = capsys.readouterr().out
    assert "[3/3] PDF diperiksa … GAGAL (" in out
    assert out.splitlines()[3].endswith("file surat bukan PDF")


def test_lines_also_go_to_the_log_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "uji.log"
    monkeypatch.setenv(smoke.LOG_ENV, str(log))
    monkeypatch.setattr(smoke, "STEPS", smoke.STEPS[:1])
    assert smoke.run_smoke_test(today=date(2026, 11, 26)) == 0
    assert log.read_text(encoding="utf-8").splitlines() == capsys.readouterr().out.splitlines()


def test_pdf_page_count_agrees_with_pypdf(tmp_path: Path) -> None:
    from app.documents.letter import build_pdf
    from app.documents.styles import para
    from app.settings.profile import CoopProfile

    story = [para(f"Baris {n}") for n in range(120)]
    path = build_pdf(tmp_path / "p.pdf", story, CoopProfile(name="KSP"), is_demo=False, title="t")
    pages = len(PdfReader(path).pages)
    assert pages >= 2
    assert smoke.pdf_page_count(path.read_bytes()) == pages
    assert smoke.pdf_page_count(b"%PDF-1.4 /Type /Pages") == 0


@pytest.mark.slow
def test_command_line_switch(tmp_path: Path) -> None:
    env = {**os.environ, "MUFAKAT_HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "app", "--smoke-test"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (
        f"[{STEP_COUNT}/{STEP_COUNT}] jendela utama dibuka dan surat dicetak … OK" in result.stdout
    )
    assert not (tmp_path / "home").exists()


def test_without_qtpdf_the_main_window_is_printed_instead(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """MUFAKAT_SMOKE_NO_QTPDF (set under Wine, where pdfium cannot run) keeps step 7 going."""
    monkeypatch.setenv("MUFAKAT_SMOKE_NO_QTPDF", "1")
    assert smoke.run_smoke_test(today=date(2026, 11, 26)) == 0
    last_step = [line for line in capsys.readouterr().out.splitlines() if line.startswith("[")][-1]
    assert " OK (" in last_step and "jendela 1 halaman" in last_step
    assert "QtPdf dilewati" in last_step
