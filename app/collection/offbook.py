"""The off-books register (Daftar Ekstrakomptabel) as a read: a loan's entry, the register at a
date, the collection's financial events of a loan (write-off, reversals, recoveries)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.collection.decision_models import FinancialEvent, OffbookEntry
from app.errors import NotFound

if TYPE_CHECKING:
    from app.storage.collection_decisions_repo import DecisionsRepository


class OffbookReads:
    def __init__(self, decisions_repo: DecisionsRepository) -> None:
        self.repo = decisions_repo

    def of_loan(self, loan_id: int, as_of: date | None = None) -> OffbookEntry | None:
        """The loan's entry in the register at `as_of` (None: never written off)."""
        return self.repo.offbook(loan_id, as_of)

    def register(self, as_of: date, include_closed: bool = True) -> list[OffbookEntry]:
        """The Daftar Ekstrakomptabel at `as_of`."""
        return self.repo.offbook_entries(as_of, include_closed)

    def entry(self, loan_id: int, as_of: date | None = None) -> OffbookEntry:
        """The loan's entry (NotFound when it was never written off)."""
        entry = self.repo.offbook(loan_id, as_of)
        if entry is None:
            raise NotFound("Pinjaman ini tidak ada di Daftar Ekstrakomptabel.")
        return entry

    def recoveries(self, loan_id: int) -> list[FinancialEvent]:
        """Money received after the write-off, in order."""
        return [e for e in self.repo.fin_events(loan_id) if e.kind == "pemulihan"]

    def fin_events(self, loan_id: int) -> list[FinancialEvent]:
        """The collection's financial events of the loan, in order."""
        return self.repo.fin_events(loan_id)
