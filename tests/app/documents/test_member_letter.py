"""Surat Keterangan Anggota: the data builder and the printed letter."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.documents.member_letter import (
    MembershipLetter,
    member_address,
    membership_letter,
    render_membership_letter,
)
from app.members.models import MemberStatus
from app.savings.models import Balances
from app.services import Services
from app.settings.profile import CoopProfile
from app.users.models import User
from tests.app.documents.conftest import HOSTILE_NAME, pdf_pages_text
from tests.conftest import make_member


@pytest.fixture
def letter() -> MembershipLetter:
    return MembershipLetter(
        nomor="001/KSP-GR/SKA/XI/2026",
        letter_date=date(2026, 11, 26),
        member_number="00017",
        member_name=HOSTILE_NAME,
        nik="3576014403850001",
        address="Jl. Mawar 12 RT 003/RW 004, Kel. Gedongan, Kec. Magersari, Kota Mojokerto",
        join_date=date(2020, 1, 6),
        status=MemberStatus.AKTIF,
        status_date=None,
        balances=Balances(pokok=100_000, wajib=1_725_000, sukarela=2_950_000),
        purpose="persyaratan pengajuan beasiswa anak",
    )


def test_builder_takes_the_member_and_balances(services: Services, ketua: User) -> None:
    member = make_member(services, ketua, name=HOSTILE_NAME)
    built = membership_letter(
        member,
        Balances(100_000, 25_000, 0),
        nomor="7/X",
        on=date(2026, 11, 26),
        purpose=" ",
    )
    assert built.member_name == HOSTILE_NAME
    assert built.member_number == member.number
    assert built.address == (
        "Jl. Mawar 12 RT 003/RW 004, Kel. Gedongan, Kec. Magersari, Kota Mojokerto"
    )
    assert built.balances.total == 125_000
    assert built.purpose == ""
    assert member_address(replace(member, rt="", rw="", kelurahan="", kecamatan="")) == (
        "Jl. Mawar 12, Kota Mojokerto"
    )


def test_letter_prints_names_amounts_and_words(
    letter: MembershipLetter, profile: CoopProfile, tmp_path: Path
) -> None:
    path = render_membership_letter(letter, profile, tmp_path / "ska.pdf", is_demo=False)
    assert path.read_bytes().startswith(b"%PDF")
    assert len(PdfReader(path).pages) == 1
    text = pdf_pages_text(path)[0]
    for expected in (
        "KSP GUYUB RUKUN",
        "SURAT KETERANGAN ANGGOTA",
        "Nomor: 001/KSP-GR/SKA/XI/2026",
        HOSTILE_NAME,
        "3576014403850001",
        "Rp100.000",
        "Rp1.725.000",
        "Rp2.950.000",
        "Rp4.775.000",
        "empat juta tujuh ratus tujuh puluh lima ribu rupiah",
        "anggota aktif KSP Guyub Rukun sejak 6 Januari 2020",
        "Mojokerto, 26 November 2026",
        "H. Slamet Riyadi",
        "beasiswa anak",
    ):
        assert expected in text, expected
    assert "CONTOH" not in text


def test_demo_letter_carries_the_watermark(
    letter: MembershipLetter, profile: CoopProfile, tmp_path: Path
) -> None:
    path = render_membership_letter(letter, profile, tmp_path / "ska.pdf", is_demo=True)
    assert "CONTOH" in pdf_pages_text(path)[0]


def test_former_member_is_not_called_active(
    letter: MembershipLetter, profile: CoopProfile, tmp_path: Path
) -> None:
    left = replace(letter, status=MemberStatus.KELUAR, status_date=date(2025, 6, 30))
    text = pdf_pages_text(render_membership_letter(left, profile, tmp_path / "k.pdf", False))[0]
    assert "anggota aktif" not in text
    assert "sampai 30 Juni 2025 (keluar)" in text


def test_unsigned_profile_leaves_a_line_to_write_the_name(
    letter: MembershipLetter, tmp_path: Path
) -> None:
    bare = CoopProfile(name="KSP Baru", code="KB")
    text = pdf_pages_text(render_membership_letter(letter, bare, tmp_path / "b.pdf", False))[0]
    assert "(" + "." * 36 + ")" in text
    assert "Ketua" in text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_letter_rasterises(letter: MembershipLetter, profile: CoopProfile, tmp_path: Path) -> None:
    """poppler renders the file without complaint (catches malformed output ReportLab allows)."""
    path = render_membership_letter(letter, profile, tmp_path / "ska.pdf", is_demo=True)
    result = subprocess.run(
        ["pdftoppm", "-png", "-r", "30", str(path), str(tmp_path / "page")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert (tmp_path / "page-1.png").stat().st_size > 1000
