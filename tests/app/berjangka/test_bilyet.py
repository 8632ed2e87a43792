"""The bilyet of a simpanan berjangka, issued through the register: its number taken from the
register (never reused), the placement's number, the amount in figures and terbilang read
back from the PDF with pdftotext."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from app.documents import bilyet as bilyet_doc
from app.documents.kinds import DocKind
from app.documents.sources import issuing
from app.documents.sources.berjangka import bilyet
from app.services import Services
from app.users.models import Role
from tests.conftest import make_member, make_user

TODAY = date(2026, 11, 26)


def _text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "bilyet.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def test_bilyet_prints_numbers_amount_and_terbilang(services: Services, tmp_path: Path) -> None:
    staf = make_user(services, Role.MANAJER, "manajer", "Rina Manajer")
    member = make_member(services, staf)
    d = services.berjangka.open(
        staf, member.id, 12_750_000, 6, date(2026, 3, 31), aro=True, today=TODAY
    )
    data = bilyet(services, d.id, TODAY)
    first = issuing.issue(services, staf, DocKind.BILYET_BERJANGKA, data, bilyet_doc.render, TODAY)
    again = issuing.issue(services, staf, DocKind.BILYET_BERJANGKA, data, bilyet_doc.render, TODAY)
    assert first.row.number == "001/KSP-UJ/BSB/XI/2026"
    assert again.row.number == "002/KSP-UJ/BSB/XI/2026"
    assert first.row.member_id == member.id and first.row.kind == "bilyet_berjangka"
    text = _text(first.pdf, tmp_path)
    assert "BILYET SIMPANAN BERJANGKA" in text
    assert "Nomor: 001/KSP-UJ/BSB/XI/2026" in text
    assert d.number in text and "SB-2026-00001" in text
    assert "Rp12.750.000" in text
    assert "Dua belas juta tujuh ratus lima puluh ribu rupiah" in text
    assert "30 September 2026" in text and "31 Maret 2026" in text  # 31 Mar + 6 months
    assert "5,5% per tahun" in text and "Ya (ARO)" in text
    assert services.documents.reprint(staf, first.row.id) == first.pdf
