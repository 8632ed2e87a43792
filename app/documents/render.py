"""Lay a document's story out on A4 pages and return the PDF bytes: kop surat on the first
page, "Halaman 1 dari 2" and the document number at the foot of every page of a longer
document, the demo watermark, and ReportLab's invariant mode so equal input gives equal bytes."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from io import BytesIO
from typing import Any

import reportlab.rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from app.documents.fonts import FONT_REGULAR
from app.documents.letter import (
    CONTENT_WIDTH,
    DEMO_FOOTER,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_WIDTH,
)
from app.documents.letterhead import Letterhead, draw_watermark
from app.documents.styles import styles
from app.settings.profile import CoopProfile

# ReportLab uses its C speed-ups (rl-accel) when installed; named here so the bundler packs
# them too. Without them it falls back to pure Python: slower, the same PDFs.
with contextlib.suppress(ImportError):
    import _rl_accel  # noqa: F401

# Binary streams instead of ASCII85: smaller files and much faster (the pure-Python encoder
# is the slowest part of writing a PDF without ReportLab's optional C accelerator).
reportlab.rl_config.useA85 = 0

MARGIN_BOTTOM: float = 1.6 * cm  # the foot line sits in it (a little lower than letter.py's)
FOOT_Y = MARGIN_BOTTOM / 2


def _numbered_canvas(foot_left: str, is_demo: bool) -> Callable[..., Canvas]:
    """A canvas that holds its pages back until the end, so each foot can say "dari N"."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._foot(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _foot(self, total: int) -> None:
            self.saveState()
            self.setFont(FONT_REGULAR, 7.5)
            self.setFillGray(0.3)
            if total > 1:
                self.drawRightString(
                    PAGE_WIDTH - MARGIN_RIGHT,
                    FOOT_Y,
                    f"Halaman {self._pageNumber} dari {total}",
                )
                if foot_left:
                    self.drawString(MARGIN_LEFT, FOOT_Y, foot_left[:110])
            if is_demo:
                self.drawString(MARGIN_LEFT, FOOT_Y - 10, DEMO_FOOTER)
            self.restoreState()

    return NumberedCanvas


class _Pages:
    def __init__(self, is_demo: bool, letterhead: Letterhead | None) -> None:
        self.is_demo = is_demo
        self.letterhead = letterhead

    def first(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self.later(canvas, doc)
        if self.letterhead is not None:
            self.letterhead.draw(canvas, MARGIN_LEFT, PAGE_HEIGHT - MARGIN_TOP)

    def later(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        if self.is_demo:
            draw_watermark(canvas, PAGE_WIDTH, PAGE_HEIGHT)


def _frame(frame_id: str, top: float) -> Frame:
    return Frame(
        MARGIN_LEFT,
        MARGIN_BOTTOM,
        CONTENT_WIDTH,
        top - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id=frame_id,
    )


def render_story(
    story: Sequence[Flowable],
    profile: CoopProfile,
    *,
    is_demo: bool,
    title: str,
    number: str = "",
    letterhead: bool = True,
) -> tuple[bytes, int]:
    """The PDF bytes of `story` and its page count."""
    styles()  # registers the fonts
    head = Letterhead(profile, CONTENT_WIDTH) if letterhead else None
    pages = _Pages(is_demo, head)
    first_top = PAGE_HEIGHT - MARGIN_TOP - (head.height + 0.4 * cm if head else 0.0)
    out = BytesIO()
    doc = BaseDocTemplate(
        out,
        pagesize=A4,
        invariant=1,
        title=title,
        author=profile.name,
        creator="Mufakat",
        subject=number,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
    )
    doc.addPageTemplates(
        [
            PageTemplate(
                id="first",
                frames=[_frame("first", first_top)],
                onPage=pages.first,
                autoNextPageTemplate="later",
            ),
            PageTemplate(
                id="later", frames=[_frame("later", PAGE_HEIGHT - MARGIN_TOP)], onPage=pages.later
            ),
        ]
    )
    foot = f"{title} · Nomor {number}" if number else title
    canvas_class = _numbered_canvas(foot, is_demo)
    doc.build(list(story), canvasmaker=canvas_class)
    return out.getvalue(), int(doc.page)
