"""The shared PPh 4(2) withholding (services.pph): jasa credited in pieces withholds, piece by
piece, exactly what the monthly rule asks of the month's total: nothing up to Rp240.000, 10 % of
the whole gross once the month passes it (Rp240.001 → Rp24.000); per member by default (every
account and source adds up), per account with the setting."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import ValidationError
from app.ledger.pph import withheld
from app.services import Services
from tests.conftest import admin_user, make_member
from tests.engines import schema_refuses

pytestmark = pytest.mark.both_engines

MONTH = "2026-01"


@pytest.fixture
def two(services: Services) -> tuple[int, int]:
    admin = admin_user(services)
    a = make_member(services, admin, name="Ani").id
    b = make_member(services, admin, name="Budi", serial=2).id
    return a, b


_next_id = iter(range(1, 10**9))


def _withhold(services: Services, member: int, unit: str, gross: int, month: str = MONTH) -> int:
    """The rule uncapped: a member whose sukarela covers any PPh (the cap: test_pph_shortfall)."""
    source = "jasa_berjangka" if unit.startswith("berjangka") else "jasa_sukarela"
    with services.db.atomic():
        return services.pph.withhold(
            member, unit, month, gross, source, next(_next_id), available=10**12
        )


@pytest.mark.parametrize(("gross", "tax"), [(240_000, 0), (240_001, 24_000), (0, 0)])
def test_one_piece_at_the_threshold(
    services: Services, two: tuple[int, int], gross: int, tax: int
) -> None:
    assert _withhold(services, two[0], "sukarela", gross) == tax


@pytest.mark.parametrize(("second", "tax"), [(100_000, 0), (100_001, 24_000)])
def test_sources_of_one_member_add_up_in_the_month(
    services: Services, two: tuple[int, int], second: int, tax: int
) -> None:
    """Rp140.000 berjangka then sukarela: at Rp240.000 in total nothing; at Rp240.001 the
    second piece takes 10 % of the whole Rp240.001."""
    assert _withhold(services, two[0], "berjangka:1", 140_000) == 0
    assert _withhold(services, two[0], "sukarela", second) == tax


def test_months_and_members_are_apart(services: Services, two: tuple[int, int]) -> None:
    a, b = two
    assert _withhold(services, a, "sukarela", 200_000, "2026-01") == 0
    assert _withhold(services, a, "sukarela", 200_000, "2026-02") == 0
    assert _withhold(services, b, "sukarela", 200_000, "2026-01") == 0
    assert _withhold(services, a, "sukarela", 40_001, "2026-01") == 24_000


def test_per_account_setting_counts_each_account_alone(
    services: Services, two: tuple[int, int]
) -> None:
    services.settings.set(None, "pph.per_account", True)
    a = two[0]
    assert _withhold(services, a, "berjangka:1", 200_000) == 0
    assert _withhold(services, a, "sukarela", 200_000) == 0
    assert _withhold(services, a, "sukarela", 40_001) == 24_000
    assert _withhold(services, a, "berjangka:1", 40_000) == 0


def test_a_month_keeps_the_basis_it_started_with(services: Services, two: tuple[int, int]) -> None:
    """Switching to per account mid-month neither gives back nor taxes twice."""
    a = two[0]
    assert _withhold(services, a, "berjangka:1", 200_000) == 0
    services.settings.set(None, "pph.per_account", True)
    assert _withhold(services, a, "sukarela", 100_000) == 30_000
    assert _withhold(services, a, "sukarela", 100_000, "2026-02") == 0


def test_the_small_piece_that_passes_the_threshold_owes_more_than_itself(
    services: Services, two: tuple[int, int]
) -> None:
    assert _withhold(services, two[0], "berjangka:1", 239_000) == 0
    assert _withhold(services, two[0], "sukarela", 2_000) == 24_100


def test_only_inside_the_callers_transaction(services: Services, two: tuple[int, int]) -> None:
    with pytest.raises(RuntimeError):
        services.pph.withhold(two[0], "sukarela", MONTH, 1, "jasa_sukarela", 1)
    assert services.db.scalar("SELECT count(*) FROM pph_potongan") == 0


def test_one_source_record_is_taxed_once(services: Services, two: tuple[int, int]) -> None:
    with services.db.atomic():
        services.pph.withhold(two[0], "sukarela", MONTH, 300_000, "jasa_sukarela", 5)
    with pytest.raises(ValidationError, match="sudah dipotong"), services.db.atomic():
        services.pph.withhold(two[0], "sukarela", MONTH, 300_000, "jasa_sukarela", 5)
    assert services.db.scalar("SELECT sum(tax) FROM pph_potongan") == 30_000
    assert services.pph.withheld_for("jasa_sukarela", 5) == 30_000


@pytest.mark.parametrize(("gross", "month"), [(-1, MONTH), (1, "2026-13"), (1, "januari")])
def test_bad_input_is_refused(
    services: Services, two: tuple[int, int], gross: int, month: str
) -> None:
    with pytest.raises(ValidationError), services.db.atomic():
        services.pph.withhold(two[0], "sukarela", month, gross, "jasa_sukarela", 9)


def test_the_lines_are_append_only(services: Services, two: tuple[int, int]) -> None:
    _withhold(services, two[0], "sukarela", 300_000)
    with schema_refuses("append-only"):
        services.db.run("UPDATE pph_potongan SET tax = 0")
    with schema_refuses("append-only"):
        services.db.run("DELETE FROM pph_potongan")


pieces = st.lists(
    st.tuples(
        st.integers(0, 1),  # member
        st.sampled_from(["sukarela", "berjangka:1", "berjangka:2"]),
        st.sampled_from(["2026-01", "2026-02"]),
        st.one_of(st.integers(0, 300_000), st.integers(0, 5_000)),
    ),
    max_size=14,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seq=pieces, per_account=st.booleans())
def test_total_withheld_is_the_rule_of_the_months_total(
    tmp_path_factory: pytest.TempPathFactory,
    seq: list[tuple[int, str, str, int]],
    per_account: bool,
) -> None:
    path: Path = tmp_path_factory.mktemp("pph") / "k.db"
    svc = Services.open(path, create=True)
    try:
        admin = admin_user(svc)
        members = [make_member(svc, admin, serial=i + 1).id for i in range(2)]
        svc.settings.set(None, "pph.per_account", per_account)
        gross: dict[tuple[int, str, str], int] = defaultdict(int)
        tax: dict[tuple[int, str, str], int] = defaultdict(int)
        for who, unit, month, amount in seq:
            key = (members[who], unit if per_account else "*", month)
            taken = _withhold(svc, members[who], unit, amount, month)
            assert taken >= 0
            gross[key] += amount
            tax[key] += taken
            assert tax[key] == withheld(gross[key])  # after every piece, not only at the end
        for key, total in gross.items():
            assert tax[key] == withheld(total)
    finally:
        svc.close()
