"""sequences.next_number: the next number of a pattern that is not taken yet (issue 11: one
helper for the collection's case, decision and recovery numbers)."""

from __future__ import annotations

from datetime import date
from itertools import count

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.services import Services
from app.storage import sequences

PATTERN = "{seq:03}/{coop_code}/{doc_code}/{year}"
_FRESH = count()


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(taken=st.sets(st.integers(min_value=1, max_value=12), max_size=8))
def test_skips_exactly_the_taken_numbers(services: Services, taken: set[int]) -> None:
    name = f"test_{next(_FRESH)}"  # a fresh sequence per example (the database is shared)
    on = date(2026, 5, 1)
    numbers = {f"{n:03}/KSP/KS/2026" for n in taken}
    with services.db.atomic():
        got = sequences.next_number(
            services.db, name, PATTERN, on, ("KSP", "KS"), numbers.__contains__
        )
    first_free = min(n for n in range(1, 30) if n not in taken)
    assert got == f"{first_free:03}/KSP/KS/2026"


def test_yearly_patterns_start_again_and_others_go_on(services: Services) -> None:
    def number(pattern: str, on: date) -> str:
        with services.db.atomic():
            return sequences.next_number(
                services.db, "yearly", pattern, on, ("KSP", "KEP"), lambda _: False
            )

    assert number(PATTERN, date(2026, 12, 31)) == "001/KSP/KEP/2026"
    assert number(PATTERN, date(2026, 12, 31)) == "002/KSP/KEP/2026"
    assert number(PATTERN, date(2027, 1, 1)) == "001/KSP/KEP/2027"
    plain = "{seq:04}-{coop_code}"
    assert number(plain, date(2027, 1, 1)) == "0001-KSP"
    assert number(plain, date(2028, 1, 1)) == "0002-KSP"
