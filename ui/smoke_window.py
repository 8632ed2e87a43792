"""The window part of `mufakat --smoke-test` (loaded by name from app/smoke.py).

Opens the demo cooperative's main window offscreen, paints every section once, and prints a
letter through Qt (QtPdf renders it, QtPrintSupport writes it to a PDF file): in a frozen bundle
this fails when a Qt plugin, a Qt library, a font or a data file is missing.

With MUFAKAT_SMOKE_NO_QTPDF=1 (set by scripts/windows/build.sh: under Wine 8.0, pdfium inside
Qt6Pdf.dll stops at a breakpoint as soon as a QPdfDocument is made) QtPdf and QtPdfWidgets are
only loaded, and the main window itself is printed to the PDF file instead of the letter."""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from app.resources import bundle_root
from app.services import Services

SMOKE_USER = "ketua"  # a demo user who may open every section
NO_QTPDF_ENV = "MUFAKAT_SMOKE_NO_QTPDF"


class WindowCheckFailed(Exception):
    """The window opened but something in it is wrong (the message says what, in Indonesian)."""


def _application() -> QApplication:
    existing = QCoreApplication.instance()
    if existing is not None:
        if not isinstance(existing, QApplication):
            raise WindowCheckFailed("aplikasi Qt tanpa jendela sudah berjalan")
        return existing
    # Never a visible window: the smoke test runs on the user's desktop too. Off screen on
    # Windows, Qt reads fonts only from QT_QPA_FONTDIR (not the system's): the bundle's own.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.setdefault("QT_QPA_FONTDIR", str(bundle_root() / "resources" / "fonts"))
    return QApplication(sys.argv[:1])


def open_main_window_and_print(demo_db: Path, letter_pdf: Path, printed_pdf: Path) -> str:
    """Open `demo_db`'s main window offscreen and print `letter_pdf` to `printed_pdf`."""
    from ui.dialogs.pdf_preview import PdfPreviewDialog, a4_printer
    from ui.main import configure_application
    from ui.main_window import MainWindow

    app = _application()
    configure_application(app)
    if not QFontDatabase.families():
        raise WindowCheckFailed("Qt tidak menemukan satu pun huruf (font)")
    services = Services.open(demo_db)
    try:
        user = next((u for u in services.users.all() if u.username == SMOKE_USER), None)
        if user is None:
            raise WindowCheckFailed(f"pengguna contoh '{SMOKE_USER}' tidak ada")
        window = MainWindow(services, user)
        window.shut_down = lambda: None  # type: ignore[method-assign]  # closed below, no backup
        try:
            window.show()
            sections = window.sidebar.count()
            for row in range(sections):
                window.sidebar.setCurrentRow(row)
                app.processEvents()
            image = window.grab()
            if image.isNull() or image.width() < 100:
                raise WindowCheckFailed("jendela utama tidak tergambar")
            printer = a4_printer()
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(printed_pdf))
            if os.environ.get(NO_QTPDF_ENV):
                importlib.import_module("PySide6.QtPdfWidgets")  # its DLLs load, at least
                pages = _print_image(image, printer)
                what = "jendela"
            else:
                preview = PdfPreviewDialog(letter_pdf.read_bytes(), "uji", parent=window)
                try:
                    pages = preview.print_to(printer)
                finally:
                    preview.deleteLater()
                what = "surat"
        finally:
            window.close()
            window.deleteLater()
            app.processEvents()
    finally:
        services.close()
    if pages < 1:
        raise WindowCheckFailed(f"{what} tidak tercetak lewat Qt")
    skipped = f" (QtPdf dilewati: {NO_QTPDF_ENV})" if what == "jendela" else ""
    return f"{sections} bagian, {what} {pages} halaman dicetak lewat Qt{skipped}"


def _print_image(image: QPixmap, printer: QPrinter) -> int:
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        target = printer.pageLayout().paintRectPixels(printer.resolution())
        scaled = image.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
        painter.drawPixmap(target.topLeft(), scaled)
        painter.drawText(target.adjusted(0, scaled.height() + 20, 0, 0), "Mufakat – uji cepat")
    finally:
        painter.end()
    return 1
