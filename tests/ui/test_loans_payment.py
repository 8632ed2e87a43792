"""A clerk takes a payment: the allocation is read before saving, the receipt number after,
and the schedule's states change; a wrong receipt is cancelled; denda waived; early payoff."""

# Fixtures are imported from tests/ui/loans_fixtures.py, which ruff sees as redefinitions.
# ruff: noqa: F811

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.loans.models import EventKind, InstallmentState, LoanStatus
from app.services import Services
from app.users.models import User
from tests.ui.loans_fixtures import answered, disbursed_loan, kasir, member_id  # noqa: F401
from ui.dialogs.payment_dialog import PaymentDialog
from ui.dialogs.payoff_dialog import PayoffDialog
from ui.dialogs.reverse_payment_dialog import ReversePaymentDialog
from ui.dialogs.waiver_dialog import WaiverDialog
from ui.models.loan_payments_model import AllocationColumn, PaymentColumn
from ui.models.schedule_model import ScheduleColumn
from ui.views.loans_view import LoansView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen platform

START = date(2026, 1, 10)  # Rp6.000.000 flat 1,5 % over 12 months: Rp590.000 a month
TODAY = date(2026, 3, 25)  # instalments 1 (10 Feb) and 2 (10 Mar) are due and unpaid


@pytest.fixture
def view(qtbot: QtBot, services: Services, ketua: User, kasir: User, member_id: int) -> LoansView:
    disbursed_loan(services, ketua, member_id, START)
    view = LoansView(services, kasir)
    qtbot.addWidget(view)
    view.today = lambda: TODAY
    view.run_search()
    view.show()
    assert view.current_loan_id() is not None
    return view


def schedule_states(view: LoansView) -> list[str]:
    model = view.detail.schedule_model
    return [str(model.data(model.index(r, ScheduleColumn.STATE))) for r in range(4)]


def test_payment_shows_the_allocation_before_saving_then_the_schedule_changes(
    qtbot: QtBot, view: LoansView, services: Services, answered: list
) -> None:
    assert schedule_states(view) == ["Terlambat", "Terlambat", "Belum Jatuh Tempo",
                                     "Belum Jatuh Tempo"]  # fmt: skip
    qtbot.mouseClick(view.detail.pay_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, PaymentDialog)
    # Before anything is typed: what is due, with the denda, and no error.
    assert "dari 2 angsuran" in dialog.due_label.text()
    assert dialog.errors.message("amount") == ""
    assert dialog.allocation_model.rowCount() == 2
    denda_1 = dialog.preview.open_before[0].denda  # type: ignore[union-attr]
    assert denda_1 > 0

    qtbot.keyClicks(dialog.amount_edit, "700000")
    assert dialog.amount_edit.text() == "700.000"  # thousands dots while typing
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.preview.amount == 700_000)
    model = dialog.allocation_model

    def cell(row: int, column: AllocationColumn) -> int:
        return int(model.value(row, column))

    # denda → jasa → pokok, oldest instalment first: no. 1 in full, the rest to no. 2
    assert cell(0, AllocationColumn.NUMBER) == 1
    assert cell(0, AllocationColumn.DENDA) == denda_1
    assert cell(0, AllocationColumn.INTEREST) == 90_000
    assert cell(0, AllocationColumn.PRINCIPAL) == 500_000
    assert cell(0, AllocationColumn.LEFT) == 0
    to_second = 700_000 - denda_1 - 590_000
    assert sum(cell(1, c) for c in (AllocationColumn.DENDA, AllocationColumn.INTEREST,
                                    AllocationColumn.PRINCIPAL)) == to_second  # fmt: skip
    assert cell(1, AllocationColumn.LEFT) > 0
    assert "Pokok <b>Rp" in dialog.summary_label.text()
    assert services.loans.payments.events(view.current_loan_id() or 0)[-1].kind == (
        EventKind.PENCAIRAN
    )  # nothing saved yet

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved is not None and dialog.saved.receipt_no
    title, text = answered[-1]
    assert title == "Pembayaran tersimpan" and dialog.saved.receipt_no in text
    # The panel shows the new state: no. 1 paid, no. 2 partly paid but still late.
    assert schedule_states(view)[:2] == ["Lunas", "Terlambat"]
    line_2 = view.detail.schedule_model.line_at(1)
    assert line_2.state == InstallmentState.TERLAMBAT and line_2.paid_pokok + line_2.paid_jasa
    payments = view.detail.payments_model
    receipts = [payments.data(payments.index(r, PaymentColumn.RECEIPT))
                for r in range(payments.rowCount())]  # fmt: skip
    assert dialog.saved.receipt_no in receipts


def test_cancelling_a_receipt_names_the_consequence_and_marks_it(
    qtbot: QtBot, view: LoansView, services: Services, ketua: User, answered: list
) -> None:
    loan_id = view.current_loan_id()
    assert loan_id is not None
    receipt = services.loans.payments.record_payment(ketua, loan_id, 590_000, TODAY, "tunai",
                                                     today=TODAY)  # fmt: skip
    view.reload()
    assert view.detail.payments_model.row_of(receipt.id) is not None
    # A clerk (Staf) may not cancel receipts: the button says who may.
    assert not view.detail.reverse_button.isEnabled()
    assert "Manajer atau Pengurus" in view.detail.reverse_button.toolTip()

    boss = LoansView(services, ketua)
    qtbot.addWidget(boss)
    boss.today = lambda: TODAY
    boss.run_search()
    boss.detail.tabs.setCurrentIndex(2)
    assert not boss.detail.reverse_button.isEnabled()  # nothing chosen yet
    boss.detail.select_event(receipt.id)
    assert boss.detail.reverse_button.isEnabled()
    qtbot.mouseClick(boss.detail.reverse_button, Qt.MouseButton.LeftButton)
    dialog = boss.dialog
    assert isinstance(dialog, ReversePaymentDialog)
    assert "kembali menjadi tunggakan" in dialog.consequence.text()
    dialog.accept()  # no reason typed
    assert "alasan" in dialog.errors.message("reason").lower()
    qtbot.keyClicks(dialog.reason_edit, "salah catat, uang belum diterima")
    dialog.accept()
    assert dialog.saved is not None and dialog.saved.kind == EventKind.PEMBALIKAN
    assert "kembali menjadi tunggakan" in answered[-1][1]  # the confirmation named it
    events = {e.id: e for e in services.loans.payments.events(loan_id)}
    assert events[receipt.id].is_reversed
    model = boss.detail.payments_model
    row = model.row_of(receipt.id)
    assert row is not None
    assert "DIBATALKAN" in str(model.data(model.index(row, PaymentColumn.NOTE)))
    font = model.data(model.index(row, PaymentColumn.AMOUNT), Qt.ItemDataRole.FontRole)
    assert font.strikeOut()
    assert schedule_states(boss)[:2] == ["Terlambat", "Terlambat"]


def test_waiving_denda_needs_a_pengurus_password_from_a_clerk(
    qtbot: QtBot, view: LoansView, services: Services, answered: list
) -> None:
    from tests.conftest import PASSWORD

    qtbot.mouseClick(view.detail.waive_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, WaiverDialog)
    owed = dialog.owed()
    assert owed and dialog.amount_edit.value() == owed
    qtbot.keyClicks(dialog.reason_edit, "anggota sakit, diputuskan rapat pengurus")
    dialog.accept()
    assert "Ketua/Pengurus" in dialog.errors.message("approver")
    qtbot.keyClicks(dialog.approver_box.username_edit, "ketua")
    qtbot.keyClicks(dialog.approver_box.password_edit, PASSWORD)
    dialog.accept()
    assert dialog.saved is not None and dialog.saved.approved_by_name == "Budi Santoso"
    loan_id = view.current_loan_id()
    assert loan_id is not None
    assert services.loans.quality.arrears(loan_id, TODAY).arrears_denda == 0
    assert view.detail.arrears["denda"].text() == "Rp0"


def test_early_payoff_quote_and_close(
    qtbot: QtBot, view: LoansView, services: Services, answered: list
) -> None:
    qtbot.mouseClick(view.detail.payoff_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, PayoffDialog)
    quote = dialog.quote
    assert quote is not None and quote.pokok == 6_000_000
    assert dialog.figures["total"].text() == f"Rp{quote.total:,}".replace(",", ".")
    dialog.accept()
    loan_id = view.current_loan_id() or dialog.loan.id
    assert services.loans.get(loan_id).status == LoanStatus.LUNAS
    assert "LUNAS" in answered[-1][1]
