"""Demo generation time: `python bench/bench_demo.py [--members 20000] [--out PATH]`.

Prints the time of each step, the total (target: 20,000 members in under 60 s), the file size
and the rows written. Leaves the file for bench_search.py and bench_startup.py."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from _shared import BENCH_MEMBERS, BENCH_SEED, default_demo_path

from app.demo.generate import generate_demo
from app.services import Services

TARGET_S = 60.0


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=BENCH_MEMBERS)
    parser.add_argument("--seed", type=int, default=BENCH_SEED)
    parser.add_argument("--out", type=Path, help="file to write (replaced if it exists)")
    parser.add_argument(
        "--no-loans", action="store_true", help="members and savings only (no demo loans)"
    )
    args = parser.parse_args()
    out: Path = args.out or default_demo_path(args.members)
    out.parent.mkdir(parents=True, exist_ok=True)
    _remove(out)

    what = "members and savings" if args.no_loans else "members, savings and loans"
    print(f"Generating {args.members} {what} (seed {args.seed}) into {out}")
    print(f"Machine: {os.cpu_count()} CPU(s), Python {sys.version.split()[0]}")
    began = time.perf_counter()
    cpu_began = time.process_time()
    last = began

    def progress(message: str) -> None:
        nonlocal last
        now = time.perf_counter()
        print(f"  {now - began:6.1f} s (+{now - last:5.1f} s)  {message}", flush=True)
        last = now

    generate_demo(
        out, members=args.members, seed=args.seed, progress=progress, loans=not args.no_loans
    )
    took = time.perf_counter() - began
    cpu = time.process_time() - cpu_began
    services = Services.open(out)
    try:
        members = services.members.count()
        transactions = int(services.db.scalar("SELECT count(*) FROM savings_transactions"))
        loans = int(services.db.scalar("SELECT count(*) FROM loans"))
        loan_events = int(services.db.scalar("SELECT count(*) FROM loan_events"))
    finally:
        services.close()
    size = out.stat().st_size
    verdict = "OK" if took < TARGET_S else "TOO SLOW"
    print()
    print(
        f"demo generation : {took:6.1f} s wall, {cpu:6.1f} s CPU "
        f"(target < {TARGET_S:.0f} s: {verdict})"
    )
    print(f"file size       : {size / 2**20:6.1f} MB ({size:,} bytes)")
    print(
        f"rows            : {members:,} members, {transactions:,} savings transactions "
        f"({transactions / took:,.0f} rows/s overall)"
    )
    print(f"loans           : {loans:,} loans, {loan_events:,} loan transactions")
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"peak memory     : {peak / 1024:6.0f} MB")
    except ImportError:  # Windows
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
