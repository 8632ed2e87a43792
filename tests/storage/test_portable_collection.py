"""The collection repository gives the same answers on SQLite and PostgreSQL (issue 15): on a
demo cooperative copied into PostgreSQL, a case is opened with causes and events, a contact with
causes and an attachment is recorded and corrected, a promise is made and cancelled, and the
cases list is searched (names in another case, exact numbers, statuses, officer), the member's
loans, the receipts a promise is kept by and the receipts while a case was open are read."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.collection.drafts import NewCase
from app.collection.models import Channel, CollateralStatus, ContactDraft, MetRole
from app.storage.collection_repo import CollectionRepository
from app.storage.db import Database
from app.storage.pg_engine import PgEngine
from tests.storage.test_portable_loans import demo, engines  # noqa: F401 (fixtures)

Engines = tuple[Database, PgEngine]


def _loan(lite: Database) -> Any:
    """A disbursed loan with payments and no case at all."""
    loan = lite.one(
        "SELECT l.id, l.member_id, l.number FROM loans l WHERE l.disbursed_on IS NOT NULL"
        " AND l.id NOT IN (SELECT loan_id FROM collection_cases)"
        " AND EXISTS (SELECT 1 FROM loan_events e WHERE e.loan_id = l.id"
        " AND e.kind = 'pembayaran') ORDER BY l.id DESC LIMIT 1"
    )
    assert loan is not None
    return loan


def _record(engine: Any, loan: Any, user: int) -> tuple[Any, ...]:
    repo = CollectionRepository(engine)
    first_paid = date.fromisoformat(
        engine.scalar(
            "SELECT min(event_date) FROM loan_events WHERE loan_id = :l AND kind = 'pembayaran'",
            {"l": loan["id"]},
        )
    )
    opened = date(first_paid.year - 1, 1, 2)
    new = NewCase("UJI/PK/1", loan["id"], loan["member_id"], opened, "manual", "uji", user,
                  CollateralStatus.BELUM_DINILAI, user)  # fmt: skip
    at = datetime(2026, 3, 2, 9, 15)
    with engine.atomic():
        case_id = repo.insert_case(new)
        added = repo.add_causes(case_id, ["phk", "bencana", "phk"], user)
        again = repo.add_causes(case_id, ["bencana", "sakit"], user)
        repo.remove_cause(case_id, "sakit")
        repo.add_event(case_id, "buka", "Kasus dibuka", user, at="2026-03-01T08:00:00")
        draft = ContactDraft(case_id, at, Channel.TELEPON, MetRole.ANGGOTA, "Budi", user,
                             "sakit", ("usaha_gagal", "phk", "phk"), "angsur", "setuju", "ya",
                             "bayar", date(2026, 3, 9))  # fmt: skip
        contact = repo.insert_contact(draft, loan["id"], user, user)
        repo.insert_attachment(contact, "lampiran/a.jpg", "ab" * 32, "foto.jpg", 1234)
        fix = replace(draft, contact_at=datetime(2026, 3, 2, 9, 30), corrects_id=contact,
                      correction_reason="salah catat", causes=())  # fmt: skip
        corrected = repo.insert_contact(fix, loan["id"], user, user)
        promise = repo.insert_promise(case_id, loan["id"], corrected, 750_000,
                                      date(2026, 3, 2), date(2026, 3, 20), user)  # fmt: skip
        other = repo.insert_promise(case_id, loan["id"], corrected, 250_000,
                                    date(2026, 3, 2), date(2026, 4, 20), user)  # fmt: skip
        repo.cancel_promise(other, date(2026, 3, 25), "diganti", None, user)
    assert (added, again) == (["phk", "bencana"], ["sakit"])
    case = repo.case(case_id)
    assert case is not None and case.causes == ("bencana", "phk")
    got = repo.contact(contact)
    assert got is not None and got.causes == ("phk", "usaha_gagal")
    assert got.corrected_by_id == corrected and [a.size for a in got.attachments] == [1234]
    latest = repo.latest_contacts()[case_id]
    assert latest.id == corrected and latest.corrects_id == contact
    stored = repo.promise(promise)
    assert stored is not None and stored.amount == 750_000 and stored.cancelled_on is None
    cancelled = repo.promise(other)
    assert cancelled is not None and cancelled.cancel_reason == "diganti"
    events = [(e["at"], e["kind"], e["text"], e["user_name"]) for e in repo.events(case_id)]
    no_stamp = [replace(c, created_at="") for c in repo.contacts(case_id)]
    between = repo.contacts_between(date(2026, 3, 2), date(2026, 3, 2))
    assert [c.id for c in between if c.case_id == case_id] == [contact, corrected]
    return (
        case,
        repo.case_snapshot(case_id)["status"],
        repo.open_case_of_loan(loan["id"]),
        repo.cases_of_loan(loan["id"]),
        events,
        no_stamp,
        repo.promises_of_loan(loan["id"]),
        repo.promises_of_case(case_id),
        loan["id"] in repo.loans_with_promises(date(2026, 3, 20), date(2026, 3, 20)),
        loan["id"] in repo.loans_with_any_promise(),
        loan["id"] in repo.loans_with_open_case(),
        repo.member_loans(loan["member_id"]),
        repo.receipts(loan["id"], first_paid, date(2100, 1, 1)),
        [r for r in repo.case_receipts(first_paid, date(2100, 1, 1))],
    )


def test_a_case_contacts_and_promises_on_both(engines: Engines) -> None:  # noqa: F811
    lite = engines[0]
    loan = _loan(lite)
    user = lite.scalar("SELECT min(id) FROM users")
    got = [_record(e, loan, user) for e in engines]
    assert got[0] == got[1]
    assert got[0][8] and got[0][9] and got[0][10]
    assert got[0][12], "the loan's payments are receipts"
    assert got[0][13], "receipts while the case was open"


def _searches(lite: Database) -> list[tuple[tuple[str, ...], int | None, str]]:
    case = lite.one(
        "SELECT c.number, c.officer_id, m.name, m.number AS member_number, m.nik, l.number"
        " AS loan_number FROM collection_cases c JOIN members m ON m.id = c.member_id"
        " JOIN loans l ON l.id = c.loan_id ORDER BY c.id LIMIT 1"
    )
    assert case is not None
    return [
        ((), None, ""),
        (("baru", "negosiasi", "selesai"), None, ""),
        ((), case["officer_id"], ""),
        ((), None, case["name"][1:4].upper()),
        ((), None, case["name"][1:4].lower()),
        ((), None, case["member_number"].lower()),
        ((), None, case["number"]),
        ((), None, case["loan_number"]),
        ((), None, case["nik"] or "x"),
        ((), None, "%"),
        ((), None, "_"),
    ]


def test_searching_cases_on_both(engines: Engines) -> None:  # noqa: F811
    lite, pg = (CollectionRepository(e) for e in engines)
    seen = 0
    for statuses, officer, text in _searches(engines[0]):
        found = lite.cases(statuses, officer, text)
        assert pg.cases(statuses, officer, text) == found, (statuses, officer, text)
        assert pg.exact_case_ids(text) == lite.exact_case_ids(text)
        seen += len(found)
    assert seen > 0
    exact = _searches(engines[0])[6][2]
    first = lite.cases((), None, exact)
    assert first and first[0].number == exact and lite.exact_case_ids(exact) == {first[0].id}


@pytest.mark.parametrize("text", ["%", "_", "\\"])
def test_search_wildcards_are_literal(engines: Engines, text: str) -> None:  # noqa: F811
    for engine in engines:
        assert CollectionRepository(engine).cases((), None, text) == []


@st.composite
def _terms(draw: st.DrawFn, words: list[str]) -> str:
    """Part of a member name or number as someone types it: any case, maybe a wildcard."""
    word = draw(st.sampled_from(words))
    start = draw(st.integers(0, max(0, len(word) - 1)))
    part = word[start : start + draw(st.integers(1, 6))]
    part = "".join(c.upper() if draw(st.booleans()) else c.lower() for c in part)
    return part + draw(st.sampled_from(["", "", "%", "_", " "]))


def test_any_typed_search_finds_the_same_cases_on_both(engines: Engines) -> None:  # noqa: F811
    lite, pg = (CollectionRepository(e) for e in engines)
    words = [
        str(r["w"])
        for r in engines[0].rows(
            "SELECT m.name AS w FROM collection_cases c JOIN members m ON m.id = c.member_id"
            " UNION SELECT c.number FROM collection_cases c"
        )
    ]

    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
    @given(_terms(words), st.sampled_from([(), ("selesai",), ("baru", "negosiasi")]))
    def same(text: str, statuses: tuple[str, ...]) -> None:
        assert pg.cases(statuses, None, text) == lite.cases(statuses, None, text), text

    same()
