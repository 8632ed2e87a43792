"""sequences.next_number: the next number of a pattern that is not taken yet (issue 11: one
helper for the collection's case, decision and recovery numbers), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from itertools import count

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.storage import sequences
from app.storage.engine import Engine

PATTERN = "{seq:03}/{coop_code}/{doc_code}/{year}"
_FRESH = count()


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(taken=st.sets(st.integers(min_value=1, max_value=12), max_size=8))
def test_skips_exactly_the_taken_numbers(engine: Engine, taken: set[int]) -> None:
    name = f"test_{next(_FRESH)}"  # a fresh sequence per example (the database is shared)
    on = date(2026, 5, 1)
    numbers = {f"{n:03}/KSP/KS/2026" for n in taken}
    with engine.atomic():
        got = sequences.next_number(engine, name, PATTERN, on, ("KSP", "KS"), numbers.__contains__)
    first_free = min(n for n in range(1, 30) if n not in taken)
    assert got == f"{first_free:03}/KSP/KS/2026"


def test_yearly_patterns_start_again_and_others_go_on(engine: Engine) -> None:
    def number(pattern: str, on: date) -> str:
        with engine.atomic():
            return sequences.next_number(
                engine, "yearly", pattern, on, ("KSP", "KEP"), lambda _: False
            )

    assert number(PATTERN, date(2026, 12, 31)) == "001/KSP/KEP/2026"
    assert number(PATTERN, date(2026, 12, 31)) == "002/KSP/KEP/2026"
    assert number(PATTERN, date(2027, 1, 1)) == "001/KSP/KEP/2027"
    plain = "{seq:04}-{coop_code}"
    assert number(plain, date(2027, 1, 1)) == "0001-KSP"
    assert number(plain, date(2028, 1, 1)) == "0002-KSP"
