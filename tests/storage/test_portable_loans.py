"""Loan quality and the loans list give the same answers on SQLite and PostgreSQL (issue 15):
a demo cooperative is copied into the PostgreSQL schema and every loan's arrears, days past
due, denda and class — under the koperasi, OJK and missed-instalments policies, at dates
across the loans' lives — the list's pages, searches and counts, the portfolio with its
required allowance, month-end snapshots and allowance bookings are compared; loan products are
kept alike on a fresh database of each engine; a collection case with its letters and a loan
card line, a board meeting, a decision's position, decisions with votes and notes, financial
events and the off-books register are written and read back alike."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import psycopg
import pytest

from app.collection.decision_models import DecisionKind, DecisionStatus
from app.collection.drafts import NewCase, NewDecision, NewFinEvent
from app.collection.meeting_models import (
    DecisionPosition,
    MeetingAttendee,
    MeetingDraft,
)
from app.collection.models import CaseStatus, CollateralStatus, LetterDraft, LetterKind
from app.demo.generate import generate_demo
from app.loans.allowance import BPR_STYLE, PERMEN_14_2009, AllowancePolicy
from app.loans.models import LoanFilter, LoanProductDraft, LoanStatus
from app.loans.quality import KOPERASI, MISSED, OJK
from app.passbook.card import CardEntry
from app.passbook.layout import Position
from app.storage.collection_cases_repo import CaseWrites
from app.storage.collection_decisions_repo import DecisionsRepository
from app.storage.collection_letters_repo import LettersRepository
from app.storage.db import Database, open_database
from app.storage.loans_list_repo import LoansListRepository
from app.storage.loans_portfolio_repo import LoanPortfolioRepository
from app.storage.loans_products_repo import LoanProductsRepository
from app.storage.loans_quality_repo import LoanQualityRepository
from app.storage.loans_snapshots_repo import LoanSnapshotsRepository
from app.storage.meetings_repo import MeetingsRepository
from app.storage.passbook_card_repo import CardRepository
from app.storage.pg_engine import PgEngine
from tests.pg import APP_ROLE, SUPERUSER, TEMPLATE, PgServer, _database
from tests.storage.test_pg_schema_data import _copy


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("loans") / "contoh.db"
    generate_demo(path, members=40, seed=11)
    return path


def _advance_identity(pg: psycopg.Connection[Any], table: str) -> None:
    """Rows copied with their ids leave an identity column's sequence behind: move it past
    them, or the next INSERT takes id 1 again (`server move` will have to do the same)."""
    sequence = pg.execute(
        "SELECT pg_get_serial_sequence(c.table_name, c.column_name)"
        " FROM information_schema.columns c WHERE c.table_name = %s AND c.column_name = 'id'",
        (table,),
    ).fetchone()
    if sequence and sequence[0]:
        pg.execute(
            f"SELECT setval(%s, coalesce((SELECT max(id) FROM {table}), 0) + 1, false)",
            (sequence[0],),
        )


@pytest.fixture(scope="module")
def engines(
    demo: Path, pg_server: PgServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Database, PgEngine]]:
    with _database(pg_server, TEMPLATE) as url:
        lite = sqlite3.connect(f"file:{demo}?mode=ro", uri=True)
        try:
            with psycopg.connect(url.replace(APP_ROLE, SUPERUSER, 1), autocommit=True) as pg:
                for table in _copy(lite, pg):
                    _advance_identity(pg, table)
        finally:
            lite.close()
        copy = tmp_path_factory.mktemp("open") / "contoh.db"
        shutil.copy(demo, copy)
        db = open_database(copy)
        pg_engine = PgEngine(url)
        try:
            yield db, pg_engine
        finally:
            pg_engine.close()
            db.close()


def _dates(db: Database) -> list[date]:
    first = date.fromisoformat(db.scalar("SELECT min(disbursed_on) FROM loans"))
    last = date.fromisoformat(db.scalar("SELECT max(event_date) FROM loan_events"))
    span = (last - first).days + 200
    return [date.fromordinal(first.toordinal() + span * k // 7) for k in range(8)]


@pytest.mark.parametrize("policy", [KOPERASI, OJK, MISSED], ids=lambda p: p.key)
def test_arrears_and_classes_are_the_same_on_both(
    engines: tuple[Database, PgEngine], policy: object
) -> None:
    lite, pg = (LoanQualityRepository(e) for e in engines)
    seen_late = 0
    for as_of in _dates(engines[0]):
        expected = lite.arrears(as_of, policy)  # type: ignore[arg-type]
        assert pg.arrears(as_of, policy) == expected, as_of  # type: ignore[arg-type]
        seen_late += sum(1 for a in expected if a.days_past_due > 0)
        counts = lite.class_counts(as_of, policy)  # type: ignore[arg-type]
        assert pg.class_counts(as_of, policy) == counts  # type: ignore[arg-type]
        some = [a.loan_id for a in expected][::3]
        assert pg.arrears(as_of, policy, some) == lite.arrears(as_of, policy, some)  # type: ignore[arg-type]
    assert seen_late > 0  # the comparison covered loans in arrears, not only current ones


@pytest.mark.parametrize("order", ["number", "newest", "member", "outstanding", "days", "arrears"])
def test_the_loans_list_is_the_same_on_both(engines: tuple[Database, PgEngine], order: str) -> None:
    lite, pg = (LoansListRepository(e) for e in engines)
    as_of = _dates(engines[0])[4]
    name = str(engines[0].scalar("SELECT m.name FROM loans l JOIN members m ON m.id = l.member_id"))
    filters = [
        LoanFilter(),
        LoanFilter(statuses=(LoanStatus.AKTIF, LoanStatus.LUNAS)),
        LoanFilter(text=name[1:4].upper()),
        LoanFilter(overdue_only=True),
        LoanFilter(quality="L"),
    ]
    for f in filters:
        page = lite.rows(as_of, KOPERASI, f, 0, 15, order)
        assert pg.rows(as_of, KOPERASI, f, 0, 15, order) == page, f
        assert pg.count(as_of, KOPERASI, f) == lite.count(as_of, KOPERASI, f), f


@pytest.mark.parametrize("allowance", [BPR_STYLE, PERMEN_14_2009], ids=lambda p: p.key)
def test_portfolio_and_allowance_are_the_same_on_both(
    engines: tuple[Database, PgEngine], allowance: AllowancePolicy
) -> None:
    lite, pg = (LoanPortfolioRepository(e) for e in engines)
    for as_of in _dates(engines[0])[2:]:
        groups = lite.groups(as_of, KOPERASI, allowance)
        assert sorted(pg.groups(as_of, KOPERASI, allowance), key=repr) == sorted(groups, key=repr)
        required = lite.required_by_loan(as_of, KOPERASI, allowance)
        assert pg.required_by_loan(as_of, KOPERASI, allowance) == required
    assert any(g.required > 0 for g in groups)


def test_bookings_and_month_end_snapshots_on_both(engines: tuple[Database, PgEngine]) -> None:
    as_of = _dates(engines[0])[5]
    stored = []
    for engine in engines:
        portfolio, snapshots = LoanPortfolioRepository(engine), LoanSnapshotsRepository(engine)
        quality = LoanQualityRepository(engine)
        with engine.atomic():
            first = portfolio.insert_booking(as_of, 1_250_000, BPR_STYLE, "PPAP Jan", None)
            portfolio.insert_booking(as_of, 1_500_000, BPR_STYLE, "koreksi", None)
            run_no = snapshots.last_run_no(as_of) + 1
            run_id = snapshots.insert_run(as_of, run_no, KOPERASI, 3, 999, Decimal("4.5"), None)
        booked = portfolio.booking(first)
        assert booked is not None and (booked.amount, booked.note) == (1_250_000, "PPAP Jan")
        latest = portfolio.latest_booking(as_of)
        assert latest is not None and latest.amount == 1_500_000
        assert portfolio.latest_booking(date(1999, 1, 1)) is None
        run = snapshots.run(run_id)
        assert run is not None and (run.run_no, run.npl_ratio) == (run_no, Decimal("4.5"))
        assert snapshots.last_run_no(as_of) == run_no and run_id in {r.id for r in snapshots.runs()}
        kept = snapshots.snapshot(run)
        assert kept == quality.arrears(as_of, KOPERASI)
        by_class = snapshots.outstanding_by_class(run_id)
        assert sum(by_class.values()) == sum(a.outstanding for a in kept)
        late = next(a.loan_id for a in kept if a.days_past_due > 0)
        stored.append((kept, by_class, snapshots.class_history(late), len(portfolio.bookings())))
    assert stored[0] == stored[1]


def test_loan_products_on_both(engine: Any) -> None:
    repo = LoanProductsRepository(engine)
    draft = LoanProductDraft(name="Uji Produk", method="flat", monthly_rate=Decimal("1.25"))
    with engine.atomic():
        first = repo.insert_product(draft)
        second = repo.insert_product(
            replace(draft, name="abadi uji", method="annuity", admin_fee_rate=Decimal("0.5"))
        )
    assert second == first + 1
    got = repo.product(first)
    assert got is not None and got.monthly_rate == Decimal("1.25") and got.active
    assert (got.denda_rule, got.alloc_order) == (draft.denda_rule, draft.alloc_order)
    assert repo.product_name_taken("UJI produk") and not repo.product_name_taken("Lain")
    assert not repo.product_name_taken("uji PRODUK", exclude_id=first)
    repo.update_product(first, replace(draft, monthly_rate=Decimal("2"), round_up=False))
    repo.set_product_active(second, False)
    changed = repo.product(first)
    assert changed is not None and changed.monthly_rate == Decimal("2") and not changed.round_up
    mine = {first, second}
    assert [p.name for p in repo.products() if p.id in mine] == ["Uji Produk"]
    every = [p.name for p in repo.products(include_inactive=True) if p.id in mine]
    assert every == ["abadi uji", "Uji Produk"]
    assert repo.product(999) is None


class _CaseStore(LettersRepository, CaseWrites):
    def __init__(self, db: Any) -> None:
        self.db = db


def _case_and_letters(engine: Any, loan_id: int, member_id: int) -> tuple[Any, ...]:
    store = _CaseStore(engine)
    new = NewCase("UJI/K/1", loan_id, member_id, date(2026, 1, 5), "manual", "uji", None,
                  CollateralStatus.BELUM_DINILAI, None)  # fmt: skip
    with engine.atomic():
        case_id = store.insert_case(new)
        store.set_case_status(case_id, CaseStatus.NEGOSIASI)
        store.set_case_officer(case_id, 1)
        store.set_case_collateral(case_id, CollateralStatus.DIPEGANG, "BPKB di brankas")
        first = store.insert_letter(
            case_id, loan_id, LetterDraft(LetterKind.SP1, date(2026, 1, 6), "SP1/001"), None
        )
        store.insert_letter(
            case_id,
            loan_id,
            LetterDraft(LetterKind.SP2, date(2026, 2, 6), sent_on=date(2026, 2, 7)),
            None,
        )
        store.update_delivery(first, date(2026, 1, 8), "kurir", "Istri", None)
        store.close_case(case_id, date(2026, 3, 1), "lunas")
    row = engine.one(
        "SELECT status, officer_id, collateral_status, collateral_note, closed_on, close_reason"
        " FROM collection_cases WHERE id = :id",
        {"id": case_id},
    )
    assert row is not None and store.case_number_exists("UJI/K/1")
    assert not store.case_number_exists("UJI/K/2")
    letter = store.letter(first)
    assert letter is not None and (letter.sent_on, letter.received_by) == (
        date(2026, 1, 8),
        "Istri",
    )
    return (
        case_id,
        tuple(row[k] for k in ("status", "officer_id", "collateral_status", "collateral_note")),
        (row["closed_on"], row["close_reason"]),
        store.letters_of_case(case_id),
        store.letters_of_loan(loan_id),
        store.sent_letters(),
        store.sp_dates(case_id=case_id),
        store.sp_dates(loan_id=loan_id, sent_only=True),
    )


def test_cases_and_letters_on_both(engines: tuple[Database, PgEngine]) -> None:
    lite = engines[0]
    loan = lite.one(
        "SELECT id, member_id FROM loans WHERE id NOT IN (SELECT loan_id FROM collection_cases)"
        " AND disbursed_on IS NOT NULL ORDER BY id LIMIT 1"
    )
    assert loan is not None
    got = [_case_and_letters(e, loan["id"], loan["member_id"]) for e in engines]
    assert got[0] == got[1]
    assert got[0][1] == ("selesai", 1, "dipegang", "BPKB di brankas")
    assert got[0][6] == {"SP1": [date(2026, 1, 8)], "SP2": [date(2026, 2, 7)]}


def test_the_loan_card_on_both(engines: tuple[Database, PgEngine]) -> None:
    cards = [CardRepository(e) for e in engines]
    loan = cards[0].busiest_loan()
    assert loan is not None and cards[1].busiest_loan() == loan
    events = cards[0].events(loan)
    assert events and cards[1].events(loan) == events
    seen = []
    for engine, card in zip(engines, cards, strict=True):
        printed = card.printed_ids(loan)
        event = next(e for e in events if e[0] not in printed)
        last = card.last_position(loan)
        pos = Position(1, 1) if last is None else Position(last.page, last.line + 1)
        entry = CardEntry(event[0], event[1], event[2], event[3], event[4], event[5], 123_000)
        with engine.atomic():
            card.insert(loan, pos, entry, None)
        assert card.last_position(loan) == pos and event[0] in card.printed_ids(loan)
        seen.append((card.lines(loan), card.loan_amount(loan)))
    assert seen[0] == seen[1] and seen[0][0][-1][1].remaining == 123_000


def test_board_meetings_on_both(engine: Any) -> None:
    repo = MeetingsRepository(engine)
    people = (
        MeetingAttendee(" Ketua A ", "Ketua", True),
        MeetingAttendee("Sekretaris B", "Sekretaris", False),
        MeetingAttendee("Tamu C", "Pengawas", True, board=False),
    )
    draft = MeetingDraft(date(2026, 5, 4), time(9, 30), None, "Kantor", "Ketua A",
                         "Sekretaris B", date(2026, 4, 1), date(2026, 4, 30), people)  # fmt: skip
    with engine.atomic():
        first = repo.insert_meeting(draft, None)
        second = repo.insert_meeting(replace(draft, ends=time(11, 0), attendees=()), None)
    assert second == first + 1 and repo.meeting(999) is None
    got = repo.meeting(first)
    assert got is not None and got.id == first and got.ends is None
    assert [a.name for a in got.attendees] == ["Ketua A", "Sekretaris B", "Tamu C"]
    assert [(a.present, a.board) for a in got.attendees] == [(True, True), (False, True),
                                                              (True, False)]  # fmt: skip
    other = repo.meeting(second)
    assert other is not None and other.ends == time(11, 0) and other.attendees == ()
    size = engine.scalar("SELECT board_size FROM board_meetings WHERE id = :i", {"i": second})
    assert size == 1  # at least one, as before


def test_decision_positions_on_both(engines: tuple[Database, PgEngine]) -> None:
    loan = engines[0].scalar("SELECT min(id) FROM loans WHERE disbursed_on IS NOT NULL")
    user = engines[0].scalar("SELECT min(id) FROM users")
    found = []
    for engine in engines:
        repo = MeetingsRepository(engine)
        with engine.atomic():
            decision = engine.insert_id(
                "INSERT INTO collection_decisions (number, kind, loan_id, summary, payload,"
                " required_approvals, proposed_by, proposed_on, created_at, updated_at)"
                " VALUES ('UJI/KP/1', 'restrukturisasi', :loan, 'uji', '{}', 1, :user,"
                " '2026-02-03', '2026-02-03T10:00:00', '2026-02-03T10:00:00') RETURNING id",
                {"loan": loan, "user": user},
            )
            position = DecisionPosition(decision, date(2026, 2, 3), "aktif", 5_000_000, 100,
                                        50, 7, "KL", 45, 2)  # fmt: skip
            repo.insert_position(position)
        found.append(repo.position(decision))
        assert found[-1] == position and repo.position(-1) is None
    assert found[0] == found[1]


def _decisions(engine: Any, loan: Any, users: list[int]) -> tuple[Any, ...]:
    store, repo = _CaseStore(engine), DecisionsRepository(engine)
    new_case = NewCase("UJI/K/9", loan["id"], loan["member_id"], date(2026, 4, 1), "manual",
                       "uji", None, CollateralStatus.TIDAK_ADA, None)  # fmt: skip
    with engine.atomic():
        case_id = store.insert_case(new_case)
        draft = NewDecision("UJI/KP/9", DecisionKind.HAPUS_BUKU, case_id, loan["id"], "uji",
                            {"pokok": 1_000_000, "alasan": "macet"}, 2, True, users[0],
                            date(2026, 4, 2))  # fmt: skip
        first = repo.insert(draft)
        second = repo.insert(replace(draft, number="UJI/KP/10", supersedes_id=first,
                                     proposed_on=date(2026, 4, 9)))  # fmt: skip
        repo.insert_vote(first, users[0], "ketua", "setuju", "", date(2026, 4, 3))
        repo.insert_vote(first, users[1], "pengurus", "tolak", "belum", date(2026, 4, 4))
        repo.insert_note(first, users[1], "pengawas", "cek agunan", date(2026, 4, 4))
        repo.set_meeting(first, "NOT/04", date(2026, 4, 5))
        repo.set_status(first, DecisionStatus.DISETUJUI, decided_on=date(2026, 4, 5))
        repo.set_status(first, DecisionStatus.DILAKSANAKAN, executed_on=date(2026, 4, 6))
        event = repo.insert_fin_event(
            NewFinEvent(loan["id"], "pemulihan", date(2026, 5, 1), first, 250_000, 250_000,
                        receipt_no="KW/UJI/1", method="tunai"), users[0])  # fmt: skip
        repo.insert_offbook(loan["id"], loan["member_id"], first, date(2026, 4, 6), 1_000_000,
                            50_000, 0)  # fmt: skip
    got = repo.get(first)
    assert got is not None and got.executed_on == date(2026, 4, 6) and len(got.votes) == 2
    assert got.decided_on == date(2026, 4, 5) and got.notes[0].note == "cek agunan"
    assert repo.number_exists("UJI/KP/10") and not repo.number_exists("UJI/KP/11")
    assert repo.receipt_exists("KW/UJI/1") and not repo.receipt_exists("KW/UJI/2")
    fin = repo.fin_event(event)
    assert fin is not None and fin.amount == 250_000
    before = repo.offbook(loan["id"], date(2026, 4, 30))
    after = repo.offbook(loan["id"])
    assert (
        before is not None and after is not None and after.recovered - before.recovered == 250_000
    )
    with engine.atomic():
        repo.close_offbook(loan["id"], date(2026, 6, 1), second, "RAT/2026", date(2026, 5, 30))
    closed = repo.offbook(loan["id"])
    assert closed is not None and closed.status == "hapus_tagih"
    return (
        got,
        repo.get(second),
        repo.find(loan_id=loan["id"]),
        repo.find(
            case_id=case_id,
            kind=DecisionKind.HAPUS_BUKU,
            statuses=(DecisionStatus.DIUSULKAN, DecisionStatus.DITOLAK),
        ),
        repo.find(proposed_from=date(2026, 4, 3), proposed_to=date(2026, 4, 30)),
        repo.fin_events(loan["id"]),
        repo.fin_events_between("pemulihan", date(2026, 5, 1), date(2026, 5, 31)),
        closed,
        repo.offbook_entries(date(2026, 12, 31), include_closed=False),
        [e.loan_id for e in repo.offbook_entries(date(2026, 12, 31))],
    )


def test_decisions_and_the_offbook_register_on_both(engines: tuple[Database, PgEngine]) -> None:
    lite = engines[0]
    loan = lite.one(
        "SELECT id, member_id FROM loans WHERE disbursed_on IS NOT NULL AND id NOT IN"
        " (SELECT loan_id FROM collection_cases WHERE status <> 'selesai')"
        " AND id NOT IN (SELECT loan_id FROM offbook_register) ORDER BY id DESC LIMIT 1"
    )
    users = [r["id"] for r in lite.rows("SELECT id FROM users ORDER BY id LIMIT 2")]
    assert loan is not None and len(users) == 2
    got = [_decisions(e, loan, users) for e in engines]
    assert got[0] == got[1]
    assert [d.number for d in got[0][2]] == ["UJI/KP/9", "UJI/KP/10"]
    assert [d.number for d in got[0][3]] == ["UJI/KP/10"]
    assert [d.number for d in got[0][4] if d.number.startswith("UJI")] == ["UJI/KP/10"]
