"""Jasa simpanan sukarela at month end: the balance basis (lowest or daily average of the
end-of-day balances), the jasa rounded down per member, the PPh withheld, one savings record and
one journal per member, once per month, the lock date respected, the month-close item."""

from __future__ import annotations

import calendar
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.ledger.derive import JASA_METHOD
from app.savings.jasa import basis_balance, end_of_day_balances, monthly_jasa
from app.savings.models import SavingsKind
from app.services import Services
from app.storage import check_ledger
from app.storage.closing_repo import ClosingRepository
from app.users.models import User
from tests.conftest import admin_user, make_member
from tests.engines import check_conn

pytestmark = pytest.mark.both_engines

TODAY = date(2026, 11, 26)
JAN_END = date(2026, 1, 31)

# -- the pure rule -------------------------------------------------------------------------------


def test_first_and_last_day_moves() -> None:
    """10 juta in on the 1st, 4 juta out on the 31st: lowest 6 juta (the last day), daily
    average (30 × 10 juta + 6 juta) / 31 = 9.870.967 (rounded down)."""
    moves = [(date(2026, 1, 1), 10_000_000), (date(2026, 1, 31), -4_000_000)]
    assert basis_balance("terendah", 0, moves, 2026, 1) == 6_000_000
    assert basis_balance("rata_harian", 0, moves, 2026, 1) == 9_870_967
    # the same money already there before the month: the 1st counts like any day
    assert basis_balance("terendah", 10_000_000, moves[1:], 2026, 1) == 6_000_000


def test_deposit_on_the_last_day_earns_one_day() -> None:
    moves = [(date(2026, 2, 28), 2_800_000)]
    assert basis_balance("terendah", 0, moves, 2026, 2) == 0
    assert basis_balance("rata_harian", 0, moves, 2026, 2) == 100_000


days = st.integers(1, 28)
moves_st = st.lists(st.tuples(days, st.integers(-1_000_000, 5_000_000)), max_size=8)


@given(opening=st.integers(0, 10**9), raw=moves_st, month=st.integers(1, 12))
def test_lowest_is_at_most_the_average(
    opening: int, raw: list[tuple[int, int]], month: int
) -> None:
    moves = [(date(2025, month, d), a) for d, a in raw]
    balances = end_of_day_balances(opening, moves, 2025, month)
    assert len(balances) == calendar.monthrange(2025, month)[1]
    low = basis_balance("terendah", opening, moves, 2025, month)
    avg = basis_balance("rata_harian", opening, moves, 2025, month)
    assert 0 <= low <= max(avg, 0) <= max(max(balances), 0)
    if not raw:
        assert low == avg == opening


@given(balance=st.integers(0, 10**12), rate=st.decimals(0, 100, places=2))
def test_jasa_is_rounded_down_per_member(balance: int, rate: Decimal) -> None:
    jasa = monthly_jasa(balance, rate)
    exact = Decimal(balance) * rate / 1200
    assert jasa <= exact < jasa + 1


def test_rate_zero_or_balance_zero_gives_nothing() -> None:
    assert monthly_jasa(10**12, Decimal(0)) == 0
    assert monthly_jasa(0, Decimal("12.5")) == 0


# -- the month-end credit ------------------------------------------------------------------------


@pytest.fixture
def admin(services: Services) -> User:
    return admin_user(services)


def _setup(services: Services, admin: User, rate: str, basis: str = "terendah") -> list[int]:
    services.settings.set_many(
        admin, {"savings.jasa_sukarela_rate": rate, "savings.jasa_sukarela_basis": basis}
    )
    rich = make_member(services, admin, name="Ani").id
    moving = make_member(services, admin, name="Budi", serial=2).id
    empty = make_member(services, admin, name="Citra", serial=3).id
    dep, wd = services.savings.deposit, services.savings.withdraw
    dep(admin, rich, SavingsKind.SUKARELA, 100_000_000, date(2025, 12, 15), today=TODAY)
    dep(admin, moving, SavingsKind.SUKARELA, 10_000_000, date(2026, 1, 1), today=TODAY)
    wd(admin, moving, SavingsKind.SUKARELA, 4_000_000, JAN_END, today=TODAY)
    dep(admin, empty, SavingsKind.SUKARELA, 50_000, date(2025, 12, 1), today=TODAY)
    wd(admin, empty, SavingsKind.SUKARELA, 50_000, date(2025, 12, 2), today=TODAY)
    return [rich, moving, empty]


def _journal(services: Services, line_id: int) -> list[tuple[str, int, int]]:
    jid = services.ledger.repo.find("jasa_sukarela", line_id, "jasa")
    assert jid is not None
    return sorted((x.account, x.debit, x.credit) for x in services.ledger.journal(jid).lines)


@pytest.mark.parametrize(("basis", "moving_gross"), [("terendah", 30_000), ("rata_harian", 49_354)])
def test_month_end_credits_net_of_pph(
    services: Services, admin: User, basis: str, moving_gross: int
) -> None:
    rich, moving, _empty = _setup(services, admin, "6", basis)
    before = services.savings.balances(rich).sukarela
    result = services.jasa.credit_month(admin, JAN_END, today=TODAY)
    by_member = {line.member_id: line for line in result.lines}
    assert set(by_member) == {rich, moving}  # a zero balance earns nothing
    # 100 juta × 6 % ÷ 12 = 500.000 > 240.000: PPh 10 % of the whole gross
    assert (by_member[rich].gross, by_member[rich].tax) == (500_000, 50_000)
    assert services.savings.balances(rich).sukarela == before + 450_000
    assert _journal(services, by_member[rich].id) == [
        ("2101", 0, 450_000),
        ("2106", 0, 50_000),
        ("5101", 500_000, 0),
    ]
    assert (by_member[moving].gross, by_member[moving].tax) == (moving_gross, 0)
    tx = services.savings.get(by_member[moving].savings_tx_id or 0)
    assert (tx.amount, tx.method, tx.tx_date) == (moving_gross, JASA_METHOD, JAN_END)
    assert services.db.scalar("SELECT sum(tax) FROM pph_potongan") == 50_000
    conn = check_conn(services.db)
    assert check_ledger.booked(conn) == [] and check_ledger.replay(conn) == []
    assert check_ledger.controls(conn) == []


def test_rate_zero_records_the_run_and_credits_nothing(services: Services, admin: User) -> None:
    _setup(services, admin, "0")
    result = services.jasa.credit_month(admin, JAN_END, today=TODAY)
    assert result.lines == [] and services.jasa.done("2026-01") is not None


def test_never_twice_for_a_month(services: Services, admin: User) -> None:
    _setup(services, admin, "6")
    services.jasa.credit_month(admin, JAN_END, today=TODAY)
    with pytest.raises(ValidationError, match="sudah dikreditkan"):
        services.jasa.credit_month(admin, JAN_END, today=TODAY)
    assert services.db.scalar("SELECT count(*) FROM jasa_sukarela") == 2


@pytest.mark.parametrize("end", [date(2026, 1, 30), date(2026, 12, 31)])
def test_only_a_finished_month_end(services: Services, admin: User, end: date) -> None:
    _setup(services, admin, "6")
    with pytest.raises(ValidationError):
        services.jasa.credit_month(admin, end, today=TODAY)
    assert services.db.scalar("SELECT count(*) FROM jasa_sukarela_runs") == 0


def test_a_jasa_credit_is_not_reversed_nor_entered_by_hand(services: Services, admin: User) -> None:
    rich = _setup(services, admin, "6")[0]
    line = services.jasa.credit_month(admin, JAN_END, today=TODAY).lines[0]
    with pytest.raises(ValidationError, match="Jasa simpanan"):
        services.savings.reverse(admin, line.savings_tx_id or 0, "salah hitung", today=TODAY)
    with pytest.raises(ValidationError):
        services.savings.deposit(
            admin, rich, SavingsKind.SUKARELA, 5, TODAY, method=JASA_METHOD, today=TODAY
        )


def test_a_locked_month_posts_on_the_first_open_date(services: Services, admin: User) -> None:
    _setup(services, admin, "6")
    with services.db.atomic():
        ClosingRepository(services.db).add_lock("tutup", "2026-01", JAN_END, admin.id)
    line = services.jasa.credit_month(admin, JAN_END, today=TODAY).lines[0]
    jid = services.ledger.repo.find("jasa_sukarela", line.id, "jasa")
    assert jid is not None and services.ledger.journal(jid).date == date(2026, 2, 1)
    assert services.savings.get(line.savings_tx_id or 0).tx_date == JAN_END


def test_month_close_item(services: Services, admin: User) -> None:
    _setup(services, admin, "6")

    def item() -> bool:
        items = services.closing.checklist(2026, 1)
        return next(i for i in items if i.key == "jasa_simpanan").ok

    assert not item()
    services.jasa.credit_month(admin, JAN_END, today=TODAY)
    assert item()
    services.settings.set(admin, "savings.jasa_sukarela_rate", "0")
    assert next(i for i in services.closing.checklist(2026, 2) if i.key == "jasa_simpanan").ok


@pytest.mark.parametrize("bad", ["abc", "-1", "101", "NaN"])
def test_rate_setting_refuses_nonsense(services: Services, admin: User, bad: str) -> None:
    with pytest.raises(ValidationError):
        services.settings.set(admin, "savings.jasa_sukarela_rate", bad)
