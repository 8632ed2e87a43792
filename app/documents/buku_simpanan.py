"""Buku simpanan pages as PDF (the samples): each line exactly where the passbook model puts
it on the paper, in a typewriter face as a passbook printer prints. The counter prints through
Qt (ui/dialogs/passbook_paint.py) with the same layout arithmetic (app/passbook/layout.py)."""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.documents.letterhead import draw_watermark
from app.passbook.layout import RIGHT_ALIGNED, Layout

FONT = "Courier"
PageLines = Sequence[tuple[int, dict[str, str]]]  # (line number, column texts)


def render_pages(
    layout: Layout, pages: Sequence[PageLines], *, watermark: bool = False, title: str = ""
) -> bytes:
    """One PDF page per passbook page, the paper's size, lines at the layout's positions."""
    out = BytesIO()
    width, height = float(layout.page_width) * mm, float(layout.page_height) * mm
    canvas = Canvas(out, pagesize=(width, height), invariant=True)
    canvas.setTitle(title or layout.name)
    size = float(layout.font_size)
    for lines in pages:
        if watermark:
            canvas.saveState()
            canvas.scale(width / 595, width / 595)
            draw_watermark(canvas, 595, height * 595 / width)
            canvas.restoreState()
        canvas.setFont(FONT, size)
        for number, texts in lines:
            y = height - float(layout.line_y(number)) * mm
            for col in layout.columns:
                text = texts.get(col.name, "")
                if not text:
                    continue
                if col.name in RIGHT_ALIGNED:
                    right = float(layout.left + col.x + col.width) * mm
                    canvas.drawRightString(right, y, text)
                else:
                    canvas.drawString(float(layout.left + col.x) * mm, y, text)
        canvas.showPage()
    canvas.save()
    return out.getvalue()
