"""The letter frame: kop surat lines, escaping, page templates, watermark, reproducible files."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from app.documents.letter import CONTENT_WIDTH, build_pdf, place_and_date, place_name
from app.documents.letterhead import MIN_LINE_SIZE, Letterhead, letterhead_lines
from app.documents.styles import esc, para
from app.settings.profile import CoopProfile
from tests.app.documents.conftest import HOSTILE_NAME, pdf_pages_text


def test_letterhead_lines_from_profile(profile: CoopProfile) -> None:
    assert letterhead_lines(profile) == [
        "Badan Hukum No. 518/123/BH/XVI.12/2010 tanggal 12 Maret 2010",
        "Jl. Gajah Mada No. 45, Kota Mojokerto",
        "Telp. 0321-123456 · E-mail: kspguyubrukun@example.id",
    ]


def test_letterhead_lines_leave_out_empty_parts() -> None:
    bare = CoopProfile(name="KSP Baru", code="KB", city="Kabupaten Jombang")
    assert letterhead_lines(bare) == ["Kabupaten Jombang"]
    assert letterhead_lines(CoopProfile(name="X", badan_hukum_no="12/BH")) == [
        "Badan Hukum No. 12/BH"
    ]


def test_place_and_date_uses_the_plain_town_name(profile: CoopProfile) -> None:
    assert place_name("Kota Mojokerto") == "Mojokerto"
    assert place_name("Kab. Sidoarjo") == "Sidoarjo"
    assert place_and_date(profile, date(2021, 8, 24)) == "Mojokerto, 24 Agustus 2021"
    assert place_and_date(CoopProfile(), date(2021, 8, 24)) == "24 Agustus 2021"


def test_escaping_keeps_markup_characters_literal() -> None:
    assert esc(HOSTILE_NAME) == "Ni'mah &amp; &lt;Putra&gt;"
    assert esc("Jl. A\nRT 1") == "Jl. A<br/>RT 1"
    # A name that looks like markup must not become markup (nor crash the parser).
    assert para("<b>bukan tebal</b> & <font size=40>").getPlainText() == (
        "<b>bukan tebal</b> & <font size=40>"
    )


def _long_story(profile: CoopProfile, tmp_path: Path, is_demo: bool) -> Path:
    story = [para(f"Baris ke-{n}: {HOSTILE_NAME} menyetor Rp{n}.000") for n in range(1, 90)]
    return build_pdf(tmp_path / "panjang.pdf", story, profile, is_demo=is_demo, title="Uji")


def test_kop_on_the_first_page_and_page_numbers_after(profile: CoopProfile, tmp_path: Path) -> None:
    pages = pdf_pages_text(_long_story(profile, tmp_path, is_demo=False))
    assert len(pages) >= 2
    assert "KSP GUYUB RUKUN" in pages[0]
    assert "Badan Hukum No. 518/123/BH/XVI.12/2010" in pages[0]
    assert "KSP GUYUB RUKUN" not in pages[1]
    assert "Halaman 2" in pages[1]
    assert "Halaman 1" not in pages[0]
    joined = "\n".join(pages)
    assert "Baris ke-1: Ni'mah & <Putra> menyetor Rp1.000" in joined
    assert "Baris ke-89:" in joined
    assert "CONTOH" not in joined


def test_demo_watermark_on_every_page(profile: CoopProfile, tmp_path: Path) -> None:
    pages = pdf_pages_text(_long_story(profile, tmp_path, is_demo=True))
    assert all("CONTOH" in text for text in pages)
    assert "bukan dokumen resmi" in pages[0]


def test_logo_is_embedded_and_files_are_reproducible(profile: CoopProfile, tmp_path: Path) -> None:
    story = [para("Isi surat.")]
    first = build_pdf(tmp_path / "a.pdf", story, profile, is_demo=False, title="Uji")
    second = build_pdf(
        tmp_path / "b.pdf", [para("Isi surat.")], profile, is_demo=False, title="Uji"
    )
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes().startswith(b"%PDF")
    page = PdfReader(first).pages[0]
    assert len(page.images) == 1
    no_logo = build_pdf(
        tmp_path / "c.pdf",
        [para("Isi surat.")],
        CoopProfile(name="KSP Tanpa Logo"),
        is_demo=False,
        title="Uji",
    )
    assert len(PdfReader(no_logo).pages[0].images) == 0
    assert not list(tmp_path.glob(".*.tmp"))  # the temporary file was moved into place


def test_long_kop_lines_shrink_to_one_line_before_wrapping(profile: CoopProfile) -> None:
    long_legal = replace(profile, badan_hukum_no="518/127/BH/XVI.35/417.304/2017")
    head = Letterhead(long_legal, CONTENT_WIDTH)
    legal = head.paragraphs[1]
    assert MIN_LINE_SIZE <= legal.style.fontSize < 9
    assert len(legal.blPara.lines) == 1
    # Text far too long for one line still wraps (at the smallest size) instead of overflowing.
    huge = Letterhead(replace(profile, address="Jl. Panjang Sekali " * 12), CONTENT_WIDTH)
    address = huge.paragraphs[2]
    assert address.style.fontSize == MIN_LINE_SIZE
    assert len(address.blPara.lines) >= 2


def test_hostile_profile_text_prints_literally(profile: CoopProfile, tmp_path: Path) -> None:
    odd = replace(profile, name="KSP <Maju> & Jaya", address="Jl. A&B <No. 5>", ketua="O'Neil")
    path = build_pdf(tmp_path / "odd.pdf", [para("Isi.")], odd, is_demo=False, title="<b>&")
    text = pdf_pages_text(path)[0]
    assert "KSP <MAJU> & JAYA" in text
    assert "Jl. A&B <No. 5>, Kota Mojokerto" in text
    assert PdfReader(path).metadata.title == "<b>&"
