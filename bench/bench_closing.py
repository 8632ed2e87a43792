"""Speed of the year end (issue 13 §6) on a demo cooperative with a closed book year.

    python bench/bench_closing.py                       # the 20,000-member bench demo
    python bench/bench_closing.py --db demo.db --year 2025

Prints: the SHU of the closed year per member (`ShuService.compute`: the year's amount, the
bases of 20,000 members over 12 month-ends, the largest-remainder split; target ≤ 5 s; median
of --repeat runs) and the whole RAT pack (`write_rat_pack`: every part and rat_pack.pdf;
target ≤ 30 s), each part's share and the pages. Nothing is written to the file."""

from __future__ import annotations

import argparse
import itertools
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from _shared import default_demo_path, ensure_demo

from app.demo.year_end import closed_year
from app.services import Services


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=default_demo_path())
    parser.add_argument("--year", type=int, help="the closed book year (default: the demo's)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    path = ensure_demo(args.db)
    services = Services.open(path)
    try:
        year = args.year or closed_year(date.today())
        members = services.members.count()
        print(f"{path} · {members:,} members · book year {year}")
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            cpu = time.process_time()
            result = services.shu.compute(year)
            times.append((time.perf_counter() - start, time.process_time() - cpu))
        wall = statistics.median(t for t, _ in times)
        cpu_s = statistics.median(c for _, c in times)
        print(
            f"SHU per member: {len(result.rows):,} rows, SHU Rp{result.shu:,}: "
            f"median {wall:.2f} s wall, {cpu_s:.2f} s CPU (target ≤ 5 s)"
        )
        from app.documents.sources.rat_pack import PACK, _page_count, write_rat_pack

        stamps: list[tuple[str, float]] = []
        out = Path(tempfile.mkdtemp(prefix="mufakat-rat-"))
        start = time.perf_counter()
        cpu = time.process_time()
        written = write_rat_pack(
            services,
            year,
            out,
            date.today(),
            lambda name: stamps.append((name, time.perf_counter())),
        )
        wall = time.perf_counter() - start
        cpu_s = time.process_time() - cpu
        stamps.append(("(written)", time.perf_counter()))
        print(f"RAT pack: {wall:.1f} s wall, {cpu_s:.1f} s CPU (target ≤ 30 s) into {out}")
        for (name, at), (_, then) in itertools.pairwise(stamps):
            print(f"  {name:32} {then - at:6.2f} s")
        for file in written:
            pages = _page_count(file.read_bytes())
            print(f"  {file.name:32} {pages:5} pages {file.stat().st_size / 1e6:6.2f} MB")
        assert written[0].name == PACK
    finally:
        services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
