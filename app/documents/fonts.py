"""The bundled TTF fonts, registered with ReportLab once (Helvetica lacks many glyphs)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.errors import StorageError
from app.resources import bundle_root

FONT_REGULAR = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_FILES = {FONT_REGULAR: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}


def font_path(name: str) -> Path:
    """The file of one bundled font (`FONT_REGULAR` or `FONT_BOLD`)."""
    return bundle_root() / "resources" / "fonts" / FONT_FILES[name]


def register_fonts() -> None:
    """Register the bundled fonts and their bold mapping (for <b> in Paragraphs); idempotent."""
    if FONT_REGULAR in pdfmetrics.getRegisteredFontNames():
        return
    for name in FONT_FILES:
        path = font_path(name)
        if not path.is_file():
            raise StorageError(
                f"Huruf untuk mencetak surat tidak ditemukan ({path.name}). "
                "Pasang ulang program Mufakat."
            )
        pdfmetrics.registerFont(TTFont(name, str(path)))
    # No italic files are shipped: italic falls back to the upright faces.
    addMapping(FONT_REGULAR, 0, 0, FONT_REGULAR)
    addMapping(FONT_REGULAR, 1, 0, FONT_BOLD)
    addMapping(FONT_REGULAR, 0, 1, FONT_REGULAR)
    addMapping(FONT_REGULAR, 1, 1, FONT_BOLD)
