"""Printing a receipt on the paper its printer takes (A4, half A4, 9½ × 5½ inch continuous),
remembered per printer: the preview of a kuitansi gets a "Kertas" choice."""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QWidget,
)

from app.errors import AppError
from app.passbook.paper import A4, PAPERS, content_height, placement
from app.services import Services
from app.users.models import User
from ui.dialogs.pdf_preview import PRINT_DPI, PdfPreviewDialog


def set_paper(printer: QPrinter, paper: str) -> None:
    _, width, height = PAPERS[paper]
    size = QPageSize(QSizeF(width, height), QPageSize.Unit.Millimeter, paper)
    orientation = QPageLayout.Orientation.Portrait
    printer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0)))
    printer.setFullPage(True)


def print_receipt(document: QPdfDocument, printer: QPrinter, paper: str, content_mm: float) -> int:
    """The receipt's first page(s) on `paper`: the top of each A4 page that holds the content,
    at the size `app.passbook.paper.placement` says."""
    set_paper(printer, paper)
    where = placement(paper, content_mm)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        dots = printer.resolution() / 25.4
        count = document.pageCount()
        for index in range(count):
            if index:
                printer.newPage()
            points = document.pagePointSize(index)
            scale = PRINT_DPI / 72
            image = document.render(
                index, QSize(int(points.width() * scale), int(points.height() * scale))
            )
            part = min(1.0, where.source_height / A4[1])
            source = QRectF(0, 0, image.width(), image.height() * part)
            target = QRectF(
                where.x * dots,
                0,
                A4[0] * where.scale * dots,
                A4[1] * part * where.scale * dots,
            )
            painter.drawImage(target, image, source)
    finally:
        painter.end()
    return count


class ReceiptPreviewDialog(PdfPreviewDialog):
    """The preview of a kuitansi, printed on the paper chosen for the printer."""

    def __init__(
        self,
        pdf: bytes,
        title: str,
        file_name: str,
        services: Services,
        user: User,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(pdf, title, file_name, parent)
        self.services = services
        self.user = user
        self.content_mm = content_height(pdf)
        self.paper_combo = QComboBox()
        self.paper_combo.setObjectName("receipt_paper")
        for key, (label, _, _) in PAPERS.items():
            self.paper_combo.addItem(label, key)
        self.show_paper(QPrinter().printerName())
        outer = self.layout()
        item = outer.itemAt(1) if outer is not None else None
        row = item.layout() if item is not None else None
        if isinstance(row, QHBoxLayout):  # the buttons' row of the preview
            row.insertWidget(1, QLabel(self.tr("Kertas")))
            row.insertWidget(2, self.paper_combo)

    def show_paper(self, printer_name: str) -> None:
        paper = self.services.passbooks.receipt_paper(printer_name)
        self.paper_combo.setCurrentIndex(self.paper_combo.findData(paper))

    def paper(self) -> str:
        return str(self.paper_combo.currentData())

    def print_to(self, printer: QPrinter) -> int:
        return print_receipt(self.document, printer, self.paper(), self.content_mm)

    def print_with_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Cetak"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self.services.passbooks.set_receipt_paper(
                self.user, printer.printerName(), self.paper()
            )
        except AppError as exc:
            QMessageBox.warning(self, self.tr("Kertas"), str(exc))
            return
        if self.print_to(printer) == 0:
            QMessageBox.warning(
                self,
                self.tr("Tidak bisa mencetak"),
                self.tr("Printer tidak bisa dipakai. Periksa printer lalu coba lagi."),
            )
