"""Cetak Kartu Angsuran: the loan card's payment lines not printed yet, page by page, from the
last printed line; between sides "Balik kartu, lalu tekan Lanjut", after the last side a new
card."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QPixmap
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.errors import AppError
from app.passbook.card_service import CardJob
from app.passbook.layout import Layout
from app.services import Services
from app.users.models import User
from ui.dialogs import passbook_dialog
from ui.dialogs.passbook_paint import Line, print_page, render_preview
from ui.widgets import messages


class CardDialog(QDialog):
    def __init__(
        self,
        services: Services,
        user: User,
        loan_id: int,
        title: str,
        printer_factory: Callable[[Layout], QPrinter] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.cards = services.passbooks.cards()
        self.user = user
        self.loan_id = loan_id
        self.printer_factory = printer_factory or (
            lambda layout: passbook_dialog.default_printer(layout)
        )
        self.printed_lines = 0
        self.setWindowTitle(self.tr("Cetak Kartu Angsuran"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{title}</b>"))
        self.info_label = QLabel()
        self.info_label.setObjectName("card_info")
        layout.addWidget(self.info_label)
        self.prompt_label = QLabel()
        self.prompt_label.setObjectName("card_prompt")
        self.prompt_label.setStyleSheet("font-size: 12pt; font-weight: bold; color: #8a4b00;")
        layout.addWidget(self.prompt_label)
        self.preview = QLabel()
        layout.addWidget(self.preview, 1)
        row = QHBoxLayout()
        self.main_button = QPushButton(self.tr("Cetak"))
        self.main_button.setDefault(True)
        self.main_button.clicked.connect(self.print_next)
        close = QPushButton(self.tr("Tutup"))
        close.clicked.connect(self.accept)
        row.addWidget(self.main_button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.refresh()

    def refresh(self, prompt: str = "") -> None:
        job = self.cards.job(self.loan_id)
        if job is None:
            self.info_label.setText(self.tr("Semua pembayaran sudah tercetak di kartu."))
            self.main_button.setEnabled(False)
            self.preview.clear()
        else:
            first = job.page.lines[0][0]
            self.info_label.setText(
                self.tr("Kartu {card} sisi {side}, mulai baris {line}").format(
                    card=job.card, side=job.side, line=first
                )
            )
            self.main_button.setText(self.tr("Lanjut") if prompt else self.tr("Cetak"))
            self.main_button.setEnabled(True)
            self._show(job)
        self.prompt_label.setText(prompt)

    def _show(self, job: CardJob) -> None:
        done: list[Line] = [
            (pos.line, entry.texts(), True)
            for pos, entry in self.cards.lines(self.loan_id)
            if pos.page == job.page.page
        ]
        new: list[Line] = [(n, e.texts(), False) for n, e in job.page.lines]
        self.preview.setPixmap(QPixmap.fromImage(render_preview(job.layout, done + new, 72)))

    def print_next(self) -> None:
        job = self.cards.job(self.loan_id)
        if job is None:
            self.refresh()
            return
        try:
            lines = [(n, e.texts(), False) for n, e in job.page.lines]
            print_page(self.printer_factory(job.layout), job.layout, lines)
            self.cards.record(self.user, job)
        except (AppError, OSError) as exc:
            messages.warn(self, self.tr("Cetak Kartu Angsuran"), str(exc))
            self.refresh()
            return
        self.printed_lines += len(job.page.lines)
        following = self.cards.job(self.loan_id)
        if following is None:
            prompt = self.tr("Selesai: {count} baris tercetak.").format(count=self.printed_lines)
        elif following.card != job.card:
            prompt = self.tr("Kartu penuh: pasang kartu baru, lalu tekan Lanjut")
        else:
            prompt = self.tr("Balik kartu, lalu tekan Lanjut")
        self.refresh(prompt)
