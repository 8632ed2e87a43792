"""The "Catatan pertemuan" box of the Ringkasan Kasus (a ReportLab flowable)."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import Flowable

from app.documents.fonts import FONT_BOLD


class NotesBox(Flowable):  # type: ignore[misc]
    """The "Catatan pertemuan" title with ruled lines for handwriting, filling the rest of
    the page (at least two lines, at most `most`); title and lines never part."""

    LINE = 0.75 * cm
    TITLE = 0.75 * cm

    def __init__(self, title: str, most: float = 7.5 * cm) -> None:
        super().__init__()
        self.title, self.most = title, most
        self.rows = 2
        self.width = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        room = min(self.most, avail_height - self.TITLE - 2)
        self.rows = max(2, int(room // self.LINE))
        self.width = avail_width
        return avail_width, self.TITLE + self.rows * self.LINE

    def draw(self) -> None:
        c = self.canv
        height = self.rows * self.LINE
        c.saveState()
        c.setFont(FONT_BOLD, 10)
        c.drawString(0, height + 0.25 * cm, self.title)
        c.setStrokeColor("#9a9a9a")
        c.setLineWidth(0.4)
        for n in range(1, self.rows):
            c.line(0, n * self.LINE, self.width, n * self.LINE)
        c.setStrokeColor("#666666")
        c.setLineWidth(0.6)
        c.rect(0, 0, self.width, height)
        c.restoreState()
