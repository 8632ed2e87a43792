"""Outside review of PPh 4(2) across sukarela and berjangka of one member in one month (LEDGER.md
§4, issue 13 §2): figures worked by hand, through the real services on a real SQLite file.

January 2026, one member:
- sukarela: 43.600.000 since 15-12-2025, 6 % a year, lowest balance → 43.600.000 × 0,005 = 218.000
- berjangka: 10.000.000, 3 months, 5 %, opened 15-01-2026 → January piece 16/90 × 125.000 = 22.222
Month total 218.000 + 22.222 = 240.222 > 240.000.
Per member (default): PPh = 10 % × 240.222 = 24.022,2 → 24.022 on the month, whichever piece is
credited last carries it:
- sukarela first: sukarela 0; berjangka 24.022 − 0 = 24.022 on a 22.222 piece → net −1.800 taken
  from sukarela.
- berjangka first: berjangka 0; sukarela 24.022 → net 218.000 − 24.022 = 193.978.
Either way: Dr 5101 218.000, Dr 5102 22.222 / Cr 2106 24.022, Cr 2101 216.200 (240.222 − 24.022),
sukarela 43.600.000 + 216.200 = 43.816.200.
Per account (`pph.per_account`): 218.000 ≤ 240.000 and 22.222 ≤ 240.000 → no PPh;
Cr 2101 240.222."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

import pytest

from app.savings.berjangka import JasaMode
from app.savings.models import SavingsKind
from app.services import Services
from app.storage.check import check_database
from app.users.models import Role
from tests.conftest import make_member, make_user

TODAY = date(2026, 11, 26)
JAN_END = date(2026, 1, 31)


def _net(services: Services, on: date) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for row in services.ledger.search(on, on):
        out[row.account] += row.debit - row.credit
    return {k: v for k, v in out.items() if v}


@pytest.mark.parametrize("sukarela_first", [True, False])
@pytest.mark.parametrize("per_account", [False, True])
def test_sukarela_and_berjangka_in_one_month(
    services: Services, sukarela_first: bool, per_account: bool
) -> None:
    ketua = make_user(services, Role.PENGURUS, "ketua", "Budi Santoso")
    staf = make_user(services, Role.MANAJER, "manajer", "Rina Manajer")
    services.settings.set_many(
        ketua,
        {
            "savings.jasa_sukarela_rate": "6",
            "savings.jasa_sukarela_basis": "terendah",
            "pph.per_account": per_account,
        },
    )
    who = make_member(services, ketua).id
    services.savings.deposit(
        staf, who, SavingsKind.SUKARELA, 43_600_000, date(2025, 12, 15), today=TODAY
    )
    services.berjangka.open(
        staf, who, 10_000_000, 3, date(2026, 1, 15), rate=Decimal(5), today=TODAY
    )
    runs = [
        lambda: services.jasa.credit_month(ketua, JAN_END, today=TODAY),
        lambda: services.berjangka_month_end.run(staf, 2026, 1),
    ]
    for run in runs if sukarela_first else runs[::-1]:
        run()
    line = services.jasa.result("2026-01").lines[0]  # type: ignore[union-attr]
    (piece,) = [
        e for d in services.berjangka.of_member(who) for e in services.berjangka.events(d.id)
    ]
    assert (line.gross, piece.jasa) == (218_000, 22_222)
    tax = 0 if per_account else 24_022
    if per_account:
        assert (line.tax, piece.tax) == (0, 0)
    elif sukarela_first:
        assert (line.tax, piece.tax) == (0, 24_022)
    else:
        assert (line.tax, piece.tax) == (24_022, 0)
    want = {"5101": 218_000, "5102": 22_222, "2101": -(240_222 - tax)}
    if tax:
        want["2106"] = -tax
    assert _net(services, JAN_END) == want
    assert services.savings.balances(who).sukarela == 43_600_000 + 240_222 - tax
    assert services.db.scalar("SELECT sum(tax) FROM pph_potongan") == tax
    assert check_database(services.db.path).problems == []


@pytest.mark.parametrize(
    ("balance", "sukarela", "tax"),
    [
        # 43.555.600 × 0,005 = 217.778; + 22.222 = 240.000: at the threshold, no PPh
        (43_555_600, 217_778, 0),
        # 43.555.800 × 0,005 = 217.779; + 22.222 = 240.001: 10 % = 24.000,1 → 24.000
        (43_555_800, 217_779, 24_000),
    ],
)
def test_the_threshold_on_the_members_month_total(
    services: Services, balance: int, sukarela: int, tax: int
) -> None:
    ketua = make_user(services, Role.PENGURUS, "ketua", "Budi Santoso")
    staf = make_user(services, Role.MANAJER, "manajer", "Rina Manajer")
    services.settings.set_many(
        ketua, {"savings.jasa_sukarela_rate": "6", "savings.jasa_sukarela_basis": "terendah"}
    )
    who = make_member(services, ketua).id
    services.savings.deposit(
        staf, who, SavingsKind.SUKARELA, balance, date(2025, 12, 15), today=TODAY
    )
    services.berjangka.open(
        staf, who, 10_000_000, 3, date(2026, 1, 15), rate=Decimal(5), today=TODAY
    )
    services.berjangka_month_end.run(staf, 2026, 1)
    line = services.jasa.credit_month(ketua, JAN_END, today=TODAY).lines[0]
    assert (line.gross, line.tax) == (sukarela, tax)
    assert services.db.scalar("SELECT sum(tax) FROM pph_potongan") == tax


def _cash_jasa_earlier_in_january(services: Services) -> tuple[int, object, object]:
    """A placement of 46.000.000 for 1 month at 6 % with jasa at maturity, paid out in CASH on
    10-01-2026: jasa 46.000.000 × 6 % / 12 = 230.000, no PPh (≤ 240.000). The member has no
    sukarela left at the end of January."""
    ketua = make_user(services, Role.PENGURUS, "ketua", "Budi Santoso")
    staf = make_user(services, Role.MANAJER, "manajer", "Rina Manajer")
    who = make_member(services, ketua).id
    x = services.berjangka.open(
        staf,
        who,
        46_000_000,
        1,
        date(2025, 12, 10),
        rate=Decimal(6),
        jasa_mode=JasaMode.JATUH_TEMPO,
        today=TODAY,
    )
    services.berjangka_month_end.run(staf, 2025, 12)
    out = services.berjangka.pay_out(staf, x.id, date(2026, 1, 10), "tunai", today=TODAY)
    assert (out.jasa, out.tax) == (230_000, 0)
    return who, ketua, staf


def test_sukarela_never_goes_negative_for_pph_owed_on_earlier_cash_jasa(
    services: Services,
) -> None:
    """Daily average basis: 5.000.000 in on 01-01, all out on 31-01 → 5.000.000 × 30 / 31 =
    4.838.709 → jasa 24.193. Month total 230.000 + 24.193 = 254.193 → PPh 25.419, more than the
    24.193 piece: with nothing on the member's sukarela the PPh withheld is capped at the piece
    (24.193, net 0) and 1.226 is kurang potong, booked with the deposit of the whole 25.419 as
    a receivable from the member (Dr 1111 1.226, Dr 2106 24.193 / Cr Kas 25.419)."""
    who, ketua, staf = _cash_jasa_earlier_in_january(services)
    services.settings.set_many(
        ketua, {"savings.jasa_sukarela_rate": "6", "savings.jasa_sukarela_basis": "rata_harian"}
    )
    services.savings.deposit(
        staf, who, SavingsKind.SUKARELA, 5_000_000, date(2026, 1, 1), today=TODAY
    )
    services.savings.withdraw(staf, who, SavingsKind.SUKARELA, 5_000_000, JAN_END, today=TODAY)
    line = services.jasa.credit_month(ketua, JAN_END, today=TODAY).lines[0]
    assert (line.gross, line.tax, line.savings_tx_id) == (24_193, 24_193, None)
    assert services.savings.balances(who).sukarela == 0
    assert check_database(services.db.path).problems == []
    (row,) = services.pph_reports.bukti_potong("2026-01")
    assert (row.gross, row.due, row.tax, row.shortfall) == (254_193, 25_419, 24_193, 1_226)
    deposit = services.pph_reports.deposit(ketua, "2026-01", date(2026, 2, 10), today=TODAY)
    assert deposit.amount == 25_419
    assert _net(services, date(2026, 2, 10)) == {"2106": 24_193, "1111": 1_226, "1103.01": -25_419}
    assert services.ledger.repo.balance(["2106"], date(2026, 2, 10)) == 0
    assert check_database(services.db.path).problems == []


def test_berjangka_run_completes_when_pph_is_owed_on_earlier_cash_jasa(
    services: Services,
) -> None:
    """A 10.000.000, 3-month, 5 % placement from 15-01-2026 pays 22.222 at 31-01; month total
    230.000 + 22.222 = 252.222 → PPh 25.222 > 22.222 with sukarela 0: PPh withheld 22.222 (the
    whole piece, net 0), 3.000 short. A second such placement, paid in the same run, collects
    it: month total 274.444 → PPh 27.444 − 22.222 withheld = 5.222, net 17.000 to sukarela."""
    who, _ketua, staf = _cash_jasa_earlier_in_january(services)
    for _ in range(2):
        services.berjangka.open(
            staf, who, 10_000_000, 3, date(2026, 1, 15), rate=Decimal(5), today=TODAY
        )
    result = services.berjangka_month_end.run(staf, 2026, 1)
    assert (result.paid, result.skipped, result.gross, result.tax) == (2, [], 44_444, 27_444)
    taxes = sorted(
        e.tax for d in services.berjangka.of_member(who) for e in services.berjangka.events(d.id)
    )
    assert taxes == [0, 5_222, 22_222]  # the cash payout of 10-01, then the two pieces
    assert services.savings.balances(who).sukarela == 17_000
    (row,) = services.pph_reports.bukti_potong("2026-01")
    assert (row.due, row.tax, row.shortfall) == (27_444, 27_444, 0)
    assert check_database(services.db.path).problems == []
