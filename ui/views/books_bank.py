"""Pembukuan → Rekonsiliasi Bank: the bank statement's balance against the ledger of one bank
account; the items the bank has not cleared are listed, and the ones on the statement are
marked as cleared (select them, then Tandai Cocok)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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
from ui.models.books_model import BankItemsModel
from ui.views.books_parts import table
from ui.widgets.date_edit import DateEdit
from ui.widgets.rupiah_edit import RupiahEdit


class BankReconTab(QWidget):
    def __init__(
        self, services: Services, user: User, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.rec = services.bank_rec
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.account = QComboBox(objectName="bank_account")
        top.addWidget(QLabel(self.tr("Rekening")))
        top.addWidget(self.account)
        self.on = DateEdit(field="statement_date")
        self.on.set_value(today)
        top.addWidget(QLabel(self.tr("Tanggal rekening koran")))
        top.addWidget(self.on)
        self.balance = RupiahEdit(field="statement_balance")
        top.addWidget(QLabel(self.tr("Saldo rekening koran")))
        top.addWidget(self.balance)
        show = QPushButton(self.tr("Cocokkan"), objectName="bank_show")
        show.clicked.connect(self.refresh)
        top.addWidget(show)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Belum cocok dengan rekening koran:")))
        self.model = BankItemsModel()
        self.table = table(self.model, "bank_table", self, 2)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        layout.addWidget(self.table, 1)
        self.summary = QLabel(objectName="bank_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        row = QHBoxLayout()
        self.message = QLabel(objectName="bank_message")
        self.message.setWordWrap(True)
        row.addWidget(self.message, 1)
        self.clear_button = QPushButton(
            self.tr("Tandai Cocok (baris terpilih)"), objectName="bank_clear"
        )
        self.clear_button.clicked.connect(self.mark_cleared)
        row.addWidget(self.clear_button)
        layout.addLayout(row)
        self.reload_accounts()

    def reload_accounts(self) -> None:
        current = self.account.currentData()
        self.account.clear()
        for code, name in self.rec.bank_accounts():
            self.account.addItem(f"{code}  {name}", code)
        index = self.account.findData(current)
        self.account.setCurrentIndex(max(index, 0))

    def _inputs(self) -> tuple[str, date, int]:
        on = self.on.value() or date.today()
        balance = self.balance.value() if self.balance.text().strip() else 0
        return str(self.account.currentData() or ""), on, balance

    def refresh(self) -> None:
        try:
            code, on, balance = self._inputs()
            if not code:
                self.summary.setText(self.tr("Belum ada rekening bank (Pengaturan → Akun)."))
                return
            rec = self.rec.reconcile(code, on, balance)
        except AppError as exc:
            self.message.setText(exc.message)
            return
        self.model.set_rows(list(rec.unmatched))
        status = (
            self.tr("COCOK")
            if rec.reconciled
            else self.tr("selisih {d}").format(d=format_rupiah(rec.difference))
        )
        self.summary.setText(
            self.tr(
                "Saldo buku {l} · sudah cocok {c} · setoran belum tercatat di bank {i} · "
                "pembayaran belum tercatat di bank {o} · saldo rekening koran {s}: {status}"
            ).format(
                l=format_rupiah(rec.ledger_balance),
                c=format_rupiah(rec.cleared_balance),
                i=format_rupiah(rec.in_transit),
                o=format_rupiah(rec.outstanding),
                s=format_rupiah(rec.statement_balance),
                status=status,
            )
        )

    def selected_lines(self) -> list[int]:
        proxy = self.table.model()
        assert isinstance(proxy, QSortFilterProxyModel)
        rows = self.table.selectionModel().selectedRows()
        return [self.model.row_at(proxy.mapToSource(r).row()).line_id for r in rows]

    def mark_cleared(self) -> None:
        lines = self.selected_lines()
        if not lines:
            self.message.setText(self.tr("Pilih baris yang tercantum di rekening koran."))
            return
        try:
            code, on, balance = self._inputs()
            self.rec.record_statement(self.user, code, on, balance, lines)
        except AppError as exc:
            self.message.setText(exc.message)
            return
        self.message.setText(self.tr("{n} baris ditandai cocok.").format(n=len(lines)))
        self.refresh()
