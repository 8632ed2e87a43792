"""The life of a loan: application, approval, disbursement, collateral, guarantors, reading.

`LoanService` is what the UI holds (``services.loans``). Its parts are reached as attributes:

- ``services.loans.products``  – LoanProductService (products, schedule simulation)
- ``services.loans.payments``  – LoanPaymentService (preview, receipts, payoff, reversal, waivers)
- ``services.loans.quality``   – LoanQualityService (arrears as of any date, month-end run)
- ``services.loans.portfolio`` – PortfolioService (NPL, ageing, allowance required vs booked)

Roles (app.users.permissions): an application, collateral and guarantors need PROPOSE or
EDIT_MEMBERS (staff take applications at the counter); approving or rejecting needs APPROVE
(Pengurus); disbursing an approved loan, payments, payoffs and titipan refunds need
RECORD_PAYMENT (the cashier pays out and takes in); a waiver is recorded by whoever may
take payments and must name an approver with APPROVE; reversing needs REVERSE_TRANSACTION;
products and the booked allowance need EDIT_SETTINGS; the month-end run needs no role
(it only stores figures; the CLI runs it without a user).

Loan status changes are updates of the loan row, each audited with before/after values;
every money movement is an immutable event (see app/loans/payments.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from app.errors import NotFound, PermissionDenied, ValidationError
from app.formats import format_count
from app.ledger.service import LedgerService
from app.loans.arrears import LoanQualityService
from app.loans.collateral import CollateralService
from app.loans.creation import (
    ApprovalDraft,
    DisbursementDraft,
    LoanCreation,
    check_disbursement_date,
)
from app.loans.ledger import LoanLedger
from app.loans.models import (
    ApplicationCheck,
    Collateral,
    CollateralDraft,
    EventKind,
    Guarantor,
    GuarantorDraft,
    Loan,
    LoanApplication,
    LoanDetail,
    LoanFilter,
    LoanRow,
    LoanStatus,
    PaymentMethod,
    ScheduleLine,
)
from app.loans.payments import LoanPaymentService
from app.loans.portfolio import PortfolioService
from app.loans.products import LoanProductService
from app.loans.schedule import VersionTerms, build_schedule
from app.members.models import MemberStatus
from app.money import format_rupiah
from app.numbering import format_pattern, resets_yearly
from app.settings.service import SettingsService
from app.storage.audit_repo import AuditRepository
from app.storage.engine import Engine
from app.storage.loans_events_repo import LoanEventsRepository, NewEvent
from app.storage.loans_list_repo import LoansListRepository
from app.storage.loans_repo import LoansRepository
from app.storage.loans_rows import LoanDecision, LoanDisbursement, NewLoan, ScheduleHeader
from app.storage.members_repo import MembersRepository
from app.storage.units import write_unit
from app.text import clean_strings
from app.users.models import User
from app.users.permissions import Action, can, require

APPLICATION_SEQUENCE = "loan_application"
AGREEMENT_SEQUENCE = "loan_agreement"
_DECIDED = {LoanStatus.DISETUJUI: "setujui", LoanStatus.DITOLAK: "tolak"}


class LoanService:
    """Applications → approval → disbursement → (payments elsewhere) → closed."""

    def __init__(
        self,
        db: Engine,
        audit: AuditRepository,
        settings: SettingsService,
        ledger: LedgerService | None = None,
    ) -> None:
        """`ledger`: the books every money event posts to, in its own transaction (the
        composition root hands the one built with the book settings; default policy else)."""
        self.db = db
        self.audit = audit
        self.settings = settings
        self.repo = LoansRepository(db)
        self.events = LoanEventsRepository(db)
        self.members = MembersRepository(db)
        self.listing = LoansListRepository(db)
        self.products = LoanProductService(db, audit, settings)
        self.books = ledger or LedgerService(db, audit)
        self.quality = LoanQualityService(db, audit, settings, self.books)
        self.loan_ledger = LoanLedger(db, audit, self.quality, self.repo, self.events, self.books)
        self.payments = LoanPaymentService(self.loan_ledger, settings)
        self.portfolio = PortfolioService(db, audit, settings, self.quality)
        self.security = CollateralService(db, audit)

    # -- applications -------------------------------------------------------------------------
    def check_application(self, draft: LoanApplication, today: date) -> ApplicationCheck:
        """Warnings (member not aktif, loans still open, a loan this one would pay off) and the
        fee/net/first instalment figures. Raises ValidationError for what cannot be a loan:
        unknown member or product, amount or term outside the product's limits, a first due
        date not after the application date."""
        member = self.members.by_id(draft.member_id)
        if member is None:
            raise ValidationError("Pilih anggota peminjam.", field="member")
        product = self.products.get(draft.product_id)
        if not product.active:
            raise ValidationError(f"Produk {product.name} sudah tidak dipakai.", field="product")
        if draft.first_due <= draft.application_date:
            raise ValidationError(
                "Angsuran pertama harus jatuh tempo sesudah tanggal pengajuan.",
                field="first_due",
            )
        if draft.application_date > today:
            raise ValidationError(
                "Tanggal pengajuan tidak boleh setelah hari ini.", field="application_date"
            )
        schedule = build_schedule(
            self.products.terms(
                product, draft.amount, draft.months, draft.first_due, draft.principal_grace
            )
        )
        warnings: list[str] = []
        if member.status != MemberStatus.AKTIF:
            warnings.append(
                f"{member.name} berstatus {member.status.label}. Koperasi simpan pinjam hanya "
                "meminjamkan kepada anggota aktif."
            )
        open_loans = self.repo.open_loans_of(member.id)
        replaced = None
        for loan in open_loans:
            if loan.id == draft.replaces_loan_id:
                replaced = loan
                continue
            warnings.append(
                f"{member.name} masih punya pinjaman {loan.display_number} "
                f"({loan.status.label}, plafon {format_rupiah(loan.amount)})."
            )
        if draft.replaces_loan_id is not None:
            if replaced is None or replaced.status != LoanStatus.AKTIF:
                raise ValidationError(
                    "Pinjaman lama yang akan dilunasi harus pinjaman aktif anggota yang sama.",
                    field="replaces_loan_id",
                )
            quote = self.payments.payoff_quote(replaced.id, today)
            warnings.append(
                f"Pinjaman baru ini akan melunasi pinjaman {replaced.display_number} "
                f"(sekitar {format_rupiah(quote.total)}). Pinjaman baru untuk menutup pinjaman "
                "lama perlu dicermati Pengurus, terutama bila pinjaman lama menunggak."
            )
            arrears = self.quality.arrears(replaced.id, today)
            if arrears.days_past_due > 0:
                warnings.append(
                    f"Pinjaman {replaced.display_number} sedang menunggak "
                    f"{format_count(arrears.days_past_due, 'hari')} ({arrears.quality_label}). "
                    "Menutup tunggakan dengan pinjaman baru menyembunyikan masalahnya."
                )
        fee = product.admin_fee(draft.amount)
        return ApplicationCheck(
            warnings=tuple(warnings),
            admin_fee=fee,
            net_amount=draft.amount - fee,
            first_installment=schedule[0].total,
            open_loans=len(open_loans),
        )

    @write_unit
    def apply(self, actor: User, draft: LoanApplication, today: date) -> Loan:
        """Record an application (status diajukan) with the product's terms copied onto it and
        schedule version 0 stored. Needs PROPOSE or EDIT_MEMBERS."""
        if not (can(actor, Action.PROPOSE) or can(actor, Action.EDIT_MEMBERS)):
            raise PermissionDenied("Peran Anda tidak boleh mencatat pengajuan pinjaman.")
        draft = clean_strings(draft)  # what was typed, without hostile characters
        purpose = " ".join(draft.purpose.split())
        if len(purpose) < 3:
            raise ValidationError("Tulis keperluan pinjaman.", field="purpose")
        self.check_application(draft, today)
        product = self.products.get(draft.product_id)
        terms = self.products.terms(
            product, draft.amount, draft.months, draft.first_due, draft.principal_grace
        )
        schedule = build_schedule(terms)
        with self.db.atomic():
            number = self._next_number(
                "loans.application_pattern",
                APPLICATION_SEQUENCE,
                draft.application_date,
                "application_no",
                "PM",
            )
            loan_id = self.repo.insert_loan(
                NewLoan(
                    application_no=number,
                    application=draft,
                    product=product,
                    purpose=purpose,
                    admin_fee=product.admin_fee(draft.amount),
                    note=draft.note.strip(),
                    created_by=actor.id,
                )
            )
            header = ScheduleHeader(
                VersionTerms(
                    version=0,
                    effective_date=draft.application_date,
                    monthly_rate=product.monthly_rate,
                    months=draft.months,
                    method=product.method,
                    round_to=product.round_to,
                    round_up=product.round_up,
                    principal_grace=draft.principal_grace,
                    first_due=draft.first_due,
                ),
                principal=draft.amount,
            )
            self.repo.insert_schedule_version(loan_id, header, schedule, actor.id)
            self.audit.record(
                actor.id, "ajukan", "pinjaman", loan_id, None, self.repo.loan_snapshot(loan_id)
            )
        return self.get(loan_id)

    def approve(self, actor: User, loan_id: int, note: str, today: date) -> Loan:
        """A Pengurus approves (APPROVE): who, when, note; diajukan → disetujui (audited)."""
        return self._decide(actor, loan_id, LoanStatus.DISETUJUI, note, today)

    def reject(self, actor: User, loan_id: int, note: str, today: date) -> Loan:
        """A Pengurus rejects (APPROVE) with a reason; diajukan → ditolak (audited)."""
        if len(note.strip()) < 5:
            raise ValidationError("Tulis alasan penolakan.", field="note")
        return self._decide(actor, loan_id, LoanStatus.DITOLAK, note, today)

    @write_unit
    def _decide(
        self, actor: User, loan_id: int, status: LoanStatus, note: str, today: date
    ) -> Loan:
        require(actor, Action.APPROVE)
        loan = self.get(loan_id)
        if loan.status != LoanStatus.DIAJUKAN:
            raise ValidationError(
                f"Pinjaman {loan.display_number} berstatus {loan.status.label}; hanya pengajuan "
                "yang bisa disetujui atau ditolak.",
                field="status",
            )
        if today < loan.application_date:
            raise ValidationError("Tanggal keputusan sebelum tanggal pengajuan.", field="today")
        recorded_by = self.repo.loan_snapshot(loan_id).get("created_by")
        if status == LoanStatus.DISETUJUI and recorded_by == actor.id:
            raise PermissionDenied(
                "Pengajuan pinjaman yang Anda catat sendiri harus disetujui Ketua/Pengurus lain."
            )
        decision = LoanDecision(status, actor.id, today, note.strip())
        with self.db.atomic():
            before = self.repo.loan_snapshot(loan.id)
            self.repo.record_decision(loan.id, decision)
            after = decision.values()
            changed = {k: before.get(k) for k in after}
            self.audit.record(actor.id, _DECIDED[status], "pinjaman", loan.id, changed, after)
        return self.get(loan_id)

    @write_unit
    def disburse(self, actor: User, loan_id: int, on: date, today: date) -> Loan:
        """Pay out an approved loan (RECORD_PAYMENT: the cashier pays out what a Pengurus
        approved): agreement number from `loans.agreement_pattern`, admin fee deducted, a
        pencairan event stored; disetujui → aktif. When the loan replaces an old one, the
        old one is paid off from the proceeds. `on` may not be after `today`, before the
        approval, or on/after the first due date."""
        require(actor, Action.RECORD_PAYMENT)
        loan = self.get(loan_id)
        if loan.status != LoanStatus.DISETUJUI:
            raise ValidationError(
                f"Pinjaman {loan.display_number} berstatus {loan.status.label}; hanya pinjaman "
                "yang sudah disetujui yang bisa dicairkan.",
                field="status",
            )
        check_disbursement_date(on, today, loan.decided_on, loan.first_due)
        with self.db.atomic():
            payoff = 0
            if loan.replaces_loan_id is not None:
                payoff = self.replacement_payoff(
                    loan.replaces_loan_id, loan.amount - loan.admin_fee, on
                )
            number = self._next_number(
                "loans.agreement_pattern", AGREEMENT_SEQUENCE, on, "number", "PK"
            )
            self.loan_ledger.record(
                loan,
                NewEvent(
                    loan_id=loan.id,
                    version=0,
                    kind=EventKind.PENCAIRAN,
                    event_date=on,
                    amount=loan.amount,
                    fee=loan.admin_fee,
                    method="tunai",
                    note=f"Pencairan pinjaman {number}",
                    transfer=payoff or None,  # to the old loan through 1114, not Kas/Bank
                ),
                actor,
            )
            paid = LoanDisbursement(number, on, loan.amount - loan.admin_fee - payoff)
            before = self.repo.loan_snapshot(loan.id)
            self.repo.record_disbursement(loan.id, paid)
            after = paid.values()
            changed = {k: before.get(k) for k in after}
            self.audit.record(actor.id, "cairkan", "pinjaman", loan.id, changed, after)
            if payoff:
                assert loan.replaces_loan_id is not None  # a payoff exists only for a replacement
                self.payments.pay_off(
                    actor,
                    loan.replaces_loan_id,
                    on,
                    PaymentMethod.PINJAMAN_BARU,
                    note=f"Dilunasi dari pencairan pinjaman {number}",
                    today=today,
                    replacing=True,
                )
        return self.get(loan_id)

    def replacement_payoff(self, old_loan_id: int, net: int, on: date) -> int:
        """What paying off the loan a new one replaces takes on `on` (0 once it is no longer
        aktif); ValidationError at 'amount' when the pay-out `net` does not cover it."""
        old = self.get(old_loan_id)
        if old.status != LoanStatus.AKTIF:
            return 0
        payoff = self.payments.payoff_quote(old.id, on).total
        if payoff > net:
            raise ValidationError(
                f"Pencairan {format_rupiah(net)} tidak cukup untuk melunasi "
                f"{old.display_number} ({format_rupiah(payoff)}).",
                field="amount",
            )
        return payoff

    def create_loan(
        self,
        actor: User,
        application: LoanApplication,
        collateral: Sequence[CollateralDraft] = (),
        guarantors: Sequence[GuarantorDraft] = (),
        approve: ApprovalDraft | None = None,
        disburse: DisbursementDraft | None = None,
        *,
        today: date,
    ) -> Loan:
        """A whole new loan in one save (what the new-loan wizard calls): everything is checked
        first, errors naming their field, then application, collateral, guarantors, approval
        (APPROVE) and pay-out (RECORD_PAYMENT) are written in one transaction — all or nothing.
        Without `approve` the loan stays diajukan. See app/loans/creation.py."""
        return LoanCreation(self.db, self).create(
            actor, application, collateral, guarantors, approve, disburse, today
        )

    # -- collateral and guarantors (app/loans/collateral.py) --------------------------------
    def add_collateral(self, actor: User, loan_id: int, draft: CollateralDraft) -> Collateral:
        """Add one item of collateral (PROPOSE or EDIT_MEMBERS; audited)."""
        return self.security.add_collateral(actor, self.get(loan_id), draft)

    def release_collateral(
        self, actor: User, collateral_id: int, on: date, note: str
    ) -> Collateral:
        """Mark collateral as returned to its owner (audited); the record stays."""
        return self.security.release_collateral(actor, collateral_id, on, note)

    def collateral(self, loan_id: int) -> list[Collateral]:
        return self.repo.collateral(loan_id)

    def add_guarantor(self, actor: User, loan_id: int, draft: GuarantorDraft) -> Guarantor:
        """Add a guarantor (penjamin); NIK and phone checked when given (audited)."""
        return self.security.add_guarantor(actor, self.get(loan_id), draft)

    def guarantors(self, loan_id: int) -> list[Guarantor]:
        return self.repo.guarantors(loan_id)

    # -- reading ------------------------------------------------------------------------------
    def get(self, loan_id: int) -> Loan:
        """The loan, or NotFound."""
        loan = self.repo.loan(loan_id)
        if loan is None:
            raise NotFound("Pinjaman tidak ditemukan.")
        return loan

    def schedule(self, loan_id: int, as_of: date) -> list[ScheduleLine]:
        """The current schedule with each instalment's paid/partly paid/overdue state at as_of."""
        return list(self.quality.position(self.get(loan_id), as_of).lines)

    def detail(self, loan_id: int, as_of: date) -> LoanDetail:
        """Terms, schedule with state, events, collateral, guarantors, arrears, class history."""
        loan = self.get(loan_id)
        pos = self.quality.position(loan, as_of)
        aktif = loan.status == LoanStatus.AKTIF and loan.disbursed_on is not None
        return LoanDetail(
            loan=loan,
            as_of=as_of,
            schedule=pos.lines,
            events=tuple(self.events.for_loan(loan_id)),
            collateral=tuple(self.repo.collateral(loan_id)),
            guarantors=tuple(self.repo.guarantors(loan_id)),
            arrears=self.quality.arrears_of(loan, pos) if aktif else None,
            class_history=tuple(self.quality.class_history(loan_id)),
            titipan=self.events.titipan(loan_id, as_of),
        )

    def list_rows(
        self,
        as_of: date,
        filters: LoanFilter | None = None,
        *,
        offset: int = 0,
        limit: int = 100,
        order: str = "number",
    ) -> list[LoanRow]:
        """One page of the loans list with figures as of `as_of` (order: 'number', 'member',
        'outstanding', 'days' (most overdue first) or 'arrears')."""
        return self.listing.rows(
            as_of, self.quality.policy(), filters or LoanFilter(), offset, limit, order
        )

    def count_rows(self, as_of: date, filters: LoanFilter | None = None) -> int:
        return self.listing.count(as_of, self.quality.policy(), filters or LoanFilter())

    def member_loans(self, member_id: int, as_of: date) -> list[LoanRow]:
        """All loans of one member (any status), newest first."""
        filters = LoanFilter(member_id=member_id, statuses=tuple(LoanStatus))
        return self.listing.rows(as_of, self.quality.policy(), filters, 0, 1000, "newest")

    # -- helpers ------------------------------------------------------------------------------
    def _next_number(
        self, setting: str, sequence: str, on: date, column: str, doc_code: str
    ) -> str:
        pattern = str(self.settings.get(setting))
        code = self.settings.profile().code
        year = on.year if resets_yearly(pattern) else 0
        while True:
            seq = self.repo.next_seq(sequence, year)
            number = format_pattern(pattern, seq, on, code, doc_code)
            if not self.repo.number_exists(column, number):
                return number
