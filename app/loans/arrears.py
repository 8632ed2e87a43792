"""Arrears and loan quality as of any date, for one loan or every aktif loan (in SQL)."""

from __future__ import annotations

from datetime import date

from app.loans.models import ClassHistoryEntry, LoanArrears, MonthEndRun
from app.loans.quality import QualityPolicy
from app.settings.service import SettingsService
from app.storage.audit_repo import AuditRepository
from app.storage.db import Database
from app.users.models import User


class LoanQualityService:
    def __init__(self, db: Database, audit: AuditRepository, settings: SettingsService) -> None:
        self.db = db
        self.audit = audit
        self.settings = settings

    def policy(self) -> QualityPolicy:
        """The classification policy chosen in Settings (loans.quality_policy)."""
        raise NotImplementedError

    def arrears(self, loan_id: int, as_of: date) -> LoanArrears:
        """One loan's arrears and class at `as_of`."""
        raise NotImplementedError

    def all_arrears(self, as_of: date) -> list[LoanArrears]:
        """Every loan aktif at `as_of`, computed in SQL."""
        raise NotImplementedError

    def class_counts(self, as_of: date) -> dict[str, tuple[int, int]]:
        """Class code -> (number of loans, outstanding) at `as_of`, in SQL."""
        raise NotImplementedError

    def month_end(self, actor: User | None, as_of: date, *, rerun: bool = False) -> MonthEndRun:
        """Store every aktif loan's class and arrears at `as_of`. A date already run is refused
        (ValidationError) unless `rerun`, which records a new run beside the old one."""
        raise NotImplementedError

    def runs(self) -> list[MonthEndRun]:
        raise NotImplementedError

    def class_history(self, loan_id: int) -> list[ClassHistoryEntry]:
        """The loan's class at each month-end (latest run per date), oldest first."""
        raise NotImplementedError
