"""The loan panel's buttons: who may use them, when they apply, and the dialogs they open."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QPushButton

from app.loans.models import Loan, LoanStatus, Payment
from app.users.permissions import Action, can
from ui.dialogs.loan_decision_dialog import DecisionDialog, DisburseDialog
from ui.dialogs.loan_wizard import LoanWizard
from ui.dialogs.payment_dialog import PaymentDialog
from ui.dialogs.payoff_dialog import PayoffDialog
from ui.dialogs.reverse_payment_dialog import ReversePaymentDialog, can_reverse
from ui.dialogs.titipan_dialog import REFUND, SUKARELA, TitipanDialog
from ui.dialogs.waiver_dialog import WaiverDialog
from ui.views.loan_documents import LoanDocuments
from ui.widgets import messages

PRINT_ACTIONS = (Action.EDIT_MEMBERS, Action.RECORD_CONTACT, Action.PROPOSE, Action.APPROVE)
"""Who may issue a numbered document (app.documents.register)."""

if TYPE_CHECKING:
    from ui.views.loans_view import LoansView


class LoanActions(QObject):
    """Connects the detail panel's buttons of a LoansView to the loan dialogs."""

    def __init__(self, view: LoansView) -> None:
        super().__init__(view)
        self.view = view
        user = view.user
        d = view.detail
        self.may_apply = can(user, Action.PROPOSE) or can(user, Action.EDIT_MEMBERS)
        # button -> (allowed for this role, why not, statuses it applies to)
        self.rules: dict[QPushButton, tuple[bool, str, tuple[LoanStatus, ...]]] = {
            d.approve_button: (can(user, Action.APPROVE), self.tr(
                "Hanya Ketua/Pengurus yang boleh menyetujui pinjaman."), (LoanStatus.DIAJUKAN,)),
            d.reject_button: (can(user, Action.APPROVE), self.tr(
                "Hanya Ketua/Pengurus yang boleh menolak pinjaman."), (LoanStatus.DIAJUKAN,)),
            d.disburse_button: (can(user, Action.RECORD_PAYMENT), self.tr(
                "Peran Anda tidak boleh mencairkan pinjaman."), (LoanStatus.DISETUJUI,)),
            d.pay_button: (can(user, Action.RECORD_PAYMENT), self.tr(
                "Peran Anda tidak boleh mencatat pembayaran."), (LoanStatus.AKTIF,)),
            d.payoff_button: (True, "", (LoanStatus.AKTIF,)),
            d.waive_button: (True, "", (LoanStatus.AKTIF,)),
            d.reverse_button: (can(user, Action.REVERSE_TRANSACTION), self.tr(
                "Hanya Manajer atau Pengurus yang boleh membatalkan pembayaran."),
                tuple(LoanStatus)),
        }  # fmt: skip
        d.approve_button.clicked.connect(lambda: self.decide(approve=True))
        d.reject_button.clicked.connect(lambda: self.decide(approve=False))
        d.disburse_button.clicked.connect(self.disburse)
        d.pay_button.clicked.connect(self.pay)
        d.payoff_button.clicked.connect(self.payoff)
        d.waive_button.clicked.connect(self.waive)
        d.reverse_button.clicked.connect(self.reverse)
        d.refund_button.clicked.connect(lambda: self.titipan(REFUND))
        d.sukarela_button.clicked.connect(lambda: self.titipan(SUKARELA))
        self.may_refund = can(user, Action.RECORD_PAYMENT)
        self.may_move = self.may_refund and can(user, Action.SAVINGS_TRANSACTION)
        d.refund_button.setToolTip(self.tr("Kembalikan titipan (kelebihan bayar) kepada anggota")
                                   if self.may_refund else self.tr(
                                   "Peran Anda tidak boleh mencatat pembayaran."))  # fmt: skip
        d.sukarela_button.setToolTip(self.tr("Pindahkan titipan ke simpanan sukarela anggota, "
                                             "dengan kuitansi setoran")
                                     if self.may_move else self.tr(
                                     "Peran Anda tidak boleh mencatat setoran."))  # fmt: skip
        self.may_print = any(can(user, a) for a in PRINT_ACTIONS)
        self.preview: QDialog | None = None  # the last printed schedule's preview
        d.print_button.clicked.connect(self.print_schedule)
        d.card_button.clicked.connect(self.print_card)
        d.print_button.setToolTip(self.tr("Cetak jadwal angsuran (tampil dulu sebagai pratinjau)")
                                  if self.may_print else self.tr(
                                  "Peran Anda tidak boleh membuat dokumen bernomor."))  # fmt: skip
        self.documents = LoanDocuments(view, view.services, user, lambda: view.today())
        self.documents.attach(d.documents_button)
        self.documents.jadwal_action.setVisible(False)  # Cetak Jadwal is its own button
        d.event_selected.connect(lambda _e: self.update_buttons())
        d.pay_button.setToolTip(self.tr("Catat angsuran yang dibayar anggota"))
        d.payoff_button.setToolTip(self.tr("Hitung dan terima pelunasan sebelum jatuh tempo"))
        d.waive_button.setToolTip(self.tr("Keringanan denda, dengan alasan dan persetujuan "
                                          "Ketua/Pengurus"))  # fmt: skip
        if not self.may_apply:
            view.new_button.setEnabled(False)
            view.new_button.setToolTip(self.tr("Peran Anda ({role}) tidak boleh mencatat "
                                               "pengajuan pinjaman.").format(
                role=user.role.label))  # fmt: skip

    # -- state ------------------------------------------------------------------------------------
    def loan(self) -> Loan | None:
        detail = self.view.detail.detail
        return detail.loan if detail else None

    def update_buttons(self) -> None:
        loan = self.loan()
        d = self.view.detail
        for button, (allowed, why, statuses) in self.rules.items():
            applies = loan is not None and loan.status in statuses
            button.setVisible(applies or button in (d.pay_button, d.reverse_button))
            button.setEnabled(allowed and applies)
            if not allowed:
                button.setToolTip(why)
        event = d.selected_event()
        reverse_allowed = self.rules[d.reverse_button][0]
        d.reverse_button.setEnabled(reverse_allowed and loan is not None and can_reverse(event))
        if reverse_allowed:
            d.reverse_button.setToolTip(self.tr(
                "Pilih dulu pembayaran di tab Pembayaran" if not can_reverse(event)
                else "Batalkan pembayaran yang dipilih"))  # fmt: skip
        detail = d.detail
        held = loan is not None and detail is not None and detail.titipan > 0
        d.refund_button.setVisible(held)
        d.refund_button.setEnabled(held and self.may_refund)
        d.sukarela_button.setVisible(held)
        d.sukarela_button.setEnabled(held and self.may_move)
        d.print_button.setVisible(loan is not None)
        d.card_button.setVisible(loan is not None)
        d.card_button.setEnabled(self.may_refund and loan is not None)
        d.documents_button.setVisible(loan is not None)
        self.documents.update(loan, event)
        d.print_button.setEnabled(
            self.may_print and loan is not None and loan.status != LoanStatus.DITOLAK
        )

    # -- dialogs ----------------------------------------------------------------------------------
    def open(self, dialog: QDialog, on_accept: Callable[[QDialog], None]) -> None:
        """Open a dialog without blocking; `on_accept(dialog)` runs after a successful save."""
        self.view.dialog = dialog
        dialog.accepted.connect(lambda: on_accept(dialog))
        dialog.finished.connect(lambda _: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: QDialog) -> None:
        if self.view.dialog is dialog:
            self.view.dialog = None
        dialog.deleteLater()

    def _reload(self, _dialog: QDialog) -> None:
        self.view.reload()

    def new_loan(self, member_id: int | None = None) -> None:
        view = self.view
        if not self.may_apply:
            messages.warn(view, self.tr("Tidak diizinkan"), view.new_button.toolTip())
            return
        wizard = LoanWizard(view.services, view.user, view.today(), member_id, view)
        self.open(wizard, self._loan_added)

    def _loan_added(self, dialog: QDialog) -> None:
        assert isinstance(dialog, LoanWizard) and dialog.saved is not None
        view, loan = self.view, dialog.saved
        # Show the new loan whatever the filters were.
        view.search_edit.blockSignals(True)
        view.search_edit.setText(loan.display_number)
        view.search_edit.blockSignals(False)
        view.quality_combo.setCurrentIndex(0)
        view.product_combo.setCurrentIndex(0)
        view.overdue_check.setChecked(False)
        view.set_status_filter(tuple(LoanStatus))
        view.run_search()
        view.select_loan(loan.id)

    def decide(self, approve: bool) -> None:
        loan = self.loan()
        if loan is not None:
            view = self.view
            self.open(DecisionDialog(view.services, view.user, loan, approve, view.today(), view),
                      self._reload)  # fmt: skip

    def disburse(self) -> None:
        loan = self.loan()
        if loan is not None:
            view = self.view
            self.open(DisburseDialog(view.services, view.user, loan, view.today(), view),
                      self._reload)  # fmt: skip

    def pay(self) -> None:
        loan = self.loan()
        if loan is not None:
            view = self.view
            self.open(PaymentDialog(view.services, view.user, loan, view.today(), view),
                      self._reload)  # fmt: skip

    def payoff(self) -> None:
        loan = self.loan()
        if loan is not None:
            view = self.view
            self.open(PayoffDialog(view.services, view.user, loan, view.today(), view),
                      self._reload)  # fmt: skip

    def waive(self) -> None:
        loan = self.loan()
        if loan is not None:
            view = self.view
            self.open(WaiverDialog(view.services, view.user, loan, view.today(), view),
                      self._reload)  # fmt: skip

    def reverse(self) -> None:
        loan, event = self.loan(), self.view.detail.selected_event()
        if loan is None or not can_reverse(event):
            return
        assert isinstance(event, Payment)
        view = self.view
        self.open(ReversePaymentDialog(view.services, view.user, loan, event, view.today(), view),
                  self._reload)  # fmt: skip

    def titipan(self, choice: str) -> None:
        loan = self.loan()
        if loan is not None:
            view = self.view
            self.open(TitipanDialog(view.services, view.user, loan, choice, view.today(), view),
                      self._reload)  # fmt: skip

    def print_schedule(self) -> None:
        loan = self.loan()
        if loan is None or not self.may_print:
            return
        from ui.views.loan_print import print_loan_schedule  # reportlab only when printing

        view = self.view
        self.preview = print_loan_schedule(view, view.services, view.user, loan.id, view.today())

    def print_card(self) -> None:
        loan = self.loan()
        if loan is not None and self.may_refund:
            from ui.dialogs.passbook_card_dialog import CardDialog

            title = f"{loan.number or loan.application_no}"
            self.open(CardDialog(self.view.services, self.view.user, loan.id, title,
                                 parent=self.view), lambda _d: None)  # fmt: skip
