"""Issuing documents: a number that is never used twice, the register of every document
issued, exact reprints, and the document settings (number pattern, codes, signers).

Issuing takes the number, renders the PDF and stores its bytes and hash in ONE transaction:
a document that fails (a layout error, a refused record, a crash) takes no number and leaves
no row, so the register only lists documents that exist and never a library's English text
(issue 9 §9). Numbers of stored documents are never handed out again. A reprint returns the
stored bytes, checked against their hash."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, is_dataclass, replace
from datetime import date
from typing import Any

from app.documents.context import DocContext, DocumentData, default_signers
from app.documents.kinds import DocKind
from app.documents.numbering import (
    DEFAULT_PATTERN,
    NumberPlan,
    validate_doc_code,
    validate_doc_pattern,
)
from app.documents.safe_render import render_safely
from app.documents.signer_roles import MENGETAHUI_ROLE, ROLES, SignerConfig
from app.documents.templates import TemplateService
from app.errors import PermissionDenied, StorageError, ValidationError
from app.settings.service import SettingsService
from app.storage.audit_repo import AuditRepository
from app.storage.documents_repo import DocumentsRepository, NewEntry
from app.storage.documents_repo import RegisterQuery as RegisterQuery  # re-exported for ui/
from app.storage.documents_repo import RegisterRow as RegisterRow  # re-exported for ui/
from app.storage.engine import Engine
from app.storage.units import run_unit, write_unit
from app.users.models import User
from app.users.permissions import Action, can, require

Renderer = Callable[[Any, DocContext], tuple[bytes, int]]
STATUS_LABELS = {"proses": "Belum selesai", "selesai": "Selesai", "gagal": "Gagal / dibatalkan"}
_ISSUERS = (Action.EDIT_MEMBERS, Action.RECORD_CONTACT, Action.PROPOSE, Action.APPROVE)


@dataclass(frozen=True)
class Issued:
    row: RegisterRow
    pdf: bytes


@dataclass(frozen=True)
class BatchItem:
    kind: DocKind
    data: DocumentData
    render: Renderer


class BatchCancelled(Exception):
    """Raised by a batch's `should_stop` callback's owner to stop; carries what was issued."""


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def snapshot(data: object) -> dict[str, Any]:
    """The document's data as JSON-ready values (dates and Decimals as text)."""
    if is_dataclass(data) and not isinstance(data, type):
        return asdict(data)
    return {"value": str(data)}


def can_issue(actor: User) -> bool:
    """Whether `actor`'s role may issue numbered documents."""
    return any(can(actor, action) for action in _ISSUERS)


def require_issuer(actor: User) -> None:
    if not can_issue(actor):
        raise PermissionDenied("Peran Anda tidak boleh membuat surat atau dokumen bernomor.")


class DocumentService:
    """The register and the document settings of one database."""

    def __init__(self, db: Engine, audit: AuditRepository, settings: SettingsService) -> None:
        self.db = db
        self.audit = audit
        self.settings = settings
        self.repo = DocumentsRepository(db)
        self.templates = TemplateService(db, audit)

    # -- settings ------------------------------------------------------------------------------
    def number_pattern(self) -> str:
        return str(self.repo.setting("number_pattern") or DEFAULT_PATTERN)

    @write_unit
    def set_number_pattern(self, actor: User, pattern: str) -> str:
        require(actor, Action.EDIT_SETTINGS)
        cleaned = validate_doc_pattern(pattern)
        self._put(
            actor,
            "number_pattern",
            None if cleaned == DEFAULT_PATTERN else cleaned,
            self.number_pattern(),
            cleaned,
        )
        return cleaned

    def doc_code(self, kind: DocKind) -> str:
        return str(self.repo.setting(f"code.{kind.value}") or kind.info.code)

    @write_unit
    def set_doc_code(self, actor: User, kind: DocKind, code: str) -> str:
        require(actor, Action.EDIT_SETTINGS)
        cleaned = validate_doc_code(code)
        default = kind.info.code
        self._put(
            actor,
            f"code.{kind.value}",
            None if cleaned == default else cleaned,
            self.doc_code(kind),
            cleaned,
        )
        return cleaned

    def signer_config(self, kind: DocKind) -> SignerConfig:
        stored = self.repo.setting(f"signers.{kind.value}")
        if not stored:
            return default_signers(kind)
        return SignerConfig(tuple(stored.get("signers", ())), bool(stored.get("mengetahui")))

    @write_unit
    def set_signer_config(self, actor: User, kind: DocKind, config: SignerConfig) -> None:
        """Which officers sign `kind` (any of Ketua, Sekretaris, Bendahara, Manajer, at most
        three) and whether the Ketua Pengawas signs "Mengetahui"."""
        require(actor, Action.EDIT_SETTINGS)
        unknown = [r for r in config.signers if r not in ROLES]
        if unknown or len(set(config.signers)) != len(config.signers):
            raise ValidationError(
                "Pilih penanda tangan dari daftar, masing-masing sekali.", field="signers"
            )
        if len(config.signers) > 3:
            raise ValidationError("Paling banyak tiga penanda tangan dari koperasi.", "signers")
        value = (
            None
            if config == default_signers(kind)
            else {"signers": list(config.signers), "mengetahui": config.mengetahui}
        )
        before = self.signer_config(kind)
        self._put(actor, f"signers.{kind.value}", value, asdict(before), asdict(config))

    def _put(self, actor: User, key: str, value: Any, before: Any, after: Any) -> None:
        if before == after:
            return
        with self.db.atomic():
            self.repo.put_setting(key, value)
            self.audit.record(
                actor.id, "ubah", "pengaturan_surat", key, {"value": before}, {"value": after}
            )

    def context(self, kind: DocKind) -> DocContext:
        """Everything a renderer needs for `kind` from this database's settings."""
        return DocContext(
            profile=self.settings.profile(),
            is_demo=bool(self.settings.get("demo")),
            rupiah_style=str(self.settings.get("format.rupiah_style")),
            timezone=str(self.settings.get("format.timezone")),
            wording=self.templates.texts(),
            signers=self.signer_config(kind),
        )

    def plan(self, kind: DocKind, on: date) -> NumberPlan:
        profile = self.settings.profile()
        return NumberPlan(self.number_pattern(), kind, self.doc_code(kind), profile.code, on)

    def next_number_preview(self, kind: DocKind, on: date) -> str:
        """What the next number of `kind` would look like (nothing is taken)."""
        from app.storage.sequences import current_value

        plan = self.plan(kind, on)
        return plan.number(current_value(self.db, plan.sequence, plan.year) + 1)

    # -- issuing ---------------------------------------------------------------------------------
    def _entry(self, kind: DocKind, data: DocumentData, batch_id: int | None) -> NewEntry:
        link = data.link()
        doc_date = data.doc_date
        assert isinstance(doc_date, date)
        return NewEntry(
            kind=kind.value,
            doc_date=doc_date,
            title=data.title(),
            member_id=link.member_id,
            member_number=link.member_number,
            member_name=link.member_name,
            loan_id=link.loan_id,
            loan_number=link.loan_number,
            case_id=link.case_id,
            batch_id=batch_id,
            data=snapshot(data),
        )

    def _take(self, actor: User, kind: DocKind, data: Any, batch_id: int | None) -> Any:
        """Number `data` (or record its given receipt number) in a committed transaction."""
        entry = self._entry(kind, data, batch_id)
        if kind.info.receipt:
            if not str(data.nomor).strip():
                raise ValidationError("Kuitansi ini tidak punya nomor kuitansi.", field="nomor")
            row = self.repo.add_given_number(entry, data.nomor, actor.id)
            return row, data
        plan = self.plan(kind, entry.doc_date)
        row = self.repo.take_number(entry, plan.sequence, plan.year, plan.number, actor.id)
        return row, replace(data, nomor=row.number)

    @write_unit
    def issue(
        self,
        actor: User,
        kind: DocKind,
        data: Any,
        render: Renderer,
        *,
        on_finished: Callable[[RegisterRow], None] | None = None,
    ) -> Issued:
        """Number, render and register one document; returns the register row and the PDF.

        A receipt that is already in the register is not issued again: its stored copy is
        returned. `on_finished(row)` runs inside the transaction that stores the file (e.g.
        to note an SP letter in its case's timeline)."""
        require_issuer(actor)
        if kind.info.receipt:
            existing = self.repo.find(kind.value, str(data.nomor))
            if existing is not None and existing.status == "selesai":
                return Issued(existing, self.reprint(actor, existing.id))
        context = self.context(kind)
        with self.db.atomic():
            row, numbered = self._take(actor, kind, data, None)
            pdf, pages = render_safely(render, numbered, context)
            self.repo.finish(row.id, pdf, sha256_hex(pdf), pages)
            finished = self.repo.get(row.id)
            if on_finished is not None:
                on_finished(finished)
        return Issued(finished, pdf)

    def issue_batch(
        self,
        actor: User,
        items: Sequence[BatchItem],
        *,
        title: str,
        on: date,
        progress: Callable[[int, int], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
        on_finished: Callable[[BatchItem, RegisterRow], None] | None = None,
        chunk: int = 25,
    ) -> list[Issued]:
        """Issue many documents as one batch; stops cleanly between documents when
        `should_stop()` says so. Each chunk is numbered, rendered and stored in one
        transaction: when a document of the chunk fails, none of that chunk is numbered or
        stored (the chunks before it are kept)."""
        require_issuer(actor)
        batch_id = self.repo.new_batch(title, on, len(items), actor.id)
        contexts: dict[DocKind, DocContext] = {}
        issued: list[Issued] = []
        for start in range(0, len(items), chunk):
            part = items[start : start + chunk]
            if should_stop is not None and should_stop():
                break

            def chunk_unit(
                part: Sequence[BatchItem] = part, done: int = len(issued)
            ) -> tuple[list[Issued], bool]:
                """One chunk, run again whole on a conflict (its list starts empty each time;
                `progress` is told again from the chunk's first document)."""
                stored: list[Issued] = []
                with self.db.atomic():
                    for item in part:
                        if should_stop is not None and should_stop():
                            return stored, True
                        row, numbered = self._take(actor, item.kind, item.data, batch_id)
                        context = contexts.setdefault(item.kind, self.context(item.kind))
                        pdf, pages = render_safely(item.render, numbered, context)
                        self.repo.finish(row.id, pdf, sha256_hex(pdf), pages)
                        finished = self.repo.get(row.id)
                        if on_finished is not None:
                            on_finished(item, finished)
                        stored.append(Issued(finished, pdf))
                        if progress is not None:
                            progress(done + len(stored), len(items))
                return stored, False

            stored, stopped = run_unit(self.db, chunk_unit)
            issued += stored
            if stopped:
                break
        return issued

    # -- reading and reprinting -----------------------------------------------------------------
    def get(self, document_id: int) -> RegisterRow:
        return self.repo.get(document_id)

    def search(
        self, query: RegisterQuery | None = None, *, offset: int = 0, limit: int = 200
    ) -> list[RegisterRow]:
        return self.repo.search(query or RegisterQuery(), offset=offset, limit=limit)

    def count(self, query: RegisterQuery | None = None) -> int:
        return self.repo.count(query or RegisterQuery())

    def data(self, document_id: int) -> dict[str, Any]:
        return self.repo.data(document_id)

    @write_unit
    def reprint(self, actor: User, document_id: int) -> bytes:
        """The exact bytes issued (checked against the stored hash); audited."""
        row = self.repo.get(document_id)
        if row.status != "selesai":
            raise ValidationError(
                f"Dokumen {row.number} tidak selesai dibuat ({STATUS_LABELS[row.status]}), "
                "jadi tidak ada salinan untuk dicetak ulang. Buat dokumen baru.",
                field="document",
            )
        pdf = self.repo.pdf(document_id)
        if pdf is None or sha256_hex(pdf) != row.sha256:
            raise StorageError(
                f"Salinan dokumen {row.number} di database tidak utuh (tidak cocok dengan "
                "sidik digitalnya). Pulihkan database dari cadangan."
            )
        with self.db.atomic():
            self.audit.record(actor.id, "cetak_ulang", "dokumen", row.id, None, None, row.number)
        return pdf


def officer_roles() -> dict[str, str]:
    """Officer keys and labels for the signer settings (Mengetahui is a separate switch)."""
    return {**ROLES, MENGETAHUI_ROLE: "Ketua Pengawas"}
