"""Several PCs as several processes, each with its own `Services` on the same server database
(issue 15 §4): what they run, and the checks of what they leave behind.

Each PC is a forked process (the program is already imported: a PC costs its connection and its
services, not Python's start) that opens the cooperative by its address, waits at a shared
barrier so all of them start at the same moment, runs one job and reports each outcome through a
queue: ("ok", value) or ("error", the error's class name, its message)."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
import traceback
from collections.abc import Callable
from datetime import date
from typing import Any

import psycopg

from app.errors import AppError

OFFICER = "manajer"
"""The demo user every PC works as: records payments and savings, cancels them, issues letters."""

JOB_NOTE = "multipc"
"""In the note of every record a PC job writes, to find them again."""

Outcome = tuple[Any, ...]
Job = Callable[[Any, Any, Any], list[Outcome]]

_FORK = multiprocessing.get_context("fork")


def officer(services: Any) -> Any:
    """The demo's Manajer, without a log-in (its password hash costs ~1 s of CPU per PC)."""
    [user] = [u for u in services.users.all() if u.username == OFFICER]
    return user


def attempt(fn: Callable[[], Any]) -> Outcome:
    """One user action: its value, or the error the user would be shown."""
    try:
        return ("ok", fn())
    except AppError as exc:
        return ("error", type(exc).__name__, exc.message)


def _pc(url: str, job: Job, arg: Any, start: Any, out: Any) -> None:
    from app.services import Services

    try:
        services = Services.open(url)
        user = officer(services)
        start.wait()
        out.put((os.getpid(), job(services, user, arg)))
        services.close()
    except BaseException:
        out.put((os.getpid(), [("crash", traceback.format_exc())]))


class Office:
    """PCs started together; `results()` waits for their reports."""

    def __init__(self, url: str, job: Job, args: list[Any]) -> None:
        self.out = _FORK.Queue()
        self.start = _FORK.Barrier(len(args), timeout=60)
        self.pcs = [
            _FORK.Process(target=_pc, args=(url, job, arg, self.start, self.out), daemon=True)
            for arg in args
        ]
        for pc in self.pcs:
            pc.start()

    def results(self, timeout: float = 120) -> list[list[Outcome]]:
        """Each PC's outcomes, in the order the PCs were given (a PC that crashed fails)."""
        by_pid: dict[int, list[Outcome]] = {}
        deadline = time.monotonic() + timeout
        while len(by_pid) < len(self.pcs):
            pid, outcomes = self.out.get(timeout=max(0.1, deadline - time.monotonic()))
            by_pid[pid] = outcomes
        for pc in self.pcs:
            pc.join(10)
        found = [by_pid[pc.pid] for pc in self.pcs if pc.pid is not None]
        crashes = [o[1] for outcomes in found for o in outcomes if o[0] == "crash"]
        assert crashes == [], "\n".join(crashes)
        return found


def run_office(url: str, job: Job, args: list[Any], timeout: float = 120) -> list[list[Outcome]]:
    return Office(url, job, args).results(timeout)


def kill(pid: int) -> None:
    os.kill(pid, signal.SIGKILL)


# -- what the books must look like afterwards ----------------------------------------------------


def owner(url: str) -> str:
    return url.replace("mufakat_app", "mufakat_admin", 1)


def query(url: str, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
    with psycopg.connect(owner(url)) as conn:
        return conn.execute(sql, params).fetchall()


def unbalanced_journals(url: str) -> list[tuple[Any, ...]]:
    """Journals whose debits and credits differ, or without lines (but the no-GL markers)."""
    return query(
        url,
        "SELECT j.id FROM journals j LEFT JOIN journal_lines l ON l.journal_id = j.id "
        "GROUP BY j.id, j.no_gl HAVING coalesce(sum(l.debit), 0) <> coalesce(sum(l.credit), 0) "
        "OR (count(l.id) = 0 AND j.no_gl = 0)",
    )


def month_totals_differ(url: str) -> list[tuple[Any, ...]]:
    """Accounts and months whose kept totals differ from the lines summed afresh."""
    return query(
        url,
        "WITH fresh AS (SELECT l.account, substr(j.date, 1, 7) AS month, sum(l.debit) AS d, "
        "sum(l.credit) AS c FROM journal_lines l JOIN journals j ON j.id = l.journal_id "
        "GROUP BY 1, 2), kept AS (SELECT account, month, sum(debit) AS d, sum(credit) AS c "
        "FROM ledger_month_totals GROUP BY 1, 2) "
        "SELECT * FROM fresh FULL JOIN kept USING (account, month) "
        "WHERE fresh.d IS DISTINCT FROM kept.d OR fresh.c IS DISTINCT FROM kept.c",
    )


def loan_balances_differ(url: str) -> list[tuple[Any, ...]]:
    """Loans whose kept balances differ from their events summed afresh."""
    return query(
        url,
        "WITH fresh AS (SELECT loan_id, version, sum(pokok) AS p, sum(jasa) AS j, "
        "sum(denda) AS d, sum(titipan) AS t FROM loan_events GROUP BY 1, 2) "
        "SELECT * FROM fresh FULL JOIN loan_balances b USING (loan_id, version) "
        "WHERE fresh.p IS DISTINCT FROM b.pokok OR fresh.j IS DISTINCT FROM b.jasa "
        "OR fresh.d IS DISTINCT FROM b.denda OR fresh.t IS DISTINCT FROM b.titipan",
    )


def today() -> date:
    return date.today()
