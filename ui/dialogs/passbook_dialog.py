"""Cetak Buku at the counter: the member's passbook, the lines not printed yet, page by page.

One button walks the run: "Cetak" prints the lines of the current page from the next free
line; at a page end the dialog says "Balik halaman buku, lalu tekan Lanjut"; at the book's end
it asks for a new book (new number, first line the saldo pindahan). A line is recorded as
printed only after its page went to the printer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QPixmap
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.members.models import Member
from app.passbook.engine import After
from app.passbook.layout import Layout
from app.passbook.service import BookJob
from app.services import Services
from app.users.models import User
from ui.dialogs.passbook_paint import Line, make_printer, print_page, render_preview
from ui.widgets import messages

PrinterFactory = Callable[[Layout], QPrinter]


def default_printer(layout: Layout) -> QPrinter:
    """The computer's default printer (the passbook printer's driver), set to the model."""
    return make_printer(layout)


class PassbookDialog(QDialog):
    def __init__(
        self,
        services: Services,
        user: User,
        member: Member,
        printer_factory: PrinterFactory | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.member = member
        self.printer_factory = printer_factory or (lambda layout: default_printer(layout))
        self.printed_lines = 0
        self._next: Callable[[], None] = self.print_next
        self.setWindowTitle(self.tr("Cetak Buku Simpanan"))
        self.setMinimumWidth(640)

        layout = QVBoxLayout(self)
        title = QLabel(f"<b>{member.number} · {member.name}</b>")
        layout.addWidget(title)
        self.info_label = QLabel()
        self.info_label.setObjectName("passbook_info")
        layout.addWidget(self.info_label)
        self.prompt_label = QLabel()
        self.prompt_label.setObjectName("passbook_prompt")
        self.prompt_label.setWordWrap(True)
        self.prompt_label.setStyleSheet("font-size: 12pt; font-weight: bold; color: #8a4b00;")
        layout.addWidget(self.prompt_label)
        self.preview = QLabel()
        self.preview.setObjectName("passbook_preview")
        scroll = QScrollArea()
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        scroll.setMinimumHeight(420)
        layout.addWidget(scroll, 1)

        buttons = QHBoxLayout()
        self.main_button = QPushButton()
        self.main_button.setObjectName("passbook_main")
        self.main_button.setDefault(True)
        self.main_button.clicked.connect(lambda: self._next())
        self.reprint_button = QPushButton(self.tr("Cetak Ulang…"))
        self.reprint_button.clicked.connect(self.reprint)
        self.lost_button = QPushButton(self.tr("Buku Hilang…"))
        self.lost_button.clicked.connect(self.replace_lost)
        close = QPushButton(self.tr("Tutup"))
        close.clicked.connect(self.accept)
        for button in (self.main_button, self.reprint_button, self.lost_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.refresh()

    # -- state --------------------------------------------------------------------------------
    def refresh(self, prompt: str = "") -> None:
        passbooks = self.services.passbooks
        status = passbooks.status(self.member.id)
        book = status.book
        job = passbooks.job(self.member.id)
        has_book = book is not None
        self.reprint_button.setEnabled(has_book)
        self.lost_button.setEnabled(has_book)
        if book is None:
            self.info_label.setText(self.tr("Anggota ini belum punya buku simpanan."))
            self._set_main(self.tr("Buku Baru"), self.issue_first)
            self._show_preview(None)
        else:
            where = (
                self.tr("buku penuh")
                if status.next_free is None
                else self.tr("berikutnya halaman {page} baris {line}").format(
                    page=status.next_free.page, line=status.next_free.line
                )
            )
            self.info_label.setText(
                self.tr("Buku {number} · {where} · {count} baris belum tercetak").format(
                    number=book.number, where=where, count=status.pending
                )
            )
            if job is not None:
                label = self.tr("Lanjut") if prompt else self.tr("Cetak")
                self._set_main(label, self.print_next)
            elif status.full and status.pending:
                prompt = self.tr(
                    "Buku {number} sudah penuh. Siapkan buku baru, lalu tekan Lanjut."
                ).format(number=book.number)
                self._set_main(self.tr("Lanjut"), self.issue_next_book)
            else:
                prompt = prompt or self.tr("Semua baris sudah tercetak.")
                self._set_main(self.tr("Cetak"), None)
            self._show_preview(job)
        self.prompt_label.setText(prompt)

    def _set_main(self, text: str, action: Callable[[], None] | None) -> None:
        self.main_button.setText(text)
        self.main_button.setEnabled(action is not None)
        if action is not None:
            self._next = action

    def _show_preview(self, job: BookJob | None) -> None:
        if job is None:
            self.preview.clear()
            return
        done: list[Line] = [
            (p.position.line, p.entry.texts(), True)
            for p in self.services.passbooks.lines(job.book.id)
            if p.position.page == job.page.page
        ]
        new: list[Line] = [(n, e.texts(), False) for n, e in job.page.lines]
        self.preview.setPixmap(QPixmap.fromImage(render_preview(job.layout, done + new)))

    # -- actions ------------------------------------------------------------------------------
    def issue_first(self) -> None:
        try:
            self.services.passbooks.issue_book(self.user, self.member.id, "baru")
        except AppError as exc:
            messages.warn(self, self.tr("Buku Baru"), str(exc))
        self.refresh()

    def issue_next_book(self) -> None:
        try:
            self.services.passbooks.issue_book(self.user, self.member.id, "penuh")
        except AppError as exc:
            messages.warn(self, self.tr("Buku Baru"), str(exc))
        self.refresh()
        self.print_next()

    def print_next(self) -> None:
        job = self.services.passbooks.job(self.member.id)
        if job is None:
            self.refresh()
            return
        try:
            printer = self.printer_factory(job.layout)
            print_page(printer, job.layout, [(n, e.texts(), False) for n, e in job.page.lines])
            self.services.passbooks.record(self.user, job)
        except (AppError, OSError) as exc:
            messages.warn(self, self.tr("Cetak Buku"), str(exc))
            self.refresh()
            return
        self.printed_lines += len(job.page.lines)
        prompt = {
            After.TURN_PAGE: self.tr("Balik halaman buku, lalu tekan Lanjut"),
            After.NEW_BOOK: "",
            After.DONE: self.tr("Selesai: {count} baris tercetak.").format(
                count=self.printed_lines
            ),
        }[job.page.after]
        self.refresh(prompt)

    def reprint(self) -> None:
        from ui.dialogs.passbook_reprint import ReprintDialog

        book = self.services.passbooks.current_book(self.member.id)
        if book is not None:
            dialog = ReprintDialog(self.services, self.user, book, self.printer_factory, self)
            dialog.exec()
            self.refresh()

    def replace_lost(self) -> None:
        from ui.dialogs.passbook_reprint import LostBookDialog

        dialog = LostBookDialog(self.services, self.user, self.member, self)
        if dialog.exec():
            self.refresh()
