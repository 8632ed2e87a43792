"""Arrears and loan quality as of any date, for one loan or every aktif loan (in SQL)."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date, timedelta

from app.errors import NotFound, ValidationError
from app.formats import format_date_long
from app.ledger.service import LedgerService
from app.loans.accrual_job import JasaAccrualJob
from app.loans.allowance import allowance_policy
from app.loans.models import ClassHistoryEntry, Loan, LoanArrears, LoanStatus
from app.loans.portfolio_models import MonthEndRun
from app.loans.position import Position, is_bullet, loan_position, months_in_diragukan
from app.loans.quality import (
    Arrears,
    QualityPolicy,
    classify,
    custom_policy,
    koperasi_policy,
    months_overdue,
    npl_ratio,
    parse_custom_limits,
    quality_policy,
)
from app.settings.service import SettingsService
from app.storage.audit_repo import AuditRepository
from app.storage.engine import Engine
from app.storage.ledger_controls_repo import LedgerControlsRepository
from app.storage.loans_events_repo import LoanEventsRepository
from app.storage.loans_portfolio_repo import LoanPortfolioRepository
from app.storage.loans_quality_repo import LoanQualityRepository
from app.storage.loans_repo import LoansRepository
from app.storage.loans_snapshots_repo import LoanSnapshotsRepository
from app.storage.units import write_unit
from app.users.models import User
from app.users.permissions import Action, require

_BOOKED = ("aktif", "lunas", "lunas_keringanan", "direstrukturisasi", "hapus_buku", "hapus_tagih")


class LoanQualityService:
    def __init__(
        self,
        db: Engine,
        audit: AuditRepository,
        settings: SettingsService,
        ledger: LedgerService | None = None,
    ) -> None:
        """`ledger`: the books the month-end PPAP adjustment posts to (default policy else)."""
        self.db = db
        self.audit = audit
        self.settings = settings
        self.ledger = ledger or LedgerService(db, audit)
        self.portfolio = LoanPortfolioRepository(db)
        self.loans = LoansRepository(db)
        self.events = LoanEventsRepository(db)
        self.repo = LoanQualityRepository(db)
        self.snapshots = LoanSnapshotsRepository(db)
        self.accruals = JasaAccrualJob(self.ledger)  # akrual Lancar (books.jasa_basis)

    def policy(self) -> QualityPolicy:
        """The classification policy chosen in Settings (loans.quality_policy)."""
        key = str(self.settings.get("loans.quality_policy"))
        if key == "koperasi":
            return koperasi_policy(int(self.settings.get("loans.macet_after_months")))
        if key == "custom":
            return custom_policy(
                parse_custom_limits(str(self.settings.get("loans.custom_quality_limits"))),
                measure=str(self.settings.get("loans.custom_quality_measure")),
            )
        return quality_policy(key)

    # -- one loan (Python, the pure position) ---------------------------------------------------
    def position(self, loan: Loan, as_of: date) -> Position:
        """The loan's schedule state, arrears and denda at `as_of` (see app.loans.position)."""
        version = loan.schedule_version
        settled = self.events.settled(loan.id, version, as_of)
        return loan_position(
            self.loans.schedule(loan.id, version),
            settled.pokok,
            settled.jasa,
            settled.denda,
            self.events.charges(loan.id, version, as_of),
            loan.denda_rule,
            as_of,
        )

    def arrears(self, loan_id: int, as_of: date) -> LoanArrears:
        """One loan's arrears and class at `as_of`."""
        loan = self.loans.loan(loan_id)
        if loan is None:
            raise NotFound("Pinjaman tidak ditemukan.")
        return self.arrears_of(loan, self.position(loan, as_of))

    def arrears_of(self, loan: Loan, pos: Position) -> LoanArrears:
        """LoanArrears (with class under the chosen policy) from a computed position."""
        policy = self.policy()
        as_of = pos.as_of
        collateral_value = sum(
            item.estimated_value
            for item in self.loans.collateral(loan.id)
            if item.released_on is None or item.released_on > as_of
        )
        oldest = pos.oldest_due
        bullet = is_bullet(pos.lines)
        quality = classify(
            Arrears(
                days_past_due=pos.days_past_due,
                months_principal_arrears=months_overdue(pos.oldest_pokok_due, as_of),
                months_interest_arrears=months_overdue(pos.oldest_jasa_due, as_of),
                installments_missed=pos.installments_missed,
                outstanding=pos.outstanding + pos.arrears_jasa,
                collateral_value=collateral_value,
                rescuable=loan.rescuable,
                months_in_diragukan_without_payment=months_in_diragukan(
                    pos.oldest_pokok_due,
                    pos.oldest_jasa_due,
                    self.events.last_payment_date(loan.id, as_of),
                    as_of,
                    bullet=bullet,
                ),
                in_court=loan.in_court,
                bullet=bullet,
            ),
            policy,
        )
        settled = self.events.settled(loan.id, loan.schedule_version, as_of)
        return LoanArrears(
            loan_id=loan.id,
            as_of=as_of,
            days_past_due=pos.days_past_due,
            oldest_due=oldest,
            oldest_pokok_due=pos.oldest_pokok_due,
            oldest_jasa_due=pos.oldest_jasa_due,
            installments_missed=pos.installments_missed,
            arrears_pokok=pos.arrears_pokok,
            arrears_jasa=pos.arrears_jasa,
            arrears_denda=pos.arrears_denda,
            outstanding=pos.outstanding,
            titipan=settled.titipan,
            collateral_value=collateral_value,
            quality=quality,
            policy_name=policy.name,
        )

    # -- every loan (SQL) -----------------------------------------------------------------------
    def all_arrears(self, as_of: date) -> list[LoanArrears]:
        """Every loan aktif at `as_of`, computed in SQL."""
        return self.repo.arrears(as_of, self.policy())

    def not_current_between(self, loan_ids: Collection[int], start: date, end: date) -> set[int]:
        """The loans of `loan_ids` with something overdue on some day of [start, end], or pokok
        or jasa in arrears at `end`. Arrears begin only the day after an instalment falls due,
        so each loan is checked at `start`, the day after each of its due dates inside the
        window, and `end`: one SQL statement per such day for every loan that needs it."""
        days: dict[date, set[int]] = {start: set(loan_ids), end: set(loan_ids)}
        for loan_id, due in self.repo.due_dates(loan_ids, start, end - timedelta(days=1)):
            days.setdefault(due + timedelta(days=1), set()).add(loan_id)
        policy = self.policy()
        behind: set[int] = set()
        for day, ids in sorted(days.items()):
            for a in self.repo.arrears(day, policy, sorted(ids - behind)) if ids - behind else ():
                if a.days_past_due > 0 or (day == end and a.arrears_pokok + a.arrears_jasa > 0):
                    behind.add(a.loan_id)
        return behind

    def states(self, loan_ids: Iterable[int]) -> dict[int, tuple[LoanStatus, date | None]]:
        """Each loan's status and the day it closed (None: still open), read at once."""
        return self.repo.states(loan_ids)

    def class_counts(self, as_of: date) -> dict[str, tuple[int, int]]:
        """Class code -> (number of loans, outstanding) at `as_of`, in SQL."""
        return self.repo.class_counts(as_of, self.policy())

    # -- month-end ------------------------------------------------------------------------------
    @write_unit
    def month_end(self, actor: User, as_of: date, *, rerun: bool = False) -> MonthEndRun:
        """Store every aktif loan's class and arrears at `as_of` (MONTH_END). A date already
        run is refused (ValidationError) unless `rerun`, which records a new run beside the old
        one (history reads the latest run of each date; nothing is replaced or deleted)."""
        require(actor, Action.MONTH_END)
        policy = self.policy()
        with self.db.atomic():
            previous = self.snapshots.last_run_no(as_of)
            if previous and not rerun:
                raise ValidationError(
                    f"Tutup bulan per {format_date_long(as_of)} sudah pernah dijalankan. "
                    "Hasil lama tetap disimpan; jalankan ulang hanya bila memang perlu "
                    "(hasil baru dicatat sebagai proses berikutnya).",
                    field="as_of",
                )
            counts = self.repo.class_counts(as_of, policy)
            by_class = {code: total for code, (_, total) in counts.items()}
            loans = sum(n for n, _ in counts.values())
            run_id = self.snapshots.insert_run(
                as_of,
                previous + 1,
                policy,
                loans,
                sum(by_class.values()),
                npl_ratio(by_class),
                actor.id,
            )
            self.audit.record(
                actor.id,
                "tutup bulan",
                "kolektibilitas",
                run_id,
                None,
                {
                    "as_of": as_of.isoformat(),
                    "run_no": previous + 1,
                    "policy": policy.key,
                    "loans": loans,
                },
            )
            self._book_ppap(actor, run_id, as_of, policy)
            run = self.run(run_id)
            self.accruals.run(actor, run_id, as_of, self.snapshots.snapshot(run))
        return run

    def _book_ppap(self, actor: User, run_id: int, as_of: date, policy: QualityPolicy) -> None:
        """The month's PPAP journal per loan: Δ = required − booked (a marker when 0); a loan
        no longer aktif releases what is still booked for it (LEDGER.md §2.2)."""
        allowance = allowance_policy(str(self.settings.get("loans.allowance_policy")))
        required = self.portfolio.required_by_loan(as_of, policy, allowance)
        account = self.ledger.accounts.resolver(as_of).role("ppap_cadangan")
        for loan_id, booked in LedgerControlsRepository(self.db).loan_balances(account).items():
            if booked and loan_id not in required:
                required[loan_id] = 0
        for loan_id, amount in sorted(required.items()):
            self.ledger.post(self.ledger.ppap_adjustment(run_id, loan_id, amount, as_of), actor)

    def run(self, run_id: int) -> MonthEndRun:
        run = self.snapshots.run(run_id)
        if run is None:
            raise NotFound("Proses tutup bulan tidak ditemukan.")
        return run

    def runs(self) -> list[MonthEndRun]:
        """Every month-end run, newest first."""
        return self.snapshots.runs()

    def snapshot(self, run_id: int) -> list[LoanArrears]:
        """The loans stored by one month-end run."""
        return self.snapshots.snapshot(self.run(run_id))

    def snapshot_classes(self, run_id: int) -> dict[int, str]:
        """Each loan's class as one month-end run stored it."""
        return self.snapshots.classes(self.run(run_id).id)

    def outstanding_by_class(self, run_id: int) -> dict[str, int]:
        """One month-end run's outstanding principal per class (summed where it is stored)."""
        return self.snapshots.outstanding_by_class(self.run(run_id).id)

    def class_history(self, loan_id: int) -> list[ClassHistoryEntry]:
        """The loan's class at each month-end (latest run per date), oldest first."""
        return self.snapshots.class_history(loan_id)


def is_booked(status: LoanStatus) -> bool:
    """A loan that was disbursed (whether still open or closed since)."""
    return status.value in _BOOKED
