"""Receipts (kuitansi, the savings receipt) on other paper than A4: half A4, or 9½ × 5½ inch
continuous forms for a dot-matrix printer. The receipt is laid out on A4 as always; the top of
the A4 page that holds its content is placed on the smaller paper, scaled down only when it
would not fit. Which paper a printer takes is remembered per printer."""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from typing import Any

A4 = (210.0, 297.0)
PAPERS: dict[str, tuple[str, float, float]] = {
    "a4": ("A4", 210.0, 297.0),
    "setengah_a4": ("Setengah A4 (21 × 14,85 cm)", 210.0, 148.5),
    "kontinu": ("Kertas kontinu 9½ × 5½ inci", 241.3, 139.7),
}
MARGIN_MM = 6.0  # white space kept under the receipt's last line
FOOTER_MM = 25.0  # the page foot (page number, the demo note) is not the receipt's content
PT_PER_MM = 72 / 25.4


@dataclass(frozen=True)
class Placement:
    scale: float  # A4 millimetres to paper millimetres (at most 1)
    x: float  # left edge of the A4 page on the paper, mm
    source_height: float  # how much of the A4 page, from its top, is placed (mm)


def placement(paper: str, content_height: float) -> Placement:
    """Where the top `content_height` mm of an A4 receipt goes on `paper`."""
    _, width, height = PAPERS[paper]
    if paper == "a4":
        return Placement(1.0, 0.0, A4[1])
    needed = min(max(content_height, 1.0), A4[1])
    scale = min(1.0, width / A4[0], height / needed)
    return Placement(scale, (width - A4[0] * scale) / 2, height / scale)


def content_height(pdf: bytes) -> float:
    """How far down the first page of `pdf` its text reaches, in mm, plus a small margin."""
    from pypdf import PdfReader

    page = PdfReader(BytesIO(pdf)).pages[0]
    top = float(page.mediabox.top)
    lowest: list[float] = []

    footer = float(page.mediabox.bottom) + FOOTER_MM * PT_PER_MM

    def visit(text: str, cm: Any, tm: Any, *_: Any) -> None:
        rotated = abs(float(cm[1])) > 1e-6 or abs(float(tm[1])) > 1e-6  # the CONTOH mark
        y = float(tm[5]) * float(cm[3]) + float(cm[5])
        if text.strip() and not rotated and y > footer:
            lowest.append(y)

    page.extract_text(visitor_text=visit)
    if not lowest:
        return A4[1]
    return min(A4[1], (top - min(lowest)) / PT_PER_MM + MARGIN_MM)
