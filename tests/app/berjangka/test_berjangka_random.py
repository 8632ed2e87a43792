"""Random histories of simpanan berjangka (openings of every term and jasa mode, ARO or not,
month-end runs, payouts, early withdrawals) keep the books tied: 2102 equals the principal of
the open placements on every month end, the transfer account nets to zero, 2106 holds exactly
the PPh withheld, and each placement's jasa never exceeds its term's jasa."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.ledger.closing import month_end
from app.savings.berjangka import TERMS, JasaMode
from app.services import Services
from app.settings.profile import CoopProfile
from app.users.models import Role
from tests.conftest import make_member, make_user

TODAY = date(2026, 11, 26)

opening = st.tuples(
    st.integers(min_value=1, max_value=400).map(lambda n: n * 250_000),
    st.sampled_from(TERMS),
    st.integers(min_value=1, max_value=28),  # day of January..March 2026
    st.integers(min_value=1, max_value=3),
    st.sampled_from(list(JasaMode)),
    st.booleans(),
)
action = st.tuples(st.sampled_from(["payout", "early", "none"]), st.integers(0, 30))


def _act(services: Services, what: str, deposit_id: int, end: date) -> None:
    """Pay out (at maturity) or withdraw early (before it) when the date allows."""
    users = {u.username: u for u in services.users.all()}
    bj = services.berjangka
    d = bj.get(deposit_id)
    if what == "payout" and d.maturity_on <= end:
        bj.pay_out(users["manajer"], d.id, d.maturity_on, "sukarela", today=TODAY)
    elif what == "early" and d.start_on < end < d.maturity_on:
        bj.withdraw_early(
            users["manajer"], d.id, end, "tunai", users["ketua"], "Keperluan keluarga", TODAY
        )


@pytest.mark.slow
@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(opening, min_size=1, max_size=5), st.lists(action, max_size=6))
def test_random_histories_keep_2102_tied(
    tmp_path_factory: pytest.TempPathFactory, openings: list, actions: list
) -> None:
    path: Path = tmp_path_factory.mktemp("acak") / "acak.db"
    services = Services.open(path, create=True)
    try:
        services.settings.save_profile(None, CoopProfile(name="KSP Acak", code="KSP-A"))
        ketua = make_user(services, Role.PENGURUS, "ketua", "Budi Santoso")
        staf = make_user(services, Role.MANAJER, "manajer", "Rina Manajer")
        member = make_member(services, ketua)
        bj = services.berjangka
        placed = [
            bj.open(
                staf, member.id, amount, term, date(2026, month, day), jasa_mode=mode, aro=aro,
                aro_jasa=aro, today=TODAY,
            )
            for amount, term, day, month, mode, aro in openings
        ]  # fmt: skip
        ledger = services.ledger
        for month in range(1, 11):
            end = month_end(2026, month)
            services.berjangka_month_end.run(staf, 2026, month)
            if month <= len(actions):
                what, pick = actions[month - 1]
                number = placed[pick % len(placed)].number
                running = [x for x in bj.of_member(member.id) if x.number == number and x.is_open]
                if running:
                    _act(services, what, running[-1].id, end)
            assert -ledger.repo.balance(["2102"], end) == bj.open_total(end)
            assert ledger.repo.balance(["1114"], end) == 0
        taxed = sum(e.tax for d in bj.of_member(member.id) for e in bj.events(d.id))
        assert -ledger.repo.balance(["2106"], TODAY) == taxed
        for d in bj.of_member(member.id):
            assert 0 <= d.jasa_paid <= d.total_jasa
    finally:
        services.close()
