"""Posting a stored sub-ledger record: its derived event (app/ledger/derive.py) becomes one
journal, or the reversal of the original's journal. Used by the services that record money
(inside their transaction) and by the history migration of an existing file."""

from __future__ import annotations

from app.ledger import events as ev
from app.ledger.derive import Reverses
from app.ledger.service import LedgerService
from app.users.models import User


def post_derived(ledger: LedgerService, derived: ev.Event | Reverses, actor: User | None) -> int:
    """The journal of a derived record (the caller holds the transaction)."""
    if isinstance(derived, Reverses):
        return ledger.reverse_event(*derived.key, derived.on, actor)
    return ledger.post(derived, actor)
