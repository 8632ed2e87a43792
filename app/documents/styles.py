"""Paragraph styles for A4 letters, and the one way text from the database enters a PDF."""

from __future__ import annotations

from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from app.documents.fonts import FONT_BOLD, FONT_REGULAR, register_fonts

BODY_SIZE = 10.5
CELL_SIZE = 8.5
MUTED = "#6f6f6f"  # cancelled lines in tables


def esc(text: object) -> str:
    """Text as Paragraph markup that prints literally: `Ni'mah & <Putra>` stays as typed.

    Line breaks in the text (addresses) become <br/>.
    """
    return escape(str(text)).replace("\r\n", "\n").replace("\n", "<br/>")


@cache
def styles() -> dict[str, ParagraphStyle]:
    """The named paragraph styles of every document (fonts registered on first use)."""
    register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=FONT_REGULAR,
        fontSize=BODY_SIZE,
        leading=BODY_SIZE * 1.4,
        alignment=TA_LEFT,
    )
    return {
        "body": body,
        "justify": ParagraphStyle("justify", parent=body, alignment=TA_JUSTIFY),
        "right": ParagraphStyle("right", parent=body, alignment=TA_RIGHT),
        "center": ParagraphStyle("center", parent=body, alignment=TA_CENTER),
        "bold": ParagraphStyle("bold", parent=body, fontName=FONT_BOLD),
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=12,
            leading=16,
            alignment=TA_CENTER,
            spaceAfter=2,
        ),
        "subtitle": ParagraphStyle("subtitle", parent=body, alignment=TA_CENTER, spaceAfter=8),
        "cell": ParagraphStyle("cell", parent=body, fontSize=CELL_SIZE, leading=CELL_SIZE + 2),
        "cell_right": ParagraphStyle(
            "cell_right", parent=body, fontSize=CELL_SIZE, leading=CELL_SIZE + 2, alignment=TA_RIGHT
        ),
        "cell_muted": ParagraphStyle(
            "cell_muted", parent=body, fontSize=CELL_SIZE, leading=CELL_SIZE + 2, textColor=MUTED
        ),
        "cell_right_muted": ParagraphStyle(
            "cell_right_muted",
            parent=body,
            fontSize=CELL_SIZE,
            leading=CELL_SIZE + 2,
            alignment=TA_RIGHT,
            textColor=MUTED,
        ),
        "cell_head": ParagraphStyle(
            "cell_head",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=CELL_SIZE,
            leading=CELL_SIZE + 2,
            alignment=TA_CENTER,
        ),
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10),
        "kop_name": ParagraphStyle(
            "kop_name",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=16,
            leading=19,
            alignment=TA_CENTER,
        ),
        "kop_line": ParagraphStyle(
            "kop_line", parent=body, fontSize=9, leading=11.5, alignment=TA_CENTER
        ),
    }


def para(text: object, style: str = "body") -> Paragraph:
    """A Paragraph of plain text (escaped) in one of the named styles."""
    return Paragraph(esc(text), styles()[style])


def bold(text: object) -> str:
    """Escaped text wrapped in <b> (for building markup from pieces)."""
    return f"<b>{esc(text)}</b>"
