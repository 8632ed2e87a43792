"""Cold start to a shown main window: `python bench/bench_startup.py [--db PATH] [--runs 3]`.

Spawns `python -c` that imports ui.main and runs it on a demo file with
QT_QPA_PLATFORM=offscreen. A Qt event filter, installed before ui.main.run() starts (run()
reuses the QApplication it finds), logs in as the demo Ketua the moment the log-in dialog
appears and reports when the main window is shown. Times are taken in this process from just
before the spawn, so they include starting Python and importing Qt and the program."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _shared import ROOT, default_demo_path, ensure_demo, median

TIMEOUT_S = 120

CHILD = r"""
import os, sys, time
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

app = QApplication.instance() or QApplication(sys.argv[:1])
print("QT", flush=True)

class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            name = type(watched).__name__
            if name == "LoginDialog":
                print("LOGIN", flush=True)
                QTimer.singleShot(0, lambda: (watched.fill("ketua", "ketua123"), watched.submit()))
            elif name == "MainWindow":
                # The next turn of the event loop: the window has been laid out and painted.
                QTimer.singleShot(0, lambda: (print("MAIN", flush=True), os._exit(0)))
            else:
                print(f"WINDOW {name}", flush=True)
        return False

probe = Probe(app)
app.installEventFilter(probe)
import ui.main
print("IMPORTED", flush=True)
sys.exit(ui.main.run(db=Path(sys.argv[1]), demo=False))
"""


def _one_run(db: Path, home: Path) -> dict[str, float]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "MUFAKAT_HOME": str(home),
        "PYTHONPATH": str(ROOT),
        "PYTHONIOENCODING": "utf-8",
    }
    began = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    marks: dict[str, float] = {}
    assert proc.stdout is not None
    try:
        for line in proc.stdout:
            marks.setdefault(line.split()[0], time.perf_counter() - began)
            if line.startswith("MAIN") or time.perf_counter() - began > TIMEOUT_S:
                break
    finally:
        proc.kill()
        _, err = proc.communicate(timeout=30)
    if "MAIN" not in marks:
        raise SystemExit(f"no main window within {TIMEOUT_S} s; child said:\n{err[-3000:]}")
    return marks


def _close_cleanly(db: Path) -> None:
    """Open and close the file as the program does: the run before was killed, and a file left
    open would be checked in full first (a power cut), which is not what is measured here."""
    sys.path.insert(0, str(ROOT))
    from app.services import Services

    Services.open(db, accept_older=True).close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None, help="demo file (default: 20,000)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    db = ensure_demo(args.db or default_demo_path())
    print(f"start-up on {db} ({db.stat().st_size / 2**20:.0f} MB), QT_QPA_PLATFORM=offscreen")
    print(f"{'run':>4} {'Qt up':>8} {'imported':>9} {'log-in shown':>13} {'main window':>12}")
    totals: list[float] = []
    with tempfile.TemporaryDirectory(prefix="mufakat-start-") as home:
        for run in range(1, args.runs + 1):
            _close_cleanly(db)
            marks = _one_run(db, Path(home))
            totals.append(marks["MAIN"])
            print(
                f"{run:>4} {marks.get('QT', 0):7.2f}s {marks.get('IMPORTED', 0):8.2f}s "
                f"{marks.get('LOGIN', 0):12.2f}s {marks['MAIN']:11.2f}s"
            )
    print(
        f"\nstart to main window: first {totals[0]:.2f} s, median {median(totals):.2f} s "
        "(includes the automatic log-in as ketua: one scrypt check)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
