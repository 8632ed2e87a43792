"""The savings statement data: opening balance, lines with running balances, closing."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import ValidationError
from app.savings.models import SavingsKind, TxType
from app.savings.statement import build_savings_statement
from app.services import Services
from app.users.models import User
from tests.conftest import make_member

TODAY = date(2026, 11, 26)


def test_statement_lines_running_balances_and_closing(services: Services, ketua: User) -> None:
    member = make_member(services, ketua)  # joined 06-01-2020
    sv = services.savings
    sv.deposit(ketua, member.id, SavingsKind.POKOK, 100_000, date(2020, 1, 6), today=TODAY)
    sv.deposit(ketua, member.id, SavingsKind.SUKARELA, 500_000, date(2025, 12, 20), today=TODAY)
    # Inside the period (2026):
    sv.deposit(ketua, member.id, SavingsKind.WAJIB, 75_000, date(2026, 1, 5), today=TODAY)
    wrong = sv.deposit(
        ketua,
        member.id,
        SavingsKind.SUKARELA,
        90_000,
        date(2026, 2, 1),
        method="transfer",
        note="titipan",
        today=TODAY,
    )
    sv.withdraw(ketua, member.id, SavingsKind.SUKARELA, 200_000, date(2026, 3, 1), today=TODAY)
    sv.reverse(ketua, wrong.id, "Salah anggota", today=date(2026, 3, 2))
    # After the period: not on the statement.
    sv.deposit(ketua, member.id, SavingsKind.SUKARELA, 1_000, date(2026, 11, 2), today=TODAY)

    st = build_savings_statement(sv, member, date(2026, 1, 1), date(2026, 10, 31), TODAY)

    assert (st.opening.pokok, st.opening.wajib, st.opening.sukarela) == (100_000, 0, 500_000)
    assert st.period_text == "01-01-2026 s.d. 31-10-2026"
    assert [(ln.tx_type, ln.deposit, ln.withdrawal, ln.balance, ln.total_balance)
            for ln in st.lines] == [
        (TxType.SETORAN, 75_000, 0, 75_000, 675_000),
        (TxType.SETORAN, 90_000, 0, 590_000, 765_000),
        (TxType.PENARIKAN, 0, 200_000, 390_000, 565_000),
        (TxType.PEMBALIKAN, 0, 90_000, 300_000, 475_000),
    ]  # fmt: skip
    assert [ln.cancelled for ln in st.lines] == [False, True, False, False]
    assert st.lines[1].description == "Setoran (transfer) – titipan"
    assert st.lines[3].description == f"Pembatalan {wrong.receipt_no} – alasan: Salah anggota"
    assert (st.closing.pokok, st.closing.wajib, st.closing.sukarela) == (100_000, 75_000, 300_000)
    assert st.closing == sv.balances(member.id, as_of=date(2026, 10, 31))
    sukarela = st.summary_of(SavingsKind.SUKARELA)
    assert (sukarela.opening, sukarela.deposits, sukarela.withdrawals, sukarela.closing) == (
        500_000, 90_000, 290_000, 300_000,
    )  # fmt: skip
    assert [ln.balance for ln in st.lines_of(SavingsKind.WAJIB)] == [75_000]
    # Jan 2020..Oct 2026 is 82 months of Rp25.000; 3 months paid.
    assert (st.wajib_months_unpaid, st.wajib_monthly) == (79, 25_000)


def test_empty_period_shows_opening_equal_to_closing(services: Services, ketua: User) -> None:
    member = make_member(services, ketua)
    services.savings.deposit(
        ketua, member.id, SavingsKind.POKOK, 100_000, date(2020, 1, 6), today=TODAY
    )
    st = build_savings_statement(
        services.savings, member, date(2026, 1, 1), date(2026, 1, 31), TODAY
    )
    assert st.lines == ()
    assert st.opening == st.closing and st.closing.total == 100_000


def test_period_must_be_in_order(services: Services, ketua: User) -> None:
    member = make_member(services, ketua)
    with pytest.raises(ValidationError) as err:
        build_savings_statement(services.savings, member, date(2026, 2, 1), date(2026, 1, 1), TODAY)
    assert err.value.field == "end"
    with pytest.raises(ValidationError) as err:
        build_savings_statement(
            services.savings, member, date(2026, 12, 1), date(2026, 12, 31), TODAY
        )
    assert err.value.field == "start"
