"""Cetak ulang of a range of a passbook's printed lines (with a reason, audited) and the
replacement of a lost book (its balance carried forward into a new book)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.members.models import Member
from app.passbook.layout import Layout, Position
from app.passbook.models import BookRow
from app.services import Services
from app.users.models import User
from ui.dialogs.passbook_paint import print_page
from ui.widgets import messages


def _position_row(
    layout: Layout, page_label: str, line_label: str
) -> tuple[QWidget, QSpinBox, QSpinBox]:
    row = QWidget()
    box = QHBoxLayout(row)
    box.setContentsMargins(0, 0, 0, 0)
    page, line = QSpinBox(), QSpinBox()
    page.setRange(1, layout.pages)
    line.setRange(1, layout.lines_per_page)
    for label, spin in ((page_label, page), (line_label, line)):
        box.addWidget(QLabel(label))
        box.addWidget(spin)
    box.addStretch(1)
    return row, page, line


class ReprintDialog(QDialog):
    """Print a range of already printed lines again, on the same positions."""

    def __init__(
        self,
        services: Services,
        user: User,
        book: BookRow,
        printer_factory: Callable[[Layout], QPrinter],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.book = book
        self.printer_factory = printer_factory
        self.layout_ = services.passbooks.layout(book.model_id)
        self.setWindowTitle(self.tr("Cetak Ulang Buku {number}").format(number=book.number))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Baris yang sudah tercetak dicetak lagi di tempat yang sama. "
                    "Cetak ulang dicatat bersama alasannya."
                )
            )
        )
        form = QFormLayout()
        first_row, self.first_page, self.first_line = _position_row(
            self.layout_, self.tr("Halaman"), self.tr("Baris")
        )
        last_row, self.last_page, self.last_line = _position_row(
            self.layout_, self.tr("Halaman"), self.tr("Baris")
        )
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(200)
        form.addRow(self.tr("Dari"), first_row)
        form.addRow(self.tr("Sampai"), last_row)
        form.addRow(self.tr("Alasan *"), self.reason_edit)
        layout.addLayout(form)
        box = QDialogButtonBox()
        box.addButton(self.tr("Cetak Ulang"), QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def accept(self) -> None:
        first = Position(self.first_page.value(), self.first_line.value())
        last = Position(self.last_page.value(), self.last_line.value())
        try:
            lines = self.services.passbooks.reprint(
                self.user, self.book.id, first, last, self.reason_edit.text()
            )
            for page in sorted({p.position.page for p in lines}):
                chosen = [p for p in lines if p.position.page == page]
                print_page(
                    self.printer_factory(self.layout_),
                    self.layout_,
                    [(p.position.line, p.entry.texts(), False) for p in chosen],
                )
        except (AppError, OSError) as exc:
            messages.warn(self, self.tr("Cetak Ulang"), str(exc))
            return
        super().accept()


class LostBookDialog(QDialog):
    """A new book for a lost one; it starts with the balance of the last printed line."""

    def __init__(
        self, services: Services, user: User, member: Member, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.member = member
        self.setWindowTitle(self.tr("Buku Simpanan Hilang"))
        layout = QVBoxLayout(self)
        text = QLabel(
            self.tr(
                "Buku baru diberi nomor baru dan dimulai dengan saldo pindahan dari baris "
                "terakhir yang tercetak; transaksi yang belum tercetak menyusul."
            )
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(200)
        form.addRow(self.tr("Keterangan kehilangan *"), self.note_edit)
        layout.addLayout(form)
        box = QDialogButtonBox()
        box.addButton(self.tr("Buat Buku Baru"), QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def accept(self) -> None:
        try:
            self.services.passbooks.issue_book(
                self.user, self.member.id, "hilang", self.note_edit.text()
            )
        except AppError as exc:
            messages.warn(self, self.tr("Buku Simpanan Hilang"), str(exc))
            return
        super().accept()
