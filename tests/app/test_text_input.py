"""Hostile text at input (issue 9 §9): control characters and bidirectional overrides
stripped, digits stored as ASCII, dates outside 1900–2100 refused at the field."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.savings.models import SavingsKind
from app.services import Services
from app.text import MAX_DATE, MIN_DATE, check_date, clean_text
from app.users.models import Role
from tests.conftest import make_draft, make_member, make_user

BIDI = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
CONTROLS = [chr(c) for c in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0))]


@given(
    st.text(
        alphabet=st.characters(min_codepoint=0, max_codepoint=0x2FFFF, blacklist_categories=("Cs",))
    )
)
def test_no_control_or_bidi_character_survives(text: str) -> None:
    for multiline in (False, True):
        cleaned = clean_text(text, multiline=multiline)
        kept = {"\n", "\t"} if multiline else set()
        assert not any(c in BIDI for c in cleaned)
        assert all(unicodedata.category(c) != "Cc" or c in kept for c in cleaned)
        assert all(c.isascii() for c in cleaned if c.isdecimal())


@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E)))
def test_plain_text_is_unchanged(text: str) -> None:
    assert clean_text(text) == text


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("١٢٣", "123"),  # Arabic-Indic
        ("１２３", "123"),  # fullwidth
        ("۴۵۶", "456"),  # Persian
        ("०१२", "012"),  # Devanagari
        ("Jl. Mawar\x00\x07\x1b 12\u202e", "Jl. Mawar 12"),
        ("baris 1\nbaris 2", "baris 1 baris 2"),
    ],
)
def test_examples(typed: str, stored: str) -> None:
    assert clean_text(typed) == stored


@given(st.dates())
def test_dates_outside_1900_2100_are_refused(day: date) -> None:
    if MIN_DATE <= day <= MAX_DATE:
        check_date(day, "x")
    else:
        with pytest.raises(ValidationError) as caught:
            check_date(day, "x")
        assert caught.value.field == "x" and "1900" in caught.value.message


def test_a_member_is_stored_clean(services: Services) -> None:
    ketua = make_user(services, Role.PENGURUS, "ketua")
    member = make_member(
        services,
        ketua,
        name="Siti\u202e Aminah\x00",
        address="Jl. Mawar \x1b[31m١٢",
        nik="٣٥٧٦٠١٥٤٠٣٨٥٠٠٠١",
        rt="٣",
    )
    assert member.name == "Siti Aminah"
    assert member.address == "Jl. Mawar [31m12"
    assert member.nik == "3576015403850001" and member.rt == "003"


@pytest.mark.parametrize("join", [date(1, 1, 1), date(1899, 12, 31)])
def test_a_join_date_before_1900_is_refused(services: Services, join: date) -> None:
    ketua = make_user(services, Role.PENGURUS, "ketua")
    with pytest.raises(ValidationError) as caught:
        services.members.create(ketua, make_draft(join_date=join), today=date(2026, 11, 26))
    assert caught.value.field == "join_date"
    assert services.members.count() == 0


def test_savings_note_and_date(services: Services) -> None:
    ketua = make_user(services, Role.PENGURUS, "ketua")
    member = make_member(services, ketua)
    tx = services.savings.deposit(
        ketua, member.id, SavingsKind.SUKARELA, 10_000, date(2026, 1, 5), note="\u2066a\x00b"
    )
    assert services.savings.get(tx.id).note == "ab"
    with pytest.raises(ValidationError) as caught:
        services.savings.deposit(
            ketua, member.id, SavingsKind.SUKARELA, 10_000, date(2101, 1, 1), today=date(2102, 1, 1)
        )
    assert caught.value.field == "tx_date"


def test_the_cooperative_profile_is_stored_clean(services: Services) -> None:
    admin = make_user(services, Role.ADMIN)
    profile = services.settings.profile()
    from dataclasses import replace

    services.settings.save_profile(
        admin, replace(profile, address="Jl. Majapahit\u202e ١\x07", city="Kota\x00 Mojokerto")
    )
    saved = services.settings.profile()
    assert (saved.address, saved.city) == ("Jl. Majapahit 1", "Kota Mojokerto")


@pytest.mark.parametrize(
    ("field", "changes"),
    [
        ("application_date", {"application_date": date(1, 1, 1)}),
        ("first_due", {"first_due": date(2101, 1, 5)}),
    ],
)
def test_a_loan_application_with_an_impossible_date_is_refused(
    services: Services, field: str, changes: dict[str, date]
) -> None:
    from dataclasses import replace

    from app.loans.models import LoanApplication
    from tests.app.loans.loan_factory import product

    ketua = make_user(services, Role.PENGURUS, "ketua")
    member = make_member(services, ketua)
    draft = LoanApplication(
        member_id=member.id,
        product_id=product(services).id,
        amount=5_000_000,
        months=10,
        first_due=date(2026, 12, 10),
        application_date=date(2026, 11, 2),
        purpose="Tambahan modal\u202e usaha\x00",
    )
    with pytest.raises(ValidationError) as caught:
        services.loans.create_loan(ketua, replace(draft, **changes), today=date(2026, 11, 26))
    assert caught.value.field == field
    loan = services.loans.create_loan(ketua, draft, today=date(2026, 11, 26))
    assert services.loans.get(loan.id).purpose == "Tambahan modal usaha"


HOSTILE = "Budi\x00 \u202eSantoso\x1b[31m \u0661\u0662"


def test_users_names_are_stored_clean(services: Services) -> None:
    admin = make_user(services, Role.ADMIN)
    user = services.users.create_user(
        admin, "kasir2", HOSTILE, Role.STAF, "RahasiaKuat9", "RahasiaKuat9", "Kasir\x07"
    )
    assert user.full_name == clean_text(HOSTILE) and "\x00" not in user.full_name
    assert user.position == "Kasir"
    changed = services.users.update_user(admin, user.id, "Siti\u202e A", Role.STAF, "\x1b", True)
    assert (changed.full_name, changed.position) == ("Siti A", "")


def test_a_loan_application_through_apply_is_stored_clean(services: Services) -> None:
    from tests.app.loans.loan_factory import product

    pengurus = make_user(services, Role.PENGURUS, "ketua", "Uji Ketua")
    member = make_member(services, pengurus)
    from app.loans.models import LoanApplication

    draft = LoanApplication(
        member_id=member.id,
        product_id=product(services).id,
        amount=2_000_000,
        months=10,
        first_due=date(2026, 12, 26),
        application_date=date(2026, 11, 26),
        purpose="Modal\x00 warung \u202e\u0661",
    )
    loan = services.loans.apply(pengurus, draft, date(2026, 11, 26))
    assert loan.purpose == "Modal warung 1"


def test_case_notes_are_stored_clean(services: Services) -> None:
    from tests.app.loans.loan_factory import make_loan

    pengurus = make_user(services, Role.PENGURUS, "ketua", "Uji Ketua")
    loan = make_loan(services, pengurus, make_member(services, pengurus).id)
    on = date(2025, 6, 1)
    case = services.cases.open_case(pengurus, loan.id, "Menunggak\x07 \u202elama", on)
    texts = [str(e) for e in services.timelines.for_case(case.id, on)]
    assert any("Menunggak lama" in t for t in texts), texts
    assert all("\x07" not in t and "\u202e" not in t for t in texts)
