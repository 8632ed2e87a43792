"""Tambah Aset Tetap: a purchase (posts Dr 130x / Cr Kas or Bank) or an asset the cooperative
already owned when it started using Mufakat (in the opening balances: no journal)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.assets.depreciation import ACCOUNTS, ORIGIN_OPENING, ORIGIN_PURCHASE, Asset, NewAsset
from app.assets.service import MAX_LIFE
from app.errors import AppError, ValidationError
from app.ledger.closing import parse_month
from app.services import Services
from app.users.models import User
from ui.dialogs.loan_dialog_parts import dialog_buttons, note_label
from ui.errors import show_error
from ui.widgets.date_edit import DateEdit
from ui.widgets.form import FieldErrors
from ui.widgets.rupiah_edit import RupiahEdit

FIELDS = (
    "name", "account", "acquired_on", "cost", "life_months", "residual", "origin", "method",
    "opening_month",
)  # fmt: skip


class AssetDialog(QDialog):
    """`saved` is the asset registered."""

    def __init__(
        self, services: Services, user: User, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.saved: Asset | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Tambah Aset Tetap"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(note_label(self.tr(
            "Penyusutan garis lurus mulai bulan sesudah bulan perolehan. Tanah tidak "
            "disusutkan dan tidak dicatat di sini.")))  # fmt: skip
        form = QFormLayout()
        layout.addLayout(form)
        self.name_edit = QLineEdit(objectName="asset_name")
        self.account_combo = QComboBox(objectName="asset_account")
        for code, name in ACCOUNTS.items():
            self.account_combo.addItem(f"{code} {name}", code)
        self.acquired_edit = DateEdit(field="acquired_on")
        self.acquired_edit.set_value(today)
        self.cost_edit = RupiahEdit(field="cost")
        self.life_spin = QSpinBox(objectName="asset_life")
        self.life_spin.setRange(1, MAX_LIFE)
        self.life_spin.setValue(48)
        self.residual_edit = RupiahEdit(field="residual")
        self.residual_edit.set_value(0)
        self.origin_combo = QComboBox(objectName="asset_origin")
        self.origin_combo.addItem(self.tr("Pembelian baru"), ORIGIN_PURCHASE)
        self.origin_combo.addItem(self.tr("Sudah dimiliki saat mulai (saldo awal)"), ORIGIN_OPENING)
        self.method_combo = QComboBox(objectName="asset_method")
        self.method_combo.addItem(self.tr("Tunai"), "tunai")
        self.method_combo.addItem(self.tr("Transfer"), "transfer")
        self.opening_edit = QLineEdit(objectName="asset_opening_month")
        self.opening_edit.setPlaceholderText(self.tr("TTTT-BB, bulan saldo awal"))
        rows = (
            (self.tr("Nama aset *"), "name", self.name_edit),
            (self.tr("Jenis *"), "account", self.account_combo),
            (self.tr("Tanggal perolehan *"), "acquired_on", self.acquired_edit),
            (self.tr("Harga perolehan (Rp) *"), "cost", self.cost_edit),
            (self.tr("Umur manfaat (bulan) *"), "life_months", self.life_spin),
            (self.tr("Nilai sisa (Rp)"), "residual", self.residual_edit),
            (self.tr("Asal *"), "origin", self.origin_combo),
            (self.tr("Cara bayar"), "method", self.method_combo),
            (self.tr("Saldo awal per bulan"), "opening_month", self.opening_edit),
        )
        for caption, name, widget in rows:
            self.errors.add_row(form, caption, name, widget)
        self.origin_combo.currentIndexChanged.connect(lambda _: self._origin_changed())
        self._origin_changed()
        general = QLabel()
        self.errors.set_general(general)
        layout.addWidget(general)
        buttons, self.save_button = dialog_buttons(self, self.tr("Simpan"), self.tr("Batal"))
        layout.addWidget(buttons)

    def _origin_changed(self) -> None:
        purchase = self.origin_combo.currentData() == ORIGIN_PURCHASE
        self.method_combo.setEnabled(purchase)
        self.opening_edit.setEnabled(not purchase)

    def _opening_month(self) -> str | None:
        if self.origin_combo.currentData() == ORIGIN_PURCHASE:
            return None
        text = self.opening_edit.text().strip()
        if not text:
            raise ValidationError("Isi bulan saldo awal, mis. 2025-12.", "opening_month")
        try:
            year, month = parse_month(text)
        except ValidationError as exc:
            raise ValidationError(exc.message, "opening_month") from None
        return f"{year:04d}-{month:02d}"

    def new_asset(self) -> NewAsset:
        acquired = self.acquired_edit.value()
        if acquired is None:
            raise ValidationError("Isi tanggal perolehan.", "acquired_on")
        purchase = self.origin_combo.currentData() == ORIGIN_PURCHASE
        return NewAsset(
            name=self.name_edit.text(),
            account=str(self.account_combo.currentData()),
            acquired_on=acquired,
            cost=self.cost_edit.value(),
            life_months=self.life_spin.value(),
            residual=self.residual_edit.value(),
            origin=str(self.origin_combo.currentData()),
            method=str(self.method_combo.currentData()) if purchase else None,
            opening_month=self._opening_month(),
        )

    def accept(self) -> None:
        self.errors.clear()
        try:
            self.saved = self.services.assets.register(self.user, self.new_asset())
        except ValidationError as exc:
            show_error(self, exc, errors=self.errors, fields=FIELDS)
            return
        except AppError as exc:
            show_error(self, exc, errors=self.errors, fields=())
            return
        super().accept()
