"""A member's loans, for the "Pinjaman" section of the member's detail panel."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.loans.models import LoanFilter, LoanStatus
from app.money import format_number, format_rupiah
from app.services import Services
from app.users.models import User
from app.users.permissions import Action, can
from ui.dialogs.loan_wizard import LoanWizard
from ui.export import install_export
from ui.models.loans_model import LoanColumn, LoansModel
from ui.widgets.quality_badge import QualityDelegate
from ui.widgets.wrapping_header import WrappingHeader


class MemberLoansWidget(QWidget):
    """The member's loans, newest first, with a button for a new loan for this member.

    `loan_activated(loan_id)` is emitted on double-click/Enter, for the window to open the loan
    in the Pinjaman section; `loan_saved(loan_id)` after the wizard saved a new one."""

    loan_activated = Signal(int)
    loan_saved = Signal(int)

    def __init__(
        self, services: Services, user: User, member_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.today: Callable[[], date] = date.today
        self.member_id = member_id
        self.dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setObjectName("member_loans_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = LoansModel(services.loans, self.today(), self)
        self.model.set_policy_name(services.loans.quality.policy().name)
        self.table = install_export(QTableView())
        self.table.setObjectName("member_loans_table")
        self.table.setHorizontalHeader(WrappingHeader(self.table))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(LoanColumn.QUALITY, QualityDelegate(self.table))
        self.table.hideColumn(LoanColumn.MEMBER)
        self.table.hideColumn(LoanColumn.DAYS)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The loan number gives way (elided, whole in its tooltip) so that the amounts, the
        # class and the status fit the detail panel without sideways scrolling.
        header.setSectionResizeMode(LoanColumn.NUMBER, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(110)
        self.table.activated.connect(self._activated)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("Pinjaman Baru untuk Anggota Ini"))
        self.new_button.setObjectName("member_new_loan")
        self.new_button.clicked.connect(self.new_loan)
        if not (can(user, Action.PROPOSE) or can(user, Action.EDIT_MEMBERS)):
            self.new_button.setEnabled(False)
            self.new_button.setToolTip(self.tr("Peran Anda tidak boleh mencatat pengajuan "
                                               "pinjaman."))  # fmt: skip
        row.addWidget(self.new_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.set_member(member_id)

    def set_member(self, member_id: int) -> None:
        """Show another member's loans (the panel keeps one widget and reuses it)."""
        self.member_id = member_id
        self.refresh()

    def refresh(self) -> None:
        filters = LoanFilter(member_id=self.member_id, statuses=tuple(LoanStatus))
        try:
            self.model.load(filters, as_of=self.today(), order="newest")
        except AppError as exc:
            self.summary.setText(exc.message)
            return
        rows = [self.model.row_at(r) for r in range(self.model.rowCount())]
        active = [r for r in rows if r.status == LoanStatus.AKTIF]
        if not rows:
            self.summary.setText(self.tr("Anggota ini belum pernah meminjam."))
        elif not active:
            self.summary.setText(self.tr("{n} pinjaman, tidak ada yang aktif.").format(
                n=len(rows)))  # fmt: skip
        else:
            late = [r for r in active if r.days_past_due > 0]
            text = self.tr("{n} pinjaman aktif, sisa pokok {amount}.").format(
                n=format_number(len(active)),
                amount=format_rupiah(sum(r.outstanding for r in active)),
            )
            if late:
                text += " " + self.tr("Menunggak {amount} (paling lama {days} hari).").format(
                    amount=format_rupiah(sum(r.arrears_total for r in late)),
                    days=format_number(max(r.days_past_due for r in late)))  # fmt: skip
            self.summary.setText(text)
        self.table.setVisible(bool(rows))

    def _activated(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.loan_activated.emit(self.model.row_at(rows[0].row()).loan_id)

    def new_loan(self) -> None:
        wizard = LoanWizard(self.services, self.user, self.today(), self.member_id, self)
        self.dialog = wizard
        wizard.accepted.connect(lambda: self._saved(wizard))
        wizard.finished.connect(lambda _: wizard.deleteLater())
        wizard.open()

    def _saved(self, wizard: LoanWizard) -> None:
        self.dialog = None
        self.refresh()
        if wizard.saved is not None:
            self.loan_saved.emit(wizard.saved.id)


def member_loans_widget(services: Services, user: User, member_id: int) -> MemberLoansWidget:
    """What the member's detail panel embeds in its "Pinjaman" section."""
    return MemberLoansWidget(services, user, member_id)
