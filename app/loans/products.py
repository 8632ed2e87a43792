"""Loan products (presets shipped, editable) and the schedule simulation."""

from __future__ import annotations

from dataclasses import asdict, replace
from datetime import date
from decimal import Decimal
from typing import Any

from app.errors import NotFound, ValidationError
from app.loans.allocation import COMPONENTS, MODES
from app.loans.models import PAYOFF_RULES, LoanProduct, LoanProductDraft
from app.loans.schedule import METHODS, Installment, ScheduleTerms, build_schedule
from app.money import format_rupiah
from app.settings.service import SettingsService
from app.storage.audit_repo import AuditRepository
from app.storage.engine import Engine
from app.storage.loans_products_repo import LoanProductsRepository
from app.storage.units import write_unit
from app.users.models import User
from app.users.permissions import Action, require

MAX_MONTHLY_RATE = Decimal(10)
MAX_MONTHS = 360


def _audit_view(product: LoanProductDraft) -> dict[str, Any]:
    values = asdict(product)
    values["denda_rule"] = {k: str(v) for k, v in values["denda_rule"].items()}
    return {k: (str(v) if isinstance(v, Decimal) else v) for k, v in values.items()}


class LoanProductService:
    """Products: 'Pinjaman Umum' (flat 1,5 %), 'Pinjaman Usaha' (menurun 1,25 %) and
    'Pinjaman Anuitas' (anuitas 1,25 %) are created by the loans migration."""

    def __init__(self, db: Engine, audit: AuditRepository, settings: SettingsService) -> None:
        self.db = db
        self.audit = audit
        self.settings = settings
        self.repo = LoanProductsRepository(db)

    def all(self, *, include_inactive: bool = False) -> list[LoanProduct]:
        return self.repo.products(include_inactive)

    def get(self, product_id: int) -> LoanProduct:
        product = self.repo.product(product_id)
        if product is None:
            raise NotFound("Produk pinjaman tidak ditemukan.")
        return product

    def validate(self, draft: LoanProductDraft, exclude_id: int | None = None) -> LoanProductDraft:
        """Trimmed draft or ValidationError naming the field."""
        draft = replace(draft, name=" ".join(draft.name.split()))
        if not draft.name:
            raise ValidationError("Nama produk wajib diisi.", field="name")
        if self.repo.product_name_taken(draft.name, exclude_id):
            raise ValidationError(f"Produk '{draft.name}' sudah ada.", field="name")
        if draft.method not in METHODS:
            raise ValidationError("Pilih metode Flat, Menurun atau Anuitas.", field="method")
        rate = draft.monthly_rate
        if not isinstance(rate, Decimal) or not rate.is_finite() or not 0 <= rate <= 10:
            raise ValidationError("Jasa per bulan antara 0% dan 10%.", field="monthly_rate")
        if -rate.as_tuple().exponent > 4:  # type: ignore[operator]
            raise ValidationError(
                "Jasa paling banyak 4 angka di belakang koma.", field="monthly_rate"
            )
        if not 1 <= draft.min_months <= draft.max_months <= MAX_MONTHS:
            raise ValidationError(
                f"Jangka waktu: paling sedikit 1 bulan, paling lama {MAX_MONTHS} bulan, dan "
                "batas bawah tidak boleh melebihi batas atas.",
                field="max_months",
            )
        if not 0 < draft.min_amount <= draft.max_amount:
            raise ValidationError(
                "Plafon paling kecil harus lebih dari Rp0 dan tidak melebihi plafon paling besar.",
                field="max_amount",
            )
        if draft.round_to < 1:
            raise ValidationError("Kelipatan pembulatan paling kecil Rp1.", field="round_to")
        fee = draft.admin_fee_rate
        if not isinstance(fee, Decimal) or not fee.is_finite() or not 0 <= fee <= 100:
            raise ValidationError("Biaya administrasi antara 0% dan 100%.", field="admin_fee_rate")
        if draft.admin_fee_fixed < 0:
            raise ValidationError(
                "Biaya administrasi tetap tidak boleh negatif.", field="admin_fee_fixed"
            )
        if sorted(draft.alloc_order) != sorted(COMPONENTS):
            raise ValidationError(
                "Urutan alokasi harus memuat denda, jasa dan pokok masing-masing satu kali.",
                field="alloc_order",
            )
        if draft.alloc_mode not in MODES:
            raise ValidationError(
                "Pilih alokasi per angsuran atau per komponen.", field="alloc_mode"
            )
        if draft.payoff_rule not in PAYOFF_RULES:
            raise ValidationError("Pilih aturan pelunasan dipercepat.", field="payoff_rule")
        return replace(draft, alloc_order=tuple(draft.alloc_order))

    @write_unit
    def create(self, actor: User, draft: LoanProductDraft) -> LoanProduct:
        """New product (EDIT_SETTINGS, audited)."""
        require(actor, Action.EDIT_SETTINGS)
        draft = self.validate(draft)
        with self.db.atomic():
            product_id = self.repo.insert_product(draft)
            self.audit.record(
                actor.id, "tambah", "produk_pinjaman", product_id, None, _audit_view(draft)
            )
        return self.get(product_id)

    @write_unit
    def update(self, actor: User, product_id: int, draft: LoanProductDraft) -> LoanProduct:
        """Change a product (EDIT_SETTINGS, audited before/after). Loans already applied for
        keep the terms copied onto them."""
        require(actor, Action.EDIT_SETTINGS)
        before = self.get(product_id)
        draft = self.validate(draft, exclude_id=product_id)
        with self.db.atomic():
            self.repo.update_product(product_id, draft)
            self.audit.record(
                actor.id,
                "ubah",
                "produk_pinjaman",
                product_id,
                _audit_view(before),
                _audit_view(draft),
            )
        return self.get(product_id)

    @write_unit
    def set_active(self, actor: User, product_id: int, active: bool) -> LoanProduct:
        """Offer (or stop offering) a product; existing loans are not affected."""
        require(actor, Action.EDIT_SETTINGS)
        before = self.get(product_id)
        if before.active != active:
            with self.db.atomic():
                self.repo.set_product_active(product_id, active)
                self.audit.record(
                    actor.id,
                    "ubah",
                    "produk_pinjaman",
                    product_id,
                    {"active": before.active},
                    {"active": active},
                )
        return self.get(product_id)

    def terms(
        self,
        product: LoanProduct,
        amount: int,
        months: int,
        first_due: date,
        principal_grace: int = 0,
    ) -> ScheduleTerms:
        """ScheduleTerms for an amount/term under `product` (limits checked)."""
        if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
            raise ValidationError("Jumlah pinjaman harus lebih dari Rp0.", field="amount")
        if not product.min_amount <= amount <= product.max_amount:
            raise ValidationError(
                f"{product.name}: plafon {format_rupiah(product.min_amount)} sampai "
                f"{format_rupiah(product.max_amount)}.",
                field="amount",
            )
        if not product.min_months <= months <= product.max_months:
            raise ValidationError(
                f"{product.name}: jangka waktu {product.min_months} sampai "
                f"{product.max_months} bulan.",
                field="months",
            )
        return ScheduleTerms(
            principal=amount,
            annual_rate=product.annual_rate,
            months=months,
            method=product.method,
            first_due=first_due,
            round_to=product.round_to,
            round_up=product.round_up,
            principal_grace=principal_grace,
        )

    def simulate(
        self,
        product_id: int,
        amount: int,
        months: int,
        first_due: date,
        principal_grace: int = 0,
    ) -> list[Installment]:
        """The schedule a loan would get (Simulasi Pinjaman)."""
        product = self.get(product_id)
        return build_schedule(self.terms(product, amount, months, first_due, principal_grace))
