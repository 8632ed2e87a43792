"""The chart of accounts and the default mapping reach new files and files of earlier releases."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from app.ledger.service import LedgerService
from app.services import Services
from app.storage.schema.m0014_ledger import CHART, METHODS, ROLES
from app.storage.schema.m0015_ledger_history import SYSTEM_METHODS, TRANSFER_ACCOUNT

FIXTURES = sorted((Path(__file__).parents[2] / "fixtures").glob("mufakat-*.db"))


@pytest.mark.parametrize("source", [None, *FIXTURES], ids=["baru", *[p.name for p in FIXTURES]])
def test_default_chart_in_new_and_existing_files(source: Path | None, tmp_path: Path) -> None:
    path = tmp_path / "koperasi.db"
    if source is not None:
        shutil.copy(source, path)
    svc = Services.open(path, create=source is None)
    try:
        ledger = LedgerService(svc.db, svc.audit)
        chart = {a.code: a for a in ledger.accounts.chart()}
        assert list(chart) == sorted([code for code, *_ in CHART] + [TRANSFER_ACCOUNT[0]])
        assert chart["1114"].parent == "11" and not chart["1114"].is_group
        assert chart["1103.01"].parent == "1103" and chart["1103"].is_group
        assert chart["1108"].normal == "K" and chart["1108"].type == "aset"
        assert chart["3999"].parent == "3" and chart["5901"].parent == "59"
        assert all(chart[code].is_group for code in ("1", "11", "52", "3108"))
        resolver = ledger.accounts.resolver(date(2020, 1, 1))
        assert {role: resolver.role(role) for role, _ in ROLES} == dict(ROLES)
        assert {m: resolver.method(m) for m, _ in METHODS} == dict(METHODS)
        assert {resolver.method(m) for m in SYSTEM_METHODS} == {"1114"}
        for _, account in (*ROLES, *METHODS):
            ledger.accounts.postable(account)  # every default target can be posted to
    finally:
        svc.close()
