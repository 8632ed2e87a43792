"""The month-end jasa over random months: what the service credits is the pure rule of the
month's moves, the books tie to the sub-ledgers (2101 and 2106), and a berjangka jasa withheld
earlier in the month (through the same services.pph) counts towards the threshold — the small
sukarela piece that passes it pays the PPh of the whole month out of the member's savings."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.savings.jasa import basis_balance, monthly_jasa
from app.savings.models import SavingsKind, TxType
from app.services import Services
from app.storage import check_ledger
from tests.conftest import admin_user, make_member

TODAY = date(2026, 11, 26)
JAN_END = date(2026, 1, 31)


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    opening=st.integers(0, 200_000_000),
    moves=st.lists(
        st.tuples(st.integers(1, 31), st.integers(1, 50_000_000), st.booleans()), max_size=5
    ),
    basis=st.sampled_from(["terendah", "rata_harian"]),
    rate=st.decimals(0, 12, places=2),
)
def test_service_credits_the_rule(
    tmp_path_factory: pytest.TempPathFactory,
    opening: int,
    moves: list[tuple[int, int, bool]],
    basis: str,
    rate: Decimal,
) -> None:
    path: Path = tmp_path_factory.mktemp("jasa") / "k.db"
    svc = Services.open(path, create=True)
    try:
        admin = admin_user(svc)
        svc.settings.set_many(
            admin, {"savings.jasa_sukarela_rate": str(rate), "savings.jasa_sukarela_basis": basis}
        )
        member = make_member(svc, admin).id
        if opening:
            svc.savings.deposit(
                admin, member, SavingsKind.SUKARELA, opening, date(2025, 12, 1), today=TODAY
            )
        done: list[tuple[date, int]] = []
        balance = opening
        for day, amount, out in sorted(moves):
            on = date(2026, 1, day)
            if out and amount <= balance:
                svc.savings.withdraw(admin, member, SavingsKind.SUKARELA, amount, on, today=TODAY)
                done.append((on, -amount))
                balance -= amount
            elif not out:
                svc.savings.deposit(admin, member, SavingsKind.SUKARELA, amount, on, today=TODAY)
                done.append((on, amount))
                balance += amount
        result = svc.jasa.credit_month(admin, JAN_END, today=TODAY)
        gross = monthly_jasa(basis_balance(basis, opening, done, 2026, 1), rate)
        assert result.gross == gross and len(result.lines) == (1 if gross else 0)
        assert result.tax == (gross // 10 if gross > 240_000 else 0)
        assert svc.savings.balances(member).sukarela == balance + gross - result.tax
        conn = svc.db.sql.conn
        assert check_ledger.booked(conn) == [] and check_ledger.replay(conn) == []
        assert check_ledger.controls(conn) == []
    finally:
        svc.close()


def test_small_piece_after_berjangka_pays_the_whole_months_pph(services: Services) -> None:
    admin = admin_user(services)
    services.settings.set(admin, "savings.jasa_sukarela_rate", "6")
    member = make_member(services, admin).id
    services.savings.deposit(
        admin, member, SavingsKind.SUKARELA, 400_000, date(2025, 12, 1), today=TODAY
    )
    with services.db.atomic():  # a berjangka jasa of Rp239.000 paid earlier in January
        assert (
            services.pph.withhold(member, "berjangka:1", "2026-01", 239_000, "jasa_berjangka", 1)
            == 0
        )
    (line,) = services.jasa.credit_month(admin, JAN_END, today=TODAY).lines
    assert (line.gross, line.tax) == (2_000, 24_100)  # 10 % of 241.000
    tx = services.savings.get(line.savings_tx_id or 0)
    assert (tx.tx_type, tx.amount) == (TxType.PENARIKAN, -22_100)
    jid = services.ledger.repo.find("jasa_sukarela", line.id, "jasa")
    assert jid is not None
    lines = sorted((x.account, x.debit, x.credit) for x in services.ledger.journal(jid).lines)
    assert lines == [("2101", 22_100, 0), ("2106", 0, 24_100), ("5101", 2_000, 0)]
    conn = services.db.sql.conn
    assert check_ledger.controls(conn) == [] and check_ledger.replay(conn) == []
