"""Portfolio figures: outstanding by class, NPL ratio and health band, ageing, allowance."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.errors import ValidationError
from app.loans.allowance import AllowancePolicy, allowance_policy
from app.loans.portfolio_models import AllowanceBooking, PortfolioSummary
from app.loans.quality import AGEING_BUCKETS, CLASS_ORDER, health_band, npl_ratio
from app.settings.service import SettingsService
from app.storage.audit_repo import AuditRepository
from app.storage.engine import Engine
from app.storage.loans_portfolio_repo import LoanPortfolioRepository
from app.storage.units import write_unit
from app.users.models import User
from app.users.permissions import Action, require

if TYPE_CHECKING:
    from app.loans.arrears import LoanQualityService


class PortfolioService:
    def __init__(
        self,
        db: Engine,
        audit: AuditRepository,
        settings: SettingsService,
        quality: LoanQualityService,
    ) -> None:
        self.db = db
        self.audit = audit
        self.settings = settings
        self.quality = quality
        self.repo = LoanPortfolioRepository(db)

    def allowance_policy(self) -> AllowancePolicy:
        """The PPAP preset chosen in Settings (loans.allowance_policy)."""
        return allowance_policy(str(self.settings.get("loans.allowance_policy")))

    def summary(self, as_of: date) -> PortfolioSummary:
        """Outstanding by class, NPL + health band, ageing buckets, allowance required (per
        loan, after deductible collateral) versus the latest booked figure on or before as_of.
        Written-off loans are off the books and not counted."""
        policy = self.quality.policy()
        allowance = self.allowance_policy()
        by_class: dict[str, int] = {}
        counts: dict[str, int] = {}
        required: dict[str, int] = {}
        ageing = {label: 0 for _, label in AGEING_BUCKETS}
        ageing_counts = {label: 0 for _, label in AGEING_BUCKETS}
        ap = aj = ad = 0
        for g in self.repo.groups(as_of, policy, allowance):
            by_class[g.quality] = by_class.get(g.quality, 0) + g.outstanding
            counts[g.quality] = counts.get(g.quality, 0) + g.loans
            required[g.quality] = required.get(g.quality, 0) + g.required
            if g.bucket is not None:
                ageing[g.bucket] += g.outstanding
                ageing_counts[g.bucket] += g.loans
            ap, aj, ad = ap + g.arrears_pokok, aj + g.arrears_jasa, ad + g.arrears_denda
        order = [c for c in CLASS_ORDER if c in policy.classes or c in by_class]
        ratio = npl_ratio(by_class)
        booked = self.repo.latest_booking(as_of)
        return PortfolioSummary(
            as_of=as_of,
            policy_name=policy.name,
            allowance_policy_name=allowance.name,
            loan_count=sum(counts.values()),
            total_outstanding=sum(by_class.values()),
            outstanding_by_class={c: by_class.get(c, 0) for c in order},
            count_by_class={c: counts.get(c, 0) for c in order},
            npl_ratio=ratio,
            health_band=health_band(ratio),
            ageing=ageing,
            ageing_counts=ageing_counts,
            allowance_required=sum(required.values()),
            allowance_by_class={c: required.get(c, 0) for c in order},
            allowance_booked=booked.amount if booked else 0,
            allowance_booked_on=booked.as_of if booked else None,
            arrears_pokok=ap,
            arrears_jasa=aj,
            arrears_denda=ad,
        )

    def booked(self, as_of: date) -> AllowanceBooking | None:
        """The latest booked PPAP figure on or before `as_of`."""
        return self.repo.latest_booking(as_of)

    @write_unit
    def book_allowance(
        self, actor: User, as_of: date, amount: int, note: str = ""
    ) -> AllowanceBooking:
        """Record the PPAP balance as booked at `as_of` (EDIT_SETTINGS, audited). A later
        booking supersedes it; nothing is edited."""
        require(actor, Action.EDIT_SETTINGS)
        if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
            raise ValidationError("Saldo PPAP harus Rp0 atau lebih.", field="amount")
        policy = self.allowance_policy()
        with self.db.atomic():
            booking_id = self.repo.insert_booking(as_of, amount, policy, note.strip(), actor.id)
            self.audit.record(
                actor.id,
                "catat",
                "ppap",
                booking_id,
                None,
                {"as_of": as_of.isoformat(), "amount": amount, "policy": policy.key},
                note=note.strip(),
            )
        booking = self.repo.booking(booking_id)
        assert booking is not None
        return booking

    def bookings(self) -> list[AllowanceBooking]:
        """Every booked figure, newest first."""
        return self.repo.bookings()
