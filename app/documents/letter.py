"""The frame of every Indonesian letter: A4 pages with the kop surat, the reference lines,
the recipient, the signature blocks, and a reproducible PDF file (ReportLab invariant mode)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.documents.fonts import FONT_REGULAR
from app.documents.letterhead import Letterhead, draw_watermark
from app.documents.styles import esc, para, styles
from app.formats import format_date_long
from app.settings.profile import CoopProfile

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT: float = 2.5 * cm
MARGIN_RIGHT: float = 2.0 * cm
MARGIN_TOP: float = 1.5 * cm
MARGIN_BOTTOM: float = 1.6 * cm
CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
SIGN_SPACE: float = 1.9 * cm  # room for a handwritten signature
DEMO_FOOTER = "Dokumen contoh dari koperasi fiktif, bukan dokumen resmi."
_PLACE_PREFIXES = ("Kota ", "Kabupaten ", "Kab. ")


@dataclass(frozen=True)
class Signer:
    """One signature block: heading line(s) above, the space to sign, the name, the position."""

    position: str
    name: str
    heading: str = ""
    meterai: bool = False


def place_name(city: str) -> str:
    """'Kota Mojokerto' -> 'Mojokerto' (letters are dated from the town's plain name)."""
    city = city.strip()
    for prefix in _PLACE_PREFIXES:
        if city.startswith(prefix):
            return city[len(prefix) :].strip()
    return city


def place_and_date(profile: CoopProfile, on: date) -> str:
    """'Mojokerto, 24 Agustus 2021' (just the date when the profile has no town)."""
    place = place_name(profile.city)
    return f"{place}, {format_date_long(on)}" if place else format_date_long(on)


def field_table(rows: Sequence[tuple[str, str]], label_width: float = 3.5 * cm) -> Table:
    """'Label : value' lines with the colons aligned (values wrap under themselves)."""
    data = [[para(label), para(":"), para(value)] for label, value in rows]
    table = Table(data, colWidths=[label_width, 0.4 * cm, CONTENT_WIDTH - label_width - 0.4 * cm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    table.hAlign = "LEFT"
    return table


def reference_block(nomor: str, perihal: str, lampiran: str = "–") -> Table:
    """Nomor / Lampiran / Perihal under the kop."""
    return field_table(
        [("Nomor", nomor or "–"), ("Lampiran", lampiran or "–"), ("Perihal", perihal)],
        label_width=2.2 * cm,
    )


def recipient_block(name: str, address: str = "") -> list[Flowable]:
    """'Kepada Yth.' / 'Bapak/Ibu <name>' / address / 'di Tempat'."""
    lines = ["Kepada Yth.", f"Bapak/Ibu {name}"]
    if address.strip():
        lines.append(address.strip())
    lines.append("di Tempat")
    return [para(line) for line in lines]


def _meterai_box() -> Table:
    box = Table([[para("METERAI\nRp10.000", "small")]], colWidths=[2.4 * cm], rowHeights=[1.5 * cm])
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.5, "#777777"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TEXTCOLOR", (0, 0), (-1, -1), "#777777"),
            ]
        )
    )
    box.hAlign = "CENTER"
    return box


def _signer_cell(signer: Signer) -> list[Flowable]:
    st = styles()
    cell: list[Flowable] = [
        Paragraph(esc(line), st["center"]) for line in signer.heading.splitlines() if line
    ]
    if signer.meterai:
        cell += [Spacer(1, 0.25 * cm), _meterai_box(), Spacer(1, 0.25 * cm)]
    else:
        cell.append(Spacer(1, SIGN_SPACE))
    name = signer.name.strip()
    shown = f"<u>{esc(name)}</u>" if name else "(" + "." * 36 + ")"
    cell.append(Paragraph(f"<b>{shown}</b>", st["center"]))
    cell.append(Paragraph(esc(signer.position), st["center"]))
    return cell


def signature_blocks(signers: Sequence[Signer], witness: Signer | None = None) -> Table:
    """Signature blocks side by side (one signer sits on the right half), and optionally a
    "Mengetahui" block centred underneath."""
    if not signers:
        raise ValueError("at least one signer")
    if len(signers) == 1:
        row: list[object] = ["", _signer_cell(signers[0])]
    else:
        row = [_signer_cell(s) for s in signers]
    columns = len(row)
    data: list[list[object]] = [row]
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]
    if witness is not None:
        data.append([_signer_cell(witness)] + [""] * (columns - 1))
        commands += [("SPAN", (0, 1), (-1, 1)), ("TOPPADDING", (0, 1), (-1, 1), 14)]
    table = Table(data, colWidths=[CONTENT_WIDTH / columns] * columns)
    table.setStyle(TableStyle(commands))
    return table


class _Pages:
    """Draws what belongs on the page itself: watermark, kop (first page), page number."""

    def __init__(self, profile: CoopProfile, is_demo: bool, letterhead: Letterhead) -> None:
        self.profile = profile
        self.is_demo = is_demo
        self.letterhead = letterhead

    def _common(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        if self.is_demo:
            draw_watermark(canvas, PAGE_WIDTH, PAGE_HEIGHT)
            canvas.setFont(FONT_REGULAR, 7.5)
            canvas.setFillGray(0.35)
            canvas.drawString(MARGIN_LEFT, MARGIN_BOTTOM / 2, DEMO_FOOTER)

    def first(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        self._common(canvas, doc)
        canvas.restoreState()
        self.letterhead.draw(canvas, MARGIN_LEFT, PAGE_HEIGHT - MARGIN_TOP)

    def later(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        self._common(canvas, doc)
        canvas.setFont(FONT_REGULAR, 8)
        canvas.setFillGray(0.2)
        canvas.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, MARGIN_BOTTOM / 2, f"Halaman {doc.page}")
        canvas.restoreState()


def build_pdf(
    path: Path,
    story: list[Flowable],
    profile: CoopProfile,
    *,
    is_demo: bool,
    title: str,
) -> Path:
    """Lay out `story` on A4 pages under the kop surat and write it to `path` atomically.

    The file is reproducible (ReportLab invariant mode): the same data gives the same bytes.
    """
    path = Path(path)
    letterhead = Letterhead(profile, CONTENT_WIDTH)
    pages = _Pages(profile, is_demo, letterhead)
    first_top = PAGE_HEIGHT - MARGIN_TOP - letterhead.height - 0.3 * cm
    first = Frame(
        MARGIN_LEFT,
        MARGIN_BOTTOM,
        CONTENT_WIDTH,
        first_top - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="first",
    )
    later = Frame(
        MARGIN_LEFT,
        MARGIN_BOTTOM,
        CONTENT_WIDTH,
        PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="later",
    )
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    doc = BaseDocTemplate(
        str(tmp),
        pagesize=A4,
        invariant=1,
        title=title,
        author=profile.name,
        creator="Mufakat",
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
    )
    doc.addPageTemplates(
        [
            PageTemplate(
                id="first", frames=[first], onPage=pages.first, autoNextPageTemplate="later"
            ),
            PageTemplate(id="later", frames=[later], onPage=pages.later),
        ]
    )
    try:
        doc.build(list(story))
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return path
