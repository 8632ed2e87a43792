"""Tamper evidence (issue 9 §8): every change made to the file outside the program — with the
sqlite3 shell, triggers dropped or not — makes `mufakat check` fail and name the table and row."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli import main
from app.savings.models import SavingsKind
from app.services import Services
from app.storage import chain
from app.storage.check import check_database
from app.users.models import Role
from tests.app.loans.loan_factory import make_loan
from tests.conftest import make_member, make_user

pytestmark = pytest.mark.sqlite_only(
    "the tamper chain and `mufakat check` of a SQLite file edited with the sqlite3 shell"
)

TODAY = date(2026, 11, 26)


def _file(services: Services) -> tuple[Path, int]:
    """A small cooperative: two members, deposits, a paid loan; returns (path, a deposit id)."""
    ketua = make_user(services, Role.PENGURUS, "ketua", "Budi Santoso")
    make_user(services, Role.STAF, "kasir", "Kasir Satu")
    first = make_member(services, ketua)
    second = make_member(services, ketua, name="Ahmad Yani", serial=2)
    deposits = [
        services.savings.deposit(ketua, m.id, SavingsKind.SUKARELA, 50_000 * (i + 1), TODAY)
        for i, m in enumerate((first, second, first))
    ]
    loan = make_loan(services, ketua, first.id)
    services.loans.payments.record_payment(
        ketua, loan.id, 700_000, date(2025, 1, 10), "tunai", today=TODAY
    )
    path = services.db.path
    services.close()
    return path, deposits[1].id


def _shell(path: Path, *statements: str) -> None:
    """What an outsider does with the sqlite3 shell: no program hooks on this connection."""
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


ATTACKS: dict[str, tuple[Callable[[int], list[str]], str]] = {
    "update": (
        lambda i: [
            "DROP TRIGGER savings_transactions_no_update",
            f"UPDATE savings_transactions SET amount = 9000000 WHERE id = {i}",
        ],
        "tabel savings_transactions baris {i}",
    ),
    "delete": (
        lambda i: [
            "DROP TRIGGER savings_transactions_no_delete",
            f"DELETE FROM savings_transactions WHERE id = {i}",
        ],
        "tabel savings_transactions baris {i}",
    ),
    "replace": (
        lambda i: [
            "DROP TRIGGER savings_transactions_no_replace",
            f"INSERT OR REPLACE INTO savings_transactions (id, member_id, kind, tx_type, amount,"
            f" tx_date, receipt_no, created_at) SELECT id, member_id, kind, tx_type, 1,"
            f" tx_date, receipt_no, created_at FROM savings_transactions WHERE id = {i}",
        ],
        "tabel savings_transactions baris {i}",
    ),
    "drop trigger, delete, recreate": (
        lambda i: [
            "DROP TRIGGER savings_transactions_no_delete",
            f"DELETE FROM savings_transactions WHERE id = {i}",
            "CREATE TRIGGER savings_transactions_no_delete BEFORE DELETE ON savings_transactions"
            " BEGIN SELECT RAISE(ABORT, 'savings_transactions is append-only'); END",
        ],
        "tabel savings_transactions baris {i}",
    ),
    "insert outside the program": (
        lambda i: [
            "INSERT INTO savings_transactions (member_id, kind, tx_type, amount, tx_date,"
            " receipt_no, created_at) VALUES (1, 'sukarela', 'setoran', 5, '2026-11-26', 'X-1',"
            " '2026-11-26')",
        ],
        "tabel savings_transactions baris",
    ),
    "users role": (
        lambda i: ["UPDATE users SET role = 'pengurus' WHERE username = 'kasir'"],
        "tabel users baris",
    ),
    "password hash": (
        lambda i: ["UPDATE users SET password_hash = 'x' WHERE username = 'ketua'"],
        "tabel users baris",
    ),
    "settings": (
        lambda i: ["UPDATE settings SET value = '\"x\"' WHERE rowid = 1"],
        "tabel settings kunci",
    ),
    "audit row deleted": (
        lambda i: [
            "DROP TRIGGER audit_log_no_delete",
            "DELETE FROM audit_log WHERE id = 2",
        ],
        "tabel audit_log baris 2",
    ),
    "loan event edited": (
        lambda i: [
            "DROP TRIGGER loan_events_no_update",
            "UPDATE loan_events SET event_date = '2025-01-01' WHERE id = 2",
        ],
        "tabel loan_events baris 2",
    ),
    "schedule line edited (no rowid)": (
        lambda i: [
            "DROP TRIGGER loan_schedule_lines_no_update",
            "UPDATE loan_schedule_lines SET pokok = pokok + 1 WHERE number = 3",
        ],
        "tabel loan_schedule_lines baris",
    ),
}


def test_an_untouched_file_passes(services: Services) -> None:
    path, _ = _file(services)
    report = check_database(path)
    assert report.ok, report.problems
    assert "Rantai pengaman catatan: utuh" in report.facts


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_each_attack_is_named(
    services: Services, attack: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path, deposit_id = _file(services)
    statements, expected = ATTACKS[attack]
    _shell(path, *statements(deposit_id))
    assert main(["check", "--db", str(path)]) != 0
    out = capsys.readouterr()
    assert expected.format(i=deposit_id).lower() in (out.out + out.err).lower()


def test_replace_is_refused_by_the_file_itself(services: Services) -> None:
    path, deposit_id = _file(services)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        _shell(
            path,
            "INSERT OR REPLACE INTO audit_log (id, at, action, entity) "
            "SELECT id, at, 'x', entity FROM audit_log WHERE id = 1",
        )
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        _shell(
            path,
            "INSERT OR REPLACE INTO savings_transactions (member_id, kind, tx_type, amount,"
            " tx_date, receipt_no, created_at) SELECT member_id, kind, tx_type, 1, tx_date,"
            f" receipt_no, created_at FROM savings_transactions WHERE id = {deposit_id}",
        )
    assert check_database(path).ok


def test_a_file_rolled_back_is_noticed_on_this_pc(services: Services, tmp_path: Path) -> None:
    """An older copy put back over the file passes every chain inside it, but this PC
    remembers a longer history."""
    ketua = make_user(services, Role.PENGURUS, "ketua", "Budi Santoso")
    member = make_member(services, ketua)
    services.savings.deposit(ketua, member.id, SavingsKind.SUKARELA, 10_000, TODAY)
    path = services.db.path
    old = tmp_path / "lama.db"
    services.db.sql.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    old.write_bytes(path.read_bytes())
    services.savings.deposit(ketua, member.id, SavingsKind.SUKARELA, 20_000, TODAY)
    services.close()
    assert check_database(path).ok
    path.write_bytes(old.read_bytes())
    report = check_database(path)
    assert any("File lebih lama" in p and "savings_transactions" in p for p in report.problems)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    amounts=st.lists(st.integers(min_value=1, max_value=10**9), min_size=1, max_size=6),
    victim=st.integers(min_value=0, max_value=5),
    delta=st.integers(min_value=1, max_value=10**9),
)
def test_any_edited_amount_is_found_exactly(
    tmp_path_factory: pytest.TempPathFactory, amounts: list[int], victim: int, delta: int
) -> None:
    """Across the chain: whichever row is edited, by however little, that row is named and no
    other row is blamed."""
    path = tmp_path_factory.mktemp("h") / "k.db"
    svc = Services.open(path, create=True)
    ketua = make_user(svc, Role.PENGURUS, "ketua", "Budi Santoso")
    member = make_member(svc, ketua)
    ids = [
        svc.savings.deposit(ketua, member.id, SavingsKind.SUKARELA, a, TODAY).id for a in amounts
    ]
    svc.close()
    target = ids[victim % len(ids)]
    _shell(
        path,
        "DROP TRIGGER savings_transactions_no_update",
        f"UPDATE savings_transactions SET amount = amount + {delta} WHERE id = {target}",
    )
    rows = [p for p in check_database(path).problems if p.startswith("Tabel savings_")]
    assert rows == [f"Tabel savings_transactions baris {target} diubah di luar program."]


def test_program_changes_to_users_and_settings_keep_the_seals(services: Services) -> None:
    ketua = make_user(services, Role.PENGURUS, "ketua", "Budi Santoso")
    services.users.change_password(ketua, "rahasia123", "kataSandiBaru9", "kataSandiBaru9")
    path = services.db.path
    conn = services.db.sql.conn
    assert conn.execute("SELECT count(*) FROM row_seals WHERE tbl = 'users'").fetchone()[0] >= 2
    services.close()
    assert check_database(path).ok


def test_digest_depends_on_every_part() -> None:
    base = chain.digest(None, "t", 1, [("a", 1), ("b", "x")])
    assert base != chain.digest(b"\0", "t", 1, [("a", 1), ("b", "x")])
    assert base != chain.digest(None, "u", 1, [("a", 1), ("b", "x")])
    assert base != chain.digest(None, "t", 2, [("a", 1), ("b", "x")])
    assert base != chain.digest(None, "t", 1, [("a", "1"), ("b", "x")])
    assert base == chain.digest(None, "t", 1, [("b", "x"), ("a", 1), ("c", None)])


def test_a_later_migration_can_rechain_and_reseal(services: Services) -> None:
    """A migration adding a NOT NULL column changes every row's content: without `rechain` /
    `seal_rows` check would blame every row; with them the file is whole again."""
    path, _ = _file(services)
    _shell(
        path,
        "ALTER TABLE savings_transactions ADD COLUMN branch INTEGER NOT NULL DEFAULT 1",
        "ALTER TABLE users ADD COLUMN ketua INTEGER NOT NULL DEFAULT 0",
    )
    problems = check_database(path).problems
    assert any("savings_transactions baris 1 diubah" in p for p in problems)
    assert any("users baris 1 diubah" in p for p in problems)
    conn = sqlite3.connect(path)
    try:
        chain.install(conn)
        chain.rechain(conn, "savings_transactions")
        chain.seal_rows(conn, "users")
        conn.commit()
    finally:
        conn.close()
    report = check_database(path)
    assert [p for p in report.problems if "komputer ini" not in p] == []
