"""`mufakat month-end` credits the month's jasa simpanan sukarela once: a rerun of the loans'
month-end shows the same jasa and credits nothing twice."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from app.savings.models import SavingsKind
from app.services import Services
from app.settings.profile import CoopProfile
from app.users.models import Role
from tests.conftest import PASSWORD, make_member, make_user


def test_month_end_credits_jasa_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "koperasi.db"
    services = Services.open(path, create=True)
    services.settings.save_profile(None, CoopProfile(name="KSP Uji", code="KSP-UJ"))
    ketua = make_user(services, Role.PENGURUS, "ketua", "Budi")
    services.settings.set(ketua, "savings.jasa_sukarela_rate", "6")
    member = make_member(services, ketua)
    services.savings.deposit(
        ketua,
        member.id,
        SavingsKind.SUKARELA,
        100_000_000,
        date(2025, 7, 1),
        today=date(2025, 9, 1),
    )
    services.close()
    monkeypatch.setenv("MUFAKAT_PASSWORD", PASSWORD)
    cmd = ["month-end", "--db", str(path), "--as-of", "2025-08-31", "--user", "ketua"]
    assert main(cmd) == 0
    out = capsys.readouterr().out
    assert "Jasa simpanan sukarela 2025-08: 1 anggota" in out and "PPh 4(2) Rp50.000" in out
    assert main([*cmd, "--rerun"]) == 0
    assert "PPh 4(2) Rp50.000" in capsys.readouterr().out
    services = Services.open(path)
    try:
        assert services.db.scalar("SELECT count(*) FROM jasa_sukarela") == 1
        assert services.savings.balances(member.id).sukarela == 100_450_000
    finally:
        services.close()
