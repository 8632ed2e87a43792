"""Handling problem loans (DOMAIN §7): what the UI holds as ``services.collection``.

Its parts, reached as attributes:

- ``cases``         – CaseService: open (by hand / open_due_cases), officer, status, causes,
                      collateral status, close, the cases list, the timeline
- ``contacts``      – ContactService: the negotiation log (with a promise), letters
- ``letter_order``  – LetterOrderService: which SP is due, out-of-order authorisation
- ``meetings``      – MeetingService: a decision's position when proposed, board meetings
                      with the attendance entered
- ``promises``      – PromiseService: promises and their status from real payments, kept rates
- ``queue``         – WorkQueueService: the day's work for the Beranda
- ``decisions``     – DecisionService: propose / note / approve / reject / withdraw
- ``restructuring`` – RestructuringService: position, plan (new beside old schedule), propose
- ``settlement``    – SettlementService: quote within limits, propose an offer, pay it
- ``setoff``        – SetoffService: set-off against savings with the member's consent
- ``writeoff``      – WriteoffService: hapus buku checklist and proposal, hapus tagih,
                      recoveries, the off-books register
- ``reports``       – CollectionReports: performance, restructured loans, written-off
                      register (RAT annex), cases by cause
"""

from __future__ import annotations

from app.collection.cases import CaseService
from app.collection.contacts import ContactService
from app.collection.decision_models import DecisionKind
from app.collection.decisions import DecisionService
from app.collection.letter_order import LetterOrderService
from app.collection.meetings import MeetingService
from app.collection.promises import PromiseService
from app.collection.queue import WorkQueueService
from app.collection.reports import CollectionReports
from app.collection.restructuring import RestructuringService
from app.collection.setoff import SetoffService
from app.collection.settlement import SettlementService
from app.collection.writeoff import WriteoffService
from app.loans.service import LoanService
from app.savings.service import SavingsService
from app.settings.service import SettingsService
from app.storage.audit_repo import AuditRepository
from app.storage.collection_decisions_repo import DecisionsRepository
from app.storage.collection_repo import CollectionRepository
from app.storage.db import Database
from app.storage.loans_events_repo import LoanEventsRepository
from app.storage.loans_repo import LoansRepository
from app.storage.meetings_repo import MeetingsRepository
from app.storage.members_repo import MembersRepository
from app.storage.users_repo import UsersRepository


class CollectionService:
    def __init__(
        self,
        db: Database,
        audit: AuditRepository,
        settings: SettingsService,
        loans: LoanService,
        savings: SavingsService,
    ) -> None:
        self.db = db
        self.audit = audit
        self.settings = settings
        self.loans = loans
        self.savings = savings
        self.repo = CollectionRepository(db)
        self.decisions_repo = DecisionsRepository(db)
        self.loans_repo = LoansRepository(db)
        self.loans_events = LoanEventsRepository(db)
        self.users_repo = UsersRepository(db)
        self.members_repo = MembersRepository(db)
        self.meetings_repo = MeetingsRepository(db)
        self.cases = CaseService(self)
        self.contacts = ContactService(self)
        self.letter_order = LetterOrderService(self)
        self.meetings = MeetingService(self)
        self.promises = PromiseService(self)
        self.decisions = DecisionService(self)
        self.restructuring = RestructuringService(self)
        self.settlement = SettlementService(self)
        self.setoff = SetoffService(self)
        self.writeoff = WriteoffService(self)
        self.queue = WorkQueueService(self)
        self.reports = CollectionReports(self)
        self.decisions.register(DecisionKind.RESTRUKTURISASI, self.restructuring)
        self.decisions.register(DecisionKind.PELUNASAN_KERINGANAN, self.settlement)
        self.decisions.register(DecisionKind.KOMPENSASI_SIMPANAN, self.setoff)
        self.decisions.register(DecisionKind.HAPUS_BUKU, self.writeoff)
        self.decisions.register(DecisionKind.HAPUS_TAGIH, self.writeoff)
