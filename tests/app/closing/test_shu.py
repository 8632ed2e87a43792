"""SHU of a year through the real services: the amount from the year's journals only; JMA pro
rata to the 12 month-ends of pokok + wajib (a member who left counts only for their months);
JUA to jasa paid; rows sum exactly to the pools; the settings validated and audited; the CSV."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.cli import main
from app.errors import ValidationError
from app.ledger.shu import ShuService, ShuSettings
from app.ledger.shu_split import DEFAULT_PERCENT, largest_remainder
from app.services import Services

pytestmark = pytest.mark.both_engines

TODAY = date(2026, 11, 26)


def test_amount_is_the_years_journals(services: Services, year: dict[str, int]) -> None:
    shu = ShuService(services.db, services.audit)
    # income: jasa 200.000 of the January instalment + giro 4.000.003 (the admin fee of the
    # December 2024 disbursement is 2024's); expense: ATK 1.000.000 (see conftest)
    assert shu.amount(2025) == (4_200_003, 1_000_000)
    result = shu.compute(2025)
    assert result.shu == 3_200_003
    assert sum(result.pools.values()) == 3_200_003
    # 20 % of 3.200.003 = 640.000,6 → 640.000 each; pengurus, karyawan, daerah kerja 5 % =
    # 160.000 (of 160.000,15); pendidikan, sosial 2,5 % = 80.000 (of 80.000,075); cadangan the
    # rest: 3.200.003 − 2 × 640.000 − 3 × 160.000 − 2 × 80.000 = 1.280.003
    assert sum(r.jma for r in result.rows) == result.pools["jma"] == 640_000
    assert sum(r.jua for r in result.rows) == result.pools["jua"] == 640_000
    assert result.pools["pengurus"] == result.pools["daerah_kerja"] == 160_000
    assert result.pools["pendidikan"] == result.pools["sosial"] == 80_000
    assert result.pools["cadangan"] == 1_280_003


def test_jma_on_month_ends_leavers_for_their_months(
    services: Services, year: dict[str, int]
) -> None:
    result = ShuService(services.db, services.audit).compute(2025)
    rows = {r.member_id: r for r in result.rows}
    # month-end sums: A 12 × 1.000.000; B 6 × 3.000.000 (Jul–Dec); C 3 × 2.000.000 (Jan–Mar,
    # pokok only: sukarela is not in the default base)
    bases = {year["a"]: 12_000_000, year["b"]: 18_000_000, year["c"]: 6_000_000}
    expected = largest_remainder(640_000, bases)
    # of 36.000.000: A 640.000 × 12/36 = 213.333,33; B × 18/36 = 320.000; C × 6/36 =
    # 106.666,67; floors sum to 639.999 and the one rupiah left goes to C (remainder ,67)
    assert expected == {year["a"]: 213_333, year["b"]: 320_000, year["c"]: 106_667}
    assert {k: rows[k].jma for k in bases} == expected
    assert rows[year["a"]].jua == 640_000  # the only one who paid jasa
    assert [r.number for r in result.rows] == sorted(r.number for r in result.rows)


def test_settings_saved_validated_audited(services: Services, year: dict[str, int]) -> None:
    shu = ShuService(services.db, services.audit)
    admin = next(u for u in services.users.all() if u.username == "admin")
    wrong = dict(DEFAULT_PERCENT, cadangan=Decimal("40.01"))
    with pytest.raises(ValidationError):
        shu.save_settings(admin, ShuSettings(wrong))
    percent = dict(DEFAULT_PERCENT, jma=Decimal(25), jua=Decimal(15))
    shu.save_settings(admin, ShuSettings(percent, "akhir_tahun", True, "pinjaman"))
    saved = shu.settings()
    assert saved.percent["jma"] == Decimal(25) and saved.jma_base == "akhir_tahun"
    result = shu.compute(2025)
    rows = {r.member_id: r for r in result.rows}
    assert year["c"] not in rows or rows[year["c"]].jma == 0  # left before the year end
    # 25 % of 3.200.003 = 800.000,75 → 800.000; year-end base with sukarela: A 1.000.000,
    # B 3.000.000 (C left in March): A 1 of 4 million = 200.000, B 600.000
    assert result.pools["jma"] == 800_000
    assert rows[year["a"]].jma == 200_000 and rows[year["b"]].jma == 600_000
    # nobody took a loan in 2025 (it was disbursed 11-12-2024): the JUA pool has no base and
    # goes to cadangan
    assert result.pools["jua"] == 0 and all(r.jua == 0 for r in result.rows)
    # the other funds 20 %: 3 × 160.000 + 2 × 80.000 = 640.000; cadangan 40 % + JUA 15 % and
    # the left-over rupiah: 3.200.003 − 800.000 − 640.000 = 1.760.003
    assert result.pools["cadangan"] == 3_200_003 - 800_000 - 640_000 == 1_760_003
    assert services.db.scalar("SELECT count(*) FROM audit_log WHERE entity_id = 'shu.settings'")


def test_cli_csv(services: Services, year: dict[str, int], db_path: Path, tmp_path: Path) -> None:
    services.close()
    out = tmp_path / "shu.csv"
    assert main(["shu", "--db", str(db_path), "--year", "2025", "--csv", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "no_anggota,nama,jma,jua,jumlah"
    cells = [line.split(",") for line in lines[1:]]
    assert len(cells) == 3
    assert sum(int(c[2]) for c in cells) == 640_000  # the JMA pool: 20 % of 3.200.003
    assert all(int(c[4]) == int(c[2]) + int(c[3]) for c in cells)


@pytest.mark.parametrize("text", ["25", "tahun", "20255"])
def test_cli_bad_year(db_path: Path, tmp_path: Path, text: str, services: Services) -> None:
    services.close()
    argv = ["shu", "--db", str(db_path), "--year", text, "--csv", str(tmp_path / "x.csv")]
    assert main(argv) == 2


def _pdf_text(pdf: bytes) -> str:
    import io

    from pypdf import PdfReader

    pages = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def test_daftar_shu_and_slip(services: Services, year: dict[str, int]) -> None:
    from app.documents.context import DocContext
    from app.documents.shu_list import render, render_slip

    result = ShuService(services.db, services.audit).compute(2025)
    ctx = DocContext(profile=services.settings.profile(), is_demo=False)
    text = _pdf_text(render(result, ctx)[0])
    assert "DAFTAR SISA HASIL USAHA PER ANGGOTA" in text and "Tahun Buku 2025" in text
    assert "3.200.003" in text and "640.000" in text  # SHU and the JMA (and JUA) pool
    assert "metode sisa terbesar" in text
    numbers = [r.number for r in result.rows]
    assert [text.index(n + " ") for n in numbers] == sorted(text.index(n + " ") for n in numbers)
    slip = _pdf_text(render_slip(result, result.rows[0], ctx)[0])
    assert result.rows[0].name in slip and "SLIP SISA HASIL USAHA" in slip
