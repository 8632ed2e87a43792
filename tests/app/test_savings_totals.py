"""Beranda's savings totals (kept per kind by a trigger, step 0031) equal the sum of every
member's balance per kind, after any mix of deposits, withdrawals and reversals."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import AppError
from app.members.models import Member
from app.savings.models import Balances, SavingsKind
from app.services import Services
from app.users.models import Role, User
from tests.conftest import make_member, make_user

DAY = date(2026, 11, 20)
STEP = st.tuples(
    st.sampled_from(("setor", "tarik", "batal")),
    st.integers(0, 2),
    st.sampled_from(tuple(SavingsKind)),
    st.integers(1, 5_000_000),
)


def _sum_of_members(services: Services, members: list[Member]) -> Balances:
    each = [services.savings.balances(m.id) for m in members]
    return Balances(
        pokok=sum(b.pokok for b in each),
        wajib=sum(b.wajib for b in each),
        sukarela=sum(b.sukarela for b in each),
    )


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(STEP, max_size=12))
def test_totals_are_the_members_balances_summed(
    services: Services, ketua: User, steps: list[tuple[str, int, SavingsKind, int]]
) -> None:
    staf = next((u for u in services.users.all() if u.username == "staf"), None) or make_user(
        services, Role.STAF, "staf", "Sri Wahyuni"
    )
    members = [
        m for m in services.members.search("Uji Total", limit=10) if m.name.startswith("Uji Total")
    ]
    while len(members) < 3:
        index = len(members)
        members.append(
            make_member(
                services, ketua, name=f"Uji Total {index}", nik=f"3576011403859{index + 1:03d}"
            )
        )
    members.sort(key=lambda m: m.name)
    before = services.savings.totals()
    assert before == _sum_of_members(services, members)
    last = None
    for action, index, kind, amount in steps:
        member = members[index]
        try:
            if action == "setor":
                last = services.savings.deposit(staf, member.id, kind, amount, DAY, today=DAY)
            elif action == "tarik":
                last = services.savings.withdraw(
                    staf,
                    member.id,
                    kind,
                    amount,
                    DAY,
                    authoriser=ketua,
                    reason="Keperluan",
                    today=DAY,
                )
            elif last is not None:
                services.savings.reverse(ketua, last.id, "Salah ketik", today=DAY)
                last = None
        except AppError:
            continue  # refused (more than the balance, a kind that cannot be withdrawn, …)
        assert services.savings.totals() == _sum_of_members(services, members)
