"""Cetak Buku: any sequence of transactions and print runs prints each line exactly once, at
the next free position of the layout; page turns, the fold, new books, lost books, reprints."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import ValidationError
from app.members.models import Member
from app.passbook.engine import After
from app.passbook.layout import Position
from app.savings.models import SavingsKind
from app.services import Services
from app.users.models import User
from tests.app.passbook.helpers import SMALL, Printed, print_run, use_small_model
from tests.conftest import make_member, make_user

TODAY = date(2026, 11, 26)
ON = date(2026, 1, 10)
_TEMPLATE: dict[str, Path] = {}


def _template() -> Path:
    """A migrated file with a teller, a member and the small model (made once)."""
    if "path" not in _TEMPLATE:
        folder = Path(tempfile.mkdtemp(prefix="passbook-tpl-"))
        svc = Services.open(folder / "t.db", create=True)
        teller = make_user(svc, full_name="Rina Kasir Utama", username="kasir")
        make_member(svc, teller)
        use_small_model(svc, teller)
        svc.close()
        _TEMPLATE["path"] = folder / "t.db"
    return _TEMPLATE["path"]


@pytest.fixture
def setup(tmp_path: Path) -> Iterator[tuple[Services, User, Member]]:
    svc = Services.open(tmp_path / "k.db", create=True)
    teller = make_user(svc, full_name="Rina Kasir Utama", username="kasir")
    member = make_member(svc, teller)
    use_small_model(svc, teller)
    yield svc, teller, member
    svc.close()


def _deposit(svc: Services, teller: User, member: Member, amount: int) -> int:
    return svc.savings.deposit(teller, member.id, SavingsKind.SUKARELA, amount, ON, today=TODAY).id


def _check_layout_order(printed: list[Printed]) -> None:
    """Per book the positions are the layout's positions from (1,1) on, without gaps, and
    each at the layout's height; a later book starts with the carried-forward balance."""
    books: dict[str, list[Printed]] = {}
    for p in printed:
        books.setdefault(p.book, []).append(p)
    previous_balance: int | None = None
    for number, lines in books.items():
        pos: Position | None = SMALL.first
        for p in lines:
            assert p.position == pos, (number, p)
            assert p.y == SMALL.line_y(p.position.line)
            pos = SMALL.after(p.position)
        if previous_balance is not None:
            assert (lines[0].code, lines[0].balance) == ("PDH", previous_balance)
        previous_balance = lines[-1].balance


ops = st.lists(
    st.one_of(
        st.tuples(st.just("setor"), st.integers(1, 500).map(lambda n: n * 1000)),
        st.tuples(st.just("tarik"), st.integers(1, 100).map(lambda n: n * 1000)),
        st.tuples(st.just("batal"), st.integers(0, 50)),
        st.tuples(st.just("cetak"), st.one_of(st.none(), st.integers(1, 3))),
    ),
    max_size=30,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=ops)
def test_each_line_is_printed_exactly_once_where_the_layout_says(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    steps: list[tuple[str, int | None]],
) -> None:
    folder = tmp_path_factory.mktemp("run")
    monkeypatch.setenv("MUFAKAT_HOME", str(folder / "home"))  # each copy is a fresh file here
    shutil.copy(_template(), folder / "k.db")
    svc = Services.open(folder / "k.db")
    try:
        teller = next(u for u in svc.users.all() if u.username == "kasir")
        member_id = int(svc.db.scalar("SELECT min(id) FROM members"))
        member = svc.members.get(member_id)
        tx_ids: list[int] = []
        printed: list[Printed] = []
        for op, value in steps:
            if op == "setor":
                assert value is not None
                tx_ids.append(_deposit(svc, teller, member, value))
            elif op == "tarik":
                assert value is not None
                if svc.savings.balances(member_id).sukarela >= value:
                    tx_ids.append(
                        svc.savings.withdraw(
                            teller, member_id, SavingsKind.SUKARELA, value, ON, today=TODAY
                        ).id
                    )
            elif op == "batal" and tx_ids:
                assert value is not None
                with contextlib.suppress(ValidationError):
                    tx_ids.append(
                        svc.savings.reverse(
                            teller, tx_ids[value % len(tx_ids)], "salah catat", TODAY
                        ).id
                    )
            elif op == "cetak":
                printed += print_run(svc, teller, member_id, max_pages=value)[0]
        printed += print_run(svc, teller, member_id)[0]
        sources = [p.source for p in printed if p.source is not None]
        assert sorted(sources) == sorted(tx_ids)  # every transaction, each exactly once
        assert sources == sorted(sources)  # in recording order
        _check_layout_order(printed)
        running = 0
        amounts = dict(svc.db.rows("SELECT id, amount FROM savings_transactions"))  # type: ignore[arg-type]
        for p in printed:
            if p.source is not None:
                running += amounts[p.source]
                assert p.balance == running
        assert svc.passbooks.job(member_id) is None and not svc.passbooks.pending(member_id)
    finally:
        svc.close()


def test_a_page_turn_then_a_new_book_with_the_balance_carried_forward(
    setup: tuple[Services, User, Member],
) -> None:
    svc, teller, member = setup
    for n in range(1, 11):  # 10 lines; the small book holds 8
        _deposit(svc, teller, member, n * 1000)
    printed, prompts = print_run(svc, teller, member.id)
    assert prompts == [After.TURN_PAGE, After.NEW_BOOK, After.DONE]
    books = svc.passbooks.books(member.id)
    assert [b.reason for b in books] == ["baru", "penuh"]
    assert books[0].number != books[1].number
    second = [p for p in printed if p.book == books[1].number]
    assert [(p.code, p.balance) for p in second] == [
        ("PDH", 36_000),
        ("SS", 45_000),
        ("SS", 55_000),
    ]
    # The fold: line 3 is one line further down than the pitch alone.
    y = [p.y for p in printed[:4]]
    assert y[2] - y[1] == 2 * SMALL.pitch and y[1] - y[0] == SMALL.pitch
    assert printed[0].position == Position(1, 1) and printed[4].position == Position(2, 1)


def test_nothing_is_printed_twice_and_the_database_refuses_it(
    setup: tuple[Services, User, Member],
) -> None:
    svc, teller, member = setup
    _deposit(svc, teller, member, 5000)
    print_run(svc, teller, member.id)
    assert print_run(svc, teller, member.id) == ([], [])
    book = svc.passbooks.current_book(member.id)
    assert book is not None
    line = svc.passbooks.lines(book.id)[0]
    with pytest.raises(Exception, match=r"UNIQUE|append-only|unik|sudah"):
        svc.passbooks.repo.insert_line(book.id, Position(1, 2), line.entry, teller.id)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        svc.db.execute("DELETE FROM passbook_lines")


def test_a_stale_page_is_refused(setup: tuple[Services, User, Member]) -> None:
    svc, teller, member = setup
    _deposit(svc, teller, member, 5000)
    svc.passbooks.issue_book(teller, member.id, "baru")
    job = svc.passbooks.job(member.id)
    assert job is not None
    svc.passbooks.record(teller, job)
    with pytest.raises(ValidationError, match="komputer lain"):
        svc.passbooks.record(teller, job)


def test_reprint_of_a_range_gives_the_same_lines_and_is_audited(
    setup: tuple[Services, User, Member],
) -> None:
    svc, teller, member = setup
    for n in range(1, 7):
        _deposit(svc, teller, member, n * 1000)
    print_run(svc, teller, member.id)
    book = svc.passbooks.current_book(member.id)
    assert book is not None
    again = svc.passbooks.reprint(teller, book.id, Position(1, 3), Position(2, 1), "buku basah")
    assert [p.position for p in again] == [Position(1, 3), Position(1, 4), Position(2, 1)]
    assert [p.entry.balance for p in again] == [6000, 10_000, 15_000]
    assert svc.db.scalar("SELECT count(*) FROM passbook_reprints") == 1
    assert svc.db.scalar("SELECT count(*) FROM audit_log WHERE action = 'cetak_ulang_buku'") == 1
    assert svc.passbooks.job(member.id) is None  # a reprint moves nothing
    for first, last, reason in (
        (Position(2, 1), Position(1, 3), "buku basah"),
        (Position(1, 1), Position(1, 2), ""),
        (Position(2, 3), Position(2, 4), "tidak ada"),
    ):
        with pytest.raises(ValidationError):
            svc.passbooks.reprint(teller, book.id, first, last, reason)


def test_a_lost_book_is_replaced_with_its_history_carried_forward(
    setup: tuple[Services, User, Member],
) -> None:
    svc, teller, member = setup
    _deposit(svc, teller, member, 7000)
    print_run(svc, teller, member.id)
    _deposit(svc, teller, member, 3000)  # not printed when the book was lost
    with pytest.raises(ValidationError):
        svc.passbooks.issue_book(teller, member.id, "hilang", "")
    with pytest.raises(ValidationError, match="belum penuh"):
        svc.passbooks.issue_book(teller, member.id, "penuh")
    new = svc.passbooks.issue_book(teller, member.id, "hilang", "Hilang saat banjir")
    printed, _ = print_run(svc, teller, member.id)
    assert [(p.book, p.position, p.code, p.balance) for p in printed] == [
        (new.number, Position(1, 1), "PDH", 7000),
        (new.number, Position(1, 2), "SS", 10_000),
    ]
    assert svc.db.scalar("SELECT count(*) FROM audit_log WHERE action = 'buku_simpanan_baru'") == 2


def test_codes_and_initials_of_every_savings_transaction_type(
    setup: tuple[Services, User, Member],
) -> None:
    svc, teller, member = setup
    _deposit(svc, teller, member, 9000)
    svc.savings.deposit(teller, member.id, SavingsKind.WAJIB, 2000, ON, today=TODAY)
    tarik = svc.savings.withdraw(teller, member.id, SavingsKind.SUKARELA, 1000, ON, today=TODAY)
    svc.savings.reverse(teller, tarik.id, "salah catat", TODAY)
    svc.savings.deposit(
        teller, member.id, SavingsKind.SUKARELA, 500, ON, method="kompensasi", today=TODAY
    )
    entries = svc.passbooks.pending(member.id)
    assert [(e.code, e.debit, e.credit, e.teller) for e in entries] == [
        ("SS", 0, 9000, "RKU"),
        ("SW", 0, 2000, "RKU"),
        ("TS", 1000, 0, "RKU"),
        ("BS", 0, 1000, "RKU"),
        ("KS", 0, 500, "RKU"),
    ]
    assert [e.balance for e in entries] == [9000, 11_000, 10_000, 11_000, 11_500]
