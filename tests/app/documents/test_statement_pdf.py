"""The savings statement PDF: names, amounts, cancelled lines, page breaks, the demo mark."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.documents.statement_pdf import NO_LINES, render_savings_statement
from app.members.models import Member
from app.savings.models import SavingsKind
from app.savings.statement import SavingsStatement, build_savings_statement
from app.services import Services
from app.settings.profile import CoopProfile
from app.users.models import User
from tests.app.documents.conftest import HOSTILE_NAME, pdf_pages_text
from tests.conftest import make_member

TODAY = date(2026, 11, 26)


@pytest.fixture
def member(services: Services, ketua: User) -> Member:
    member = make_member(services, ketua, name=HOSTILE_NAME)
    sv = services.savings
    sv.deposit(ketua, member.id, SavingsKind.POKOK, 100_000, date(2020, 1, 6), today=TODAY)
    sv.deposit(ketua, member.id, SavingsKind.SUKARELA, 500_000, date(2025, 12, 20), today=TODAY)
    sv.deposit(ketua, member.id, SavingsKind.WAJIB, 75_000, date(2026, 1, 5), today=TODAY)
    wrong = sv.deposit(
        ketua, member.id, SavingsKind.SUKARELA, 90_000, date(2026, 2, 1),
        method="transfer", note="titipan <Bu RT> & anak", today=TODAY,
    )  # fmt: skip
    sv.withdraw(ketua, member.id, SavingsKind.SUKARELA, 200_000, date(2026, 3, 1), today=TODAY)
    sv.reverse(ketua, wrong.id, "Salah anggota", today=date(2026, 3, 2))
    return member


def _statement(services: Services, member: Member) -> SavingsStatement:
    return build_savings_statement(
        services.savings, member, date(2026, 1, 1), date(2026, 10, 31), TODAY
    )


def test_statement_prints_member_summary_and_lines(
    services: Services, member: Member, profile: CoopProfile, tmp_path: Path
) -> None:
    statement = _statement(services, member)
    path = render_savings_statement(statement, profile, tmp_path / "rek.pdf", is_demo=False)
    assert path.read_bytes().startswith(b"%PDF")
    pages = pdf_pages_text(path)
    assert len(pages) == 1
    text = pages[0]
    for expected in (
        "KSP GUYUB RUKUN",
        "LAPORAN REKENING SIMPANAN ANGGOTA",
        "Periode 1 Januari 2026 s.d. 31 Oktober 2026",
        HOSTILE_NAME,
        member.number,
        "titipan <Bu RT> & anak (dibatalkan)",
        "alasan: Salah anggota",
        "Rp600.000",  # opening total
        "Rp475.000",  # closing total
        "empat ratus tujuh puluh lima ribu rupiah",
        "Simpanan Sukarela Rp500.000 Rp90.000 Rp290.000 Rp300.000",
        "Jumlah Rp600.000 Rp165.000 Rp290.000 Rp475.000",
        "Bendahara",
        "Mojokerto, 26 November 2026",
    ):
        assert expected in text, expected
    assert "CONTOH" not in text
    # Unpaid simpanan wajib (joined January 2020, three months paid) is pointed out.
    assert "Simpanan wajib belum dibayar per 31-10-2026: 79 bulan × Rp25.000 = Rp1.975.000." in text


def test_demo_statement_is_marked(
    services: Services, member: Member, profile: CoopProfile, tmp_path: Path
) -> None:
    statement = _statement(services, member)
    path = render_savings_statement(statement, profile, tmp_path / "rek.pdf", is_demo=True)
    assert "CONTOH" in pdf_pages_text(path)[0]


def test_empty_period_says_so(
    services: Services, member: Member, profile: CoopProfile, tmp_path: Path
) -> None:
    statement = build_savings_statement(
        services.savings, member, date(2026, 6, 1), date(2026, 6, 30), TODAY
    )
    assert statement.lines == ()
    text = pdf_pages_text(
        render_savings_statement(statement, profile, tmp_path / "kosong.pdf", is_demo=False)
    )[0]
    for kind in ("Pokok", "Wajib", "Sukarela"):
        assert f"Simpanan {kind}: {NO_LINES}; saldo" in text
    assert "Simpanan Sukarela: tidak ada transaksi pada periode ini; saldo Rp300.000." in text
    assert "Rp475.000" in text  # 100.000 + 75.000 + 300.000 at the end of June


def test_long_statement_flows_over_pages_with_the_header_repeated(
    services: Services, ketua: User, profile: CoopProfile, tmp_path: Path
) -> None:
    member = make_member(services, ketua, name="Bagus Prasetyo")
    for month in range(1, 11):
        for day in (3, 10, 17, 24):
            services.savings.deposit(
                ketua, member.id, SavingsKind.SUKARELA, 10_000 * day, date(2026, month, day),
                today=TODAY,
            )  # fmt: skip
    statement = _statement(services, member)
    path = render_savings_statement(statement, profile, tmp_path / "panjang.pdf", is_demo=False)
    pages = pdf_pages_text(path)
    assert len(pages) >= 2
    assert len(PdfReader(path).pages) == len(pages)
    assert all("Tanggal No. Kuitansi Keterangan Setoran Penarikan Saldo" in page for page in pages)
    assert "Halaman 2" in pages[1]
    assert "Saldo akhir 5.400.000 0 5.400.000" in pages[-1]  # 40 deposits, none withdrawn
    assert "Rp5.400.000" in pages[0]
    assert "Bendahara" in pages[-1]
