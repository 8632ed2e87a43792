"""Board meetings (DOMAIN §4a "Minutes show what the meeting saw"): each decision keeps the
loan's position when it was proposed, and a meeting keeps the attendance actually entered —
who came, who chaired, who took the minutes — so the Notulen prints those and its quorum."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.collection.meeting_models import DecisionPosition, Meeting, MeetingAttendee, MeetingDraft
from app.errors import PermissionDenied, ValidationError
from app.loans.models import LoanStatus
from app.storage.units import write_unit
from app.users.models import User
from app.users.permissions import Action, can

if TYPE_CHECKING:
    from app.loans.service import LoanService
    from app.settings.service import SettingsService
    from app.storage.audit_repo import AuditRepository
    from app.storage.collection_decisions_repo import DecisionsRepository
    from app.storage.engine import Engine
    from app.storage.meetings_repo import MeetingsRepository
    from app.storage.users_repo import UsersRepository


class MeetingService:
    def __init__(
        self,
        db: Engine,
        meetings_repo: MeetingsRepository,
        decisions_repo: DecisionsRepository,
        users_repo: UsersRepository,
        audit: AuditRepository,
        settings: SettingsService,
        loans: LoanService,
    ) -> None:
        self.db = db
        self.meetings_repo = meetings_repo
        self.decisions_repo = decisions_repo
        self.users_repo = users_repo
        self.audit = audit
        self.settings = settings
        self.loans = loans

    # -- positions ----------------------------------------------------------------------------
    def capture_position(self, decision_id: int, loan_id: int, on: date) -> DecisionPosition:
        """Store the loan's position at `on` with the proposal (inside its transaction)."""
        loan = self.loans.get(loan_id)
        a = self.loans.quality.arrears(loan_id, on)
        pokok, jasa, denda, outstanding = (
            a.arrears_pokok,
            a.arrears_jasa,
            a.arrears_denda,
            a.outstanding,
        )
        quality = a.quality
        if loan.status == LoanStatus.HAPUS_BUKU:
            entry = self.decisions_repo.offbook(loan_id, on)
            if entry is not None:
                left = entry.recovered
                parts = []
                for amount in (entry.denda, entry.jasa, entry.pokok):
                    used = min(left, amount)
                    parts.append(amount - used)
                    left -= used
                denda, jasa, pokok = parts
                outstanding, quality = pokok, "HB"
        position = DecisionPosition(
            decision_id,
            on,
            loan.status.value,
            outstanding,
            pokok,
            jasa,
            denda,
            quality,
            a.days_past_due,
            a.installments_missed,
        )
        self.meetings_repo.insert_position(position)
        return position

    def position(self, decision_id: int) -> DecisionPosition | None:
        return self.meetings_repo.position(decision_id)

    def meeting(self, meeting_id: int) -> Meeting | None:
        return self.meetings_repo.meeting(meeting_id)

    # -- meetings -----------------------------------------------------------------------------
    def board(self) -> list[MeetingAttendee]:
        """Who is on the board, for the attendance list: the profile's Ketua, Sekretaris and
        Bendahara, then every other active Pengurus user (all marked present by default)."""
        profile = self.settings.profile()
        people = [
            MeetingAttendee(name.strip(), position, True)
            for name, position in (
                (profile.ketua, "Ketua"),
                (profile.sekretaris, "Sekretaris"),
                (profile.bendahara, "Bendahara"),
            )
            if name.strip()
        ]
        seen = {a.name.casefold() for a in people}
        for user in self.users_repo.all():
            if user.active and user.role.is_pengurus and user.full_name.casefold() not in seen:
                seen.add(user.full_name.casefold())
                people.append(MeetingAttendee(user.full_name, "Pengurus", True))
        return people

    @write_unit
    def record(self, actor: User, draft: MeetingDraft, today: date) -> Meeting:
        """Record a board meeting with its attendance (audited; never edited afterwards)."""
        if not (can(actor, Action.PROPOSE) or can(actor, Action.RECORD_CONTACT)):
            raise PermissionDenied("Peran Anda tidak boleh mencatat rapat pengurus.")
        clean = self.check(draft, today)
        with self.db.atomic():
            meeting_id = self.meetings_repo.insert_meeting(clean, actor.id)
            meeting = self.meetings_repo.meeting(meeting_id)
            assert meeting is not None
            self.audit.record(
                actor.id,
                "catat rapat",
                "rapat",
                meeting_id,
                None,
                {
                    "date": clean.meeting_date.isoformat(),
                    "chair": clean.chair,
                    "present": meeting.present,
                    "board": meeting.board_size,
                },
            )
        return meeting

    @staticmethod
    def check(draft: MeetingDraft, today: date) -> MeetingDraft:
        """The draft cleaned, or a ValidationError at the field that is wrong."""
        if draft.meeting_date > today:
            raise ValidationError("Tanggal rapat tidak boleh setelah hari ini.", field="on")
        if draft.decisions_to < draft.decisions_from:
            raise ValidationError("Tanggal akhir tidak boleh sebelum tanggal awal.", field="end")
        if draft.ends is not None and draft.ends <= draft.starts:
            raise ValidationError("Jam selesai harus sesudah jam mulai.", field="ends")
        attendees = tuple(a for a in draft.attendees if a.name.strip())
        if not any(a.board for a in attendees):
            raise ValidationError("Isi daftar pengurus yang diundang rapat.", field="attendees")
        present = {a.name.strip().casefold() for a in attendees if a.present}
        chair, secretary = draft.chair.strip(), draft.secretary.strip()
        if not chair:
            raise ValidationError("Pilih pimpinan rapat.", field="chair")
        if chair.casefold() not in present:
            raise ValidationError(
                f"Pimpinan rapat ({chair}) harus termasuk yang hadir.", field="chair"
            )
        if not secretary:
            raise ValidationError("Isi nama notulis.", field="secretary")
        return MeetingDraft(
            draft.meeting_date,
            draft.starts,
            draft.ends,
            draft.place.strip(),
            chair,
            secretary,
            draft.decisions_from,
            draft.decisions_to,
            attendees,
        )
