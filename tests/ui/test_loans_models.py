"""Every Pinjaman table model passes Qt's model tester and shows what a clerk expects."""

# Fixtures are imported from tests/ui/loans_fixtures.py, which ruff sees as redefinitions.
# ruff: noqa: F811

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from app.loans.models import InstallmentState, LoanFilter
from app.loans.schedule import ScheduleTerms, build_schedule
from app.services import Services
from app.users.models import User
from tests.conftest import make_member
from tests.ui.loans_fixtures import TODAY, disbursed_loan, member_id, pay_installments  # noqa: F401
from ui.models.base import ID_ROLE
from ui.models.loan_parts_model import ClassHistoryModel, CollateralModel, GuarantorModel
from ui.models.loan_payments_model import (
    AllocationColumn,
    AllocationModel,
    LoanPaymentsModel,
    PaymentColumn,
)
from ui.models.loans_model import LoanColumn, LoansModel
from ui.models.portfolio_model import AgeingModel, ClassColumn, PortfolioClassModel
from ui.models.schedule_model import PlanModel, ScheduleColumn, ScheduleModel
from ui.widgets import quality_colors

START = date(2026, 1, 10)


def text(model: object, row: int, column: int) -> str:
    return str(model.data(model.index(row, column)))  # type: ignore[attr-defined]


def test_loans_model_pages_and_colours(
    qtmodeltester, services: Services, ketua: User, member_id: int
) -> None:
    late = disbursed_loan(services, ketua, member_id, START, amount=6_000_000)
    other = make_member(services, ketua, name="Bambang Wijaya", sex="L", serial=2)
    paid_up = disbursed_loan(services, ketua, other.id, date(2026, 10, 20), amount=2_000_000)
    pay_installments(services, ketua, paid_up, 1)
    model = LoansModel(services.loans, TODAY)
    model.PAGE = 1  # one row a page, so fetchMore is exercised
    model.load(LoanFilter(), order="days")
    assert model.total == 2 and model.rowCount() == 1
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 2 and not model.canFetchMore()
    qtmodeltester.check(model)
    first = model.row_at(0)
    assert first.loan_id == late.id and first.days_past_due > 180
    assert model.data(model.index(0, LoanColumn.NUMBER), ID_ROLE) == late.id
    assert text(model, 0, LoanColumn.MEMBER) == f"Siti Aminah ({late.member_number})"
    assert text(model, 0, LoanColumn.PLAFON) == "Rp6.000.000"
    # The class cell carries the word and its colour; the current loan is green Lancar.
    assert text(model, 0, LoanColumn.QUALITY) == "Macet"
    background = model.data(model.index(0, LoanColumn.QUALITY), Qt.ItemDataRole.BackgroundRole)
    assert background.name() == quality_colors.background_hex("M")
    assert text(model, 1, LoanColumn.QUALITY) == "Lancar"
    assert text(model, 1, LoanColumn.DAYS) == "–"
    assert model.data(model.index(1, LoanColumn.QUALITY),
                      Qt.ItemDataRole.BackgroundRole).name() == "#2e7d32"  # fmt: skip


def test_one_colour_per_class_and_every_class_coloured() -> None:
    backgrounds = [bg for bg, _fg in quality_colors.QUALITY_COLORS.values()]
    assert len(set(backgrounds)) == len(backgrounds) == 6
    assert [word for _code, word in quality_colors.ordered()] == [
        "Lancar", "Dalam Perhatian Khusus", "Kurang Lancar", "Diragukan", "Macet", "Hapus Buku",
    ]  # fmt: skip


def test_plan_model(qtmodeltester) -> None:
    rows = build_schedule(
        ScheduleTerms(1_200_000, __import__("decimal").Decimal(18), 3, "flat", date(2026, 1, 31))
    )
    model = PlanModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert text(model, 1, 1) == "28-02-2026"  # clamped at the month end
    assert text(model, 0, 2) == "Rp400.000" and text(model, 0, 3) == "Rp18.000"


def test_schedule_payment_and_allocation_models(
    qtmodeltester, services: Services, ketua: User, member_id: int
) -> None:
    loan = disbursed_loan(services, ketua, member_id, START)
    pay_installments(services, ketua, loan, 2)
    as_of = date(2026, 5, 20)
    detail = services.loans.detail(loan.id, as_of)

    schedule = ScheduleModel()
    schedule.set_rows(detail.schedule, as_of)
    qtmodeltester.check(schedule)
    states = [schedule.line_at(r).state for r in range(schedule.rowCount())]
    assert states[:2] == [InstallmentState.LUNAS] * 2
    assert states[2] == InstallmentState.TERLAMBAT
    assert text(schedule, 0, ScheduleColumn.STATE) == "Lunas"
    assert text(schedule, 2, ScheduleColumn.STATE) == "Terlambat"
    assert text(schedule, 11, ScheduleColumn.STATE) == "Belum Jatuh Tempo"

    payments = LoanPaymentsModel()
    payments.set_rows(detail.events)
    qtmodeltester.check(payments)
    kinds = [text(payments, r, PaymentColumn.KIND) for r in range(payments.rowCount())]
    assert kinds == ["Pencairan", "Pembayaran", "Pembayaran"]

    allocation = AllocationModel()
    allocation.set_preview(services.loans.payments.preview_allocation(loan.id, 600_000, as_of))
    qtmodeltester.check(allocation)
    assert allocation.rowCount() >= 2  # instalments 3 and 4 are due by 20 May
    assert allocation.value(0, AllocationColumn.NUMBER) == 3
    covered = sum(allocation.value(r, c) for r in range(allocation.rowCount())
                  for c in (AllocationColumn.DENDA, AllocationColumn.INTEREST,
                            AllocationColumn.PRINCIPAL))  # fmt: skip
    assert covered == 600_000


def test_parts_and_portfolio_models(
    qtmodeltester, services: Services, ketua: User, member_id: int
) -> None:
    from app.loans.models import CollateralDraft, GuarantorDraft

    loan = disbursed_loan(services, ketua, member_id, START)
    services.loans.add_collateral(
        ketua, loan.id, CollateralDraft("vehicle_fiducia", "BPKB Honda Beat 2019", "K-123",
                                        "Siti Aminah", 9_000_000))  # fmt: skip
    services.loans.add_guarantor(ketua, loan.id, GuarantorDraft("Slamet", relation="suami"))
    services.loans.quality.month_end(ketua, date(2026, 10, 31))
    detail = services.loans.detail(loan.id, TODAY)
    for model, rows in (
        (ClassHistoryModel(), detail.class_history),
        (CollateralModel(), detail.collateral),
        (GuarantorModel(), detail.guarantors),
    ):
        model.set_rows(rows)
        qtmodeltester.check(model)
        assert model.rowCount() == 1
    summary = services.loans.portfolio.summary(TODAY)
    classes, ageing = PortfolioClassModel(), AgeingModel()
    classes.set_summary(summary)
    ageing.set_summary(summary)
    qtmodeltester.check(classes)
    qtmodeltester.check(ageing)
    last = classes.rowCount() - 1
    assert text(classes, last, ClassColumn.QUALITY) == "Jumlah"
    assert text(classes, last, ClassColumn.SHARE) == "100,00%"
    assert ageing.rowCount() == 5
