"""The members repository behaves the same on SQLite and PostgreSQL (issue 15): the register,
status changes, and the search as you type — case-insensitive, `%`/`_`/`\\` typed literally,
a phone typed as 0812… finding +62812…, an exact number/NIK/phone first."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from app.members.models import MemberDraft, MemberStatus
from app.storage.dialect import contains_pattern
from app.storage.members_repo import MembersRepository

PEOPLE = [
    ("A-001", "Budi Santoso", "3201010101010001", "+6281234500001"),
    ("A-002", "budiman", "3201010101010002", "+6281234500002"),
    ("A-003", "SITI 50% Aminah", None, "+6285700000003"),
    ("A-004", "Siti_Rahma", "3201010101010004", ""),
    ("B-010", "Back\\slash", None, "+6281300000010"),
    ("A-0011", "Ani a-001", None, ""),
]


def _fill(repo: MembersRepository) -> dict[str, int]:
    ids = {}
    for number, name, nik, phone in PEOPLE:
        draft = MemberDraft(
            name=name, nik=nik or "", sex="P", phone=phone, join_date=date(2025, 1, 2)
        )
        ids[number] = repo.insert(number, draft, None)
    return ids


def _names(repo: MembersRepository, text: str, **kw: Any) -> list[str]:
    return [r.name for r in repo.search(text, **kw)]


def test_register_and_status_on_both(engine: Any) -> None:
    repo = MembersRepository(engine)
    with engine.atomic():
        ids = _fill(repo)
    assert sorted(ids.values()) == list(range(1, len(PEOPLE) + 1))
    first = repo.by_id(ids["A-001"])
    assert first is not None and first.name == "Budi Santoso" and first.status == "aktif"
    assert first.nik == "3201010101010001" and repo.by_id(999) is None
    third = repo.by_number("A-003")
    assert third is not None and third.nik is None
    changed = replace(
        MemberDraft(name="Budi S", nik="3201010101010001", sex="L"),
        birth_date=date(1980, 5, 6),
        join_date=date(2025, 1, 2),
        payroll_sukarela=50_000,
    )
    repo.update(ids["A-001"], changed)
    repo.set_status(ids["A-002"], MemberStatus.KELUAR, date(2026, 3, 4), "pindah")
    again = repo.by_id(ids["A-001"])
    assert again is not None and (again.name, again.birth_date, again.payroll_sukarela) == (
        "Budi S",
        date(1980, 5, 6),
        50_000,
    )
    out = repo.by_id(ids["A-002"])
    assert out is not None and (out.status, out.status_date, out.status_note) == (
        MemberStatus.KELUAR,
        date(2026, 3, 4),
        "pindah",
    )
    assert [m.id for m in repo.with_nik("3201010101010001")] == [ids["A-001"]]
    assert repo.with_nik("3201010101010001", exclude_id=ids["A-001"]) == []
    assert repo.number_exists("A-004") and not repo.number_exists("a-004")
    assert (repo.count(), repo.count(MemberStatus.AKTIF), repo.count(MemberStatus.KELUAR)) == (
        6,
        5,
        1,
    )
    snap = repo.snapshot(ids["A-002"])
    assert snap["status"] == "keluar" and snap["number"] == "A-002" and repo.snapshot(999) == {}


def test_search_on_both(engine: Any) -> None:
    repo = MembersRepository(engine)
    with engine.atomic():
        _fill(repo)
    assert _names(repo, "BUDI") == ["Budi Santoso", "budiman"]
    assert _names(repo, "siti") == ["SITI 50% Aminah", "Siti_Rahma"]
    assert _names(repo, "50%") == ["SITI 50% Aminah"]
    assert _names(repo, "i_r") == ["Siti_Rahma"]  # `_` is not a wildcard
    assert _names(repo, "k\\s") == ["Back\\slash"]
    assert _names(repo, "08123450000") == ["Budi Santoso", "budiman"]  # 0812… finds +62812…
    assert _names(repo, "1010002") == ["budiman"]  # part of a NIK
    # A-001 is the exact number; "001" also reads as phone digits (…01… in +6281300000010)
    assert _names(repo, "a-001") == ["Budi Santoso", "Ani a-001", "Back\\slash"]
    assert _names(repo, "A-001")[0] == "Budi Santoso"  # the exact number first
    assert _names(repo, "", status=MemberStatus.AKTIF) == [
        "Ani a-001",
        "Back\\slash",
        "Budi Santoso",
        "budiman",
        "SITI 50% Aminah",
        "Siti_Rahma",
    ]
    assert _names(repo, "", limit=2, offset=1) == ["Back\\slash", "Budi Santoso"]
    assert repo.search_count("budi") == 2 and repo.search_count("") == 6
    assert repo.search_count("siti", MemberStatus.KELUAR) == 0
    (row,) = repo.search("Back")
    assert row.savings_total == 0 and row.status == MemberStatus.AKTIF


@pytest.mark.no_database
@pytest.mark.parametrize("fragment", ["%", "_", "\\", "a%b", "x_y", "\\%"])
def test_the_pattern_takes_every_character_literally(fragment: str) -> None:
    pattern = contains_pattern(fragment)
    assert pattern.startswith("%") and pattern.endswith("%")
    body = pattern[1:-1]
    unescaped = body.replace("\\\\", "\x00").replace("\\%", "%").replace("\\_", "_")
    assert unescaped.replace("\x00", "\\") == fragment


def test_every_letter_run_of_a_name_finds_exactly_the_names_holding_it(engine: Any) -> None:
    repo = MembersRepository(engine)
    with engine.atomic():
        _fill(repo)
    names = [name for _, name, _, _ in PEOPLE]
    runs = {
        name[i:j].swapcase() if i % 2 else name[i:j]
        for name in names
        for i in range(len(name))
        for j in range(i + 2, len(name) + 1)
        if name[i:j].isalpha()
    }
    for run in sorted(runs):
        found = {r.name for r in repo.search(run, limit=100)}
        assert found == {n for n in names if run.lower() in n.lower()}, run
