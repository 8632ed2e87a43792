"""Pratinjau of a document (QtPdf) with Cetak (the system's printer dialog, A4) and Simpan
sebagai PDF. The bytes shown are the bytes kept in the register."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSize
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

PRINT_DPI = 300


def a4_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    printer.setFullPage(True)
    return printer


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Paint every page of `document` onto `printer` (full A4 page); returns pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        target = printer.pageLayout().fullRectPixels(printer.resolution())
        count = document.pageCount()
        for index in range(count):
            if index:
                printer.newPage()
            points = document.pagePointSize(index)
            scale = PRINT_DPI / 72
            image = document.render(
                index, QSize(int(points.width() * scale), int(points.height() * scale))
            )
            painter.drawImage(target, image)
    finally:
        painter.end()
    return count


class PdfPreviewDialog(QDialog):
    """Shows `pdf`; Cetak and Simpan sebagai PDF act on exactly these bytes."""

    def __init__(
        self, pdf: bytes, title: str, file_name: str = "dokumen.pdf", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.file_name = file_name
        self.setWindowTitle(self.tr("Pratinjau – {title}").format(title=title))
        self._data = QByteArray(pdf)
        self._buffer = QBuffer(self._data, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        self.pages_label = QLabel(
            self.tr("{n} halaman").format(n=self.document.pageCount()), objectName="pages_label"
        )
        self.print_button = QPushButton(self.tr("Cetak…"), objectName="print_button")
        self.save_button = QPushButton(self.tr("Simpan sebagai PDF…"), objectName="save_button")
        self.close_button = QPushButton(self.tr("Tutup"), objectName="close_button")
        self.print_button.clicked.connect(self.print_with_dialog)
        self.save_button.clicked.connect(self.save_with_dialog)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pages_label)
        buttons.addStretch(1)
        for button in (self.print_button, self.save_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.print_button.setDefault(True)
        self.resize(820, 680)  # inside 1366×768 less the taskbar and the title bar

    # -- printing and saving ---------------------------------------------------------------
    def print_to(self, printer: QPrinter) -> int:
        """Print through `printer` (a real printer, or a PDF file for checking)."""
        return print_document(self.document, printer)

    def print_with_dialog(self) -> None:
        printer = a4_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Cetak"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if self.print_to(printer) == 0:
            QMessageBox.warning(
                self,
                self.tr("Tidak bisa mencetak"),
                self.tr("Printer tidak bisa dipakai. Periksa printer lalu coba lagi."),
            )

    def save_to(self, path: Path) -> Path:
        path = Path(path)
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        path.write_bytes(self.pdf)
        return path

    def save_with_dialog(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Simpan sebagai PDF"),
            str(Path.home() / self.file_name),
            self.tr("Dokumen PDF (*.pdf)"),
        )
        if not name:
            return
        try:
            self.save_to(Path(name))
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Tidak bisa menyimpan"),
                self.tr("File tidak bisa disimpan: {reason}").format(reason=exc.strerror),
            )


def safe_file_name(text: str) -> str:
    """A file name from a document number: '012/KSP-GR/SP-1/VIII/2021' -> '012-KSP-GR-SP-1-…'."""
    cleaned = "".join(c if c.isalnum() or c in "-_" else "-" for c in text).strip("-")
    return (cleaned or "dokumen")[:80] + ".pdf"
