"""Step 0029 converts the first chain layout (`chain_links`, one row per row) to blocks: an
intact file checks clean after it, and whatever was tampered with before it is still named
after it (edited, deleted, added outside the program) — the conversion never launders. A PC
record written before the step still catches a rolled-back file."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from app.savings.models import SavingsKind
from app.services import Services
from app.storage import chain, migrations
from app.storage.check import check_database
from app.users.models import Role
from tests.conftest import make_member, make_user

pytestmark = pytest.mark.sqlite_only("the tamper chain's SQLite schema step 0029")

STEP = "0029_chain_blocks"
TODAY = date(2026, 11, 26)


def _without_step(patch: pytest.MonkeyPatch) -> None:
    """The program as it was before step 0029 (the first layout), for building a file."""
    every = list(migrations.MIGRATIONS._migrations)
    names = [m.name for m in every]
    kept = every[: names.index(STEP)]  # and the steps after it (0033 writes encoding 2)
    patch.setattr(migrations.MIGRATIONS, "_migrations", kept)


def _old_file(path: Path, deposits: int) -> list[int]:
    services = Services.open(path, create=True)
    try:
        conn = services.db.sql.conn
        assert not chain.has_blocks(conn)
        ketua = make_user(services, Role.PENGURUS, "ketua", "Budi Santoso")
        member = make_member(services, ketua)
        ids = [
            services.savings.deposit(ketua, member.id, SavingsKind.SUKARELA, 1000 + n, TODAY).id
            for n in range(deposits)
        ]
        assert conn.execute("SELECT count(*) FROM chain_links").fetchone()[0] > deposits
    finally:
        services.close()
    return ids


def _shell(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def _convert(path: Path) -> None:
    services = Services.open(path)
    try:
        conn = services.db.sql.conn
        assert chain.has_blocks(conn)
        assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'chain_links'").fetchone()
    finally:
        services.close()


def _rows(problems: list[str]) -> list[str]:
    return [p for p in problems if p.startswith("Tabel savings_")]


def test_an_intact_file_converts_clean_and_keeps_its_heads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "k.db"
    with monkeypatch.context() as patch:
        _without_step(patch)
        _old_file(path, 5)
        assert check_database(path).ok
        conn = sqlite3.connect(path)
        old = dict(conn.execute("SELECT tbl, count FROM chain_heads").fetchall())
        conn.close()
    _convert(path)
    report = check_database(path)
    assert report.ok, report.problems
    conn = sqlite3.connect(path)
    try:
        new = dict(conn.execute("SELECT tbl, count FROM chain_heads").fetchall())
        legacy = dict(conn.execute("SELECT tbl, legacy_count FROM chain_heads").fetchall())
    finally:
        conn.close()
    assert {t: new[t] for t in old} == old == {t: legacy[t] for t in old}


def test_tampering_before_the_conversion_is_still_named_after_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "k.db"
    with monkeypatch.context() as patch:
        _without_step(patch)
        ids = _old_file(path, 6)
    edited, deleted = ids[1], ids[4]
    _shell(
        path,
        "DROP TRIGGER savings_transactions_no_update",
        "DROP TRIGGER savings_transactions_no_delete",
        f"UPDATE savings_transactions SET amount = 9000000 WHERE id = {edited}",
        f"DELETE FROM savings_transactions WHERE id = {deleted}",
        "INSERT INTO savings_transactions (member_id, kind, tx_type, amount, tx_date,"
        " receipt_no, created_at) VALUES (1, 'sukarela', 'setoran', 5, '2026-11-26', 'X-1',"
        " '2026-11-26')",
        "CREATE TRIGGER savings_transactions_no_update BEFORE UPDATE ON savings_transactions"
        " BEGIN SELECT RAISE(ABORT, 'savings_transactions is append-only'); END",
        "CREATE TRIGGER savings_transactions_no_delete BEFORE DELETE ON savings_transactions"
        " BEGIN SELECT RAISE(ABORT, 'savings_transactions is append-only'); END",
    )
    before = _rows(check_database(path).problems)
    added = max(ids) + 1
    assert before == [
        f"Tabel savings_transactions baris {edited} diubah di luar program.",
        f"Tabel savings_transactions baris {deleted} dihapus di luar program.",
        f"Tabel savings_transactions baris {added} ditambahkan di luar program.",
    ]
    _convert(path)
    after = _rows(check_database(path).problems)
    assert len(after) == 3, after
    assert after[0].startswith(f"Tabel savings_transactions baris {edited} diubah di luar program")
    assert after[1].startswith(f"Tabel savings_transactions baris {deleted} dihapus di luar")
    assert "ditemukan saat rantai pengaman diperbarui" in after[0]
    assert after[2] == f"Tabel savings_transactions baris {added} ditambahkan di luar program."
    # and the record of it cannot be quietly removed
    _shell(
        path,
        "DROP TRIGGER chain_findings_no_delete",
        "DELETE FROM chain_findings",
    )
    assert any("chain_findings" in p and "dihapus" in p for p in check_database(path).problems)


def test_a_pc_record_from_before_the_conversion_still_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """This PC last saw the file before step 0029 (its record holds the old links' hashes):
    the converted file passes; a copy older than that record is refused; a record whose old
    hash differs from the converted file's old head says the history differs."""
    path = tmp_path / "k.db"
    old_copy = tmp_path / "lama.db"
    with monkeypatch.context() as patch:
        _without_step(patch)
        _old_file(path, 2)
        old_copy.write_bytes(path.read_bytes())
        services = Services.open(path)
        ketua = services.users.login("ketua", "rahasia123")
        services.savings.deposit(ketua, 1, SavingsKind.SUKARELA, 5000, TODAY)
        identity = chain.chain_id(services.db.sql.conn)
        services.close()
    assert identity is not None
    record = chain.pc_record_path(identity)
    written = json.loads(record.read_text(encoding="utf-8"))
    assert written.get("layout", 1) == 1
    saved = record.read_text(encoding="utf-8")
    _convert(path)
    record.write_text(saved, encoding="utf-8")  # as another PC that saw the file before
    assert check_database(path).ok
    forged = json.loads(saved)
    count, _hash = forged["heads"]["savings_transactions"]
    forged["heads"]["savings_transactions"] = [count, "00" * 32]
    record.write_text(json.dumps(forged), encoding="utf-8")
    assert any("Riwayat tabel savings_transactions" in p for p in check_database(path).problems)
    record.write_text(saved, encoding="utf-8")
    path.write_bytes(old_copy.read_bytes())
    assert any("File lebih lama" in p for p in check_database(path).problems)


def test_rows_after_the_conversion_use_the_second_encoding_and_all_verify(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file of the first layout goes through steps 0029 (blocks, encoding 1) and 0033 (rows
    from now on in encoding 2): old and new rows verify, and a row edited on either side of
    the switch is named."""
    path = tmp_path / "k.db"
    with monkeypatch.context() as patch:
        _without_step(patch)
        ids = _old_file(path, 4)
    _convert(path)
    services = Services.open(path)
    try:
        ketua = services.users.login("ketua", "rahasia123")
        conn = services.db.sql.conn
        switch = chain.v2_from(conn, "savings_transactions")
        assert switch == conn.execute("SELECT count(*) FROM savings_transactions").fetchone()[0] + 1
        new = [
            services.savings.deposit(ketua, 1, SavingsKind.SUKARELA, 7000 + n, TODAY).id
            for n in range(3)
        ]
    finally:
        services.close()
    assert check_database(path).ok
    _shell(
        path,
        "DROP TRIGGER savings_transactions_no_update",
        f"UPDATE savings_transactions SET amount = amount + 1 WHERE id IN ({ids[2]}, {new[1]})",
    )
    assert _rows(check_database(path).problems) == [
        f"Tabel savings_transactions baris {i} diubah di luar program." for i in (ids[2], new[1])
    ]
