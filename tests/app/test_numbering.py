"""One next_number (issue 11): every kind of number keeps its exact format, a number already
taken is skipped (never reused), and yearly patterns restart their sequence each year."""

from __future__ import annotations

from datetime import date
from itertools import count

from hypothesis import given
from hypothesis import strategies as st

from app.numbering import NumberRule, format_pattern, next_number
from app.savings.models import SavingsKind
from app.services import Services
from app.settings.profile import DEFAULTS
from tests.conftest import make_member, make_user

ON = date(2026, 11, 26)

# kind -> (setting, doc code the service passes, the number #7 of 26-11-2026 with code KSP-X)
KINDS = {
    "member": ("members.number_pattern", "", "00007"),
    "savings receipt": ("savings.receipt_pattern", "KW", "KW-2026-000007"),
    "loan application": ("loans.application_pattern", "PM", "PM-2026-00007"),
    "loan agreement": ("loans.agreement_pattern", "PK", "007/KSP-X/PK/XI/2026"),
    "loan receipt": ("loans.receipt_pattern", "KA", "KA-2026-000007"),
    "case": ("collection.case_pattern", "KS", "KS-2026-0007"),
    "decision": ("collection.decision_pattern", "KEP", "007/KSP-X/KEP/XI/2026"),
    "recovery": ("collection.recovery_pattern", "PH", "PH-2026-00007"),
}


def test_every_kind_keeps_its_exact_format() -> None:
    for kind, (setting, doc_code, expected) in KINDS.items():
        rule = NumberRule(str(DEFAULTS[setting]), kind, "KSP-X", doc_code)
        assert rule.format(7, ON) == expected, kind
        assert rule.next(ON, lambda _name, _year: 7, lambda _n: False) == expected, kind


@given(
    kind=st.sampled_from(sorted(KINDS)),
    seq=st.integers(min_value=1, max_value=999_999),
    on=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
)
def test_the_rule_formats_as_the_pattern_does(kind: str, seq: int, on: date) -> None:
    setting, doc_code, _ = KINDS[kind]
    pattern = str(DEFAULTS[setting])
    rule = NumberRule(pattern, kind, "KSP-X", doc_code)
    assert rule.format(seq, on) == format_pattern(pattern, seq, on, "KSP-X", doc_code)
    assert rule.year(on) == (on.year if "{year" in pattern or "{yy" in pattern else 0)


@given(taken=st.sets(st.integers(min_value=1, max_value=30), max_size=20))
def test_taken_numbers_are_skipped_and_never_reused(taken: set[int]) -> None:
    values = count(1)
    asked: list[int] = []

    def take() -> int:
        value = next(values)
        asked.append(value)
        return value

    seq, number = next_number(take, lambda s: f"N{s}", lambda n: int(n[1:]) in taken)
    first_free = min(set(range(1, 52)) - taken)
    assert (seq, number) == (first_free, f"N{first_free}")
    assert asked == list(range(1, first_free + 1))  # one value per try, none given back


def test_the_sequence_is_asked_for_the_rule_and_year() -> None:
    asked: list[tuple[str, int]] = []

    def take(name: str, year: int) -> int:
        asked.append((name, year))
        return 1

    NumberRule("KS-{year}-{seq:04}", "collection_case").next(ON, take, lambda _n: False)
    NumberRule("{seq:05}", "member_number").next(ON, take, lambda _n: False)
    assert asked == [("collection_case", 2026), ("member_number", 0)]


def test_services_number_members_and_receipts_through_it(services: Services) -> None:
    actor = make_user(services)
    first = make_member(services, actor)
    second = make_member(services, actor, nik="3201010101010002", phone="081234567891")
    assert (first.number, second.number) == ("00001", "00002")
    tx = services.savings.deposit(actor, first.id, SavingsKind.SUKARELA, 10_000, ON, today=ON)
    assert tx.receipt_no == "KW-2026-000001"


def test_a_member_number_already_given_is_skipped(services: Services) -> None:
    """A pattern that starts a new (yearly) sequence would give '001' again: skipped."""
    actor = make_user(services)
    services.settings.set(actor, "members.number_pattern", "{seq:03}")
    numbers = [make_member(services, actor).number]
    numbers.append(
        make_member(services, actor, nik="3201010101010002", phone="0812345678912").number
    )
    services.settings.set(actor, "members.number_pattern", "{seq:03}{yy:.0}")  # year hidden
    third = make_member(services, actor, nik="3201010101010003", phone="0812345678913")
    assert numbers == ["001", "002"] and third.number == "003"
