"""A member's simpanan berjangka, for the "Simpanan Berjangka" section of the member's panel:
the placements with buttons to open one, print its bilyet, pay it out at maturity or withdraw
it early."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.documents import bilyet as bilyet_doc
from app.documents.kinds import DocKind
from app.documents.sources.berjangka import bilyet
from app.errors import AppError
from app.members.models import MemberStatus
from app.money import format_number, format_rupiah
from app.savings.berjangka import Deposit
from app.services import Services
from app.users.models import User
from app.users.permissions import Action, can
from ui.dialogs.berjangka_dialog import CloseBerjangkaDialog, OpenBerjangkaDialog
from ui.export import install_export
from ui.models.berjangka_model import BerjangkaColumn, BerjangkaModel
from ui.views.document_issuer import DocumentIssuer


class MemberBerjangkaWidget(QWidget):
    """The member's placements, newest first; `changed` after a placement was saved."""

    changed = Signal()

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
        self.summary.setObjectName("member_berjangka_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = BerjangkaModel(self)
        self.table = install_export(QTableView())
        self.table.setObjectName("member_berjangka_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(BerjangkaColumn.STATUS, QHeaderView.ResizeMode.Stretch)
        for column in (BerjangkaColumn.START, BerjangkaColumn.RATE):
            self.table.hideColumn(column)  # the panel is narrow: both are in the row's tooltip
        self.table.setMinimumHeight(90)
        layout.addWidget(self.table)
        rows = QGridLayout()  # two by two: four buttons in a row are wider than the panel
        self.open_button = QPushButton(self.tr("Buka Simpanan Berjangka"))
        self.open_button.setObjectName("berjangka_open")
        self.bilyet_button = QPushButton(self.tr("Cetak Bilyet"))
        self.bilyet_button.setObjectName("berjangka_bilyet")
        self.payout_button = QPushButton(self.tr("Cairkan Jatuh Tempo"))
        self.payout_button.setObjectName("berjangka_payout")
        self.early_button = QPushButton(self.tr("Cairkan Sebelum Jatuh Tempo"))
        self.early_button.setObjectName("berjangka_early")
        rows.addWidget(self.open_button, 0, 0)
        rows.addWidget(self.bilyet_button, 0, 1)
        rows.addWidget(self.payout_button, 1, 0)
        rows.addWidget(self.early_button, 1, 1)
        rows.setColumnStretch(2, 1)
        layout.addLayout(rows)
        self.issuer = DocumentIssuer(self, services, user, lambda: self.today())
        self.open_button.clicked.connect(self.open_new)
        self.bilyet_button.clicked.connect(self.print_bilyet)
        self.payout_button.clicked.connect(lambda: self.close_selected(early=False))
        self.early_button.clicked.connect(lambda: self.close_selected(early=True))
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.set_member(member_id)

    def set_member(self, member_id: int) -> None:
        self.member_id = member_id
        self.refresh()

    def refresh(self) -> None:
        try:
            rows = self.services.berjangka.of_member(self.member_id)
            member = self.services.members.get(self.member_id)
        except AppError as exc:
            self.summary.setText(exc.message)
            return
        self.model.set_rows(rows)
        running = [d for d in rows if d.is_open]
        if not rows:
            self.summary.setText(
                self.tr(
                    "Belum ada simpanan berjangka. Klik Buka Simpanan Berjangka untuk "
                    "mencatat yang pertama."
                )
            )
        else:
            self.summary.setText(
                self.tr("{n} simpanan berjangka berjalan, pokok {amount}.").format(
                    n=format_number(len(running)),
                    amount=format_rupiah(sum(d.principal for d in running)),
                )
            )
        self.table.setVisible(bool(rows))
        allowed = can(self.user, Action.SAVINGS_TRANSACTION)
        self.open_button.setEnabled(allowed and member.status == MemberStatus.AKTIF)
        if running and not self.table.selectionModel().selectedRows():
            first = next(n for n, d in enumerate(self.model.rows()) if d.is_open)
            self.table.selectRow(first)
        self._update_buttons()

    def selected(self) -> Deposit | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self, *_: object) -> None:
        deposit = self.selected()
        allowed = can(self.user, Action.SAVINGS_TRANSACTION)
        running = deposit is not None and deposit.is_open
        due = running and deposit is not None and deposit.maturity_on <= self.today()
        self.bilyet_button.setEnabled(deposit is not None and self.issuer.allowed)
        self.payout_button.setEnabled(allowed and due)
        self.early_button.setEnabled(allowed and running and not due)

    def open_new(self) -> None:
        member = self.services.members.get(self.member_id)
        dialog = OpenBerjangkaDialog(self.services, self.user, member, self.today(), self)
        self._run(dialog)

    def close_selected(self, early: bool) -> None:
        deposit = self.selected()
        if deposit is None:
            return
        dialog = CloseBerjangkaDialog(self.services, self.user, deposit, early, self.today(), self)
        self._run(dialog)

    def print_bilyet(self) -> None:
        deposit = self.selected()
        if deposit is None:
            return
        self.issuer.issue(
            DocKind.BILYET_BERJANGKA,
            lambda: bilyet(self.services, deposit.id, self.today()),
            bilyet_doc.render,
        )

    def _run(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(self._saved)
        dialog.finished.connect(lambda _: dialog.deleteLater())
        dialog.open()

    def _saved(self) -> None:
        self.dialog = None
        self.refresh()
        self.changed.emit()
