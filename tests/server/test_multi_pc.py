"""Several PCs on the real services at once, on one server database (issue 15 §4): numbers never
taken twice, a balance never overdrawn, a payment and a cancellation of the same loan consistent,
a PC killed inside a write unit leaving nothing, a server restarted under load losing nothing.
Each PC is its own process with its own `Services.open(url)` (tests/server/multipc.py)."""

from __future__ import annotations

import os
import time
from collections import Counter
from typing import Any

import pytest

from app.savings.models import SavingsKind
from app.services import Services
from tests.server import multipc
from tests.server.multipc import JOB_NOTE, Office, attempt, officer, query, run_office

pytestmark = pytest.mark.slow

PCS = 4


def _active_members(url: str, n: int) -> list[int]:
    rows = query(url, "SELECT id FROM members WHERE status = 'aktif' ORDER BY id LIMIT %s", (n,))
    return [r[0] for r in rows]


# -- receipts and letter numbers -----------------------------------------------------------------


def _numbers_job(services: Any, user: Any, members: list[int]) -> list[tuple[Any, ...]]:
    from app.documents import keterangan_anggota
    from app.documents.kinds import DocKind
    from app.documents.sources.basics import documents

    docs = documents(services)
    on = multipc.today()
    outcomes = []
    for i, member_id in enumerate(members):
        deposit = attempt(
            lambda m=member_id: (
                services.savings.deposit(
                    user, m, SavingsKind.SUKARELA, 10_000, on, note=JOB_NOTE
                ).receipt_no
            )
        )
        outcomes.append(("receipt", *deposit))
        if i % 2 == 0:
            member = services.members.get(member_id)
            data = keterangan_anggota.keterangan_anggota(
                member, services.savings.balances(member_id), on=on, purpose=JOB_NOTE
            )
            letter = attempt(
                lambda d=data: (
                    docs.issue(
                        user,
                        DocKind.KETERANGAN_ANGGOTA,
                        d,
                        lambda x, _c: (b"%PDF " + x.nomor.encode(), 1),
                    ).row.number
                )
            )
            outcomes.append(("letter", *letter))
    return outcomes


def test_receipts_and_letter_numbers_are_never_taken_twice(pg_demo_url: str) -> None:
    members = _active_members(pg_demo_url, 12)
    results = run_office(pg_demo_url, _numbers_job, [members] * PCS)
    flat = [o for pc in results for o in pc]
    assert [o for o in flat if o[1] != "ok"] == []  # no error shown to any user
    receipts = [o[2] for o in flat if o[0] == "receipt"]
    letters = [o[2] for o in flat if o[0] == "letter"]
    assert len(receipts) == PCS * len(members) and len(letters) == PCS * 6
    assert [n for n, c in Counter(receipts + letters).items() if c > 1] == []
    stored = query(
        pg_demo_url,
        "SELECT receipt_no FROM savings_transactions WHERE note = %s",
        (JOB_NOTE,),
    )
    assert sorted(r[0] for r in stored) == sorted(receipts)
    registered = query(
        pg_demo_url,
        "SELECT number FROM documents WHERE kind = 'keterangan_anggota' AND status = 'selesai' "
        "AND number = ANY(%s)",
        (letters,),
    )
    assert len(registered) == len(letters)
    assert multipc.unbalanced_journals(pg_demo_url) == []
    assert multipc.month_totals_differ(pg_demo_url) == []


# -- two withdrawals of the same balance ---------------------------------------------------------


def _withdraw_job(services: Any, user: Any, plan: list[tuple[int, int]]) -> list[tuple[Any, ...]]:
    """Each round: withdraw `amount` of the member's sukarela, all PCs at the same moment."""
    outcomes = []
    for member_id, amount in plan:
        outcomes.append(
            attempt(
                lambda m=member_id, a=amount: (
                    services.savings.withdraw(
                        user, m, SavingsKind.SUKARELA, a, multipc.today(), note=JOB_NOTE
                    ).id
                )
            )
        )
    return outcomes


def test_withdrawals_of_the_same_balance_at_once_never_overdraw(pg_demo_url: str) -> None:
    """Every PC withdraws 60 % of the same member's sukarela at once, member after member: one
    gets it, the others are told the balance is too low, and no balance goes below zero."""
    services = Services.open(pg_demo_url)
    try:
        members = _active_members(pg_demo_url, 6)
        plan = []
        for member_id in members:
            balance = services.savings.balances(member_id).of(SavingsKind.SUKARELA)
            if balance < 10_000:
                user = officer(services)
                services.savings.deposit(
                    user, member_id, SavingsKind.SUKARELA, 100_000, multipc.today()
                )
                balance = services.savings.balances(member_id).of(SavingsKind.SUKARELA)
            plan.append((member_id, balance * 6 // 10))
    finally:
        services.close()
    results = run_office(pg_demo_url, _withdraw_job, [plan] * PCS)
    for round_ in range(len(plan)):
        outcomes = [pc[round_] for pc in results]
        assert [o[0] for o in outcomes].count("ok") == 1, outcomes
        assert all(o[1] == "ValidationError" and "Saldo" in o[2] for o in outcomes if o[0] != "ok")
    overdrawn = query(
        pg_demo_url,
        "SELECT member_id, kind, sum(amount) FROM savings_transactions GROUP BY 1, 2 "
        "HAVING sum(amount) < 0",
    )
    assert overdrawn == []
    assert multipc.unbalanced_journals(pg_demo_url) == []


# -- a payment and a cancellation of the same loan at once ---------------------------------------


def _payment_or_reversal(services: Any, user: Any, plan: list[Any]) -> list[tuple[Any, ...]]:
    on = multipc.today()
    outcomes = []
    for what, loan_id, event_id in plan:
        if what == "pay":
            outcomes.append(
                attempt(
                    lambda lo=loan_id: (
                        services.loans.payments.record_payment(
                            user, lo, 50_000, on, "tunai", note=JOB_NOTE
                        ).id
                    )
                )
            )
        else:
            outcomes.append(
                attempt(
                    lambda e=event_id: (
                        services.loans.payments.reverse(user, e, "Salah catat multipc", on).id
                    )
                )
            )
    return outcomes


def test_a_payment_and_a_cancellation_of_one_loan_at_once_stay_consistent(
    pg_demo_url: str,
) -> None:
    """One PC cancels a loan's last payment while another records a new one, loan after loan:
    both are saved (or one is refused with a message), each event has its one journal, a
    cancelled payment's journal is reversed once, journals balance, the kept balances and
    month totals equal the events and lines summed afresh."""
    loans = query(
        pg_demo_url,
        "SELECT e.loan_id, max(e.id) FROM loan_events e JOIN loans l ON l.id = e.loan_id "
        "WHERE l.status = 'aktif' AND e.kind = 'pembayaran' AND e.method = 'tunai' "
        "AND e.reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM loan_events r "
        "WHERE r.reverses_id = e.id) GROUP BY e.loan_id ORDER BY e.loan_id LIMIT 8",
    )
    assert len(loans) >= 4
    first = query(pg_demo_url, "SELECT coalesce(max(id), 0) FROM loan_events")[0][0]
    payer = [("pay", loan_id, None) for loan_id, _ in loans]
    canceller = [("reverse", loan_id, event_id) for loan_id, event_id in loans]
    results = run_office(pg_demo_url, _payment_or_reversal, [payer, canceller])
    flat = [o for pc in results for o in pc]
    assert all(o[0] == "ok" or o[1] == "ValidationError" for o in flat), flat
    assert [o[0] for o in results[1]].count("ok") >= len(loans) // 2
    new = query(
        pg_demo_url,
        "SELECT e.id, e.kind, e.reverses_id, (SELECT count(*) FROM journals j WHERE "
        "j.source = 'angsuran' AND j.source_id = e.id) FROM loan_events e WHERE e.id > %s",
        (first,),
    )
    assert len(new) == sum(o[0] == "ok" for o in flat)
    assert [r for r in new if r[1] == "pembayaran" and r[3] != 1] == []
    for _, _, reverses, _ in (r for r in new if r[1] == "pembalikan"):
        reversed_journals = query(
            pg_demo_url,
            "SELECT count(*) FROM journals r JOIN journals j ON r.reverses_id = j.id "
            "WHERE j.source = 'angsuran' AND j.source_id = %s",
            (reverses,),
        )
        assert reversed_journals == [(1,)]
    assert multipc.unbalanced_journals(pg_demo_url) == []
    assert multipc.loan_balances_differ(pg_demo_url) == []
    assert multipc.month_totals_differ(pg_demo_url) == []
    negative = query(
        pg_demo_url,
        "SELECT l.id FROM loans l JOIN loan_events e ON e.loan_id = l.id WHERE e.kind <> "
        "'pencairan' GROUP BY l.id, l.amount HAVING sum(e.pokok) > l.amount",
    )
    assert negative == []


# -- a PC killed inside a write unit -------------------------------------------------------------


def _stuck_job(services: Any, user: Any, arg: tuple[int, Any]) -> list[tuple[Any, ...]]:
    """A deposit that stops inside its write unit (after the savings row and its receipt
    number are written, at the audit entry) and tells the test, which kills this PC there."""
    member_id, inside, taken = arg
    real = services.audit.record

    def record(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        taken.put(services.db.scalar("SELECT receipt_no FROM savings_transactions "
                                     "WHERE amount = 77777"))  # fmt: skip
        inside.set()
        time.sleep(120)
        return result

    services.savings.audit.record = record
    services.savings.deposit(
        user, member_id, SavingsKind.SUKARELA, 77_777, multipc.today(), note=JOB_NOTE
    )
    return [("ok", "not killed")]


def test_a_pc_killed_inside_a_write_unit_leaves_nothing_half_done(pg_demo_url: str) -> None:
    member_id = _active_members(pg_demo_url, 1)[0]
    inside, taken = multipc._FORK.Event(), multipc._FORK.Queue()
    before = query(pg_demo_url, "SELECT count(*) FROM savings_transactions")[0][0]
    office = Office(pg_demo_url, _stuck_job, [(member_id, inside, taken)])
    assert inside.wait(60)
    receipt = taken.get(timeout=10)
    assert receipt  # written inside the unit, not committed
    pid = office.pcs[0].pid
    assert pid is not None
    multipc.kill(pid)
    office.pcs[0].join(10)
    # the others go on at once: the stuck PC's turn and its locks went with its session
    services = Services.open(pg_demo_url)
    try:
        started = time.monotonic()
        tx = services.savings.deposit(
            officer(services),
            member_id,
            SavingsKind.SUKARELA,
            12_345,
            multipc.today(),
            note="after",
        )
        assert time.monotonic() - started < 10
    finally:
        services.close()
    assert query(pg_demo_url, "SELECT count(*) FROM savings_transactions WHERE amount = 77777") == [
        (0,)
    ]
    assert query(pg_demo_url, "SELECT count(*) FROM savings_transactions")[0][0] == before + 1
    audit = query(pg_demo_url, "SELECT count(*) FROM audit_log WHERE after LIKE %s", ("%77777%",))
    assert audit == [(0,)]
    journals = query(
        pg_demo_url,
        "SELECT count(*) FROM journals WHERE source = 'simpanan' AND source_id = %s",
        (tx.id,),
    )
    assert journals == [(1,)]
    assert tx.receipt_no == receipt  # the dead PC's number went back: no gap in the receipts
    assert multipc.unbalanced_journals(pg_demo_url) == []


# -- the server restarted under load -------------------------------------------------------------


def _load_job(services: Any, user: Any, arg: tuple[int, Any]) -> list[tuple[Any, ...]]:
    """Deposits one after the other until told to stop; each with its own note. A deposit the
    server did not answer is not typed again (the user would look first): the next one goes on."""
    from app.storage.pg_engine import ServerUnreachable

    member_id, stop = arg
    outcomes: list[tuple[Any, ...]] = []
    for i in range(400):
        if stop.is_set():
            break
        note = f"{JOB_NOTE}-{os.getpid()}-{i}"
        try:
            tx = services.savings.deposit(
                user, member_id, SavingsKind.SUKARELA, 1_000 + i, multipc.today(), note=note
            )
            outcomes.append(("ok", note, tx.receipt_no))
        except ServerUnreachable as exc:
            outcomes.append(("unreachable", note, exc.message))
            time.sleep(0.2)
        except Exception as exc:  # anything else the user would see is a finding
            outcomes.append(("other", note, f"{type(exc).__name__}: {exc}"))
            time.sleep(0.2)
    return outcomes


def _committed(url: str) -> int:
    return int(
        query(
            url, "SELECT count(*) FROM savings_transactions WHERE note LIKE %s", (f"{JOB_NOTE}-%",)
        )[0][0]
    )


def test_a_server_restarted_under_load_loses_nothing_committed(
    pg_server: Any, pg_demo_url: str
) -> None:
    members = _active_members(pg_demo_url, 3)
    stop = multipc._FORK.Event()
    office = Office(pg_demo_url, _load_job, [(m, stop) for m in members])
    deadline = time.monotonic() + 60
    while _committed(pg_demo_url) < 15 and time.monotonic() < deadline:
        time.sleep(0.1)
    restarted = pg_server._run(
        "pg_ctl", "-D", str(pg_server.data), "-l", str(pg_server.root / "server.log"),
        "-m", "fast", "-w", "-t", "60", "restart",
    )  # fmt: skip
    assert restarted.returncode == 0, restarted.stderr
    after_restart = _committed(pg_demo_url)
    while _committed(pg_demo_url) < after_restart + 15 and time.monotonic() < deadline:
        time.sleep(0.1)
    stop.set()
    results = office.results()
    flat = [o for pc in results for o in pc]
    assert [o for o in flat if o[0] == "other"] == []
    assert any(o[0] == "unreachable" for o in flat)  # the restart was seen …
    assert all("Server kantor tidak bisa dihubungi" in o[2] for o in flat if o[0] == "unreachable")
    stored = Counter(
        r[0]
        for r in query(
            pg_demo_url,
            "SELECT note FROM savings_transactions WHERE note LIKE %s",
            (f"{JOB_NOTE}-%",),
        )
    )
    acknowledged = [o[1] for o in flat if o[0] == "ok"]
    assert [n for n in acknowledged if stored[n] != 1] == []  # every saved deposit is there once
    lost = {o[1] for o in flat if o[0] == "unreachable"}
    assert set(stored) <= set(acknowledged) | lost  # and nothing nobody saved
    assert all(stored[n] <= 1 for n in lost)
    # each stored deposit is whole: its receipt, its journal, its audit entry
    incomplete = query(
        pg_demo_url,
        "SELECT t.id FROM savings_transactions t WHERE t.note LIKE %s AND ("
        "(SELECT count(*) FROM journals j WHERE j.source = 'simpanan' AND j.source_id = t.id) <> 1"
        " OR (SELECT count(*) FROM audit_log a WHERE a.entity = 'savings' "
        "AND a.entity_id = CAST(t.id AS text)) <> 1)",
        (f"{JOB_NOTE}-%",),
    )
    assert incomplete == []
    receipts = query(
        pg_demo_url, "SELECT receipt_no FROM savings_transactions GROUP BY 1 HAVING count(*) > 1"
    )
    assert receipts == []
    assert multipc.unbalanced_journals(pg_demo_url) == []
    assert multipc.month_totals_differ(pg_demo_url) == []
