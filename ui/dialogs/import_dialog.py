"""Berkas → Impor Data…: choose a file, see the dry-run report (checked behind a progress
dialog that can be cancelled: nothing is written by it), then import behind another (a
cancel leaves nothing: one transaction)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.imports.report import DryRun
from app.imports.service import ImportOptions, ImportResult
from app.imports.template import write_template
from app.services import Services
from app.users.models import User
from ui.dialogs.progress_task import Progress, TaskCancelled, run_with_progress
from ui.errors import show_error
from ui.widgets import messages
from ui.widgets.date_edit import DateEdit


class ImportDialog(QDialog):
    """`result` is the finished import, None until then."""

    def __init__(self, services: Services, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.report: DryRun | None = None
        self.result: ImportResult | None = None
        self.setWindowTitle(self.tr("Impor Data"))
        self.setMinimumSize(640, 480)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Anggota"), "members")
        self.kind.addItem(self.tr("Saldo Simpanan"), "savings")
        self.kind.addItem(self.tr("Pinjaman Berjalan"), "loans")
        self.kind.addItem(self.tr("Saldo Awal Buku Besar"), "opening")
        self.file = QLineEdit()
        self.file.setReadOnly(True)
        self.file.setPlaceholderText(self.tr("Belum ada berkas dipilih"))
        choose = QPushButton(self.tr("Pilih Berkas…"))
        choose.clicked.connect(self.ask_file)
        template = QPushButton(self.tr("Buat Contoh Berkas…"))
        template.clicked.connect(self.save_template)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(choose)
        self.as_of = DateEdit(field="as_of", required=False)
        self.pad = QSpinBox()
        self.pad.setRange(0, 20)
        self.pad.setSpecialValueText(self.tr("tidak"))
        form = QFormLayout()
        form.addRow(self.tr("Jenis data"), self.kind)
        form.addRow(self.tr("Berkas"), file_row)
        form.addRow(self.tr("Tanggal peralihan saldo"), self.as_of)
        form.addRow(self.tr("Tambah nol di depan nomor sampai"), self.pad)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.check_button = QPushButton(self.tr("Periksa"))
        self.check_button.clicked.connect(self.check)
        self.import_button = QPushButton(self.tr("Impor"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        close = QPushButton(self.tr("Tutup"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(template)
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        for signal in (self.kind.currentIndexChanged, self.pad.valueChanged):
            signal.connect(self._stale)
        self.as_of.textChanged.connect(self._stale)

    # -- steps ----------------------------------------------------------------------------
    def ask_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Pilih berkas"), "", self.tr("Excel atau CSV (*.xlsx *.csv)")
        )
        if name:
            self.choose_file(Path(name))

    def choose_file(self, path: Path) -> None:
        self.file.setText(str(path))
        self._stale()

    def _stale(self) -> None:
        self.report = None
        self.import_button.setEnabled(False)

    def _options(self) -> ImportOptions:
        return ImportOptions(as_of=self.as_of.value(), pad=self.pad.value() or None)

    def check(self) -> None:
        if not self.file.text():
            messages.warn(self, self.tr("Impor Data"), self.tr("Pilih berkasnya dulu."))
            return
        kind, path, options = str(self.kind.currentData()), Path(self.file.text()), self._options()
        checking = self.tr("Memeriksa baris {done} dari {total}…")

        def work(progress: Progress) -> DryRun:
            def tick(done: int, total: int) -> None:
                progress.report(checking.format(done=done, total=total))

            return self.services.imports.check(kind, path, options, progress=tick)

        self.report = None
        self.import_button.setEnabled(False)
        try:
            self.report = run_with_progress(
                self, self.tr("Impor Data"), self.tr("Membaca berkas…"), work, cancellable=True
            )
        except TaskCancelled:
            self.text.setPlainText(self.tr("Pemeriksaan dibatalkan."))
            return
        except AppError as exc:
            self.text.setPlainText(exc.message)
            return
        self.text.setPlainText("\n".join(self.report.lines()))
        self.import_button.setEnabled(self.report.ok)

    def run_import(self) -> None:
        if self.report is None or not self.report.ok:
            return
        kind, path, options = str(self.kind.currentData()), Path(self.file.text()), self._options()
        checked = self.report
        done_text = self.tr("Mengimpor baris {done} dari {total}…")

        def work(progress: Progress) -> ImportResult:
            def tick(done: int, total: int) -> None:
                progress.report(done_text.format(done=done, total=total))

            return self.services.imports.run(
                self.user, kind, path, options, progress=tick, checked=checked
            )

        try:
            self.result = run_with_progress(
                self, self.tr("Impor Data"), self.tr("Membuat cadangan…"), work, cancellable=True
            )
        except TaskCancelled:
            self.text.appendPlainText(self.tr("Impor dibatalkan; tidak ada yang diubah."))
            return
        except AppError as exc:
            self.text.appendPlainText(exc.message)
            return
        finally:
            self.import_button.setEnabled(False)
        self.text.appendPlainText(
            self.tr("SELESAI: impor #{number} tersimpan. Cadangan sebelum impor: {path}").format(
                number=self.result.batch_id, path=self.result.backup_path
            )
        )

    def save_template(self) -> None:
        kind = str(self.kind.currentData())
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Simpan contoh berkas"), f"contoh-{kind}.xlsx", "Excel (*.xlsx)"
        )
        if not name:
            return
        try:
            chart = self.services.ledger.accounts.chart() if kind == "opening" else None
            write_template(kind, Path(name), chart)
        except AppError as exc:
            show_error(self, exc, self.tr("Impor Data"))
