"""Document speed on the demo cooperative (default 20,000 members, with loans and cases):

- one SP letter from a real case through the register (number, PDF, stored copy, the letter
  noted in the case): target < 50 ms;
- the day's batch of 500 SP letters from the work queue, issued and joined into one PDF:
  target < 20 s.

    python bench/bench_documents.py [--db PATH] [--members 20000] [--letters 500]

Works on a copy of the demo file (the register and the cases get the letters); wall times
and the process's CPU time are both printed (a busy machine shows the difference)."""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from _shared import BENCH_MEMBERS, default_demo_path, ensure_demo

from app.documents import sp_letters
from app.documents.kinds import SP_KINDS
from app.documents.pdfjoin import join
from app.documents.sources import issuing, letters
from app.documents.sources.basics import documents
from app.documents.sources.letters import DueLetters
from app.services import Services


def _timed(work):  # type: ignore[no-untyped-def]
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a demo file (copied first)")
    parser.add_argument("--members", type=int, default=BENCH_MEMBERS)
    parser.add_argument("--letters", type=int, default=500)
    parser.add_argument("--today", type=date.fromisoformat, default=date.today())
    args = parser.parse_args()
    source = args.db or ensure_demo(default_demo_path(args.members), args.members)
    today: date = args.today
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.db"
        shutil.copyfile(source, path)
        services = Services.open(path)
        try:
            actor = next(u for u in services.users.all() if u.username == "manajer")
            docs = documents(services)
            due, queue_s, _cpu = _timed(lambda: letters.due_letters(services, today))
            print(f"work queue: {len(due.items)} SP letters due ({queue_s:.1f} s to find them)")
            if len(due.items) < args.letters + 21:
                print("not enough letters due in this demo file")
                return 1
            items = list(due.items)

            def one(n: int) -> None:
                data = items[n].data
                level = int(items[n].kind.value[-1])
                link = data.link()
                assert link.case_id is not None
                letter = letters.sp_letter(services, link.case_id, level, today)
                issuing.issue(
                    services, actor, SP_KINDS[level], letter, sp_letters.render, today, docs=docs
                )

            one(0)  # warm up: fonts, logo
            walls, cpus = [], []
            for n in range(1, 21):
                _r, wall, cpu = _timed(lambda n=n: one(n))  # type: ignore[misc]
                walls.append(wall)
                cpus.append(cpu)
            print(
                f"one SP letter from a case (median of 20): {statistics.median(walls) * 1000:.0f}"
                f" ms wall, {statistics.median(cpus) * 1000:.0f} ms CPU  (target < 50 ms)"
            )
            batch = DueLetters(today, tuple(items[21 : 21 + args.letters]))
            issued, wall, cpu = _timed(
                lambda: issuing.issue_due_letters(services, actor, batch, today, docs=docs)
            )
            joined, join_wall, _c = _timed(lambda: join([x.pdf for x in issued]))
            print(
                f"{len(issued)} SP letters issued and noted in their cases: {wall:.1f} s wall, "
                f"{cpu:.1f} s CPU; joined into one PDF in {join_wall:.2f} s "
                f"({len(joined) / 1e6:.1f} MB); total {wall + join_wall:.1f} s  (target < 20 s)"
            )
        finally:
            services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
