"""The services of one open database, built once and handed to the UI (no singletons)."""

from __future__ import annotations

from pathlib import Path

from app.changes import ChangeHub
from app.collection.service import CollectionService
from app.ledger.history import post_history
from app.ledger.service import LedgerPolicy, LedgerService
from app.loans.service import LoanService
from app.loans.titipan import TitipanService
from app.members.service import MemberService
from app.savings.service import SavingsService
from app.settings.service import SettingsService
from app.storage.audit_repo import AuditRepository
from app.storage.backup import clean_leftovers
from app.storage.change_triggers import watch_changes
from app.storage.db import Database, open_database
from app.users.service import UserService


class Services:
    """Everything the program does with one database file."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.changes = ChangeHub()  # what was written, for the lists that show it
        watch_changes(db, self.changes)
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
        self.loans = LoanService(db, self.audit, self.settings, self.ledger)
        self.collection = CollectionService(db, self.audit, self.settings, self.loans, self.savings)
        self.titipan = TitipanService(db, self.loans.payments, self.savings)
        post_history(self.ledger)  # an earlier release's file, once

    @classmethod
    def open(cls, path: Path, *, create: bool = False, accept_older: bool = False) -> Services:
        db = open_database(path, create=create, accept_older=accept_older)
        clean_leftovers(db)  # of backups killed half-way (the file is locked: none is running)
        return cls(db)

    @property
    def is_demo(self) -> bool:
        return bool(self.settings.get("demo"))

    def close(self) -> None:
        self.changes.close()
        self.db.close()
