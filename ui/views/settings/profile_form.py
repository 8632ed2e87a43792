"""The cooperative profile form, shared by the new-cooperative wizard and Pengaturan."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.formats import format_date_short, parse_date
from app.identity import format_phone
from app.settings.profile import CoopProfile
from ui.widgets.form import FieldErrors

_IDENTITY = (
    "name",
    "code",
    "badan_hukum_no",
    "badan_hukum_date",
    "address",
    "city",
    "phone",
    "email",
)
_OFFICERS = ("ketua", "sekretaris", "bendahara", "manajer", "ketua_pengawas")
LOGO_MAX_BYTES = 2_000_000


class ProfileForm(QWidget):
    """All CoopProfile fields; `full=False` shows only what a new cooperative needs first."""

    def __init__(self, full: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = FieldErrors()
        self.edits: dict[str, QLineEdit] = {}
        self._logo = b""
        self._full = full
        labels = {
            "name": self.tr("Nama koperasi *"),
            "code": self.tr("Kode untuk nomor surat *"),
            "badan_hukum_no": self.tr("Nomor Badan Hukum"),
            "badan_hukum_date": self.tr("Tanggal Badan Hukum"),
            "address": self.tr("Alamat"),
            "city": self.tr("Kota/Kabupaten"),
            "phone": self.tr("Telepon"),
            "email": self.tr("E-mail"),
            "ketua": self.tr("Ketua"),
            "sekretaris": self.tr("Sekretaris"),
            "bendahara": self.tr("Bendahara"),
            "manajer": self.tr("Manajer"),
            "ketua_pengawas": self.tr("Ketua Pengawas"),
        }
        hints = {
            "name": self.tr("misalnya KSP Guyub Rukun"),
            "code": self.tr("misalnya KSP-GR"),
            "badan_hukum_no": self.tr("misalnya AHU-0001234.AH.01.26.TAHUN 2019"),
            "badan_hukum_date": self.tr("misalnya 24-08-2019"),
            "address": self.tr("Jalan, nomor, kelurahan"),
            "city": self.tr("misalnya Kota Mojokerto"),
            "phone": self.tr("misalnya 0321-123456"),
            "email": self.tr("misalnya kspguyubrukun@gmail.com"),
        }

        identity = QGroupBox(self.tr("Data koperasi"))
        identity_form = QFormLayout(identity)
        for name in _IDENTITY:
            self._add(identity_form, labels[name], name, hints.get(name, ""))

        columns = QHBoxLayout(self)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addWidget(identity, 3)
        if not full:
            return

        right = QVBoxLayout()
        officers = QGroupBox(self.tr("Pengurus dan pengawas (untuk tanda tangan surat)"))
        officers_form = QFormLayout(officers)
        for name in _OFFICERS:
            self._add(officers_form, labels[name], name, self.tr("nama lengkap"))
        right.addWidget(officers)

        logo_box = QGroupBox(self.tr("Logo (gambar PNG, untuk kop surat)"))
        logo_layout = QHBoxLayout(logo_box)
        self.logo_preview = QLabel(self.tr("Belum ada logo"))
        self.logo_preview.setObjectName("logo_preview")
        self.logo_preview.setFixedSize(110, 110)
        self.logo_preview.setWordWrap(True)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setStyleSheet("border: 1px solid #bbb;")
        buttons = QVBoxLayout()
        self.logo_button = QPushButton(self.tr("Pilih logo…"))
        self.logo_button.clicked.connect(self.pick_logo)
        self.logo_clear = QPushButton(self.tr("Hapus logo"))
        self.logo_clear.clicked.connect(lambda: self.set_logo(b""))
        self.logo_error = QLabel()
        buttons.addWidget(self.logo_button)
        buttons.addWidget(self.logo_clear)
        buttons.addWidget(self.logo_error)
        buttons.addStretch()
        logo_layout.addWidget(self.logo_preview)
        logo_layout.addLayout(buttons, 1)
        self.errors.register("logo_png", self.logo_button, self.logo_error)
        self.logo_error.setWordWrap(True)
        self.logo_error.setStyleSheet("color: #b00020;")
        self.logo_error.hide()
        right.addWidget(logo_box)
        right.addStretch()
        columns.addLayout(right, 2)

    def _add(self, form: QFormLayout, label: str, name: str, hint: str) -> None:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(hint)
        self.edits[name] = edit
        self.errors.add_row(form, label, name, edit)

    # -- values -------------------------------------------------------------------------------
    def set_profile(self, profile: CoopProfile) -> None:
        for name, edit in self.edits.items():
            value = getattr(profile, name)
            if name == "badan_hukum_date":
                edit.setText(format_date_short(value) if value else "")
            elif name == "phone":
                edit.setText(format_phone(value) if value else "")  # as letters print it
            else:
                edit.setText(value or "")
        if self._full:
            self.set_logo(profile.logo_png)
        self.errors.clear()

    def profile(self, base: CoopProfile | None = None) -> CoopProfile:
        """The typed profile (fields not on the form come from `base`); a date that cannot be
        read raises ValidationError at its field. Everything else is checked by the service."""
        values = {name: edit.text() for name, edit in self.edits.items()}
        text = values.pop("badan_hukum_date").strip()
        try:
            when = parse_date(text) if text else None
        except ValidationError as exc:
            raise ValidationError(exc.message, field="badan_hukum_date") from None
        base = base or CoopProfile()
        logo = self._logo if self._full else base.logo_png
        officers = {n: values.pop(n, getattr(base, n)) for n in _OFFICERS}
        return CoopProfile(**values, **officers, badan_hukum_date=when, logo_png=logo)

    # -- logo ---------------------------------------------------------------------------------
    def pick_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Pilih logo koperasi"), str(Path.home()), self.tr("Gambar PNG (*.png)")
        )
        if not path:
            return
        self.errors.clear()
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            self.errors.show(
                "logo_png", self.tr("File tidak bisa dibaca: {reason}").format(reason=exc.strerror)
            )
            return
        if len(data) > LOGO_MAX_BYTES:
            self.errors.show(
                "logo_png",
                self.tr("Logo terlalu besar (lebih dari 2 MB). Pilih gambar yang lebih kecil."),
            )
            return
        pixmap = QPixmap()
        if not data.startswith(b"\x89PNG") or not pixmap.loadFromData(data, "PNG"):
            self.errors.show("logo_png", self.tr("File itu bukan gambar PNG. Pilih file .png."))
            return
        self.set_logo(data)

    def set_logo(self, data: bytes) -> None:
        self._logo = data
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data, "PNG"):
            self.logo_preview.setPixmap(
                pixmap.scaled(
                    92,
                    92,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(self.tr("Belum ada logo"))
        self.logo_clear.setEnabled(bool(data))

    def set_read_only(self, read_only: bool) -> None:
        for edit in self.edits.values():
            edit.setReadOnly(read_only)
        if self._full:
            self.logo_button.setEnabled(not read_only)
            self.logo_clear.setEnabled(not read_only and bool(self._logo))
