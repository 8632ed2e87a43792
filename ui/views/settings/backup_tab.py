"""Pengaturan → Cadangan: save a verified backup anywhere, see recent ones, restore one."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.backups import BackupInfo, RestorePlan
from app.config import load_config, save_config
from app.errors import AppError
from app.services import Services
from app.users.models import User
from app.users.permissions import Action, can
from ui.dialogs.restore_dialog import RestoreDialog
from ui.errors import show_error
from ui.export import install_export
from ui.models.backups_model import BackupColumn, BackupsModel, format_size
from ui.models.base import SORT_ROLE
from ui.views.settings.backup_actions import make_backup, restore

_FOLDER_KEY = "last_backup_folder"


class BackupTab(QWidget):
    backup_made = Signal(BackupInfo)
    data_replaced = Signal()

    def __init__(self, services: Services, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.dialog: RestoreDialog | None = None
        layout = QVBoxLayout(self)

        save_box = QGroupBox(self.tr("Simpan cadangan"))
        save_layout = QVBoxLayout(save_box)
        explain = QLabel(
            self.tr(
                "Simpan salinan seluruh data ke folder lain, sebaiknya flashdisk atau hard disk "
                "luar yang disimpan di tempat lain. Setiap cadangan diperiksa keutuhannya setelah "
                "disimpan."
            )
        )
        explain.setWordWrap(True)
        self.auto_label = QLabel(objectName="auto_backup_info")
        self.auto_label.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("Simpan Cadangan ke Folder…"))
        self.backup_button.clicked.connect(self.backup_now)
        if not can(user, Action.BACKUP):
            self.backup_button.setEnabled(False)
            self.backup_button.setToolTip(self.tr("Peran Anda tidak boleh membuat cadangan."))
        self.result = QLabel(objectName="backup_result")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.setStyleSheet("color: #1b5e20;")
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addStretch()
        save_layout.addWidget(explain)
        save_layout.addLayout(row)
        save_layout.addWidget(self.result)
        save_layout.addWidget(self.auto_label)
        layout.addWidget(save_box)

        list_box = QGroupBox(self.tr("Cadangan terakhir"))
        list_layout = QVBoxLayout(list_box)
        self.model = BackupsModel()
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(SORT_ROLE)
        self.table = install_export(QTableView())
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(BackupColumn.AT, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(BackupColumn.PATH, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(
            self.tr(
                "Belum ada cadangan. Klik Simpan Cadangan ke Folder untuk membuat yang pertama."
            )
        )
        list_layout.addWidget(self.empty)
        list_layout.addWidget(self.table)
        layout.addWidget(list_box, 1)

        restore_box = QGroupBox(self.tr("Pulihkan"))
        restore_layout = QHBoxLayout(restore_box)
        restore_text = QLabel(
            self.tr(
                "Bila data rusak atau terhapus, kembalikan data dari file cadangan. Data saat ini "
                "disalin lebih dulu, jadi tidak hilang."
            )
        )
        restore_text.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("Pulihkan dari Cadangan…"))
        self.restore_button.clicked.connect(self.choose_restore)
        if not can(user, Action.RESTORE):
            self.restore_button.setEnabled(False)
            self.restore_button.setToolTip(
                self.tr("Hanya Admin atau Pengurus yang boleh memulihkan cadangan.")
            )
        restore_layout.addWidget(restore_text, 1)
        restore_layout.addWidget(self.restore_button)
        layout.addWidget(restore_box)
        if services.on_server:
            self._on_server(explain)
            return
        self.reload()

    def _on_server(self, explain: QLabel) -> None:
        """The office server's backups are made and restored on the server PC (issue 15)."""
        explain.setText(
            self.tr(
                "Koperasi ini ada di server kantor. Cadangannya dibuat di PC server: otomatis "
                "tiap malam, atau dengan perintah mufakat backup di PC server. Pemulihan juga "
                "dilakukan di PC server (mufakat restore)."
            )
        )
        for button in (self.backup_button, self.restore_button):
            button.setEnabled(False)
            button.setToolTip(self.tr("Dilakukan di PC server kantor."))
        self.empty.setText(self.tr("Daftar cadangan server ada di PC server."))
        self.table.setVisible(False)

    def reload(self) -> None:
        if self.services.on_server:
            return
        rows = self.services.backups.recent(30)
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        folder = self.services.backups.folder
        if self.services.settings.get("backup.auto_on_close"):
            self.auto_label.setText(
                self.tr(
                    "Cadangan otomatis saat program ditutup: aktif, {keep} terakhir disimpan di "
                    "{folder}"
                ).format(keep=self.services.settings.get("backup.keep"), folder=folder)
            )
        else:
            self.auto_label.setText(
                self.tr("Cadangan otomatis saat program ditutup: tidak aktif (ubah di tab Umum).")
            )

    # -- backup -------------------------------------------------------------------------------
    def backup_now(self) -> None:
        start = load_config().get(_FOLDER_KEY) or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Pilih folder atau flashdisk untuk cadangan"), start
        )
        if not chosen:
            return
        self.result.clear()
        try:
            info = make_backup(self, self.services, self.user, Path(chosen))
        except AppError as exc:
            show_error(self, exc, self.tr("Cadangan gagal"))
            return
        config = load_config()
        config[_FOLDER_KEY] = chosen
        save_config(config)
        text = self.tr("Cadangan tersimpan dan sudah diperiksa utuh:\n{path}\n({size})").format(
            path=info.path, size=format_size(info.size)
        )
        self.result.setText(text)
        self.reload()
        self.backup_made.emit(info)
        QMessageBox.information(self, self.tr("Cadangan tersimpan"), text)

    # -- restore ------------------------------------------------------------------------------
    def choose_restore(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Pilih file cadangan"),
            str(self.services.backups.folder),
            self.tr("Cadangan Mufakat (*.db);;Semua file (*)"),
        )
        if not chosen:
            return
        backup_file = Path(chosen)
        if backup_file.resolve() == self.services.path.resolve():
            QMessageBox.warning(
                self,
                self.tr("Bukan file cadangan"),
                self.tr("Itu file database yang sedang dibuka. Pilih file cadangannya."),
            )
            return
        now = datetime.now()
        try:
            plan = self.services.backups.plan_restore(backup_file, now)
        except AppError as exc:
            show_error(self, exc, self.tr("Cadangan tidak bisa dipakai"))
            return
        dialog = RestoreDialog(self.services.path, plan, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._restore(plan, now))
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    def _restore(self, plan: RestorePlan, now: datetime) -> None:
        backup_file = plan.backup_file
        try:
            aside = restore(self, self.services, self.user, plan, now)
        except AppError as exc:
            show_error(self, exc, self.tr("Pemulihan gagal"))
            return
        QMessageBox.information(
            self,
            self.tr("Data dipulihkan"),
            self.tr(
                "Data sudah dipulihkan dari {backup}.\n\nData sebelum pemulihan disimpan di:\n"
                "{aside}\n\nSemua pengguna perlu masuk lagi."
            ).format(backup=backup_file, aside=aside),
        )
        self.data_replaced.emit()
