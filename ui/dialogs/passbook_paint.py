"""Painting passbook lines with QPainter at the layout's millimetres: on the printer (the
passbook printer's Windows driver through QPrinter; a PDF in tests), on the calibration page,
and on the on-screen preview (already printed lines grey, new ones black)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPen
from PySide6.QtPrintSupport import QPrinter

from app.passbook.codes import LEGEND
from app.passbook.layout import COLUMN_LABELS, RIGHT_ALIGNED, Layout

MM_PER_INCH = Decimal("25.4")
GREY = QColor(160, 160, 160)
BLACK = QColor(0, 0, 0)
FONT_FAMILY = "DejaVu Sans Mono"

Line = tuple[int, dict[str, str], bool]  # (line number, column texts, already printed)


def make_printer(
    layout: Layout, pdf: Path | None = None, printer: QPrinter | None = None
) -> QPrinter:
    """A printer set to the model's page, without margins (the layout's offsets are measured
    from the paper's edge); `pdf` prints to that file instead (tests, samples)."""
    printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    if pdf is not None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
    size = QPageSize(
        QSizeF(float(layout.page_width), float(layout.page_height)),
        QPageSize.Unit.Millimeter,
        layout.name,
        QPageSize.SizeMatchPolicy.ExactMatch,
    )
    printer.setPageLayout(
        QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )
    printer.setFullPage(True)
    return printer


class MmPainter:
    """Draws at millimetres on any paint device (printer, image)."""

    def __init__(self, painter: QPainter, dpi_x: float, dpi_y: float, layout: Layout) -> None:
        self.p = painter
        self.sx = dpi_x / 25.4
        self.sy = dpi_y / 25.4
        self.layout = layout
        font = QFont(FONT_FAMILY)
        font.setStyleHint(QFont.StyleHint.TypeWriter)
        font.setPointSizeF(float(layout.font_size))
        painter.setFont(font)

    def x(self, mm: Decimal | float) -> float:
        return float(mm) * self.sx

    def y(self, mm: Decimal | float) -> float:
        return float(mm) * self.sy

    def text(self, column: str, baseline_mm: Decimal, text: str, colour: QColor) -> None:
        if not text:
            return
        col = self.layout.column(column)
        width = self.p.fontMetrics().horizontalAdvance(text)
        if column in RIGHT_ALIGNED:
            left = self.x(self.layout.left + col.x + col.width) - width
        else:
            left = self.x(self.layout.left + col.x)
        self.p.setPen(colour)
        self.p.drawText(QPointF(left, self.y(baseline_mm)), text)

    def lines(self, lines: Sequence[Line]) -> None:
        for number, values, grey in lines:
            baseline = self.layout.line_y(number)
            for col in self.layout.columns:
                self.text(
                    col.name,
                    baseline,
                    values.get(col.name, ""),
                    GREY if grey else BLACK,
                )


def paint_lines(
    painter: QPainter, dpi_x: float, dpi_y: float, layout: Layout, lines: Sequence[Line]
) -> None:
    MmPainter(painter, dpi_x, dpi_y, layout).lines(lines)


def print_page(printer: QPrinter, layout: Layout, lines: Sequence[Line]) -> None:
    """One page job onto the printer (only the lines given; the paper already has the rest)."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("Printer tidak bisa dipakai. Periksa printer buku lalu coba lagi.")
    try:
        paint_lines(painter, printer.logicalDpiX(), printer.logicalDpiY(), layout, lines)
    finally:
        painter.end()


def paint_calibration(painter: QPainter, dpi_x: float, dpi_y: float, layout: Layout) -> None:
    """A ruler along the top and left edge (every mm, numbers every 10 mm), a mark at every
    line's baseline and the column edges, so the offsets can be read off the printed page."""
    mm = MmPainter(painter, dpi_x, dpi_y, layout)
    pen = QPen(Qt.GlobalColor.black)
    pen.setWidthF(max(1.0, mm.sx * 0.15))
    painter.setPen(pen)
    small = QFont(painter.font())
    small.setPointSizeF(6)
    painter.setFont(small)
    for n in range(int(layout.page_width) + 1):
        tick = 4 if n % 10 == 0 else (2.5 if n % 5 == 0 else 1.5)
        painter.drawLine(QPointF(mm.x(n), 0), QPointF(mm.x(n), mm.y(tick)))
        if n % 10 == 0 and n:
            painter.drawText(QPointF(mm.x(n) + 2, mm.y(7)), str(n))
    for n in range(int(layout.page_height) + 1):
        tick = 4 if n % 10 == 0 else (2.5 if n % 5 == 0 else 1.5)
        painter.drawLine(QPointF(0, mm.y(n)), QPointF(mm.x(tick), mm.y(n)))
        if n % 10 == 0 and n:
            painter.drawText(QPointF(mm.x(5), mm.y(n) - 2), str(n))
    for line in range(1, layout.lines_per_page + 1):
        y = mm.y(layout.line_y(line))
        painter.drawLine(QPointF(mm.x(layout.left - 3), y), QPointF(mm.x(layout.left - 1), y))
        painter.drawText(QPointF(mm.x(layout.left - 1) + 2, y), str(line))
    for col in layout.columns:
        for edge in (col.x, col.x + col.width):
            x = mm.x(layout.left + edge)
            painter.drawLine(QPointF(x, mm.y(layout.top - 6)), QPointF(x, mm.y(layout.top - 4)))
        painter.drawText(
            QPointF(mm.x(layout.left + col.x), mm.y(layout.top - 7)),
            COLUMN_LABELS.get(col.name, col.name),
        )
    legend = "  ".join(f"{code}={label}" for code, label in LEGEND)
    painter.drawText(
        QRectF(mm.x(10), mm.y(layout.page_height - 8), mm.x(layout.page_width - 20), mm.y(6)),
        legend,
    )


def print_calibration(printer: QPrinter, layout: Layout) -> None:
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("Printer tidak bisa dipakai. Periksa printer buku lalu coba lagi.")
    try:
        paint_calibration(painter, printer.logicalDpiX(), printer.logicalDpiY(), layout)
    finally:
        painter.end()


def render_preview(layout: Layout, lines: Sequence[Line], dpi: float = 96.0) -> QImage:
    """The page to scale on screen: the paper, the fold, printed lines grey, new lines black."""
    width = round(float(layout.page_width) / 25.4 * dpi)
    height = round(float(layout.page_height) / 25.4 * dpi)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(QColor(255, 253, 240))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        if layout.fold_after:
            middle = (layout.line_y(layout.fold_after) + layout.line_y(layout.fold_after + 1)) / 2
            pen = QPen(QColor(200, 190, 160))
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            y = float(middle - layout.pitch / 2) * dpi / 25.4
            painter.drawLine(QPointF(0, y), QPointF(width, y))
        painter.setPen(QColor(120, 120, 120))
        painter.drawRect(QRectF(0, 0, width - 1, height - 1))
        paint_lines(painter, dpi, dpi, layout, lines)
    finally:
        painter.end()
    return image
