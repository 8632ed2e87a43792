"""Savings balances brought in at cut-over post in the import's transaction: each imported
balance a journal Dr 3999 Selisih saldo awal / Cr its savings account; the books check clean."""

from __future__ import annotations

from pathlib import Path

from app.imports.export import export_kind
from app.imports.service import ImportOptions
from app.services import Services
from app.settings.profile import CoopProfile
from app.storage.check import check_database
from tests.app.imports.test_import_roundtrip import CUT, _fill
from tests.conftest import make_user


def test_imported_balances_are_booked(services: Services, tmp_path: Path) -> None:
    _fill(services)
    export_kind(services, "members", tmp_path / "m.xlsx")
    export_kind(services, "savings", tmp_path / "s.xlsx", CUT)
    target = tmp_path / "baru.db"
    empty = Services.open(target, create=True)
    try:
        empty.settings.save_profile(None, CoopProfile(name="KSP Baru", code="KSP-B", city="X"))
        user = make_user(empty)
        for kind, name in (("members", "m.xlsx"), ("savings", "s.xlsx")):
            empty.imports.run(
                user, kind, tmp_path / name, ImportOptions(as_of=CUT), backup_folder=tmp_path / "b"
            )
        rows = {r.code: r.credit - r.debit for r in empty.ledger.trial_balance(CUT)}
        totals = empty.db.rows("SELECT kind, sum(amount) FROM savings_transactions GROUP BY kind")
        by_kind = {r[0]: r[1] for r in totals}
        assert rows["3101"] == by_kind["pokok"] and rows["3102"] == by_kind["wajib"]
        assert rows["3999"] == -sum(by_kind.values())
        assert empty.db.scalar("SELECT count(*) FROM journals") == empty.db.scalar(
            "SELECT count(*) FROM savings_transactions"
        )
    finally:
        empty.close()
    assert check_database(target).problems == []
