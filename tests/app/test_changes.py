"""The change hub: every write, whichever path it takes, names the kind of thing it changed,
once per flush and never while its transaction is still open."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.changes import ChangeHub, Kind, kind_of_table
from app.services import Services
from tests.conftest import admin_user, make_member

WATCHED = {
    "members": Kind.MEMBERS,
    "savings_transactions": Kind.SAVINGS,
    "loans": Kind.LOANS,
    "loan_events": Kind.LOANS,
    "loan_schedule_lines": Kind.LOANS,
    "offbook_register": Kind.LOANS,
    "collection_cases": Kind.CASES,
    "case_letters": Kind.CASES,
    "contact_causes": Kind.CASES,
    "promise_cancellations": Kind.CASES,
    "collection_decisions": Kind.DECISIONS,
    "decision_votes": Kind.DECISIONS,
    "documents": Kind.DOCUMENTS,
    "document_files": Kind.DOCUMENTS,
    "document_settings": Kind.SETTINGS,
    "settings": Kind.SETTINGS,
    "users": Kind.USERS,
}


@pytest.mark.parametrize(("table", "kind"), WATCHED.items())
def test_tables_map_to_the_kind_their_lists_show(table: str, kind: Kind) -> None:
    assert kind_of_table(table) is kind


@pytest.mark.parametrize("table", ["audit_log", "backups", "sequences", "_sqlite_migrations"])
def test_bookkeeping_tables_notify_nothing(table: str) -> None:
    assert kind_of_table(table) is None


def test_every_table_of_the_schema_is_either_watched_or_bookkeeping(services: Services) -> None:
    tables = {
        r[0]
        for r in services.db.rows("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not r[0].startswith("sqlite")
    }
    unwatched = {t for t in tables if kind_of_table(t) is None}
    assert unwatched == {
        "audit_log",
        "backups",
        "sequences",
        "_sqlite_migrations",
        "file_identity",
        "chain_identity",
        "chain_heads",
        "chain_blocks",
        "chain_findings",
        "row_seals",
        "ledger_history",
        "ledger_month_totals",  # derived from the journals, whose own writes notify BOOKS
        "arrears_positions",  # derived from the loans (step 0030), whose own writes notify LOANS
        "savings_totals",  # derived from the savings (step 0031), whose own writes notify SAVINGS
    }


@given(st.lists(st.sampled_from(list(Kind)), min_size=1, max_size=30))
def test_hub_announces_each_kind_once_and_asks_for_one_flush(kinds: list[Kind]) -> None:
    hub = ChangeHub()
    asked: list[int] = []
    heard: list[frozenset[Kind]] = []
    hub.on_pending = lambda: asked.append(1)
    hub.subscribe(heard.append)
    for kind in kinds:
        hub.note(kind)
    assert asked == [1]
    assert hub.flush() == frozenset(kinds)
    assert heard == [frozenset(kinds)]
    assert hub.flush() == frozenset() and heard == [frozenset(kinds)]


def test_service_writes_reach_the_hub_after_commit(services: Services) -> None:
    heard: list[frozenset[Kind]] = []
    services.changes.subscribe(heard.append)
    services.changes.flush()
    heard.clear()
    actor = admin_user(services)
    member = make_member(services, actor)
    assert Kind.MEMBERS in services.changes.flush()
    from app.savings.models import SavingsKind

    services.savings.deposit(
        actor, member.id, SavingsKind.POKOK, 100_000, date(2026, 1, 5), today=date(2026, 1, 5)
    )
    # the deposit and its journal in the books, in one transaction: one announcement
    assert services.changes.flush() == {Kind.SAVINGS, Kind.BOOKS}
    assert len(heard) == 2


def test_nothing_is_announced_while_the_transaction_is_open(services: Services) -> None:
    services.changes.flush()
    with services.db.atomic():
        services.db.execute("INSERT INTO settings (key, value) VALUES ('test.x', '1')")
        assert services.changes.busy()
        assert services.changes.flush() == frozenset()
    assert services.changes.flush() == {Kind.SETTINGS}


def test_a_closed_hub_announces_nothing(services: Services) -> None:
    heard: list[frozenset[Kind]] = []
    services.changes.subscribe(heard.append)
    services.db.execute("INSERT INTO settings (key, value) VALUES ('test.y', '1')")
    services.changes.close()
    assert services.changes.flush() == frozenset() and heard == []
    services.changes.note(Kind.MEMBERS)
    assert services.changes.pending == frozenset()
