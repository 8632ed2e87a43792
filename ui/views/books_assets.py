"""Pembukuan → Aset Tetap: the fixed-asset register at a date (cost, accumulated depreciation,
book value) and "Tambah Aset…". The monthly depreciation runs from Proses Akhir Bulan."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.errors import AppError
from app.money import format_rupiah
from app.services import Services
from app.users.models import User
from app.users.permissions import Action, can
from ui.dialogs.asset_dialog import AssetDialog
from ui.models.assets_model import AssetColumn, AssetsModel
from ui.views.books_parts import ShowDialog, exec_dialog, table
from ui.widgets.date_edit import DateEdit


class AssetsTab(QWidget):
    def __init__(
        self, services: Services, user: User, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.today = today
        self.show_dialog: ShowDialog = exec_dialog
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Per tanggal")))
        self.as_of = DateEdit(field="as_of")
        self.as_of.set_value(today)
        top.addWidget(self.as_of)
        show = QPushButton(self.tr("Tampilkan"), objectName="assets_show")
        show.clicked.connect(self.refresh)
        top.addWidget(show)
        self.add_button = QPushButton(self.tr("Tambah Aset…"), objectName="assets_add")
        self.add_button.clicked.connect(self.add_asset)
        self.add_button.setEnabled(can(user, Action.MONTH_END))
        top.addWidget(self.add_button)
        top.addStretch(1)
        layout.addLayout(top)
        self.model = AssetsModel()
        layout.addWidget(table(self.model, "assets_table", self, stretch=AssetColumn.NAME), 1)
        self.summary = QLabel(objectName="assets_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

    def refresh(self) -> None:
        try:
            as_of = self.as_of.value() or self.today
        except AppError as exc:
            self.summary.setText(exc.message)
            return
        rows = self.services.assets.rows(as_of)
        self.model.set_rows(rows)
        self.summary.setText(
            self.tr(
                "{n} aset: harga perolehan {c}, akumulasi penyusutan {a}, nilai buku {b}."
            ).format(
                n=len(rows),
                c=format_rupiah(sum(r.asset.cost for r in rows)),
                a=format_rupiah(sum(r.accumulated for r in rows)),
                b=format_rupiah(sum(r.book_value for r in rows)),
            )
        )

    def add_asset(self) -> None:
        dialog = AssetDialog(self.services, self.user, self.today, self)
        self.show_dialog(dialog)
        if dialog.saved is not None:
            self.refresh()
