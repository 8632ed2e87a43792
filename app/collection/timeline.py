"""A case's timeline: one list, sorted by time, merging the case's own events, contacts,
letters, the loan's money events, promises, decisions and the collection's money events."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING

from app.collection.models import Case, TimelineEntry
from app.formats import format_date_short
from app.money import format_rupiah

if TYPE_CHECKING:
    from app.collection.cases import CaseService
    from app.collection.promise_views import PromiseViews
    from app.loans.service import LoanService
    from app.storage.collection_decisions_repo import DecisionsRepository
    from app.storage.collection_repo import CollectionRepository

_SOURCE_ORDER = {
    "kontak": 0,
    "janji": 1,
    "surat": 2,
    "pembayaran": 3,
    "keputusan": 4,
    "keuangan": 5,
    "kasus": 6,
}


class CaseTimeline:
    """The read side of a case's history."""

    def __init__(
        self,
        repo: CollectionRepository,
        decisions_repo: DecisionsRepository,
        loans: LoanService,
        cases: CaseService,
        promises: PromiseViews,
    ) -> None:
        self.repo = repo
        self.decisions_repo = decisions_repo
        self.loans = loans
        self.cases = cases
        self.promises = promises

    def for_case(self, case_id: int, as_of: date) -> list[TimelineEntry]:
        """Everything about the case, oldest first (see build_timeline)."""
        return build_timeline(self, self.cases.get(case_id), as_of)


def build_timeline(p: CaseTimeline, case: Case, as_of: date) -> list[TimelineEntry]:
    """Everything about the case, oldest first: its own events, contacts, letters, the
    loan's money events, promises (status at `as_of`), decisions and their votes."""
    case_id = case.id
    entries: list[TimelineEntry] = []
    for e in p.repo.events(case_id):
        entries.append(
            TimelineEntry(
                datetime.fromisoformat(e["at"]),
                "kasus",
                e["text"],
                "",
                None,
                e["user_name"],
                e["id"],
            )
        )
    contact_times = {}
    for c in p.repo.contacts(case_id):
        contact_times[c.id] = c.contact_at
        who = c.met_role.label + (f" ({c.met_name})" if c.met_name else "")
        parts = [
            f"Anggota: {c.member_said}" if c.member_said else "",
            f"Ditawarkan: {c.offer}" if c.offer else "",
            f"Jawaban: {c.member_answer}" if c.member_answer else "",
            f"Disepakati: {c.agreed}" if c.agreed else "",
            (
                f"Tindak lanjut: {c.next_step}"
                + (f" ({format_date_short(c.next_step_date)})" if c.next_step_date else "")
                if c.next_step
                else ""
            ),
        ]
        title = f"{c.channel.label} — {who}"
        if c.corrects_id:
            title += f" [koreksi: {c.correction_reason}]"
        if c.is_superseded:
            title += " [sudah dikoreksi]"
        entries.append(
            TimelineEntry(
                c.contact_at,
                "kontak",
                title,
                "\n".join(p for p in parts if p),
                None,
                c.officer_name,
                c.id,
            )
        )
    for letter in p.repo.letters_of_case(case_id):
        sent = (
            f"dikirim {format_date_short(letter.sent_on)}"
            + (f", diterima {letter.received_by}" if letter.received_by else "")
            if letter.sent_on
            else "belum dikirim"
        )
        entries.append(
            TimelineEntry(
                _at(letter.letter_date),
                "surat",
                f"{letter.kind.label} {letter.number}".strip(),
                sent,
                None,
                "",
                letter.id,
            )
        )
    for event in p.loans.payments.events(case.loan_id):
        entries.append(
            TimelineEntry(
                _event_at(event.event_date, event.created_at),
                "pembayaran",
                f"{event.kind.label} {event.receipt_no or ''}".strip(),
                event.note or event.reason,
                event.amount or (event.pokok + event.jasa + event.denda),
                event.created_by_name,
                event.id,
            )
        )
    for view in p.promises.views_for_case(case_id, as_of):
        pr = view.promise
        entries.append(
            TimelineEntry(
                contact_times.get(pr.contact_id, _at(pr.made_on)),
                "janji",
                f"Janji bayar {format_rupiah(pr.amount)} paling lambat "
                f"{format_date_short(pr.due_date)}: {view.status.label}",
                f"Terbayar {format_rupiah(view.paid)}",
                pr.amount,
                pr.officer_name,
                pr.id,
            )
        )
    for d in p.decisions_repo.find(case_id=case_id):
        entries.append(
            TimelineEntry(
                _at(d.proposed_on),
                "keputusan",
                f"{d.kind.label} diusulkan ({d.number})",
                d.summary,
                None,
                d.proposed_by_name,
                d.id,
            )
        )
        for v in d.votes:
            verb = "menyetujui" if v.verdict == "setuju" else "menolak"
            entries.append(
                TimelineEntry(
                    datetime.fromisoformat(v.at),
                    "keputusan",
                    f"{v.user_name} {verb} {d.number}",
                    v.note,
                    None,
                    v.user_name,
                    d.id,
                )
            )
        for n in d.notes:
            entries.append(
                TimelineEntry(
                    datetime.fromisoformat(n.at),
                    "keputusan",
                    f"Catatan {n.role} atas {d.number}",
                    n.note,
                    None,
                    n.user_name,
                    d.id,
                )
            )
    for fe in p.decisions_repo.fin_events(case.loan_id):
        entries.append(
            TimelineEntry(
                _at(fe.event_date),
                "keuangan",
                fe.kind_label,
                fe.note,
                fe.amount or fe.pokok + fe.jasa + fe.denda,
                "",
                fe.id,
            )
        )
    entries.sort(key=lambda e: (e.at, _SOURCE_ORDER.get(e.source, 9), e.ref_id or 0))
    return entries


def _at(on: date) -> datetime:
    return datetime.combine(on, time(0, 0))


def _event_at(on: date, created_at: str) -> datetime:
    """A money event's time: its entry time when it was entered on its own date."""
    if created_at[:10] == on.isoformat():
        return datetime.fromisoformat(created_at)
    return _at(on)
