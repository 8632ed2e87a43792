"""Outside review of simpanan berjangka (issue 13 §2, LEDGER.md §2.2): figures worked by hand, run
through the real services on a real SQLite file.

Rp10.000.000 for 3 months at 5 % a year, opened 15-01-2026 → maturity 15-04-2026 (90 days:
16 + 28 + 31 + 15). Term jasa = 10.000.000 × 5 % × 3 / 12 = 125.000.
Monthly pieces: what has accrued by the month end (by days, half-up) less what was paid:
- 31-01: 16/90 × 125.000 = 22.222,2 → 22.222; piece 22.222
- 28-02: 44/90 × 125.000 = 61.111,1 → 61.111; piece 61.111 − 22.222 = 38.889
- 31-03: 75/90 × 125.000 = 104.166,7 → 104.167; piece 104.167 − 61.111 = 43.056
- 15-04 (maturity): 125.000 − 104.167 = 20.833
  Σ = 22.222 + 38.889 + 43.056 + 20.833 = 125.000.
Each piece: Dr 5102 / Cr 2101 (to sukarela; the transfer clearing 1114 nets to 0).
Payout at maturity in cash: Dr 2102 10.000.000 / Cr 1101 10.000.000.
ARO: the new period 15-04 → 15-07-2026 (91 days: 15 + 31 + 30 + 15), same principal, the term's
rate 5 % → 125.000 again; 30-04: 15/91 × 125.000 = 20.604,4 → 20.604.
Early withdrawal 10-03-2026 (after the January and February pieces, 61.111 paid): penalty 1 % ×
10.000.000 = 100.000 kept as 4104; accrued-but-unpaid 54/90 × 125.000 − 61.111 = 13.889 is
forfeited (never booked); cash out 9.900.000: Dr 2102 10.000.000 / Cr 1101 9.900.000 /
Cr 4104 100.000. The jasa already paid stays with the member."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from app.savings.berjangka import EventKind, JasaMode
from app.services import Services
from app.storage.check import check_database
from app.users.models import Role, User
from tests.conftest import make_member, make_user

TODAY = date(2026, 11, 26)
START = date(2026, 1, 15)
PIECES = {1: 22_222, 2: 38_889, 3: 43_056, 4: 20_833}


def _people(services: Services) -> tuple[User, User, int]:
    ketua = make_user(services, Role.PENGURUS, "ketua", "Budi Santoso")
    staf = make_user(services, Role.MANAJER, "manajer", "Rina Manajer")
    return ketua, staf, make_member(services, ketua).id


def _net(services: Services, start: date, end: date) -> dict[str, int]:
    """Debit − credit per account over the dates, zero accounts left out."""
    out: dict[str, int] = defaultdict(int)
    for row in services.ledger.search(start, end):
        out[row.account] += row.debit - row.credit
    return {k: v for k, v in out.items() if v}


def test_monthly_pieces_and_maturity_payout(services: Services) -> None:
    _ketua, staf, who = _people(services)
    d = services.berjangka.open(staf, who, 10_000_000, 3, START, rate=Decimal(5), today=TODAY)
    assert (d.maturity_on, d.total_jasa) == (date(2026, 4, 15), 125_000)
    assert _net(services, START, START) == {"1101": 10_000_000, "2102": -10_000_000}
    for month, piece in PIECES.items():
        result = services.berjangka_month_end.run(staf, 2026, month)
        assert (result.gross, result.tax) == (piece, 0)
    jasa = [(e.event_date, e.jasa) for e in services.berjangka.events(d.id)]
    assert jasa == [
        (date(2026, 1, 31), 22_222),
        (date(2026, 2, 28), 38_889),
        (date(2026, 3, 31), 43_056),
        (date(2026, 4, 15), 20_833),
    ]
    assert sum(PIECES.values()) == 125_000
    assert _net(services, date(2026, 1, 31), date(2026, 1, 31)) == {"5102": 22_222, "2101": -22_222}
    assert _net(services, date(2026, 2, 28), date(2026, 2, 28)) == {"5102": 38_889, "2101": -38_889}
    assert services.savings.balances(who).sukarela == 125_000
    out = services.berjangka.pay_out(staf, d.id, date(2026, 4, 20), "tunai", today=TODAY)
    assert (out.principal, out.jasa, out.tax, out.penalty) == (10_000_000, 0, 0, 0)
    assert _net(services, date(2026, 4, 20), date(2026, 4, 20)) == {
        "2102": 10_000_000,
        "1101": -10_000_000,
    }
    assert check_database(services.db.path).problems == []


def test_aro_rolls_over_and_the_new_period_accrues_by_its_days(services: Services) -> None:
    _ketua, staf, who = _people(services)
    d = services.berjangka.open(
        staf, who, 10_000_000, 3, START, rate=Decimal(5), aro=True, today=TODAY
    )
    for month in (1, 2, 3, 4):
        services.berjangka_month_end.run(staf, 2026, month)
    closing = services.berjangka.events(d.id)[-1]
    assert (closing.kind, closing.event_date, closing.jasa) == (
        EventKind.PERPANJANG,
        date(2026, 4, 15),
        20_833,
    )
    new = next(x for x in services.berjangka.of_member(who) if x.is_open)
    assert (new.start_on, new.maturity_on, new.principal, new.total_jasa) == (
        date(2026, 4, 15),
        date(2026, 7, 15),
        10_000_000,
        125_000,
    )
    assert [e.jasa for e in services.berjangka.events(new.id)] == [20_604]
    # 15-04: the old principal out of 2102 and the new one in (net 0), the last piece 5102/2101
    assert _net(services, date(2026, 4, 15), date(2026, 4, 15)) == {"5102": 20_833, "2101": -20_833}
    assert services.savings.balances(who).sukarela == 125_000 + 20_604
    assert check_database(services.db.path).problems == []


def test_early_withdrawal_penalty_and_forfeited_jasa(services: Services) -> None:
    ketua, staf, who = _people(services)
    d = services.berjangka.open(staf, who, 10_000_000, 3, START, rate=Decimal(5), today=TODAY)
    for month in (1, 2):
        services.berjangka_month_end.run(staf, 2026, month)
    on = date(2026, 3, 10)
    assert services.berjangka.early_penalty(d.id) == 100_000
    event = services.berjangka.withdraw_early(
        staf, d.id, on, "tunai", ketua, "Biaya sekolah anak", TODAY
    )
    assert (event.principal, event.jasa, event.tax, event.penalty) == (10_000_000, 0, 0, 100_000)
    assert _net(services, on, on) == {"2102": 10_000_000, "1101": -9_900_000, "4104": -100_000}
    # the jasa already paid (22.222 + 38.889) stays; nothing more is booked for March
    assert services.savings.balances(who).sukarela == 61_111
    services.berjangka_month_end.run(staf, 2026, 3)
    assert _net(services, date(2026, 3, 11), date(2026, 3, 31)) == {}
    assert check_database(services.db.path).problems == []


def test_a_large_placement_passes_the_pph_threshold_in_its_second_month(
    services: Services,
) -> None:
    """60.000.000 for 12 months at 6 % from 10-01-2026 → maturity 10-01-2027 (365 days);
    term jasa 60.000.000 × 6 % × 12 / 12 = 3.600.000.
    31-01: 21/365 × 3.600.000 = 207.123,3 → 207.123 ≤ 240.000: no PPh.
    28-02: 49/365 × 3.600.000 = 483.287,7 → 483.288; piece 483.288 − 207.123 = 276.165 >
    240.000 → PPh 10 % = 27.616,5 → 27.616 (rounded down); net 248.549.
    Journal: Dr 5102 276.165 / Cr 2101 248.549 / Cr 2106 27.616."""
    _ketua, staf, who = _people(services)
    d = services.berjangka.open(
        staf, who, 60_000_000, 12, date(2026, 1, 10), rate=Decimal(6), today=TODAY
    )
    assert (d.maturity_on, d.total_jasa) == (date(2027, 1, 10), 3_600_000)
    jan = services.berjangka_month_end.run(staf, 2026, 1)
    assert (jan.gross, jan.tax) == (207_123, 0)
    feb = services.berjangka_month_end.run(staf, 2026, 2)
    assert (feb.gross, feb.tax) == (276_165, 27_616)
    assert _net(services, date(2026, 2, 28), date(2026, 2, 28)) == {
        "5102": 276_165,
        "2101": -248_549,
        "2106": -27_616,
    }
    assert services.savings.balances(who).sukarela == 207_123 + 248_549
    assert check_database(services.db.path).problems == []


def test_jasa_at_maturity_paid_in_cash_with_the_principal(services: Services) -> None:
    """1.000.000 for 3 months at 6 %, jasa at maturity, from 02-01-2026 → 02-04-2026:
    1.000.000 × 6 % × 3 / 12 = 15.000; nothing at the month ends; payout in cash:
    Dr 2102 1.000.000, Dr 5102 15.000 / Cr 1101 1.015.000."""
    _ketua, staf, who = _people(services)
    d = services.berjangka.open(
        staf,
        who,
        1_000_000,
        3,
        date(2026, 1, 2),
        rate=Decimal(6),
        jasa_mode=JasaMode.JATUH_TEMPO,
        today=TODAY,
    )
    for month in (1, 2, 3):
        assert services.berjangka_month_end.run(staf, 2026, month).gross == 0
    on = date(2026, 4, 2)
    out = services.berjangka.pay_out(staf, d.id, on, "tunai", today=TODAY)
    assert (out.principal, out.jasa, out.tax) == (1_000_000, 15_000, 0)
    assert _net(services, on, on) == {"2102": 1_000_000, "5102": 15_000, "1101": -1_015_000}
    assert services.savings.balances(who).sukarela == 0


def test_aro_with_the_jasa_added_to_the_principal(services: Services) -> None:
    """10.000.000, 3 months, 5 %, jasa at maturity, ARO with the jasa: at 15-04-2026 the jasa
    125.000 (no PPh) is added → new principal 10.125.000 from 15-04 to 15-07-2026, term jasa
    10.125.000 × 5 % × 3 / 12 = 126.562,5 → half-up 126.563. Net on 15-04: Dr 5102 125.000 /
    Cr 2102 125.000 (the old 10.000.000 out and the new 10.125.000 in)."""
    _ketua, staf, who = _people(services)
    d = services.berjangka.open(
        staf,
        who,
        10_000_000,
        3,
        START,
        rate=Decimal(5),
        jasa_mode=JasaMode.JATUH_TEMPO,
        aro=True,
        aro_jasa=True,
        today=TODAY,
    )
    for month in (1, 2, 3, 4):
        services.berjangka_month_end.run(staf, 2026, month)
    new = next(x for x in services.berjangka.of_member(who) if x.is_open)
    assert new.previous_id == d.id
    assert (new.principal, new.total_jasa, new.maturity_on) == (
        10_125_000,
        126_563,
        date(2026, 7, 15),
    )
    on = date(2026, 4, 15)
    assert _net(services, on, on) == {"5102": 125_000, "2102": -125_000}
    assert services.savings.balances(who).sukarela == 0
    assert check_database(services.db.path).problems == []


def test_early_withdrawal_of_a_jasa_at_maturity_placement_to_sukarela(services: Services) -> None:
    """5.000.000, 6 months, 6 %, jasa at maturity, from 03-02-2026; withdrawn 20-04-2026 to
    sukarela: no jasa was paid, the accrued jasa is forfeited, penalty 1 % = 50.000;
    sukarela + 4.950.000: Dr 2102 5.000.000 / Cr 2101 4.950.000 / Cr 4104 50.000."""
    ketua, staf, who = _people(services)
    d = services.berjangka.open(
        staf,
        who,
        5_000_000,
        6,
        date(2026, 2, 3),
        rate=Decimal(6),
        jasa_mode=JasaMode.JATUH_TEMPO,
        today=TODAY,
    )
    for month in (2, 3):
        services.berjangka_month_end.run(staf, 2026, month)
    on = date(2026, 4, 20)
    event = services.berjangka.withdraw_early(
        staf, d.id, on, "sukarela", ketua, "Biaya rumah sakit", TODAY
    )
    assert (event.jasa, event.penalty) == (0, 50_000)
    assert _net(services, on, on) == {"2102": 5_000_000, "2101": -4_950_000, "4104": -50_000}
    assert services.savings.balances(who).sukarela == 4_950_000
    assert check_database(services.db.path).problems == []


def test_a_missed_month_is_caught_up_the_next_month(services: Services) -> None:
    """The February job not run: 31-03 pays what has accrued by 31-03 less what was paid:
    104.167 − 22.222 = 81.945 (= 38.889 + 43.056); the term still adds up to 125.000."""
    _ketua, staf, who = _people(services)
    d = services.berjangka.open(staf, who, 10_000_000, 3, START, rate=Decimal(5), today=TODAY)
    for month in (1, 3, 4):
        services.berjangka_month_end.run(staf, 2026, month)
    assert [e.jasa for e in services.berjangka.events(d.id)] == [22_222, 81_945, 20_833]
    assert services.savings.balances(who).sukarela == 125_000
