"""Kartu angsuran pages as PDF (the samples): the loan card's payment lines where the card
model puts them (same drawing as the buku simpanan)."""

from __future__ import annotations

from collections.abc import Sequence

from app.documents.buku_simpanan import PageLines, render_pages
from app.passbook.layout import Layout


def render_card(layout: Layout, sides: Sequence[PageLines], *, watermark: bool = False) -> bytes:
    return render_pages(layout, sides, watermark=watermark, title="Kartu Angsuran")
