"""The member register: validation, numbering, warnings, status changes (all audited)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import partial

from app.errors import NotFound, ValidationError
from app.formats import format_date_short
from app.identity import nik_warnings, normalize_phone, validate_nik, validate_npwp
from app.members.models import Member, MemberDraft, MemberRow, MemberStatus
from app.numbering import NumberRule
from app.settings.service import SettingsService
from app.storage import sequences
from app.storage.audit_repo import AuditRepository
from app.storage.engine import Engine
from app.storage.members_repo import MembersRepository
from app.storage.units import write_unit
from app.text import check_date, clean_strings, clean_text
from app.users.models import User
from app.users.permissions import Action, require

MEMBER_SEQUENCE = "member_number"


class MemberService:
    def __init__(self, db: Engine, audit: AuditRepository, settings: SettingsService) -> None:
        self.db = db
        self.repo = MembersRepository(db)
        self.audit = audit
        self.settings = settings

    # -- reading ------------------------------------------------------------------------------
    def get(self, member_id: int) -> Member:
        member = self.repo.by_id(member_id)
        if member is None:
            raise NotFound("Anggota tidak ditemukan.")
        return member

    def search(
        self, text: str = "", status: MemberStatus | None = None, limit: int = 200, offset: int = 0
    ) -> list[MemberRow]:
        return self.repo.search(text, status, limit, offset)

    def search_count(self, text: str = "", status: MemberStatus | None = None) -> int:
        return self.repo.search_count(text, status)

    def count(self, status: MemberStatus | None = None) -> int:
        return self.repo.count(status)

    # -- validation ---------------------------------------------------------------------------
    def validate(self, draft: MemberDraft, today: date | None = None) -> MemberDraft:
        """A cleaned copy of `draft`, or ValidationError naming the field at fault."""
        today = today or date.today()
        draft = clean_strings(draft)
        check_date(draft.join_date, "join_date", "Tanggal masuk")
        name = " ".join(draft.name.split())
        if not name:
            raise ValidationError("Nama lengkap wajib diisi.", field="name")
        if len(name) > 100:
            raise ValidationError("Nama terlalu panjang (paling banyak 100 huruf).", field="name")
        nik = validate_nik(draft.nik)
        if draft.sex not in ("L", "P"):
            raise ValidationError("Pilih jenis kelamin.", field="sex")
        if draft.birth_date is not None:
            if draft.birth_date > today:
                raise ValidationError(
                    "Tanggal lahir tidak boleh setelah hari ini.", field="birth_date"
                )
            if draft.birth_date.year < 1900:
                raise ValidationError(
                    "Tanggal lahir terlalu lama, periksa tahunnya.", field="birth_date"
                )
        if draft.join_date > today:
            raise ValidationError("Tanggal masuk tidak boleh setelah hari ini.", field="join_date")
        if draft.birth_date is not None and draft.join_date < draft.birth_date:
            raise ValidationError("Tanggal masuk sebelum tanggal lahir.", field="join_date")
        if draft.payroll_sukarela < 0:
            raise ValidationError(
                "Potongan sukarela per bulan tidak boleh negatif.", field="payroll_sukarela"
            )
        phone = normalize_phone(draft.phone) if draft.phone.strip() else ""
        npwp = validate_npwp(draft.npwp) if draft.npwp.strip() else ""
        for field_name in ("rt", "rw"):
            value = getattr(draft, field_name).strip()
            if value and (not value.isdigit() or len(value) > 3):
                raise ValidationError(
                    f"{field_name.upper()} diisi angka, paling banyak 3 digit (misalnya 003).",
                    field=field_name,
                )
        return replace(
            draft,
            name=name,
            nik=nik,
            phone=phone,
            npwp=npwp,
            rt=draft.rt.strip().zfill(3) if draft.rt.strip() else "",
            rw=draft.rw.strip().zfill(3) if draft.rw.strip() else "",
            birth_place=draft.birth_place.strip(),
            address=draft.address.strip(),
            kelurahan=draft.kelurahan.strip(),
            kecamatan=draft.kecamatan.strip(),
            city=draft.city.strip(),
            occupation=draft.occupation.strip(),
            spouse_name=" ".join(draft.spouse_name.split()),
            employer=" ".join(draft.employer.split()),  # payroll groups members by it
            employee_no=" ".join(draft.employee_no.split()),
        )

    def warnings(self, draft: MemberDraft, exclude_id: int | None = None) -> list[str]:
        """Things to confirm before saving (never blocking): NIK mismatches, duplicate NIK."""
        result = list(nik_warnings(draft.nik, draft.birth_date, draft.sex))
        for other in self.repo.with_nik(draft.nik, exclude_id):
            result.append(
                f"NIK ini sudah dipakai anggota {other.number} – {other.name}. "
                "Pastikan bukan orang yang sama."
            )
        return result

    # -- writing ------------------------------------------------------------------------------
    def next_number(self, on: date) -> str:
        """The number the next member will get (inside the caller's transaction)."""
        pattern = str(self.settings.get("members.number_pattern"))
        rule = NumberRule(pattern, MEMBER_SEQUENCE, self.settings.profile().code)
        return rule.next(on, partial(sequences.next_value, self.db), self.repo.number_exists)

    @write_unit
    def create(self, actor: User, draft: MemberDraft, today: date | None = None) -> Member:
        require(actor, Action.EDIT_MEMBERS)
        clean = self.validate(draft, today)
        with self.db.atomic():
            number = self.next_number(clean.join_date)
            member_id = self.repo.insert(number, clean, actor.id)
            self.audit.record(
                actor.id, "tambah", "member", member_id, None, self.repo.snapshot(member_id)
            )
        return self.get(member_id)

    @write_unit
    def update(
        self, actor: User, member_id: int, draft: MemberDraft, today: date | None = None
    ) -> Member:
        require(actor, Action.EDIT_MEMBERS)
        self.get(member_id)
        clean = self.validate(draft, today)
        with self.db.atomic():
            before = self.repo.snapshot(member_id)
            self.repo.update(member_id, clean)
            after = self.repo.snapshot(member_id)
            changed = {k for k in after if before.get(k) != after[k] and k != "updated_at"}
            if changed:
                self.audit.record(
                    actor.id,
                    "ubah",
                    "member",
                    member_id,
                    {k: before[k] for k in sorted(changed)},
                    {k: after[k] for k in sorted(changed)},
                )
        return self.get(member_id)

    @write_unit
    def change_status(
        self,
        actor: User,
        member_id: int,
        status: MemberStatus,
        when: date,
        note: str,
        today: date | None = None,
    ) -> Member:
        """Leaving or death is a status change with a date, never a deletion."""
        require(actor, Action.EDIT_MEMBERS)
        member = self.get(member_id)
        today = today or date.today()
        note = clean_text(note, multiline=True)
        check_date(when, "status_date")
        if status == member.status:
            raise ValidationError(f"Status anggota sudah {status.label}.", field="status")
        if when > today:
            raise ValidationError("Tanggal tidak boleh setelah hari ini.", field="status_date")
        if when < member.join_date:
            raise ValidationError(
                f"Tanggal sebelum tanggal masuk ({format_date_short(member.join_date)}).",
                field="status_date",
            )
        if status != MemberStatus.AKTIF and not note.strip():
            raise ValidationError("Tulis keterangan (misalnya alasan keluar).", field="status_note")
        with self.db.atomic():
            before = self.repo.snapshot(member_id)
            self.repo.set_status(member_id, status, when, note.strip())
            self.audit.record(
                actor.id,
                "status",
                "member",
                member_id,
                {k: before[k] for k in ("status", "status_date", "status_note")},
                {
                    "status": status.value,
                    "status_date": when.isoformat(),
                    "status_note": note.strip(),
                },
            )
        return self.get(member_id)
