"""Speed figures of the books (issue 12 §7) on a demo cooperative (2,000 members by default).

    python bench/bench_books.py                   # builds a fresh demo first
    python bench/bench_books.py --members 20000   # the issue's size (takes a while)
    python bench/bench_books.py --db demo.db      # measures a copy of an existing demo file

Prints: the posting of the demo's bulk-written history (as an existing file's history is
posted on first open), the added cost of posting per payment (target ≤ 5 ms; the whole
payment for comparison), the trial balance as of a date (target ≤ 1 s) and the Buku Besar of
the busiest account for a year (target ≤ 300 ms for the first screen; the whole year is
timed, an upper bound)."""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import app.demo.generate as demo_generate
import app.loans.ledger as loan_ledger
from app.loans.models import LoanFilter, LoanStatus, PaymentMethod
from app.services import Services
from app.users.models import Role

TODAY = date(2026, 11, 26)


def _build(path: Path, members: int) -> None:
    spent: list[float] = []
    original = demo_generate.post_unbooked

    def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        result = original(*args, **kwargs)
        spent.append(time.perf_counter() - start)
        print(f"  history posting: {result:,} journals in {spent[-1]:.1f} s", flush=True)
        return result

    demo_generate.post_unbooked = timed  # type: ignore[assignment]
    start = time.perf_counter()
    demo_generate.generate_demo(path, members=members, today=TODAY)
    print(f"demo of {members:,} members built in {time.perf_counter() - start:.1f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing demo file (a copy is measured)")
    parser.add_argument("--members", type=int, default=2_000)
    parser.add_argument("--payments", type=int, default=50)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="mufakat-books-"))
    path = folder / "demo.db"
    if args.db:
        shutil.copy(args.db, path)
    else:
        _build(path, args.members)
    services = Services.open(path)
    try:
        actor = next(u for u in services.users.all() if u.role == Role.ADMIN)
        posting: list[float] = []
        original = loan_ledger.post_derived

        def timed_post(*a, **k):  # type: ignore[no-untyped-def]
            start = time.perf_counter()
            result = original(*a, **k)
            posting.append((time.perf_counter() - start) * 1000)
            return result

        loan_ledger.post_derived = timed_post  # type: ignore[assignment]
        rows = services.loans.list_rows(TODAY, LoanFilter(statuses=(LoanStatus.AKTIF,)), limit=500)
        rng = random.Random(1)
        whole: list[float] = []
        for row in rng.sample(rows, min(args.payments, len(rows))):
            start = time.perf_counter()
            try:
                services.loans.payments.record_payment(
                    actor, row.loan_id, 100_000, TODAY, PaymentMethod.TUNAI, today=TODAY
                )
            except Exception:
                continue
            whole.append((time.perf_counter() - start) * 1000)
        print(
            f"posting per payment: median {statistics.median(posting):.2f} ms, worst "
            f"{max(posting):.2f} ms (target ≤ 5 ms); the whole payment: median "
            f"{statistics.median(whole):.1f} ms over {len(whole)} payments"
        )
        ledger = services.ledger
        times = []
        for days in (0, 200, 400, 800):
            start = time.perf_counter()
            ledger.trial_balance(TODAY - timedelta(days=days))
            times.append((time.perf_counter() - start) * 1000)
        print(
            f"trial balance: median {statistics.median(times):.0f} ms, worst {max(times):.0f} ms"
            " (target ≤ 1000 ms)"
        )
        busiest = services.db.one(
            "SELECT account, count(*) AS n FROM journal_lines GROUP BY account ORDER BY n DESC"
            " LIMIT 1"
        )
        year = TODAY.year - 1
        start = time.perf_counter()
        page = ledger.buku_besar(busiest["account"], date(year, 1, 1), date(year, 12, 31))
        took = (time.perf_counter() - start) * 1000
        print(
            f"Buku Besar {busiest['account']} for {year} ({len(page.rows):,} lines, the whole "
            f"year): {took:.0f} ms (target ≤ 300 ms for the first screen)"
        )
    finally:
        services.close()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
