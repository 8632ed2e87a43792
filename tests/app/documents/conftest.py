"""Shared helpers for the PDF tests: a full cooperative profile and PDF text extraction."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.resources import bundle_root
from app.settings.profile import CoopProfile

HOSTILE_NAME = "Ni'mah & <Putra>"


@pytest.fixture
def profile() -> CoopProfile:
    return CoopProfile(
        name="KSP Guyub Rukun",
        code="KSP-GR",
        badan_hukum_no="518/123/BH/XVI.12/2010",
        badan_hukum_date=date(2010, 3, 12),
        address="Jl. Gajah Mada No. 45",
        city="Kota Mojokerto",
        phone="+62321123456",
        email="kspguyubrukun@example.id",
        logo_png=(bundle_root() / "resources" / "icons" / "mufakat.png").read_bytes(),
        ketua="H. Slamet Riyadi",
    )


def pdf_pages_text(path: Path) -> list[str]:
    """The extracted text of each page, whitespace (line breaks from wrapping) collapsed."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


# The problem-loan fixtures (the cooperative's people, a member) for the source adapters' tests.
from tests.app.collection.conftest import member, people  # noqa: E402, F401
