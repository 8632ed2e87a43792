"""Issue 16's targets on one file, each printed against its target:
`python bench/bench_targets.py [--db PATH] [--runs 3] [--today YYYY-MM-DD]`.

In a spawned program (QT_QPA_PLATFORM=offscreen, as bench_startup.py): launch → log-in window
(≤ 1.0 s), → main window shown, → Beranda filled (≤ 1.5 s); then, in the same program, the
first opening of every section, a loan's, a member's and a case's detail as the views show
them (≤ 100 ms each) and the memory of the program after visiting every section (≤ 300 MB).
In this process, on a copy of the file: Beranda's work queue (≤ 300 ms) and the loans list's
first screen (count and first 100 rows) overdue-only sorted by days late and Macet only
(≤ 300 ms each). Wall and CPU time both: on a shared machine wall time includes waiting."""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from _shared import ROOT, default_demo_path, ensure_demo

TIMEOUT_S = 600

CHILD = r"""
import os, resource, sys, time
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

app = QApplication.instance() or QApplication(sys.argv[:1])
print("QT", time.process_time(), flush=True)


def rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(label, fn):
    start, cpu = time.perf_counter(), time.process_time()
    fn()
    app.processEvents()
    print(f"T {label}|{(time.perf_counter() - start) * 1000:.1f}|"
          f"{(time.process_time() - cpu) * 1000:.1f}", flush=True)


def visit(window):
    from ui.main_window import CASES, LOANS, MEMBERS
    names = window.section_names()
    for index in list(range(1, len(names))) + [0]:
        timed(f"section {names[index]}", lambda i=index: window.show_section(i))
    db = window.services.db
    loans = [r[0] for r in db.rows(
        "SELECT id FROM loans WHERE status = 'aktif' ORDER BY id DESC LIMIT 10")]
    members = [r[0] for r in db.rows(
        "SELECT member_id FROM loans WHERE status = 'aktif' ORDER BY id LIMIT 10")]
    window.show_section(LOANS)
    for loan_id in loans:
        timed("detail pinjaman", lambda i=loan_id: window.loans_view.show_loan(i))
    window.show_section(MEMBERS)
    for member_id in members:
        timed("detail anggota", lambda i=member_id: window.members_view.show_member(i))
    window.show_section(CASES)
    view = window.cases_view
    cases = [view.model.row_at(r).case.id for r in range(min(10, view.model.rowCount()))]
    for case_id in cases:
        timed("detail kasus", lambda i=case_id: view.show_selected(i))
    print(f"RSS {rss_mb():.0f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}",
          flush=True)
    os._exit(0)


class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            name = type(watched).__name__
            if name == "LoginDialog":
                print("LOGIN", time.process_time(), flush=True)
                QTimer.singleShot(0, lambda: (watched.fill("ketua", "ketua123"), watched.submit()))
            elif name == "MainWindow":
                print("MAIN", time.process_time(), flush=True)
                home = watched.view(0)
                def filled():
                    if getattr(home, "_bench_seen", False):
                        return  # Beranda reads again after its own writes; the first counts
                    home._bench_seen = True
                    print("FILLED", time.process_time(), flush=True)
                    from app.storage.loans_arrears_cache import prefetched
                    print("TOOK-AHEAD", prefetched(watched.services.db), flush=True)
                    if os.environ.get("BENCH_VISIT") == "1":
                        QTimer.singleShot(0, lambda: visit(watched))
                    else:
                        os._exit(0)
                home.filled.connect(filled)
        return False


probe = Probe(app)
app.installEventFilter(probe)
import ui.main
print("IMPORTED", time.process_time(), flush=True)
sys.exit(ui.main.run(db=Path(sys.argv[1]), demo=False))
"""


def spawn(
    db: Path, home: Path, visit: bool
) -> tuple[dict[str, float], dict[str, float], list[str]]:
    """Marks (s from spawn) and the child's CPU seconds at each, and every line it printed."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "MUFAKAT_HOME": str(home),
        "PYTHONPATH": str(ROOT),
        "PYTHONIOENCODING": "utf-8",
        "BENCH_VISIT": "1" if visit else "0",
        # Compiled modules cached (outside the repository), as the installed program has them:
        # with PYTHONDONTWRITEBYTECODE every start would compile every module again.
        "PYTHONPYCACHEPREFIX": str(home / "pycache"),
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
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
    cpu: dict[str, float] = {}
    lines: list[str] = []
    assert proc.stdout is not None
    try:
        for line in proc.stdout:
            words = line.split()
            marks.setdefault(words[0], time.perf_counter() - began)
            if len(words) == 2 and words[0].isupper():
                cpu.setdefault(words[0], float(words[1]))
            lines.append(line.rstrip("\n"))
            if time.perf_counter() - began > TIMEOUT_S:
                break
    finally:
        proc.kill()
        _, err = proc.communicate(timeout=30)
    if "FILLED" not in marks:
        raise SystemExit(f"Beranda not filled within {TIMEOUT_S} s; child said:\n{err[-3000:]}")
    return marks, cpu, lines


def verdict(value: float, target: float | None) -> str:
    if target is None:
        return ""
    return f"target ≤ {target:g}: " + ("OK" if value <= target else "MISSED")


def _in_process(db: Path, today: date) -> None:
    sys.path.insert(0, str(ROOT))
    from app.collection.models import CaseFilter
    from app.errors import AppError
    from app.loans.models import LoanFilter
    from app.members.models import MemberStatus
    from app.services import Services

    work = Path(tempfile.mkdtemp(prefix="bench-targets-"))
    copy = work / "bench.db"
    shutil.copy(db, copy)
    # A data folder of its own: the payment below makes the copy newer than the file, and this
    # PC would then refuse the file itself as an older copy at the next run (watermarks).
    home = os.environ.get("MUFAKAT_HOME")
    os.environ["MUFAKAT_HOME"] = str(work / "home")
    services = Services.open(copy)
    try:

        def once(fn: Callable[[], object]) -> tuple[float, float]:
            start, cpu = time.perf_counter(), time.process_time()
            fn()
            return (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000

        def measure(label: str, fn: Callable[[], object], target: float, repeat: int = 3) -> None:
            fn()  # warm-up
            runs = [once(fn) for _ in range(repeat)]
            wall = statistics.median(r[0] for r in runs)
            cpu_ms = statistics.median(r[1] for r in runs)
            print(f"  {label:<52} {wall:8.1f} ms (cpu {cpu_ms:7.1f})  {verdict(cpu_ms, target)}")

        loans = services.loans

        def page(filters: LoanFilter, order: str | None) -> Callable[[], object]:
            extra = {"order": order} if order else {}
            return lambda: (
                loans.count_rows(today, filters),
                loans.list_rows(today, filters, limit=100, **extra),
            )

        overdue = page(LoanFilter(overdue_only=True), "days")
        # The first reading of the day computes every loan's arrears once (what Beranda's
        # filling pays at start-up); every list after it reads them (app/storage/
        # loans_arrears_cache.py) until a write changes a loan, which is patched.
        wall, cpu_ms = once(overdue)
        print(
            f"  {'first list of the day (every loan computed once)':<52} {wall:8.1f} ms"
            f" (cpu {cpu_ms:7.1f})"
        )
        measure("work queue (Beranda)", lambda: services.work_queue.build(today, None), 300)
        measure("loans: overdue only, by days late", overdue, 300)
        measure("loans: Macet only", page(LoanFilter(quality="M"), None), 300)
        measure("loans: by arrears, text 'a'", page(LoanFilter(text="a"), "arrears"), 300)
        members = services.members
        measure(
            "members: aktif, first 200",
            lambda: (
                members.search_count("", MemberStatus.AKTIF),
                members.search("", MemberStatus.AKTIF, limit=200),
            ),
            300,
        )
        for label, case_filter in (
            ("cases: every open case", CaseFilter()),
            ("cases: Macet only", CaseFilter(quality="M")),
            ("cases: broken promises", CaseFilter(broken_promises_only=True)),
            ("cases: next step overdue", CaseFilter(next_step_overdue_only=True)),
        ):
            measure(label, lambda f=case_filter: services.case_list.rows(today, f), 300)
        aktif = services.db.one(
            "SELECT l.id FROM loans l WHERE l.status = 'aktif' ORDER BY l.id DESC LIMIT 1"
        )
        ketua = next(u for u in services.users.all() if u.username == "ketua")
        if aktif is not None:
            try:
                services.loans.payments.record_payment(
                    ketua, aktif["id"], 100_000, today, "tunai", today=today
                )
            except AppError as exc:
                print(f"  (no payment recorded: {exc.message})")
                return
            wall, cpu_ms = once(overdue)
            print(
                f"  {'loans overdue after a payment (its loan patched)':<52} {wall:8.1f} ms"
                f" (cpu {cpu_ms:7.1f})  {verdict(cpu_ms, 300)}"
            )
    finally:
        services.close()
        shutil.rmtree(work, ignore_errors=True)
        if home is None:
            os.environ.pop("MUFAKAT_HOME", None)
        else:
            os.environ["MUFAKAT_HOME"] = home


def _close_cleanly(db: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from app.services import Services

    Services.open(db).close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None, help="demo file (default: 20,000)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--today", type=date.fromisoformat, default=date.today())
    parser.add_argument(
        "--lists-only", action="store_true", help="only the figures measured in this process"
    )
    args = parser.parse_args()
    db = ensure_demo(args.db or default_demo_path())
    if args.lists_only:
        print("in this process (median of 3 after a warm-up):")
        _in_process(db, args.today)
        return 0
    print(
        f"{db} ({db.stat().st_size / 2**20:.0f} MB), {os.cpu_count()} CPU(s), "
        f"load {os.getloadavg()[0]:.1f}"
    )
    print("start-up (s from spawn; median of runs; the verdict on the median):")
    runs: list[dict[str, float]] = []
    cpus: list[dict[str, float]] = []
    visited: list[str] = []
    with tempfile.TemporaryDirectory(prefix="mufakat-targets-") as home:
        _close_cleanly(db)
        spawn(db, Path(home), visit=False)  # not counted: compiles the modules once
        for run in range(args.runs):
            _close_cleanly(db)  # the program before was killed: no power-cut check
            marks, cpu, lines = spawn(db, Path(home), visit=run == args.runs - 1)
            runs.append(marks)
            cpus.append(cpu)
            if run == args.runs - 1:
                visited = lines
            print(
                "  run {}: log-in {:.2f}  main window {:.2f}  Beranda filled {:.2f}{}".format(
                    run + 1,
                    marks["LOGIN"],
                    marks["MAIN"],
                    marks["FILLED"],
                    # the arrears computed while the log-in window waited were taken
                    "  (arrears ready)" if cpu.get("TOOK-AHEAD") else "",
                )
            )
    for key, label, target in (
        ("LOGIN", "launch → log-in window", 1.0),
        ("MAIN", "launch → main window shown", None),
        ("FILLED", "launch → main window, Beranda filled", 1.5),
    ):
        value = statistics.median(r[key] for r in runs)
        cpu_s = statistics.median(c.get(key, 0.0) for c in cpus)
        print(
            f"  {label:<52} {value:8.2f} s (cpu {cpu_s:5.2f} s of the program)"
            f"  {verdict(value, target)}"
        )
    print("in the program (wall ms, cpu ms):")
    timings: dict[str, list[tuple[float, float]]] = {}
    for line in visited:
        if line.startswith("T "):
            label, wall, cpu = line[2:].split("|")
            timings.setdefault(label, []).append((float(wall), float(cpu)))
        elif line.startswith("RSS "):
            now, peak = (float(x) for x in line.split()[1:])
            rss_line = (
                f"  {'memory after visiting every section':<52} {now:8.0f} MB "
                f"(peak {peak:.0f})  {verdict(now, 300)}"
            )
    for label, values in timings.items():
        wall = statistics.median(v[0] for v in values)
        cpu = statistics.median(v[1] for v in values)
        target = 100 if label.startswith("detail") else None
        n = f" ×{len(values)}" if len(values) > 1 else ""
        print(f"  {label + n:<52} {wall:8.1f} ms (cpu {cpu:7.1f})  {verdict(cpu, target)}")
    print(rss_line)
    print("in this process (median of 3 after a warm-up):")
    _in_process(db, args.today)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
