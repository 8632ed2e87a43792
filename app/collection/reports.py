"""Report data for problem-loan handling (the PDFs and screens are built from these):
collection performance by month and officer, restructured loans, the register of written-off
loans with recoveries (the RAT annex) and cases by cause."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from app.collection.decision_models import (
    DecisionKind,
    DecisionStatus,
    OffbookEntry,
    RestructuringKind,
)
from app.collection.models import CAUSE_GROUPS, CAUSES, CaseStatus, PromiseStatus
from app.loans.schedule import method_label

if TYPE_CHECKING:
    from app.collection.offbook import OffbookReads
    from app.collection.promise_views import PromiseViews
    from app.loans.service import LoanService
    from app.storage.collection_decisions_repo import DecisionsRepository
    from app.storage.collection_repo import CollectionRepository


@dataclass(frozen=True)
class PerformanceRow:
    month: date  # first day of the month
    officer_id: int | None
    officer_name: str
    contacts: int = 0
    visits: int = 0
    promises_made: int = 0
    promised_amount: int = 0
    promises_kept: int = 0
    promises_partly: int = 0
    promises_broken: int = 0
    recovered: int = 0  # receipts on loans with an open case (and recoveries after write-off)

    @property
    def kept_rate(self) -> float | None:
        decided = self.promises_kept + self.promises_partly + self.promises_broken
        return None if not decided else round(100 * self.promises_kept / decided, 1)


@dataclass(frozen=True)
class PerformanceReport:
    start: date
    end: date
    as_of: date  # promise status as of this day
    rows: tuple[PerformanceRow, ...]

    def total(self, name: str) -> int:
        return sum(int(getattr(r, name)) for r in self.rows)


@dataclass(frozen=True)
class RestructuredRow:
    loan_id: int
    loan_number: str
    member_name: str
    decision_number: str
    decided_on: date | None
    kind_label: str
    counter: int
    outstanding_before: int
    new_principal: int
    capitalised: int
    waived: int
    months: int
    monthly_rate: str
    method: str
    new_monthly: int
    quality_now: str | None
    days_past_due_now: int


@dataclass(frozen=True)
class WrittenOffRegister:
    """Daftar pinjaman yang dihapus buku beserta pemulihannya (lampiran RAT)."""

    as_of: date
    entries: tuple[OffbookEntry, ...]
    recovered_in_period: dict[int, int]  # loan id -> recovered in [period_start, as_of]
    period_start: date

    @property
    def total_pokok(self) -> int:
        return sum(e.pokok for e in self.entries)

    @property
    def total_claim(self) -> int:
        return sum(e.claim for e in self.entries)

    @property
    def total_recovered(self) -> int:
        return sum(e.recovered for e in self.entries)

    @property
    def total_remaining(self) -> int:
        return sum(e.remaining for e in self.entries if e.status == "aktif")


@dataclass(frozen=True)
class CauseRow:
    code: str  # '' for cases without a cause yet
    group: str
    group_label: str
    label: str
    cases: int
    outstanding: int


class CollectionReports:
    def __init__(
        self,
        repo: CollectionRepository,
        decisions_repo: DecisionsRepository,
        loans: LoanService,
        promises: PromiseViews,
        offbook: OffbookReads,
    ) -> None:
        self.repo = repo
        self.decisions_repo = decisions_repo
        self.loans = loans
        self.promises = promises
        self.offbook = offbook

    def performance(self, start: date, end: date, as_of: date) -> PerformanceReport:
        """Per month and officer: contacts (visits among them), promises made (with their
        status at `as_of`) and money received on loans being handled."""
        rows: dict[tuple[date, int | None], dict[str, int]] = {}
        names: dict[int | None, str] = {None: "Tanpa petugas"}

        def bucket(on: date, officer_id: int | None, name: str) -> dict[str, int]:
            names[officer_id] = name
            return rows.setdefault((on.replace(day=1), officer_id), {})

        def add(values: dict[str, int], key: str, amount: int = 1) -> None:
            values[key] = values.get(key, 0) + amount

        for c in self.repo.contacts_between(start, end):
            if c.is_superseded:
                continue
            values = bucket(c.contact_at.date(), c.officer_id, c.officer_name)
            add(values, "contacts")
            if c.channel.is_visit:
                add(values, "visits")
        for v in self.promises.all_views(as_of, start, end):
            values = bucket(v.promise.made_on, v.promise.officer_id, v.promise.officer_name)
            add(values, "promises_made")
            add(values, "promised_amount", v.promise.amount)
            key = {
                PromiseStatus.DITEPATI: "promises_kept",
                PromiseStatus.SEBAGIAN: "promises_partly",
                PromiseStatus.INGKAR: "promises_broken",
            }.get(v.status)
            if key:
                add(values, key)
        for on, amount, officer_id, name in self.repo.case_receipts(start, end):
            add(bucket(on, officer_id, name or names.get(officer_id, "")), "recovered", amount)
        result = tuple(
            PerformanceRow(month=month, officer_id=officer, officer_name=names[officer], **values)
            for (month, officer), values in sorted(
                rows.items(), key=lambda kv: (kv[0][0], names[kv[0][1]])
            )
        )
        return PerformanceReport(start=start, end=end, as_of=as_of, rows=result)

    def restructured(self, as_of: date) -> list[RestructuredRow]:
        """Every restructuring carried out, with the loan's state at `as_of`."""
        arrears = {a.loan_id: a for a in self.loans.quality.all_arrears(as_of)}
        rows = []
        for d in self.decisions_repo.find(
            kind=DecisionKind.RESTRUKTURISASI, statuses=(DecisionStatus.DILAKSANAKAN,)
        ):
            if d.decided_on and d.decided_on > as_of:
                continue
            terms = d.payload["terms"]
            a = arrears.get(d.loan_id)
            rows.append(
                RestructuredRow(
                    loan_id=d.loan_id,
                    loan_number=d.loan_number,
                    member_name=d.member_name,
                    decision_number=d.number,
                    decided_on=d.decided_on,
                    kind_label=RestructuringKind(terms["kind"]).label,
                    counter=d.payload["counter"],
                    outstanding_before=d.payload["position"]["outstanding"],
                    new_principal=d.payload["new_principal"],
                    capitalised=sum(d.payload["capitalised"].values()),
                    waived=sum(d.payload["waived"].values()),
                    months=terms["months"],
                    monthly_rate=terms["monthly_rate"],
                    method=method_label(terms["method"]),
                    new_monthly=d.payload["new_monthly"],
                    quality_now=a.quality if a else None,
                    days_past_due_now=a.days_past_due if a else 0,
                )
            )
        return rows

    def written_off(self, as_of: date, period_start: date | None = None) -> WrittenOffRegister:
        """The off-books register at `as_of`, with recoveries in the period (default: the
        financial year of `as_of`) — the annex for the RAT."""
        start = period_start or date(as_of.year, 1, 1)
        entries = tuple(self.offbook.register(as_of))
        period: dict[int, int] = {}
        for event in self.decisions_repo.fin_events_between("pemulihan", start, as_of):
            period[event.loan_id] = period.get(event.loan_id, 0) + event.amount
        return WrittenOffRegister(
            as_of=as_of, entries=entries, recovered_in_period=period, period_start=start
        )

    def by_cause(self, as_of: date, include_closed: bool = False) -> list[CauseRow]:
        """Cases per cause (a case with several causes counts under each), with the loans'
        outstanding principal at `as_of`; grouped member side / cooperative side / conditions."""
        statuses = tuple(s.value for s in CaseStatus) if include_closed else ()
        cases = self.repo.cases(statuses)
        arrears = {a.loan_id: a for a in self.loans.quality.all_arrears(as_of)}
        counts: dict[str, list[int]] = {}
        for case in cases:
            if case.opened_on > as_of:
                continue
            a = arrears.get(case.loan_id)
            outstanding = a.outstanding if a else 0
            for code in case.causes or ("",):
                entry = counts.setdefault(code, [0, 0])
                entry[0] += 1
                entry[1] += outstanding
        order = list(CAUSES)
        rows = []
        for code in sorted(counts, key=lambda c: order.index(c) if c in CAUSES else 99):
            group = CAUSES[code][0] if code in CAUSES else ""
            rows.append(
                CauseRow(
                    code=code,
                    group=group,
                    group_label=CAUSE_GROUPS.get(group, "Belum diisi"),
                    label=CAUSES[code][1] if code in CAUSES else "Penyebab belum diisi",
                    cases=counts[code][0],
                    outstanding=counts[code][1],
                )
            )
        return rows
