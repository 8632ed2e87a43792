"""`mufakat month-end --db PATH --as-of DATE`: the month-end run for scripts and schedulers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from app.services import Services
from app.settings.profile import CoopProfile
from app.users.models import Role
from tests.app.loans.loan_factory import make_loan
from tests.conftest import make_member, make_user


def test_month_end_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "koperasi.db"
    services = Services.open(path, create=True)
    services.settings.save_profile(None, CoopProfile(name="KSP Uji", code="KSP-UJ"))
    ketua = make_user(services, Role.PENGURUS, "ketua", "Budi")
    make_loan(services, ketua, make_member(services, ketua).id, first_due=date(2025, 5, 10))
    services.close()

    assert main(["month-end", "--db", str(path), "--as-of", "2025-08-31"]) == 0
    out = capsys.readouterr().out
    assert "proses ke-1" in out and "Kurang Lancar" in out and "Rp10.000.000" in out

    assert main(["month-end", "--db", str(path), "--as-of", "2025-08-31"]) == 1
    assert "sudah pernah" in capsys.readouterr().err
    assert main(["month-end", "--db", str(path), "--as-of", "2025-08-31", "--rerun"]) == 0
    assert "proses ke-2" in capsys.readouterr().out
    assert main(["month-end", "--db", str(path), "--as-of", "31-08-2025"]) == 2

    services = Services.open(path)
    try:
        runs = services.loans.quality.runs()
        assert [(r.as_of, r.run_no, r.loan_count) for r in runs] == [
            (date(2025, 8, 31), 2, 1),
            (date(2025, 8, 31), 1, 1),
        ]
    finally:
        services.close()
