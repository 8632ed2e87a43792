"""Member search time: `python bench/bench_search.py [--db PATH] [--repeat 15]`.

Runs realistic queries through MemberService the way the Anggota list does (count the matches,
then load the first page of 200) on the 20,000-member demo, and prints the median and worst
time per query. Target: under 50 ms."""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from _shared import default_demo_path, ensure_demo, median, ms

from app.identity import format_phone
from app.members.models import MemberStatus
from app.members.service import MemberService
from app.services import Services

TARGET_MS = 50.0
PAGE = 200  # ui.models.members_model.MembersModel.PAGE


def _queries(services: Services) -> list[tuple[str, str, MemberStatus | None]]:
    """(label, text, status) drawn from the file itself, so they find real members."""
    total = services.members.count()
    middle = services.members.get(max(1, total // 2))
    other = services.members.get(max(1, total // 3))
    with_phone = next(
        services.members.get(r.id) for r in services.members.search("08", limit=50) if r.phone
    )
    phone = format_phone(with_phone.phone)
    assert middle.nik and other.nik
    words = middle.name.replace(",", "").split()
    return [
        ("empty (first page)", "", None),
        ("common first name", "sri", None),
        ("common second name", "santoso", None),
        ("two words", "siti am", None),
        ("part of a name", words[-1][:4].lower(), None),
        ("whole name", middle.name, None),
        ("typing: 's'", "s", None),
        ("typing: 'su'", "su", None),
        ("typing: 'sup'", "sup", None),
        ("member number", middle.number, None),
        ("number prefix", middle.number[:3], None),
        ("NIK start (kecamatan)", other.nik[:8], None),
        ("NIK end", other.nik[-6:], None),
        ("whole NIK", other.nik, None),
        ("phone as written", phone, None),
        ("phone end", phone[-4:], None),
        ("phone prefix", "0857", None),
        ("no match", "zzqx", None),
        ("status keluar", "", MemberStatus.KELUAR),
        ("name + status aktif", "wati", MemberStatus.AKTIF),
    ]


def _time(
    members: MemberService, text: str, status: MemberStatus | None
) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, matches) of one search as the list runs it."""
    began, cpu = time.perf_counter(), time.process_time()
    count = members.search_count(text, status)
    members.search(text, status, limit=PAGE, offset=0)
    return time.perf_counter() - began, time.process_time() - cpu, count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    path = ensure_demo(args.db or default_demo_path())
    services = Services.open(path)
    try:
        print(
            f"{services.members.count():,} members, "
            f"{services.db.scalar('SELECT count(*) FROM savings_transactions'):,} "
            f"savings transactions in {path}"
        )
        print(
            f"each query: search_count + first page of {PAGE}, {args.repeat} runs after a warm-up\n"
        )
        print(
            f"{'query':24} {'text':26} {'matches':>8} {'median ms':>10} {'worst ms':>9} "
            f"{'CPU ms':>7}"
        )
        worst_median = 0.0
        slow: list[str] = []
        for label, text, status in _queries(services):
            _time(services.members, text, status)  # warm-up (first touch of the pages)
            runs = [_time(services.members, text, status) for _ in range(args.repeat)]
            times = [wall for wall, _, _ in runs]
            mid, worst = median(times), max(times)
            cpu = median([c for _, c, _ in runs])
            worst_median = max(worst_median, mid)
            if mid * 1000 > TARGET_MS:
                slow.append(label)
            shown = text if len(text) <= 24 else text[:23] + "…"
            print(
                f"{label:24} {shown!r:26} {runs[0][2]:8,} {ms(mid):>10} {ms(worst):>9} {ms(cpu):>7}"
            )
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(
            f"\nslowest median {worst_median * 1000:.1f} ms (target < {TARGET_MS:.0f} ms): "
            + ("OK" if not slow else "TOO SLOW: " + ", ".join(slow))
        )
        print(f"machine load while measuring: {load:.1f} on {os.cpu_count()} CPU(s)")
    finally:
        services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
