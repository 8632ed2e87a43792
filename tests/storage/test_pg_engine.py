"""The PostgreSQL engine: whole numbers stay int, every write unit is SERIALIZABLE and retried,
and two PCs withdrawing the same balance never overdraw it."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.storage.pg_engine import (
    WRITERS_LOCK,
    FractionRefused,
    PgEngine,
    ServerBusy,
    ServerConflict,
    ServerUnreachable,
)
from tests.pg import free_port

BALANCE = 100_000
WITHDRAW = 80_000


@pytest.fixture
def engine(pg_url: str) -> Iterator[PgEngine]:
    eng = PgEngine(pg_url)
    yield eng
    eng.close()


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(values=st.lists(st.integers(-(2**62), 2**62), min_size=1, max_size=6))
def test_sums_of_bigints_are_exact_ints(pg_url: str, values: list[int]) -> None:
    eng = PgEngine(pg_url)
    try:
        total = eng.scalar("SELECT sum(v) FROM unnest(CAST(:vs AS bigint[])) AS v", {"vs": values})
        assert type(total) is int and total == sum(values)
    finally:
        eng.close()


@pytest.mark.parametrize(("text", "whole"), [("7.0", True), ("7.5", False), ("-0.001", False)])
def test_a_fraction_is_refused_never_rounded(engine: PgEngine, text: str, whole: bool) -> None:
    sql = f"SELECT CAST('{text}' AS numeric) AS n"
    if whole:
        assert engine.scalar(sql) == 7
    else:
        with pytest.raises((FractionRefused, psycopg.DataError)):
            engine.scalar(sql)


def test_transactions_are_serializable(engine: PgEngine) -> None:
    with engine.atomic():
        assert engine.scalar("SHOW transaction_isolation") == "serializable"


def test_a_pcs_connection_waits_for_locks_bounded_and_compiles_no_queries(
    engine: PgEngine,
) -> None:
    assert engine.scalar("SHOW lock_timeout") == "30s"
    assert engine.scalar("SHOW jit") == "off"  # JIT compiling the arrears statement: 12 s
    assert engine.scalar("SHOW idle_in_transaction_session_timeout") == "1min"
    assert engine.scalar("SHOW tcp_keepalives_idle") == "30"


def test_a_pc_stuck_inside_its_unit_is_ended_and_the_others_get_their_turn(
    engine: PgEngine, pg_url: str
) -> None:
    """A PC that stops talking inside a unit (switched off, unplugged): the server ends its
    session after STUCK_AFTER (1 s here), its unit is rolled back, its turn released; the PC
    itself is told the server could not be reached, and carries on after that."""
    engine.run("CREATE TEMP TABLE s (v bigint)")
    engine.conn.execute("SET idle_in_transaction_session_timeout = '1s'")
    other = PgEngine(pg_url)
    try:
        with pytest.raises(ServerUnreachable):

            def stuck() -> None:
                engine.run("INSERT INTO s VALUES (1)")
                time.sleep(1.5)  # ends here: nothing sent for longer than the timeout
                engine.run("INSERT INTO s VALUES (2)")

            engine.retrying(stuck)
        started = time.monotonic()
        assert other.retrying(lambda: other.scalar("SELECT 1")) == 1
        assert time.monotonic() - started < 5
        assert _held_turns(pg_url) == 0
        assert engine.scalar("SELECT 1") == 1  # connected again (its TEMP table went with it)
    finally:
        other.close()


def test_atomic_writes_all_or_nothing(engine: PgEngine) -> None:
    engine.run("CREATE TEMP TABLE m (v bigint)")
    with pytest.raises(RuntimeError), engine.atomic():
        engine.run("INSERT INTO m VALUES (1)")
        raise RuntimeError("stop")
    assert engine.scalar("SELECT count(*) FROM m") == 0


def _prepare(url: str) -> None:
    with psycopg.connect(url.replace("mufakat_app", "mufakat_admin"), autocommit=True) as conn:
        conn.execute("CREATE TABLE moves (id bigint GENERATED ALWAYS AS IDENTITY, amount bigint)")
        conn.execute("GRANT SELECT, INSERT ON moves TO mufakat_app")
        conn.execute("INSERT INTO moves (amount) VALUES (%s)", (BALANCE,))


def _withdraw_twice(
    url: str, isolation: psycopg.IsolationLevel, take_turns: bool = False
) -> tuple[list[bool], int]:
    """Two PCs read the balance at the same moment, check it, and withdraw (with
    `take_turns`, the writers' lock lets only one in at a time: they start at the same
    moment instead)."""
    both_read = threading.Barrier(2, timeout=10)
    both_start = threading.Barrier(2, timeout=10)
    outcome: list[bool] = []
    errors: list[BaseException] = []

    def pc() -> None:
        eng = PgEngine(url)
        eng.conn.isolation_level = isolation
        eng.writers_take_turns = take_turns
        first = [not take_turns]

        def withdraw() -> bool:
            balance = eng.scalar("SELECT coalesce(sum(amount), 0) FROM moves")
            if first[0]:
                first[0] = False
                both_read.wait()
            if balance < WITHDRAW:
                return False
            eng.run("INSERT INTO moves (amount) VALUES (:a)", {"a": -WITHDRAW})
            return True

        try:
            both_start.wait()
            outcome.append(eng.retrying(withdraw))
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)
        finally:
            eng.close()

    threads = [threading.Thread(target=pc) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []
    eng = PgEngine(url)
    final = eng.scalar("SELECT sum(amount) FROM moves")
    eng.close()
    return outcome, final


def test_two_pcs_withdrawing_the_same_balance_never_overdraw(pg_url: str) -> None:
    """SERIALIZABLE alone (no writers' lock) already refuses the second withdrawal."""
    _prepare(pg_url)
    outcome, final = _withdraw_twice(pg_url, psycopg.IsolationLevel.SERIALIZABLE)
    assert sorted(outcome) == [False, True]
    assert final == BALANCE - WITHDRAW


def test_two_pcs_taking_turns_never_overdraw(pg_url: str) -> None:
    _prepare(pg_url)
    outcome, final = _withdraw_twice(pg_url, psycopg.IsolationLevel.SERIALIZABLE, True)
    assert sorted(outcome) == [False, True]
    assert final == BALANCE - WITHDRAW


def test_without_serializable_the_same_race_overdraws(pg_url: str) -> None:
    """The control: the test above can fail (READ COMMITTED lets both withdraw)."""
    _prepare(pg_url)
    outcome, final = _withdraw_twice(pg_url, psycopg.IsolationLevel.READ_COMMITTED)
    assert outcome == [True, True]
    assert final == BALANCE - 2 * WITHDRAW < 0


def test_retries_are_bounded_with_a_plain_message(engine: PgEngine) -> None:
    calls = []

    def always_conflicts() -> None:
        calls.append(1)
        raise psycopg.errors.SerializationFailure("conflict")

    with pytest.raises(ServerConflict, match="komputer lain"):
        engine.retrying(always_conflicts)
    assert len(calls) == engine.attempts


@pytest.mark.no_database
def test_a_server_that_is_not_there_gets_a_plain_message() -> None:
    with pytest.raises(ServerUnreachable, match="Server kantor tidak bisa dihubungi"):
        PgEngine(f"postgresql://nobody@127.0.0.1:{free_port()}/none")


def test_retrying_inside_a_transaction_joins_it(engine: PgEngine) -> None:
    """A unit of work called from inside another is part of the outer one: it is retried, and
    rolled back, with it."""
    engine.run("CREATE TEMP TABLE j (v bigint)")
    with pytest.raises(RuntimeError), engine.atomic():
        engine.retrying(lambda: engine.run("INSERT INTO j VALUES (1)"))
        assert engine.scalar("SELECT count(*) FROM j") == 1
        raise RuntimeError("outer fails")
    assert engine.scalar("SELECT count(*) FROM j") == 0
    assert engine.retrying(lambda: engine.run("INSERT INTO j VALUES (2)")) == 1
    assert engine.scalar("SELECT sum(v) FROM j") == 2


def _held_turns(url: str) -> int:
    """How many sessions hold the writers' lock now (seen from another connection)."""
    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
            "AND ((classid::bigint << 32) | objid::bigint) = %s",
            (WRITERS_LOCK,),
        ).fetchone()
        assert row is not None
        return int(row[0])


def test_a_transaction_holds_the_writers_lock_and_gives_it_back(engine: PgEngine) -> None:
    url = engine.url
    seen: list[int] = []
    assert engine.retrying(lambda: seen.append(_held_turns(url)) or 1) == 1
    assert seen == [1] and _held_turns(url) == 0
    with pytest.raises(RuntimeError):
        engine.retrying(lambda: (_ for _ in ()).throw(RuntimeError("fails")))
    assert _held_turns(url) == 0  # given back after a failure too
    with engine.atomic():  # a plain transaction takes its turn too, once however nested
        with engine.atomic():
            engine.retrying(lambda: seen.append(_held_turns(url)))
        assert _held_turns(url) == 1
    assert seen == [1, 1] and _held_turns(url) == 0
    assert engine.scalar("SELECT 1") == 1 and _held_turns(url) == 0  # a read does not queue


def _second_writer_waits(url: str, take_turns: bool) -> tuple[int, int]:
    """PC A is inside its unit (counter read and raised, not committed) when PC B starts the
    same unit; then A commits. B's attempts and the final counter."""
    with psycopg.connect(url.replace("mufakat_app", "mufakat_admin"), autocommit=True) as conn:
        conn.execute("CREATE TABLE counter (v bigint)")
        conn.execute("GRANT SELECT, UPDATE ON counter TO mufakat_app")
        conn.execute("INSERT INTO counter VALUES (0)")
    a_inside, b_started = threading.Event(), threading.Event()
    b_calls: list[int] = []
    a, b = PgEngine(url), PgEngine(url)
    a.writers_take_turns = b.writers_take_turns = take_turns

    def raise_counter(eng: PgEngine, calls: list[int] | None = None) -> None:
        if calls is not None:
            calls.append(1)
        v = eng.scalar("SELECT v FROM counter")
        eng.run("UPDATE counter SET v = :v", {"v": v + 1})

    def unit_a() -> None:
        raise_counter(a)
        a_inside.set()
        b_started.wait(10)
        time.sleep(0.3)  # B is at its first statement (or waiting for its turn)

    def pc_b() -> None:
        a_inside.wait(10)
        b_started.set()
        b.retrying(lambda: raise_counter(b, b_calls))

    thread = threading.Thread(target=pc_b)
    thread.start()
    try:
        a.retrying(unit_a)
    finally:
        thread.join(30)
        a.close()
        b.close()
    eng = PgEngine(url)
    final = eng.scalar("SELECT v FROM counter")
    eng.close()
    return len(b_calls), final


def test_writers_take_turns_instead_of_aborting_each_other(pg_url: str) -> None:
    """B waits for A's commit before its transaction starts, so it reads A's counter: one
    attempt, nothing lost."""
    assert _second_writer_waits(pg_url, take_turns=True) == (1, 2)


def test_without_turns_the_second_writer_is_aborted_and_retried(pg_url: str) -> None:
    """The control: the same two units without the lock conflict (B runs twice)."""
    calls, final = _second_writer_waits(pg_url, take_turns=False)
    assert calls >= 2 and final == 2


def test_a_turn_not_given_in_time_is_a_plain_message_with_nothing_written(engine: PgEngine) -> None:
    engine.run("CREATE TEMP TABLE w (v bigint)")
    engine.conn.execute("SET lock_timeout = '200ms'")
    with psycopg.connect(engine.url) as other:  # another PC stuck inside its unit
        other.execute("SELECT pg_advisory_lock(%s)", (WRITERS_LOCK,))
        with pytest.raises(ServerBusy, match="sedang sibuk"):
            engine.retrying(lambda: engine.run("INSERT INTO w VALUES (1)"))
    assert engine.scalar("SELECT count(*) FROM w") == 0
    assert engine.retrying(lambda: engine.run("INSERT INTO w VALUES (2)")) == 1
    assert _held_turns(engine.url) == 0
