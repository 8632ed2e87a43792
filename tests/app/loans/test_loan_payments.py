"""Payments through the service: allocation, denda as of dates, titipan, reversal, payoff,
waivers, lunas. The loan: Rp10 juta flat 1,5 %/bulan over 10 months (Rp1.150.000 a month,
Rp1.000.000 pokok + Rp150.000 jasa), first due 10 Jan 2025; denda 0,1 % of the overdue
instalment per day after 3 free days, at most 10 % of it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from app.errors import PermissionDenied, ValidationError
from app.formats import add_months
from app.loans.models import EventKind, InstallmentState, Loan, LoanStatus
from app.services import Services
from app.users.models import Role, User
from tests.app.loans.loan_factory import make_loan, product
from tests.conftest import make_member, make_user

pytestmark = pytest.mark.both_engines

DUE = date(2025, 1, 10)
LATER = date(2026, 12, 31)


@pytest.fixture
def loan(services: Services, ketua: User) -> Loan:
    return make_loan(services, ketua, make_member(services, ketua).id)


def _pay(services: Services, user: User, loan: Loan, amount: int, on: date):  # type: ignore[no-untyped-def]
    return services.loans.payments.record_payment(user, loan.id, amount, on, "tunai", today=LATER)


def test_on_time_payment_goes_to_jasa_then_pokok(
    services: Services, ketua: User, loan: Loan
) -> None:
    preview = services.loans.payments.preview_allocation(loan.id, 1_150_000, DUE)
    assert (preview.denda, preview.jasa, preview.pokok, preview.advance) == (
        0,
        150_000,
        1_000_000,
        0,
    )
    assert preview.due_total == 1_150_000
    payment = _pay(services, ketua, loan, 1_150_000, DUE)
    assert payment.receipt_no == "KA-2025-000001"
    assert [(ln.number, ln.component, ln.amount) for ln in payment.lines] == [
        (1, "jasa", 150_000),
        (1, "pokok", 1_000_000),
    ]
    lines = services.loans.schedule(loan.id, DUE)
    assert lines[0].state == InstallmentState.LUNAS
    assert lines[1].state == InstallmentState.BELUM


@pytest.mark.parametrize(
    ("as_of", "denda"),
    [
        (DUE, 0),
        (DUE + timedelta(days=3), 0),  # the three free days
        (DUE + timedelta(days=4), 1_150),  # first day charged: 0,1 % of Rp1.150.000
        (DUE + timedelta(days=10), 8_050),
        (DUE + timedelta(days=30), 31_050),  # Feb 9: only the first instalment is late
        (DUE + timedelta(days=400), 10 * 115_000),  # every instalment at its 10 % cap
    ],
)
def test_denda_as_of_dates(services: Services, loan: Loan, as_of: date, denda: int) -> None:
    arrears = services.loans.quality.arrears(loan.id, as_of)
    assert arrears.arrears_denda == denda
    sql = {a.loan_id: a for a in services.loans.quality.all_arrears(as_of)}[loan.id]
    assert sql.arrears_denda == denda


def test_late_payment_pays_denda_first_and_denda_does_not_vanish(
    services: Services, ketua: User, loan: Loan
) -> None:
    day = DUE + timedelta(days=10)
    payment = _pay(services, ketua, loan, 500_000, day)
    assert (payment.denda, payment.jasa, payment.pokok) == (8_050, 150_000, 341_950)
    # 8.050 (7 days × 1.150) was charged and paid on 20 Jan; from 21 Jan the base is the
    # 658.050 still unpaid: 12 more days (to 1 Feb) × 0,1 % × 658.050 = 7.897 (§4a).
    arrears = services.loans.quality.arrears(loan.id, date(2025, 2, 1))
    assert (arrears.arrears_pokok, arrears.arrears_denda) == (658_050, 7_897)
    _pay(services, ketua, loan, 658_050 + 7_897, date(2025, 2, 1))
    settled = services.loans.quality.arrears(loan.id, date(2025, 2, 5))
    assert (settled.arrears_pokok, settled.arrears_denda, settled.days_past_due) == (0, 0, 0)


def test_payment_ahead_covers_the_next_instalment(
    services: Services, ketua: User, loan: Loan
) -> None:
    preview = services.loans.payments.preview_allocation(
        loan.id, 2_300_000, DUE - timedelta(days=5)
    )
    assert preview.due_total == 0
    assert {ln.number for ln in preview.allocation.lines} == {1, 2}
    assert any("di muka" in w for w in preview.warnings)
    _pay(services, ketua, loan, 2_300_000, DUE - timedelta(days=5))
    assert services.loans.quality.arrears(loan.id, date(2025, 2, 20)).days_past_due == 0
    assert services.loans.quality.arrears(loan.id, date(2025, 3, 20)).days_past_due == 10


def test_last_payment_makes_the_loan_lunas_and_overpayment_is_titipan(
    services: Services, ketua: User, loan: Loan
) -> None:
    for n in range(9):
        _pay(services, ketua, loan, 1_150_000, add_months(DUE, n, anchor_day=10))
    last_day = add_months(DUE, 9, anchor_day=10)
    preview = services.loans.payments.preview_allocation(loan.id, 1_160_000, last_day)
    assert preview.closes_loan and preview.advance == 10_000
    _pay(services, ketua, loan, 1_160_000, last_day)
    closed = services.loans.get(loan.id)
    assert (closed.status, closed.closed_on) == (LoanStatus.LUNAS, last_day)
    assert services.loans.payments.titipan(loan.id) == 10_000
    with pytest.raises(ValidationError):
        _pay(services, ketua, loan, 1_000, last_day)
    refund = services.loans.payments.refund_titipan(
        ketua, loan.id, 10_000, last_day, "tunai", today=LATER
    )
    assert refund.kind == EventKind.TITIPAN_DIKEMBALIKAN
    assert services.loans.payments.titipan(loan.id) == 0


def test_reversal_reopens_what_the_payment_settled(
    services: Services, ketua: User, loan: Loan
) -> None:
    kasir = make_user(services, Role.STAF, "kasir", "Rina")
    payment = _pay(services, kasir, loan, 1_150_000, DUE)
    with pytest.raises(PermissionDenied):
        services.loans.payments.reverse(kasir, payment.id, "salah input", DUE, today=LATER)
    with pytest.raises(ValidationError):
        services.loans.payments.reverse(ketua, payment.id, "", DUE, today=LATER)
    reversal = services.loans.payments.reverse(
        ketua, payment.id, "Salah ketik nominal", DUE, today=LATER
    )
    assert (reversal.kind, reversal.amount, reversal.pokok) == (
        EventKind.PEMBALIKAN,
        -1_150_000,
        -1_000_000,
    )
    assert reversal.reverses_id == payment.id
    assert services.loans.payments.get(payment.id).is_reversed
    arrears = services.loans.quality.arrears(loan.id, DUE + timedelta(days=1))
    assert (arrears.arrears_pokok, arrears.arrears_jasa, arrears.days_past_due) == (
        1_000_000,
        150_000,
        1,
    )
    with pytest.raises(ValidationError):
        services.loans.payments.reverse(ketua, payment.id, "lagi lagi", DUE, today=LATER)
    with pytest.raises(ValidationError):
        services.loans.payments.reverse(ketua, reversal.id, "lagi lagi", DUE, today=LATER)


def test_payments_cannot_be_backdated_or_made_by_pengawas(
    services: Services, ketua: User, loan: Loan
) -> None:
    _pay(services, ketua, loan, 1_150_000, DUE)
    with pytest.raises(ValidationError) as error:
        _pay(services, ketua, loan, 1_150_000, DUE - timedelta(days=1))
    assert error.value.field == "on"
    pengawas = make_user(services, Role.PENGAWAS, "pengawas", "Bambang")
    with pytest.raises(PermissionDenied):
        _pay(services, pengawas, loan, 1_150_000, DUE)
    with pytest.raises(ValidationError):
        services.loans.payments.record_payment(ketua, loan.id, 1, DUE, "cek", today=LATER)


@pytest.mark.parametrize(
    ("rule", "jasa", "not_charged"),
    [("current", 150_000, 7 * 150_000), ("due", 0, 8 * 150_000), ("all", 8 * 150_000, 0)],
)
def test_early_payoff_rules(
    services: Services, ketua: User, rule: str, jasa: int, not_charged: int
) -> None:
    base = product(services)
    custom = services.loans.products.create(
        ketua, replace(base, name=f"Uji {rule}", payoff_rule=rule)
    )
    loan = make_loan(services, ketua, make_member(services, ketua).id, product_id=custom.id)
    _pay(services, ketua, loan, 1_150_000, DUE)
    _pay(services, ketua, loan, 1_150_000, add_months(DUE, 1))
    on = date(2025, 2, 20)  # instalment 3 (10 Mar) is the running period
    quote = services.loans.payments.payoff_quote(loan.id, on)
    assert (quote.pokok, quote.jasa, quote.denda, quote.jasa_not_charged) == (
        8_000_000,
        jasa,
        0,
        not_charged,
    )
    payment = services.loans.payments.pay_off(ketua, loan.id, on, "transfer", today=LATER)
    assert payment.amount == quote.total == 8_000_000 + jasa
    assert services.loans.get(loan.id).status == LoanStatus.LUNAS
    kinds = [e.kind for e in services.loans.payments.events(loan.id)]
    assert (EventKind.POTONGAN_PELUNASAN in kinds) == bool(not_charged)
    # Reversing the payoff reverses its discount too and reopens the loan.
    services.loans.payments.reverse(ketua, payment.id, "Transfer ditolak bank", on, today=LATER)
    assert services.loans.get(loan.id).status == LoanStatus.AKTIF
    assert services.loans.quality.arrears(loan.id, on).outstanding == 8_000_000
    assert services.loans.payments.payoff_quote(loan.id, on).total == quote.total


def test_waiver_needs_a_pengurus_and_a_reason(services: Services, ketua: User, loan: Loan) -> None:
    kasir = make_user(services, Role.STAF, "kasir", "Rina")
    day = DUE + timedelta(days=20)  # denda 17 days × 1.150 = 19.550
    with pytest.raises(PermissionDenied):
        services.loans.payments.waive(
            kasir, loan.id, "denda", 10_000, "Anggota sakit", kasir, day, today=LATER
        )
    with pytest.raises(ValidationError):
        services.loans.payments.waive(
            kasir, loan.id, "denda", 30_000, "Anggota sakit", ketua, day, today=LATER
        )
    with pytest.raises(ValidationError):
        services.loans.payments.waive(kasir, loan.id, "denda", 10_000, "", ketua, day, today=LATER)
    waiver = services.loans.payments.waive(
        kasir, loan.id, "denda", 19_550, "Anggota sakit", ketua, day, today=LATER
    )
    assert (waiver.approved_by, waiver.amount) == (ketua.id, 19_550)
    assert services.loans.quality.arrears(loan.id, day).arrears_denda == 0
    # Denda keeps running on what is still unpaid after the waiver, from its total so far.
    assert services.loans.quality.arrears(loan.id, day + timedelta(days=1)).arrears_denda == 1_150
    assert any(e.action == "keringanan" for e in services.audit.entries("pinjaman", loan.id))


def test_waiving_jasa_then_paying_the_rest_closes_as_lunas_keringanan(
    services: Services, ketua: User, loan: Loan
) -> None:
    for n in range(9):
        _pay(services, ketua, loan, 1_150_000, add_months(DUE, n, anchor_day=10))
    last = add_months(DUE, 9, anchor_day=10)
    bendahara = make_user(services, Role.PENGURUS, "bendahara")  # nobody approves their own
    services.loans.payments.waive(
        ketua, loan.id, "jasa", 150_000, "Keputusan rapat pengurus", bendahara, last, today=LATER
    )
    assert services.loans.get(loan.id).status == LoanStatus.AKTIF
    assert services.loans.payments.preview_allocation(loan.id, 1_000_000, last).closes_loan
    _pay(services, ketua, loan, 1_000_000, last)
    assert services.loans.get(loan.id).status == LoanStatus.LUNAS_KERINGANAN
