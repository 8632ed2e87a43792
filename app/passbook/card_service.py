"""Kartu angsuran: the loan card's lines (one per payment), printed continuing from the last
printed line. A card has the model's pages (its two sides); when they are used up the clerk
takes the next card and the page numbers go on (page 3 is the first side of card 2)."""

from __future__ import annotations

from dataclasses import dataclass

from app.errors import NotFound, ValidationError
from app.passbook.card import CardEntry
from app.passbook.engine import PageJob, next_free, page_job
from app.passbook.layout import Layout, Position
from app.storage.audit_repo import AuditRepository
from app.storage.engine import Engine
from app.storage.passbook_card_repo import CardRepository
from app.storage.units import write_unit
from app.users.models import User
from app.users.permissions import Action, require

UNBOUNDED_PAGES = 10_000


@dataclass(frozen=True)
class CardJob:
    loan_id: int
    layout: Layout
    page: PageJob[CardEntry]

    @property
    def card(self) -> int:
        """Which card (1, 2, …) this page is on."""
        return (self.page.page - 1) // max(1, self.layout.pages) + 1

    @property
    def side(self) -> int:
        return (self.page.page - 1) % max(1, self.layout.pages) + 1


class CardService:
    def __init__(self, db: Engine, audit: AuditRepository, layout: Layout) -> None:
        self.db = db
        self.repo = CardRepository(db)
        self.audit = audit
        self.layout = layout

    def pending(self, loan_id: int) -> list[CardEntry]:
        amount = self.repo.loan_amount(loan_id)
        if amount is None:
            raise NotFound("Pinjaman tidak ditemukan.")
        printed = self.repo.printed_ids(loan_id)
        remaining = amount
        out = []
        for event_id, on, receipt, pokok, jasa, denda in self.repo.events(loan_id):
            remaining -= pokok
            if event_id not in printed:
                out.append(CardEntry(event_id, on, receipt, pokok, jasa, denda, remaining))
        return out

    def job(self, loan_id: int, layout: Layout | None = None) -> CardJob | None:
        layout = layout or self.layout
        walking = layout.with_(pages=UNBOUNDED_PAGES)
        start = next_free(walking, self.repo.last_position(loan_id))
        page = page_job(walking, start, self.pending(loan_id))
        return CardJob(loan_id, layout, page) if page else None

    def lines(self, loan_id: int) -> list[tuple[Position, CardEntry]]:
        return self.repo.lines(loan_id)

    @write_unit
    def record(self, actor: User, job: CardJob) -> None:
        require(actor, Action.RECORD_PAYMENT)
        with self.db.atomic():
            fresh = self.job(job.loan_id, job.layout)
            if fresh is None or fresh.page != job.page:
                raise ValidationError(
                    "Kartu ini baru saja dicetak dari komputer lain. Cetak lagi.", field="card"
                )
            for line, entry in job.page.lines:
                self.repo.insert(job.loan_id, Position(job.page.page, line), entry, actor.id)
            self.audit.record(
                actor.id, "cetak_kartu_angsuran", "loan", job.loan_id, None,
                {"page": job.page.page, "events": [e.event_id for _, e in job.page.lines]},
            )  # fmt: skip
