"""Outside review of the year-end money rules (issue 13 §3–§4, LEDGER.md §3.2–§3.3, §4, §5.4
invariants 6–7) with figures worked by hand, run through the real services on a small SQLite
file. Every expected figure below is computed in the comment next to it, not by the code."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.cli import main
from app.errors import ValidationError
from app.ledger.cashbook import CashBook
from app.ledger.closing import PeriodClose
from app.ledger.models import Line
from app.ledger.shu import ShuService
from app.ledger.yeartax import TaxSettings, TaxSettingsService, normal_tax, year_tax
from app.members.models import MemberStatus
from app.savings.models import SavingsKind
from app.services import Services
from app.storage.closing_repo import ClosingRepository
from app.users.models import Role
from tests.app.ledger.ledger_fixtures import Books, books
from tests.app.loans.loan_factory import make_loan
from tests.conftest import admin_user, make_member, make_user

DEC = date(2025, 12, 31)
TODAY = date(2026, 11, 26)
RAT = date(2026, 3, 14)
PAY = date(2026, 3, 20)

# The small year 2025 of items 1 and 2: three income and four expense accounts, all by hand.
INCOME = {"4101": 3_456_789, "4102": 1_234_567, "4201": 100_001}
EXPENSE = {"5201": 1_500_000, "5203": 250_250, "5204": 99_999, "5401": 10_000}
# income 3.456.789 + 1.234.567 + 100.001 = 4.791.357
# expense 1.500.000 + 250.250 + 99.999 + 10.000 = 1.860.249
# result before tax 4.791.357 − 1.860.249 = 2.931.108; cash at 31-12 = the same 2.931.108


def _lines(bk: Books, cash: int = 2_931_108) -> PeriodClose:
    for code, amount in INCOME.items():
        bk.manual.submit(
            bk.admin,
            date(2025, 3, 10),
            f"Pendapatan {code}",
            [Line("1101", amount), Line(code, 0, amount)],
        )
    for code, amount in EXPENSE.items():
        bk.manual.submit(
            bk.admin,
            date(2025, 9, 10),
            f"Beban {code}",
            [Line(code, amount), Line("1101", 0, amount)],
        )
    closing = PeriodClose(bk.ledger)
    CashBook(bk.ledger).count(bk.admin, DEC, cash)
    assert closing.close_month(bk.admin, 2025, 12) == []
    return closing


def _entries(bk: Books, journal_id: int) -> list[tuple[str, int, int]]:
    return sorted((x.account, x.debit, x.credit) for x in bk.ledger.journal(journal_id).lines)


# -- 1. year tax -----------------------------------------------------------------------------


def test_final_inside_window_then_penutup_exact(services: Services) -> None:
    bk = books(services, loans=0)
    # start 2022: PPh final for tax years 2022, 2023, 2024, 2025 (four years) → 2025 is final
    TaxSettingsService(services.db, services.audit).save(bk.admin, TaxSettings("final", 2022))
    closing = _lines(bk)
    tax = closing.year_tax(2025)
    # base = 41xx only: 3.456.789 + 1.234.567 = 4.691.356 (giro 4201 is not business income);
    # 0,5 % = 23.456,78 → rounded down (ROUND_FLOOR in yeartax._pct) = 23.456
    assert (tax.regime, tax.base, tax.tax, tax.due) == ("final", 4_691_356, 23_456, 23_456)
    penutup = closing.close_year(bk.admin, 2025)
    tax_id = closing.tax_journal(2025)
    assert tax_id is not None and bk.ledger.journal(tax_id).date == DEC
    assert _entries(bk, tax_id) == [("2108", 0, 23_456), ("5901", 23_456, 0)]
    # jurnal penutup: Dr each income, Cr each expense and the tax, the rest Cr 3107:
    # SHU = 2.931.108 − 23.456 = 2.907.652
    assert bk.ledger.journal(penutup).date == DEC
    assert _entries(bk, penutup) == [
        ("3107", 0, 2_907_652),
        ("4101", 3_456_789, 0),
        ("4102", 1_234_567, 0),
        ("4201", 100_001, 0),
        ("5201", 0, 1_500_000),
        ("5203", 0, 250_250),
        ("5204", 0, 99_999),
        ("5401", 0, 10_000),
        ("5901", 0, 23_456),
    ]
    trial = {r.code for r in bk.ledger.trial_balance(DEC)}
    assert not [c for c in trial if c[0] in "45"]  # every 4xxx/5xxx at zero
    assert -bk.ledger.repo.balance(["3107"], DEC) == 2_907_652
    assert -bk.ledger.repo.balance(["2108"], DEC) == 23_456
    assert ShuService(services.db, services.audit).compute(2025).shu == 2_907_652


def test_first_year_after_window_is_normal_with_31e(services: Services) -> None:
    bk = books(services, loans=0)
    # start 2021: final for 2021–2024; 2025 is the first year after → normal 22 % with 31E
    TaxSettingsService(services.db, services.audit).save(bk.admin, TaxSettings("final", 2021))
    closing = _lines(bk)
    tax = closing.year_tax(2025)
    # taxable 2.931.108 less the final-taxed giro 100.001 = 2.831.107 → PKP rounded down to the
    # thousand 2.831.000; turnover (giro left out) 4.691.356 ≤ Rp4,8 miliar so the whole PKP at
    # 22 % / 2 = 11 %: 2.831.000 × 11 % = 311.410
    assert (tax.regime, tax.base, tax.tax) == ("normal", 2_831_107, 311_410)
    penutup = closing.close_year(bk.admin, 2025)
    tax_id = closing.tax_journal(2025)
    assert tax_id is not None
    assert _entries(bk, tax_id) == [("2108", 0, 311_410), ("5901", 311_410, 0)]
    # 3107: the whole result 2.931.108 − 311.410 = 2.619.698
    assert ("3107", 0, 2_619_698) in _entries(bk, penutup)


def test_31e_split_above_4_8_miliar_by_hand() -> None:
    # turnover Rp7 miliar, taxable Rp123.456.789 → PKP 123.456.000 (down to the thousand);
    # facility part = PKP × 4,8/7 = 84.655.542,857 → floor 84.655.542;
    # 84.655.542 × 11 % = 9.312.109,62 → 9.312.109;
    # rest 123.456.000 − 84.655.542 = 38.800.458 × 22 % = 8.536.100,76 → 8.536.100;
    # tax 9.312.109 + 8.536.100 = 17.848.209 (each step rounded down, as yeartax states)
    assert normal_tax(123_456_789, 7_000_000_000, Decimal(22), True) == 17_848_209
    # at exactly Rp4,8 miliar all PKP is at 11 %; at Rp50 miliar + 1 no facility at all:
    assert normal_tax(123_456_789, 4_800_000_000, Decimal(22), True) == 13_580_160  # ×11 %
    assert normal_tax(123_456_789, 50_000_000_001, Decimal(22), True) == 27_160_320  # ×22 %
    # exactly Rp50 miliar still has it: 123.456.000 × 4,8/50 = 11.851.776 exactly;
    # 11.851.776 × 11 % = 1.303.695,36 → 1.303.695; 111.604.224 × 22 % = 24.552.929,28
    # → 24.552.929; Σ 25.856.624
    assert normal_tax(123_456_789, 50_000_000_000, Decimal(22), True) == 25_856_624


def test_final_window_edges_by_year() -> None:
    rows = [{"code": "4101", "type": "pendapatan", "net": -1_000_199}]
    settings = TaxSettings("final", 2022)
    # 1.000.199 × 0,5 % = 5.000,995 → 5.000 in 2022..2025; 2026 normal: PKP 1.000.000 × 11 %
    for y, expected in ((2021, 110_000), (2022, 5_000), (2025, 5_000), (2026, 110_000)):
        assert year_tax(settings, y, rows, 0).tax == expected, y


# Jasa giro (4201) is final-taxed at the bank (LEDGER.md §4): outside the PKP and the 31E
# turnover under the normal regime; the PPh final 0,5 % base is 41xx only anyway.
def test_normal_regime_excludes_final_taxed_giro() -> None:
    rows = [
        {"code": "4101", "type": "pendapatan", "net": -3_000_000},
        {"code": "4201", "type": "pendapatan", "net": -1_000_000},
        {"code": "5203", "type": "beban", "net": 1_000_000},
    ]
    # PKP without giro: 3.000.000 − 1.000.000 = 2.000.000 × 11 % = 220.000
    assert year_tax(TaxSettings("normal"), 2025, rows, 0).tax == 220_000


# -- 2. jurnal penutup locks the year; a late event lands in the open period -----------------


def test_year_locks_and_late_event_lands_in_open_period(services: Services) -> None:
    bk = books(services, loans=0)
    closing = _lines(bk)  # manual regime (default): no tax journal
    penutup = closing.close_year(bk.admin, 2025)
    assert closing.tax_journal(2025) is None
    # 3107 = the whole result 2.931.108 (no tax under the manual regime)
    assert ("3107", 0, 2_931_108) in _entries(bk, penutup)
    assert closing.lock_date() == DEC
    with pytest.raises(ValidationError):  # a Jurnal Umum into the closed year is refused
        bk.manual.submit(bk.admin, DEC, "Telat", [Line("5203", 1_000), Line("1101", 0, 1_000)])
    ketua = make_user(services, Role.KETUA, "ketua1", "Budi Ketua")
    pengurus = make_user(services)
    with pytest.raises(ValidationError):
        closing.reopen(ketua, pengurus, "koreksi")
    # a money event dated 20-12-2025 recorded now: the event keeps its date, the journal goes
    # to the first open date 01-01-2026 and names the event's own date in its text
    tx = services.savings.deposit(
        bk.admin, bk.member_id, SavingsKind.SUKARELA, 75_000, date(2025, 12, 20), today=TODAY
    )
    assert tx.tx_date == date(2025, 12, 20)
    row = services.db.rows(
        "SELECT id, date, description FROM journals WHERE date > ? ORDER BY id DESC LIMIT 1",
        (DEC.isoformat(),),
    )[0]
    assert row["date"] == "2026-01-01"
    assert "20-12-2025" in row["description"]
    assert _entries(bk, int(row["id"])) == [("1101", 75_000, 0), ("2101", 0, 75_000)]
    # the closed year's figures did not move
    assert -bk.ledger.repo.balance(["3107"], DEC) == 2_931_108


# -- 3. SHU allocation and members' shares -----------------------------------------------------

# The SHU year 2025 (tax regime manual, default SHU percentages 40/20/20/5/5/2,5/2,5/5).
# Loans are 'Pinjaman Umum', flat 1,5 % a month, disbursed 11-12-2024, first due 10-01-2025;
# a payment fills denda, jasa, pokok of the oldest instalment, then the next instalment's jasa.
# - A: pokok 100.000 + wajib 200.000 on 01-12-2024 → 300.000 at each of 12 month-ends;
#   loan 10 juta/10 bulan: instalment 1.000.000 pokok + 150.000 jasa. Pays 1.200.000 on
#   10-01: jasa 150.000 + pokok 1.000.000 + 50.000 of February's jasa; 1.200.000 on 10-02:
#   February's jasa left 100.000 + pokok 1.000.000 + 100.000 of March's jasa →
#   jasa paid 150.000 + 50.000 + 100.000 + 100.000 = 400.000;
# - B: wajib 600.000 on 15-10-2025 → month-ends Oct, Nov, Dec; loan 5 juta/10 bulan
#   (500.000 + 75.000 jasa); pays 600.000 on 10-01: jasa 75.000 + pokok 500.000 + 25.000 of
#   February's jasa → jasa paid 100.000;
# - C: pokok 500.000 on 01-12-2024, left on 20-05-2025 → month-ends Jan–Apr only; no loan.
# Income: jasa 400.000 + 100.000 = 500.000 (4101) + giro 700.007 (4201) = 1.200.007;
# expense ATK 200.000 → SHU 1.000.007.


@pytest.fixture
def shu_year(services: Services) -> dict[str, int]:
    admin = admin_user(services)
    a = make_member(services, admin, name="Ani", serial=1).id
    b = make_member(services, admin, name="Budi", serial=2).id
    c = make_member(services, admin, name="Cici", serial=3).id
    dep = services.savings.deposit
    dep(admin, a, SavingsKind.POKOK, 100_000, date(2024, 12, 1), today=TODAY)
    dep(admin, a, SavingsKind.WAJIB, 200_000, date(2024, 12, 1), today=TODAY)
    dep(admin, b, SavingsKind.WAJIB, 600_000, date(2025, 10, 15), today=TODAY)
    dep(admin, c, SavingsKind.POKOK, 500_000, date(2024, 12, 1), today=TODAY)
    services.members.change_status(
        admin, c, MemberStatus.KELUAR, date(2025, 5, 20), "pindah", today=TODAY
    )
    pay = services.loans.payments.record_payment
    loan_a = make_loan(services, admin, a, amount=10_000_000, months=10)
    pay(admin, loan_a.id, 1_200_000, date(2025, 1, 10), "tunai", today=TODAY)
    pay(admin, loan_a.id, 1_200_000, date(2025, 2, 10), "tunai", today=TODAY)
    loan_b = make_loan(services, admin, b, amount=5_000_000, months=10)
    pay(admin, loan_b.id, 600_000, date(2025, 1, 10), "tunai", today=TODAY)
    submit = services.manual_journals.submit
    submit(admin, date(2025, 6, 30), "Giro", [Line("1101", 700_007), Line("4201", 0, 700_007)])
    submit(admin, date(2025, 8, 1), "ATK", [Line("5203", 200_000), Line("1101", 0, 200_000)])
    return {"a": a, "b": b, "c": c}


def test_shu_pools_and_member_shares_by_hand(services: Services, shu_year: dict[str, int]) -> None:
    result = ShuService(services.db, services.audit).compute(2025)
    assert (result.income, result.expenses, result.shu) == (1_200_007, 200_000, 1_000_007)
    # pools floor(SHU × %), left-over rupiah to cadangan:
    # 20 % = 200.001,4 → 200.001 (JMA, JUA); 5 % = 50.000,35 → 50.000; 2,5 % = 25.000,175
    # → 25.000; cadangan 1.000.007 − 2×200.001 − 3×50.000 − 2×25.000 = 400.005
    assert result.pools == {
        "cadangan": 400_005,
        "jma": 200_001,
        "jua": 200_001,
        "pengurus": 50_000,
        "karyawan": 50_000,
        "pendidikan": 25_000,
        "sosial": 25_000,
        "daerah_kerja": 50_000,
    }
    rows = {r.member_id: r for r in result.rows}
    a, b, c = shu_year["a"], shu_year["b"], shu_year["c"]
    # JMA on Σ of the 12 month-ends (∝ their average): A 12×300.000 = 3.600.000,
    # B 3×600.000 = 1.800.000, C 4×500.000 = 2.000.000; Σ 7.400.000
    # A 200.001×36/74 = 97.297,78; B ×18/74 = 48.648,89; C ×20/74 = 54.054,32
    # floors 199.999, 2 rupiah to the largest remainders B (,89) then A (,78)
    assert (rows[a].jma, rows[b].jma, rows[c].jma) == (97_298, 48_649, 54_054)
    # JUA on jasa paid 400.000 : 100.000 → A 160.000,8, B 40.000,2; the 1 rupiah to A
    assert (rows[a].jua, rows[b].jua, rows[c].jua) == (160_001, 40_000, 0)
    assert sum(r.jma for r in result.rows) == result.pools["jma"]
    assert sum(r.jua for r in result.rows) == result.pools["jua"]


def test_shu_csv_rows(
    services: Services, shu_year: dict[str, int], db_path: Path, tmp_path: Path
) -> None:
    numbers = {k: services.members.get(v).number for k, v in shu_year.items()}
    services.close()
    out = tmp_path / "shu.csv"
    assert main(["shu", "--db", str(db_path), "--year", "2025", "--csv", str(out)]) == 0
    # jumlah = jma + jua: A 97.298 + 160.001 = 257.299; B 48.649 + 40.000 = 88.649;
    # C 54.054 + 0 = 54.054; by member number
    assert out.read_text(encoding="utf-8").splitlines() == [
        "no_anggota,nama,jma,jua,jumlah",
        f"{numbers['a']},Ani,97298,160001,257299",
        f"{numbers['b']},Budi,48649,40000,88649",
        f"{numbers['c']},Cici,54054,0,54054",
    ]


# -- 4. allocation journal, SHU paid to sukarela -----------------------------------------------


def test_allocation_and_payout_to_sukarela(services: Services, shu_year: dict[str, int]) -> None:
    admin, pengurus = admin_user(services), make_user(services)
    with services.db.atomic():
        ClosingRepository(services.db).add_lock("tutup", "2025-12", DEC, admin.id)
    penutup = services.closing.close_year(admin, 2025)
    assert ("3107", 0, 1_000_007) in [
        (x.account, x.debit, x.credit) for x in services.ledger.journal(penutup).lines
    ]
    books_ = services.shu_books
    journal = services.ledger.journal(books_.allocate(pengurus, 2025, RAT, "05/RAT/2026"))
    a, b, c = shu_year["a"], shu_year["b"], shu_year["c"]
    assert journal.date == RAT
    assert sorted((x.account, x.debit, x.credit, x.member_id) for x in journal.lines) == sorted(
        [
            ("3107", 1_000_007, 0, None),
            ("3103", 0, 400_005, None),
            ("2110", 0, 50_000, None),
            ("2111", 0, 50_000, None),
            ("2112", 0, 25_000, None),
            ("2113", 0, 25_000, None),
            ("2114", 0, 50_000, None),
            ("2109", 0, 257_299, a),
            ("2109", 0, 88_649, b),
            ("2109", 0, 54_054, c),
        ],
        key=lambda t: (t[0], t[1], t[2], t[3] or 0),
    )
    assert services.ledger.repo.balance(["3107"], RAT) == 0  # invariant 7: allocation = 3107
    before = {m: services.savings.balances(m).sukarela for m in (a, b)}
    run = books_.pay_all(admin, 2025, PAY, "sukarela", today=TODAY)
    # A 257.299 + B 88.649 = 345.948 credited; C left: her 54.054 stays in 2109
    assert (run.paid, run.amount) == (2, 345_948) and len(run.left) == 1
    assert services.savings.balances(a).sukarela - before[a] == 257_299
    assert services.savings.balances(b).sukarela - before[b] == 88_649
    lines = services.db.rows(
        "SELECT l.account, l.debit, l.credit, l.member_id FROM journal_lines l"
        " JOIN journals j ON j.id = l.journal_id WHERE j.date = ? ORDER BY l.id",
        (PAY.isoformat(),),
    )
    got = sorted((r[0], r[1], r[2], r[3]) for r in lines)
    assert got == sorted(
        [
            ("2109", 257_299, 0, a),
            ("2101", 0, 257_299, a),
            ("2109", 88_649, 0, b),
            ("2101", 0, 88_649, b),
        ]
    )
    assert -services.ledger.repo.balance(["2109"], PAY) == 54_054
    again = books_.pay_all(admin, 2025, PAY, "sukarela", today=TODAY)
    assert (again.paid, again.amount) == (0, 0)  # never twice
    assert -services.ledger.repo.balance(["2109"], PAY) == 54_054


def test_share_never_paid_twice_and_leaver_paid_in_cash(
    services: Services, shu_year: dict[str, int]
) -> None:
    admin, pengurus = admin_user(services), make_user(services)
    with services.db.atomic():
        ClosingRepository(services.db).add_lock("tutup", "2025-12", DEC, admin.id)
    services.closing.close_year(admin, 2025)
    books_ = services.shu_books
    books_.allocate(pengurus, 2025, RAT, "05/RAT/2026")
    with pytest.raises(ValidationError, match="sudah dibagi"):
        books_.allocate(pengurus, 2025, RAT, "05/RAT/2026")
    books_.pay_all(admin, 2025, PAY, "sukarela", today=TODAY)
    shares = {s.member_id: s for s in books_.shares(2025)}
    with pytest.raises(ValidationError, match="sudah dibayar"):
        books_.pay(admin, shares[shu_year["a"]].share_id, PAY)
    # C (left) collects her 54.054 in cash: Dr 2109 / Cr Kas, and 2109 is then empty
    cash = books_.pay_all(admin, 2025, PAY, "tunai", today=TODAY)
    assert (cash.paid, cash.amount) == (1, 54_054)
    assert services.ledger.repo.balance(["2109"], PAY) == 0 and books_.unpaid(2025) == 0


@pytest.mark.parametrize(
    ("left_on", "months"),
    # month-ends while still a member: leaving on 30-04 keeps April (4), on 30-05 May is
    # already gone (4), on 31-05 May counts (5)
    [(date(2025, 4, 30), 4), (date(2025, 5, 30), 4), (date(2025, 5, 31), 5)],
)
def test_leaver_counts_month_ends_of_membership(
    services: Services, left_on: date, months: int
) -> None:
    admin = admin_user(services)
    a = make_member(services, admin, name="Ani", serial=1).id
    c = make_member(services, admin, name="Cici", serial=3).id
    dep = services.savings.deposit
    dep(admin, a, SavingsKind.WAJIB, 100_000, date(2024, 12, 1), today=TODAY)
    dep(admin, c, SavingsKind.WAJIB, 100_000, date(2024, 12, 1), today=TODAY)
    services.members.change_status(admin, c, MemberStatus.KELUAR, left_on, "x", today=TODAY)
    services.manual_journals.submit(
        admin, date(2025, 6, 30), "Giro", [Line("1101", 1_000_000), Line("4201", 0, 1_000_000)]
    )
    result = ShuService(services.db, services.audit).compute(2025)
    # SHU 1.000.000, JMA 20 % = 200.000 split 12 : months (A a member all year)
    rows = {r.member_id: r.jma for r in result.rows}
    # months 4: A 200.000 × 12/16 = 150.000, C 50.000; months 5: A 200.000 × 12/17 =
    # 141.176,47 → 141.176, C 200.000 × 5/17 = 58.823,53 → 58.823 + the 1 rupiah left = 58.824
    expected = {4: (150_000, 50_000), 5: (141_176, 58_824)}[months]
    assert (rows[a], rows[c]) == expected


def test_final_regime_less_monthly_instalments(services: Services) -> None:
    bk = books(services, loans=0)
    TaxSettingsService(services.db, services.audit).save(bk.admin, TaxSettings("final", 2023))
    # monthly PPh final already expensed in the year: 3 × 5.000 = 15.000 (Dr 5901 / Cr Kas)
    for month in (3, 6, 9):
        bk.manual.submit(
            bk.admin,
            date(2025, month, 15),
            "PPh final",
            [Line("5901", 5_000), Line("1101", 0, 5_000)],
        )
    closing = _lines(bk, cash=2_931_108 - 15_000)
    # the year's tax 23.456 (0,5 % of 4.691.356, see above) less 15.000 booked = 8.456 due
    tax = closing.year_tax(2025)
    assert (tax.tax, tax.booked, tax.due) == (23_456, 15_000, 8_456)
    penutup = closing.close_year(bk.admin, 2025)
    tax_id = closing.tax_journal(2025)
    assert tax_id is not None
    assert _entries(bk, tax_id) == [("2108", 0, 8_456), ("5901", 8_456, 0)]
    # 5901 closed with 15.000 + 8.456 = 23.456; 3107 = 2.931.108 − 23.456 = 2.907.652
    entries = _entries(bk, penutup)
    assert ("5901", 0, 23_456) in entries and ("3107", 0, 2_907_652) in entries
    assert closing.year_tax(2025).due == 8_456  # read back after the journal: unchanged


def test_jua_counts_jasa_paid_not_jasa_waived(services: Services) -> None:
    admin, pengurus = admin_user(services), make_user(services)
    a = make_member(services, admin, name="Ani", serial=1).id
    b = make_member(services, admin, name="Budi", serial=2).id
    services.savings.deposit(admin, a, SavingsKind.WAJIB, 100_000, date(2024, 12, 1), today=TODAY)
    payments = services.loans.payments
    loan_a = make_loan(services, admin, a, amount=10_000_000, months=10)
    # exactly the first instalment: 1.000.000 pokok + 150.000 jasa (flat 1,5 % of 10 juta)
    payments.record_payment(admin, loan_a.id, 1_150_000, date(2025, 1, 10), "tunai", today=TODAY)
    loan_b = make_loan(services, admin, b, amount=5_000_000, months=10)
    # B pays nothing: the first instalment's jasa 75.000 (1,5 % of 5 juta) is waived
    payments.waive(
        admin, loan_b.id, "jasa", 75_000, "musibah banjir", pengurus, date(2025, 1, 10), TODAY
    )
    # C pays an instalment (500.000 + 75.000) that is reversed the next day: nothing paid
    c = make_member(services, admin, name="Cici", serial=3).id
    loan_c = make_loan(services, admin, c, amount=5_000_000, months=10)
    paid = payments.record_payment(
        admin, loan_c.id, 575_000, date(2025, 1, 10), "tunai", today=TODAY
    )
    payments.reverse(admin, paid.id, "salah input anggota", date(2025, 1, 11), TODAY)
    services.manual_journals.submit(
        admin, date(2025, 6, 30), "Giro", [Line("1101", 1_000_000), Line("4201", 0, 1_000_000)]
    )
    result = ShuService(services.db, services.audit).compute(2025)
    # SHU: jasa 150.000 received (cash basis: the waived jasa was never income) + giro
    # 1.000.000 = 1.150.000; JUA 20 % = 230.000, all of it to A, the only one who paid jasa
    assert result.shu == 1_150_000 and result.pools["jua"] == 230_000
    jua = {r.member_id: r.jua for r in result.rows}
    assert (jua.get(a, 0), jua.get(b, 0), jua.get(c, 0)) == (230_000, 0, 0)


def test_equal_remainders_go_to_the_lowest_member_number(services: Services) -> None:
    admin = admin_user(services)
    ids = {s: make_member(services, admin, name=f"Anggota {s}", serial=s).id for s in (1, 2, 3)}
    for member_id in ids.values():
        services.savings.deposit(
            admin, member_id, SavingsKind.WAJIB, 100_000, date(2024, 12, 1), today=TODAY
        )
    services.manual_journals.submit(
        admin, date(2025, 6, 30), "Giro", [Line("1101", 1_000_000), Line("4201", 0, 1_000_000)]
    )
    result = ShuService(services.db, services.audit).compute(2025)
    # JMA 20 % of 1.000.000 = 200.000 over three equal bases: 66.666,67 each, floors 199.998;
    # the 2 rupiah left go to the two lowest member numbers (the rule printed on the list)
    by_number = sorted((r.number, r.jma) for r in result.rows)
    assert [jma for _, jma in by_number] == [66_667, 66_667, 66_666]
