"""The demo cooperative has complete books: every savings transaction, loan event and problem-
loan event journaled, a second bank account, running costs every month of its years; the
books' invariants hold (`mufakat check`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.demo.generate import generate_demo
from app.services import Services
from app.storage.check import check_database

TODAY = date(2026, 11, 26)


def test_demo_books_are_complete_and_check_clean(tmp_path: Path) -> None:
    path = tmp_path / "contoh.db"
    generate_demo(path, members=60, today=TODAY)
    report = check_database(path)
    assert report.problems == [], report.problems
    assert "Pembukuan: seimbang, cocok dengan rincian simpanan dan pinjaman" in report.facts
    services = Services.open(path)
    try:
        ledger = services.ledger
        assert ledger.accounts.get("1103.02").name == "Bank Jateng"
        first = date.fromisoformat(str(services.db.scalar("SELECT min(date) FROM journals")))
        months = (TODAY.year - first.year) * 12 + TODAY.month - first.month
        costs = services.db.rows(
            "SELECT l.account, count(DISTINCT substr(j.date, 1, 7)) FROM journal_lines l"
            " JOIN journals j ON j.id = l.journal_id WHERE j.source = 'jurnal_umum_contoh'"
            " AND l.debit > 0 GROUP BY l.account"
        )
        every_month = {r[0] for r in costs if r[1] >= months - 1}
        assert {"5201", "5202", "5203", "5204", "5208", "5401"} <= every_month
        rows = {r.code: r for r in ledger.trial_balance(TODAY)}
        assert rows["1103.02"].debit > 0  # the bank holds money; cash is kept modest
        assert rows["1105"].debit > 0 and rows["4101"].credit > 0
        sources = {r[0] for r in services.db.rows("SELECT DISTINCT source FROM journals")}
        assert {"simpanan", "pinjaman", "angsuran", "hapus_buku"} <= sources
    finally:
        services.close()
