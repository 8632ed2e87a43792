"""The loans list as a clerk sees it: a late loan's class (colour and word), filters, search,
the legend with the policy's name; the portfolio with its month-end run; the simulation."""

# Fixtures are imported from tests/ui/loans_fixtures.py, which ruff sees as redefinitions.
# ruff: noqa: F811

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.formats import add_months
from app.services import Services
from app.users.models import User
from tests.conftest import make_member
from tests.ui.loans_fixtures import (  # noqa: F401
    TODAY,
    answered,
    disbursed_loan,
    kasir,
    pay_installments,
)
from ui.dialogs.month_end_dialog import MonthEndDialog
from ui.dialogs.simulation_dialog import SimulationDialog
from ui.models.loans_model import LoanColumn
from ui.views.loans_view import LoansView
from ui.views.portfolio_view import PortfolioView
from ui.widgets import quality_colors

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen platform


@pytest.fixture
def three_loans(services: Services, ketua: User) -> dict[str, int]:
    """A current loan, one a month late and one far behind (Macet under the koperasi policy)."""
    names = {"current": "Dewi Lestari", "late": "Eko Prasetyo", "macet": "Bambang Wijaya"}
    ids: dict[str, int] = {}
    for serial, (key, name) in enumerate(names.items(), start=1):
        sex = "P" if key == "current" else "L"
        member = make_member(services, ketua, name=name, sex=sex, serial=serial)
        start = {"current": add_months(TODAY, -2), "late": add_months(TODAY, -3),
                 "macet": date(2025, 6, 2)}[key]  # fmt: skip
        loan = disbursed_loan(services, ketua, member.id, start, amount=4_000_000)
        if key == "current":
            pay_installments(services, ketua, loan, 2)
        if key == "late":
            pay_installments(services, ketua, loan, 1)
        ids[key] = loan.id
    return ids


def open_view(qtbot: QtBot, services: Services, user: User) -> LoansView:
    view = LoansView(services, user)
    qtbot.addWidget(view)
    view.today = lambda: TODAY
    view.run_search()
    view.show()
    return view


def cell(view: LoansView, loan_id: int, column: LoanColumn, role: int = 0) -> object:
    row = view.model.row_of(loan_id)
    assert row is not None, "loan not in the list"
    return view.model.data(view.model.index(row, column), role)


def test_a_late_loans_class_shows_as_colour_and_word(
    qtbot: QtBot, services: Services, kasir: User, three_loans: dict[str, int]
) -> None:
    view = open_view(qtbot, services, kasir)
    assert view.model.total == 3
    assert view.count_label.text().startswith("3 pinjaman · sisa pokok Rp")
    macet = three_loans["macet"]
    assert cell(view, macet, LoanColumn.QUALITY) == "Macet"
    bg = cell(view, macet, LoanColumn.QUALITY, Qt.ItemDataRole.BackgroundRole)
    fg = cell(view, macet, LoanColumn.QUALITY, Qt.ItemDataRole.ForegroundRole)
    assert bg.name() == quality_colors.background_hex("M")  # type: ignore[attr-defined]
    assert fg.name() == quality_colors.text_hex("M")  # type: ignore[attr-defined]
    assert int(str(cell(view, macet, LoanColumn.DAYS)).replace(".", "")) > 365
    assert cell(view, three_loans["current"], LoanColumn.QUALITY) == "Lancar"
    assert cell(view, three_loans["current"], LoanColumn.ARREARS) == "–"
    assert cell(view, three_loans["late"], LoanColumn.ARREARS) != "–"
    # The legend names the policy and shows every class it can give, each with its word.
    policy = services.loans.quality.policy()
    assert policy.name in view.legend.caption.text()
    assert view.legend.words() == ["Lancar", "Kurang Lancar", "Diragukan", "Macet"]
    tip = cell(view, macet, LoanColumn.QUALITY, Qt.ItemDataRole.ToolTipRole)
    assert policy.name in str(tip)
    # Selecting the loan shows its class and arrears below the list.
    view.select_loan(macet)
    assert view.detail.quality_badge.text() == "Macet"
    assert "hari" in view.detail.arrears["days"].text()
    assert policy.name in view.detail.arrears["quality"].text()


def test_filters_search_and_order(
    qtbot: QtBot, services: Services, kasir: User, three_loans: dict[str, int]
) -> None:
    view = open_view(qtbot, services, kasir)
    view.overdue_check.setChecked(True)
    assert {view.model.row_at(r).loan_id for r in range(view.model.rowCount())} == {
        three_loans["late"], three_loans["macet"]}  # fmt: skip
    view.overdue_check.setChecked(False)
    view.quality_combo.setCurrentIndex(view.quality_combo.findData("M"))
    assert [view.model.row_at(r).loan_id for r in range(view.model.rowCount())] == [
        three_loans["macet"]]  # fmt: skip
    view.quality_combo.setCurrentIndex(0)

    view.activateWindow()
    view.table.setFocus()
    view.focus_search()  # what Ctrl+F in the main window calls
    qtbot.waitUntil(view.search_edit.hasFocus)
    qtbot.keyClicks(view.search_edit, "eko")
    qtbot.waitUntil(lambda: view.model.total == 1)
    assert view.model.row_at(0).loan_id == three_loans["late"]
    assert view.current_loan_id() == three_loans["late"]
    view.search_edit.setText("tidak ada orang ini")
    view.run_search()
    assert view.list_stack.currentWidget() is view.empty_label
    assert "Tidak ada pinjaman yang cocok" in view.empty_label.text()
    view.search_edit.clear()
    view.run_search()

    view.sort_by(LoanColumn.DAYS)
    assert view.model.row_at(0).loan_id == three_loans["macet"]
    header = view.table.horizontalHeader()
    assert header.sortIndicatorSection() == LoanColumn.DAYS
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_portfolio_and_month_end(
    qtbot: QtBot, services: Services, ketua: User, three_loans: dict[str, int], answered: list
) -> None:
    view = PortfolioView(services, ketua)
    qtbot.addWidget(view)
    view.today = lambda: TODAY
    view.date_edit.set_value(TODAY)
    view.refresh()
    summary = view.summary
    assert summary is not None and summary.loan_count == 3
    assert summary.policy_name in view.policy_label.text()
    assert summary.allowance_policy_name in view.policy_label.text()
    assert view.band_label.text().strip() == summary.health_band
    assert view.figures["npl"].text().endswith("%")
    assert view.class_model.rowCount() == len(summary.outstanding_by_class) + 1

    qtbot.mouseClick(view.month_end_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, MonthEndDialog)
    assert dialog.date_edit.value() == date(2026, 10, 31)  # the last month end
    dialog.accept()
    assert dialog.saved is not None and dialog.saved.loan_count == 3
    assert "3 pinjaman" in answered[-1][1]
    assert "Jasa simpanan sukarela 0 anggota" in answered[-1][1]  # the month's jasa too
    assert services.jasa.done("2026-10") is not None
    history = services.loans.quality.class_history(three_loans["macet"])
    assert [h.quality for h in history] == ["M"]


def test_simulation_shows_schedule_totals_and_effective_rate(qtbot: QtBot) -> None:
    dialog = SimulationDialog(None, TODAY)
    qtbot.addWidget(dialog)
    dialog.amount_edit.clear()
    qtbot.keyClicks(dialog.amount_edit, "12000000")
    dialog.months_spin.setValue(12)
    dialog.recalculate()
    assert dialog.model.rowCount() == 12
    totals = dialog.totals.text()
    assert "Rp2.160.000" in totals  # flat 1,5 %: 12.000.000 × 1,5 % × 12
    assert "31,7164% per tahun" in totals
    assert not dialog.print_button.isEnabled()  # no database, no register to number it in
    dialog.rate_edit.setText("abc")
    dialog.recalculate()
    assert dialog.errors.message("rate") and dialog.model.rowCount() == 0


def test_main_window_has_the_loans_and_portfolio_sections(
    qtbot: QtBot, services: Services, kasir: User, three_loans: dict[str, int]
) -> None:
    from ui.main_window import LOANS, REPORTS, MainWindow

    window = MainWindow(services, kasir)
    qtbot.addWidget(window)
    loans = window.views[LOANS]
    assert isinstance(loans, LoansView)
    reports = window.views[REPORTS]  # the portfolio may sit in a tab of the Laporan section
    portfolio = reports if isinstance(reports, PortfolioView) else reports.findChild(PortfolioView)
    assert isinstance(portfolio, PortfolioView)
    loans.today = lambda: TODAY
    window.show()
    window.show_section(LOANS)
    assert window.current_view() is loans
    assert loans.model.total == 3  # read when first shown
    window.focus_search()  # Ctrl+F
    qtbot.waitUntil(loans.search_edit.hasFocus)
    window.show_section(REPORTS)
    if portfolio.isVisible():
        assert portfolio.summary is not None
    # Closing the window would back up and close the database; here the fixture closes it.
    window.shut_down = lambda: None  # type: ignore[method-assign]


def test_printing_the_schedule_and_a_simulation(
    qtbot: QtBot,
    services: Services,
    kasir: User,
    three_loans: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import ui.views.loan_print as loan_print
    from ui.dialogs.pdf_preview import PdfPreviewDialog

    view = open_view(qtbot, services, kasir)
    view.select_loan(three_loans["late"])
    assert view.detail.print_button.isEnabled()
    qtbot.mouseClick(view.detail.print_button, Qt.MouseButton.LeftButton)
    preview = view.loan_actions.preview
    assert isinstance(preview, PdfPreviewDialog)
    assert preview.document.pageCount() >= 1 and preview.pdf.startswith(b"%PDF")
    assert "Jadwal Angsuran" in preview.windowTitle()
    preview.reject()

    shown: list[PdfPreviewDialog] = []
    real_preview = loan_print._preview

    def record(parent: object, issued: object) -> PdfPreviewDialog:
        dialog = real_preview(parent, issued)  # type: ignore[arg-type]
        shown.append(dialog)
        return dialog

    monkeypatch.setattr(loan_print, "_preview", record)
    simulation = SimulationDialog(services, TODAY, view, user=kasir)
    qtbot.addWidget(simulation)
    assert simulation.print_button.isEnabled()
    qtbot.mouseClick(simulation.print_button, Qt.MouseButton.LeftButton)
    assert len(shown) == 1 and "Simulasi" in shown[0].windowTitle()
    shown[0].reject()
