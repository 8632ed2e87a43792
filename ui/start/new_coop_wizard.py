"""Buat Koperasi Baru: profile → first user → summary, then the database file is created."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.errors import AppError, StorageError, ValidationError
from app.files import database_files
from app.paths import DB_SUFFIX, default_db_path
from app.services import Services
from app.settings.profile import CoopProfile
from app.settings.service import SettingsService
from app.users.models import Role
from app.users.passwords import MIN_LENGTH, check_new_password
from app.users.permissions import FIRST_USER_ROLES
from ui.errors import show_error
from ui.views.settings.profile_form import ProfileForm
from ui.widgets.form import FieldErrors

PROFILE_PAGE, USER_PAGE, SUMMARY_PAGE = range(3)
_USER_FIELDS = {"username", "full_name", "role", "position", "password", "confirm"}


class ProfilePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Langkah 1 dari 3: Data koperasi"))
        self.setSubTitle(
            self.tr(
                "Isi nama dan kode koperasi. Data lain bisa dilengkapi nanti di menu Pengaturan."
            )
        )
        self.form = ProfileForm(full=False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        self.profile = CoopProfile()

    def validatePage(self) -> bool:
        self.form.errors.clear()
        try:
            self.profile = SettingsService.validate_profile(self.form.profile())
        except ValidationError as exc:
            show_error(self, exc, errors=self.form.errors)
            return False
        return True


class UserPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Langkah 2 dari 3: Pengguna pertama"))
        self.setSubTitle(
            self.tr(
                "Pengguna pertama adalah Ketua/Pengurus atau Admin. Pengguna "
                "lain bisa ditambahkan nanti di Pengaturan → Pengguna."
            )
        )
        self.errors = FieldErrors()
        form = QFormLayout(self)
        self.role = QComboBox()
        self.role.setObjectName("role")
        for role in FIRST_USER_ROLES:
            self.role.addItem(role.label, role)
        self.full_name = QLineEdit(objectName="full_name")
        self.full_name.setPlaceholderText(self.tr("misalnya Budi Santoso"))
        self.position = QLineEdit(self.tr("Ketua"), objectName="position")
        self.username = QLineEdit(objectName="username")
        self.username.setPlaceholderText(self.tr("huruf kecil tanpa spasi, misalnya budi"))
        self.password = QLineEdit(objectName="password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("minimal {n} karakter").format(n=MIN_LENGTH))
        self.confirm = QLineEdit(objectName="confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors.add_row(form, self.tr("Peran"), "role", self.role)
        self.errors.add_row(form, self.tr("Nama lengkap"), "full_name", self.full_name)
        self.errors.add_row(form, self.tr("Jabatan"), "position", self.position)
        self.errors.add_row(form, self.tr("Nama pengguna (untuk masuk)"), "username", self.username)
        self.errors.add_row(form, self.tr("Kata sandi"), "password", self.password)
        self.errors.add_row(form, self.tr("Ulangi kata sandi"), "confirm", self.confirm)

    def validatePage(self) -> bool:
        self.errors.clear()
        if not self.full_name.text().strip():
            self.errors.show("full_name", self.tr("Isi nama lengkap."))
            return False
        try:
            check_new_password(self.password.text(), self.confirm.text())
        except ValidationError as exc:
            show_error(self, exc, errors=self.errors)
            return False
        return True


class SummaryPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Langkah 3 dari 3: Periksa dan simpan"))
        self.setSubTitle(
            self.tr("Periksa data di bawah. Klik Buat Koperasi untuk membuat file database.")
        )
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        self.summary = QLabel(objectName="summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        form = QFormLayout()
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        self.path = QLineEdit(str(default_db_path()), objectName="path")
        choose = QPushButton(self.tr("Pilih…"))
        choose.clicked.connect(self.choose_path)
        row_layout.addWidget(self.path, 1)
        row_layout.addWidget(choose)
        error = self.errors.add_row(form, self.tr("Simpan file di"), "path", row)
        self.errors.register("path", self.path, error)  # focus goes to the text, not the row
        layout.addLayout(form)
        general = QLabel()
        self.errors.set_general(general)
        layout.addWidget(general)
        layout.addStretch()

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, NewCoopWizard)
        profile = wizard.profile_page.profile
        user = wizard.user_page
        role = Role(user.role.currentData())
        self.summary.setText(
            self.tr(
                "<b>Koperasi:</b> {name} (kode {code})<br><b>Alamat:</b> {address}<br><br>"
                "<b>Pengguna pertama:</b> {full_name} — {role}, {position}<br>"
                "<b>Nama pengguna:</b> {username}"
            ).format(
                name=profile.name,
                code=profile.code,
                address=", ".join(p for p in (profile.address, profile.city) if p) or "–",
                full_name=user.full_name.text().strip(),
                role=role.label,
                position=user.position.text().strip() or "–",
                username=user.username.text().strip().lower(),
            )
        )

    def choose_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Simpan database koperasi"),
            self.path.text(),
            self.tr("Database Mufakat (*.db)"),
        )
        if path:
            if not path.endswith(DB_SUFFIX):
                path += DB_SUFFIX
            self.path.setText(path)

    def validatePage(self) -> bool:
        wizard = self.wizard()
        assert isinstance(wizard, NewCoopWizard)
        return wizard.create()


class NewCoopWizard(QWizard):
    """On success `services` holds the new, open database (the caller takes it over)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Buat Koperasi Baru"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("Kembali"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Lanjut"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Batal"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Buat Koperasi"))
        self.profile_page = ProfilePage()
        self.user_page = UserPage()
        self.summary_page = SummaryPage()
        self.setPage(PROFILE_PAGE, self.profile_page)
        self.setPage(USER_PAGE, self.user_page)
        self.setPage(SUMMARY_PAGE, self.summary_page)
        self.setMinimumSize(720, 560)
        self.services: Services | None = None

    def create(self) -> bool:
        """Create the file with the profile and first user; on a problem show it at the field
        (going back to its page) and leave nothing behind."""
        summary = self.summary_page
        summary.errors.clear()
        text = summary.path.text().strip()
        if not text:
            summary.errors.show("path", self.tr("Pilih tempat menyimpan file database."))
            return False
        path = Path(text).expanduser()
        if path.suffix.lower() != DB_SUFFIX:
            path = path.with_name(path.name + DB_SUFFIX)
        if path.exists():
            summary.errors.show(
                "path",
                self.tr(
                    "Sudah ada file di {path}. Pilih nama atau folder lain supaya file itu tidak "
                    "tertimpa."
                ).format(path=path),
            )
            return False
        user = self.user_page
        try:
            services = Services.open(path, create=True)
        except StorageError as exc:
            show_error(self, ValidationError(exc.message, "path"), errors=summary.errors)
            return False
        try:
            services.settings.save_profile(None, self.profile_page.profile)
            services.users.create_first_user(
                user.username.text(),
                user.full_name.text(),
                Role(user.role.currentData()),
                user.password.text(),
                user.confirm.text(),
                position=user.position.text().strip(),
            )
        except AppError as exc:
            services.close()
            _remove_new_file(path)
            self._show_error(exc)
            return False
        self.services = services
        return True

    def _show_error(self, exc: AppError) -> None:
        field = exc.field if isinstance(exc, ValidationError) else None
        if field in _USER_FIELDS:
            self.back()
            show_error(self, exc, errors=self.user_page.errors)
        elif field is not None and field in self.profile_page.form.edits:
            self.back()
            self.back()
            show_error(self, exc, errors=self.profile_page.form.errors)
        else:
            show_error(self, exc, errors=self.summary_page.errors, fields=())


def _remove_new_file(path: Path) -> None:
    """Remove a database this wizard has just created and could not finish."""
    for leftover in database_files(path):
        with contextlib.suppress(OSError):
            leftover.unlink()
