"""Posting a stored sub-ledger record: its derived event (app/ledger/derive.py) becomes one
journal, or the reversal of the original's journal. Used by the services that record money
(inside their transaction) and by the history migration of an existing file."""

from __future__ import annotations

from app.collection.drafts import NewFinEvent
from app.ledger import events as ev
from app.ledger.derive import Reverses, collection_event
from app.ledger.service import LedgerService
from app.storage.collection_decisions_repo import DecisionsRepository
from app.storage.loans_repo import LoansRepository
from app.users.models import User


def post_derived(ledger: LedgerService, derived: ev.Event | Reverses, actor: User | None) -> int:
    """The journal of a derived record (the caller holds the transaction)."""
    if isinstance(derived, Reverses):
        return ledger.reverse_event(*derived.key, derived.on, actor)
    return ledger.post(derived, actor)


class ProblemLoanBooks:
    """The financial events of problem loans (restructuring capitalisation, hapus buku, jasa
    not recognised, recovery, hapus tagih): stored and posted in the caller's transaction."""

    def __init__(
        self, repo: DecisionsRepository, loans: LoansRepository, ledger: LedgerService
    ) -> None:
        self.repo = repo
        self.loans = loans
        self.ledger = ledger

    def record(self, new: NewFinEvent, actor: User | None) -> int:
        event_id = self.repo.insert_fin_event(new, actor.id if actor else None)
        stored = self.repo.fin_event(event_id)
        loan = self.loans.loan(new.loan_id)
        assert stored is not None and loan is not None
        self.ledger.post(collection_event(stored, loan.member_id, loan.product_id), actor)
        return event_id
