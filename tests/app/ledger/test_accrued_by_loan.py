"""The per-loan replay of accrued jasa (`accrued_by_loan`, used by `mufakat check`) gives the
same sub-ledger as the plain quadratic replay it replaced, on any sequence of steps: accruals,
payments (up to the balance at their date), hapus buku, reversals (of any journal, also of a
reversal or of one not seen), journals seen twice and steps out of order."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from app.ledger.accrual import AccrualStep, accrued_by_loan


def _reference(steps: Iterable[AccrualStep]) -> dict[int, int]:
    """The former implementation, verbatim: every payment sums all effects of the file."""
    effects: dict[int, tuple[int, date, int]] = {}
    for step in sorted(steps, key=lambda s: s.journal_id):
        if step.kind == "balik":
            original = effects.get(step.reverses or 0)
            if original is not None:
                effects[step.journal_id] = (original[0], step.posted_on, -original[2])
            continue
        if step.kind == "akrual":
            effect = step.amount
        else:
            balance = sum(
                e for loan, on, e in effects.values() if loan == step.loan_id and on <= step.as_of
            )
            cleared = max(0, balance if step.kind == "hapus" else min(step.amount, balance))
            effect = -cleared
        effects[step.journal_id] = (step.loan_id, step.posted_on, effect)
    totals: dict[int, int] = {}
    for loan, _, effect in effects.values():
        totals[loan] = totals.get(loan, 0) + effect
    return totals


_START = date(2024, 1, 1)
_day = st.integers(0, 60).map(lambda d: _START + timedelta(days=d))
_step = st.builds(
    AccrualStep,
    journal_id=st.integers(1, 40),  # small range: journals seen twice happen
    posted_on=_day,
    as_of=_day,
    loan_id=st.integers(0, 4),
    kind=st.sampled_from(["akrual", "bayar", "hapus", "balik"]),
    amount=st.integers(-5_000, 20_000),
    reverses=st.one_of(st.none(), st.integers(0, 45)),
)


@settings(max_examples=400)
@given(st.lists(_step, max_size=60))
def test_per_loan_replay_equals_the_plain_replay(steps: list[AccrualStep]) -> None:
    assert accrued_by_loan(steps) == _reference(steps)


def test_payment_clears_only_its_own_loan_up_to_its_date() -> None:
    d = date(2024, 1, 31)
    steps = [
        AccrualStep(1, d, d, 7, "akrual", 1_000),
        AccrualStep(2, d, d, 8, "akrual", 5_000),
        AccrualStep(3, d + timedelta(days=1), d + timedelta(days=1), 7, "akrual", 400),
        AccrualStep(4, d, d, 7, "bayar", 9_000),  # sees 1,000 of loan 7 at its date, not 8's
        AccrualStep(5, d, d, 0, "balik", reverses=2),
    ]
    assert accrued_by_loan(steps) == {7: 400, 8: 0} == _reference(steps)
