"""The demo cooperative has simpanan berjangka (issue 13 §6): placements with monthly jasa, PPh
4(2) withheld for the member above Rp240.000 a month, a roll-over, a payout and an early
withdrawal; the PPh deposited by the 10th of the next month; the books still check clean."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.demo.generate import generate_demo
from app.services import Services
from app.storage.check import check_database

TODAY = date(2026, 11, 26)


def test_demo_has_berjangka_with_jasa_and_pph(tmp_path: Path) -> None:
    path = tmp_path / "contoh.db"
    summary = generate_demo(path, members=60, today=TODAY)
    assert "Simpanan berjangka:" in summary
    services = Services.open(path)
    try:
        kinds = {
            r[0]: (r[1], r[2])
            for r in services.db.rows(
                "SELECT kind, count(*), sum(tax) FROM berjangka_events GROUP BY kind"
            )
        }
        assert {"jasa", "cair", "perpanjang", "cair_awal"} <= set(kinds)
        assert kinds["jasa"][1] > 0  # PPh withheld
        open_total = services.berjangka.open_total(TODAY)
        assert open_total > 0
        assert -services.ledger.repo.balance(["2102"], TODAY) == open_total
        deposited = services.db.scalar("SELECT coalesce(sum(amount), 0) FROM pph_setoran")
        withheld = services.db.scalar("SELECT sum(tax) FROM pph_potongan")
        assert deposited > 0 and services.pph_reports.due(TODAY) == []
        assert -services.ledger.repo.balance(["2106"], TODAY) == withheld - deposited
    finally:
        services.close()
    assert check_database(path).problems == []
