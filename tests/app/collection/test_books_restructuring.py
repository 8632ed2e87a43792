"""A restructuring that capitalises jasa: the capitalised jasa goes to the loan account against
deferred jasa (1107), not income; the waived denda posts nothing; the books check clean."""

from __future__ import annotations

from app.ledger.derive import collection_key
from app.services import Services
from app.storage.check import check_database
from tests.app.collection.conftest import People
from tests.app.collection.test_restructuring import EFF, _terms, case_id

__all__ = ["case_id"]  # the fixture, from the restructuring tests


def test_capitalised_jasa_is_deferred(services: Services, people: People, case_id: int) -> None:
    loan_id = services.cases.get(case_id).loan_id
    decision = services.restructuring.propose(people.manajer, case_id, _terms(), today=EFF)
    services.decisions.approve(people.ketua, decision.id, "Disetujui rapat", EFF, EFF)
    event_id = services.db.scalar(
        "SELECT id FROM collection_fin_events WHERE kind = 'kapitalisasi' AND loan_id = ?",
        (loan_id,),
    )
    found = services.ledger.repo.find(*collection_key(int(event_id), "kapitalisasi"))
    assert found is not None
    lines = sorted((x.account, x.debit, x.credit) for x in services.ledger.journal(found).lines)
    assert lines == [("1105", 450_000, 0), ("1107", 0, 450_000)]  # five months' jasa
    assert services.ledger.loan_balance("piutang_pinjaman", loan_id, EFF) == 6_450_000
    path = services.db.path
    services.close()
    problems = check_database(path).problems
    assert problems == [], problems
