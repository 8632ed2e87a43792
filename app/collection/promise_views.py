"""Promises to pay (janji bayar) and their status, decided from the loan's real payments.

The rule (never set by hand):

- Payments that count: receipts on the promise's loan (loan payments of any method, set-off
  included, and recoveries after hapus buku), not reversed, dated from the day the promise was
  made up to its deadline = promised date + `collection.promise_grace_days` (default 0).
- Each rupiah counts toward one promise only. Receipts are taken in date order; each is
  shared out over the promises whose window contains its date, earliest deadline first (then
  the oldest made), each taking what it still lacks. What is left of a receipt after every
  such promise is covered goes to the first of them (an overpayment: still "Ditepati").
- Status at a date: Dibatalkan when cancelled (only by an explicit cancellation with a reason,
  e.g. superseded by a restructuring; a cancelled promise takes no payments); Ditepati once the
  counted amount reaches the promise (even before the date); otherwise Menunggu until the
  deadline has passed; after it Sebagian when something was counted, Ingkar when nothing was.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from app.collection.models import (
    CountedPayment,
    KeptRate,
    Promise,
    PromiseStatus,
    PromiseView,
)
from app.errors import NotFound

if TYPE_CHECKING:
    from app.collection.cases import CaseService
    from app.settings.service import SettingsService
    from app.storage.collection_repo import CollectionRepository
    from app.storage.members_repo import MembersRepository


def evaluate_promises(
    promises: Sequence[Promise],
    receipts: Sequence[tuple[int, date, int]],
    as_of: date,
    grace_days: int = 0,
) -> list[PromiseView]:
    """Status of each promise of one loan at `as_of` from its receipts (event id, date,
    amount), following the module's rule. Pure: no storage."""
    deadline = {p.id: p.due_date + timedelta(days=grace_days) for p in promises}
    live = sorted(
        (p for p in promises if p.cancelled_on is None or p.cancelled_on > as_of),
        key=lambda p: (deadline[p.id], p.made_on, p.id),
    )
    counted: dict[int, list[CountedPayment]] = {p.id: [] for p in promises}
    paid = {p.id: 0 for p in promises}
    for event_id, on, amount in sorted(receipts, key=lambda r: (r[1], r[0])):
        if on > as_of or amount <= 0:
            continue
        windows = [p for p in live if p.made_on <= on <= deadline[p.id]]
        left = amount
        shares: dict[int, int] = {}
        for p in windows:
            need = p.amount - paid[p.id]
            take = min(left, max(0, need))
            if take:
                shares[p.id] = take
                paid[p.id] += take
                left -= take
            if not left:
                break
        if left and windows:
            first = windows[0].id
            shares[first] = shares.get(first, 0) + left
            paid[first] += left
        for pid, share in shares.items():
            counted[pid].append(CountedPayment(event_id, on, share))
    views = []
    for p in promises:
        if p.cancelled_on is not None and p.cancelled_on <= as_of:
            status = PromiseStatus.DIBATALKAN
        elif paid[p.id] >= p.amount:
            status = PromiseStatus.DITEPATI
        elif as_of <= deadline[p.id]:
            status = PromiseStatus.MENUNGGU
        elif paid[p.id] > 0:
            status = PromiseStatus.SEBAGIAN
        else:
            status = PromiseStatus.INGKAR
        views.append(
            PromiseView(
                promise=p,
                as_of=as_of,
                status=status,
                paid=paid[p.id],
                deadline=deadline[p.id],
                payments=tuple(counted[p.id]),
            )
        )
    return views


class PromiseViews:
    """The read side of promises: each with its status at a date, and the kept rates."""

    def __init__(
        self,
        repo: CollectionRepository,
        settings: SettingsService,
        members_repo: MembersRepository,
        cases: CaseService,
    ) -> None:
        self.repo = repo
        self.settings = settings
        self.members_repo = members_repo
        self.cases = cases

    def grace_days(self) -> int:
        return int(self.settings.get("collection.promise_grace_days"))

    def views_for_loan(self, loan_id: int, as_of: date) -> list[PromiseView]:
        """Every promise on the loan with its status at `as_of`, earliest due first."""
        promises = self.repo.promises_of_loan(loan_id)
        if not promises:
            return []
        start = min(p.made_on for p in promises)
        receipts = self.repo.receipts(loan_id, start, as_of)
        return evaluate_promises(promises, receipts, as_of, self.grace_days())

    def views_for_case(self, case_id: int, as_of: date) -> list[PromiseView]:
        case = self.cases.get(case_id)
        return [v for v in self.views_for_loan(case.loan_id, as_of) if v.promise.case_id == case_id]

    def of_case(self, case_id: int) -> list[Promise]:
        """The case's promises as recorded (no status), earliest due first."""
        return self.repo.promises_of_case(case_id)

    def view(self, promise_id: int, as_of: date) -> PromiseView:
        promise = self.repo.promise(promise_id)
        if promise is None:
            raise NotFound("Janji bayar tidak ditemukan.")
        for v in self.views_for_loan(promise.loan_id, as_of):
            if v.promise.id == promise_id:
                return v
        raise NotFound("Janji bayar tidak ditemukan.")  # pragma: no cover

    def all_views(
        self, as_of: date, made_from: date | None = None, made_to: date | None = None
    ) -> list[PromiseView]:
        """Promises of every loan (made in the period when given) with status at `as_of`."""
        views = []
        for loan_id in self.repo.loans_with_any_promise():
            for v in self.views_for_loan(loan_id, as_of):
                if made_from and v.promise.made_on < made_from:
                    continue
                if made_to and v.promise.made_on > made_to:
                    continue
                views.append(v)
        return views

    def kept_rates(
        self, by: str, as_of: date, made_from: date | None = None, made_to: date | None = None
    ) -> list[KeptRate]:
        """Promise-kept rate per 'member' or per 'officer' (who obtained the promise)."""
        if by not in ("member", "officer"):
            raise ValueError(by)
        groups: dict[int, list[PromiseView]] = {}
        names: dict[int, str] = {}
        for v in self.all_views(as_of, made_from, made_to):
            key = v.promise.member_id if by == "member" else v.promise.officer_id
            groups.setdefault(key, []).append(v)
            names[key] = v.promise.officer_name
        if by == "member":
            for key in groups:
                member = self.members_repo.by_id(key)
                names[key] = member.name if member else str(key)
        return sorted(
            (_rate(key, names[key], views) for key, views in groups.items()),
            key=lambda r: r.name,
        )


def _rate(key: int, name: str, views: list[PromiseView]) -> KeptRate:
    def n(status: PromiseStatus) -> int:
        return sum(1 for v in views if v.status == status)

    return KeptRate(
        key_id=key,
        name=name,
        made=len(views),
        kept=n(PromiseStatus.DITEPATI),
        partly=n(PromiseStatus.SEBAGIAN),
        broken=n(PromiseStatus.INGKAR),
        waiting=n(PromiseStatus.MENUNGGU),
        cancelled=n(PromiseStatus.DIBATALKAN),
    )
