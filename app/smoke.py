"""`mufakat --smoke-test`: a quick self-test of the installed program, without a window.

It works in a temporary folder only (the user's data folder is never touched): a new database
with every migration, a small demo cooperative, one letter printed to PDF, the integrity check,
the interface modules loaded, and the demo cooperative's main window opened offscreen with the
letter printed through Qt (a missing Qt plugin, font or data file in a bundle shows here).
One line per step; exit code 0 when every step passed.
Frozen Windows builds have no console, so the lines also go to the file named by the
environment variable MUFAKAT_SMOKE_LOG when it is set.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app import __version__
from app.errors import AppError

DEMO_MEMBERS = 30
DEMO_SEED = 1
LOG_ENV = "MUFAKAT_SMOKE_LOG"
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


class SmokeFailure(Exception):
    """A step ran but its result is wrong (the message says what, in Indonesian)."""


@dataclass
class _Run:
    folder: Path
    today: date
    demo_path: Path = field(init=False)
    pdf_path: Path = field(init=False)
    printed_path: Path = field(init=False)

    def __post_init__(self) -> None:
        self.demo_path = self.folder / "koperasi-contoh.db"
        self.pdf_path = self.folder / "surat.pdf"
        self.printed_path = self.folder / "surat-dicetak.pdf"


def _emit(line: str) -> None:
    if sys.stdout is not None:
        print(line, flush=True)
    log = os.environ.get(LOG_ENV)
    if log:
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(line + "\n")


def _seconds(value: float) -> str:
    return f"{value:.2f}".replace(".", ",") + " s"


def pdf_page_count(data: bytes) -> int:
    """Pages in a PDF written by ReportLab (its page objects are never compressed)."""
    return len(_PAGE_OBJECT.findall(data))


# -- the steps: each returns a short detail for its line, or raises ----------------------------
def _step_new_database(run: _Run) -> str:
    from app.services import Services
    from app.storage import migrations

    services = Services.open(run.folder / "kosong.db", create=True)
    try:
        applied = len(migrations.known_names())
        users = len(services.users.all())
    finally:
        services.close()
    if users:
        raise SmokeFailure(f"database baru tidak kosong ({users} pengguna)")
    return f"{applied} langkah skema"


def _step_demo_data(run: _Run) -> str:
    from app.demo.generate import generate_demo

    generate_demo(run.demo_path, members=DEMO_MEMBERS, seed=DEMO_SEED, today=run.today)
    if not run.demo_path.is_file():
        raise SmokeFailure("file data contoh tidak terbentuk")
    return f"{DEMO_MEMBERS} anggota"


def _step_letter(run: _Run) -> str:
    from app.documents.statement_pdf import render_savings_statement
    from app.savings.statement import build_savings_statement
    from app.services import Services

    services = Services.open(run.demo_path)
    try:
        if not services.is_demo:
            raise SmokeFailure("database contoh tidak bertanda contoh")
        rows = services.members.search("", limit=1)
        if not rows:
            raise SmokeFailure("data contoh tidak berisi anggota")
        member = services.members.get(rows[0].id)
        start = min(member.join_date, run.today).replace(month=1, day=1)
        statement = build_savings_statement(services.savings, member, start, run.today, run.today)
        style = str(services.settings.get("format.rupiah_style"))
        render_savings_statement(
            statement,
            services.settings.profile(),
            run.pdf_path,
            services.is_demo,
            rupiah_style=style,
        )
    finally:
        services.close()
    return f"rekening simpanan {member.number}, {len(statement.lines)} transaksi"


def _step_check_pdf(run: _Run) -> str:
    data = run.pdf_path.read_bytes()
    if not data.startswith(b"%PDF"):
        raise SmokeFailure("file surat bukan PDF")
    pages = pdf_page_count(data)
    if pages < 1:
        raise SmokeFailure("PDF tidak berisi halaman")
    size = f"{len(data):,}".replace(",", ".")
    return f"{pages} halaman, {size} byte"


def _step_check_database(run: _Run) -> str:
    from app.storage.check import check_database

    report = check_database(run.demo_path)
    if not report.ok:
        raise SmokeFailure("; ".join(report.problems))
    return "tidak ada masalah"


def _step_interface(run: _Run) -> str:
    # Loaded by name, as app/cli.py does: app/ never imports ui/ directly. No window is made.
    module = importlib.import_module("ui.main")
    if not callable(getattr(module, "run", None)):
        raise SmokeFailure("ui.main tidak punya fungsi run")
    return "ui.main"


def _step_window(run: _Run) -> str:
    # ui.smoke_window is loaded by name too; it makes the offscreen QApplication if none exists.
    module = importlib.import_module("ui.smoke_window")
    detail: str = module.open_main_window_and_print(run.demo_path, run.pdf_path, run.printed_path)
    data = run.printed_path.read_bytes() if run.printed_path.is_file() else b""
    if not data.startswith(b"%PDF"):
        raise SmokeFailure("surat yang dicetak lewat Qt bukan PDF")
    return detail


STEPS: list[tuple[str, Callable[[_Run], str]]] = [
    ("database sementara dibuka", _step_new_database),
    ("data koperasi contoh dibuat", _step_demo_data),
    ("surat dicetak ke PDF", _step_letter),
    ("PDF diperiksa", _step_check_pdf),
    ("database diperiksa", _step_check_database),
    ("antarmuka dimuat", _step_interface),
    ("jendela utama dibuka dan surat dicetak", _step_window),
]


@contextmanager
def _private_home(folder: Path) -> Iterator[None]:
    """Point the per-user data folder at `folder` while the test runs."""
    before = os.environ.get("MUFAKAT_HOME")
    os.environ["MUFAKAT_HOME"] = str(folder)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("MUFAKAT_HOME", None)
        else:
            os.environ["MUFAKAT_HOME"] = before


def _reason(exc: BaseException) -> str:
    if isinstance(exc, AppError):
        return exc.message
    if isinstance(exc, SmokeFailure):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def run_smoke_test(today: date | None = None) -> int:
    """Run every step; 0 when all passed, 1 at the first failure (which is named)."""
    today = today or date.today()
    started = time.perf_counter()
    _emit(f"Uji cepat Mufakat {__version__} ({sys.platform}, Python {sys.version.split()[0]})")
    with tempfile.TemporaryDirectory(prefix="mufakat-uji-", ignore_cleanup_errors=True) as tmp:
        folder = Path(tmp)
        (folder / "home").mkdir()
        with _private_home(folder / "home"):
            run = _Run(folder=folder, today=today)
            total = len(STEPS)
            for number, (label, step) in enumerate(STEPS, start=1):
                begin = time.perf_counter()
                try:
                    detail = step(run)
                except Exception as exc:  # the smoke test reports any failure, then stops
                    took = _seconds(time.perf_counter() - begin)
                    _emit(f"[{number}/{total}] {label} … GAGAL ({took}): {_reason(exc)}")
                    if sys.stderr is not None:
                        traceback.print_exc()
                    _emit(f"Uji cepat GAGAL pada langkah {number} ({label}).")
                    return 1
                took = _seconds(time.perf_counter() - begin)
                _emit(f"[{number}/{total}] {label} … OK ({took}) – {detail}")
    _emit(f"Uji cepat selesai: {total} langkah baik ({_seconds(time.perf_counter() - started)}).")
    return 0
