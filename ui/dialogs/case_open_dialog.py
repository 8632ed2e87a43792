"""Buka Kasus by hand: find the loan (aktif or written off, without an open case), say why,
and optionally name the officer and the causes already known."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.collection.models import Case
from app.errors import AppError, ValidationError
from app.loans.models import LoanFilter, LoanStatus
from app.services import Services
from app.users.models import User
from ui.dialogs.case_parts import CausesPicker, officer_combo
from ui.dialogs.loan_dialog_parts import dialog_buttons, note_label
from ui.errors import show_error
from ui.export import install_export
from ui.models.loans_model import LoanColumn, LoansModel
from ui.widgets.form import FieldErrors

FIELDS = ("loan", "reason", "officer", "causes")


class OpenCaseDialog(QDialog):
    """`saved` is the case opened. `loan_id` preselects a loan (e.g. from the Beranda)."""

    def __init__(
        self,
        services: Services,
        user: User,
        today: date,
        parent: QWidget | None = None,
        loan_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.today = today
        self.saved: Case | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Buka Kasus Penanganan"))
        self.resize(900, 680)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.search)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note_label(
                self.tr(
                    "Kasus biasanya terbuka sendiri saat pinjaman menunggak melewati batas. Di "
                    "sini "
                    "kasus dibuka dengan tangan, misalnya anggota datang minta keringanan sebelum "
                    "menunggak jauh."
                )
            )
        )
        self.search_edit = QLineEdit(objectName="open_case_search")
        self.search_edit.setPlaceholderText(self.tr("Cari no. pinjaman, nama atau no. anggota…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        layout.addWidget(self.search_edit)
        self.model = LoansModel(services.loans, today, self)
        self.table = install_export(QTableView(objectName="open_case_loans"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(
            LoanColumn.MEMBER, QHeaderView.ResizeMode.Stretch
        )
        self.table.setMinimumHeight(180)
        layout.addWidget(self.table, 1)
        error = QLabel(objectName="error_loan")
        error.setStyleSheet("color: #b00020;")
        error.setWordWrap(True)
        error.hide()
        layout.addWidget(error)
        self.errors.register("loan", self.table, error)
        form = QFormLayout()
        self.reason_edit = QLineEdit(objectName="open_reason")
        self.reason_edit.setPlaceholderText(self.tr("misalnya: anggota datang minta keringanan"))
        self.officer = officer_combo(services, None, none_text=self.tr("(belum ditentukan)"))
        self.errors.add_row(form, self.tr("Alasan membuka kasus *"), "reason", self.reason_edit)
        self.errors.add_row(form, self.tr("Petugas"), "officer", self.officer)
        layout.addLayout(form)
        self.causes = CausesPicker(self.tr("Penyebab yang sudah diketahui (boleh kosong)"))
        layout.addWidget(self.causes)
        general = QLabel(objectName="error_general")
        self.errors.set_general(general)
        layout.addWidget(general)
        buttons, self.save_button = dialog_buttons(self, self.tr("Buka Kasus"), self.tr("Batal"))
        layout.addWidget(buttons)
        if loan_id is not None:
            loan = services.loans.get(loan_id)
            self.search_edit.setText(loan.display_number)
            self.reason_edit.setText(self.tr("Kolektibilitas memburuk"))
        self.search()
        self.search_edit.setFocus()

    def search(self) -> None:
        self._timer.stop()
        try:
            self.model.load(
                LoanFilter(
                    text=self.search_edit.text().strip(),
                    statuses=(LoanStatus.AKTIF, LoanStatus.HAPUS_BUKU),
                ),
                as_of=self.today,
                order="days",
            )
        except AppError as exc:
            show_error(self, exc, errors=self.errors, fields=())
            return
        if self.model.rowCount() >= 1:
            self.table.selectRow(0)

    def loan_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).loan_id if rows else None

    def accept(self) -> None:
        self.errors.clear()
        try:
            loan_id = self.loan_id()
            if loan_id is None:
                raise ValidationError("Pilih pinjamannya di daftar.", field="loan")
            self.saved = self.services.cases.open_case(
                self.user,
                loan_id,
                self.reason_edit.text(),
                self.today,
                officer_id=self.officer.currentData(),
                causes=self.causes.codes(),
            )
        except AppError as exc:
            show_error(self, exc, errors=self.errors, fields=FIELDS)
            return
        super().accept()
