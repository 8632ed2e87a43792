"""`mufakat month-end --db PATH --as-of DATE --user NAME`: the month-end run for scripts and
schedulers. It asks who runs it (password from a prompt or MUFAKAT_PASSWORD), checks the role,
is audited, and refuses future, non-month-end and impossible dates (issue 9 §7)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.cli import main
from app.cli_auth import month_end_date
from app.errors import ValidationError
from app.services import Services
from app.settings.profile import CoopProfile
from app.users.models import Role
from tests.app.loans.loan_factory import make_loan
from tests.conftest import PASSWORD, make_member, make_user


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "koperasi.db"
    services = Services.open(path, create=True)
    services.settings.save_profile(None, CoopProfile(name="KSP Uji", code="KSP-UJ"))
    ketua = make_user(services, Role.PENGURUS, "ketua", "Budi")
    make_user(services, Role.STAF, "kasir", "Rina")
    make_loan(services, ketua, make_member(services, ketua).id, first_due=date(2025, 5, 10))
    services.close()
    return path


def _runs(path: Path) -> list[tuple[date, int, int]]:
    services = Services.open(path)
    try:
        return [(r.as_of, r.run_no, r.loan_count) for r in services.loans.quality.runs()]
    finally:
        services.close()


def test_month_end_command(
    path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MUFAKAT_PASSWORD", PASSWORD)
    cmd = ["month-end", "--db", str(path), "--as-of", "2025-08-31", "--user", "ketua"]
    assert main(cmd) == 0
    out = capsys.readouterr().out
    assert "proses ke-1" in out and "Kurang Lancar" in out and "Rp10.000.000" in out

    assert main(cmd) == 1
    assert "sudah pernah" in capsys.readouterr().err
    assert main([*cmd, "--rerun"]) == 0
    assert "proses ke-2" in capsys.readouterr().out
    assert _runs(path) == [(date(2025, 8, 31), 2, 1), (date(2025, 8, 31), 1, 1)]
    services = Services.open(path)
    try:
        ketua = services.users.repo.by_username("ketua")
        assert ketua is not None
        runs = [e for e in services.audit.entries("kolektibilitas") if e.action == "tutup bulan"]
        assert len(runs) == 2 and {e.user_id for e in runs} == {ketua.id}
        assert [e.action for e in services.audit.entries("user", ketua.id)].count("masuk") == 3
    finally:
        services.close()


def test_password_from_a_prompt(
    path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MUFAKAT_PASSWORD", raising=False)
    asked: list[str] = []

    def fake_getpass(prompt: str) -> str:
        asked.append(prompt)
        return PASSWORD

    monkeypatch.setattr("app.cli_auth.getpass.getpass", fake_getpass)
    assert main(["month-end", "--db", str(path), "--as-of", "2025-08-31", "--user", "ketua"]) == 0
    assert asked == ["Kata sandi ketua: "]


@pytest.mark.parametrize(
    ("user", "password", "message"),
    [
        (None, PASSWORD, "--user"),
        ("ketua", "salah-sekali", "kata sandi salah"),
        ("tidakada", PASSWORD, "kata sandi salah"),
        ("kasir", PASSWORD, "tutup bulan"),  # a Staf may not run it
    ],
)
def test_who_runs_it_is_checked_and_nothing_written(
    path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    user: str | None,
    password: str,
    message: str,
) -> None:
    monkeypatch.setenv("MUFAKAT_PASSWORD", password)
    cmd = ["month-end", "--db", str(path), "--as-of", "2025-08-31"]
    assert main([*cmd, "--user", user] if user else cmd) == 1
    err = capsys.readouterr().err
    assert err.startswith("GAGAL: ") and message in err and "Traceback" not in err
    assert _runs(path) == []


@pytest.mark.parametrize(
    "text", ["9999-12-31", "2031-01-31", "2025-08-30", "2025-02-29", "31-08-2025", "0001-01-31"]
)
def test_bad_dates_refused_in_indonesian(
    path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    monkeypatch.setenv("MUFAKAT_PASSWORD", PASSWORD)
    assert main(["month-end", "--db", str(path), "--as-of", text, "--user", "ketua"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("GAGAL: Tanggal") and "Traceback" not in err
    assert _runs(path) == []


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(9999, 12, 31)))
@settings(max_examples=300)
def test_month_end_date_rule(day: date) -> None:
    today = date(2026, 11, 26)
    is_end = day.day == calendar.monthrange(day.year, day.month)[1]
    if day <= today and is_end:
        assert month_end_date(day.isoformat(), today) == day
    else:
        with pytest.raises(ValidationError) as err:
            month_end_date(day.isoformat(), today)
        assert err.value.field == "as_of"


def test_today_when_it_is_a_month_end_is_allowed() -> None:
    today = date(2026, 11, 30)
    assert month_end_date("2026-11-30", today) == today
    with pytest.raises(ValidationError, match="belum lewat"):
        month_end_date("2026-11-30", today - timedelta(days=1))


def test_month_end_command_posts_the_accrual_once_on_akrual_lancar(
    path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With books.jasa_basis = akrual_lancar the command accrues the Lancar loans' jasa due and
    unpaid (10-05 and 10-06, Rp150.000 each, Lancar under the koperasi preset) and says so; a
    rerun posts nothing twice."""
    services = Services.open(path)
    try:
        ketua = next(u for u in services.users.all() if u.username == "ketua")
        services.settings.set(ketua, "books.jasa_basis", "akrual_lancar")
    finally:
        services.close()
    monkeypatch.setenv("MUFAKAT_PASSWORD", PASSWORD)
    cmd = ["month-end", "--db", str(path), "--as-of", "2025-06-30", "--user", "ketua"]
    assert main(cmd) == 0
    out = capsys.readouterr().out
    assert "Akrual jasa (Lancar): 1 pinjaman Rp300.000; dibatalkan 0 pinjaman Rp0" in out
    assert main([*cmd, "--rerun"]) == 0
    assert "Akrual jasa (Lancar): 1 pinjaman Rp300.000" in capsys.readouterr().out
    services = Services.open(path)
    try:
        assert services.db.scalar("SELECT count(*) FROM journals WHERE source = 'akrual'") == 1
        assert services.ledger.repo.balance(["1109"]) == 300_000
    finally:
        services.close()
