"""What every money event of a loan shares: the loan it may be written on, the date rules,
the amount and method checks, and closing or reopening the loan when an event settles it or
makes it owe again. The services that write events (receipts, payoff, reversals, waivers,
titipan) are built on one LoanLedger."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.errors import NotFound, ValidationError
from app.formats import format_date_long
from app.ledger.derive import loan_event
from app.ledger.posting import post_derived
from app.ledger.service import LedgerService
from app.loans.allocation import Allocation
from app.loans.models import Loan, LoanStatus, Payment, PaymentMethod
from app.storage.audit_repo import AuditRepository
from app.storage.engine import Engine
from app.storage.loans_events_repo import LoanEventsRepository, NewEvent
from app.storage.loans_repo import LoansRepository
from app.storage.loans_rows import StatusChange
from app.users.models import User

if TYPE_CHECKING:
    from app.loans.arrears import LoanQualityService

MAX_AMOUNT = 10_000_000_000

EventLines = tuple[tuple[int | None, str, int], ...]


def event_lines(allocation: Allocation) -> EventLines:
    """An allocation's lines as stored with an event."""
    return tuple((ln.number, ln.component, ln.amount) for ln in allocation.lines)


def check_amount(amount: int, *, allow_zero: bool) -> None:
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError(f"rupiah amounts are int, got {type(amount).__name__}")
    if amount < 0 or (amount == 0 and not allow_zero):
        raise ValidationError("Jumlah harus lebih dari Rp0.", field="amount")
    if amount > MAX_AMOUNT:
        raise ValidationError("Jumlah terlalu besar, periksa lagi.", field="amount")


def check_method(method: PaymentMethod | str, allow: PaymentMethod | None = None) -> PaymentMethod:
    """The payment method, or a clear message when it is none of PaymentMethod. The services
    take its value as a str too: a method read back from a stored decision (app/collection).
    A method no form offers (a transfer through 1114 that needs its partner record) only
    where the caller makes that partner: `allow`."""
    try:
        paid_by = PaymentMethod(method)
    except ValueError:
        raise ValidationError("Pilih cara bayar.", field="method") from None
    if not paid_by.offered and paid_by != allow:
        raise ValidationError(
            f"Cara bayar {paid_by.label} hanya dicatat oleh program sendiri (kompensasi "
            "simpanan lewat Penagihan, pelunasan dari pencairan pinjaman baru). Pilih cara "
            "bayar lain.",
            field="method",
        )
    return paid_by


class LoanLedger:
    """The loan's events as a ledger: read them, and the rules every new event obeys."""

    def __init__(
        self,
        db: Engine,
        audit: AuditRepository,
        quality: LoanQualityService,
        loans: LoansRepository,
        events: LoanEventsRepository,
        books: LedgerService,
    ) -> None:
        self.db = db
        self.audit = audit
        self.quality = quality
        self.loans = loans
        self.events = events
        self.books = books

    def record(self, loan: Loan, event: NewEvent, actor: User | None) -> int:
        """Store a money event of `loan` and post its journal (or reverse the journal of the
        event it undoes) in the caller's transaction; returns the event id."""
        event_id = self.events.insert(event, actor.id if actor else None)
        stored = self.get(event_id)
        original = self.get(stored.reverses_id) if stored.reverses_id is not None else None
        derived = loan_event(stored, loan.member_id, loan.product_id, original)
        post_derived(self.books, derived, actor)
        return event_id

    def get(self, event_id: int) -> Payment:
        event = self.events.get(event_id)
        if event is None:
            raise NotFound("Transaksi pinjaman tidak ditemukan.")
        return event

    def loan(self, loan_id: int) -> Loan:
        loan = self.loans.loan(loan_id)
        if loan is None:
            raise NotFound("Pinjaman tidak ditemukan.")
        return loan

    def open_loan(self, loan_id: int, on: date) -> Loan:
        """The loan, when it may receive money on `on` (aktif, disbursed by then)."""
        loan = self.loan(loan_id)
        if loan.status != LoanStatus.AKTIF or loan.disbursed_on is None:
            raise ValidationError(
                f"Pinjaman {loan.display_number} berstatus {loan.status.label}: tidak bisa "
                "menerima pembayaran.",
                field="loan",
            )
        if on < loan.disbursed_on:
            raise ValidationError("Tanggal sebelum pencairan pinjaman.", field="on")
        return loan

    def check_date(self, loan: Loan, on: date, today: date | None) -> None:
        """Not after today, not before the loan's latest event."""
        if on > (today or date.today()):
            raise ValidationError("Tanggal tidak boleh setelah hari ini.", field="on")
        latest = self.events.latest_event_date(loan.id)
        if latest is not None and on < latest:
            raise ValidationError(
                f"Sudah ada transaksi pinjaman ini pada {format_date_long(latest)}; transaksi "
                "baru tidak boleh bertanggal lebih awal.",
                field="on",
            )

    def close(self, actor: User | None, loan: Loan, on: date) -> None:
        """The loan is settled on `on`: lunas, or lunas_keringanan when pokok or jasa was
        waived (audited)."""
        waived = self.events.has_standing_waiver_of_pokok_or_jasa(loan.id)
        status = LoanStatus.LUNAS_KERINGANAN if waived else LoanStatus.LUNAS
        self.loans.set_status(loan.id, StatusChange(status, closed_on=on))
        self.audit.record(
            actor.id if actor else None,
            "lunas",
            "pinjaman",
            loan.id,
            {"status": loan.status.value, "closed_on": None},
            {"status": status.value, "closed_on": on.isoformat()},
        )

    def reopen(self, actor: User, loan: Loan) -> None:
        """A closed loan that owes again becomes aktif (audited)."""
        self.loans.set_status(loan.id, StatusChange(LoanStatus.AKTIF, closed_on=None))
        self.audit.record(
            actor.id,
            "buka kembali",
            "pinjaman",
            loan.id,
            {
                "status": loan.status.value,
                "closed_on": loan.closed_on.isoformat() if loan.closed_on else None,
            },
            {"status": LoanStatus.AKTIF.value, "closed_on": None},
        )
