"""`mufakat samples`: the 16 PDFs come from the demo cooperative's real records."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from app.documents.samples import FILES, write_samples
from tests.app.documents.conftest import pdf_pages_text


@pytest.mark.slow
def test_every_kind_from_the_demo_records(tmp_path: Path) -> None:
    said: list[str] = []
    paths = write_samples(tmp_path, today=date(2026, 11, 26), progress=said.append)
    assert sorted(p.name for p in paths) == sorted(FILES) and len(said) >= 6
    text = {p.stem: " ".join(pdf_pages_text(p)) for p in paths}
    assert all("CONTOH" in t for t in text.values())  # the demo watermark on every one
    for level in (1, 2, 3):
        assert f"/KSP-GR/SP-{level}/XI/2026" in text[f"sp{level}"]
    assert "Nomor Perjanjian" in text["sp1"] and "/KSP-GR/PK/" in text["sp1"]
    assert "RINGKASAN KASUS KS-2026-" in text["ringkasan_kasus"]
    # The Berita Acara and the agreement cite the board's real decisions, the minutes list them.
    assert "/KSP-GR/KEP/" in text["berita_acara"] and "JADWAL ANGSURAN BARU" in text["berita_acara"]
    assert "dinyatakan lunas" in text["perjanjian_penyelesaian"]
    assert "/KSP-GR/KEP/" in text["perjanjian_penyelesaian"]
    assert "Restrukturisasi" in text["notulen_rapat"] and "kuorum tercapai" in text["notulen_rapat"]
    assert "telah menyelesaikan seluruh kewajiban" in text["keterangan_lunas"]
    assert "Hapus tagih" in text["daftar_hapus_buku"]
    assert "KA-2026-" in text["kuitansi"] and "BPKB" in text["tanda_terima_agunan"]
    # The passbook: two pages, each line where the model puts it; the loan card's payments.
    from pypdf import PdfReader

    assert len(PdfReader(str(tmp_path / "buku_simpanan.pdf")).pages) == 2
    assert re.search(r"\b(SW|SP|SS)\b", text["buku_simpanan"])
    assert re.search(r"KA-\d{4}-\d+", text["kartu_angsuran"])
