"""A cancelled import leaves nothing — no row, no chain link, the chain heads and the
program's triggers as they were — whichever chunk it stops in; and the import reuses its dry
run only while it is still exact (same file, options and day, nothing written since)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import ValidationError
from app.imports.service import CHUNK, ImportCancelled, ImportOptions
from app.services import Services
from app.storage import chain
from app.storage.chain_verify import verify
from app.users.models import User
from tests.app.imports.helpers import MEMBER_HEADERS, member_rows, xlsx
from tests.conftest import make_member, make_user

CUT = date(2025, 12, 31)
LOAN_HEADERS = ["No. Pinjaman", "Nomor Anggota", "Produk", "Plafon", "Tanggal Pencairan",
                "Jasa per Bulan (%)", "Metode", "Jangka Waktu (bulan)", "Angsuran Pertama",
                "Sisa Pokok", "Tunggakan Pokok", "Tunggakan Jasa",
                "Tanggal Bayar Terakhir"]  # fmt: skip
COUNT = CHUNK + 120


def _loan(n: int) -> list[object]:
    """1.2 million flat 1 %/month over 24 months from 10/01/2025, 12 instalments paid."""
    return [f"PK-{n}", f"{n:05d}", "Pinjaman Umum", 1_200_000, "10/12/2024", "1", "Flat", 24,
            "10/01/2025", 600_000, 0, 0, "10/12/2025"]  # fmt: skip


def _state(services: Services) -> tuple[object, ...]:
    conn = services.db.sql.conn
    return (
        chain.heads(conn),
        conn.execute("SELECT count(*), sum(length(digests)) FROM chain_blocks").fetchone(),
        conn.execute("SELECT name, sql FROM sqlite_temp_master ORDER BY name").fetchall(),
        _schema(services),
        *(
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()
            for t in ("loans", "loan_events", "savings_transactions", "journals")
        ),
    )


def _schema(services: Services) -> list[tuple[str, str]]:
    """The file's tables, indexes and triggers (the loans import builds the loan tables'
    indexes after its rows: they must be back, the same, however it ends)."""
    return services.db.sql.conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
    ).fetchall()


@pytest.fixture
def ready(services: Services, tmp_path: Path) -> tuple[Services, User, dict[str, Path]]:
    user = make_user(services)
    members = xlsx(tmp_path / "m.xlsx", MEMBER_HEADERS, member_rows(COUNT))
    services.imports.run(user, "members", members, ImportOptions(), backup_folder=tmp_path / "b")
    files = {
        "loans": xlsx(tmp_path / "l.xlsx", LOAN_HEADERS, [_loan(n) for n in range(1, COUNT + 1)]),
        "savings": xlsx(
            tmp_path / "s.xlsx",
            ["Nomor Anggota", "Simpanan Pokok", "Simpanan Sukarela"],
            [[f"{n:05d}", 100_000, "Rp1.500.000"] for n in range(1, COUNT + 1)],
        ),
    }
    return services, user, files


@given(kind=st.sampled_from(["loans", "savings"]), stop_at=st.integers(0, 2))
@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_cancel_in_any_chunk_leaves_nothing(
    ready: tuple[Services, User, dict[str, Path]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
    stop_at: int,
) -> None:
    """Stopped before the first chunk, after the first, or after the last (while the books
    are posted)."""
    services, user, files = ready
    monkeypatch.setattr("app.imports.service.LOAN_CHUNK", CHUNK)  # two chunks of loans too
    before = _state(services)
    ticks: list[int] = []

    def cancel(done: int, total: int) -> None:
        ticks.append(done)
        if len(ticks) > stop_at:
            raise ImportCancelled()

    options = ImportOptions(as_of=CUT, today=CUT)
    with pytest.raises(ImportCancelled):
        services.imports.run(
            user, kind, files[kind], options, progress=cancel, backup_folder=tmp_path / "b"
        )
    assert _state(services) == before
    assert verify(services.db.sql.conn) == []
    assert services.imports.check(kind, files[kind], options).ok  # not recorded as imported


def test_the_dry_run_is_reused_only_while_it_is_exact(
    ready: tuple[Services, User, dict[str, Path]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services, user, files = ready
    options = ImportOptions(as_of=CUT, today=CUT)
    report = services.imports.check("loans", files["loans"], options)
    assert report.ok
    checks: list[str] = []
    real = services.imports.check

    def counted(kind: str, path: Path, opts: ImportOptions | None = None) -> object:
        checks.append(kind)
        return real(kind, path, opts)

    monkeypatch.setattr(services.imports, "check", counted)
    # something written since the dry run: checked again, and the new member's number
    # makes no difference to the loans, so it goes in
    make_member(services, user, name="Anggota Baru", serial=COUNT + 5)
    services.imports.run(
        user, "loans", files["loans"], options, backup_folder=tmp_path / "b", checked=report
    )
    assert checks == ["loans"]
    # a second file, checked, then changed on disk before the import: checked again (and
    # the changed row is refused)
    second = xlsx(tmp_path / "l2.xlsx", LOAN_HEADERS, [_loan(1)])
    second_report = real("loans", second, options)
    assert second_report.problems  # PK-1 is in now
    renamed = _loan(1)
    renamed[0] = "PK-BARU"
    xlsx(second, LOAN_HEADERS, [renamed])
    checks.clear()
    services.imports.run(
        user, "loans", second, options, backup_folder=tmp_path / "b", checked=second_report
    )
    assert checks == ["loans"]
    # options differ from the dry run's: checked again
    third = xlsx(tmp_path / "l3.xlsx", LOAN_HEADERS, [renamed])
    third_report = real("loans", third, options)
    checks.clear()
    with pytest.raises(ValidationError):  # PK-BARU is in now
        services.imports.run(
            user, "loans", third, ImportOptions(as_of=CUT, today=CUT, pad=5),
            backup_folder=tmp_path / "b", checked=third_report,
        )  # fmt: skip
    assert checks == ["loans"]
    # unchanged: reused, not checked again
    fourth_row = _loan(2)
    fourth_row[0] = "PK-LAIN"
    fourth = xlsx(tmp_path / "l4.xlsx", LOAN_HEADERS, [fourth_row])
    fourth_report = real("loans", fourth, options)
    assert fourth_report.ok
    checks.clear()
    services.imports.run(
        user, "loans", fourth, options, backup_folder=tmp_path / "b", checked=fourth_report
    )
    assert checks == []
    assert verify(services.db.sql.conn) == []


@given(fail_in=st.sampled_from(["loans", "events", "charges", "collateral", "books"]))
@settings(
    max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_a_failure_anywhere_in_the_loans_write_leaves_nothing(
    ready: tuple[Services, User, dict[str, Path]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fail_in: str,
) -> None:
    """A storage failure in the last chunk (or while the books are posted, after the
    indexes are built again) rolls everything back, the dropped indexes included."""
    services, user, files = ready
    monkeypatch.setattr("app.imports.service.LOAN_CHUNK", CHUNK)
    target = {
        "loans": "app.imports.loans_write.insert_loans_bulk",
        "events": "app.imports.loans_write.insert_loan_events_bulk",
        "charges": "app.imports.loans_write.insert_opening_charges",
        "collateral": "app.imports.loans_write.insert_guarantors_bulk",
        "books": "app.imports.service.post_unbooked",
    }[fail_in]
    module, name = target.rsplit(".", 1)
    real = getattr(__import__(module, fromlist=[name]), name)
    calls: list[int] = []

    def failing(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if fail_in == "books" or len(calls) == 2:  # the last of the two chunks
            raise RuntimeError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(target, failing)
    before = _state(services)
    options = ImportOptions(as_of=CUT, today=CUT)
    with pytest.raises(RuntimeError):
        services.imports.run(user, "loans", files["loans"], options, backup_folder=tmp_path / "b")
    assert _state(services) == before
    assert verify(services.db.sql.conn) == []


def test_the_loans_import_leaves_the_schema_as_it_was(
    ready: tuple[Services, User, dict[str, Path]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services, user, files = ready
    monkeypatch.setattr("app.imports.service.LOAN_CHUNK", CHUNK)
    schema = _schema(services)
    assert any(name == "loan_lines_due" for name, _sql in schema)
    options = ImportOptions(as_of=CUT, today=CUT)
    services.imports.run(user, "loans", files["loans"], options, backup_folder=tmp_path / "b")
    assert _schema(services) == schema
    conn = services.db.sql.conn
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("SELECT count(*) FROM loans").fetchone() == (COUNT,)
    assert verify(conn) == []


def test_the_dry_run_reports_its_rows_and_can_be_stopped(
    ready: tuple[Services, User, dict[str, Path]],
) -> None:
    services, _user, files = ready
    options = ImportOptions(as_of=CUT, today=CUT)
    ticks: list[tuple[int, int]] = []
    report = services.imports.check(
        "loans", files["loans"], options, progress=lambda *t: ticks.append(t)
    )
    assert report.ok
    assert ticks == [(0, COUNT), (500, COUNT), (COUNT, COUNT)]
    before = _state(services)

    def stop(done: int, _total: int) -> None:
        if done:
            raise ImportCancelled()

    with pytest.raises(ImportCancelled):
        services.imports.check("loans", files["loans"], options, progress=stop)
    assert _state(services) == before
