"""Loans, their events and jasa accruals, and the import lookups give the same answers on SQLite
and PostgreSQL (issue 15): on a demo cooperative copied into PostgreSQL, an application is
stored, changed and given a schedule, collateral and a guarantor; a payment with its allocation
lines and denda charges is written (the loan's balances follow on both engines); accruals are
written and read; every loan's events, settled totals, charges and dates are compared."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any, cast

from app.ledger.accrual import NewAccrual
from app.loans.models import (
    CollateralDraft,
    EventKind,
    GuarantorDraft,
    LoanApplication,
    LoanStatus,
)
from app.loans.schedule import Installment
from app.storage.db import Database
from app.storage.imports_repo import ImportsRepository
from app.storage.loans_accruals_repo import LoanAccrualsRepository
from app.storage.loans_events_repo import LoanEventsRepository, NewEvent
from app.storage.loans_products_repo import LoanProductsRepository
from app.storage.loans_repo import LoansRepository
from app.storage.loans_rows import NewLoan, StatusChange
from app.storage.pg_engine import PgEngine
from tests.storage.test_portable_loans import demo, engines  # noqa: F401 (fixtures)

Engines = tuple[Database, PgEngine]


def _no_stamp(value: Any) -> Any:
    """A dataclass (or a list of them) without its time stamp of writing."""
    if isinstance(value, list):
        return [_no_stamp(v) for v in value]
    if dataclasses.is_dataclass(value) and hasattr(value, "created_at"):
        return dataclasses.replace(value, created_at="")  # type: ignore[type-var]
    return value


def test_every_loans_events_and_figures_on_both(engines: Engines) -> None:  # noqa: F811
    lite, pg = (LoanEventsRepository(e) for e in engines)
    loans_lite, loans_pg = (LoansRepository(e) for e in engines)
    as_of = date.fromisoformat(engines[0].scalar("SELECT max(event_date) FROM loan_events"))
    middle = date.fromordinal(as_of.toordinal() - 200)
    seen = {"charges": 0, "events": 0}
    for row in engines[0].rows("SELECT id, schedule_version AS v, member_id FROM loans"):
        loan, version = row["id"], row["v"]
        events = lite.for_loan(loan)
        assert pg.for_loan(loan) == events, loan
        seen["events"] += len(events)
        for when in (middle, as_of):
            assert pg.settled(loan, version, when) == lite.settled(loan, version, when)
            assert pg.titipan(loan, when) == lite.titipan(loan, when)
            charges = lite.charges(loan, version, when)
            assert pg.charges(loan, version, when) == charges
            seen["charges"] += len(charges)
            assert pg.last_payment_date(loan, when) == lite.last_payment_date(loan, when)
        assert pg.latest_event_date(loan) == lite.latest_event_date(loan)
        assert pg.has_standing_waiver_of_pokok_or_jasa(
            loan
        ) == lite.has_standing_waiver_of_pokok_or_jasa(loan)
        assert loans_pg.loan(loan) == loans_lite.loan(loan)
        assert loans_pg.loan_snapshot(loan) == loans_lite.loan_snapshot(loan)
        assert loans_pg.schedule(loan, version) == loans_lite.schedule(loan, version)
        assert loans_pg.schedule_terms(loan, version) == loans_lite.schedule_terms(loan, version)
        for exclude in (None, loan):
            found = loans_lite.open_loans_of(row["member_id"], exclude)
            assert loans_pg.open_loans_of(row["member_id"], exclude) == found
            assert loan not in {x.id for x in found} or exclude is None
        if events:
            first = events[0]
            assert pg.get(first.id) == first and pg.version_of(first.id) == lite.version_of(
                first.id
            )
            if first.receipt_no:
                assert pg.receipt_exists(first.receipt_no)
    assert min(seen.values()) > 0, seen
    assert not pg.receipt_exists("TIDAK/ADA") and pg.get(-1) is None


def _loan_writes(engine: Any, member_id: int, product_id: int, user: int) -> tuple[Any, ...]:
    repo, products = LoansRepository(engine), LoanProductsRepository(engine)
    product = products.product(product_id)
    assert product is not None
    application = LoanApplication(member_id, product_id, 6_000_000, 3, date(2026, 2, 10),
                                  date(2026, 1, 5), "modal")  # fmt: skip
    new = NewLoan("UJI/PNJ/1", application, product, "modal", 60_000, "", user)
    lines = [Installment(n, date(2026, 1 + n, 10), 2_000_000, 60_000, 2_060_000,
                         6_000_000 - 2_000_000 * n) for n in (1, 2, 3)]  # fmt: skip
    with engine.atomic():
        loan_id = repo.insert_loan(new)
        repo.update_loan(loan_id, {"decision_note": "cukup", "decided_by": user})
        repo.set_status(loan_id, StatusChange(LoanStatus.DITOLAK, date(2026, 1, 7)))
        header = {"effective_date": "2026-01-05", "reason": "", "decision_id": None,
                  "principal": 6_000_000, "monthly_rate": "1", "months": 3, "method": "flat",
                  "round_to": 1, "round_up": 0, "principal_grace": 0,
                  "first_due": "2026-02-10"}  # fmt: skip
        repo.insert_schedule(loan_id, 1, header, lines, user)
        kept = repo.insert_collateral(loan_id, CollateralDraft("cash", "Deposito", "D-1"), user)
        repo.insert_collateral(loan_id, CollateralDraft("land", "SHM 12", owner="Ani"), user)
        repo.release_collateral(kept, date(2026, 3, 1), "kembali")
        repo.insert_guarantor(loan_id, GuarantorDraft("Budi", "3201", "suami"), user)
    snapshot = repo.loan_snapshot(loan_id)
    assert (snapshot["status"], snapshot["closed_on"]) == ("ditolak", "2026-01-07")
    assert repo.schedule(loan_id, 1) == lines and repo.schedule_principal(loan_id, 1) == 6_000_000
    assert repo.number_exists("application_no", "UJI/PNJ/1")
    assert not repo.number_exists("number", "UJI/PNJ/1")
    item = repo.collateral_item(kept)
    assert item is not None and item.released_on == date(2026, 3, 1)
    del snapshot["created_at"], snapshot["updated_at"]
    return (
        loan_id,
        repo.loan(loan_id),
        snapshot,
        repo.schedule_terms(loan_id, 1),
        [dataclasses.replace(c, id=0) for c in repo.collateral(loan_id)],
        [dataclasses.replace(g, id=0) for g in repo.guarantors(loan_id)],
        repo.next_seq("loan_application", 2026),
    )


def test_an_application_with_schedule_collateral_and_guarantor_on_both(
    engines: Engines,  # noqa: F811
) -> None:
    lite = engines[0]
    member = lite.scalar("SELECT min(id) FROM members WHERE status = 'aktif'")
    product = lite.scalar("SELECT min(id) FROM loan_products")
    user = lite.scalar("SELECT min(id) FROM users")
    got = [_loan_writes(e, member, product, user) for e in engines]
    assert got[0][1:] == got[1][1:]
    loan = got[0][1]
    assert loan is not None and loan.status == LoanStatus.DITOLAK
    assert [c.description for c in got[0][4]] == ["Deposito", "SHM 12"]


def _payment(engine: Any, loan: Any, user: int) -> tuple[Any, ...]:
    events, accruals = LoanEventsRepository(engine), LoanAccrualsRepository(engine)
    on = date(2099, 1, 15)
    lines = ((1, "pokok", 100_000), (1, "jasa", 20_000), (2, "denda", 0), (None, "titipan", 5))
    new = NewEvent(loan["id"], loan["v"], EventKind.PEMBAYARAN, on, "UJI/KW/1", 120_005,
                   "tunai", 100_000, 20_000, 0, 5, lines=lines,
                   charges=((1, 1_500), (2, 0)))  # fmt: skip
    before = events.settled(loan["id"], loan["v"], on)
    with engine.atomic():
        event_id = events.insert(new, user)
        record = accruals.insert(
            NewAccrual(loan["id"], "2099-01", date(2099, 1, 31), None, "L", 7_000, 0, 3_000),
            user,
        )
    after = events.settled(loan["id"], loan["v"], on)
    assert (after.pokok - before.pokok, after.titipan - before.titipan) == (100_000, 5)
    stored = events.get(event_id)
    assert stored is not None and [x.component for x in stored.lines] == ["pokok", "jasa",
                                                                          "titipan"]  # fmt: skip
    assert events.charges(loan["id"], loan["v"], on)[1][1] == on
    assert events.receipt_exists("UJI/KW/1") and events.version_of(event_id) == loan["v"]
    balances = engine.one(
        "SELECT pokok, jasa, denda, titipan, charged FROM loan_balances"
        " WHERE loan_id = :l AND version = :v",
        {"l": loan["id"], "v": loan["v"]},
    )
    assert record.amount == 3_000 and accruals.of_month("2099-01") == [record]
    return (
        _no_stamp(stored),
        dict(balances) if balances else None,
        events.charges(loan["id"], loan["v"], on),
        events.last_payment_date(loan["id"], on),
        dataclasses.replace(record, id=0),
        [dataclasses.replace(r, id=0) for r in accruals.of_loan(loan["id"])],
        accruals.balances("1109", on),
        accruals.balances("1109", date(2000, 1, 1)),
    )


def test_a_payment_and_an_accrual_on_both(engines: Engines) -> None:  # noqa: F811
    lite = engines[0]
    loan = lite.one(
        "SELECT id, schedule_version AS v FROM loans WHERE status = 'aktif' ORDER BY id LIMIT 1"
    )
    user = lite.scalar("SELECT min(id) FROM users")
    assert loan is not None
    got = [_payment(e, loan, user) for e in engines]
    assert got[0] == got[1]
    assert got[0][1] is not None and got[0][3] == date(2099, 1, 15)


def test_the_import_lookups_on_both(engines: Engines) -> None:  # noqa: F811
    lite, pg = (ImportsRepository(cast(Any, e)) for e in engines)
    assert pg.members() == lite.members() and lite.members()
    assert pg.member_rows() == lite.member_rows()
    assert pg.savings_present() == lite.savings_present() and lite.savings_present()
    for as_of in ("2000-01-01", "2025-06-30", "2099-12-31"):
        assert pg.balance_rows(as_of) == lite.balance_rows(as_of)
    assert lite.balance_rows("2099-12-31")
    roles = [r["role"] for r in engines[0].rows("SELECT DISTINCT role FROM account_roles")]
    assert pg.role_accounts(roles[:3]) == lite.role_accounts(roles[:3]) != {}
    assert pg.role_accounts([]) == {} == lite.role_accounts([])
    found = []
    for repo in (lite, pg):
        with repo.db.atomic():
            batch = repo.add_batch("anggota", "a.xlsx", "f" * 64, 3, {"baru": 3}, None)
        seen = repo.batch_with_hash("f" * 64)
        assert seen is not None and seen["id"] == batch and repo.batch_with_hash("0") is None
        kind = repo.batch_of_kind("anggota")
        assert kind is not None
        found.append((seen["kind"], seen["file_name"], kind["file_name"]))
    assert found[0] == found[1] == ("anggota", "a.xlsx", "a.xlsx")
