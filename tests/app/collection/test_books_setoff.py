"""Set-off against savings and settlement at a discount post through the savings and loan
events they are made of: the transfer account nets to zero, savings leave their own accounts
and the loan its account; the books check clean."""

from __future__ import annotations

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
