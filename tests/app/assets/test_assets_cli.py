"""`mufakat month-end` posts the month's depreciation of the fixed assets and says so."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.assets.depreciation import ORIGIN_PURCHASE, NewAsset
from app.cli import main
from app.services import Services
from app.settings.profile import CoopProfile
from app.users.models import Role
from tests.conftest import PASSWORD, make_user


def test_month_end_command_depreciates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "koperasi.db"
    services = Services.open(path, create=True)
    services.settings.save_profile(None, CoopProfile(name="KSP Uji", code="KSP-UJ"))
    ketua = make_user(services, Role.PENGURUS, "ketua", "Budi")
    asset = NewAsset("Laptop", "1304", date(2025, 6, 3), 9_000_000, 24, 0, ORIGIN_PURCHASE, "tunai")
    services.assets.register(ketua, asset)
    services.close()
    monkeypatch.setenv("MUFAKAT_PASSWORD", PASSWORD)
    cmd = ["month-end", "--db", str(path), "--as-of", "2025-08-31", "--user", "ketua"]
    assert main(cmd) == 0
    assert "Penyusutan aset tetap s.d. 2025-08: 2 baris, Rp750.000" in capsys.readouterr().out
    services = Services.open(path)
    try:
        assert [r.month for r in services.assets.repo.depreciation(1)] == ["2025-07", "2025-08"]
    finally:
        services.close()
