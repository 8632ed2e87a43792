"""The cases list (a read for the Penanganan screen): each open case with its loan's figures
at a date, its latest contact and promise, and whether the search named it exactly."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.collection.models import Case, CaseFilter, CaseRow, PromiseStatus

if TYPE_CHECKING:
    from app.collection.promise_views import PromiseViews
    from app.loans.service import LoanService
    from app.storage.collection_decisions_repo import DecisionsRepository
    from app.storage.collection_repo import CollectionRepository


class CaseList:
    """The read side of the Penanganan screen's list."""

    def __init__(
        self,
        repo: CollectionRepository,
        decisions_repo: DecisionsRepository,
        loans: LoanService,
        promises: PromiseViews,
    ) -> None:
        self.repo = repo
        self.decisions_repo = decisions_repo
        self.loans = loans
        self.promises = promises

    def open_cases(self) -> list[Case]:
        """Every case not yet selesai."""
        return self.repo.cases()

    def open_case_of_loan(self, loan_id: int) -> Case | None:
        return self.repo.open_case_of_loan(loan_id)

    def cases_of_loan(self, loan_id: int) -> list[Case]:
        return self.repo.cases_of_loan(loan_id)

    def rows(self, as_of: date, filters: CaseFilter | None = None) -> list[CaseRow]:
        """The cases list with each loan's figures at `as_of` (filters all optional)."""
        return case_rows(self, as_of, filters)


def case_rows(p: CaseList, as_of: date, filters: CaseFilter | None = None) -> list[CaseRow]:
    """The cases list with each loan's figures at `as_of` (filters all optional)."""
    f = filters or CaseFilter()
    cases = p.repo.cases([s.value for s in f.statuses], f.officer_id, f.text)
    arrears = {a.loan_id: a for a in p.loans.quality.all_arrears(as_of)}
    latest = p.repo.latest_contacts()
    exact = p.repo.exact_case_ids(f.text)
    # Only the loans with a promise are read for them (one query each for thousands of cases
    # cost half the list at 20,000 members, issue 16).
    promised = set(p.repo.loans_with_any_promise())
    rows = []
    for case in cases:
        a = arrears.get(case.loan_id)
        if f.quality and (a is None or a.quality != f.quality):
            continue
        contact = latest.get(case.id)
        views = [
            v
            for v in (
                p.promises.views_for_loan(case.loan_id, as_of) if case.loan_id in promised else []
            )
            if v.promise.case_id == case.id
        ]
        broken = sum(1 for v in views if v.status in (PromiseStatus.INGKAR, PromiseStatus.SEBAGIAN))
        live = [v for v in views if v.status != PromiseStatus.DIBATALKAN]
        newest = max(live, key=lambda v: (v.promise.made_on, v.promise.id), default=None)
        row = CaseRow(
            case=case,
            as_of=as_of,
            quality=a.quality if a else None,
            days_past_due=a.days_past_due if a else 0,
            arrears_total=a.arrears_total if a else 0,
            outstanding=a.outstanding if a else _offbook_remaining(p, case.loan_id),
            last_contact=contact.contact_at.date() if contact else None,
            next_step=contact.next_step if contact else "",
            next_step_date=contact.next_step_date if contact else None,
            broken_promises=broken,
            latest_promise=newest,
            exact=case.id in exact,
        )
        if f.broken_promises_only and not broken:
            continue
        if f.next_step_overdue_only and not row.next_step_overdue:
            continue
        rows.append(row)
    return rows


def _offbook_remaining(p: CaseList, loan_id: int) -> int:
    entry = p.decisions_repo.offbook(loan_id)
    return entry.remaining if entry else 0
