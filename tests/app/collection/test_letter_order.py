"""Issue 10 #9: warning letters keep the order and spacing of Kebijakan (DOMAIN §4a)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.collection.letter_order import LetterRules, kept_chain, sp_options
from app.collection.models import LetterDraft, LetterKind
from app.documents import sp_letters
from app.documents.kinds import SP_KINDS
from app.documents.sources import issuing, letters
from app.errors import PermissionDenied, ValidationError
from app.loans.models import Loan
from app.members.models import Member
from app.services import Services
from tests.app.collection.conftest import People, make_loan

pytestmark = pytest.mark.both_engines

D0 = date(2026, 5, 1)


@given(
    g2=st.integers(1, 60),
    g3=st.integers(1, 60),
    a=st.integers(0, 90),
    b=st.integers(0, 90),
)
def test_kept_chain_counts_only_spaced_letters(g2: int, g3: int, a: int, b: int) -> None:
    rules = LetterRules(30, g2, g3)
    dates = {"SP1": [D0], "SP2": [D0 + timedelta(days=a)], "SP3": [D0 + timedelta(days=a + b)]}
    kept = kept_chain(dates, rules)
    assert "SP1" in kept
    assert ("SP2" in kept) == (a >= g2)
    assert ("SP3" in kept) == (a >= g2 and b >= g3)


def test_same_day_letters_count_once() -> None:
    same = {"SP1": [D0], "SP2": [D0], "SP3": [D0]}
    assert kept_chain(same, LetterRules(30, 14, 14)) == {"SP1": D0}
    assert kept_chain({"SP2": [D0], "SP3": [D0]}, LetterRules(30, 14, 14)) == {}


@given(
    g2=st.integers(1, 60), g3=st.integers(1, 60), days=st.integers(0, 120), late=st.integers(0, 90)
)
def test_options_offer_exactly_the_next_due_letter(g2: int, g3: int, days: int, late: int) -> None:
    rules = LetterRules(30, g2, g3)
    as_of = D0 + timedelta(days=days)
    # nothing sent: SP1 once 30 days late; SP2 and SP3 never
    o1, o2, o3 = sp_options({}, rules, as_of, late)
    assert o1.allowed == (late >= 30)
    assert not o2.allowed and o2.out_of_order and "SP1 belum dibuat" in o2.reason
    assert not o3.allowed and o3.out_of_order
    # SP1 on D0: SP2 from D0 + g2 on, SP3 not before SP2
    _o1, o2, o3 = sp_options({"SP1": [D0]}, rules, as_of, late)
    assert not _o1.allowed and not _o1.out_of_order  # already made: a reprint, not a new one
    assert o2.allowed == (days >= g2)
    if not o2.allowed:
        assert o2.earliest == D0 + timedelta(days=g2) and o2.out_of_order
    assert not o3.allowed
    # SP1 and SP2 (on D0 + g2): SP3 from D0 + g2 + g3 on
    *_, o3 = sp_options({"SP1": [D0], "SP2": [D0 + timedelta(days=g2)]}, rules, as_of, late)
    assert o3.allowed == (days >= g2 + g3)


@pytest.fixture
def loan(services: Services, people: People, member: Member) -> Loan:
    return make_loan(services, people, member)


def _issue(services: Services, actor, case_id: int, level: int, on: date, why: str = ""):  # type: ignore[no-untyped-def]
    data = letters.sp_letter(services, case_id, level, on)
    return issuing.issue(
        services, actor, SP_KINDS[level], data, sp_letters.render, on, authorisation=why
    )


def test_printing_keeps_order_unless_a_pengurus_authorises(
    services: Services, people: People, loan: Loan
) -> None:
    on = date(2026, 4, 1)
    [case] = services.cases.open_due_cases(on)
    with pytest.raises(PermissionDenied) as err:
        _issue(services, people.staf, case.id, 3, on)
    assert "SP2 belum dibuat" in err.value.message
    _issue(services, people.staf, case.id, 1, on)
    with pytest.raises(PermissionDenied):
        _issue(services, people.manajer, case.id, 2, on)  # same day: too early
    with pytest.raises(ValidationError) as missing:
        _issue(services, people.ketua, case.id, 2, on)  # a Pengurus, but no reason
    assert missing.value.field == "authorisation"
    _issue(services, people.ketua, case.id, 2, on, "Anggota akan pindah keluar kota minggu ini")
    [_sp1, sp2] = services.contacts.letters(case.id)
    assert sp2.kind == LetterKind.SP2 and "diizinkan Budi Santoso" in sp2.note
    events = services.db.rows(
        "SELECT text FROM case_events WHERE case_id = ? AND kind = 'surat'", (case.id,)
    )
    assert any("pindah keluar kota" in r["text"] for r in events)
    audit = services.db.rows("SELECT note FROM audit_log WHERE action = 'surat di luar urutan'")
    assert [r["note"] for r in audit] == [sp2.note.split(". ", 1)[1]]
    # SP3 in order: 14 days after SP2
    with pytest.raises(PermissionDenied):
        _issue(services, people.staf, case.id, 3, on + timedelta(days=13))
    _issue(services, people.staf, case.id, 3, on + timedelta(days=14))


def test_writeoff_checklist_ignores_letters_sent_too_close(
    services: Services, people: People, loan: Loan
) -> None:
    [case] = services.cases.open_due_cases(date(2026, 4, 1))
    for kind in ("SP1", "SP2", "SP3"):
        services.contacts.record_letter(
            people.staf,
            case.id,
            LetterDraft(
                kind=LetterKind(kind),
                letter_date=date(2026, 4, 6),
                number=f"00{kind[-1]}",
                sent_on=date(2026, 4, 6),
                delivery_method="diantar",
                received_by="Istri",
            ),
            today=date(2026, 4, 6),
        )
    check = services.writeoff.checklist(loan.id, date(2027, 3, 1))
    letters_item = {i.key: i for i in check.items}["letters"]
    assert not letters_item.ok
    assert "Belum dikirim: SP2, SP3" in letters_item.detail
    assert "kurang dari 14 hari setelah SP1" in letters_item.detail
