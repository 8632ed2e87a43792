"""Speed figures of the books (issue 12 §7), each against its target (OK / SLOW).

    python bench/bench_books.py --members 2000          # builds a demo first (keeps nothing)
    python bench/bench_books.py --db DEMO.db --unposted UNPOSTED.db   # existing files (copied)
    python bench/bench_books.py --unposted UNPOSTED.db  # all four on the copy it posts

Figures (wall and CPU time; on a shared machine compare CPU):
  1. history posting: the posting of a file's stored history (what the first open of a file
     from before the books does, and the demo after writing its records in bulk) on a copy of
     `--unposted` (a demo saved just before its history was posted), target ≤ 120 s;
  2. posting per payment: what the books add to each of `--payments` real payments
     (LedgerService inside the payment's transaction), target ≤ 5 ms (median and worst);
  3. trial balance as of a date (month ends, mid-month, first days, today), target ≤ 1 s;
  4. Buku Besar of the busiest account for the last full year, first screen (a page of
     500 lines with the opening and closing balances and the count), target ≤ 300 ms; the
     whole year is timed too, for information."""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import app.demo.generate as demo_generate
import app.loans.ledger as loan_ledger
from app.ledger.history import post_unbooked
from app.loans.models import LoanFilter, LoanStatus, PaymentMethod
from app.services import Services
from app.users.models import Role

TODAY = date(2026, 11, 26)
PAGE = 500


def _verdict(value: float, target: float) -> str:
    return "OK" if value <= target else "SLOW"


class Clock:
    def __enter__(self) -> Clock:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_: Any) -> None:
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu


def _build(folder: Path, members: int) -> tuple[Path, Path]:
    """A demo of `members`, and a copy of it saved just before its history was posted."""
    path, unposted = folder / "demo.db", folder / "unposted.db"
    original = demo_generate.post_unbooked

    def snapshot(ledger, progress=None):  # type: ignore[no-untyped-def]
        target = sqlite3.connect(unposted)
        ledger.db.sql.conn.backup(target)
        target.close()
        return original(ledger, progress)

    demo_generate.post_unbooked = snapshot  # type: ignore[assignment]
    with Clock() as c:
        demo_generate.generate_demo(path, members=members, today=TODAY)
    print(f"demo of {members:,} members built in {c.wall:.0f} s (CPU {c.cpu:.0f} s)")
    return path, unposted


def _copy(source: Path, folder: Path, name: str) -> Path:
    target = folder / name
    shutil.copy(source, target)
    return target


def history(path: Path) -> None:
    with Clock() as c:
        services = Services.open(path)  # schema steps of a file from an earlier build
    print(f"  (opening and migrating the copy: {c.wall:.1f} s, CPU {c.cpu:.1f} s)")
    reports: list[tuple[int, int]] = []
    try:
        with Clock() as c, services.db.atomic():
            written = post_unbooked(services.ledger, lambda d, t: reports.append((d, t)))
    finally:
        services.close()
    print(
        f"1. history posting: {written:,} journals from {reports[-1][1]:,} records in "
        f"{c.wall:.1f} s (CPU {c.cpu:.1f} s), {len(reports)} progress reports; "
        f"target ≤ 120 s: {_verdict(c.wall, 120)} (CPU {_verdict(c.cpu, 120)})"
    )


def payments(services: Services, count: int) -> None:
    actor = next(u for u in services.users.all() if u.role == Role.ADMIN)
    posting: list[float] = []
    original = loan_ledger.post_derived

    def timed(*a, **k):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        result = original(*a, **k)
        posting.append((time.perf_counter() - start) * 1000)
        return result

    loan_ledger.post_derived = timed  # type: ignore[assignment]
    rows = services.loans.list_rows(TODAY, LoanFilter(statuses=(LoanStatus.AKTIF,)), limit=500)
    whole: list[float] = []
    for row in random.Random(1).sample(rows, min(count, len(rows))):
        start = time.perf_counter()
        try:
            services.loans.payments.record_payment(
                actor, row.loan_id, 100_000, TODAY, PaymentMethod.TUNAI, today=TODAY
            )
        except Exception:  # a loan the amount does not fit: the next one
            continue
        whole.append((time.perf_counter() - start) * 1000)
    loan_ledger.post_derived = original  # type: ignore[assignment]
    median = statistics.median(posting)
    print(
        f"2. posting per payment: median {median:.2f} ms, worst {max(posting):.2f} ms over "
        f"{len(posting)} payments (the whole payment: median {statistics.median(whole):.1f} ms);"
        f" target ≤ 5 ms: {_verdict(median, 5)} (worst {_verdict(max(posting), 5)})"
    )


def trial_balance(services: Services) -> None:
    dates = [
        TODAY,
        date(2026, 10, 31),
        date(2026, 6, 15),
        date(2026, 3, 1),
        date(2025, 12, 31),
        date(2025, 7, 16),
        date(2025, 1, 1),
        date(2024, 2, 29),
    ]
    walls, cpus = [], []
    for on in dates:
        with Clock() as c:
            services.ledger.trial_balance(on)
        walls.append(c.wall * 1000)
        cpus.append(c.cpu * 1000)
    print(
        f"3. trial balance as of {len(dates)} dates: median {statistics.median(walls):.0f} ms, "
        f"worst {max(walls):.0f} ms (CPU median {statistics.median(cpus):.0f} ms, worst "
        f"{max(cpus):.0f} ms); target ≤ 1000 ms: {_verdict(max(walls), 1000)}"
    )


def buku_besar(services: Services) -> None:
    busiest = services.db.one(
        "SELECT account, sum(lines) AS n FROM ledger_month_totals GROUP BY account"
        " ORDER BY n DESC LIMIT 1"
    )
    code, year = str(busiest["account"]), TODAY.year - 1
    start, end = date(year, 1, 1), date(year, 12, 31)
    with Clock() as first:
        page = services.ledger.buku_besar(code, start, end, limit=PAGE)
    with Clock() as again:
        services.ledger.buku_besar(code, start, end, limit=PAGE)
    with Clock() as whole:
        services.ledger.buku_besar(code, start, end)
    print(
        f"4. Buku Besar {code} for {year} ({page.lines:,} lines): first screen ({len(page.rows)}"
        f" lines, balances, count) {first.wall * 1000:.0f} ms (CPU {first.cpu * 1000:.0f} ms;"
        f" again {again.wall * 1000:.0f} ms); target ≤ 300 ms: {_verdict(first.wall, 0.3)};"
        f" the whole year {whole.wall * 1000:.0f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing demo file (a copy is measured)")
    parser.add_argument("--unposted", type=Path, help="a demo saved before its history posting")
    parser.add_argument("--members", type=int, default=2_000)
    parser.add_argument("--payments", type=int, default=50)
    args = parser.parse_args()
    os.environ.setdefault("MUFAKAT_HOME", tempfile.mkdtemp(prefix="mufakat-home-"))
    folder = Path(tempfile.mkdtemp(prefix="mufakat-books-"))
    try:
        db, unposted = args.db, args.unposted
        if db is None and unposted is None:
            db, unposted = _build(folder, args.members)
        if unposted is not None:
            posted = _copy(unposted, folder, "history.db")
            history(posted)
        else:
            print("1. history posting: not measured (no --unposted file)")
        # Without --db the other figures are measured on the file just posted.
        with Clock() as c:
            services = Services.open(_copy(db, folder, "books.db") if db else posted)
        print(f"  (opening and migrating the demo copy: {c.wall:.1f} s, CPU {c.cpu:.1f} s)")
        try:
            payments(services, args.payments)
            trial_balance(services)
            buku_besar(services)
        finally:
            services.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
