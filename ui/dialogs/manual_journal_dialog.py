"""Jurnal Umum: a manual journal for what is not a member transaction. The lines grid shows
the debit and credit totals as they are typed; saving is refused with a plain message unless
they balance; above the approval amount the journal waits for a second person."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError, ValidationError
from app.ledger.manual import ManualResult
from app.ledger.models import Line
from app.money import format_rupiah
from app.services import Services
from app.users.models import User
from ui.views.books_parts import account_combo
from ui.widgets.date_edit import DateEdit
from ui.widgets.rupiah_edit import RupiahEdit

ACCOUNT, DEBIT, CREDIT = range(3)


class ManualJournalDialog(QDialog):
    def __init__(
        self, services: Services, user: User, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.journals = services.manual_journals
        self.result_: ManualResult | None = None
        self.setWindowTitle(self.tr("Jurnal Umum Baru"))
        form = QFormLayout()
        self.on = DateEdit(field="date")
        self.on.set_value(today)
        self.description = QLineEdit(objectName="description")
        self.description.setPlaceholderText(self.tr("mis. Listrik kantor bulan November"))
        form.addRow(self.tr("Tanggal"), self.on)
        form.addRow(self.tr("Keterangan"), self.description)
        self.grid = QTableWidget(0, 3, objectName="lines")
        self.grid.setHorizontalHeaderLabels([self.tr("Akun"), self.tr("Debet"), self.tr("Kredit")])
        self.grid.horizontalHeader().setSectionResizeMode(ACCOUNT, QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().hide()
        add = QPushButton(self.tr("Tambah Baris"), objectName="add_line")
        remove = QPushButton(self.tr("Hapus Baris"), objectName="remove_line")
        add.clicked.connect(self.add_line)
        remove.clicked.connect(self.remove_line)
        self.balance = QLabel(objectName="balance")
        self.error = QLabel(objectName="error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        limit = services.ledger.policy.approval_above
        self.hint = QLabel(
            self.tr(
                "Jurnal di atas {limit} menunggu persetujuan pengguna lain sebelum dibukukan."
            ).format(limit=format_rupiah(limit))
        )
        self.hint.setWordWrap(True)
        self.save = QPushButton(self.tr("Simpan"), objectName="save")
        cancel = QPushButton(self.tr("Batal"), objectName="cancel")
        self.save.clicked.connect(self.submit)
        cancel.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        row.addWidget(self.balance)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.grid, 1)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.add_line()
        self.add_line()
        self.resize(720, 460)

    # -- the grid --------------------------------------------------------------------------------
    def add_line(self) -> None:
        row = self.grid.rowCount()
        self.grid.insertRow(row)
        combo = account_combo(self.services, f"account_{row}")
        combo.setCurrentIndex(-1)
        self.grid.setCellWidget(row, ACCOUNT, combo)
        for column in (DEBIT, CREDIT):
            edit = RupiahEdit(field="debit" if column == DEBIT else "credit")
            edit.textChanged.connect(self.update_balance)
            self.grid.setCellWidget(row, column, edit)
        self.update_balance()

    def remove_line(self) -> None:
        row = self.grid.currentRow()
        if row < 0:
            row = self.grid.rowCount() - 1
        if self.grid.rowCount() > 2:
            self.grid.removeRow(row)
        self.update_balance()

    def set_line(self, row: int, account: str, debit: int = 0, credit: int = 0) -> None:
        """Fill one line (rows are added as needed)."""
        while self.grid.rowCount() <= row:
            self.add_line()
        combo = self.grid.cellWidget(row, ACCOUNT)
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(combo.findData(account))
        for column, value in ((DEBIT, debit), (CREDIT, credit)):
            edit = self.grid.cellWidget(row, column)
            assert isinstance(edit, RupiahEdit)
            edit.set_value(value or None)

    def _amount(self, row: int, column: int) -> int:
        edit = self.grid.cellWidget(row, column)
        assert isinstance(edit, RupiahEdit)
        return edit.value() if edit.text().strip() else 0

    def lines(self) -> list[Line]:
        out = []
        for row in range(self.grid.rowCount()):
            combo = self.grid.cellWidget(row, ACCOUNT)
            assert isinstance(combo, QComboBox)
            debit, credit = self._amount(row, DEBIT), self._amount(row, CREDIT)
            code = combo.currentData()
            if not code and (debit or credit):
                raise ValidationError(
                    self.tr("Baris {n}: pilih akunnya.").format(n=row + 1), "account"
                )
            if code and (debit or credit):
                out.append(Line(str(code), debit, credit))
        return out

    def totals(self) -> tuple[int, int]:
        debit = credit = 0
        for row in range(self.grid.rowCount()):
            try:
                debit += self._amount(row, DEBIT)
                credit += self._amount(row, CREDIT)
            except ValidationError:
                continue
        return debit, credit

    def update_balance(self) -> None:
        debit, credit = self.totals()
        text = self.tr("Debet {d} · Kredit {c}").format(
            d=format_rupiah(debit), c=format_rupiah(credit)
        )
        if debit == credit and debit:
            self.balance.setText(text + " · " + self.tr("seimbang"))
            self.balance.setStyleSheet("color: #1e6b2b;")
        else:
            diff = format_rupiah(abs(debit - credit))
            self.balance.setText(text + " · " + self.tr("selisih {d}").format(d=diff))
            self.balance.setStyleSheet("color: #b00020;")

    # -- saving ----------------------------------------------------------------------------------
    def submit(self) -> None:
        self.error.setText("")
        try:
            on = self.on.value()
            assert on is not None
            self.result_ = self.journals.submit(
                self.user, on, self.description.text(), self.lines()
            )
        except AppError as exc:
            self.error.setText(exc.message)
            return
        self.accept()
