"""The demo cooperative has a building, a motorbike and computers with their depreciation up to
last month: the Neraca shows them net of 1309, the checklist item passes, `mufakat check` is
silent."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.demo.generate import generate_demo
from app.ledger.statements import period_of
from app.services import Services
from app.storage.check import check_database

TODAY = date(2026, 11, 20)


def test_demo_assets_in_the_neraca(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    generate_demo(path, members=40, seed=3, today=TODAY)
    assert check_database(path).problems == []
    services = Services.open(path)
    try:
        rows = services.assets.rows(date(2025, 12, 31))
        assert {r.asset.account for r in rows} == {"1302", "1303", "1304"}
        assert all(0 < r.accumulated < r.asset.cost for r in rows)
        neraca = services.statements().neraca(period_of(2025, TODAY))
        net = sum(r.book_value for r in rows)
        assert neraca.line("Jumlah aset tetap, neto").now == net
        item = {i.key: i for i in services.closing.checklist(2026, 10)}["penyusutan"]
        assert item.ok
        assert {i.key: i for i in services.closing.checklist(2026, 11)}["penyusutan"].ok is False
    finally:
        services.close()
