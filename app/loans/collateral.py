"""Collateral (agunan) and guarantors (penjamin) of a loan."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from app.errors import NotFound, PermissionDenied, ValidationError
from app.identity import normalize_phone, validate_nik
from app.loans.models import (
    COLLATERAL_KINDS,
    Collateral,
    CollateralDraft,
    Guarantor,
    GuarantorDraft,
    Loan,
)
from app.storage.audit_repo import AuditRepository
from app.storage.engine import Engine
from app.storage.loans_repo import LoansRepository
from app.storage.units import write_unit
from app.text import clean_strings
from app.users.models import User
from app.users.permissions import Action, can


def require_loan_editor(actor: User) -> None:
    """Loan data may be entered by whoever takes applications (PROPOSE or EDIT_MEMBERS)."""
    if not (can(actor, Action.PROPOSE) or can(actor, Action.EDIT_MEMBERS)):
        raise PermissionDenied("Peran Anda tidak boleh mengubah data pinjaman.")


def check_collateral(draft: CollateralDraft) -> None:
    """Raise ValidationError (at the form's field) for collateral that cannot be recorded."""
    if draft.kind not in COLLATERAL_KINDS:
        raise ValidationError("Pilih jenis agunan.", field="kind")
    if not draft.description.strip():
        raise ValidationError("Tulis uraian agunan.", field="description")
    if draft.estimated_value < 0 or draft.tax_value < 0:
        raise ValidationError("Nilai agunan tidak boleh negatif.", field="estimated_value")
    if draft.kind != "other" and draft.estimated_value <= 0:
        raise ValidationError("Isi taksiran nilai agunan.", field="estimated_value")
    if draft.kind == "land" and draft.tax_value <= 0:
        raise ValidationError(
            "Isi NJOP (nilai pajak) tanah tanpa Hak Tanggungan: PPAP memperhitungkan 60 % "
            "dari NJOP, bukan dari taksiran.",
            field="tax_value",
        )


def clean_guarantor(draft: GuarantorDraft) -> GuarantorDraft:
    """The guarantor as stored (spaces tidied, NIK and phone checked when given)."""
    name = " ".join(draft.name.split())
    if not name:
        raise ValidationError("Tulis nama penjamin.", field="name")
    nik = validate_nik(draft.nik) if draft.nik.strip() else ""
    phone = normalize_phone(draft.phone) if draft.phone.strip() else ""
    return GuarantorDraft(
        name=name,
        nik=nik,
        relation=draft.relation.strip(),
        address=draft.address.strip(),
        phone=phone,
    )


class CollateralService:
    def __init__(self, db: Engine, audit: AuditRepository) -> None:
        self.db = db
        self.audit = audit
        self.repo = LoansRepository(db)

    @write_unit
    def add_collateral(self, actor: User, loan: Loan, draft: CollateralDraft) -> Collateral:
        """Add one item of collateral (audited)."""
        require_loan_editor(actor)
        draft = clean_strings(draft)
        check_collateral(draft)
        with self.db.atomic():
            item_id = self.repo.insert_collateral(loan.id, draft, actor.id)
            self.audit.record(
                actor.id,
                "tambah",
                "agunan",
                item_id,
                None,
                {"loan": loan.display_number, **asdict(draft)},
            )
        item = self.repo.collateral_item(item_id)
        assert item is not None
        return item

    @write_unit
    def release_collateral(
        self, actor: User, collateral_id: int, on: date, note: str
    ) -> Collateral:
        """Mark collateral as returned to its owner (audited); the record stays."""
        require_loan_editor(actor)
        item = self.repo.collateral_item(collateral_id)
        if item is None:
            raise NotFound("Agunan tidak ditemukan.")
        if item.released_on is not None:
            raise ValidationError("Agunan ini sudah dikembalikan.", field="collateral")
        with self.db.atomic():
            self.repo.release_collateral(collateral_id, on, note.strip())
            self.audit.record(
                actor.id,
                "kembalikan",
                "agunan",
                collateral_id,
                {"released_on": None},
                {"released_on": on.isoformat(), "note": note.strip()},
            )
        released = self.repo.collateral_item(collateral_id)
        assert released is not None
        return released

    @write_unit
    def add_guarantor(self, actor: User, loan: Loan, draft: GuarantorDraft) -> Guarantor:
        """Add a guarantor; NIK and phone checked when given (audited)."""
        require_loan_editor(actor)
        clean = clean_guarantor(clean_strings(draft))
        with self.db.atomic():
            item_id = self.repo.insert_guarantor(loan.id, clean, actor.id)
            self.audit.record(
                actor.id,
                "tambah",
                "penjamin",
                item_id,
                None,
                {"loan": loan.display_number, **asdict(clean)},
            )
        return next(g for g in self.repo.guarantors(loan.id) if g.id == item_id)
