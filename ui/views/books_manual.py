"""Pembukuan → Jurnal Umum: a new manual journal, and the ones waiting for a second person's
approval ("Menunggu persetujuan") with Setujui / Tolak for another user."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.money import format_rupiah
from app.services import Services
from app.users.models import User
from app.users.permissions import Action, can
from ui.dialogs.manual_journal_dialog import ManualJournalDialog
from ui.models.books_model import PendingJournalsModel
from ui.views.books_parts import ShowDialog, exec_dialog, selected_source_row, table


class ManualJournalsTab(QWidget):
    def __init__(self, services: Services, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.show_dialog: ShowDialog = exec_dialog
        self.last_dialog: ManualJournalDialog | None = None
        self.journals = services.manual_journals
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.new_button = QPushButton(self.tr("Jurnal Umum Baru…"), objectName="new_manual")
        self.new_button.clicked.connect(self.new_journal)
        top.addWidget(self.new_button)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("<b>Menunggu persetujuan</b>")))
        self.model = PendingJournalsModel()
        self.table = table(self.model, "pending_table", self, 2)
        layout.addWidget(self.table, 1)
        self.lines_label = QLabel(objectName="pending_lines")
        self.lines_label.setWordWrap(True)
        layout.addWidget(self.lines_label)
        actions = QHBoxLayout()
        self.note = QLabel(objectName="manual_note")
        self.note.setWordWrap(True)
        actions.addWidget(self.note, 1)
        self.reason = QLineEdit(objectName="reject_reason")
        self.reason.setPlaceholderText(self.tr("Alasan bila ditolak"))
        actions.addWidget(self.reason)
        self.approve_button = QPushButton(self.tr("Setujui"), objectName="approve")
        self.reject_button = QPushButton(self.tr("Tolak"), objectName="reject")
        self.approve_button.clicked.connect(self.approve)
        self.reject_button.clicked.connect(self.reject)
        actions.addWidget(self.approve_button)
        actions.addWidget(self.reject_button)
        layout.addLayout(actions)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self._selected()

    def refresh(self) -> None:
        self.model.user_names = {u.id: u.display for u in self.services.users.all()}
        self.model.set_rows(self.journals.pending())
        self._selected()

    def _current(self) -> int | None:
        row = selected_source_row(self.table)
        return None if row is None else self.model.row_at(row).id

    def _selected(self, *_: object) -> None:
        row = selected_source_row(self.table)
        pending = None if row is None else self.model.row_at(row)
        mine = pending is not None and pending.requested_by == self.user.id
        may = can(self.user, Action.APPROVE)
        for widget in (self.approve_button, self.reject_button, self.reason):
            widget.setEnabled(pending is not None and not mine and may)
        if pending is None:
            self.lines_label.setText(
                self.tr("Pilih jurnal untuk melihat barisnya.")
                if self.model.rowCount()
                else self.tr("Tidak ada jurnal yang menunggu persetujuan.")
            )
            return
        names = {a.code: a.name for a in self.services.ledger.accounts.chart()}
        parts = [
            f"{x.account} {names.get(x.account, '')}: "
            + (f"D {format_rupiah(x.debit)}" if x.debit else f"K {format_rupiah(x.credit)}")
            for x in pending.lines
        ]
        text = " · ".join(parts)
        if mine:
            text += " — " + self.tr("Anda yang mengajukan: harus disetujui pengguna lain.")
        elif not may:
            text += " — " + self.tr("Hanya Ketua/Pengurus yang boleh menyetujui jurnal.")
        self.lines_label.setText(text)

    def new_journal(self, today: date | None = None) -> None:
        dialog = ManualJournalDialog(self.services, self.user, today or date.today(), self)
        self.last_dialog = dialog
        self.show_dialog(dialog)
        result = dialog.result_
        if result is None:
            return
        if result.journal_id is None:
            self.note.setText(
                self.tr(
                    "Jurnal disimpan dan menunggu persetujuan pengguna lain (pengajuan {n})."
                ).format(n=result.request_id)
            )
        else:
            number = self.services.ledger.journal(result.journal_id).number
            self.note.setText(self.tr("Jurnal {number} dibukukan.").format(number=number))
        self.refresh()

    def approve(self) -> None:
        request = self._current()
        if request is None:
            return
        try:
            journal_id = self.journals.approve(self.user, request)
        except AppError as exc:
            self.note.setText(exc.message)
            return
        number = self.services.ledger.journal(journal_id).number
        self.note.setText(self.tr("Disetujui: jurnal {number} dibukukan.").format(number=number))
        self.refresh()

    def reject(self) -> None:
        request = self._current()
        if request is None:
            return
        reason = " ".join(self.reason.text().split())
        if not reason:
            self.note.setText(self.tr("Tulis alasan penolakan dulu."))
            self.reason.setFocus()
            return
        try:
            self.journals.reject(self.user, request, reason)
        except AppError as exc:
            self.note.setText(exc.message)
            return
        self.reason.clear()
        self.note.setText(self.tr("Pengajuan {n} ditolak.").format(n=request))
        self.refresh()
