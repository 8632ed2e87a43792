"""Decisions: every solution is proposed, noted, approved or rejected as a record, and takes
effect only when the last required approval is given (in the same transaction).

Rules enforced here for every kind: the approver has APPROVE (Ketua/Pengurus); the proposer
never approves their own proposal; each user votes once, so N approvals are N different
users; a decision that needs the Pengawas gets no approval before a Pengawas note; one
rejection (with a reason) ends the proposal. An approved decision is never edited or undone:
a change is a new decision (which may name the one it supersedes).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from app.collection.case_rules import stamp
from app.collection.decision_models import Decision, DecisionKind, DecisionStatus
from app.collection.drafts import NewDecision
from app.collection.models import Case
from app.errors import NotFound, PermissionDenied, ValidationError
from app.formats import in_sentence
from app.storage import sequences
from app.storage.units import write_unit
from app.text import clean_text
from app.users.models import User
from app.users.permissions import Action, can, require

if TYPE_CHECKING:
    from app.collection.meetings import MeetingService
    from app.settings.service import SettingsService
    from app.storage.audit_repo import AuditRepository
    from app.storage.collection_decisions_repo import DecisionsRepository
    from app.storage.collection_repo import CollectionRepository
    from app.storage.engine import Engine
    from app.storage.users_repo import UsersRepository

DECISION_SEQUENCE = "collection_decision"


class DecisionHandler(Protocol):
    """What each kind of solution does at approval time."""

    def check_approval(self, decision: Decision, approver: User, on: date) -> None:
        """Refuse (ValidationError naming the reason) an approval that may not be given."""

    def execute(self, decision: Decision, approver: User, on: date, today: date) -> None:
        """Carry the decision out (inside the approval's transaction)."""


class DecisionService:
    def __init__(
        self,
        db: Engine,
        repo: DecisionsRepository,
        cases_repo: CollectionRepository,
        audit: AuditRepository,
        settings: SettingsService,
        users_repo: UsersRepository,
        meetings: MeetingService,
    ) -> None:
        self.db = db
        self.repo = repo
        self.cases_repo = cases_repo
        self.audit = audit
        self.settings = settings
        self.users_repo = users_repo
        self.meetings = meetings
        self.handlers: dict[DecisionKind, DecisionHandler] = {}

    def register(self, kind: DecisionKind, handler: DecisionHandler) -> None:
        self.handlers[kind] = handler

    # -- reading ------------------------------------------------------------------------------
    def get(self, decision_id: int) -> Decision:
        decision = self.repo.get(decision_id)
        if decision is None:
            raise NotFound("Keputusan tidak ditemukan.")
        return decision

    def pending(self) -> list[Decision]:
        """Proposals waiting for a note or an approval, oldest first."""
        return self.repo.find(statuses=(DecisionStatus.DIUSULKAN,))

    def all(self, kind: DecisionKind | None = None) -> list[Decision]:
        """Every decision (of one kind when given)."""
        return self.repo.find(kind=kind)

    def for_case(self, case_id: int) -> list[Decision]:
        return self.repo.find(case_id=case_id)

    def for_loan(self, loan_id: int, kind: DecisionKind | None = None) -> list[Decision]:
        return self.repo.find(loan_id=loan_id, kind=kind)

    def between(self, start: date, end: date) -> list[Decision]:
        """Decisions proposed in [start, end]: the material of a board meeting's minutes."""
        return self.repo.find(proposed_from=start, proposed_to=end)

    # -- proposing ----------------------------------------------------------------------------
    @write_unit
    def propose(
        self,
        actor: User,
        case: Case,
        kind: DecisionKind,
        summary: str,
        payload: dict[str, Any],
        on: date,
        today: date,
        *,
        required_approvals: int = 1,
        needs_pengawas: bool = False,
        meeting_ref: str = "",
        meeting_date: date | None = None,
        expires_on: date | None = None,
        supersedes_id: int | None = None,
    ) -> Decision:
        """Store a proposal (PROPOSE: Manajer or Pengurus). Called by the solution services,
        which build the payload; audited."""
        require(actor, Action.PROPOSE_SOLUTION)
        if on > today:
            raise ValidationError("Tanggal usulan tidak boleh setelah hari ini.", field="on")
        if not case.status.is_open:
            raise ValidationError(f"Kasus {case.number} sudah selesai.", field="case")
        for other in self.repo.find(
            loan_id=case.loan_id, kind=kind, statuses=(DecisionStatus.DIUSULKAN,)
        ):
            raise ValidationError(
                f"Masih ada usulan {kind.label} {other.number} yang menunggu keputusan untuk "
                "pinjaman ini. Putuskan atau tarik usulan itu dulu.",
                field="decision",
            )
        if supersedes_id is not None:
            self.get(supersedes_id)
        with self.db.atomic():
            number = self._next_number(on)
            decision_id = self.repo.insert(
                NewDecision(
                    number=number,
                    kind=kind,
                    case_id=case.id,
                    loan_id=case.loan_id,
                    summary=summary,
                    payload=payload,
                    required_approvals=required_approvals,
                    needs_pengawas=needs_pengawas,
                    proposed_by=actor.id,
                    proposed_on=on,
                    meeting_ref=clean_text(meeting_ref).strip(),
                    meeting_date=meeting_date,
                    expires_on=expires_on,
                    supersedes_id=supersedes_id,
                )
            )
            # The minutes print the loan as the meeting saw it (DOMAIN §4a).
            self.meetings.capture_position(decision_id, case.loan_id, on)
            self.cases_repo.add_event(
                case.id,
                "keputusan",
                f"{kind.label} diusulkan ({number}): {summary}",
                actor.id,
                at=stamp(on, today),
            )
            self.audit.record(
                actor.id,
                "usulkan",
                "keputusan",
                decision_id,
                None,
                {"number": number, "kind": kind.value, "loan": case.loan_id, "payload": payload},
            )
        return self.get(decision_id)

    def _next_number(self, on: date) -> str:
        pattern = str(self.settings.get("collection.decision_pattern"))
        codes = (self.settings.profile().code, "KEP")
        taken = self.repo.number_exists
        return sequences.next_number(self.db, DECISION_SEQUENCE, pattern, on, codes, taken)

    # -- notes, votes -------------------------------------------------------------------------
    @write_unit
    def add_note(self, actor: User, decision_id: int, note: str, on: date, today: date) -> Decision:
        """A note on a proposal; a Pengawas's note is the one hapus buku waits for."""
        require(actor, Action.WRITE_NOTES)
        decision = self.get(decision_id)
        note = clean_text(note, multiline=True)
        if len(note.strip()) < 5:
            raise ValidationError("Tulis catatannya.", field="note")
        self._check_date(decision, on, today)
        with self.db.atomic():
            self.repo.insert_note(decision_id, actor.id, actor.role.value, note.strip(), on)
            self.audit.record(
                actor.id,
                "catatan",
                "keputusan",
                decision_id,
                None,
                {"role": actor.role.value},
                note=note.strip(),
            )
        return self.get(decision_id)

    def check_approve(
        self, actor: User, decision_id: int, on: date, today: date, *, meeting_ref: str = ""
    ) -> Decision:
        """Everything approve() would refuse, refused before anything is asked or written
        (the window validates first, then asks to confirm)."""
        decision = self._votable(actor, decision_id, on, today)
        if decision.needs_pengawas and not decision.pengawas_notes:
            raise ValidationError(
                "Usulan ini harus dilihat Pengawas dulu: menunggu catatan Pengawas.",
                field="decision",
            )
        handler = self.handlers[decision.kind]
        handler.check_approval(decision, actor, on)
        final = len(decision.approvals) + 1 >= decision.required_approvals
        meeting_ref = clean_text(meeting_ref)
        ref = meeting_ref.strip() or decision.meeting_ref
        if final and decision.payload.get("needs_meeting") and not ref:
            raise ValidationError(
                "Keputusan ini melampaui batas kewenangan: isi nomor notulen rapat pengurus.",
                field="meeting_ref",
            )
        return decision

    def check_vote(self, actor: User, decision_id: int, on: date, today: date) -> Decision:
        """What reject() would refuse, before the window asks to confirm."""
        return self._votable(actor, decision_id, on, today)

    @write_unit
    def approve(
        self,
        actor: User,
        decision_id: int,
        note: str,
        on: date,
        today: date,
        *,
        meeting_ref: str = "",
        meeting_date: date | None = None,
    ) -> Decision:
        """Approve a proposal; on the last required approval it takes effect."""
        note, meeting_ref = clean_text(note, multiline=True), clean_text(meeting_ref)
        decision = self.check_approve(actor, decision_id, on, today, meeting_ref=meeting_ref)
        final = len(decision.approvals) + 1 >= decision.required_approvals
        with self.db.atomic():
            self.repo.insert_vote(
                decision_id, actor.id, actor.role.value, "setuju", note.strip(), on
            )
            if meeting_ref.strip():
                self.repo.set_meeting(decision_id, meeting_ref.strip(), meeting_date or on)
            self.audit.record(
                actor.id,
                "setujui",
                "keputusan",
                decision_id,
                None,
                {"final": final},
                note=note.strip(),
            )
            if final:
                self.repo.set_status(decision_id, DecisionStatus.DISETUJUI, decided_on=on)
                if decision.case_id is not None:
                    self.cases_repo.add_event(
                        decision.case_id,
                        "keputusan",
                        f"{decision.kind.label} {decision.number} disetujui",
                        actor.id,
                        at=stamp(on, today),
                    )
                self.handlers[decision.kind].execute(self.get(decision_id), actor, on, today)
        return self.get(decision_id)

    @write_unit
    def reject(self, actor: User, decision_id: int, note: str, on: date, today: date) -> Decision:
        """Reject a proposal with a reason; it ends there (a new proposal may follow)."""
        decision = self._votable(actor, decision_id, on, today)
        note = clean_text(note, multiline=True)
        if len(note.strip()) < 5:
            raise ValidationError("Tulis alasan penolakan.", field="note")
        with self.db.atomic():
            self.repo.insert_vote(
                decision_id, actor.id, actor.role.value, "tolak", note.strip(), on
            )
            self.repo.set_status(decision_id, DecisionStatus.DITOLAK, decided_on=on)
            if decision.case_id is not None:
                self.cases_repo.add_event(
                    decision.case_id,
                    "keputusan",
                    f"{decision.kind.label} {decision.number} ditolak: {note.strip()}",
                    actor.id,
                    at=stamp(on, today),
                )
            self.audit.record(
                actor.id, "tolak", "keputusan", decision_id, None, None, note=note.strip()
            )
        return self.get(decision_id)

    @write_unit
    def withdraw(self, actor: User, decision_id: int, reason: str, today: date) -> Decision:
        """The proposer takes back a proposal nobody has voted on yet."""
        decision = self.get(decision_id)
        if actor.id != decision.proposed_by:
            raise PermissionDenied("Hanya pengusul yang boleh menarik usulannya.")
        if decision.status != DecisionStatus.DIUSULKAN or decision.votes:
            raise ValidationError(
                "Usulan yang sudah diputuskan tidak bisa ditarik.", field="decision"
            )
        reason = clean_text(reason, multiline=True)
        if len(reason.strip()) < 5:
            raise ValidationError("Tulis alasan menarik usulan.", field="reason")
        with self.db.atomic():
            self.repo.set_status(decision_id, DecisionStatus.DITARIK, decided_on=today)
            if decision.case_id is not None:
                self.cases_repo.add_event(
                    decision.case_id,
                    "keputusan",
                    f"Usulan {decision.number} ditarik: {reason.strip()}",
                    actor.id,
                )
            self.audit.record(
                actor.id, "tarik", "keputusan", decision_id, None, None, note=reason.strip()
            )
        return self.get(decision_id)

    def mark_executed(self, decision: Decision, on: date, user_id: int | None) -> None:
        """Record that an approved decision was carried out (inside the caller's transaction)."""
        self.repo.set_status(decision.id, DecisionStatus.DILAKSANAKAN, executed_on=on)
        self.audit.record(
            user_id, "laksanakan", "keputusan", decision.id, None, {"executed_on": on.isoformat()}
        )

    def approver_of(self, decision: Decision) -> User:
        """The (first) approving user, e.g. as the approver of waivers carried out later."""
        if not decision.approvals:
            raise ValidationError("Keputusan ini belum disetujui.", field="decision")
        user = self.users_repo.by_id(decision.approvals[0].user_id)
        assert user is not None
        return user

    def _votable(self, actor: User, decision_id: int, on: date, today: date) -> Decision:
        if not can(actor, Action.APPROVE):
            raise PermissionDenied(
                "Hanya Ketua/Pengurus yang boleh menyetujui atau menolak keputusan."
            )
        decision = self.get(decision_id)
        if decision.status != DecisionStatus.DIUSULKAN:
            raise ValidationError(
                f"Keputusan {decision.number} sudah {in_sentence(decision.status.label)}.",
                field="decision",
            )
        if actor.id == decision.proposed_by:
            raise PermissionDenied(
                "Pengusul tidak boleh menyetujui atau menolak usulannya sendiri."
            )
        if any(v.user_id == actor.id for v in decision.votes):
            raise PermissionDenied(
                "Anda sudah memberi suara untuk usulan ini; persetujuan "
                "berikutnya harus dari pengurus lain."
            )
        self._check_date(decision, on, today)
        return decision

    @staticmethod
    def _check_date(decision: Decision, on: date, today: date) -> None:
        if on > today or on < decision.proposed_on:
            raise ValidationError("Tanggal antara tanggal usulan dan hari ini.", field="on")
