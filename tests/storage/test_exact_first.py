"""Issue 10 #13: an exact member number, NIK, phone or loan/case number is always the first row of
a search, ahead of rows that merely contain the text and sort before it (the members' search on
SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.collection.models import CaseFilter
from app.exact_match import is_exact, phone_form
from app.identity import nik_from_parts, normalize_phone
from app.loans.models import LoanFilter, LoanStatus
from app.services import Services
from app.storage.engine import Engine
from app.storage.members_repo import MembersRepository
from app.users.models import Role
from tests.app.collection.conftest import People, make_loan
from tests.conftest import make_draft, make_member, make_user

_DIGITS = st.text("0123456789", min_size=1, max_size=3)


def _insert(repo: MembersRepository, number: str, name: str, serial: int, phone: str) -> None:
    draft = make_draft(
        name=name,
        serial=serial,
        phone=normalize_phone(phone),
        nik=nik_from_parts("357601", date(1985, 3, 14), "P", serial),
    )
    repo.insert(number, draft, None)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    target=st.text("0123456789", min_size=3, max_size=6),
    others=st.lists(st.tuples(_DIGITS, _DIGITS), min_size=1, max_size=6),
    target_name=st.sampled_from(["Zainal", "Yusuf", "Wati"]),
    which=st.sampled_from(["number", "nik", "phone"]),
)
def test_exact_member_identifier_first(
    engine: Engine,
    target: str,
    others: list[tuple[str, str]],
    target_name: str,
    which: str,
) -> None:
    repo = MembersRepository(engine)
    engine.run("DELETE FROM members")
    # Members whose number contains the target, all with names sorting before it.
    numbers = {f"{pre}{target}{post}" for pre, post in others} - {target}
    for i, number in enumerate(sorted(numbers), start=2):
        _insert(repo, number, f"Ahmad {i:02d}", i, f"0812-3456-{i:04d}")
    _insert(repo, target, target_name, 1, "0813-1111-2222")
    member = repo.by_number(target)
    assert member is not None
    typed = {"number": target, "nik": member.nik or "", "phone": "0813-1111-2222"}[which]
    rows = repo.search(typed)
    assert rows and rows[0].number == target
    assert repo.search_count(typed) >= 1
    # The same with a short page: the exact row is never pushed to a later page.
    assert repo.search(typed, limit=1)[0].number == target


@pytest.mark.no_database
def test_is_exact_rule() -> None:
    assert is_exact("01017", ("01017", None))
    assert is_exact(" kp-001 ", ("KP-001",))
    assert not is_exact("0101", ("01017",))
    assert not is_exact("", ("",))
    assert is_exact("0813-1111-2222", ("x",), "+6281311112222")
    assert is_exact("+62 813 1111 2222", ("x",), "+6281311112222")
    assert not is_exact("0813-1111-222", ("x",), "+6281311112222")
    assert phone_form("Siti 0812") == ""


@pytest.mark.both_engines
def test_exact_loan_and_case_first(services: Services) -> None:
    people = People(
        ketua=make_user(services, Role.PENGURUS, "ketua", "Budi"),
        bendahara=make_user(services, Role.PENGURUS, "bendahara", "Siti"),
        manajer=make_user(services, Role.MANAJER, "manajer", "Sri"),
        staf=make_user(services, Role.STAF, "staf", "Agus"),
        pengawas=make_user(services, Role.PENGAWAS, "pengawas", "Bambang"),
    )
    target = make_member(services, people.manajer, name="Zulaikha", serial=1)
    others = [
        make_member(
            services, people.manajer, name=f"Ahmad {i}", serial=i, phone=f"0812-0000-{i:04d}"
        )
        for i in range(2, 5)
    ]
    loans = {m.id: make_loan(services, people, m) for m in [*others, target]}
    services.cases.open_due_cases(date(2026, 6, 10))
    # Give the others member numbers that contain the target's: they rank by name first.
    for i, other in enumerate(others):
        services.db.run(
            "UPDATE members SET number = ? WHERE id = ?", (f"{i}{target.number}", other.id)
        )
    for typed in (
        target.number,
        target.nik or "",
        "0812-3456-7890",
        loans[target.id].display_number,
    ):
        for order in ("member", "days", "number", "arrears"):
            rows = services.loans.list_rows(
                date(2026, 6, 10),
                LoanFilter(text=typed, statuses=(LoanStatus.AKTIF,)),
                limit=2,
                order=order,
            )
            assert rows[0].member_id == target.id, (typed, order)
        case_rows = services.case_list.rows(date(2026, 6, 10), CaseFilter(text=typed))
        assert case_rows[0].case.member_id == target.id, typed
        assert case_rows[0].exact
        assert not any(r.exact for r in case_rows[1:])
