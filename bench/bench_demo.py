"""Demo generation time: `python bench/bench_demo.py [--members 20000] [--out PATH]`.

Prints the time of each step, the total, the file size, the peak memory and the rows written,
each against issue 16's targets for 20,000 members (60 s, 250 MB file, 500 MB memory); on a
smaller demo also extrapolated to 20,000 (the fixed part — the demo users' password hashes —
kept apart, the rest scaled by the members). Leaves the file for bench_search.py and
bench_startup.py."""

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
TARGET_FILE_MB = 250.0
TARGET_MEMORY_MB = 500.0
TARGET_MEMBERS = 20_000


def _rss_mb() -> float | None:
    """This process's resident memory now (Linux), in MB."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _verdict(value: float, target: float) -> str:
    return "OK" if value <= target else "MISSED"


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

    fixed_cpu = 0.0  # the demo users' password hashes: the same whatever the size
    rss_after_users = 0.0  # the highest RSS seen after them (scrypt alone takes ~130 MB)
    rss_start = _rss_mb()

    def progress(message: str) -> None:
        nonlocal last, fixed_cpu, rss_after_users
        now = time.perf_counter()
        rss = _rss_mb()
        if message.startswith("Menyusun data") and not fixed_cpu:
            fixed_cpu = time.process_time() - cpu_began
        if fixed_cpu and rss is not None:
            rss_after_users = max(rss_after_users, rss)
        shown = f"{rss:5.0f} MB" if rss is not None else ""
        print(f"  {now - began:6.1f} s (+{now - last:5.1f} s) {shown}  {message}", flush=True)
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
        biggest = services.db.rows(
            "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 8"
        )
    finally:
        services.close()
    size = out.stat().st_size / 2**20
    peak = 0.0
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    except ImportError:  # Windows
        pass
    print()
    print(f"demo of {members:,} members (targets are for {TARGET_MEMBERS:,}):")
    print(
        f"  time          : {took:6.1f} s wall, {cpu:6.1f} s CPU "
        f"({fixed_cpu:.1f} s CPU of it fixed)"
    )
    print(f"  file size     : {size:6.1f} MB")
    print(f"  peak memory   : {peak:6.0f} MB ({rss_after_users:.0f} MB after the users' hashes)")
    print(
        f"  rows          : {transactions:,} savings transactions, {loans:,} loans, "
        f"{loan_events:,} loan transactions"
    )
    print("  largest parts : " + ", ".join(f"{r[0]} {r[1] / 2**20:.1f} MB" for r in biggest))
    scale = TARGET_MEMBERS / max(members, 1)
    what = "measured" if members >= TARGET_MEMBERS else f"extrapolated ×{scale:.1f}"
    base = rss_start or 60.0  # the program's own memory (imports): not scaled
    at_target = {
        "time (CPU)": (fixed_cpu + (cpu - fixed_cpu) * scale, TARGET_S, "s"),
        "time (wall)": (took * scale if scale > 1 else took, TARGET_S, "s"),
        "file size": (size * scale, TARGET_FILE_MB, "MB"),
        "peak memory*": (
            max(peak, base + (rss_after_users - base) * scale),
            TARGET_MEMORY_MB,
            "MB",
        ),
    }
    print(f"\nat {TARGET_MEMBERS:,} members ({what}; wall time on a shared machine is noisy):")
    for name, (value, target, unit) in at_target.items():
        print(
            f"  {name:<13} : {value:8.1f} {unit} (target ≤ {target:.0f} {unit}: "
            f"{_verdict(value, target)})"
        )
    if scale > 1:
        print(
            "  * the memory above the program's own scaled with the members: an upper bound "
            "(loans and their events are held one batch at a time); measure at 20,000"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
