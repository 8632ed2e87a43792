"""The bench figures on the office server (issue 15 §5): each on a SQLite copy of a demo and on the
same demo moved to PostgreSQL, against the target "within 2× of SQLite"; then several PCs each
saving payments at once (4 × 250: time, and errors a user would see, which must be 0).

    python bench/bench_pg.py --db demo-2000.db [--url postgresql://OWNER@HOST:PORT/EMPTYDB]

Without --url a throw-away server is started from the machine's PostgreSQL 15 binaries
(tests/pg.py) with fsync and synchronous commit on, as a real server runs (`--fast`: off, as
the tests run it). The demo is moved with `server move` (its proofs included; the time is
printed). Each figure: median wall time of `--repeat` runs after a warm-up, and the CPU of the
program plus, on PostgreSQL, of its server process (the work is split between them). The
writes (a savings deposit, a loan payment) are measured on the same members and loans on both.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from _shared import ROOT

from app.collection.models import CaseFilter
from app.errors import AppError
from app.loans.models import LoanFilter
from app.members.models import MemberStatus
from app.savings.models import SavingsKind
from app.services import Services

OFFICER = "manajer"


def _backend_cpu(services: Services) -> float:
    """CPU seconds of this connection's server process so far (0 on SQLite or when the server
    runs elsewhere: then only the program's CPU is counted)."""
    conn = getattr(services.db, "conn", None)
    if conn is None or not hasattr(conn, "info"):
        return 0.0
    try:  # nanoseconds on a CPU (Linux): /proc/PID/stat counts whole 10 ms ticks only
        return int(Path(f"/proc/{conn.info.backend_pid}/schedstat").read_text().split()[0]) / 1e9
    except (OSError, ValueError, IndexError):
        return 0.0


@contextlib.contextmanager
def _clock(services: Services, into: list[tuple[float, float]]) -> Iterator[None]:
    wall, cpu, server = time.perf_counter(), time.process_time(), _backend_cpu(services)
    yield
    into.append(
        (
            time.perf_counter() - wall,
            time.process_time() - cpu + _backend_cpu(services) - server,
        )
    )


class Sample:
    """What the figures work on, read once from the SQLite copy (the ids are the same on the
    server: the move keeps them)."""

    def __init__(self, services: Services, today: date) -> None:
        db = services.db
        self.today = today
        self.members = [
            int(r["id"])
            for r in db.rows(
                "SELECT id FROM members WHERE status = 'aktif' ORDER BY id LIMIT 40 OFFSET 100"
            )
        ]
        self.loans = [
            int(r["id"])
            for r in db.rows(
                "SELECT l.id FROM loans l JOIN loan_balances b ON b.loan_id = l.id "
                "WHERE l.status = 'aktif' GROUP BY l.id, l.amount "
                "ORDER BY l.amount - sum(b.pokok) DESC LIMIT 2200"
            )
        ]
        member = services.members.get(self.members[0])
        self.number, self.phone = member.number, (member.phone or "08")[-4:]
        busiest = db.one(
            "SELECT account, sum(lines) AS n FROM ledger_month_totals GROUP BY account "
            "ORDER BY n DESC LIMIT 1"
        )
        self.account = str(busiest["account"]) if busiest else "1101"
        self.year = today.year - 1


def figures(s: Sample) -> list[tuple[str, Callable[[Services, int], object], int]]:
    """(label, work(services, run number), repeats)."""
    today = s.today

    def page(filters: LoanFilter, order: str | None = None) -> Callable[[Services, int], object]:
        extra = {"order": order} if order else {}
        return lambda sv, _i: (
            sv.loans.count_rows(today, filters),
            sv.loans.list_rows(today, filters, limit=100, **extra),
        )

    def search(text: str) -> Callable[[Services, int], object]:
        return lambda sv, _i: (
            sv.members.search_count(text, None),
            sv.members.search(text, None, limit=200, offset=0),
        )

    def deposit(sv: Services, i: int) -> object:
        user = next(u for u in sv.users.all() if u.username == OFFICER)
        member = s.members[i % len(s.members)]
        return sv.savings.deposit(user, member, SavingsKind.SUKARELA, 10_000, today)

    def payment(sv: Services, i: int) -> object:
        user = next(u for u in sv.users.all() if u.username == OFFICER)
        paid = s.loans[-1 - (i % 40)]
        return sv.loans.payments.record_payment(user, paid, 25_000, today, "tunai", today=today)

    year_start, year_end = date(s.year, 1, 1), date(s.year, 12, 31)
    mid_year = date(s.year, 7, 16)

    def member(i: int) -> int:
        return s.members[i % len(s.members)]

    def loan(i: int) -> int:
        return s.loans[i % 40]

    def aktif(sv: Services, _i: int) -> object:
        return sv.members.search("", MemberStatus.AKTIF, limit=200)

    def savings(sv: Services, i: int) -> object:
        return sv.savings.balances(member(i)), sv.savings.history(member(i))

    def preview(sv: Services, i: int) -> object:
        return sv.loans.payments.preview_allocation(loan(i), 1_000_000, today)

    def buku_besar(sv: Services, _i: int) -> object:
        return sv.ledger.buku_besar(s.account, year_start, year_end, limit=500)

    return [
        ("member search 'sri' (count + 200)", search("sri"), 7),
        ("member search by number", search(s.number), 7),
        ("member search by phone end", search(s.phone), 7),
        ("members: aktif, first 200", aktif, 7),
        ("member's savings: balances + history", savings, 7),
        ("loan detail", lambda sv, i: sv.loans.detail(loan(i), today), 7),
        ("payment preview (allocation)", preview, 7),
        ("loans list: first screen (count + 100)", page(LoanFilter()), 5),
        ("loans list: overdue, by days late", page(LoanFilter(overdue_only=True), "days"), 5),
        ("loans list: Macet only", page(LoanFilter(quality="M")), 5),
        ("every loan's arrears", lambda sv, _i: sv.loans.quality.all_arrears(today), 3),
        ("work queue (Beranda)", lambda sv, _i: sv.work_queue.build(today, None), 3),
        ("case list: every open case", lambda sv, _i: sv.case_list.rows(today, CaseFilter()), 3),
        ("portfolio summary", lambda sv, _i: sv.loans.portfolio.summary(today), 3),
        ("trial balance, today", lambda sv, _i: sv.ledger.trial_balance(today), 5),
        ("trial balance, mid last year", lambda sv, _i: sv.ledger.trial_balance(mid_year), 5),
        (f"Buku Besar {s.account} {s.year}: first 500 lines", buku_besar, 5),
        ("SHU per member (last year)", lambda sv, _i: sv.shu.compute(s.year), 1),
        ("savings deposit (whole, with books)", deposit, 15),
        ("loan payment (whole, with books)", payment, 15),
    ]


def measure(services: Services, sample: Sample) -> dict[str, tuple[float, float, str]]:
    """label → (median wall s, median CPU s, error or '')."""
    found: dict[str, tuple[float, float, str]] = {}
    for label, work, repeat in figures(sample):
        runs: list[tuple[float, float]] = []
        try:
            work(services, 999)  # warm-up
            for i in range(repeat):
                with _clock(services, runs):
                    work(services, i)
        except AppError as exc:
            found[label] = (0.0, 0.0, exc.message[:60])
            continue
        found[label] = (
            statistics.median(r[0] for r in runs),
            statistics.median(r[1] for r in runs),
            "",
        )
    return found


# -- several PCs at once --------------------------------------------------------------------------


def _pc(
    url: str, loans: list[int], today: date, turns: bool, attempts: int, start: Any, out: Any
) -> None:
    services = Services.open(url)
    services.db.writers_take_turns = turns  # type: ignore[attr-defined]
    services.db.attempts = attempts  # type: ignore[attr-defined]
    user = next(u for u in services.users.all() if u.username == OFFICER)
    times: list[float] = []
    errors: Counter[str] = Counter()
    start.wait()
    for loan in loans:
        began = time.perf_counter()
        try:
            services.loans.payments.record_payment(user, loan, 25_000, today, "tunai", today=today)
        except AppError as exc:
            errors[f"{type(exc).__name__}: {exc.message[:70]}"] += 1
        times.append(time.perf_counter() - began)
    out.put((times, dict(errors), time.process_time()))
    services.close()


def office(
    url: str, loans: list[int], pcs: int, each: int, today: date, turns: bool, attempts: int = 5
) -> None:
    fork = multiprocessing.get_context("fork")
    out, start = fork.Queue(), fork.Barrier(pcs + 1, timeout=120)
    parts = [loans[i * each : (i + 1) * each] for i in range(pcs)]
    procs = [
        fork.Process(target=_pc, args=(url, part, today, turns, attempts, start, out))
        for part in parts
    ]
    for p in procs:
        p.start()
    start.wait()
    began = time.perf_counter()
    reports = [out.get(timeout=1800) for _ in procs]
    wall = time.perf_counter() - began
    for p in procs:
        p.join(30)
    times = sorted(t for r in reports for t in r[0])
    errors: Counter[str] = Counter()
    for r in reports:
        errors.update(r[1])
    p95 = times[int(len(times) * 0.95) - 1] if times else 0.0
    print(
        f"  {pcs} PC × {each} payments, "
        f"{'writers take turns' if turns else f'without the lock, {attempts} attempts'}:"
        f" {wall:6.1f} s wall, {len(times) / wall:5.1f} payments/s; a payment median "
        f"{statistics.median(times) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, worst "
        f"{times[-1] * 1000:.0f} ms; errors a user would see: {sum(errors.values())}"
    )
    for text, n in errors.most_common(5):
        print(f"      {n} × {text}")


# -- main ----------------------------------------------------------------------------------------


def _move(copy: Path, url: str, app_role: str) -> None:
    from app.server.move import move

    began, cpu = time.perf_counter(), time.process_time()
    result = move(copy, url, "admin", app_role=app_role, password="admin123")
    rows = sum(t.pg_rows for t in result.proof.tables)
    print(
        f"moved with `server move`: {rows:,} rows in {time.perf_counter() - began:.1f} s "
        f"(program CPU {time.process_time() - cpu:.1f} s)"
    )


def _app_url(owner: str, app_role: str) -> str:
    user = owner.split("://", 1)[1].split("@", 1)[0]
    return owner.replace(f"{user}@", f"{app_role}@", 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a demo file (copies are used)")
    parser.add_argument("--url", help="an empty database, as its owner (default: a scratch server)")
    parser.add_argument("--app-role", default="mufakat_app")
    parser.add_argument("--today", type=date.fromisoformat, help="default: the demo's last day")
    parser.add_argument("--fast", action="store_true", help="scratch server without fsync")
    parser.add_argument("--pcs", type=int, default=4)
    parser.add_argument("--payments", type=int, default=250, help="per PC")
    parser.add_argument("--no-lock-run", action="store_true", help="also run without the lock")
    parser.add_argument(
        "--attempts", type=int, nargs="+", default=[5], help="of the runs without the lock"
    )
    parser.add_argument("--skip-figures", action="store_true")
    parser.add_argument("--skip-office", action="store_true", help="no several-PC runs")
    parser.add_argument(
        "--moved", action="store_true", help="--url holds this demo already (no move)"
    )
    args = parser.parse_args()
    os.environ.setdefault("MUFAKAT_HOME", tempfile.mkdtemp(prefix="mufakat-home-"))
    work = Path(tempfile.mkdtemp(prefix="bench-pg-"))
    server = None
    try:
        lite_copy, move_copy = work / "sqlite.db", work / "move.db"
        shutil.copyfile(args.db, lite_copy)
        lite = Services.open(lite_copy)
        today = args.today or date.fromisoformat(
            str(lite.db.scalar("SELECT max(tx_date) FROM savings_transactions"))
        )
        sample = Sample(lite, today)
        shutil.copyfile(lite_copy, move_copy)  # migrated already
        owner = args.url
        if owner is None:
            sys.path.insert(0, str(ROOT))
            from tests.pg import EMPTY_TEMPLATE, SUPERUSER, start_scratch_server

            server = start_scratch_server(durable=not args.fast)
            server.create_database("bench", EMPTY_TEMPLATE)
            owner = server.url("bench", SUPERUSER)
        if not args.moved:
            _move(move_copy, owner, args.app_role)
        url = _app_url(owner, args.app_role)
        load = os.getloadavg()[0]
        print(f"{len(sample.loans):,} aktif loans sampled; today {today}; load {load:.1f}")
        if not args.skip_figures:
            on_lite = measure(lite, sample)
            lite.close()
            pg = Services.open(url)
            on_pg = measure(pg, sample)
            pg.close()
            print(f"\n{'figure':<46} {'SQLite ms':>16} {'PostgreSQL ms':>16} {'ratio':>6}  ≤ 2×")
            print(f"{'':<46} {'wall / CPU':>16} {'wall / CPU':>16}")
            for label, (lw, lc, lerr) in on_lite.items():
                pw, pc, perr = on_pg[label]
                if lerr or perr:
                    print(f"{label:<46} {lerr or '-':>16} {perr or '-':>16}")
                    continue
                ratio = pw / lw if lw else float("inf")
                print(
                    f"{label:<46} {lw * 1000:7.1f} /{lc * 1000:7.1f} {pw * 1000:7.1f} /"
                    f"{pc * 1000:7.1f} {ratio:6.2f}  {'OK' if ratio <= 2 else 'MISSED'}"
                )
        else:
            lite.close()
        if args.skip_office:
            return 0
        print("\nSeveral PCs saving payments at once (each its own process and connection):")
        loans = sample.loans
        office(url, loans, 1, args.payments, today, True)
        office(url, loans, args.pcs, args.payments, today, True)
        if args.no_lock_run:
            for attempts in args.attempts:
                office(url, loans, args.pcs, args.payments, today, False, attempts)
    finally:
        if server is not None:
            server.stop()
            shutil.rmtree(server.root, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
