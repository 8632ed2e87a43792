"""The negotiation log (append-only: a correction is a new contact pointing at the old one),
attachments copied into the data folder by content hash, and the letters sent for a case."""

from __future__ import annotations

import hashlib
import re
import shutil
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.collection.case_rules import require_handler, stamp
from app.collection.models import (
    CAUSES,
    DELIVERY_METHODS,
    Case,
    CaseStatus,
    Channel,
    Contact,
    ContactDraft,
    Letter,
    LetterDraft,
    MetRole,
    PromiseDraft,
)
from app.errors import NotFound, ValidationError
from app.formats import in_sentence
from app.paths import attachments_dir
from app.storage.units import write_unit
from app.text import check_date, clean_strings
from app.users.models import User

if TYPE_CHECKING:
    from app.collection.cases import CaseService
    from app.collection.promises import PromiseService
    from app.settings.service import SettingsService
    from app.storage.audit_repo import AuditRepository
    from app.storage.collection_repo import CollectionRepository
    from app.storage.engine import Engine
    from app.storage.users_repo import UsersRepository

MAX_TEXT = 4000
MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


class ContactService:
    def __init__(
        self,
        db: Engine,
        repo: CollectionRepository,
        audit: AuditRepository,
        settings: SettingsService,
        users_repo: UsersRepository,
        cases: CaseService,
        promises: PromiseService,
    ) -> None:
        self.db = db
        self.repo = repo
        self.audit = audit
        self.settings = settings
        self.users_repo = users_repo
        self.cases = cases
        self.promises = promises

    def get(self, contact_id: int) -> Contact:
        contact = self.repo.contact(contact_id)
        if contact is None:
            raise NotFound("Catatan kontak tidak ditemukan.")
        return contact

    def contacts(self, case_id: int) -> list[Contact]:
        """Every contact of the case, oldest first (corrected ones marked is_superseded)."""
        return self.repo.contacts(case_id)

    def attachment_path(self, rel_path: str) -> Path:
        """Where an attachment's file is on this computer."""
        return attachments_dir() / rel_path

    def validate(self, draft: ContactDraft, today: date) -> ContactDraft:
        """A cleaned copy of the draft, or ValidationError naming the field at fault."""
        return self._validate(draft, self.cases.get(draft.case_id), today)

    def _validate(self, draft: ContactDraft, case: Case, today: date) -> ContactDraft:
        draft = clean_strings(
            draft,
            multiline=("member_said", "offer", "member_answer", "agreed", "next_step"),
        )
        check_date(draft.contact_at.date(), "contact_at", "Waktu kontak")
        check_date(draft.next_step_date, "next_step_date", "Tanggal langkah berikut")
        if not case.status.is_open:
            raise ValidationError(f"Kasus {case.number} sudah selesai.", field="case")
        if draft.contact_at.date() > today:
            raise ValidationError("Waktu kontak tidak boleh setelah hari ini.", field="contact_at")
        if draft.contact_at.date() < case.opened_on - timedelta(days=366):
            raise ValidationError(
                "Waktu kontak terlalu jauh sebelum kasus dibuka.", field="contact_at"
            )
        texts: dict[str, Any] = {
            name: " ".join(getattr(draft, name).split())
            if name == "met_name"
            else getattr(draft, name).strip()
            for name in (
                "met_name",
                "member_said",
                "offer",
                "member_answer",
                "agreed",
                "next_step",
                "correction_reason",
            )
        }
        for name, value in texts.items():
            if len(value) > MAX_TEXT:
                raise ValidationError("Tulisan terlalu panjang; ringkas sedikit.", field=name)
        met_name = texts["met_name"]
        if draft.met_role == MetRole.ANGGOTA and not met_name:
            met_name = case.member_name
        if draft.met_role not in (MetRole.ANGGOTA, MetRole.TIDAK_BERTEMU) and not met_name:
            raise ValidationError(
                f"Tulis nama {in_sentence(draft.met_role.label)} yang ditemui.", field="met_name"
            )
        unknown = [c for c in draft.causes if c not in CAUSES]
        if unknown:
            raise ValidationError(f"Penyebab tidak dikenal: {', '.join(unknown)}.", field="causes")
        if draft.channel == Channel.SURAT and draft.letter_kind is None:
            raise ValidationError("Pilih jenis surat yang dikirim.", field="letter_kind")
        if draft.channel != Channel.SURAT and draft.letter_kind is not None:
            raise ValidationError(
                "Jenis surat hanya untuk kontak lewat surat.", field="letter_kind"
            )
        if draft.next_step_date is not None:
            if draft.next_step_date < draft.contact_at.date():
                raise ValidationError(
                    "Tanggal tindak lanjut tidak boleh sebelum kontak ini.", field="next_step_date"
                )
            if not texts["next_step"]:
                raise ValidationError("Tulis tindak lanjutnya.", field="next_step")
        elif texts["next_step"]:
            raise ValidationError("Isi tanggal tindak lanjut.", field="next_step_date")
        if draft.corrects_id is not None:
            old = self.get(draft.corrects_id)
            if old.case_id != draft.case_id:
                raise ValidationError(
                    "Kontak yang dikoreksi bukan dari kasus ini.", field="corrects_id"
                )
            if old.is_superseded:
                raise ValidationError(
                    "Kontak itu sudah pernah dikoreksi; koreksi yang terbaru.", field="corrects_id"
                )
            if len(texts["correction_reason"]) < 5:
                raise ValidationError("Tulis alasan koreksi.", field="correction_reason")
        elif texts["correction_reason"]:
            raise ValidationError("Alasan koreksi hanya untuk koreksi.", field="correction_reason")
        for path in draft.attachments:
            file = Path(path)
            if not file.is_file():
                raise ValidationError(
                    f"Berkas lampiran '{file.name}' tidak ditemukan.", field="attachments"
                )
            if file.stat().st_size > MAX_ATTACHMENT_BYTES:
                raise ValidationError(
                    f"Berkas '{file.name}' lebih dari 25 MB.", field="attachments"
                )
        return replace(
            draft, **{**texts, "met_name": met_name}, causes=tuple(sorted(set(draft.causes)))
        )

    @write_unit
    def record(
        self, actor: User, draft: ContactDraft, today: date, promise: PromiseDraft | None = None
    ) -> Contact:
        """Save a contact (with its causes, attachments and an optional promise to pay) in one
        transaction. The case moves to 'dalam negosiasi' (or 'janji bayar' with a promise)."""
        require_handler(actor)
        case = self.cases.get(draft.case_id)  # read once, passed on
        clean = self._validate(draft, case, today)
        officer_id = clean.officer_id if clean.officer_id is not None else actor.id
        officer = self.users_repo.by_id(officer_id)
        if officer is None or not officer.active:
            raise ValidationError("Pilih petugas koperasi yang masih aktif.", field="officer_id")
        if promise is not None:
            self.promises.check(case.loan_id, promise, clean.contact_at.date(), today)
        stored = [_store_file(Path(path)) for path in clean.attachments]
        with self.db.atomic():
            contact_id = self.repo.insert_contact(clean, case.loan_id, officer_id, actor.id)
            for rel_path, digest, name, size in stored:
                self.repo.insert_attachment(contact_id, rel_path, digest, name, size)
            if clean.causes:
                self.repo.add_causes(case.id, clean.causes, actor.id)
            self.audit.record(
                actor.id,
                "koreksi kontak" if clean.corrects_id else "catat kontak",
                "kasus",
                case.id,
                None,
                {
                    "contact": contact_id,
                    "channel": clean.channel.value,
                    "at": clean.contact_at.isoformat(),
                    "corrects": clean.corrects_id,
                    "attachments": [s[1] for s in stored],
                },
                note=clean.correction_reason,
            )
            case = self.cases.advance_case(
                case, CaseStatus.NEGOSIASI, actor.id, "kontak dicatat", at=stamp(clean.contact_at)
            )
            if promise is not None:
                self.promises.insert(actor, case, contact_id, promise, clean.contact_at)
        return self.get(contact_id)

    # -- letters ------------------------------------------------------------------------------
    @write_unit
    def record_letter(self, actor: User, case_id: int, draft: LetterDraft, today: date) -> Letter:
        """Log a letter for the case (the documents register calls this when it prints an SP
        or a Surat Panggilan). pay_by defaults to the sent date + collection.letter_pay_days."""
        require_handler(actor)
        case = self.cases.get(case_id)
        if not case.status.is_open:
            raise ValidationError(f"Kasus {case.number} sudah selesai.", field="case")
        self._check_letter(draft.letter_date, draft.sent_on, draft.delivery_method, today)
        pay_by = draft.pay_by
        if pay_by is None and draft.sent_on is not None:
            pay_by = draft.sent_on + timedelta(
                days=int(self.settings.get("collection.letter_pay_days"))
            )
        clean = replace(
            draft,
            number=draft.number.strip(),
            received_by=draft.received_by.strip(),
            note=draft.note.strip(),
            pay_by=pay_by,
        )
        with self.db.atomic():
            letter_id = self.repo.insert_letter(case.id, case.loan_id, clean, actor.id)
            self.audit.record(
                actor.id,
                "catat surat",
                "kasus",
                case.id,
                None,
                {
                    "letter": letter_id,
                    "kind": clean.kind.value,
                    "number": clean.number,
                    "sent_on": clean.sent_on.isoformat() if clean.sent_on else None,
                },
            )
            if clean.sent_on is not None:
                self.cases.advance(
                    case.id,
                    CaseStatus.NEGOSIASI,
                    actor.id,
                    "surat dikirim",
                    at=stamp(clean.sent_on, today),
                )
        return self.letter(letter_id)

    @write_unit
    def record_delivery(
        self,
        actor: User,
        letter_id: int,
        sent_on: date,
        method: str,
        received_by: str,
        today: date,
    ) -> Letter:
        """Fill in how and when a letter was delivered and who received it."""
        require_handler(actor)
        letter = self.letter(letter_id)
        self._check_letter(letter.letter_date, sent_on, method, today)
        if not received_by.strip():
            raise ValidationError("Tulis nama penerima surat.", field="received_by")
        pay_by = (
            None
            if letter.pay_by
            else sent_on + timedelta(days=int(self.settings.get("collection.letter_pay_days")))
        )
        with self.db.atomic():
            self.repo.update_delivery(letter_id, sent_on, method, received_by.strip(), pay_by)
            self.audit.record(
                actor.id,
                "kirim surat",
                "kasus",
                letter.case_id,
                {"letter": letter_id, "sent_on": None},
                {
                    "letter": letter_id,
                    "sent_on": sent_on.isoformat(),
                    "method": method,
                    "received_by": received_by.strip(),
                },
            )
            self.cases.advance(
                letter.case_id,
                CaseStatus.NEGOSIASI,
                actor.id,
                "surat dikirim",
                at=stamp(sent_on, today),
            )
        return self.letter(letter_id)

    def letter(self, letter_id: int) -> Letter:
        letter = self.repo.letter(letter_id)
        if letter is None:
            raise NotFound("Surat tidak ditemukan.")
        return letter

    def letters(self, case_id: int) -> list[Letter]:
        return self.repo.letters_of_case(case_id)

    def sent_letters(self) -> dict[int, dict[str, date]]:
        """Loan id -> letter kind -> the latest date a letter of that kind was sent."""
        return self.repo.sent_letters()

    @staticmethod
    def _check_letter(letter_date: date, sent_on: date | None, method: str, today: date) -> None:
        if letter_date > today:
            raise ValidationError(
                "Tanggal surat tidak boleh setelah hari ini.", field="letter_date"
            )
        if sent_on is not None:
            if sent_on < letter_date or sent_on > today:
                raise ValidationError(
                    "Tanggal kirim antara tanggal surat dan hari ini.", field="sent_on"
                )
            if method not in DELIVERY_METHODS:
                raise ValidationError("Pilih cara pengiriman surat.", field="delivery_method")


def _store_file(source: Path) -> tuple[str, str, str, int]:
    """Copy a file into the attachments folder under its content hash; (relative path,
    sha256, original name, size). The same content is stored once."""
    digest = hashlib.sha256()
    with source.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    sha = digest.hexdigest()
    safe = _SAFE.sub("_", source.name)[-80:] or "lampiran"
    rel = f"{sha[:2]}/{sha[:16]}-{safe}"
    target = attachments_dir() / rel
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        shutil.copyfile(source, partial)
        partial.replace(target)
    return rel, sha, source.name, source.stat().st_size
