"""Promise status decided from real payments (never by hand)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.collection.models import (
    Channel,
    ContactDraft,
    MetRole,
    Promise,
    PromiseDraft,
    PromiseStatus,
)
from app.collection.promise_views import evaluate_promises
from app.errors import ValidationError
from app.members.models import Member
from app.services import Services
from tests.app.collection.conftest import People, make_loan, pay

pytestmark = pytest.mark.both_engines


def promise(pid: int, amount: int, made: date, due: date, **kw: object) -> Promise:
    values: dict[str, object] = dict(
        id=pid,
        case_id=1,
        loan_id=1,
        contact_id=pid,
        member_id=1,
        amount=amount,
        made_on=made,
        due_date=due,
        officer_id=1,
        officer_name="Agus",
    )
    values.update(kw)
    return Promise(**values)  # type: ignore[arg-type]


MADE, DUE = date(2026, 6, 1), date(2026, 6, 10)


def status(
    receipts: list[tuple[int, date, int]], as_of: date, grace: int = 0, amount: int = 1_000_000
) -> tuple[PromiseStatus, int]:
    view = evaluate_promises([promise(1, amount, MADE, DUE)], receipts, as_of, grace)[0]
    return view.status, view.paid


def test_paid_in_full_by_the_date_is_kept() -> None:
    assert status([(1, date(2026, 6, 10), 1_000_000)], date(2026, 6, 30)) == (
        PromiseStatus.DITEPATI,
        1_000_000,
    )


def test_kept_early_shows_before_the_date() -> None:
    assert status([(1, date(2026, 6, 3), 1_000_000)], date(2026, 6, 4))[0] == (
        PromiseStatus.DITEPATI
    )


def test_waiting_until_the_date_passes_even_when_partly_paid() -> None:
    assert status([(1, date(2026, 6, 5), 400_000)], date(2026, 6, 10)) == (
        PromiseStatus.MENUNGGU,
        400_000,
    )


def test_partly_paid_after_the_date_is_sebagian() -> None:
    assert status([(1, date(2026, 6, 5), 400_000)], date(2026, 6, 11)) == (
        PromiseStatus.SEBAGIAN,
        400_000,
    )


def test_nothing_by_the_date_is_ingkar_and_late_payment_does_not_count() -> None:
    assert status([(1, date(2026, 6, 11), 1_000_000)], date(2026, 6, 20)) == (
        PromiseStatus.INGKAR,
        0,
    )


def test_grace_days_let_a_late_payment_count() -> None:
    late = [(1, date(2026, 6, 12), 1_000_000)]
    assert status(late, date(2026, 6, 11), grace=3)[0] == PromiseStatus.MENUNGGU
    assert status(late, date(2026, 6, 20), grace=3)[0] == PromiseStatus.DITEPATI
    assert status(late, date(2026, 6, 20), grace=1)[0] == PromiseStatus.INGKAR


def test_payment_before_the_promise_was_made_does_not_count() -> None:
    assert status([(1, date(2026, 5, 31), 1_000_000)], date(2026, 6, 11))[0] == (
        PromiseStatus.INGKAR
    )


def test_overpayment_is_kept_and_counted_whole() -> None:
    assert status([(1, date(2026, 6, 9), 1_500_000)], date(2026, 6, 11)) == (
        PromiseStatus.DITEPATI,
        1_500_000,
    )


def test_several_payments_add_up() -> None:
    receipts = [(1, date(2026, 6, 2), 300_000), (2, date(2026, 6, 9), 700_000)]
    assert status(receipts, date(2026, 6, 11)) == (PromiseStatus.DITEPATI, 1_000_000)


def test_two_promises_share_payments_earliest_deadline_first() -> None:
    first = promise(1, 1_000_000, date(2026, 6, 1), date(2026, 6, 10))
    second = promise(2, 500_000, date(2026, 6, 5), date(2026, 6, 20))
    # 1.2 juta on the 8th: a million to the first, 200 ribu to the second (made by then).
    receipts = [(1, date(2026, 6, 8), 1_200_000), (2, date(2026, 6, 15), 200_000)]
    views = evaluate_promises([second, first], receipts, date(2026, 6, 21))
    by_id = {v.promise.id: v for v in views}
    assert (by_id[1].status, by_id[1].paid) == (PromiseStatus.DITEPATI, 1_000_000)
    assert (by_id[2].status, by_id[2].paid) == (PromiseStatus.SEBAGIAN, 400_000)
    assert sum(p.amount for v in views for p in v.payments) == 1_400_000  # none counted twice


def test_a_payment_never_counts_for_two_promises() -> None:
    first = promise(1, 1_000_000, date(2026, 6, 1), date(2026, 6, 10))
    second = promise(2, 1_000_000, date(2026, 6, 1), date(2026, 6, 10))
    views = evaluate_promises(
        [first, second], [(1, date(2026, 6, 9), 1_000_000)], date(2026, 6, 11)
    )
    assert [v.status for v in views] == [PromiseStatus.DITEPATI, PromiseStatus.INGKAR]


def test_cancelled_promise_takes_no_payment() -> None:
    cancelled = promise(
        1,
        1_000_000,
        MADE,
        DUE,
        cancelled_on=date(2026, 6, 2),
        cancel_reason="Digantikan restrukturisasi",
    )
    other = promise(2, 1_000_000, MADE, date(2026, 6, 15))
    views = evaluate_promises(
        [cancelled, other], [(1, date(2026, 6, 9), 1_000_000)], date(2026, 6, 16)
    )
    assert [v.status for v in views] == [PromiseStatus.DIBATALKAN, PromiseStatus.DITEPATI]


# -- through the services: a visit with a promise, paid in part -------------------------------


def _visit_with_promise(services: Services, people: People, member: Member) -> tuple[int, int]:
    loan = make_loan(services, people, member)
    [case] = services.cases.open_due_cases(date(2026, 6, 10))
    contact = services.contacts.record(
        people.staf,
        ContactDraft(
            case_id=case.id,
            contact_at=datetime(2026, 6, 11, 10, 30),
            channel=Channel.KUNJUNGAN_RUMAH,
            met_role=MetRole.ANGGOTA,
            member_said="Warung sepi sejak pasar dipindah",
            causes=("usaha_gagal",),
            agreed="Membayar Rp1.000.000",
            next_step="Cek pembayaran",
            next_step_date=date(2026, 6, 20),
        ),
        today=date(2026, 6, 11),
        promise=PromiseDraft(1_000_000, date(2026, 6, 20)),
    )
    assert contact.met_name == member.name  # the member, by name
    return loan.id, case.id


def test_promise_from_a_home_visit_partly_paid_is_sebagian(
    services: Services, people: People, member: Member
) -> None:
    loan_id, case_id = _visit_with_promise(services, people, member)
    pay(services, people, services.loans.get(loan_id), 400_000, date(2026, 6, 18))
    promises = services.promise_views
    [waiting] = promises.views_for_case(case_id, date(2026, 6, 20))
    assert (waiting.status, waiting.paid) == (PromiseStatus.MENUNGGU, 400_000)
    [after] = promises.views_for_case(case_id, date(2026, 6, 21))
    assert (after.status, after.paid, after.shortfall) == (PromiseStatus.SEBAGIAN, 400_000, 600_000)
    assert services.cases.get(case_id).status.value == "janji_bayar"
    [rate] = promises.kept_rates("officer", date(2026, 6, 21))
    assert (rate.name, rate.made, rate.partly, rate.rate) == ("Agus Prasetyo", 1, 1, 0)


def test_reversed_payment_no_longer_counts(
    services: Services, people: People, member: Member
) -> None:
    loan_id, case_id = _visit_with_promise(services, people, member)
    pay(services, people, services.loans.get(loan_id), 1_000_000, date(2026, 6, 18))
    assert (
        services.promise_views.views_for_case(case_id, date(2026, 6, 21))[0].status
        == PromiseStatus.DITEPATI
    )
    event = services.loans.payments.events(loan_id)[-1]
    services.loans.payments.reverse(
        people.manajer, event.id, "Salah catat nominal", date(2026, 6, 19), today=date(2026, 6, 19)
    )
    assert (
        services.promise_views.views_for_case(case_id, date(2026, 6, 21))[0].status
        == PromiseStatus.INGKAR
    )


def test_cancel_only_a_waiting_promise_with_a_reason(
    services: Services, people: People, member: Member
) -> None:
    _, case_id = _visit_with_promise(services, people, member)
    [view] = services.promise_views.views_for_case(case_id, date(2026, 6, 12))
    with pytest.raises(ValidationError) as err:
        services.promises.cancel(
            people.staf, view.promise.id, "", date(2026, 6, 12), today=date(2026, 6, 12)
        )
    assert err.value.field == "reason"
    cancelled = services.promises.cancel(
        people.staf,
        view.promise.id,
        "Anggota minta jadwal ulang",
        date(2026, 6, 12),
        today=date(2026, 6, 12),
    )
    assert cancelled.status == PromiseStatus.DIBATALKAN
    with pytest.raises(ValidationError):
        services.promises.cancel(
            people.staf, view.promise.id, "Sekali lagi", date(2026, 6, 12), today=date(2026, 6, 12)
        )


def test_a_reason_of_invisible_characters_is_no_reason(
    services: Services, people: People, member: Member
) -> None:
    """Issue 9 §9: control and bidi characters are stripped before the length is judged."""
    _, case_id = _visit_with_promise(services, people, member)
    [view] = services.promise_views.views_for_case(case_id, date(2026, 6, 12))
    with pytest.raises(ValidationError) as err:
        services.promises.cancel(
            people.staf,
            view.promise.id,
            "\x00\x07\x1b\u202e\u2066\u2069\x7f",
            date(2026, 6, 12),
            today=date(2026, 6, 12),
        )
    assert err.value.field == "reason"
