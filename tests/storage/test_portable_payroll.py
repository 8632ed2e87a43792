"""Payroll deduction storage behaves the same on SQLite and PostgreSQL (issue 15): an
employer's members, a posted batch with its items (read back in order, field for field), the
batch found by its file's hash, the reversal of a whole batch."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from app.members.models import MemberDraft
from app.storage.members_repo import MembersRepository
from app.storage.payroll_repo import ItemRow, PayrollRepository


def test_payroll_on_both(engine: Any) -> None:
    members = MembersRepository(engine)
    base = MemberDraft(name="x", nik="", sex="L", join_date=date(2025, 1, 2))
    with engine.atomic():
        budi = members.insert("A-002", replace(base, name="Budi", employer="Dinas PU",
                              employee_no="198001", payroll_sukarela=50_000), None)  # fmt: skip
        siti = members.insert("A-001", replace(base, name="Siti", sex="P", employer="Dinas PU"),
                              None)  # fmt: skip
        members.insert("A-003", replace(base, name="Ani", employer="RSUD"), None)
        members.insert("A-004", base, None)
    repo = PayrollRepository(engine)
    assert repo.employers() == ["Dinas PU", "RSUD"]
    staff = repo.employees("Dinas PU")
    assert [(e.id, e.number, e.employee_no, e.payroll_sukarela) for e in staff] == [
        (siti, "A-001", "", 0),
        (budi, "A-002", "198001", 50_000),
    ]
    found = repo.member_by_number("A-002")
    assert found is not None and found.name == "Budi" and repo.member_by_number("Z") is None
    items = [
        ItemRow(1, budi, "A-002", "198001", "Budi", "sukarela", 50_000, 50_000, None, None, "",
                ""),
        ItemRow(2, None, "", "999", "Tidak Dikenal", "wajib", 25_000, 0, None, None, "",
                "tidak ada anggota"),
    ]  # fmt: skip
    digest = "ab" * 32
    with engine.atomic():
        batch = repo.add_batch(
            "Dinas PU", "2026-03", "2026-03-25", "gaji.xlsx", digest, 75_000, None
        )
        repo.add_items(batch, items)
    assert repo.items(batch) == items
    earlier = repo.batch_with_hash(digest)
    assert earlier is not None and (earlier["id"], earlier["month"]) == (batch, "2026-03")
    assert repo.batch_with_hash("cd" * 32) is None
    row = repo.batch(batch)
    assert row is not None and row["total"] == 75_000 and row["reversed_at"] is None
    repo.add_reversal(batch, "salah berkas", None)
    again = repo.batch(batch)
    assert again is not None and again["reversal_reason"] == "salah berkas"
    listed = repo.batches("Dinas PU")
    assert [b["id"] for b in listed] == [batch] and listed[0]["reversed_at"] is not None
    assert repo.batches("RSUD") == [] and len(repo.batches()) == 1 and repo.batch(999) is None
