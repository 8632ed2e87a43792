"""The month-end jasa accrual (akrual Lancar, LEDGER.md §2.1), run by the month-end job inside
its transaction: for each loan in the month-end snapshot (and each loan no longer aktif that
still has accrued jasa) one row and its journal for the month, at most once (the row is unique
per loan and month, so a rerun posts nothing twice). The rule is app/ledger/accrual.py."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from app.formats import is_month_end, month_of
from app.ledger.accrual import AccrualRecord, NewAccrual, accrual_amount, accrual_event
from app.ledger.service import LedgerService
from app.loans.models import LoanArrears
from app.storage.loans_accruals_repo import LoanAccrualsRepository
from app.storage.loans_repo import LoansRepository
from app.users.models import User


@dataclass(frozen=True)
class AccrualSummary:
    accrued_loans: int = 0
    accrued: int = 0
    taken_back_loans: int = 0
    taken_back: int = 0


def summarise(records: Iterable[AccrualRecord]) -> AccrualSummary:
    plus = [r.amount for r in records if r.amount > 0]
    minus = [-r.amount for r in records if r.amount < 0]
    return AccrualSummary(len(plus), sum(plus), len(minus), sum(minus))


class JasaAccrualJob:
    def __init__(self, ledger: LedgerService) -> None:
        self.ledger = ledger
        self.repo = LoanAccrualsRepository(ledger.db)
        self.loans = LoansRepository(ledger.db)

    @property
    def active(self) -> bool:
        """Whether the books accrue jasa (setting books.jasa_basis = akrual_lancar)."""
        return self.ledger.policy.jasa_basis == "akrual"

    def pending(self, as_of: date, snapshot: Iterable[LoanArrears]) -> list[NewAccrual]:
        """What the month's accrual still has to post (nothing when on cash basis, for a date
        that is no month end, or for a loan that already has the month's row)."""
        if not self.active or not is_month_end(as_of):
            return []
        month = month_of(as_of)
        done = {r.loan_id for r in self.repo.of_month(month)}
        account = self.ledger.accounts.resolver(as_of).role("jasa_akrual")
        balances = self.repo.balances(account, as_of)
        classes = {a.loan_id: (a.quality, a.arrears_jasa) for a in snapshot}
        still = {loan for loan, balance in balances.items() if balance}
        found = []
        for loan_id in sorted((set(classes) | still) - done):
            quality, due = classes.get(loan_id, ("", 0))
            accrued = balances.get(loan_id, 0)
            amount = accrual_amount(quality, due, accrued)
            if amount:
                found.append(
                    NewAccrual(loan_id, month, as_of, None, quality, max(0, due), accrued, amount)
                )
        return found

    def run(
        self, actor: User | None, run_id: int, as_of: date, snapshot: Iterable[LoanArrears]
    ) -> list[AccrualRecord]:
        """Store and post the month's accruals (inside the caller's transaction). A journal of a
        locked month goes to the first open date (LedgerService.post)."""
        written = []
        for new in self.pending(as_of, snapshot):
            loan = self.loans.loan(new.loan_id)
            assert loan is not None
            record = self.repo.insert(replace(new, run_id=run_id), actor.id if actor else None)
            self.ledger.post(accrual_event(record, loan.member_id, loan.product_id), actor)
            written.append(record)
        return written

    def summary(self, as_of: date) -> AccrualSummary:
        """The month's accrual as stored (all runs of the month)."""
        return summarise(self.repo.of_month(month_of(as_of)))
