"""The real services on the office server (issue 15): `Services.open(postgresql://…)` on a demo
cooperative moved to the throw-away PostgreSQL server (tests/pg_demo.py), used as the window
uses them — members, savings, a loan from application to payment and reversal with their
journals, a case with a promise, a warning letter — and a write unit the server aborts for a
conflict is run again whole, its effects written once."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import Any

import pytest

from app.changes import Kind
from app.collection.models import Channel, ContactDraft, MetRole, PromiseDraft
from app.documents import sp_letters
from app.documents.sources import letters
from app.documents.sources.issuing import issue
from app.errors import ValidationError
from app.loans.models import LoanApplication, LoanStatus
from app.savings.models import SavingsKind
from app.services import Services
from app.storage.file_only import NotOnServer
from app.storage.pg_engine import PgEngine, ServerConflict
from app.users.models import User
from tests.conftest import make_draft
from tests.pg_demo import ADMIN_PASSWORD

PASSWORDS = {"admin": ADMIN_PASSWORD, "ketua": "ketua123", "manajer": "manajer123"}
PASSWORDS["kasir"] = "kasir123"


@pytest.fixture
def services(pg_demo_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Services]:
    monkeypatch.setattr(PgEngine, "strict_units", True)  # a bare atomic() fails the test
    opened = Services.open(pg_demo_url)
    yield opened
    opened.close()


@pytest.fixture
def today(services: Services) -> date:
    """The demo's last day of business (it is built up to the day it was made)."""
    return date.fromisoformat(services.db.scalar("SELECT max(tx_date) FROM savings_transactions"))


def login(services: Services, name: str) -> User:
    return services.users.login(name, PASSWORDS[name], now=datetime(2026, 12, 8, 9))


def _pokok_paid(services: Services, loan_id: int) -> int:
    """The principal paid on the loan so far (its latest balance row, kept by the server's
    trigger)."""
    return int(
        services.db.scalar(
            "SELECT pokok FROM loan_balances WHERE loan_id = :l ORDER BY version DESC LIMIT 1",
            {"l": loan_id},
        )
    )


def _journal(services: Services, source: str, source_id: int) -> list[tuple[str, int, int]]:
    rows = services.db.rows(
        "SELECT l.account, l.debit, l.credit FROM journal_lines l"
        " JOIN journals j ON j.id = l.journal_id"
        " WHERE j.source = :s AND j.source_id = :i ORDER BY l.account, l.id",
        {"s": source, "i": source_id},
    )
    return [(r["account"], r["debit"], r["credit"]) for r in rows]


def _balanced(lines: list[tuple[str, int, int]], total: int) -> bool:
    return bool(lines) and sum(d for _, d, _ in lines) == sum(c for _, _, c in lines) == total


def _count(services: Services, table: str) -> int:
    return int(services.db.scalar(f"SELECT count(*) FROM {table}"))


def test_a_loan_payment_on_the_server_is_booked(services: Services, today: date) -> None:
    assert services.on_server and not services.history_pending()
    kasir = login(services, "kasir")
    loan_id = services.db.scalar("SELECT min(id) FROM loans WHERE status = 'aktif'")
    before = _pokok_paid(services, loan_id)
    payment = services.loans.payments.record_payment(
        kasir, loan_id, 100_000, today, "tunai", today=today
    )
    assert payment.pokok + payment.jasa + payment.denda + payment.titipan == 100_000
    assert _pokok_paid(services, loan_id) == before + payment.pokok
    assert _balanced(_journal(services, "angsuran", payment.id), 100_000)
    assert {Kind.LOANS, Kind.BOOKS} <= services.changes.pending


def test_members_and_their_savings(services: Services, today: date) -> None:
    manajer, kasir = login(services, "manajer"), login(services, "kasir")
    member = services.members.create(manajer, make_draft(serial=9001), today=today)
    assert member.number and services.members.get(member.id).name == member.name
    changed = services.members.update(
        manajer, member.id, make_draft(serial=9001, phone="0813-1111-2222"), today=today
    )
    assert changed.phone == "+6281311112222"  # kept in its international form
    deposit = services.savings.deposit(
        kasir, member.id, SavingsKind.SUKARELA, 750_000, today, today=today
    )
    withdrawal = services.savings.withdraw(
        kasir, member.id, SavingsKind.SUKARELA, 250_000, today, today=today
    )
    assert deposit.receipt_no != withdrawal.receipt_no
    assert services.savings.balances(member.id).of(SavingsKind.SUKARELA) == 500_000
    assert _balanced(_journal(services, "simpanan", deposit.id), 750_000)
    assert _balanced(_journal(services, "simpanan", withdrawal.id), 250_000)
    with pytest.raises(ValidationError, match="melebihi saldo"):
        services.savings.withdraw(
            kasir, member.id, SavingsKind.SUKARELA, 500_001, today, today=today
        )
    assert services.savings.balances(member.id).of(SavingsKind.SUKARELA) == 500_000
    assert Kind.MEMBERS in services.changes.pending and Kind.SAVINGS in services.changes.pending


def test_a_loan_from_application_to_a_reversed_payment(services: Services, today: date) -> None:
    manajer, ketua, kasir = (login(services, n) for n in ("manajer", "ketua", "kasir"))
    member = services.members.create(manajer, make_draft(serial=9002), today=today)
    product = next(p.id for p in services.loans.products.all() if p.active)
    application = LoanApplication(
        member_id=member.id, product_id=product, amount=5_000_000, months=10,
        first_due=date.fromordinal(today.toordinal() + 30), application_date=today,
        purpose="Modal warung",
    )  # fmt: skip
    loan = services.loans.apply(manajer, application, today=today)
    services.loans.approve(ketua, loan.id, "Layak", today=today)
    loan = services.loans.disburse(kasir, loan.id, today, today=today)
    assert loan.status == LoanStatus.AKTIF and loan.number
    event_id = services.db.scalar(
        "SELECT j.source_id FROM journals j WHERE j.source = 'pinjaman' AND j.role = 'pencairan'"
        " AND j.id IN (SELECT journal_id FROM journal_lines WHERE loan_id = :l)",
        {"l": loan.id},
    )
    assert _balanced(_journal(services, "pinjaman", event_id), 5_000_000)
    payment = services.loans.payments.record_payment(
        kasir, loan.id, 600_000, today, "tunai", today=today
    )
    assert _pokok_paid(services, loan.id) == payment.pokok > 0
    reversal = services.loans.payments.reverse(
        ketua, payment.id, "Salah input nominal", today, today=today
    )
    assert reversal.reverses_id == payment.id
    assert _pokok_paid(services, loan.id) == 0
    booked = services.db.scalar(
        "SELECT id FROM journals WHERE source = 'angsuran' AND source_id = :p", {"p": payment.id}
    )  # the payment's journal, reversed by its mirror
    assert _balanced(_journal(services, "pembalikan", booked), 600_000)


def test_a_case_contact_with_a_promise_and_a_warning_letter(
    services: Services, today: date
) -> None:
    manajer, ketua = login(services, "manajer"), login(services, "ketua")
    case_id = services.db.scalar(
        "SELECT min(id) FROM collection_cases WHERE status = 'dalam_negosiasi'"
    )
    contact = services.contacts.record(
        manajer,
        ContactDraft(
            case_id=case_id, contact_at=datetime.combine(today, datetime.min.time()),
            channel=Channel.KUNJUNGAN_RUMAH, met_role=MetRole.ANGGOTA,
            member_said="Panen gagal", causes=("usaha_gagal",), agreed="Membayar Rp500.000",
            next_step="Cek pembayaran", next_step_date=date.fromordinal(today.toordinal() + 7),
        ),
        today=today,
        promise=PromiseDraft(500_000, date.fromordinal(today.toordinal() + 7)),
    )  # fmt: skip
    [view] = [v for v in services.promise_views.views_for_case(case_id, today)
              if v.promise.contact_id == contact.id]  # fmt: skip
    assert view.promise.amount == 500_000
    letters_before = len(services.contacts.letters(case_id))
    data = letters.sp_letter(services, case_id, 1, today)
    issued = issue(
        services, ketua, sp_letters.SP_KINDS[1], data, sp_letters.render, today,
        authorisation="Surat uji di server kantor",
    )  # fmt: skip
    assert issued.pdf.startswith(b"%PDF") and issued.row.status == "selesai"
    assert services.documents.reprint(ketua, issued.row.id) == issued.pdf
    assert len(services.contacts.letters(case_id)) == letters_before + 1


def _fail_first(services: Services, monkeypatch: pytest.MonkeyPatch, table: str) -> list[int]:
    """The server aborts the first transaction that inserts into `table` with a real
    serialization failure (SQLSTATE 40001), as it does when another PC wrote the same rows;
    returns the list counting the transactions that tried."""
    tries: list[int] = []
    engine = services.db
    assert isinstance(engine, PgEngine)
    real: Callable[..., Any] = engine._cursor

    def cursor(sql: str, params: Any) -> Any:
        if f"INSERT INTO {table} " in sql:
            tries.append(1)
            if len(tries) == 1:
                real(
                    "DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = "
                    "'serialization_failure'; END $$",
                    (),
                )
        return real(sql, params)

    monkeypatch.setattr(engine, "_cursor", cursor)
    return tries


def test_a_payment_aborted_by_a_conflict_is_saved_once(
    services: Services, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    kasir = login(services, "kasir")
    loan_id = services.db.scalar("SELECT min(id) FROM loans WHERE status = 'aktif'")
    counts = {t: _count(services, t) for t in ("loan_events", "journals", "audit_log")}
    paid_before = _pokok_paid(services, loan_id)
    last_audit = services.db.scalar("SELECT max(id) FROM audit_log")
    tries = _fail_first(services, monkeypatch, "loan_events")
    payment = services.loans.payments.record_payment(
        kasir, loan_id, 100_000, today, "tunai", today=today
    )
    assert len(tries) == 2  # aborted once, run again whole
    after = {t: _count(services, t) for t in counts}
    assert after["loan_events"] == counts["loan_events"] + 1  # one payment
    assert after["journals"] == counts["journals"] + 1  # booked once
    added = services.db.rows(
        "SELECT action, entity, entity_id FROM audit_log WHERE id > :n ORDER BY id",
        {"n": last_audit},
    )
    actions = [(r["action"], r["entity"], r["entity_id"]) for r in added]
    assert actions.count(("pembayaran", "pinjaman", str(loan_id))) == 1
    assert len(actions) == len(set(actions))  # nothing of the aborted attempt stayed
    assert _pokok_paid(services, loan_id) == paid_before + payment.pokok
    receipts = services.db.scalar(
        "SELECT count(*) FROM loan_events WHERE receipt_no = :r", {"r": payment.receipt_no}
    )
    assert receipts == 1


def test_a_letter_aborted_by_a_conflict_takes_one_number(
    services: Services, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    ketua = login(services, "ketua")
    case_id = services.db.scalar(
        "SELECT min(id) FROM collection_cases WHERE status = 'dalam_negosiasi'"
    )
    rendered: list[int] = []

    def render(data: Any, context: Any) -> tuple[bytes, int]:
        rendered.append(1)
        return sp_letters.render(data, context)

    documents = _count(services, "documents")
    letters_before = len(services.contacts.letters(case_id))
    tries = _fail_first(services, monkeypatch, "case_letters")
    issued = issue(
        services, ketua, sp_letters.SP_KINDS[1], letters.sp_letter(services, case_id, 1, today),
        render, today, authorisation="Surat uji di server kantor",
    )  # fmt: skip
    assert len(tries) == 2 and len(rendered) == 2  # rendered again inside the rerun
    assert _count(services, "documents") == documents + 1
    assert len(services.contacts.letters(case_id)) == letters_before + 1
    numbers = services.db.rows("SELECT number FROM documents WHERE id = :i", {"i": issued.row.id})
    assert [r["number"] for r in numbers] == [issued.row.number]


def test_a_conflict_every_time_ends_plainly_with_nothing_written(
    services: Services, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    kasir = login(services, "kasir")
    loan_id = services.db.scalar("SELECT min(id) FROM loans WHERE status = 'aktif'")
    counts = {t: _count(services, t) for t in ("loan_events", "journals", "audit_log")}
    engine = services.db
    assert isinstance(engine, PgEngine)
    engine.attempts = 3
    tries = _fail_first(services, monkeypatch, "loan_events")
    clear = engine.rows

    def rows(sql: str, params: Any = ()) -> Any:
        tries.clear()  # every attempt is a "first": the server aborts each one
        return clear(sql, params)

    monkeypatch.setattr(engine, "rows", rows)
    with pytest.raises(ServerConflict, match="komputer lain") as raised:
        services.loans.payments.record_payment(kasir, loan_id, 100_000, today, "tunai", today=today)
    assert "Tidak ada yang tersimpan" in raised.value.message
    assert {t: _count(services, t) for t in counts} == counts


def test_what_only_a_file_does_is_refused_plainly(services: Services) -> None:
    with pytest.raises(NotOnServer, match="server kantor"):
        services.backups.recent()
    with pytest.raises(NotOnServer):
        _ = services.path
    assert services.where.startswith("postgresql://") and "@" in services.where


def test_another_pc_hears_of_a_write_after_its_commit(
    services: Services, pg_demo_url: str, today: date
) -> None:
    other = Services.open(pg_demo_url)  # a second PC on the same cooperative
    try:
        heard: list[frozenset[Kind]] = []
        other.changes.subscribe(heard.append)
        kasir = login(services, "kasir")
        other.changes.flush()
        heard.clear()
        member_id = services.db.scalar("SELECT min(id) FROM members WHERE status = 'aktif'")
        services.savings.deposit(kasir, member_id, SavingsKind.SUKARELA, 10_000, today, today=today)
        assert other.changes.remote is not None
        for _ in range(100):  # the notification arrives right after the commit
            other.changes.remote()
            if Kind.SAVINGS in other.changes.pending:
                break
            time.sleep(0.05)
        assert other.changes.flush() >= {Kind.SAVINGS, Kind.BOOKS}
        other.changes.remote()  # nothing new: nothing announced
        assert other.changes.flush() == frozenset()
    finally:
        other.close()


def test_two_pcs_withdrawing_the_same_balance_never_overdraw_it(
    services: Services, pg_demo_url: str, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two PCs each check the balance (100.000) and withdraw 80.000 at the same moment: the
    server aborts one; run again, its check sees 20.000 and refuses — the balance never goes
    below zero (the check is inside the unit, OFFICE_SERVER.md §1)."""
    import threading

    from app.storage.savings_repo import SavingsRepository

    manajer = login(services, "manajer")
    member = services.members.create(manajer, make_draft(serial=9003), today=today)
    kasir = login(services, "kasir")
    services.savings.deposit(kasir, member.id, SavingsKind.SUKARELA, 100_000, today, today=today)
    other = Services.open(pg_demo_url)
    both_read = threading.Barrier(2, timeout=10)
    waited: set[int] = set()
    real = SavingsRepository.balances

    def balances(self: SavingsRepository, member_id: int, as_of: date | None = None) -> Any:
        found = real(self, member_id, as_of)
        me = threading.get_ident()
        if member_id == member.id and me not in waited and len(waited) < 2:
            waited.add(me)  # each PC's first attempt waits until both have read the balance
            with contextlib.suppress(threading.BrokenBarrierError):
                both_read.wait()
        return found

    monkeypatch.setattr(SavingsRepository, "balances", balances)
    outcomes: list[str] = []

    def withdraw(pc: Services) -> None:
        user = login(pc, "kasir")
        try:
            pc.savings.withdraw(user, member.id, SavingsKind.SUKARELA, 80_000, today, today=today)
            outcomes.append("ditarik")
        except ValidationError as exc:
            outcomes.append("ditolak" if "melebihi saldo" in exc.message else exc.message)

    try:
        threads = [threading.Thread(target=withdraw, args=(pc,)) for pc in (services, other)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
    finally:
        both_read.abort()
        other.close()
    assert sorted(outcomes) == ["ditarik", "ditolak"]
    assert services.savings.balances(member.id).of(SavingsKind.SUKARELA) == 20_000
