"""PPh 4(2) kurang potong (app/savings/pph_withholding.py): the PPh withheld from a piece is
capped at the piece plus the member's available sukarela; the shortfall stays due (the next
piece of the unit in the month collects it) and what is short at the month's end is booked with
the deposit of the whole PPh terutang, Dr 1111 / Cr 2106, one row per member.

The scene, by hand: a 46.000.000 placement, 1 month, 6 %, jasa 230.000 paid in CASH on
10-01-2026 (no PPh, ≤ 240.000); then a 10.000.000, 3-month, 5 % placement from 15-01-2026 pays
22.222 to sukarela at 31-01: month total 252.222 → PPh 25.222, 3.000 more than the piece. The
member's sukarela (deposited in December) gives up to `sukarela` of the 3.000."""

from __future__ import annotations

import sqlite3
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.documents.bukti_potong import bukti_potong_table
from app.exports.xlsx_table import Rupiah
from app.ledger.pph import withheld
from app.savings.berjangka import JasaMode
from app.savings.models import SavingsKind
from app.services import Services
from app.storage.check import check_database
from app.users.models import Role, User
from tests.conftest import admin_user, make_member, make_user

TODAY = date(2026, 11, 26)
PAID = date(2026, 2, 10)


def _scene(services: Services, sukarela: int) -> tuple[int, User, User]:
    ketua = make_user(services, Role.PENGURUS, "ketua", "Budi Santoso")
    staf = make_user(services, Role.MANAJER, "manajer", "Rina Manajer")
    who = make_member(services, ketua).id
    if sukarela:
        services.savings.deposit(
            staf, who, SavingsKind.SUKARELA, sukarela, date(2025, 12, 20), today=TODAY
        )
    x = services.berjangka.open(
        staf, who, 46_000_000, 1, date(2025, 12, 10), rate=Decimal(6),
        jasa_mode=JasaMode.JATUH_TEMPO, today=TODAY,
    )  # fmt: skip
    services.berjangka_month_end.run(staf, 2025, 12)
    out = services.berjangka.pay_out(staf, x.id, date(2026, 1, 10), "tunai", today=TODAY)
    assert (out.jasa, out.tax) == (230_000, 0)
    services.berjangka.open(
        staf, who, 10_000_000, 3, date(2026, 1, 15), rate=Decimal(5), today=TODAY
    )
    result = services.berjangka_month_end.run(staf, 2026, 1)
    assert (result.paid, result.skipped, result.gross) == (1, [], 22_222)
    return who, ketua, staf


@pytest.mark.parametrize(
    ("sukarela", "tax", "short"),
    [
        (0, 22_222, 3_000),  # nothing to take: the whole piece, 3.000 short
        (1, 22_223, 2_999),
        (2_999, 25_221, 1),  # one rupiah short
        (3_000, 25_222, 0),  # exactly enough: no shortfall, sukarela 0
        (3_001, 25_222, 0),
        (1_000_000, 25_222, 0),
    ],
)
def test_the_cap_and_the_shortfall_at_the_deposit(
    services: Services, sukarela: int, tax: int, short: int
) -> None:
    who, ketua, _staf = _scene(services, sukarela)
    assert services.db.scalar("SELECT sum(tax) FROM pph_potongan") == tax
    assert services.savings.balances(who).sukarela == sukarela + 22_222 - tax
    assert services.savings.balances(who).sukarela >= 0
    (row,) = services.pph_reports.bukti_potong("2026-01")
    assert (row.gross, row.due, row.tax, row.shortfall) == (252_222, 25_222, tax, short)
    assert [d.amount for d in services.pph_reports.due(TODAY)] == [25_222]
    assert check_database(services.db.path).problems == []
    deposit = services.pph_reports.deposit(ketua, "2026-01", PAID, today=TODAY)
    assert deposit.amount == 25_222  # the whole terutang: the cooperative is the withholder
    repo = services.ledger.repo
    assert repo.balance(["2106"], PAID) == 0  # 2106 = terutang − deposited
    assert repo.balance(["1111"], PAID) == short
    rows = services.db.rows("SELECT member_id, due, withheld, amount FROM pph_kurang_potong")
    assert [tuple(r) for r in rows] == ([(who, 25_222, tax, short)] if short else [])
    assert services.pph_reports.due(TODAY) == []
    assert check_database(services.db.path).problems == []


def test_the_next_piece_of_the_month_collects_the_shortfall(services: Services) -> None:
    """Empty sukarela at the berjangka run (3.000 short); then 1.000.000 in sukarela from
    01-01 (recorded later), daily average basis 6 %: jasa 5.000, month total 257.222 → PPh
    25.722 − 22.222 withheld = 3.500 on the 5.000 piece: the 3.000 short plus its own 500."""
    who, ketua, staf = _scene(services, 0)
    services.settings.set_many(
        ketua,
        {"savings.jasa_sukarela_rate": "6", "savings.jasa_sukarela_basis": "rata_harian"},
    )
    services.savings.deposit(
        staf,
        who,
        SavingsKind.SUKARELA,
        1_000_000,
        date(2026, 1, 1),
        today=TODAY,
    )
    line = services.jasa.credit_month(ketua, date(2026, 1, 31), today=TODAY).lines[0]
    assert (line.gross, line.tax) == (5_000, 3_500)
    (row,) = services.pph_reports.bukti_potong("2026-01")
    assert (row.due, row.tax, row.shortfall) == (25_722, 25_722, 0)
    assert services.savings.balances(who).sukarela == 1_000_000 + 1_500
    assert check_database(services.db.path).problems == []


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    pieces=st.lists(
        st.tuples(st.integers(0, 300_000), st.integers(-5, 40_000)), min_size=1, max_size=6
    )
)
def test_the_cap_across_its_range(services: Services, pieces: list[tuple[int, int]]) -> None:
    """Each piece withholds min(rule(total) − withheld so far, gross + max(available, 0));
    what was withheld never passes the rule, and the month's terutang is the rule on the
    total."""
    member = make_member(services, admin_user(services)).id
    month = f"{2030 + member}-01"
    total = taxed = 0
    for gross, available in pieces:
        with services.db.atomic():
            source_id = int(services.db.scalar("SELECT coalesce(max(id), 0) + 1 FROM pph_potongan"))
            tax = services.pph.withhold(
                member, "sukarela", month, gross, "jasa_sukarela", source_id, available
            )
        total += gross
        assert tax == min(withheld(total) - taxed, gross + max(available, 0))
        taxed += tax
        assert 0 <= taxed <= withheld(total)
    assert services.pph.month_due(month)[member] == withheld(total)
    (row,) = [r for r in services.pph_reports.bukti_potong(month) if r.member_id == member]
    assert (row.due, row.tax, row.shortfall) == (withheld(total), taxed, withheld(total) - taxed)


@pytest.mark.parametrize(("sukarela", "short"), [(0, 3_000), (2_999, 1), (3_000, 0)])
def test_the_bukti_potong_list_shows_terutang_dipotong_and_kurang_potong(
    services: Services, sukarela: int, short: int
) -> None:
    _scene(services, sukarela)
    table = bukti_potong_table("2026-01", services.pph_reports.bukti_potong("2026-01"))
    assert list(table.headers[5:]) == [
        "PPh Terutang (Rp)",
        "PPh Dipotong (Rp)",
        "Kurang Potong (Rp)",
    ]
    for row in table.rows:  # the member's line and the totals
        assert row[5:] == [Rupiah(25_222), Rupiah(25_222 - short), Rupiah(short)]


@pytest.mark.parametrize("tamper", ["delete", "amount"])
def test_mufakat_check_flags_a_kurang_potong_that_does_not_match(
    services: Services, tamper: str
) -> None:
    _who, ketua, _staf = _scene(services, 2_999)
    services.pph_reports.deposit(ketua, "2026-01", PAID, today=TODAY)
    path = services.db.path
    services.close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DROP TRIGGER pph_kurang_potong_no_update")
        conn.execute("DROP TRIGGER pph_kurang_potong_no_delete")
        if tamper == "delete":
            conn.execute("DELETE FROM pph_kurang_potong")
        else:
            conn.execute("UPDATE pph_kurang_potong SET withheld = withheld - 1, amount = 2")
    conn.close()
    problems = check_database(path).problems
    assert any("Kurang potong PPh 4(2) bulan 2026-01" in p for p in problems), problems


def test_a_shortfall_above_the_deposit_is_refused() -> None:
    from app.errors import ValidationError
    from app.ledger import events as ev
    from app.ledger.rules import pph_deposit

    with pytest.raises(ValidationError):
        pph_deposit(ev.PphDeposit(source_id=1, on=PAID, amount=10, shortfall=11), None)  # type: ignore[arg-type]
