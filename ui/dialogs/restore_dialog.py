"""Pulihkan dari cadangan: names the consequence and asks for the word PULIHKAN to be typed."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.backups import RestorePlan
from app.formats import format_date_time

CONFIRM_WORD = "PULIHKAN"


class RestoreDialog(QDialog):
    """Accepted only after CONFIRM_WORD is typed exactly."""

    def __init__(self, current: Path, plan: RestorePlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        backup_file, aside = plan.backup_file, plan.aside
        self.setWindowTitle(self.tr("Pulihkan dari Cadangan"))
        self.setMinimumWidth(680)
        layout = QVBoxLayout(self)
        try:
            made = format_date_time(datetime.fromtimestamp(backup_file.stat().st_mtime))
        except OSError:
            made = "–"
        text = QLabel(objectName="consequence")
        text.setWordWrap(True)
        text.setText(
            self.tr(
                "<p><b>Semua data di file yang sedang dibuka akan diganti</b> dengan isi cadangan "
                "ini:</p><p>{backup}<br>(disimpan {made})</p>"
                "<p>Semua yang dicatat setelah cadangan itu dibuat tidak akan ada lagi di file "
                "{current}.</p>"
                "<p>Data saat ini tidak dibuang: lebih dulu disalin ke<br>{aside}</p>"
            ).format(backup=backup_file, made=made, current=current.name, aside=aside)
        )
        layout.addWidget(text)
        self.age = QLabel(objectName="backup_age")
        self.age.setWordWrap(True)
        self.age.setText(self._age_text(plan))
        layout.addWidget(self.age)
        ask = QLabel(
            self.tr("Untuk melanjutkan, ketik kata {word} di bawah ini:").format(word=CONFIRM_WORD)
        )
        ask.setWordWrap(True)
        layout.addWidget(ask)
        self.word = QLineEdit(objectName="confirm_word")
        self.word.setPlaceholderText(CONFIRM_WORD)
        layout.addWidget(self.word)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(
            self.tr("Pulihkan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        cancel = buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setDefault(True)
        self.restore_button.setEnabled(False)
        self.word.textChanged.connect(
            lambda text: self.restore_button.setEnabled(text.strip() == CONFIRM_WORD)
        )
        self.restore_button.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def _age_text(self, plan: RestorePlan) -> str:
        backup_at = plan.backup_mark.last_at or "–"
        newest_at = plan.newest_mark.last_at or "–"
        if plan.missing:
            age = self.tr(
                "<p><b>Cadangan ini lebih lama.</b> Isinya sampai {backup_at}; data terbaru "
                "yang dikenal sampai {newest_at}. Sebanyak {missing} catatan yang lebih baru "
                "tidak ada di cadangan ini.</p>"
            ).format(backup_at=backup_at, newest_at=newest_at, missing=plan.missing)
        else:
            age = self.tr(
                "<p>Cadangan ini memuat data sampai {backup_at}, tidak lebih lama daripada data "
                "terbaru yang dikenal.</p>"
            ).format(backup_at=backup_at)
        if plan.same_cooperative is None:
            age += self.tr(
                "<p>Cadangan ini dibuat sebelum file koperasi diberi tanda pengenal, jadi tidak "
                "bisa dipastikan milik koperasi yang sama. Periksa nama file dan tanggalnya.</p>"
            )
        return age

    def accept(self) -> None:
        if self.word.text().strip() == CONFIRM_WORD:
            super().accept()
