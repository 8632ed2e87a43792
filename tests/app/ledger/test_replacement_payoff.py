"""A new loan that pays off an old one from its pay-out (top-up, refinancing): the part of the
pay-out that settles the old loan moves from the new loan's receivable to the old one's through
the transfer account 1114, which ends at zero; Kas and Bank see only what the member takes home.
The methods of that transfer (and of a set-off) are the program's own: a form may not use them.

The loans: the old one Rp5.000.000 over 10 months from 10-08-2024, nothing paid; the new one
Rp20.000.000 (admin fee 1 %: Rp200.000) paid out on 07-01-2025."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import ValidationError
from app.ledger import events as ev
from app.ledger.derive import loan_key
from app.loans.models import EventKind, LoanApplication, PaymentMethod
from app.services import Services
from app.storage.check import check_database
from tests.app.loans.loan_factory import make_loan, product
from tests.conftest import admin_user, make_member, other_pengurus

ON = date(2025, 1, 7)
KAS = "1101"


def _lines(services: Services, key: tuple[str, int, str]) -> list[tuple[str, int, int]]:
    found = services.ledger.repo.find(*key)
    assert found is not None, key
    return sorted((x.account, x.debit, x.credit) for x in services.ledger.journal(found).lines)


def test_the_old_loan_is_paid_off_through_1114_not_kas_or_bank(services: Services) -> None:
    admin = admin_user(services)
    member = make_member(services, admin)
    old = make_loan(
        services, admin, member.id, amount=5_000_000, months=10, first_due=date(2024, 8, 10)
    )
    draft = LoanApplication(
        member_id=member.id,
        product_id=product(services).id,
        amount=20_000_000,
        months=20,
        first_due=date(2025, 2, 10),
        application_date=date(2025, 1, 5),
        purpose="Tambah modal warung",
        replaces_loan_id=old.id,
    )
    new = services.loans.apply(admin, draft, date(2025, 1, 5))
    services.loans.approve(other_pengurus(services, admin), new.id, "Disetujui", date(2025, 1, 5))
    quote = services.loans.payments.payoff_quote(old.id, ON)
    payoff = quote.total
    assert payoff > 0
    cash_before = services.ledger.repo.balance([KAS], ON)
    new = services.loans.disburse(admin, new.id, ON, ON)
    take_home = 20_000_000 - 200_000 - payoff
    assert new.net_disbursed == take_home

    pencairan = next(
        e for e in services.loans.payments.events(new.id) if e.kind == EventKind.PENCAIRAN
    )
    assert pencairan.transfer == payoff
    assert _lines(services, loan_key(pencairan.id, EventKind.PENCAIRAN)) == sorted(
        [
            ("1105", 20_000_000, 0),
            (KAS, 0, take_home),
            ("1114", 0, payoff),
            ("4102", 0, 200_000),
        ]
    )
    paid = next(
        e
        for e in services.loans.payments.events(old.id)
        if e.kind == EventKind.PEMBAYARAN and not e.is_reversed
    )
    assert paid.method == PaymentMethod.PINJAMAN_BARU.value
    assert paid.pokok + paid.jasa + paid.denda == payoff
    expected = [("1114", payoff, 0), ("1105", 0, paid.pokok), ("4101", 0, paid.jasa)]
    if paid.denda:
        expected.append(("4103", 0, paid.denda))
    assert _lines(services, loan_key(paid.id, EventKind.PEMBAYARAN)) == sorted(expected)
    # 1114 nets to zero; Kas paid out only the take-home; no bank account was touched
    assert services.ledger.repo.balance(["1114"], ON) == 0
    assert services.ledger.repo.balance([KAS], ON) - cash_before == -take_home
    bank = [r for r in services.ledger.trial_balance(ON) if r.code.startswith("1103")]
    assert bank == []
    assert services.ledger.loan_balance("piutang_pinjaman", old.id, ON) == 0
    # its half alone cannot be undone (the pay-out cannot): refused, 1114 stays at zero
    journals = services.db.scalar("SELECT count(*) FROM journals")
    with pytest.raises(ValidationError, match="pencairan pinjaman baru") as refused:
        services.loans.payments.reverse(admin, paid.id, "salah catat", ON, ON)
    assert refused.value.field == "transaction"
    assert services.db.scalar("SELECT count(*) FROM journals") == journals
    assert services.ledger.repo.balance(["1114"]) == 0
    path = services.db.path
    services.close()
    problems = check_database(path).problems
    assert problems == [], problems


@pytest.mark.parametrize(
    "method", [PaymentMethod.PINJAMAN_BARU.value, PaymentMethod.KOMPENSASI_SIMPANAN.value]
)
@pytest.mark.parametrize("path", ["bayar", "lunasi", "titipan"])
def test_the_transfer_methods_are_the_programs_own(
    services: Services, method: str, path: str
) -> None:
    """A payment, a payoff or a titipan refund by a transfer method would leave 1114 open (no
    partner record): refused at the method, nothing written."""
    admin = admin_user(services)
    loan = make_loan(services, admin, make_member(services, admin).id)
    services.loans.payments.record_payment(admin, loan.id, 1_500_000, ON, "tunai", today=ON)
    journals = services.db.scalar("SELECT count(*) FROM journals")
    with pytest.raises(ValidationError, match="hanya dicatat oleh program") as refused:
        if path == "bayar":
            services.loans.payments.record_payment(admin, loan.id, 100_000, ON, method, today=ON)
        elif path == "lunasi":
            services.loans.payments.pay_off(admin, loan.id, ON, method, today=ON)
        else:
            held = services.titipan.held(loan.id)
            services.titipan.refund(admin, loan.id, max(held, 1), ON, method, today=ON)
    assert refused.value.field == "method"
    assert services.db.scalar("SELECT count(*) FROM journals") == journals
    assert services.ledger.repo.balance(["1114"]) == 0
    assert not PaymentMethod(method).offered
    assert {m for m in PaymentMethod if m.offered} == {
        PaymentMethod.TUNAI,
        PaymentMethod.TRANSFER,
        PaymentMethod.POTONG_GAJI,
    }


def test_a_disbursement_transfer_above_the_net_is_refused() -> None:
    """The rule: the transfer is part of the net pay-out, never more."""
    from app.ledger.rules import lines_for

    class _Acct:
        def role(self, role: str) -> str:
            return {"piutang_pinjaman": "1105", "pendapatan_provisi": "4102"}.get(role, "9")

        def method(self, method: str) -> str:
            return {"tunai": KAS, "pinjaman_baru": "1114"}[method]

    event = ev.Disbursement(source_id=1, on=ON, plafon=1_000, admin_fee=10, transfer=990)
    assert sorted((x.account, x.debit, x.credit) for x in lines_for(event, _Acct())) == [
        ("1105", 1_000, 0),
        ("1114", 0, 990),
        ("4102", 0, 10),
    ]
    with pytest.raises(ValidationError, match="melebihi pencairan bersih"):
        lines_for(
            ev.Disbursement(source_id=1, on=ON, plafon=1_000, admin_fee=10, transfer=991), _Acct()
        )
