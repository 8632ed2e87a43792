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

TODAY = date(2026, 11, 26)


def test_amount_is_the_years_journals(services: Services, year: dict[str, int]) -> None:
    shu = ShuService(services.db, services.audit)
    assert shu.amount(2025) == (4_000_003, 1_000_000)
    result = shu.compute(2025)
    assert result.shu == 3_000_003
    assert sum(result.pools.values()) == 3_000_003
    assert sum(r.jma for r in result.rows) == result.pools["jma"] == 600_000
    assert sum(r.jua for r in result.rows) == result.pools["jua"] == 600_000


def test_jma_on_month_ends_leavers_for_their_months(
    services: Services, year: dict[str, int]
) -> None:
    result = ShuService(services.db, services.audit).compute(2025)
    rows = {r.member_id: r for r in result.rows}
    # month-end sums: A 12 × 1.000.000; B 6 × 3.000.000 (Jul–Dec); C 3 × 2.000.000 (Jan–Mar,
    # pokok only: sukarela is not in the default base)
    bases = {year["a"]: 12_000_000, year["b"]: 18_000_000, year["c"]: 6_000_000}
    expected = largest_remainder(600_000, bases)
    assert {k: rows[k].jma for k in bases} == expected
    assert rows[year["a"]].jua == 600_000  # the only one who paid jasa
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
    assert rows[year["a"]].jma == 187_500  # 25 % of 3.000.003 = 750.000; A 1 of 4 million
    # nobody took a loan in 2025: the JUA pool has no base and goes to cadangan
    assert result.pools["jua"] == 0 and all(r.jua == 0 for r in result.rows)
    assert result.pools["cadangan"] == 3_000_003 - 750_000 - 600_000  # the other funds 20 %
    assert services.db.scalar("SELECT count(*) FROM audit_log WHERE entity_id = 'shu.settings'")


def test_cli_csv(services: Services, year: dict[str, int], db_path: Path, tmp_path: Path) -> None:
    services.close()
    out = tmp_path / "shu.csv"
    assert main(["shu", "--db", str(db_path), "--year", "2025", "--csv", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "no_anggota,nama,jma,jua,jumlah"
    cells = [line.split(",") for line in lines[1:]]
    assert len(cells) == 3
    assert sum(int(c[2]) for c in cells) == 600_000
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
    assert "3.000.003" in text and "600.000" in text
    assert "metode sisa terbesar" in text
    numbers = [r.number for r in result.rows]
    assert [text.index(n + " ") for n in numbers] == sorted(text.index(n + " ") for n in numbers)
    slip = _pdf_text(render_slip(result, result.rows[0], ctx)[0])
    assert result.rows[0].name in slip and "SLIP SISA HASIL USAHA" in slip
