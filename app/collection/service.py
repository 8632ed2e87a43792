"""The collaborators WriteoffService still reaches through a parent pointer (until writeoff.py
takes them by constructor like the other collection services). Built by app/services.py."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.collection.cases import CaseService
    from app.collection.decisions import DecisionService
    from app.collection.letter_order import LetterOrderService
    from app.collection.setoff import SetoffService
    from app.loans.service import LoanService
    from app.savings.service import SavingsService
    from app.settings.service import SettingsService
    from app.storage.audit_repo import AuditRepository
    from app.storage.collection_decisions_repo import DecisionsRepository
    from app.storage.collection_repo import CollectionRepository
    from app.storage.db import Database
    from app.storage.loans_repo import LoansRepository


@dataclass(frozen=True)
class CollectionService:
    db: Database
    audit: AuditRepository
    settings: SettingsService
    loans: LoanService
    savings: SavingsService
    repo: CollectionRepository
    decisions_repo: DecisionsRepository
    loans_repo: LoansRepository
    cases: CaseService
    letter_order: LetterOrderService
    setoff: SetoffService
    decisions: DecisionService
