"""Cetak Buku: the member's passbook, the lines not printed yet, page by page.

The clerk's run: `job(member)` gives the next page's lines (from the book's next free line);
after printing them, `record(actor, job)` stores them as printed. `job.after` says what comes
next: the end, a page turn, or a new book (`issue_book(..., reason="penuh")`), whose first
line is the carried-forward balance. A savings transaction is printed once, ever (the database
refuses a second line for it); a range is printed again only through `reprint`, with a reason,
audited. A lost book is replaced (`reason="hilang"`): the new book starts with the balance of
the last line printed in the lost one and goes on with what was not printed yet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.errors import NotFound, ValidationError
from app.passbook.card_service import CardService
from app.passbook.codes import initials, tx_code
from app.passbook.engine import Entry, PageJob, carried_forward, next_free, page_job
from app.passbook.layout import DEFAULT_CARD, DEFAULT_PASSBOOK, Layout, Position
from app.passbook.models import BookRow, PrintedLine
from app.storage.audit_repo import AuditRepository
from app.storage.engine import Engine
from app.storage.passbook_repo import PassbookRepository
from app.storage.units import write_unit
from app.text import clean_text
from app.users.models import User
from app.users.permissions import Action, require

REASONS = {"baru": "Buku pertama", "penuh": "Buku penuh", "hilang": "Buku hilang"}


@dataclass(frozen=True)
class BookJob:
    """One page of a print run, for one book."""

    book: BookRow
    layout: Layout
    page: PageJob[Entry]


@dataclass(frozen=True)
class BookStatus:
    book: BookRow | None
    next_free: Position | None  # None: the book is full
    pending: int  # lines waiting to be printed

    @property
    def full(self) -> bool:
        return self.book is not None and self.next_free is None


class PassbookService:
    def __init__(self, db: Engine, audit: AuditRepository) -> None:
        self.db = db
        self.repo = PassbookRepository(db)
        self.audit = audit

    # -- models -------------------------------------------------------------------------------
    @write_unit
    def models(self, kind: str = "buku") -> list[tuple[int, Layout]]:
        found = self.repo.models(kind)
        if found:
            return found
        with self.db.atomic():
            default = DEFAULT_PASSBOOK if kind == "buku" else DEFAULT_CARD
            model_id = self.repo.insert_model(kind, default)
        return [(model_id, default)]

    def layout(self, model_id: int) -> Layout:
        found = self.repo.model(model_id)
        if found is None:
            raise NotFound("Model buku tidak ditemukan.")
        return found

    @write_unit
    def save_model(self, actor: User, model_id: int | None, kind: str, layout: Layout) -> int:
        require(actor, Action.EDIT_SETTINGS)
        layout = layout.with_(name=clean_text(layout.name).strip()).validate()
        if self.repo.model_name_taken(layout.name, model_id):
            raise ValidationError(f"Model '{layout.name}' sudah ada.", field="name")
        with self.db.atomic():
            before = None
            if model_id is None:
                model_id = self.repo.insert_model(kind, layout)
            else:
                before = {"layout": self.layout(model_id).to_json()}
                self.repo.update_model(model_id, layout)
            self.audit.record(
                actor.id,
                "ubah_model_buku",
                "passbook_model",
                model_id,
                before,
                {"layout": layout.to_json()},
            )
        return model_id

    def cards(self) -> CardService:
        """The loan cards, on the first loan card model."""
        return CardService(self.db, self.audit, self.models("kartu")[0][1])

    # -- receipt paper per printer --------------------------------------------------------------
    def receipt_paper(self, printer: str) -> str:
        return self.repo.paper(printer) or "a4"

    @write_unit
    def set_receipt_paper(self, actor: User, printer: str, paper: str) -> None:
        from app.passbook.paper import PAPERS

        if paper not in PAPERS:
            raise ValidationError("Pilih kertas kuitansi.", field="paper")
        before = self.repo.paper(printer)
        if before == paper:
            return
        with self.db.atomic():
            self.repo.set_paper(printer, paper)
            self.audit.record(
                actor.id, "kertas_kuitansi", "printer", printer, {"paper": before},
                {"paper": paper},
            )  # fmt: skip

    # -- books --------------------------------------------------------------------------------
    def current_book(self, member_id: int) -> BookRow | None:
        books = self.repo.books(member_id)
        return books[-1] if books else None

    def books(self, member_id: int) -> list[BookRow]:
        return self.repo.books(member_id)

    def status(self, member_id: int) -> BookStatus:
        book = self.current_book(member_id)
        pending = len(self.pending(member_id))
        if book is None:
            return BookStatus(None, None, pending)
        layout = self.layout(book.model_id)
        return BookStatus(book, next_free(layout, self.repo.last_position(book.id)), pending)

    @write_unit
    def issue_book(
        self,
        actor: User,
        member_id: int,
        reason: str,
        note: str = "",
        model_id: int | None = None,
    ) -> BookRow:
        """A new book: the first one ('baru'), after a full one ('penuh') or a lost one
        ('hilang', with a note saying what happened)."""
        require(actor, Action.SAVINGS_TRANSACTION)
        if reason not in REASONS:
            raise ValidationError("Pilih alasan buku baru.", field="reason")
        current = self.current_book(member_id)
        note = clean_text(note, multiline=True).strip()
        if reason == "baru" and current is not None:
            raise ValidationError(f"Anggota ini sudah punya buku {current.number}.", field="reason")
        if reason != "baru" and current is None:
            raise ValidationError("Anggota ini belum punya buku simpanan.", field="reason")
        if reason == "penuh" and current is not None and not self.status(member_id).full:
            raise ValidationError(
                f"Buku {current.number} belum penuh: lanjutkan mencetak di buku itu.",
                field="reason",
            )
        if reason == "hilang" and len(note) < 5:
            raise ValidationError("Tulis keterangan kehilangan buku.", field="note")
        if model_id is None:
            model_id = current.model_id if current else self.models("buku")[0][0]
        with self.db.atomic():
            book_id = self.repo.insert_book(
                member_id, model_id, current.id if current else None, reason, note, actor.id
            )
            book = self.repo.book(book_id)
            assert book is not None
            self.audit.record(
                actor.id,
                "buku_simpanan_baru",
                "passbook",
                book_id,
                None,
                {
                    "member_id": member_id,
                    "number": book.number,
                    "reason": reason,
                    "replaces": current.number if current else None,
                    "note": note,
                },
            )
        return book

    # -- lines --------------------------------------------------------------------------------
    def pending(self, member_id: int) -> list[Entry]:
        """The lines waiting for the member's current book, in order."""
        printed = self.repo.printed_tx_ids(member_id)
        balance = 0
        entries: list[Entry] = []
        for tx in self.repo.transactions(member_id):
            balance += tx.amount
            if tx.id in printed:
                continue
            entries.append(
                Entry(
                    tx.id,
                    tx.on,
                    tx_code(tx.kind, tx.tx_type, tx.method),
                    -tx.amount if tx.amount < 0 else 0,
                    tx.amount if tx.amount > 0 else 0,
                    balance,
                    initials(tx.teller_name),
                )
            )
        book = self.current_book(member_id)
        fresh = book is not None and self.repo.last_position(book.id) is None
        if book is not None and book.replaces_id is not None and fresh:
            carried = self.repo.last_balance(member_id) or 0
            on = date.fromisoformat(book.issued_at[:10])
            entries.insert(0, carried_forward(carried, on, ""))
        return entries

    def job(self, member_id: int) -> BookJob | None:
        """The next page to print (None: nothing waits, or the book is full or missing)."""
        book = self.current_book(member_id)
        if book is None:
            return None
        layout = self.layout(book.model_id)
        start = next_free(layout, self.repo.last_position(book.id))
        page = page_job(layout, start, self.pending(member_id))
        return BookJob(book, layout, page) if page else None

    @write_unit
    def record(self, actor: User, job: BookJob) -> None:
        """The page of `job` came out of the printer: its lines are printed."""
        require(actor, Action.SAVINGS_TRANSACTION)
        with self.db.atomic():
            fresh = self.job(job.book.member_id)
            if fresh is None or fresh.book.id != job.book.id or fresh.page != job.page:
                raise ValidationError(
                    "Buku ini baru saja dicetak dari komputer lain. Tekan Cetak Buku lagi.",
                    field="passbook",
                )
            for line, entry in job.page.lines:
                self.repo.insert_line(job.book.id, Position(job.page.page, line), entry, actor.id)
            first, last = job.page.positions[0], job.page.positions[-1]
            self.audit.record(
                actor.id,
                "cetak_buku",
                "passbook",
                job.book.id,
                None,
                {
                    "number": job.book.number,
                    "page": job.page.page,
                    "lines": f"{first.line}-{last.line}",
                    "transactions": [e.source_id for _, e in job.page.lines],
                },
            )

    def lines(self, book_id: int) -> list[PrintedLine]:
        return self.repo.lines(book_id)

    @write_unit
    def reprint(
        self, actor: User, book_id: int, first: Position, last: Position, reason: str
    ) -> list[PrintedLine]:
        """The printed lines from `first` to `last` (inclusive) again, recorded and audited."""
        require(actor, Action.SAVINGS_TRANSACTION)
        book = self.repo.book(book_id)
        if book is None:
            raise NotFound("Buku simpanan tidak ditemukan.")
        reason = clean_text(reason, multiline=True).strip()
        if len(reason) < 5:
            raise ValidationError("Tulis alasan cetak ulang.", field="reason")
        if last < first:
            raise ValidationError("Baris akhir harus sesudah baris awal.", field="range")
        chosen = [p for p in self.repo.lines(book_id) if first <= p.position <= last]
        if not chosen:
            raise ValidationError(
                f"Belum ada baris tercetak dari {first.label} sampai {last.label}.", field="range"
            )
        with self.db.atomic():
            reprint_id = self.repo.insert_reprint(
                book_id, chosen[0].id, chosen[-1].id, reason, actor.id
            )
            self.audit.record(
                actor.id,
                "cetak_ulang_buku",
                "passbook",
                book_id,
                None,
                {
                    "number": book.number,
                    "from": chosen[0].position.label,
                    "to": chosen[-1].position.label,
                    "lines": len(chosen),
                    "reason": reason,
                    "reprint": reprint_id,
                },
            )
        return chosen
