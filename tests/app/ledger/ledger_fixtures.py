"""A ledger over a fresh test database, with a member and two (undisbursed) loans."""

from __future__ import annotations

from dataclasses import dataclass

from app.ledger.manual import ManualJournals
from app.ledger.service import LedgerPolicy, LedgerService
from app.services import Services
from app.users.models import User
from tests.app.loans.loan_factory import make_loan
from tests.conftest import admin_user, make_member


@dataclass
class Books:
    services: Services
    ledger: LedgerService
    manual: ManualJournals
    admin: User
    member_id: int
    loans: list[int]


def books(services: Services, policy: LedgerPolicy | None = None, loans: int = 2) -> Books:
    admin = admin_user(services)
    member = make_member(services, admin)
    loan_ids = [make_loan(services, admin, member.id, disburse=False).id for _ in range(loans)]
    ledger = LedgerService(services.db, services.audit, policy)
    return Books(services, ledger, ManualJournals(ledger), admin, member.id, loan_ids)
