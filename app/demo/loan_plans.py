"""Which demo members borrow, how much, for how long, with which product and habit, and the
collateral and guarantors of the larger loans."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, timedelta

from app.demo.loan_sim import Behaviour
from app.formats import add_months
from app.loans.models import LoanProduct, LoanStatus
from app.storage.loans_bulk import DemoBorrower

PAYROLL_JOBS = {"Guru", "PNS", "Karyawan swasta", "Perawat", "Bidan", "Perangkat kelurahan"}
TRADERS = {
    "Pedagang pasar",
    "Pemilik warung",
    "Wiraswasta",
    "Pengusaha bordir",
    "Penjahit",
    "Perajin sepatu",
    "Penjual makanan keliling",
}
_PURPOSES = {
    "trader": (
        "Tambahan modal dagang",
        "Modal usaha warung",
        "Beli stok barang dagangan",
        "Tambahan modal usaha",
        "Beli etalase dan perlengkapan usaha",
    ),
    "farmer": (
        "Modal tanam padi",
        "Beli pupuk dan bibit",
        "Sewa sawah satu musim",
        "Beli pompa air sawah",
    ),
    "other": (
        "Biaya sekolah anak",
        "Renovasi rumah",
        "Beli sepeda motor",
        "Biaya berobat",
        "Biaya pernikahan anak",
        "Perbaikan atap rumah",
        "Biaya masuk kuliah anak",
        "Beli perabot rumah tangga",
        "Biaya khitanan anak",
    ),
}
REJECT_REASONS = (
    "Penghasilan tidak cukup untuk angsuran yang diminta",
    "Simpanan wajib masih menunggak, diminta melunasi dulu",
    "Masih ada pinjaman lain di koperasi yang belum lancar",
    "Agunan tidak sesuai dengan plafon yang diminta",
)


@dataclass
class LoanPlan:
    member: DemoBorrower
    product: LoanProduct
    amount: int
    months: int
    application_date: date
    decided_on: date | None
    disbursed_on: date | None
    first_due: date
    purpose: str
    behaviour: Behaviour
    stop: date | None
    status: LoanStatus  # planned: diajukan / disetujui / ditolak / aktif (the rest by history)
    seed: int
    decision_note: str = ""

    @property
    def planned_end(self) -> date:
        return add_months(self.first_due, self.months - 1, anchor_day=self.first_due.day)


def _kind(member: DemoBorrower) -> str:
    if member.occupation in TRADERS:
        return "trader"
    if member.occupation in ("Petani", "Buruh tani"):
        return "farmer"
    return "other"


class PlanFactory:
    def __init__(self, rng: random.Random, today: date, products: dict[str, LoanProduct]) -> None:
        self.rng = rng
        self.today = today
        self.products = products
        self.history_start = date(today.year - 8, today.month, 1)

    def plans_for(self, member: DemoBorrower, rate: float = 1.0) -> list[LoanPlan]:
        """The member's loans, one after the other (sometimes overlapping), up to today."""
        rng = self.rng
        if rng.random() > 0.85:
            return []
        end = member.status_date if member.status_date else self.today
        start = max(member.join_date, self.history_start) + timedelta(days=rng.randint(30, 240))
        plans: list[LoanPlan] = []
        size = math.exp(rng.gauss(0, 0.6))  # this member borrows more or less than others
        recent = self.today - timedelta(days=21)
        while start < end:
            if start > recent:
                if member.status == "aktif" and rng.random() < 0.15:
                    plans.append(self._pending(self._plan(member, recent, size)))
                break
            plan = self._plan(member, start, size)
            if member.status_date and plan.planned_end > member.status_date:
                break
            plans.append(plan)
            if plan.behaviour == Behaviour.BERHENTI:
                break  # no new loan while one is in trouble
            if plan.status == LoanStatus.DITOLAK and rng.random() < 0.5:
                break
            gap = rng.randint(0, int(90 / rate))
            if rng.random() < 0.6:  # a second loan while the first still runs
                start = plan.first_due + timedelta(days=rng.randint(60, 300))
            else:
                start = plan.planned_end + timedelta(days=gap)
        return plans

    def _plan(self, member: DemoBorrower, start: date, size: float) -> LoanPlan:
        rng = self.rng
        payroll = member.occupation in PAYROLL_JOBS
        kind = _kind(member)
        amount = int(min(50e6, max(1e6, 5.5e6 * size * math.exp(rng.gauss(0, 0.7)))))
        amount = max(1_000_000, amount // 500_000 * 500_000)
        if payroll and rng.random() < 0.7:
            product = self.products["karyawan"]
        elif amount <= 5_000_000 and rng.random() < 0.35:
            product = self.products["kilat"]
        elif kind == "trader" and amount >= 5_000_000 and rng.random() < 0.5:
            product = self.products["usaha"]
        elif amount >= 10_000_000 and rng.random() < 0.1:
            product = self.products["anuitas"]
        else:
            product = self.products["umum"]
        amount = min(max(amount, product.min_amount), product.max_amount)
        choices = [
            m
            for m in (6, 10, 12, 12, 18, 24, 24, 36)
            if product.min_months <= m <= product.max_months
        ]
        if amount >= 20_000_000:
            choices = [m for m in choices if m >= 18] or choices
        months = rng.choice(choices)
        applied = start
        decided = applied + timedelta(days=rng.randint(1, 6))
        disbursed = decided + timedelta(days=rng.randint(0, 4))
        first_due = add_months(disbursed, 1)
        purpose = rng.choice(_PURPOSES[kind])
        plan = LoanPlan(
            member=member,
            product=product,
            amount=amount,
            months=months,
            application_date=applied,
            decided_on=decided,
            disbursed_on=disbursed,
            first_due=first_due,
            purpose=purpose,
            behaviour=Behaviour.TERTIB,
            stop=None,
            status=LoanStatus.AKTIF,
            seed=rng.getrandbits(32),
            decision_note="Disetujui rapat pengurus",
        )
        if rng.random() < 0.02:
            plan.status, plan.disbursed_on = LoanStatus.DITOLAK, None
            plan.decision_note = rng.choice(REJECT_REASONS)
            return plan
        self._behaviour(plan, payroll)
        return plan

    def _pending(self, plan: LoanPlan) -> LoanPlan:
        """An application made in the last weeks: waiting for a decision or for disbursement."""
        rng = self.rng
        plan.application_date = self.today - timedelta(days=rng.randint(0, 20))
        plan.disbursed_on = None
        if rng.random() < 0.5:
            plan.status, plan.decided_on, plan.decision_note = LoanStatus.DIAJUKAN, None, ""
        else:
            plan.status = LoanStatus.DISETUJUI
            plan.decided_on = min(self.today, plan.application_date + timedelta(days=2))
        plan.first_due = add_months(self.today, 1)
        return plan

    def _behaviour(self, plan: LoanPlan, payroll: bool) -> None:
        rng = self.rng
        current = plan.planned_end > self.today
        weights: tuple[float, ...]
        if payroll:
            weights = (92, 4, 3, 1) if current else (93, 3, 1, 3)
        else:
            weights = (68, 17, 12, 3) if current else (78.3, 16, 0.7, 5)
        plan.behaviour = rng.choices(
            (Behaviour.TERTIB, Behaviour.TELAT, Behaviour.BERHENTI, Behaviour.PERCEPAT), weights
        )[0]
        if plan.behaviour != Behaviour.BERHENTI:
            return
        assert plan.disbursed_on is not None
        if current:
            ago = rng.choice(
                (
                    rng.randint(20, 80),
                    rng.randint(100, 190),
                    rng.randint(95, 180),
                    rng.randint(190, 420),
                    rng.randint(200, 900),
                )
            )
            plan.stop = max(plan.disbursed_on, self.today - timedelta(days=ago))
        else:
            span = (plan.planned_end - plan.disbursed_on).days
            plan.stop = plan.disbursed_on + timedelta(days=int(span * rng.uniform(0.2, 0.9)))


def collateral_rows(
    rng: random.Random,
    plan: LoanPlan,
    loan_id: int,
    user_id: int | None,
    stamp: str,
    released_on: date | None,
) -> list[tuple[object, ...]]:
    """Collateral for loans from Rp10 juta: vehicle papers, land titles for the largest."""
    if plan.amount < 10_000_000 or rng.random() < 0.15:
        return []
    owner = plan.member.name
    if plan.amount >= 25_000_000 and rng.random() < 0.7:
        kind = rng.choices(("land_mortgage", "land", "informal_title"), (5, 3, 2))[0]
        value = int(plan.amount * rng.uniform(1.3, 4.0)) // 1_000_000 * 1_000_000
        tax = int(value * rng.uniform(0.4, 0.7)) // 100_000 * 100_000 if kind == "land" else 0
        number = rng.randint(100, 4999)
        document = (
            f"Letter C No. {number}"
            if kind == "informal_title"
            else f"SHM No. {number}/{rng.choice(('Balongsari', 'Gedongan', 'Kranggan'))}"
        )
        area = rng.choice((72, 90, 105, 120, 150, 200, 250, 400))
        description = (
            f"Tanah dan bangunan rumah, luas {area} m²"
            if kind != "informal_title"
            else f"Tanah pekarangan, luas {area} m²"
        )
    else:
        kind, tax = rng.choices(("vehicle_fiducia", "vehicle"), (7, 3))[0], 0
        car = plan.amount >= 30_000_000 and rng.random() < 0.5
        value = int(plan.amount * rng.uniform(0.8, 2.0)) // 500_000 * 500_000
        year = rng.randint(2012, 2023)
        model = (
            rng.choice(("Toyota Avanza", "Daihatsu Xenia", "Suzuki Carry"))
            if car
            else (rng.choice(("Honda Beat", "Honda Vario 125", "Yamaha NMAX", "Honda Supra X 125")))
        )
        # The kind already says BPKB ("BPKB kendaraan …"): description and number do not repeat it.
        description = f"{model} tahun {year}"
        document = f"{rng.choice('LMNPQRS')}-{rng.randint(1000000, 9999999)}"
    return [
        (
            loan_id,
            kind,
            description,
            document,
            owner,
            value,
            tax,
            "",
            released_on.isoformat() if released_on else None,
            "Dikembalikan setelah lunas" if released_on else "",
            user_id,
            stamp,
        )
    ]


def guarantor_rows(
    rng: random.Random, plan: LoanPlan, loan_id: int, user_id: int | None, stamp: str
) -> list[tuple[object, ...]]:
    """The spouse guarantees loans from Rp5 juta when there is one."""
    if plan.amount < 5_000_000 or not plan.member.spouse_name:
        return []
    relation = "istri" if plan.member.sex == "L" else "suami"
    return [
        (
            loan_id,
            plan.member.spouse_name,
            "",
            relation,
            "Serumah dengan peminjam",
            "",
            user_id,
            stamp,
        )
    ]
