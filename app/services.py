"""The services of one open database, built once and handed to the UI (no singletons).

This is the composition root: every service is built here and given exactly the
collaborators it uses, by constructor. Nothing else builds a service or a repository."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from app.assets.service import FixedAssets
from app.backups import BackupService
from app.changes import ChangeHub
from app.collection.case_list import CaseList
from app.collection.cases import CaseService
from app.collection.contacts import ContactService
from app.collection.decision_models import DecisionKind
from app.collection.decisions import DecisionService
from app.collection.letter_order import LetterOrderService
from app.collection.meetings import MeetingService
from app.collection.offbook import OffbookReads
from app.collection.promise_views import PromiseViews
from app.collection.promises import PromiseService
from app.collection.queue import WorkQueueService
from app.collection.reports import CollectionReports
from app.collection.restructuring import RestructuringService
from app.collection.setoff import SetoffService
from app.collection.settlement import SettlementService
from app.collection.timeline import CaseTimeline
from app.collection.writeoff import WriteoffService
from app.collection.writeoff_checklist import WriteoffPreconditions
from app.documents.register import DocumentService
from app.imports.service import ImportService
from app.ledger.bankrec import BankReconciliation
from app.ledger.cashbook import CashBook
from app.ledger.closing import PeriodClose
from app.ledger.history import Progress as HistoryProgress
from app.ledger.history import history_pending, post_history
from app.ledger.manual import ManualJournals
from app.ledger.posting import ProblemLoanBooks
from app.ledger.service import LedgerPolicy, LedgerService
from app.ledger.shu import ShuService
from app.ledger.shu_books import ShuBooks
from app.ledger.statements import Statements
from app.ledger.yeartax import TaxSettingsService
from app.loans.service import LoanService
from app.loans.titipan import TitipanService
from app.members.service import MemberService
from app.passbook.service import PassbookService
from app.savings.berjangka_month_end import BerjangkaMonthEnd
from app.savings.berjangka_service import BerjangkaService
from app.savings.jasa_service import JasaSukarela
from app.savings.pph_report import PphReports
from app.savings.pph_withholding import PphWithholding
from app.savings.service import SavingsService
from app.server_url import ServerUrl, is_server_url, parse_server_url
from app.settings.service import SettingsService
from app.storage.audit_repo import AuditRepository
from app.storage.backup import clean_leftovers
from app.storage.change_triggers import watch_changes
from app.storage.collection_decisions_repo import DecisionsRepository
from app.storage.collection_repo import CollectionRepository
from app.storage.db import Database, open_database
from app.storage.engine import Engine
from app.storage.file_only import file_only, on_server
from app.storage.loans_events_repo import LoanEventsRepository
from app.storage.loans_repo import LoansRepository
from app.storage.meetings_repo import MeetingsRepository
from app.storage.members_repo import MembersRepository
from app.storage.pg_changes import ChangeFeed
from app.storage.pg_engine import PgEngine
from app.storage.pph_repo import PphRepository
from app.storage.users_repo import UsersRepository
from app.users.service import UserService


class Services:
    """Everything the program does with one cooperative: its database file on this PC
    (`Database`) or its database on the office server (`PgEngine`, issue 15)."""

    def __init__(self, db: Engine) -> None:
        self.db = db
        self.changes = ChangeHub()  # what was written, for the lists that show it
        if isinstance(db, Database):
            watch_changes(db, self.changes)
        elif isinstance(db, PgEngine):  # this PC's writes at once, the other PCs' by polling
            db.feed = ChangeFeed(db.url, self.changes)
            self.changes.busy = db.in_transaction
            self.changes.remote = db.feed.poll
        self.audit = AuditRepository(db)
        self.settings = SettingsService(db, self.audit)
        self.users = UserService(
            db,
            self.audit,
            max_failed=int(self.settings.get("security.max_failed_logins")),
            lockout_minutes=int(self.settings.get("security.lockout_minutes")),
        )
        self.members = MemberService(db, self.audit, self.settings)
        self.ledger = LedgerService(
            db, self.audit, LedgerPolicy.from_settings(self.settings.get)
        )  # the books: every service that records money posts here in its own transaction
        self.savings = SavingsService(db, self.audit, self.settings, self.ledger)
        # PPh 4(2) on jasa simpanan: every jasa credit withholds through it, in its transaction
        pph_repo = PphRepository(db)
        self.pph = PphWithholding(pph_repo, self.settings.get)
        self.pph_reports = PphReports(pph_repo, self.ledger, self.audit)  # bukti potong, setor
        self.jasa = JasaSukarela(self.savings, self.ledger, self.pph, self.settings, self.audit)
        self.loans = LoanService(db, self.audit, self.settings, self.ledger)
        self.berjangka = BerjangkaService(  # simpanan berjangka, its month-end job below
            db, self.audit, self.settings, self.ledger, self.savings, self.pph.withhold
        )
        self.berjangka_month_end = BerjangkaMonthEnd(self.berjangka)
        self.titipan = TitipanService(db, self.loans.payments, self.savings)
        self.imports = ImportService(db, self.audit, self.members, self.ledger)
        self.documents = DocumentService(db, self.audit, self.settings)
        self.templates = self.documents.templates
        self.backups = BackupService(db)
        self.manual_journals = ManualJournals(self.ledger)  # Jurnal Umum
        self.cashbook = CashBook(self.ledger)  # Buku Kas Harian, kas opname
        self.bank_rec = BankReconciliation(self.ledger)
        self.assets = FixedAssets(self.ledger)  # aset tetap and their monthly depreciation
        self.closing = PeriodClose(
            self.ledger, self.jasa, (self.berjangka_month_end.checklist, self.assets.checklist)
        )  # lock date, tutup bulan
        self.shu = ShuService(db, self.audit)  # SHU per member, Pengaturan → SHU
        self.shu_books = ShuBooks(self.ledger, self.shu, self.savings)  # RAT, allocation, payout
        self.tax = TaxSettingsService(db, self.audit)  # the year's income-tax regime
        self.passbooks = PassbookService(db, self.audit)  # buku simpanan, kartu angsuran
        self._build_collection()

    def _build_collection(self) -> None:
        """Problem loans (DOMAIN §7): the services that change things, then the reads."""
        db, audit, settings, loans = self.db, self.audit, self.settings, self.loans
        repo = CollectionRepository(db)
        decisions_repo = DecisionsRepository(db)
        loans_repo = LoansRepository(db)
        users_repo = UsersRepository(db)
        books = ProblemLoanBooks(decisions_repo, loans_repo, self.ledger)
        self.cases = CaseService(db, repo, decisions_repo, audit, settings, loans, users_repo)
        self.promise_views = PromiseViews(repo, settings, MembersRepository(db), self.cases)
        self.promises = PromiseService(db, repo, audit, self.cases, self.promise_views)
        self.contacts = ContactService(
            db, repo, audit, settings, users_repo, self.cases, self.promises
        )
        self.letter_order = LetterOrderService(repo, settings, loans, self.cases)
        self.meetings = MeetingService(
            db, MeetingsRepository(db), decisions_repo, users_repo, audit, settings, loans
        )
        self.decisions = DecisionService(
            db, decisions_repo, repo, audit, settings, users_repo, self.meetings
        )
        self.restructuring = RestructuringService(
            db,
            repo,
            decisions_repo,
            loans_repo,
            LoanEventsRepository(db),
            audit,
            loans,
            self.cases,
            self.promises,
            self.decisions,
            books,
        )
        self.settlement = SettlementService(
            db, loans_repo, audit, settings, loans, self.cases, self.decisions
        )
        self.setoff = SetoffService(db, loans, self.savings, self.cases, self.decisions)
        self.writeoff = WriteoffService(
            db,
            decisions_repo,
            repo,
            loans_repo,
            users_repo,
            audit,
            settings,
            loans,
            self.cases,
            self.decisions,
            WriteoffPreconditions(
                repo, settings, loans, self.savings, self.letter_order, self.setoff
            ),
            books,
        )
        self.decisions.register(DecisionKind.RESTRUKTURISASI, self.restructuring)
        self.decisions.register(DecisionKind.PELUNASAN_KERINGANAN, self.settlement)
        self.decisions.register(DecisionKind.KOMPENSASI_SIMPANAN, self.setoff)
        self.decisions.register(DecisionKind.HAPUS_BUKU, self.writeoff)
        self.decisions.register(DecisionKind.HAPUS_TAGIH, self.writeoff)
        # the read side
        self.offbook = OffbookReads(decisions_repo)
        self.case_list = CaseList(repo, decisions_repo, loans, self.promise_views)
        self.timelines = CaseTimeline(repo, decisions_repo, loans, self.cases, self.promise_views)
        self.work_queue = WorkQueueService(
            repo, decisions_repo, settings, loans, self.promise_views, self.decisions
        )
        self.collection_reports = CollectionReports(
            repo, decisions_repo, loans, self.promise_views, self.offbook
        )

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        create: bool = False,
        accept_older: bool = False,
        history: bool = True,
    ) -> Services:
        """Open `path` (locked, inspected, migrated) and build every service. An earlier
        release's file has its stored history posted to the books once, here; `history=False`
        leaves that to the caller (`history_pending`, `post_history`: the window shows its
        progress and lets the user cancel). A `postgresql://…` address opens the cooperative
        on the office server instead (`open_server`)."""
        if is_server_url(path):
            return cls.open_server(str(path))
        db = open_database(Path(path), create=create, accept_older=accept_older)
        clean_leftovers(db)  # of backups killed half-way (the file is locked: none is running)
        services = cls(db)
        if history:
            try:
                services.post_history()
            except BaseException:
                services.close()
                raise
        return services

    @classmethod
    def open_server(cls, url: str) -> Services:
        """The cooperative on the office server at `url` (ServerUnreachable when it does not
        answer; a refusal when the database is no cooperative of this program's version). A
        server database is always current: there is no stored history to post."""
        from app.storage.pg_open import open_server

        return cls(open_server(url))

    @property
    def on_server(self) -> bool:
        """The cooperative lives on the office server (not in a file on this PC)."""
        return on_server(self.db)

    @property
    def server_url(self) -> ServerUrl | None:
        return parse_server_url(self.db.url) if isinstance(self.db, PgEngine) else None

    @property
    def short_name(self) -> str:
        """The file's name without its extension, or the server database's name."""
        url = self.server_url
        return self.path.stem if url is None else url.dbname

    @property
    def where(self) -> str:
        """Where the cooperative is, for a title or a message (never a password)."""
        url = self.server_url
        return str(self.path) if url is None else url.shown()

    def history_pending(self) -> bool:
        """The file's stored history is still to be posted to the books (once)."""
        return not self.on_server and history_pending(self.ledger)

    def post_history(self, progress: HistoryProgress | None = None) -> int:
        """Post the stored history in one transaction (nothing when done before); `progress`
        gets (records looked at, records in all) and may raise to cancel: nothing stays."""
        if self.on_server:
            return 0
        return post_history(self.ledger, progress)

    @property
    def path(self) -> Path:
        """The open database file (NotOnServer for a cooperative on the office server)."""
        return file_only(self.db, "Membuka file koperasi").path

    @property
    def file(self) -> Database:
        """The SQLite database file (NotOnServer on the office server): for what only a file
        does (the demo's bulk writes, a backup from the command line)."""
        return file_only(self.db, "Pekerjaan ini")

    @property
    def warnings(self) -> list[str]:
        """What the user should know about where the file lies (sync folder, network drive)."""
        return list(self.db.warnings) if isinstance(self.db, Database) else []

    @functools.cached_property
    def payroll(self) -> Any:
        """Potong gaji (an app.payroll.service.PayrollService): it posts through the services
        above, so it is built here on first use, from this composition root like the rest."""
        from app.payroll.service import PayrollService

        return PayrollService(self)

    def statements(self, memo: bool = False) -> Statements:
        """The financial statements, presented as Pengaturan → Akun says today (`memo`: for
        one run of several statements, each balance read once)."""
        return Statements(
            self.db,
            self.ledger.accounts.chart(),
            str(self.settings.get("books.simpanan_as")),
            memo,
        )

    @property
    def is_demo(self) -> bool:
        return bool(self.settings.get("demo"))

    def close(self) -> None:
        self.changes.close()
        if isinstance(self.db, Database | PgEngine):
            self.db.close()
