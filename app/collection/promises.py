"""Promises to pay (janji bayar): recorded at a contact, cancelled with a reason. Their status
is never set by hand: see promise_views.py for the rule and the reads."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from app.collection.case_rules import require_handler, stamp
from app.collection.models import (
    Case,
    CaseStatus,
    Promise,
    PromiseDraft,
    PromiseStatus,
    PromiseView,
)
from app.errors import NotFound, ValidationError
from app.money import format_rupiah
from app.storage.units import write_unit
from app.text import clean_text
from app.users.models import User

if TYPE_CHECKING:
    from app.collection.cases import CaseService
    from app.collection.promise_views import PromiseViews
    from app.storage.audit_repo import AuditRepository
    from app.storage.collection_repo import CollectionRepository
    from app.storage.engine import Engine

MAX_PROMISE_DAYS = 366


class PromiseService:
    def __init__(
        self,
        db: Engine,
        repo: CollectionRepository,
        audit: AuditRepository,
        cases: CaseService,
        views: PromiseViews,
    ) -> None:
        self.db = db
        self.repo = repo
        self.audit = audit
        self.cases = cases
        self.views = views

    # -- writing ------------------------------------------------------------------------------
    def check(self, loan_id: int, draft: PromiseDraft, made_on: date, today: date) -> None:
        """Refuse a promise that cannot be one (ValidationError at the field)."""
        if isinstance(draft.amount, bool) or not isinstance(draft.amount, int):
            raise TypeError("rupiah amounts are int")
        if draft.amount <= 0:
            raise ValidationError("Jumlah janji bayar harus lebih dari Rp0.", field="amount")
        if draft.due_date < made_on:
            raise ValidationError(
                "Tanggal janji tidak boleh sebelum tanggal kontak.", field="due_date"
            )
        if draft.due_date > made_on + timedelta(days=MAX_PROMISE_DAYS):
            raise ValidationError(
                "Janji bayar paling lama satu tahun; untuk jangka lebih panjang usulkan "
                "restrukturisasi.",
                field="due_date",
            )
        if made_on > today:
            raise ValidationError(
                "Tanggal kontak tidak boleh setelah hari ini.", field="contact_at"
            )

    @write_unit
    def record(self, actor: User, contact_id: int, draft: PromiseDraft, today: date) -> PromiseView:
        """A promise made at an already recorded contact."""
        require_handler(actor)
        contact = self.repo.contact(contact_id)
        if contact is None:
            raise NotFound("Catatan kontak tidak ditemukan.")
        case = self.cases.get(contact.case_id)
        if not case.status.is_open:
            raise ValidationError(f"Kasus {case.number} sudah selesai.", field="case")
        made_on = contact.contact_at.date()
        self.check(case.loan_id, draft, made_on, today)
        with self.db.atomic():
            promise_id = self.insert(actor, case, contact_id, draft, contact.contact_at)
        return self.views.view(promise_id, today)

    def insert(
        self,
        actor: User,
        case: Case,
        contact_id: int,
        draft: PromiseDraft,
        made_at: datetime,
    ) -> int:
        """Store a checked promise made at `made_at` (inside the caller's transaction; `case`
        as the caller has it now)."""
        case_id = case.id
        promise_id = self.repo.insert_promise(
            case_id,
            case.loan_id,
            contact_id,
            draft.amount,
            made_at.date(),
            draft.due_date,
            actor.id,
        )
        self.audit.record(
            actor.id,
            "janji bayar",
            "kasus",
            case_id,
            None,
            {
                "promise": promise_id,
                "amount": draft.amount,
                "due_date": draft.due_date.isoformat(),
                "contact": contact_id,
            },
        )
        self.cases.advance_case(
            case, CaseStatus.JANJI_BAYAR, actor.id, "janji bayar dicatat", at=stamp(made_at)
        )
        return promise_id

    @write_unit
    def cancel(
        self,
        actor: User,
        promise_id: int,
        reason: str,
        on: date,
        today: date,
        decision_id: int | None = None,
    ) -> PromiseView:
        """Cancel a promise still waiting, with a reason (the only way to 'Dibatalkan')."""
        require_handler(actor)
        reason = clean_text(reason, multiline=True)
        if len(reason.strip()) < 5:
            raise ValidationError("Tulis alasan pembatalan janji.", field="reason")
        if on > today:
            raise ValidationError("Tanggal tidak boleh setelah hari ini.", field="on")
        view = self.views.view(promise_id, on)
        if view.status != PromiseStatus.MENUNGGU:
            raise ValidationError(
                f"Janji ini sudah berstatus {view.status.label}; hanya janji yang masih "
                "menunggu yang bisa dibatalkan.",
                field="promise",
            )
        with self.db.atomic():
            self.cancel_in(
                actor.id, view.promise, reason.strip(), on, decision_id, at=stamp(on, today)
            )
        return self.views.view(promise_id, on)

    def cancel_in(
        self,
        user_id: int | None,
        promise: Promise,
        reason: str,
        on: date,
        decision_id: int | None,
        at: str | None = None,
    ) -> None:
        self.repo.cancel_promise(promise.id, on, reason, decision_id, user_id)
        self.repo.add_event(
            promise.case_id,
            "janji",
            f"Janji bayar {format_rupiah(promise.amount)} dibatalkan: {reason}",
            user_id,
            at=at or stamp(on),
        )
        self.audit.record(
            user_id,
            "batalkan janji",
            "kasus",
            promise.case_id,
            None,
            {"promise": promise.id, "decision": decision_id},
            note=reason,
        )

    def cancel_waiting(
        self, user_id: int | None, loan_id: int, on: date, reason: str, decision_id: int | None
    ) -> int:
        """Cancel every promise of the loan still waiting at `on` (e.g. superseded by a
        restructuring); returns how many."""
        count = 0
        for view in self.views.views_for_loan(loan_id, on):
            if view.status == PromiseStatus.MENUNGGU:
                self.cancel_in(user_id, view.promise, reason, on, decision_id)
                count += 1
        return count
