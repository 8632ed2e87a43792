"""The kop surat (letterhead) from the cooperative's profile, and the demo watermark."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO

from reportlab.lib.boxstuff import aspectRatioFix
from reportlab.lib.colors import Color, black
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader, _digester
from reportlab.pdfbase.pdfdoc import PDFImageXObject, PDFObjectReference
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from app.documents.fonts import FONT_BOLD
from app.documents.styles import esc, styles
from app.formats import format_date_long
from app.identity import format_phone
from app.settings.profile import CoopProfile

LOGO_SIZE: float = 2.3 * cm
LOGO_GAP: float = 0.3 * cm
RULE_GAP: float = 0.25 * cm  # between the last text line and the double rule
MIN_LINE_SIZE = 7.0  # a long address or legal line shrinks to this before it wraps
WATERMARK_TEXT = "CONTOH"
WATERMARK_COLOUR = Color(0.55, 0.55, 0.55, alpha=0.18)


def letterhead_lines(profile: CoopProfile) -> list[str]:
    """The plain-text lines under the cooperative's name (empty parts are left out)."""
    lines: list[str] = []
    if profile.badan_hukum_no.strip():
        legal = f"Badan Hukum No. {profile.badan_hukum_no.strip()}"
        if profile.badan_hukum_date:
            legal += f" tanggal {format_date_long(profile.badan_hukum_date)}"
        lines.append(legal)
    place = ", ".join(p.strip() for p in (profile.address, profile.city) if p.strip())
    if place:
        lines.append(place)
    contact = []
    if profile.phone.strip():
        contact.append(f"Telp. {format_phone(profile.phone.strip())}")
    if profile.email.strip():
        contact.append(f"E-mail: {profile.email.strip()}")
    if contact:
        lines.append(" · ".join(contact))
    return lines


def _fitting_style(style: ParagraphStyle, text: str, width: float) -> ParagraphStyle:
    """`style`, made smaller (down to MIN_LINE_SIZE) so that `text` fits on one line if it can."""
    natural = stringWidth(text, style.fontName, style.fontSize)
    if natural <= width:
        return style
    size = max(MIN_LINE_SIZE, style.fontSize * width / natural * 0.98)
    return ParagraphStyle(
        f"{style.name}_{size:.2f}", parent=style, fontSize=size, leading=size * 1.25
    )


class Letterhead:
    """A laid-out kop surat of a given width: measure it with `height`, then `draw` it."""

    def __init__(self, profile: CoopProfile, width: float) -> None:
        self.profile = profile
        self.width = width
        self.logo = bool(profile.logo_png)
        # With a logo the text is kept centred on the page: the same margin on both sides.
        side = LOGO_SIZE + LOGO_GAP if self.logo else 0.0
        self.text_width = width - 2 * side
        st = styles()
        name = profile.name.strip().upper() or "NAMA KOPERASI BELUM DIISI"
        self.paragraphs = [Paragraph(esc(name), st["kop_name"])]
        self.paragraphs += [
            Paragraph(esc(line), _fitting_style(st["kop_line"], line, self.text_width))
            for line in letterhead_lines(profile)
        ]
        self._heights: list[float] = [p.wrap(self.text_width, 10 * cm)[1] for p in self.paragraphs]
        self.text_height: float = sum(self._heights) + 2 * (len(self.paragraphs) - 1)

    @property
    def height(self) -> float:
        """From the top of the kop to just below its double rule."""
        block = max(self.text_height, LOGO_SIZE if self.logo else 0.0)
        return block + RULE_GAP + 4

    def draw(self, canvas: Canvas, x: float, top: float) -> float:
        """Draw with the top-left corner at (x, top); returns the y just below the rule."""
        block = max(self.text_height, LOGO_SIZE if self.logo else 0.0)
        if self.logo:
            draw_logo(canvas, self.profile.logo_png, x, top - (block + LOGO_SIZE) / 2, LOGO_SIZE)
        text_x = x + (self.width - self.text_width) / 2
        y = top - (block - self.text_height) / 2
        for paragraph, height in zip(self.paragraphs, self._heights, strict=True):
            y -= height
            paragraph.drawOn(canvas, text_x, y)
            y -= 2
        rule_y = top - block - RULE_GAP
        canvas.saveState()
        canvas.setStrokeColor(black)
        canvas.setLineWidth(2)
        canvas.line(x, rule_y, x + self.width, rule_y)
        canvas.setLineWidth(0.6)
        canvas.line(x, rule_y - 3, x + self.width, rule_y - 3)
        canvas.restoreState()
        return rule_y - 4


def draw_watermark(canvas: Canvas, page_width: float, page_height: float) -> None:
    """A light diagonal "CONTOH" across the page, under the text: marks demo documents."""
    canvas.saveState()
    canvas.setFillColor(WATERMARK_COLOUR)
    canvas.setFont(FONT_BOLD, 110)
    canvas.translate(page_width / 2, page_height / 2)
    canvas.rotate(45)
    canvas.drawCentredString(0, -40, WATERMARK_TEXT)
    canvas.restoreState()


@dataclass(frozen=True)
class _Logo:
    """A logo ready for any PDF: its image object (and transparency mask) encoded once."""

    name: str
    image: PDFImageXObject
    mask: PDFImageXObject | None
    size: tuple[int, int]


@lru_cache(maxsize=4)
def _encoded(png: bytes) -> _Logo:
    """Decode and compress the logo once per process (ReportLab would do it per document,
    the largest part of a one-page letter's time)."""
    reader = ImageReader(BytesIO(png))
    rgb = reader.getRGBData()  # also splits off the alpha channel (reader._dataA)
    alpha = getattr(reader, "_dataA", None)
    name = _digester(rgb + (alpha.getRGBData() if alpha else b"auto"))
    image = PDFImageXObject(name, reader, mask="auto")
    image.name = name
    mask = image.__dict__.pop("_smask", None)
    return _Logo(name, image, mask, reader.getSize())


def draw_logo(canvas: Canvas, png: bytes, x: float, y: float, size: float) -> None:
    """The logo centred in the square (x, y, size): its image is added to this document from
    the process-wide cache (the same bytes as canvas.drawImage would write)."""
    try:
        logo = _encoded(png)
        doc = canvas._doc
        ref = doc.getXObjectName(logo.name)
        if doc.idToObject.get(ref) is None:
            image = copy.copy(logo.image)
            canvas._setXObjects(image)
            doc.Reference(image, ref)
            doc.addForm(logo.name, image)
            if logo.mask is not None:
                mask = copy.copy(logo.mask)
                mask_ref = doc.getXObjectName(mask.name)
                if doc.idToObject.get(mask_ref) is None:
                    canvas._setXObjects(mask)
                    image.smask = doc.Reference(mask, mask_ref)
                else:
                    image.smask = PDFObjectReference(mask_ref)
    except (AttributeError, KeyError, TypeError):  # another ReportLab: the plain way
        canvas.drawImage(
            ImageReader(BytesIO(png)),
            x,
            y,
            size,
            size,
            preserveAspectRatio=True,
            anchor="c",
            mask="auto",
        )
        return
    left, bottom, width, height, _scaled = aspectRatioFix(
        True, "c", x, y, size, size, logo.size[0], logo.size[1], False
    )
    canvas._currentPageHasImages = 1
    canvas.saveState()
    canvas.translate(left, bottom)
    canvas.scale(width, height)
    canvas._code.append(f"/{ref} Do")
    canvas.restoreState()
    canvas._formsinuse.append(logo.name)
