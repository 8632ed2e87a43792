"""Set-off against savings and settlement at a discount post through the savings and loan
events they are made of: the transfer account nets to zero, savings leave their own accounts
and the loan its account; the books check clean."""

from __future__ import annotations

from collections import Counter

import pytest

from app.errors import ValidationError
from app.ledger.derive import loan_key, savings_key
from app.loans.models import EventKind
from app.members.models import Member
from app.savings.models import SavingsKind, TxType
from app.services import Services
from app.storage.check import check_database
from tests.app.collection.conftest import People
from tests.app.collection.test_setoff_settlement import CONSENT, D, case_id

__all__ = ["case_id"]  # the fixture, from the set-off tests


def _lines(services: Services, key: tuple[str, int, str]) -> list[tuple[str, int, int]]:
    found = services.ledger.repo.find(*key)
    assert found is not None, key
    return sorted((x.account, x.debit, x.credit) for x in services.ledger.journal(found).lines)


def test_setoff_journals(services: Services, people: People, member: Member, case_id: int) -> None:
    decision = services.setoff.propose(
        people.manajer, case_id, D, {"sukarela": 650_000, "wajib": 400_000}, CONSENT, D
    )
    services.decisions.approve(people.ketua, decision.id, "Sesuai pernyataan", D, D)
    out = {
        t.kind: t
        for t in services.savings.history(member.id)
        if t.tx_type == TxType.PENARIKAN and t.method == "kompensasi"
    }
    assert _lines(services, savings_key(out[SavingsKind.WAJIB].id, TxType.PENARIKAN)) == [
        ("1114", 0, 400_000),
        ("3102", 400_000, 0),
    ]
    assert _lines(services, savings_key(out[SavingsKind.SUKARELA].id, TxType.PENARIKAN)) == [
        ("1114", 0, 650_000),
        ("2101", 650_000, 0),
    ]
    payment = services.loans.payments.events(decision.loan_id)[-1]
    lines = _lines(services, loan_key(payment.id, EventKind.PEMBAYARAN))
    assert ("1114", 1_050_000, 0) in lines
    assert ("1105", 0, payment.pokok) in lines
    assert services.ledger.repo.balance(["1114"], D) == 0
    path = services.db.path
    services.close()
    problems = check_database(path).problems
    assert problems == [], problems


def test_settlement_at_a_discount_journals(
    services: Services, people: People, case_id: int
) -> None:
    loan_id = services.cases.get(case_id).loan_id
    limit = services.settlement.max_within_limits(loan_id, D)
    waivers = {"denda": limit.line("denda").owed, "jasa": 200_000}
    decision = services.settlement.propose(
        people.manajer, case_id, D, waivers, D, "Anggota menjual motor", D
    )
    services.decisions.approve(people.ketua, decision.id, "Setuju", D, D)
    payment = services.settlement.pay(people.staf, decision.id, D, "tunai", D)
    waived = [e for e in services.loans.payments.events(loan_id) if e.kind == EventKind.KERINGANAN]
    for e in waived:  # unbooked jasa/denda (cash basis): markers
        assert e.pokok == 0 and _lines(services, loan_key(e.id, e.kind)) == []
    lines = _lines(services, loan_key(payment.id, EventKind.PEMBAYARAN))
    assert ("1101", payment.amount, 0) in lines
    assert services.ledger.loan_balance("piutang_pinjaman", loan_id, D) == 0
    path = services.db.path
    services.close()
    problems = check_database(path).problems
    assert problems == [], problems


def _setoff(services: Services, people: People, case_id: int) -> int:
    decision = services.setoff.propose(
        people.manajer, case_id, D, {"sukarela": 650_000, "wajib": 400_000}, CONSENT, D
    )
    services.decisions.approve(people.ketua, decision.id, "Sesuai pernyataan", D, D)
    return decision.id


def _state(services: Services, member: Member, loan_id: int) -> tuple[int, ...]:
    balances = services.savings.balances(member.id, D)
    return (
        services.ledger.repo.balance(["1114"]),
        balances.of(SavingsKind.SUKARELA),
        balances.of(SavingsKind.WAJIB),
        services.ledger.loan_balance("piutang_pinjaman", loan_id, D),
        services.db.scalar("SELECT count(*) FROM journals"),
    )


@pytest.mark.parametrize("half", ["sukarela", "wajib", "pinjaman"])
def test_one_half_of_a_setoff_cannot_be_reversed_alone(
    services: Services, people: People, member: Member, case_id: int, half: str
) -> None:
    """Reversing the savings half (either kind) or the loan half alone would leave the transfer
    account 1114 open: refused with the way to do it, nothing written."""
    decision_id = _setoff(services, people, case_id)
    loan_id = services.decisions.get(decision_id).loan_id
    withdrawals, payments = services.setoff.halves(services.decisions.get(decision_id))
    before = _state(services, member, loan_id)
    assert before[0] == 0
    with pytest.raises(ValidationError, match="Batalkan kompensasinya") as refused:
        if half == "pinjaman":
            services.loans.payments.reverse(people.ketua, payments[0].id, "salah catat", D, D)
        else:
            tx = next(t for t in withdrawals if t.kind.value == half)
            services.savings.reverse(people.ketua, tx.id, "salah catat", today=D)
    assert refused.value.field == "transaction"
    assert _state(services, member, loan_id) == before


def test_a_setoff_is_reversed_as_a_whole(
    services: Services, people: People, member: Member, case_id: int
) -> None:
    """Both halves in one transaction, each journal the mirror of its original: the savings
    are back, the loan owes again, 1114 is zero, the books check clean; only once."""
    loan_id = services.cases.get(case_id).loan_id
    start = _state(services, member, loan_id)
    decision_id = _setoff(services, people, case_id)
    withdrawals, payments = services.setoff.halves(services.decisions.get(decision_id))
    originals = [loan_key(payments[0].id, EventKind.PEMBAYARAN)] + [
        savings_key(t.id, TxType.PENARIKAN) for t in withdrawals
    ]
    services.setoff.reverse(people.ketua, decision_id, "anggota membatalkan", D, D)
    after = _state(services, member, loan_id)
    assert after[:4] == start[:4]  # 1114 zero, savings and pokok as before the set-off
    assert after[4] == start[4] + 2 * len(originals)  # each half: its journal and its reversal
    for key in originals:
        journal = services.ledger.journal(services.ledger.repo.find(*key) or 0)
        assert journal.reversed_by is not None
        mirror = services.ledger.journal(journal.reversed_by)
        assert Counter(x.swapped() for x in journal.lines) == Counter(mirror.lines)
    assert services.setoff.halves(services.decisions.get(decision_id)) == ([], [])
    assert services.setoff.executed_for(loan_id) == []
    with pytest.raises(ValidationError, match="sudah dibatalkan"):
        services.setoff.reverse(people.ketua, decision_id, "anggota membatalkan", D, D)
    path = services.db.path
    services.close()
    problems = check_database(path).problems
    assert problems == [], problems
