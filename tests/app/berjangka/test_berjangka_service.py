"""Simpanan berjangka end to end: opening from cash and from sukarela, the month-end jasa
(once per month, to sukarela, PPh withheld), payout, roll-over (ARO) and early withdrawal, each
with its exact journal lines; the control account equals the open placements."""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal

import pytest

from app.errors import PermissionDenied, ValidationError
from app.ledger import events as ev
from app.members.models import Member
from app.savings.berjangka import EventKind, JasaMode
from app.savings.models import SavingsKind
from app.services import Services
from app.users.models import Role, User
from tests.conftest import make_member, make_user

pytestmark = pytest.mark.both_engines

TODAY = date(2026, 11, 26)


@pytest.fixture
def staf(services: Services) -> User:
    return make_user(services, Role.MANAJER, "manajer", "Rina Manajer")


@pytest.fixture
def member(services: Services, ketua: User) -> Member:
    return make_member(services, ketua)


def lines(services: Services, event: ev.Event) -> Counter[tuple[str, int, int]]:
    journal = services.ledger.journal_of(event)
    assert journal is not None
    return Counter((x.account, x.debit, x.credit) for x in journal.lines)


def open_key(deposit_id: int) -> ev.BerjangkaOpen:
    return ev.BerjangkaOpen(source_id=deposit_id, on=TODAY, amount=1)


def close_key(event_id: int) -> ev.BerjangkaClose:
    return ev.BerjangkaClose(source_id=event_id, on=TODAY, principal=0, method="tunai")


def jasa_key(event_id: int) -> ev.BerjangkaJasa:
    return ev.BerjangkaJasa(source_id=event_id, on=TODAY, gross=0)


def balance(services: Services, code: str, on: date = TODAY) -> int:
    return services.ledger.repo.balance([code], on)


def test_open_from_cash_posts_kas_to_2102_with_the_products_rate(
    services: Services, staf: User, member: Member
) -> None:
    d = services.berjangka.open(staf, member.id, 10_000_000, 3, date(2026, 1, 15), today=TODAY)
    assert d.number == "SB-2026-00001" and d.period == 1
    assert d.rate == Decimal("5") and d.maturity_on == date(2026, 4, 15)
    assert d.total_jasa == 125_000  # 10 jt × 5 % × 3/12
    assert lines(services, open_key(d.id)) == Counter(
        {("1101", 10_000_000, 0): 1, ("2102", 0, 10_000_000): 1}
    )
    second = services.berjangka.open(staf, member.id, 200_000, 1, date(2026, 1, 20), today=TODAY)
    assert second.number == "SB-2026-00002"


def test_open_from_sukarela_moves_through_the_transfer_account(
    services: Services, staf: User, member: Member
) -> None:
    services.savings.deposit(
        staf, member.id, SavingsKind.SUKARELA, 3_000_000, date(2026, 1, 2), today=TODAY
    )
    d = services.berjangka.open(
        staf, member.id, 2_000_000, 6, date(2026, 1, 5), method="sukarela", today=TODAY
    )
    assert services.savings.balances(member.id).sukarela == 1_000_000
    assert lines(services, open_key(d.id)) == Counter(
        {("1114", 2_000_000, 0): 1, ("2102", 0, 2_000_000): 1}
    )
    assert balance(services, "1114") == 0
    assert -balance(services, "2101") == 1_000_000
    with pytest.raises(ValidationError):
        services.berjangka.open(
            staf, member.id, 2_000_000, 6, date(2026, 1, 5), method="sukarela", today=TODAY
        )


@pytest.mark.parametrize("amount,term", [(99_999, 3), (1_000_000, 2), (1_000_000, 24)])
def test_open_refuses_small_amounts_and_other_terms(
    services: Services, staf: User, member: Member, amount: int, term: int
) -> None:
    with pytest.raises(ValidationError):
        services.berjangka.open(staf, member.id, amount, term, date(2026, 1, 5), today=TODAY)
    assert services.berjangka.of_member(member.id) == []


def test_month_end_pays_jasa_once_per_month_to_sukarela_with_pph(
    services: Services, staf: User, member: Member
) -> None:
    # 60 jt at 6 % for 12 months: 3.600.000 a year, ~300.000 a month: above Rp240.000 → 10 %
    d = services.berjangka.open(staf, member.id, 60_000_000, 12, date(2026, 1, 31), today=TODAY)
    job = services.berjangka_month_end
    assert job.pending(2026, 2)
    first = job.run(staf, 2026, 2)
    again = job.run(staf, 2026, 2)
    assert (first.paid, again.paid) == (1, 0)
    assert job.pending(2026, 2) == []
    days = (date(2027, 1, 31) - date(2026, 1, 31)).days
    gross = round(3_600_000 * 28 / days)
    assert first.gross == gross and first.tax == gross // 10
    [event] = services.berjangka.events(d.id)
    assert (event.kind, event.month, event.jasa, event.tax) == (
        EventKind.JASA,
        "2026-02",
        gross,
        gross // 10,
    )
    assert lines(services, jasa_key(event.id)) == Counter(
        {("5102", gross, 0): 1, ("1114", 0, gross - gross // 10): 1, ("2106", 0, gross // 10): 1}
    )
    assert services.savings.balances(member.id).sukarela == gross - gross // 10
    assert balance(services, "1114") == 0


def test_payout_at_maturity_pays_the_rest_of_the_jasa_and_the_principal(
    services: Services, staf: User, member: Member
) -> None:
    d = services.berjangka.open(
        staf,
        member.id,
        1_000_000,
        3,
        date(2026, 1, 10),
        jasa_mode=JasaMode.JATUH_TEMPO,
        today=TODAY,
    )
    with pytest.raises(ValidationError):
        services.berjangka.pay_out(staf, d.id, date(2026, 4, 9), today=TODAY)
    event = services.berjangka.pay_out(staf, d.id, date(2026, 4, 10), "transfer", today=TODAY)
    assert (event.kind, event.principal, event.jasa, event.tax) == (
        EventKind.CAIR,
        1_000_000,
        12_500,
        0,
    )
    assert lines(services, close_key(event.id)) == Counter(
        {
            ("2102", 1_000_000, 0): 1,
            ("5102", 12_500, 0): 1,
            ("1103.01", 0, 1_000_000): 1,
            ("1103.01", 0, 12_500): 1,
        }
    )
    assert balance(services, "2102") == 0
    assert services.berjangka.open_total(TODAY) == 0
    with pytest.raises(ValidationError):
        services.berjangka.pay_out(staf, d.id, date(2026, 4, 10), today=TODAY)


def test_aro_rolls_over_at_the_then_rate_carrying_the_net_jasa(
    services: Services, staf: User, member: Member, ketua: User
) -> None:
    d = services.berjangka.open(
        staf,
        member.id,
        50_000_000,
        12,
        date(2025, 1, 15),
        jasa_mode=JasaMode.JATUH_TEMPO,
        aro=True,
        aro_jasa=True,
        today=TODAY,
    )
    services.settings.set(ketua, "berjangka.rate_12", "7,25")
    result = services.berjangka_month_end.run(staf, 2026, 1)
    assert result.rolled_over == 1
    old = services.berjangka.get(d.id)
    assert old.closed_kind == EventKind.PERPANJANG
    [new] = [x for x in services.berjangka.of_member(member.id) if x.is_open]
    assert (new.number, new.period, new.display_number) == (d.number, 2, f"{d.number}/2")
    assert new.rate == Decimal("7.25") and new.start_on == date(2026, 1, 15)
    gross, tax = 3_000_000, 300_000  # 50 jt × 6 %, above Rp240.000: 10 % of the whole
    assert new.principal == 50_000_000 + gross - tax
    [close] = services.berjangka.events(d.id)
    assert lines(services, close_key(close.id)) == Counter(
        {
            ("2102", 50_000_000, 0): 1,
            ("5102", gross, 0): 1,
            ("1114", 0, 50_000_000): 1,
            ("1114", 0, gross - tax): 1,
            ("2106", 0, tax): 1,
        }
    )
    assert lines(services, open_key(new.id)) == Counter(
        {("1114", new.principal, 0): 1, ("2102", 0, new.principal): 1}
    )
    assert balance(services, "1114") == 0
    assert -balance(services, "2102") == services.berjangka.open_total(TODAY) == new.principal


def test_early_withdrawal_needs_another_pengurus_and_keeps_the_penalty(
    services: Services, staf: User, member: Member, ketua: User
) -> None:
    d = services.berjangka.open(staf, member.id, 5_000_000, 6, date(2026, 1, 5), today=TODAY)
    services.berjangka_month_end.run(staf, 2026, 1)
    paid = services.berjangka.get(d.id).jasa_paid
    assert paid > 0
    with pytest.raises(PermissionDenied):
        services.berjangka.withdraw_early(
            staf, d.id, date(2026, 2, 10), "tunai", None, "butuh dana"
        )
    with pytest.raises(PermissionDenied):
        services.berjangka.withdraw_early(
            ketua, d.id, date(2026, 2, 10), "tunai", ketua, "butuh dana", today=TODAY
        )
    with pytest.raises(ValidationError):
        services.berjangka.withdraw_early(
            staf, d.id, date(2026, 2, 10), "tunai", ketua, "x", today=TODAY
        )
    event = services.berjangka.withdraw_early(
        staf, d.id, date(2026, 2, 10), "tunai", ketua, "Biaya berobat", today=TODAY
    )
    assert (event.kind, event.penalty, event.jasa, event.authorised_by) == (
        EventKind.CAIR_AWAL,
        50_000,
        0,
        ketua.id,
    )
    assert lines(services, close_key(event.id)) == Counter(
        {("2102", 5_000_000, 0): 1, ("1101", 0, 4_950_000): 1, ("4104", 0, 50_000): 1}
    )
    assert services.berjangka.get(d.id).jasa_paid == paid  # what was paid stays paid
    assert services.berjangka_month_end.run(staf, 2026, 2).paid == 0


def test_month_end_of_a_locked_month_is_refused(
    services: Services, staf: User, member: Member
) -> None:
    services.berjangka.open(staf, member.id, 5_000_000, 6, date(2026, 1, 5), today=TODAY)
    with services.db.atomic():
        services.closing.repo.add_lock("tutup", "2026-01", date(2026, 1, 31), staf.id)
    with pytest.raises(ValidationError):
        services.berjangka_month_end.run(staf, 2026, 1)


def test_pph_counts_the_members_month_across_deposits(
    services: Services, staf: User, member: Member
) -> None:
    """Per member: the month's jasa of both placements together passes Rp240.000, so 10 % of
    the whole is withheld even though the small one alone is far under it (its piece owes more
    than itself: the rest comes out of sukarela)."""
    services.berjangka.open(staf, member.id, 48_000_000, 12, date(2026, 1, 1), today=TODAY)
    small = services.berjangka.open(staf, member.id, 1_000_000, 12, date(2026, 1, 1), today=TODAY)
    result = services.berjangka_month_end.run(staf, 2026, 1)  # 236.712 + 4.932
    assert result.paid == 2 and result.gross > 240_000
    assert result.tax == result.gross // 10
    [piece] = services.berjangka.events(small.id)
    assert piece.tax > piece.jasa
    assert services.savings.balances(member.id).sukarela == result.gross - result.tax
    assert -balance(services, "2106") == result.tax and balance(services, "1114") == 0
