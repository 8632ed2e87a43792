"""Loan speed figures of issue 3 §7 on the demo cooperative (20,000 members by default).

    python bench/bench_loans.py                   # builds a fresh 20,000-member demo first
    python bench/bench_loans.py --db demo.db      # measures a copy of an existing demo file

Prints: classifying every aktif loan as of a date (target < 1 s), opening a loan's detail
(< 100 ms), saving a payment (< 50 ms), the first screen of the loans list (< 300 ms), and
for information the month-end run and the portfolio summary.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.loans.models import LoanFilter, LoanStatus
from app.services import Services
from app.users.models import Role

_CPU: list[float] = []  # CPU ms of the calls behind the last figure


def _timed(fn: Callable[[], object], repeat: int) -> tuple[float, float, object]:
    """(median ms, worst ms, last result) over `repeat` calls after one warm-up call; the
    CPU time of each call goes to _CPU (on a busy machine wall time includes waiting)."""
    result = fn()
    times = []
    _CPU.clear()
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
        _CPU.append((time.process_time() - cpu) * 1000)
    return statistics.median(times), max(times), result


def _line(label: str, median: float, worst: float, target: float | None) -> None:
    verdict = ""
    if target is not None:
        verdict = "OK" if median < target else "TERLALU LAMBAT"
        verdict = f"  target < {target:.0f} ms: {verdict}"
    cpu = f"cpu {statistics.median(_CPU):7.1f}" if _CPU else " " * 11
    print(f"{label:<56} {median:8.1f} ms  (terlama {worst:7.1f}; {cpu}){verdict}")
    _CPU.clear()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing demo file (a copy is measured)")
    parser.add_argument("--members", type=int, default=20_000)
    parser.add_argument("--today", type=date.fromisoformat, default=date(2025, 9, 15))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-loans-"))
    path = work / "bench.db"
    today = args.today
    if args.db:
        shutil.copy(args.db, path)
    else:
        from app.demo.generate import generate_demo

        start = time.perf_counter()
        generate_demo(path, members=args.members, seed=1, today=today, progress=print)
        print(f"Demo {args.members} anggota dibuat dalam {time.perf_counter() - start:.0f} s")
    services = Services.open(path)
    try:
        _report(services, today)
    finally:
        services.close()
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _report(services: Services, today: date) -> None:
    db = services.db
    loans = db.scalar("SELECT count(*) FROM loans")
    aktif = db.scalar("SELECT count(*) FROM loans WHERE status = 'aktif'")
    events = db.scalar("SELECT count(*) FROM loan_events")
    payments = db.scalar("SELECT count(*) FROM loan_events WHERE kind = 'pembayaran'")
    size = db.path.stat().st_size / 1e6
    print(
        f"\n{loans:,} pinjaman ({aktif:,} aktif), {events:,} transaksi pinjaman "
        f"({payments:,} pembayaran); file {size:,.0f} MB; per {today.isoformat()}\n"
    )
    quality = services.loans.quality
    month_end = date(today.year, today.month, 1) - timedelta(days=1)

    median, worst, rows = _timed(lambda: quality.all_arrears(today), 5)
    _line(f"Kolektibilitas semua pinjaman aktif ({len(rows):,})", median, worst, 1000)  # type: ignore[arg-type]
    median, worst, _ = _timed(lambda: quality.class_counts(today), 5)
    _line("Jumlah per golongan (SQL saja)", median, worst, 1000)
    past = date(today.year - 2, 6, 30)
    median, worst, _ = _timed(lambda: quality.all_arrears(past), 3)
    _line(f"Kolektibilitas semua pinjaman per {past.isoformat()}", median, worst, 1000)
    for key in ("ojk", "missed"):
        services.settings.set(None, "loans.quality_policy", key)
        median, worst, _ = _timed(lambda: quality.all_arrears(today), 3)
        _line(f"  … dengan kebijakan {key}", median, worst, 1000)
    services.settings.set(None, "loans.quality_policy", "koperasi")

    rng = random.Random(1)
    busy = [
        r[0]
        for r in db.rows(
            "SELECT loan_id FROM loan_events GROUP BY loan_id ORDER BY count(*) DESC LIMIT 50"
        )
    ]
    sample = busy[:10] + [
        r[0]
        for r in db.rows("SELECT id FROM loans WHERE status = 'aktif' ORDER BY random() LIMIT 20")
    ]
    times = []
    for loan_id in sample:
        start, cpu = time.perf_counter(), time.process_time()
        services.loans.detail(loan_id, today)
        times.append((time.perf_counter() - start) * 1000)
        _CPU.append((time.process_time() - cpu) * 1000)
    _line(
        "Membuka rincian pinjaman (30 pinjaman, termasuk tersibuk)",
        statistics.median(times),
        max(times),
        100,
    )

    median, worst, _ = _timed(lambda: services.loans.list_rows(today, limit=100), 5)
    _line("Daftar pinjaman: layar pertama (100 baris)", median, worst, 300)
    median, worst, _ = _timed(lambda: services.loans.count_rows(today), 5)
    _line("Daftar pinjaman: jumlah baris", median, worst, 300)
    overdue = LoanFilter(overdue_only=True)
    median, worst, _ = _timed(
        lambda: services.loans.list_rows(today, overdue, limit=100, order="days"), 3
    )
    _line("Daftar pinjaman: hanya menunggak, urut hari terlambat", median, worst, 1000)
    median, worst, _ = _timed(
        lambda: services.loans.list_rows(today, LoanFilter(quality="M"), limit=100), 3
    )
    _line("Daftar pinjaman: golongan Macet", median, worst, 1000)
    median, worst, _ = _timed(
        lambda: services.loans.list_rows(today, LoanFilter(text="siti"), limit=100), 3
    )
    _line("Daftar pinjaman: cari nama 'siti'", median, worst, 300)

    kasir = next(u for u in services.users.all() if u.role == Role.STAF)
    open_loans = [
        r[0]
        for r in db.rows("SELECT id FROM loans WHERE status = 'aktif' ORDER BY random() LIMIT 40")
    ]
    times = []
    for loan_id in open_loans:
        preview = services.loans.payments.preview_allocation(loan_id, 1, today)
        amount = preview.due_total or rng.choice((250_000, 500_000, 1_000_000))
        start, cpu = time.perf_counter(), time.process_time()
        services.loans.payments.record_payment(kasir, loan_id, amount, today, "tunai", today=today)
        times.append((time.perf_counter() - start) * 1000)
        _CPU.append((time.process_time() - cpu) * 1000)
    _line("Menyimpan pembayaran (40 pembayaran)", statistics.median(times), max(times), 50)
    times = []
    still_open = [
        r[0]
        for r in db.rows("SELECT id FROM loans WHERE status = 'aktif' ORDER BY random() LIMIT 20")
    ]
    for loan_id in still_open:
        start, cpu = time.perf_counter(), time.process_time()
        services.loans.payments.preview_allocation(loan_id, 1_000_000, today)
        times.append((time.perf_counter() - start) * 1000)
        _CPU.append((time.process_time() - cpu) * 1000)
    _line("Pratinjau alokasi pembayaran", statistics.median(times), max(times), 50)

    start, cpu = time.perf_counter(), time.process_time()
    manajer = next(u for u in services.users.all() if u.role == Role.MANAJER)
    services.loans.quality.month_end(manajer, month_end, rerun=True)
    _CPU.append((time.process_time() - cpu) * 1000)
    took = (time.perf_counter() - start) * 1000
    _line("Tutup bulan (menyimpan kolektibilitas semua pinjaman)", took, took, None)
    median, worst, summary = _timed(lambda: services.loans.portfolio.summary(today), 3)
    _line("Ringkasan portofolio (NPL, umur tunggakan, PPAP)", median, worst, None)
    print(f"\n{summary}")
    print(
        f"Beban mesin saat mengukur (load average 1 menit): {os.getloadavg()[0]:.1f} "
        f"pada {os.cpu_count()} CPU"
    )
    statuses = {
        s.value: db.scalar("SELECT count(*) FROM loans WHERE status = ?", (s.value,))
        for s in LoanStatus
    }
    print({k: v for k, v in statuses.items() if v})


if __name__ == "__main__":
    raise SystemExit(main())
