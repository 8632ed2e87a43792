"""Pembukuan → Kas Harian: the day's cash in and out with running balance, and the daily cash
count (kas opname) that books any difference as a journal of its own."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.money import format_rupiah
from app.services import Services
from app.users.models import User
from ui.models.books_model import LedgerPageModel
from ui.views.books_parts import table
from ui.widgets.date_edit import DateEdit
from ui.widgets.rupiah_edit import RupiahEdit


class CashDayTab(QWidget):
    def __init__(
        self, services: Services, user: User, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.book = services.cashbook
        self.closing = 0
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Tanggal")))
        self.on = DateEdit(field="date")
        self.on.set_value(today)
        self.on.editingFinished.connect(self.refresh)
        show = QPushButton(self.tr("Tampilkan"), objectName="cash_show")
        show.clicked.connect(self.refresh)
        top.addWidget(self.on)
        top.addWidget(show)
        top.addStretch(1)
        layout.addLayout(top)
        self.opening = QLabel(objectName="cash_opening")
        layout.addWidget(self.opening)
        self.model = LedgerPageModel()
        layout.addWidget(table(self.model, "cash_table", self, 2), 1)
        self.totals = QLabel(objectName="cash_totals")
        layout.addWidget(self.totals)
        box = QGroupBox(self.tr("Kas opname (hitung uang tunai di laci/brankas)"))
        row = QHBoxLayout(box)
        row.addWidget(QLabel(self.tr("Uang dihitung")))
        self.counted = RupiahEdit(field="counted")
        self.counted.textChanged.connect(self._preview)
        row.addWidget(self.counted)
        self.difference = QLabel(objectName="cash_difference")
        row.addWidget(self.difference, 1)
        self.count_button = QPushButton(self.tr("Catat Kas Opname"), objectName="cash_count")
        self.count_button.clicked.connect(self.record_count)
        row.addWidget(self.count_button)
        layout.addWidget(box)
        self.message = QLabel(objectName="cash_message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

    def day(self) -> date:
        return self.on.value() or date.today()

    def refresh(self) -> None:
        try:
            on = self.day()
            page = self.book.day(on)
        except AppError as exc:
            self.message.setText(exc.message)
            return
        self.model.set_rows(page.rows)
        self.closing = page.closing
        self.opening.setText(self.tr("Saldo awal hari: {a}").format(a=format_rupiah(page.opening)))
        cash_in = sum(r.debit for r in page.rows)
        cash_out = sum(r.credit for r in page.rows)
        self.totals.setText(
            self.tr("Masuk {i} · Keluar {o} · Saldo akhir hari {c}").format(
                i=format_rupiah(cash_in), o=format_rupiah(cash_out), c=format_rupiah(page.closing)
            )
            if page.rows
            else self.tr("Tidak ada transaksi kas pada hari ini. Saldo {c}.").format(
                c=format_rupiah(page.closing)
            )
        )
        done = self.book.counted(on) is not None
        self.count_button.setEnabled(not done)
        self.counted.setEnabled(not done)
        if done:
            journal = self.services.ledger.journal(self.book.counted(on) or 0)
            self.difference.setText(self.tr("Sudah dicatat: {t}").format(t=journal.description))
        else:
            self._preview()

    def _preview(self) -> None:
        if not self.counted.text().strip():
            self.difference.setText("")
            return
        try:
            diff = self.counted.value() - self.closing
        except AppError as exc:
            self.difference.setText(exc.message)
            return
        if diff == 0:
            self.difference.setText(self.tr("Cocok dengan buku."))
        elif diff > 0:
            self.difference.setText(self.tr("Lebih {d}").format(d=format_rupiah(diff)))
        else:
            self.difference.setText(self.tr("Kurang {d}").format(d=format_rupiah(-diff)))

    def record_count(self) -> None:
        try:
            result = self.book.count(self.user, self.day(), self.counted.value())
        except AppError as exc:
            self.message.setText(exc.message)
            return
        journal = self.services.ledger.journal(result.journal_id)
        self.message.setText(
            self.tr("Kas opname dicatat ({number}): {text}").format(
                number=journal.number, text=journal.description
            )
        )
        self.counted.clear()
        self.refresh()
