"""The figures of the RAT pack besides the statements (issue 13 §5, LEDGER.md §3.4–§3.5): what
the CALK says about the year (jasa basis, tax, hapus buku recoveries, loans to officers, the
RAT) and the one-page "Ringkasan data koperasi" the ministry's online data system asks for
(members, staff, own and outside capital, business volume, SHU, RAT held)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.ledger.closing import PeriodClose
from app.ledger.service import LedgerService
from app.ledger.shu_books import Ratification, ShuBooks
from app.ledger.statements import Period, Statements
from app.ledger.yeartax import REGIMES, YearTax
from app.settings.profile import CoopProfile
from app.storage.ledger_reports_repo import LedgerReportsRepository
from app.storage.rat_pack_repo import RatPackRepository

RECOVERY = "4202"  # penerimaan pinjaman yang telah dihapusbukukan
LOAN_ACCOUNTS = ("1105", "1106")
STAFF_ROLES = ("manajer", "staf", "admin")
BOARD_ROLES = ("ketua", "pengurus")


@dataclass(frozen=True)
class OfficerLoan:
    number: str
    name: str
    balance: int


@dataclass(frozen=True)
class YearFigures:
    year: int
    end: date
    closed: bool  # the jurnal penutup is posted
    jasa_basis: str  # kas | akrual
    simpanan_remark: str
    tax: YearTax
    tax_regime_label: str
    recoveries: int  # the year's recoveries on written-off loans (4202)
    officer_loans: tuple[OfficerLoan, ...]
    ratification: Ratification | None
    members: int  # at the year end
    joined: int
    left: int
    board: int  # Ketua and Pengurus among the users
    supervisors: int
    staff: int  # manajer, staf, admin among the users
    own_capital: int  # ekuitas
    outside_capital: int  # kewajiban
    assets: int
    loans_count: int  # loans disbursed in the year
    loans_volume: int
    income: int  # gross income of the year
    shu: int  # SHU after tax


def year_figures(
    ledger: LedgerService,
    statements: Statements,
    closing: PeriodClose,
    shu_books: ShuBooks,
    profile: CoopProfile,
    year: int,
) -> YearFigures:
    start, end = date(year, 1, 1), date(year, 12, 31)
    repo = RatPackRepository(ledger.db)
    moves = LedgerReportsRepository(ledger.db).movements(start, end)
    income = sum(c - d for code, (d, c) in moves.items() if code.startswith("4"))
    expense = sum(d - c for code, (d, c) in moves.items() if code.startswith("5"))
    recoveries = moves.get(RECOVERY, (0, 0))
    neraca = statements.neraca(Period(year, end)).totals
    names = [
        profile.ketua,
        profile.sekretaris,
        profile.bendahara,
        profile.ketua_pengawas,
        *repo.officer_names(),
    ]
    officer = tuple(
        OfficerLoan(str(r["number"]), str(r["name"]), int(r["balance"]))
        for r in repo.receivable_of_names(names, LOAN_ACCOUNTS, end)
    )
    members, joined, left = repo.members(start, end)
    staff = repo.staff()
    count, volume = repo.loans_disbursed(start, end)
    tax = closing.year_tax(year)
    return YearFigures(
        year=year,
        end=end,
        closed=closing.closed_year(year) is not None,
        jasa_basis=ledger.policy.jasa_basis,
        simpanan_remark=statements.simpanan_remark(),
        tax=tax,
        tax_regime_label=REGIMES.get(tax.regime, tax.regime),
        recoveries=recoveries[1] - recoveries[0],
        officer_loans=officer,
        ratification=shu_books.ratification(year),
        members=members,
        joined=joined,
        left=left,
        board=sum(staff.get(r, 0) for r in BOARD_ROLES),
        supervisors=staff.get("pengawas", 0),
        staff=sum(staff.get(r, 0) for r in STAFF_ROLES),
        own_capital=neraca["ekuitas"][0],
        outside_capital=neraca["kewajiban"][0],
        assets=neraca["aset"][0],
        loans_count=count,
        loans_volume=volume,
        income=income,
        shu=income - expense,
    )
