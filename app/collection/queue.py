"""The day's work queue (data for the Beranda): broken promises, promises due, follow-ups due
or overdue, warning letters due under the collection schedule, loans that moved to a worse
class since the previous month-end, and decisions waiting for a note or an approval."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from app.collection.case_rules import rank
from app.collection.decision_models import Decision
from app.collection.models import (
    Case,
    PromiseStatus,
    QueueItem,
    QueueKind,
    WorkQueue,
)
from app.formats import format_count, format_date_short
from app.loans.models import LoanArrears
from app.loans.quality import class_label
from app.money import format_number, format_rupiah

if TYPE_CHECKING:
    from app.collection.decisions import DecisionService
    from app.collection.promise_views import PromiseViews
    from app.loans.service import LoanService
    from app.settings.service import SettingsService
    from app.storage.collection_decisions_repo import DecisionsRepository
    from app.storage.collection_repo import CollectionRepository

_ORDER = {kind: i for i, kind in enumerate(QueueKind)}


class WorkQueueService:
    def __init__(
        self,
        repo: CollectionRepository,
        decisions_repo: DecisionsRepository,
        settings: SettingsService,
        loans: LoanService,
        promises: PromiseViews,
        decisions: DecisionService,
    ) -> None:
        self.repo = repo
        self.decisions_repo = decisions_repo
        self.settings = settings
        self.loans = loans
        self.promises = promises
        self.decisions = decisions

    def build(self, as_of: date, officer_id: int | None = None) -> WorkQueue:
        """Everything to do on `as_of` (one officer's cases only when given; decisions are
        always shown). Lines sorted by kind, then priority (letters: what matters most — the
        arrears, discounted for very old ones), then due date."""
        every_case = self.repo.cases()
        cases = every_case
        if officer_id is not None:
            cases = [c for c in cases if c.officer_id == officer_id]
        arrears = {a.loan_id: a for a in self.loans.quality.all_arrears(as_of)}
        items: list[QueueItem] = []
        items += self._promises(cases, arrears, as_of)
        items += self._follow_ups(cases, arrears, as_of)
        items += self._letters(cases, arrears, as_of)
        items += self._worse_class(cases, every_case, arrears, as_of, officer_id)
        items += self._decisions(as_of)
        items.sort(
            key=lambda i: (_ORDER[i.kind], -i.priority, i.due_date, i.member_name, i.loan_id)
        )
        counts: dict[QueueKind, int] = {}
        amounts: dict[QueueKind, int] = {}
        for item in items:
            counts[item.kind] = counts.get(item.kind, 0) + 1
            amounts[item.kind] = amounts.get(item.kind, 0) + item.amount
        return WorkQueue(as_of=as_of, items=tuple(items), counts=counts, amounts=amounts)

    # -- promises -----------------------------------------------------------------------------
    def _promises(
        self, cases: list[Case], arrears: dict[int, LoanArrears], as_of: date
    ) -> list[QueueItem]:
        recent = int(self.settings.get("collection.broken_promise_days"))
        latest = self.repo.latest_contacts()
        # Only loans with a promise are read: at 20,000 members one query per open case
        # (thousands) cost a fifth of the queue.
        promised = set(self.repo.loans_with_any_promise())
        items = []
        for case in cases:
            if case.loan_id not in promised:
                continue
            for view in self.promises.views_for_case(case.id, as_of):
                pr = view.promise
                if view.status == PromiseStatus.MENUNGGU and pr.due_date <= as_of:
                    when = (
                        "hari ini"
                        if pr.due_date == as_of
                        else (
                            f"{format_date_short(pr.due_date)} (masa tenggang sampai "
                            f"{format_date_short(view.deadline)})"
                        )
                    )
                    items.append(
                        self._item(
                            QueueKind.JANJI_HARI_INI,
                            case,
                            f"Janji bayar {format_rupiah(pr.amount)} jatuh tempo {when}; "
                            f"terbayar {format_rupiah(view.paid)}",
                            view.shortfall,
                            pr.due_date,
                            pr.id,
                        )
                    )
                elif view.status in (
                    PromiseStatus.INGKAR,
                    PromiseStatus.SEBAGIAN,
                ) and as_of - view.deadline <= timedelta(days=recent):
                    contact = latest.get(case.id)
                    if contact is not None and contact.contact_at.date() > view.deadline:
                        continue  # followed up since
                    word = (
                        "diingkari"
                        if view.status == PromiseStatus.INGKAR
                        else (f"hanya dibayar {format_rupiah(view.paid)}")
                    )
                    items.append(
                        self._item(
                            QueueKind.JANJI_INGKAR,
                            case,
                            f"Janji bayar {format_rupiah(pr.amount)} tgl "
                            f"{format_date_short(pr.due_date)} {word}",
                            view.shortfall,
                            pr.due_date,
                            pr.id,
                        )
                    )
        return items

    # -- follow-ups ---------------------------------------------------------------------------
    def _follow_ups(
        self, cases: list[Case], arrears: dict[int, LoanArrears], as_of: date
    ) -> list[QueueItem]:
        latest = self.repo.latest_contacts()
        items = []
        for case in cases:
            contact = latest.get(case.id)
            if contact is None or contact.next_step_date is None:
                continue
            if contact.next_step_date > as_of:
                continue
            late = (as_of - contact.next_step_date).days
            suffix = "hari ini" if late == 0 else f"terlambat {format_count(late, 'hari')}"
            items.append(
                self._item(
                    QueueKind.TINDAK_LANJUT,
                    case,
                    f"{contact.next_step} ({suffix}; kontak terakhir {contact.channel.label} "
                    f"{format_date_short(contact.contact_at.date())})",
                    self._amount(case, arrears),
                    contact.next_step_date,
                    contact.id,
                )
            )
        return items

    # -- letters ------------------------------------------------------------------------------
    def _letters(
        self, cases: list[Case], arrears: dict[int, LoanArrears], as_of: date
    ) -> list[QueueItem]:
        s = self.settings
        sp1 = int(s.get("collection.sp1_days"))
        gaps = {
            "SP2": int(s.get("collection.sp2_after_days")),
            "SP3": int(s.get("collection.sp3_after_days")),
        }
        long_days = int(s.get("collection.long_overdue_days"))
        long_first = str(s.get("collection.long_overdue_first"))
        sent_all = self.repo.sent_letters()
        items = []
        for case in cases:
            a = arrears.get(case.loan_id)
            still_owed = (a is not None and a.days_past_due > 0) or (
                a is None and self._offbook_remaining(case.loan_id) > 0
            )
            if not still_owed:
                continue
            sent = sent_all.get(case.loan_id, {})
            due = next_letter(sent, a, sp1, gaps, long_days, long_first)
            if due is None or due[1] > as_of:
                continue
            kind, when = due
            days = a.days_past_due if a else 0
            after = {
                "panggilan": (
                    f"{format_number(days)} hari terlambat, belum pernah mendapat SP: undang ke "
                    "kantor dulu"
                ),
                "SP1": (
                    f"{format_number(days)} hari terlambat"
                    + (
                        f"; Surat Panggilan {format_date_short(sent['panggilan'])}"
                        if "panggilan" in sent
                        else ""
                    )
                ),
                "SP2": f"SP1 dikirim {format_date_short(sent.get('SP1', when))}",
                "SP3": f"SP2 dikirim {format_date_short(sent.get('SP2', when))}",
            }[kind]
            amount = self._amount(case, arrears)
            label = "Surat Panggilan" if kind == "panggilan" else kind
            item = self._item(QueueKind.SURAT, case, f"Kirim {label} ({after})", amount, when, None)
            items.append(
                replace(item, letter=kind, priority=letter_priority(amount, days, long_days))
            )
        return items

    # -- worse class --------------------------------------------------------------------------
    def _worse_class(
        self,
        cases: list[Case],
        every_case: list[Case],
        arrears: dict[int, LoanArrears],
        as_of: date,
        officer_id: int | None,
    ) -> list[QueueItem]:
        runs = [r for r in self.loans.quality.runs() if r.as_of < as_of]
        if not runs:
            return []
        run = max(runs, key=lambda r: (r.as_of, r.run_no))
        before = self.loans.quality.snapshot_classes(run.id)
        by_loan = {c.loan_id: c for c in cases}
        all_open = {c.loan_id: c for c in every_case}
        items = []
        for loan_id, a in arrears.items():
            old = before.get(loan_id)
            if old is None or rank(a.quality) <= rank(old):
                continue
            case = by_loan.get(loan_id)
            if case is None and (officer_id is not None or loan_id in all_open):
                continue  # another officer's case
            loan = self.loans.get(loan_id)
            text = (
                f"{class_label(old)} → {class_label(a.quality)} sejak akhir bulan "
                f"{format_date_short(run.as_of)} "
                f"({format_count(a.days_past_due, 'hari')} terlambat)"
            )
            items.append(
                QueueItem(
                    kind=QueueKind.KOLEKTIBILITAS,
                    case_id=case.id if case else None,
                    loan_id=loan_id,
                    member_name=loan.member_name,
                    loan_number=loan.display_number,
                    text=text,
                    amount=a.outstanding,
                    due_date=run.as_of,
                )
            )
        return items

    # -- decisions ----------------------------------------------------------------------------
    def _decisions(self, as_of: date) -> list[QueueItem]:
        items = []
        for d in self.decisions.pending():
            items.append(
                QueueItem(
                    kind=QueueKind.KEPUTUSAN,
                    case_id=d.case_id,
                    loan_id=d.loan_id,
                    member_name=d.member_name,
                    loan_number=d.loan_number,
                    text=_waiting_text(d),
                    amount=int(d.payload.get("amount", 0)),
                    due_date=d.proposed_on,
                    ref_id=d.id,
                )
            )
        return items

    # -- helpers ------------------------------------------------------------------------------
    def _item(
        self, kind: QueueKind, case: Case, text: str, amount: int, due: date, ref_id: int | None
    ) -> QueueItem:
        return QueueItem(
            kind=kind,
            case_id=case.id,
            loan_id=case.loan_id,
            member_name=case.member_name,
            loan_number=case.loan_number,
            text=text,
            amount=amount,
            due_date=due,
            ref_id=ref_id,
        )

    def _amount(self, case: Case, arrears: dict[int, LoanArrears]) -> int:
        a = arrears.get(case.loan_id)
        return a.arrears_total if a else self._offbook_remaining(case.loan_id)

    def _offbook_remaining(self, loan_id: int) -> int:
        entry = self.decisions_repo.offbook(loan_id)
        return entry.remaining if entry else 0


def _waiting_text(d: Decision) -> str:
    if d.needs_pengawas and not d.pengawas_notes:
        what = "menunggu catatan Pengawas"
    else:
        n = d.approvals_missing
        what = f"menunggu {n} persetujuan Pengurus"
    return f"{d.kind.label} {d.number} diusulkan {d.proposed_by_name}: {what}"


def next_letter(
    sent: dict[str, date],
    a: LoanArrears | None,
    sp1_days: int,
    gaps: dict[str, int],
    long_days: int,
    long_first: str,
) -> tuple[str, date] | None:
    """The next letter of a loan and the day it falls due: SP1 at `sp1_days` late — or, for a
    loan at least `long_days` late that never had an SP, first what Kebijakan says
    (`long_first`: 'panggilan' — a Surat Panggilan, with SP1 an SP2-interval later — or 'SP1');
    then SP2 and SP3 each their interval after the previous one."""
    if "SP1" not in sent:
        if a is None or a.oldest_due is None or a.days_past_due < sp1_days:
            return None
        if "panggilan" in sent and a.days_past_due >= long_days:
            return ("SP1", sent["panggilan"] + timedelta(days=gaps["SP2"]))
        if long_first == "panggilan" and a.days_past_due >= long_days:
            return ("panggilan", a.oldest_due + timedelta(days=long_days))
        return ("SP1", a.oldest_due + timedelta(days=sp1_days))
    if "SP2" not in sent:
        return ("SP2", sent["SP1"] + timedelta(days=gaps["SP2"]))
    if "SP3" not in sent:
        return ("SP3", sent["SP2"] + timedelta(days=gaps["SP3"]))
    return None


def letter_priority(amount: int, days_late: int, long_days: int) -> int:
    """What a letter line matters: the arrears, in full up to `long_days` late, then
    discounted in proportion to its age (a remainder four years old ranks below a fresh
    one of the same size)."""
    if days_late <= long_days or days_late <= 0:
        return amount
    return amount * long_days // days_late
