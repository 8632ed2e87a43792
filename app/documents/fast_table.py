"""A plain gridded table for long member lists (the Daftar SHU of 20,000 members: 500 pages):
one line per row drawn straight on the canvas instead of a Paragraph per cell, the header
repeated on every page, a bold total row at the end. Text that does not fit its column is drawn
smaller (down to 5.5 pt), then cut with '…'; amounts are never cut (their columns are sized for
them)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from app.documents.fonts import FONT_BOLD, FONT_REGULAR, register_fonts
from app.documents.tables import GRID, HEAD_BG, TOTAL_BG

SIZE = 7.5
SMALLEST = 5.5
ROW = 10.5  # points per row
PAD = 3.0


class RowsTable(Flowable):  # type: ignore[misc]
    def __init__(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        right: Collection[int] = (),
        center: Collection[int] = (),
        total: Sequence[str] | None = None,
        empty_text: str = "Tidak ada data.",
    ) -> None:
        super().__init__()
        register_fonts()
        self.header = list(header)
        self.rows = rows
        self.widths = list(widths)
        self.right = set(right)
        self.center = set(center)
        self.total = None if total is None else list(total)
        self.empty_text = empty_text
        self.hAlign = "LEFT"

    def _lines(self) -> int:
        return (
            1
            + max(len(self.rows), 0 if self.total is not None else 1)
            + (1 if self.total is not None else 0)
        )

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = sum(self.widths)
        self.height = self._lines() * ROW
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        fit = int(availHeight // ROW) - 1  # the header takes a row
        if fit < 1:
            return []
        if fit >= len(self.rows) + (1 if self.total is not None else 0):
            return [self]
        fit = min(fit, len(self.rows))
        head = RowsTable(self.header, self.rows[:fit], self.widths, right=self.right,
                         center=self.center)  # fmt: skip
        rest = RowsTable(self.header, self.rows[fit:], self.widths, right=self.right,
                         center=self.center, total=self.total)  # fmt: skip
        return [head, rest]

    def _text(self, c: Any, text: str, column: int, x: float, y: float, font: str) -> None:
        room = self.widths[column] - 2 * PAD
        size = SIZE
        width = stringWidth(text, font, size)
        while width > room and size > SMALLEST:
            size -= 0.5
            width = stringWidth(text, font, size)
        if width > room:
            while text and stringWidth(text + "…", font, size) > room:
                text = text[:-1]
            text += "…"
        c.setFont(font, size)
        if column in self.right:
            c.drawRightString(x + self.widths[column] - PAD, y, text)
        elif column in self.center:
            c.drawCentredString(x + self.widths[column] / 2, y, text)
        else:
            c.drawString(x + PAD, y, text)

    def draw(self) -> None:
        c = self.canv
        lines: list[tuple[Sequence[str], str, str | None]] = [(self.header, FONT_BOLD, HEAD_BG)]
        lines += [(row, FONT_REGULAR, None) for row in self.rows]
        if not self.rows and self.total is None:
            lines.append(([self.empty_text], FONT_REGULAR, None))
        if self.total is not None:
            lines.append((self.total, FONT_BOLD, TOTAL_BG))
        top = self.height
        width = sum(self.widths)
        c.saveState()
        c.setStrokeColor(HexColor(GRID))
        c.setLineWidth(0.4)
        for n, (cells, font, fill) in enumerate(lines):
            y = top - (n + 1) * ROW
            if fill is not None:
                c.setFillColor(HexColor(fill))
                c.rect(0, y, width, ROW, stroke=0, fill=1)
                c.setFillColor(HexColor("#000000"))
            x = 0.0
            for column, text in enumerate(cells):
                self._text(c, str(text), column, x, y + 3.2, font)
                x += self.widths[column]
        c.rect(0, top - len(lines) * ROW, width, len(lines) * ROW, stroke=1, fill=0)
        for n in range(1, len(lines)):
            c.line(0, top - n * ROW, width, top - n * ROW)
        x = 0.0
        for w in self.widths[:-1]:
            x += w
            c.line(x, top, x, top - len(lines) * ROW)
        c.restoreState()
