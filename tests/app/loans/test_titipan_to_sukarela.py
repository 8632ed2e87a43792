"""Titipan leaves the loan at the member's choice (§4a, issue 10 item 6): refunded, or moved
to simpanan sukarela with a savings receipt in one transaction, audited; never more than is
held; nothing half-written when a part is refused."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import ValidationError
from app.loans.models import EventKind, Loan, LoanStatus
from app.loans.titipan_out import TO_SUKARELA
from app.services import Services
from app.users.models import Role, User
from tests.app.loans.loan_factory import make_loan
from tests.conftest import make_member, make_user

pytestmark = pytest.mark.both_engines

DAY = date(2025, 1, 10)
LATER = date(2026, 12, 31)
EXTRA = 250_000


@pytest.fixture
def paid_off(services: Services, ketua: User) -> Loan:
    """Rp10 juta over 10 months paid in one go with Rp250.000 too much: lunas, titipan held."""
    loan = make_loan(services, ketua, make_member(services, ketua).id)
    total = 10 * 1_150_000  # every instalment, paid ahead in full
    services.loans.payments.record_payment(ketua, loan.id, total + EXTRA, DAY, "tunai", today=LATER)
    assert services.loans.get(loan.id).status == LoanStatus.LUNAS
    assert services.titipan.held(loan.id) == EXTRA
    return loan


def _sukarela(services: Services, loan: Loan) -> int:
    return services.savings.balances(loan.member_id).sukarela


@pytest.mark.parametrize("amount", [1, 100_000, EXTRA])
def test_titipan_moves_to_sukarela_with_a_receipt(
    services: Services, ketua: User, paid_off: Loan, amount: int
) -> None:
    staf = make_user(services, Role.STAF, "kasir", "Rina")
    before = _sukarela(services, paid_off)
    moved = services.titipan.to_sukarela(staf, paid_off.id, amount, DAY, today=LATER)
    assert moved.event.kind == EventKind.TITIPAN_DIKEMBALIKAN
    assert (moved.event.titipan, moved.event.method) == (-amount, TO_SUKARELA)
    assert moved.deposit.amount == amount and moved.deposit.receipt_no
    assert moved.deposit.member_id == paid_off.member_id
    assert _sukarela(services, paid_off) == before + amount
    assert services.titipan.held(paid_off.id) == EXTRA - amount
    actions = [r["action"] for r in services.db.rows("SELECT action FROM audit_log ORDER BY id")]
    assert "titipan ke sukarela" in actions and actions[-1] == "setoran"


def test_never_more_than_is_held_and_nothing_half_written(
    services: Services, ketua: User, paid_off: Loan, monkeypatch: pytest.MonkeyPatch
) -> None:
    events = len(services.loans.payments.events(paid_off.id))
    with pytest.raises(ValidationError) as err:
        services.titipan.to_sukarela(ketua, paid_off.id, EXTRA + 1, DAY, today=LATER)
    assert err.value.field == "amount"

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise ValidationError("Anggota tidak aktif.", field="member")

    monkeypatch.setattr(services.savings, "deposit", refuse)
    with pytest.raises(ValidationError):
        services.titipan.to_sukarela(ketua, paid_off.id, 100_000, DAY, today=LATER)
    assert len(services.loans.payments.events(paid_off.id)) == events
    assert services.titipan.held(paid_off.id) == EXTRA
    assert _sukarela(services, paid_off) == 0


def test_the_move_is_not_reversed_on_the_loan_side(
    services: Services, ketua: User, paid_off: Loan
) -> None:
    moved = services.titipan.to_sukarela(ketua, paid_off.id, EXTRA, DAY, today=LATER)
    with pytest.raises(ValidationError) as err:
        services.loans.payments.reverse(ketua, moved.event.id, "Salah pilih", DAY, today=LATER)
    assert "simpanan sukarela" in err.value.message


def test_refund_still_works_and_shares_the_limit(
    services: Services, ketua: User, paid_off: Loan
) -> None:
    services.titipan.to_sukarela(ketua, paid_off.id, 100_000, DAY, today=LATER)
    with pytest.raises(ValidationError):
        services.titipan.refund(ketua, paid_off.id, EXTRA, DAY, "tunai", today=LATER)
    refund = services.titipan.refund(ketua, paid_off.id, EXTRA - 100_000, DAY, "tunai", today=LATER)
    assert refund.kind == EventKind.TITIPAN_DIKEMBALIKAN and refund.method == "tunai"
    assert services.titipan.held(paid_off.id) == 0
