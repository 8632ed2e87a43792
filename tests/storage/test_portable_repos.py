"""The repositories already written against the Engine protocol behave the same on SQLite and
on PostgreSQL (issue 15): settings, number sequences, the audit trail, users, role requests.
On PostgreSQL, several PCs taking receipt numbers at once never get the same number and leave
no gap."""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

from app.storage import sequences
from app.storage.audit_repo import AuditRepository
from app.storage.pg_engine import PgEngine
from app.storage.role_requests_repo import RoleRequestsRepository
from app.storage.settings_repo import SettingsRepository
from app.storage.users_repo import UsersRepository
from app.users.models import Role

VALUES = [0, -7, 2**62, "Kopérasi ’Maju’ 50%", [1, "dua", None], {"a": {"b": [True, False]}}, None]


def test_settings_round_trip(engine: Any) -> None:
    repo = SettingsRepository(engine)
    for i, value in enumerate(VALUES):
        with engine.atomic():
            repo.put(f"k{i}", value)
    repo.put("k0", "diganti")
    assert repo.get("k0") == "diganti"
    assert [repo.get(f"k{i}") for i in range(1, len(VALUES))] == VALUES[1:]
    assert repo.get("tidak-ada", "bawaan") == "bawaan"
    assert repo.all() == {"k0": "diganti", **{f"k{i}": v for i, v in enumerate(VALUES) if i}}


def test_sequences_count_per_name_and_year(engine: Any) -> None:
    taken = [engine.retrying(lambda: sequences.next_value(engine, "kw", 2026)) for _ in range(3)]
    assert taken == [1, 2, 3]
    assert sequences.next_value(engine, "kw", 2027) == 1
    assert sequences.next_value(engine, "anggota") == 1
    assert sequences.current_value(engine, "kw", 2026) == 3
    assert sequences.current_value(engine, "belum", 2026) == 0


def test_next_number_skips_numbers_typed_by_hand(engine: Any) -> None:
    typed = {"KW/2026/00001", "KW/2026/00002"}
    with engine.atomic():
        number = sequences.next_number(
            engine, "kw", "KW/{year}/{seq:05}", date(2026, 3, 1), ("KSP", "KW"), typed.__contains__
        )
    assert number == "KW/2026/00003"


def test_the_audit_trail_on_both(engine: Any) -> None:
    repo = AuditRepository(engine)
    with engine.atomic():
        repo.record(None, "ubah", "anggota", 7, {"nama": "Budi"}, {"nama": "Budi S"}, "koreksi")
        repo.record(None, "buat", "pinjaman", "P-1")
    assert [e.action for e in repo.entries()] == ["buat", "ubah"]
    (entry,) = repo.entries("anggota", 7)
    assert (entry.before, entry.after, entry.note) == (
        {"nama": "Budi"},
        {"nama": "Budi S"},
        "koreksi",
    )
    assert entry.entity_id == "7" and entry.user_name == ""
    assert len(repo.entries(limit=1)) == 1


def test_several_pcs_taking_receipt_numbers_at_once(pg_url: str) -> None:
    pcs, each = 4, 40
    taken: list[int] = []
    errors: list[BaseException] = []
    start = threading.Barrier(pcs, timeout=10)

    def pc() -> None:
        eng = PgEngine(pg_url)
        try:
            start.wait()
            for _ in range(each):
                taken.append(eng.retrying(lambda: sequences.next_value(eng, "kw", 2026)))
        except BaseException as exc:
            errors.append(exc)
        finally:
            eng.close()

    threads = [threading.Thread(target=pc) for _ in range(pcs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert sorted(taken) == list(range(1, pcs * each + 1))


def test_users_on_both(engine: Any) -> None:
    repo = UsersRepository(engine)
    with engine.atomic():
        first = repo.insert(" Admin ", "Uji Admin", Role.ADMIN, "h1", must_change_password=True)
        second = repo.insert("kasir", "Kasir Satu", Role.STAF, "h2", position="Kasir")
    assert second == first + 1
    found = repo.by_username("ADMIN")
    assert found is not None and found.id == first and found.must_change_password
    repo.update_fields(first, must_change_password=0, failed_attempts=2, locked_until=None)
    again = repo.by_id(first)
    assert again is not None and not again.must_change_password and again.failed_attempts == 2
    assert repo.password_hash(second) == "h2"
    assert (repo.count(), repo.board_count(), repo.by_id(999)) == (2, 0, None)
    assert [u.username for u in repo.all()] == ["Admin", "kasir"]


def test_role_requests_on_both(engine: Any) -> None:
    users = UsersRepository(engine)
    repo = RoleRequestsRepository(engine)
    with engine.atomic():
        admin = users.insert("admin", "Uji Admin", Role.ADMIN, "h")
        kasir = users.insert("kasir", "Kasir", Role.STAF, "h")
        ketua = users.insert("ketua", "Ketua", Role.KETUA, "h")
        first = repo.insert(kasir, Role.PENGURUS, Role.STAF, "ubah", admin)
        done = repo.insert(admin, Role.ADMIN, None, "baru", None, status="disetujui")
    pending = repo.open_for(kasir)
    assert pending is not None and pending.id == first and pending.previous_role == Role.STAF
    assert [r.id for r in repo.pending()] == [first]
    finished = repo.get(done)
    assert finished is not None and finished.decided_at == finished.requested_at
    assert repo.any_approved()
    repo.decide(first, "ditolak", ketua, "belum ada SK")
    repo.decide(first, "disetujui", ketua, "kedua kali: tidak berlaku")  # only an open one
    decided = repo.get(first)
    assert decided is not None and (decided.status, decided.note) == ("ditolak", "belum ada SK")
    assert repo.open_for(kasir) is None and repo.pending() == []
