"""Pengaturan → Umum: formats, number patterns, savings amounts (simpanan berjangka too),
backups, log-in lock-out."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError, ValidationError
from app.money import format_number, parse_rupiah
from app.numbering import format_pattern, validate_pattern
from app.services import Services
from app.settings.profile import RUPIAH_STYLES
from app.users.models import User
from app.users.permissions import Action, can
from ui.errors import show_error
from ui.views.settings.berjangka_group import BerjangkaGroup
from ui.widgets.form import FieldErrors

PATTERN_KEYS = ("members.number_pattern", "savings.receipt_pattern")
MONEY_KEYS = ("savings.pokok_amount", "savings.wajib_monthly")


class GeneralTab(QWidget):
    saved = Signal()

    def __init__(self, services: Services, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.errors = FieldErrors()
        self.previews: dict[str, QLabel] = {}
        outer = QVBoxLayout(self)
        content = QWidget()
        columns = QHBoxLayout(content)

        left = QVBoxLayout()
        formats = QGroupBox(self.tr("Penulisan dan penomoran"))
        form = QFormLayout(formats)
        self.rupiah_style = QComboBox(objectName="format.rupiah_style")
        for key, label in RUPIAH_STYLES.items():
            self.rupiah_style.addItem(label, key)
        self.timezone = QComboBox(objectName="format.timezone")
        self.timezone.addItems(["WIB", "WITA", "WIT"])
        self.errors.add_row(
            form, self.tr("Penulisan rupiah"), "format.rupiah_style", self.rupiah_style
        )
        self.errors.add_row(form, self.tr("Zona waktu"), "format.timezone", self.timezone)
        self.patterns: dict[str, QLineEdit] = {}
        for key, label in (
            ("members.number_pattern", self.tr("Pola No. Anggota")),
            ("savings.receipt_pattern", self.tr("Pola nomor kuitansi simpanan")),
        ):
            edit = QLineEdit(objectName=key)
            edit.textChanged.connect(lambda _text, k=key: self._preview(k))
            self.patterns[key] = edit
            self.errors.add_row(form, label, key, edit)
            preview = QLabel()
            preview.setStyleSheet("color: #555;")
            self.previews[key] = preview
            form.addRow("", preview)
        hint = QLabel(
            self.tr(
                "Isian pola: {seq:05} nomor urut 5 angka, {year} tahun, {yy} tahun 2 angka, "
                "{month} bulan, {roman_month} bulan Romawi, {coop_code} kode koperasi."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        form.addRow("", hint)
        left.addWidget(formats)

        savings = QGroupBox(self.tr("Simpanan"))
        savings_form = QFormLayout(savings)
        self.money: dict[str, QLineEdit] = {}
        for key, label in (
            ("savings.pokok_amount", self.tr("Simpanan Pokok (sekali)")),
            ("savings.wajib_monthly", self.tr("Simpanan Wajib per bulan")),
        ):
            edit = QLineEdit(objectName=key)
            self.money[key] = edit
            self.errors.add_row(savings_form, label, key, edit)
        left.addWidget(savings)
        left.addStretch()

        right = QVBoxLayout()
        backup = QGroupBox(self.tr("Cadangan otomatis"))
        backup_form = QFormLayout(backup)
        self.auto_backup = QCheckBox(
            self.tr("Simpan cadangan setiap kali program ditutup"),
            objectName="backup.auto_on_close",
        )
        self.keep = QSpinBox(objectName="backup.keep")
        self.keep.setRange(1, 365)
        self.keep.setSuffix(self.tr(" cadangan"))
        self.errors.add_row(backup_form, "", "backup.auto_on_close", self.auto_backup)
        self.errors.add_row(backup_form, self.tr("Simpan yang terakhir"), "backup.keep", self.keep)
        right.addWidget(backup)

        security = QGroupBox(self.tr("Keamanan masuk"))
        security_form = QFormLayout(security)
        self.max_failed = QSpinBox(objectName="security.max_failed_logins")
        self.max_failed.setRange(3, 20)
        self.max_failed.setSuffix(self.tr(" kali salah"))
        self.lockout = QSpinBox(objectName="security.lockout_minutes")
        self.lockout.setRange(1, 1440)
        self.lockout.setSuffix(self.tr(" menit"))
        self.errors.add_row(
            security_form,
            self.tr("Kunci akun setelah"),
            "security.max_failed_logins",
            self.max_failed,
        )
        self.errors.add_row(
            security_form, self.tr("Lama terkunci"), "security.lockout_minutes", self.lockout
        )
        right.addWidget(security)
        self.berjangka = BerjangkaGroup(self.errors)
        right.addWidget(self.berjangka)
        right.addStretch()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer.addWidget(scroll, 1)
        general = QLabel()
        self.errors.set_general(general)
        outer.addWidget(general)
        row = QHBoxLayout()
        self.done_label = QLabel(objectName="general_done")
        self.done_label.setStyleSheet("color: #1b5e20;")
        self.save_button = QPushButton(self.tr("Simpan Pengaturan"))
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.done_label, 1)
        row.addWidget(self.save_button)
        outer.addLayout(row)
        if not can(user, Action.EDIT_SETTINGS):
            content.setEnabled(False)
            self.save_button.setEnabled(False)
            self.save_button.setToolTip(
                self.tr("Hanya Admin atau Pengurus yang boleh mengubah pengaturan.")
            )
        self.reload()

    def reload(self) -> None:
        get = self.services.settings.get
        self.rupiah_style.setCurrentIndex(self.rupiah_style.findData(get("format.rupiah_style")))
        self.timezone.setCurrentText(str(get("format.timezone")))
        for key, edit in self.patterns.items():
            edit.setText(str(get(key)))
        for key, edit in self.money.items():
            edit.setText(format_number(int(get(key))))
        self.auto_backup.setChecked(bool(get("backup.auto_on_close")))
        self.keep.setValue(int(get("backup.keep")))
        self.max_failed.setValue(int(get("security.max_failed_logins")))
        self.lockout.setValue(int(get("security.lockout_minutes")))
        self.berjangka.reload(get)
        self.errors.clear()
        self.done_label.clear()

    def _preview(self, key: str) -> None:
        pattern = self.patterns[key].text()
        try:
            validate_pattern(pattern, field=key)
        except ValidationError:
            self.previews[key].setText(self.tr("Contoh: (pola belum benar)"))
            return
        code = self.services.settings.profile().code
        sample = format_pattern(pattern, 1, date.today(), coop_code=code)
        self.previews[key].setText(self.tr("Contoh: {sample}").format(sample=sample))

    def values(self) -> dict[str, Any]:
        """The typed values by setting key; a pattern or amount that cannot be used raises
        ValidationError at its field before anything is saved."""
        values: dict[str, Any] = {
            "format.rupiah_style": self.rupiah_style.currentData(),
            "format.timezone": self.timezone.currentText(),
        }
        for key, edit in self.patterns.items():
            validate_pattern(edit.text().strip(), field=key)
            values[key] = edit.text().strip()
        for key, edit in self.money.items():
            try:
                values[key] = parse_rupiah(edit.text())
            except ValidationError as exc:
                raise ValidationError(exc.message, field=key) from None
        values["backup.auto_on_close"] = self.auto_backup.isChecked()
        values["backup.keep"] = self.keep.value()
        values["security.max_failed_logins"] = self.max_failed.value()
        values["security.lockout_minutes"] = self.lockout.value()
        values.update(self.berjangka.values())
        return values

    def save(self) -> None:
        self.errors.clear()
        self.done_label.clear()
        try:
            self.services.settings.set_many(self.user, self.values())
        except ValidationError as exc:
            show_error(self, exc, errors=self.errors)
            return
        except AppError as exc:
            show_error(self, exc, errors=self.errors, fields=())
            return
        # Lock-out rules apply at once, not only after the program is opened again.
        self.services.users.max_failed = int(
            self.services.settings.get("security.max_failed_logins")
        )
        self.services.users.lockout_minutes = int(
            self.services.settings.get("security.lockout_minutes")
        )
        self.done_label.setText(self.tr("Pengaturan tersimpan."))
        self.saved.emit()
