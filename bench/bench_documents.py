"""Document speed: one SP letter issued through the register (target < 50 ms) and a batch of
500 SP letters (target < 20 s), in a demo database of N members (default 20,000).

    python bench/bench_documents.py [--members 20000] [--letters 500]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.demo.generate import generate_demo
from app.documents import sp_letters
from app.documents.kinds import DocKind
from app.documents.parties import member_party
from app.documents.pdfjoin import join
from app.documents.register import BatchItem, DocumentService
from app.services import Services
from tests.app.documents import docdata


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=20_000)
    parser.add_argument("--letters", type=int, default=500)
    args = parser.parse_args()
    today = date(2026, 11, 26)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.db"
        started = time.perf_counter()
        generate_demo(path, members=args.members, seed=1, today=today)
        print(f"demo {args.members} anggota: {time.perf_counter() - started:.1f} s")
        services = Services.open(path)
        try:
            actor = next(u for u in services.users.all() if u.username == "manajer")
            docs = DocumentService(services.db, services.audit, services.settings)
            rows = services.members.search("", limit=args.letters)
            members = [member_party(services.members.get(r.id)) for r in rows]

            def letter(index: int) -> sp_letters.SpLetter:
                m = members[index % len(members)]
                return sp_letters.sp_letter(
                    1 + index % 3,
                    m,
                    docdata.loan(),
                    docdata.arrears(),
                    on=today,
                    contact_name="Sri Wahyuningsih",
                    contact_phone="0812-3456-7890",
                )

            docs.issue(actor, DocKind.SP1, letter(0), sp_letters.render)  # warm up fonts
            times = []
            for n in range(20):
                started = time.perf_counter()
                docs.issue(actor, DocKind.SP1, letter(n), sp_letters.render)
                times.append(time.perf_counter() - started)
            times.sort()
            print(f"satu surat (median dari 20): {times[10] * 1000:.0f} ms  (target < 50 ms)")
            items = [
                BatchItem(sp_letters.SP_KINDS[1 + n % 3], letter(n), sp_letters.render)
                for n in range(args.letters)
            ]
            started = time.perf_counter()
            issued = docs.issue_batch(actor, items, title="bench", on=today)
            joined = join([x.pdf for x in issued])
            batch = time.perf_counter() - started
            print(
                f"{len(issued)} surat SP dalam satu PDF: {batch:.1f} s "
                f"({len(joined) / 1e6:.1f} MB)  (target < 20 s)"
            )
        finally:
            services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
