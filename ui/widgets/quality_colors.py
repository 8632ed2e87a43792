"""The one colour table of loan quality classes (kolektibilitas): list cells, legends, charts.

A class is never shown by colour alone: every place that uses these colours also writes the
word (`app.loans.quality.class_label`). Colours are kept as hex text so charts and PDFs can use
the same table; the Qt helpers below turn them into QColor / style sheets.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from app.loans.quality import CLASS_LABELS, CLASS_ORDER, class_label

# code -> (background, text colour). Text colours chosen for contrast of at least 4.5:1.
QUALITY_COLORS: dict[str, tuple[str, str]] = {
    "L": ("#2e7d32", "#ffffff"),  # Lancar: green
    "DPK": ("#f4d03f", "#1a1a1a"),  # Dalam Perhatian Khusus: yellow
    "KL": ("#f39c12", "#1a1a1a"),  # Kurang Lancar: orange
    "D": ("#b34700", "#ffffff"),  # Diragukan: dark orange
    "M": ("#c0392b", "#ffffff"),  # Macet: red
    "HB": ("#6d6d6d", "#ffffff"),  # Hapus Buku: grey
}

assert set(QUALITY_COLORS) == set(CLASS_LABELS), "every class needs exactly one colour"


def background_hex(code: str) -> str:
    return QUALITY_COLORS[code][0]


def text_hex(code: str) -> str:
    return QUALITY_COLORS[code][1]


def background(code: str) -> QColor:
    return QColor(QUALITY_COLORS[code][0])


def foreground(code: str) -> QColor:
    return QColor(QUALITY_COLORS[code][1])


def badge_style(code: str) -> str:
    """Style sheet of a QLabel showing the class word on its colour."""
    bg, fg = QUALITY_COLORS[code]
    return f"background:{bg}; color:{fg}; border-radius:3px; padding:2px 8px; font-weight:bold;"


def ordered(codes: tuple[str, ...] | list[str] | None = None) -> list[tuple[str, str]]:
    """(code, word) pairs best to worst, for legends; all classes when `codes` is None."""
    wanted = CLASS_ORDER if codes is None else tuple(c for c in CLASS_ORDER if c in codes)
    return [(code, class_label(code)) for code in wanted]
