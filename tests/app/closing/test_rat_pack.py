"""The RAT pack (issue 13 §5): `mufakat books rat-pack` writes rat_pack.pdf and every part; the
pack is the cover and contents followed by the parts page for page, the contents point at the
page each part starts on; the jurnal penutup prints the closing journal's lines; the CALK and
the Ringkasan carry the year's figures."""

from __future__ import annotations

import re
import zlib
from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from app.documents.sources.rat_pack import PACK, PART_TITLES, _page_count, figures
from app.services import Services
from app.storage.closing_repo import ClosingRepository
from tests.app.closing.conftest import TODAY
from tests.conftest import admin_user, make_user

DEC = date(2025, 12, 31)
RAT = date(2026, 3, 14)


def _text(pdf: bytes) -> str:
    """The text drawn in a ReportLab PDF (its content streams inflated)."""
    out = []
    for m in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            out.append(zlib.decompress(m.group(1)).decode("latin-1"))
        except zlib.error:
            continue
    return "".join(re.findall(r"\((.*?)\) Tj", "\n".join(out)))


@pytest.fixture
def ratified(services: Services, year: dict[str, int]) -> Services:
    admin, pengurus = admin_user(services), make_user(services)
    with services.db.atomic():
        ClosingRepository(services.db).add_lock("tutup", "2025-12", DEC, admin.id)
    services.closing.close_year(admin, 2025)
    services.shu_books.allocate(pengurus, 2025, RAT, "05/RAT/2026")
    services.shu_books.pay_all(admin, 2025, date(2026, 3, 20), "sukarela", today=TODAY)
    return services


def test_cli_writes_the_pack_and_its_parts(
    ratified: Services, db_path: Path, tmp_path: Path
) -> None:
    ratified.close()
    out = tmp_path / "rat"
    assert (
        main(["books", "rat-pack", "--db", str(db_path), "--year", "2025", "--out", str(out)]) == 0
    )
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted([PACK, *PART_TITLES])
    pack = (out / PACK).read_bytes()
    parts = sum(_page_count((out / n).read_bytes()) for n in PART_TITLES)
    assert _page_count(pack) == parts + 2  # the cover and the contents
    penutup = _text((out / "jurnal_penutup.pdf").read_bytes())
    assert "3107" in penutup and "3.200.003" in penutup  # SHU 2025 worked out in conftest
    calk = _text((out / "calk.pdf").read_bytes())
    assert "SAK EP" in calk and "05/RAT/2026" in calk
    assert (
        main(["books", "rat-pack", "--db", str(db_path), "--year", "20x5", "--out", str(out)]) == 2
    )


def test_ringkasan_figures(ratified: Services) -> None:
    f = figures(ratified, 2025)
    assert f.closed and f.ratification is not None
    assert f.shu == 3_200_003 and f.income == 4_200_003
    # members at 31-12-2025: the book's member and Bambang; Citra left on 31-03-2025
    assert (f.members, f.left) == (2, 1)
    assert f.own_capital + f.outside_capital == f.assets


def test_memoised_statements_equal_the_plain_ones(ratified: Services) -> None:
    from app.ledger.statements import Period
    from app.ledger.statements_flow import arus_kas, perubahan_ekuitas

    period = Period(2025, DEC)
    plain, memo = ratified.statements(), ratified.statements(memo=True)
    memo.prefetch([DEC, date(2024, 12, 31), date(2023, 12, 31)])  # one pass for three dates
    for on in (DEC, date(2024, 12, 31), date(2023, 12, 31), date(2025, 6, 30)):
        assert memo.repo.balances(on) == plain.repo.balances(on)
    for _ in range(2):  # the second round is answered from the memo
        assert memo.neraca(period) == plain.neraca(period)
        assert memo.phu(period) == plain.phu(period)
        assert arus_kas(memo, period) == arus_kas(plain, period)
        assert perubahan_ekuitas(memo, period) == perubahan_ekuitas(plain, period)
