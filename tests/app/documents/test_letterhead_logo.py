"""The logo is encoded once per process and written into each PDF exactly as ReportLab's own
drawImage would write it (with its transparency mask)."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from app.demo.generate import demo_profile
from app.documents import letterhead, sp_letters
from app.documents.context import DocContext
from tests.app.documents import docdata


def test_cached_logo_is_what_draw_image_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = DocContext(profile=demo_profile(date(2026, 11, 26)), is_demo=True)
    letter = docdata.sp(1)
    real_draw_image = Canvas.drawImage
    calls: list[object] = []

    def counting(self: Canvas, *args: object, **kwargs: object) -> object:
        calls.append(args)
        return real_draw_image(self, *args, **kwargs)

    monkeypatch.setattr(Canvas, "drawImage", counting)
    cached, _pages = sp_letters.render(letter, ctx)
    assert calls == []  # the cache, not ReportLab's per-document encoding
    assert letterhead._encoded.cache_info().currsize >= 1
    monkeypatch.setattr(letterhead, "_encoded", lambda _png: None)  # forces the fallback
    plain, _pages = sp_letters.render(letter, ctx)
    assert len(calls) == 1
    assert cached == plain
    [image] = PdfReader(BytesIO(cached)).pages[0]["/Resources"]["/XObject"].values()
    image = image.get_object()
    assert image["/Width"] == 256 and image["/SMask"].get_object()["/Width"] == 256
