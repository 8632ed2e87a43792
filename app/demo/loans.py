"""Demo loans: a realistic share of the demo members borrow, in every state — current, a
little late, Kurang Lancar, Diragukan, Macet, paid off (some early), pending applications —
with their full repayment histories, collateral and guarantors, a year of month-end
quality snapshots and a booked allowance. Written in bulk, one audit entry per batch."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import fields
from datetime import date, timedelta
from decimal import Decimal
from operator import attrgetter
from typing import Any

from app.demo.loan_plans import (
    LoanPlan,
    PlanFactory,
    collateral_rows,
    guarantor_rows,
)
from app.demo.loan_sim import (
    DISBURSE,
    PAY,
    PAYOFF_DISCOUNT,
    REFUND,
    REVERSAL,
    WAIVER,
    Behaviour,
    LoanSim,
    SimEvent,
    visit_dates,
)
from app.demo.spill import SortedSpill
from app.formats import add_months
from app.loans.models import EventKind, LoanProduct, LoanProductDraft, LoanStatus
from app.loans.schedule import ScheduleTerms, build_schedule
from app.loans.service import AGREEMENT_SEQUENCE, APPLICATION_SEQUENCE
from app.money import format_number, format_rupiah
from app.numbering import format_pattern, resets_yearly
from app.services import Services
from app.storage.bulk import advance_sequences
from app.storage.loans_bulk import (
    BulkLoan,
    BulkLoanEvent,
    borrowers,
    insert_collateral_bulk,
    insert_guarantors_bulk,
    insert_loan_events_bulk,
    insert_loans_bulk,
    loan_count,
    next_loan_event_id,
    next_loan_id,
)
from app.storage.loans_events_repo import RECEIPT_SEQUENCE
from app.users.models import Role, User

_KINDS = {
    PAY: EventKind.PEMBAYARAN,
    REVERSAL: EventKind.PEMBALIKAN,
    WAIVER: EventKind.KERINGANAN,
    PAYOFF_DISCOUNT: EventKind.POTONGAN_PELUNASAN,
    REFUND: EventKind.TITIPAN_DIKEMBALIKAN,
    DISBURSE: EventKind.PENCAIRAN,
}
_MISTAKES = (
    "Salah ketik nominal pembayaran",
    "Dicatat pada pinjaman yang salah",
    "Uang belum diterima, transfer gagal",
)
_CHUNK = 1000  # loans (and their events, about 1.4 kB each in memory) per batch
_FIELDS = attrgetter(*(f.name for f in fields(SimEvent)))  # a SimEvent as a plain tuple
Spilled = tuple[int, int, int, SimEvent]  # (ordinal, loan_id, index within the loan, event)


def add_demo_loans(
    services: Services,
    rng: random.Random,
    today: date,
    progress: Callable[[str], None] | None = None,
    *,
    loans_per_borrower: float = 1.0,
) -> str:
    """Give the demo members loans up to `today`; a summary in Indonesian. Does nothing
    when the database already holds loans (generate_demo already adds them).

    loans_per_borrower scales how soon a member borrows again (1.0: about three loans per
    member over eight years of history, 60,000 loans for 20,000 members)."""
    say = progress or (lambda _message: None)
    if loan_count(services.file):
        return "Pinjaman contoh sudah ada; tidak ditambah lagi."
    users = _users(services)
    products = _products(services, users["admin"])
    factory = PlanFactory(rng, today, products)
    say("Menyusun pinjaman anggota …")
    plans: list[LoanPlan] = []
    for member in borrowers(services.file):
        plans += factory.plans_for(member, loans_per_borrower)
    plans.sort(key=lambda p: (p.application_date, p.member.id))
    numbers, number_sequences = _numbers(services, plans)
    say(f"Menghitung riwayat angsuran {format_number(len(plans))} pinjaman …")
    first_id = next_loan_id(services.file)
    # (ordinal, loan_id, index, event), sorted on disk: all of them would not fit in memory
    events: SortedSpill[Spilled] = SortedSpill(_pack, _unpack)
    reversed_: set[tuple[int, int]] = set()  # (loan_id, index) of the events reversed later
    count = 0
    statuses: Counter[LoanStatus] = Counter()
    with services.file.atomic():
        for start in range(0, len(plans), _CHUNK):
            chunk = plans[start : start + _CHUNK]
            loans, collateral, guarantors, chunk_events = [], [], [], []
            for offset, plan in enumerate(chunk):
                loan_id = first_id + start + offset
                loan, history = _loan(plan, numbers[start + offset], users, today)
                loans.append(loan)
                statuses[loan.status] += 1
                chunk_events += [(e.ordinal, loan_id, i, e) for i, e in enumerate(history)]
                reversed_.update((loan_id, e.reverses) for e in history if e.reverses is not None)
                stamp = loan.created_at
                released = loan.closed_on if loan.status == LoanStatus.LUNAS else None
                r = random.Random(plan.seed + 1)
                collateral += collateral_rows(r, plan, loan_id, users["kasir"].id, stamp, released)
                guarantors += guarantor_rows(r, plan, loan_id, users["kasir"].id, stamp)
            ids = insert_loans_bulk(services.file, loans)
            assert ids[0] == first_id + start, "loan ids must follow the plan order"
            insert_collateral_bulk(services.file, collateral)
            insert_guarantors_bulk(services.file, guarantors)
            events.add(chunk_events)
            count += len(chunk_events)
            say(f"  {format_number(start + len(chunk))} pinjaman disimpan …")
        say(f"Menyimpan {format_number(count)} transaksi pinjaman …")
        receipts: dict[tuple[str, int], int] = {}
        written = insert_loan_events_bulk(
            services.file,
            _event_rows(services, events, users, receipts, reversed_),
            rebuild_indexes=count > 100_000,
        )
        advance_sequences(services.file, {**number_sequences, **receipts})
        services.audit.record(
            users["admin"].id,
            "data contoh pinjaman",
            "pinjaman",
            None,
            note=f"data contoh dibuat: {len(plans)} pinjaman, {len(written)} transaksi pinjaman",
        )
    say("Menyimpan kolektibilitas akhir bulan selama setahun …")
    for months_back in range(12, 0, -1):
        month_end = add_months(today.replace(day=1), -months_back + 1) - timedelta(days=1)
        services.loans.quality.month_end(users["admin"], month_end)
    summary = services.loans.portfolio.summary(today)
    _book_allowance(services, users["ketua"], today)
    return _summary(plans, statuses, len(written), summary)


def _users(services: Services) -> dict[str, User]:
    by_role: dict[Role, User] = {}
    for user in services.users.all():
        by_role.setdefault(user.role, user)
    admin = by_role[Role.ADMIN]
    ketua = by_role.get(Role.KETUA) or by_role.get(Role.PENGURUS, admin)
    return {
        "admin": admin,
        "ketua": ketua,
        "kasir": by_role.get(Role.STAF, admin),
        "manajer": by_role.get(Role.MANAJER, admin),
    }


def _products(services: Services, admin: User) -> dict[str, LoanProduct]:
    """The shipped presets plus two products many cooperatives have."""
    by_name = {p.name: p for p in services.loans.products.all()}
    extra = {
        "Pinjaman Kilat": LoanProductDraft(
            name="Pinjaman Kilat",
            method="flat",
            monthly_rate=Decimal(2),
            min_months=3,
            max_months=12,
            min_amount=500_000,
            max_amount=5_000_000,
            admin_fee_rate=Decimal("1.5"),
        ),
        "Pinjaman Karyawan": LoanProductDraft(
            name="Pinjaman Karyawan (Potong Gaji)",
            method="flat",
            monthly_rate=Decimal(1),
            min_months=6,
            max_months=36,
            min_amount=1_000_000,
            max_amount=50_000_000,
            admin_fee_rate=Decimal("0.5"),
        ),
    }
    for draft in extra.values():
        if draft.name not in by_name:
            by_name[draft.name] = services.loans.products.create(admin, draft)
    return {
        "umum": by_name["Pinjaman Umum"],
        "usaha": by_name["Pinjaman Usaha"],
        "anuitas": by_name["Pinjaman Anuitas"],
        "kilat": by_name["Pinjaman Kilat"],
        "karyawan": by_name["Pinjaman Karyawan (Potong Gaji)"],
    }


def _numbers(
    services: Services, plans: Sequence[LoanPlan]
) -> tuple[list[tuple[str, str | None]], dict[tuple[str, int], int]]:
    """Application numbers in application order; agreement numbers in disbursement order."""
    settings, code = services.settings, services.settings.profile().code
    app_pattern = str(settings.get("loans.application_pattern"))
    agr_pattern = str(settings.get("loans.agreement_pattern"))
    last: dict[tuple[str, int], int] = {}

    def number(pattern: str, sequence: str, on: date, doc: str) -> str:
        key = (sequence, on.year if resets_yearly(pattern) else 0)
        last[key] = last.get(key, 0) + 1
        return format_pattern(pattern, last[key], on, code, doc)

    apps = [number(app_pattern, APPLICATION_SEQUENCE, p.application_date, "PM") for p in plans]
    agreements: dict[int, str] = {}
    disbursed = sorted((p.disbursed_on, i) for i, p in enumerate(plans) if p.disbursed_on)
    for on, index in disbursed:
        agreements[index] = number(agr_pattern, AGREEMENT_SEQUENCE, on, "PK")
    return [(apps[i], agreements.get(i)) for i in range(len(plans))], last


def _loan(
    plan: LoanPlan, numbers: tuple[str, str | None], users: dict[str, User], today: date
) -> tuple[BulkLoan, list[SimEvent]]:
    product = plan.product
    schedule = build_schedule(
        ScheduleTerms(
            plan.amount,
            product.annual_rate,
            plan.months,
            product.method,
            plan.first_due,
            product.round_to,
            product.round_up,
        )
    )
    status, closed, history = plan.status, None, []
    if plan.disbursed_on is not None:
        sim = LoanSim(schedule, product.denda_rule, product.alloc_order, product.alloc_mode)
        _history(random.Random(plan.seed), plan, sim, today)
        payout = SimEvent(
            plan.disbursed_on.toordinal(),
            DISBURSE,
            plan.amount,
            fee=product.admin_fee(plan.amount),
            note=f"Pencairan pinjaman {numbers[1]}",
        )
        for event in sim.events:  # indices within the history, which starts with the payout
            if event.reverses is not None:
                event.reverses += 1
        history = [payout, *sim.events]
        if sim.settled and history:
            status, closed = (
                LoanStatus.LUNAS,
                date.fromordinal(max(e.ordinal for e in history if e.kind in (PAY, WAIVER))),
            )
    clock = f"{plan.application_date.isoformat()}T{8 + plan.seed % 7:02d}:{plan.seed % 60:02d}:00"
    fee = product.admin_fee(plan.amount)
    return BulkLoan(
        application_no=numbers[0],
        number=numbers[1],
        member_id=plan.member.id,
        product=product,
        status=status,
        application_date=plan.application_date,
        amount=plan.amount,
        months=plan.months,
        first_due=plan.first_due,
        purpose=plan.purpose,
        admin_fee=fee,
        decided_by=users["ketua"].id if plan.decided_on else None,
        decided_on=plan.decided_on,
        disbursed_on=plan.disbursed_on,
        closed_on=closed,
        created_by=users["kasir"].id,
        created_at=clock,
        schedule=schedule,
        decision_note=plan.decision_note,
    ), history


def _history(rng: random.Random, plan: LoanPlan, sim: LoanSim, today: date) -> None:
    """The member's visits and payments, by their habit, up to today."""
    payroll = plan.product.name.startswith("Pinjaman Karyawan")
    payoff_at = len(sim.schedule) * rng.uniform(0.35, 0.8)
    for index, visit in enumerate(visit_dates(rng, sim.schedule, plan.behaviour)):
        if payroll and plan.behaviour == Behaviour.TERTIB:
            visit = sim.schedule[index].due_date
        if visit > today or sim.settled:
            break
        if plan.stop is not None and visit >= plan.stop:
            break
        if plan.behaviour == Behaviour.PERCEPAT and index >= payoff_at:
            sim.pay_off(visit, _method(rng, visit, payroll))
            return
        amount = sim.due_on(visit)
        if amount == 0:
            upcoming = sim.next_installment(visit)
            if upcoming is None:
                continue
            amount = upcoming.total
        if plan.behaviour == Behaviour.TELAT and amount > 200_000 and rng.random() < 0.25:
            amount = amount * rng.randint(5, 9) // 10 // 1000 * 1000  # pays part of it
        if sim.events and sim.events[-1].ordinal > visit.toordinal():
            continue
        method = _method(rng, visit, payroll)
        if rng.random() < 0.003:
            sim.pay(visit, amount * 10, method)
            sim.reverse_last(visit, rng.choice(_MISTAKES))
        if plan.behaviour == Behaviour.TELAT and rng.random() < 0.08 and sim.due_on(visit):
            sim.waive_denda(visit, rng.choice((0.5, 1.0)), "Keringanan denda: anggota sakit")
            amount = min(amount, sim.due_on(visit)) or amount
        if rng.random() < 0.02:
            amount = -(-amount // 10_000) * 10_000  # rounded up: the change goes ahead
        split = 0.3 if plan.behaviour == Behaviour.TELAT else 0.15
        if amount >= 400_000 and rng.random() < split:  # half now, the rest some days later
            first_part = amount // 2 // 1000 * 1000
            sim.pay(visit, first_part, method)
            later = visit + timedelta(days=rng.randint(3, 12))
            if later <= today:
                rest = sim.due_on(later) or amount - first_part
                sim.pay(later, rest, method)
            continue
        sim.pay(visit, amount, method)
    if plan.stop is not None:
        _trickle(rng, plan, sim, today)
    elif sim.settled and sim.titipan and rng.random() < 0.7:
        last = date.fromordinal(sim.events[-1].ordinal) + timedelta(days=rng.randint(1, 10))
        if last <= today:
            sim.refund(last)


def _trickle(rng: random.Random, plan: LoanPlan, sim: LoanSim, today: date) -> None:
    """After stopping, now and then a small sum (a broken promise kept in part)."""
    assert plan.stop is not None
    day = plan.stop + timedelta(days=rng.randint(20, 60))
    while day <= today and not sim.settled:
        if rng.random() < 0.18 and (not sim.events or sim.events[-1].ordinal <= day.toordinal()):
            sim.pay(day, rng.choice((100_000, 150_000, 200_000, 250_000, 300_000, 500_000)))
        day += timedelta(days=rng.randint(25, 45))


def _method(rng: random.Random, on: date, payroll: bool) -> str:
    if payroll:
        return "potong_gaji"
    if on.year >= 2021 and rng.random() < 0.25:
        return "transfer"
    return "tunai"


def _pack(item: Spilled) -> tuple[Any, ...]:
    return (*item[:3], _FIELDS(item[3]))


def _unpack(packed: tuple[Any, ...]) -> Spilled:
    return (*packed[:3], SimEvent(*packed[3]))


def _event_rows(
    services: Services,
    events: Iterable[Spilled],
    users: dict[str, User],
    sequences: dict[tuple[str, int], int],
    reversed_: set[tuple[int, int]],
) -> Iterator[BulkLoanEvent]:
    """Events in date order with receipt numbers; fills `sequences` as it goes. Only the ids
    of the events in `reversed_` are remembered (for their reversals)."""
    pattern = str(services.settings.get("loans.receipt_pattern"))
    code = services.settings.profile().code
    yearly = resets_yearly(pattern)
    first = next_loan_event_id(services.file)
    position: dict[tuple[int, int], int] = {}
    kasir, ketua = users["kasir"].id, users["ketua"].id
    for offset, (ordinal, loan_id, index, e) in enumerate(events):
        on = date.fromordinal(ordinal)
        if (loan_id, index) in reversed_:
            position[(loan_id, index)] = first + offset
        receipt = None
        if e.kind == PAY:
            key = (RECEIPT_SEQUENCE, on.year if yearly else 0)
            sequences[key] = sequences.get(key, 0) + 1
            receipt = format_pattern(pattern, sequences[key], on, code, "KA")
        reverses = position[(loan_id, e.reverses)] if e.reverses is not None else None
        note = e.note or ("Pembatalan" if e.kind == REVERSAL else "")
        yield BulkLoanEvent(
            loan_id=loan_id,
            kind=_KINDS[e.kind],
            event_date=on,
            receipt_no=receipt,
            amount=e.amount,
            method=e.method if e.kind in (PAY, REVERSAL, REFUND, DISBURSE) else "",
            pokok=e.pokok,
            jasa=e.jasa,
            denda=e.denda,
            titipan=e.titipan,
            fee=e.fee,
            reverses_id=reverses,
            reason=e.reason,
            approved_by=ketua if e.kind == WAIVER else None,
            note=note,
            created_by=kasir,
            created_at=f"{on.isoformat()}T{9 + offset % 7:02d}:{offset % 60:02d}:00",
            lines=e.lines,
            charges=e.charges,
        )


def _book_allowance(services: Services, ketua: User, today: date) -> None:
    """The PPAP booked at the last year-end: what was required then, rounded to Rp1.000."""
    year_end = date(today.year - 1, 12, 31)
    required = services.loans.portfolio.summary(year_end).allowance_required
    services.loans.portfolio.book_allowance(
        ketua, year_end, required // 1000 * 1000, note="Saldo PPAP tutup buku (data contoh)"
    )


def _summary(
    plans: Sequence[LoanPlan], statuses: Counter[LoanStatus], events: int, summary: object
) -> str:
    from app.loans.portfolio_models import PortfolioSummary

    assert isinstance(summary, PortfolioSummary)
    classes = ", ".join(
        f"{code} {format_number(n)}" for code, n in summary.count_by_class.items() if n
    )
    return (
        f"{format_number(len(plans))} pinjaman ({format_number(statuses[LoanStatus.AKTIF])} "
        f"aktif, {format_number(statuses[LoanStatus.LUNAS])} lunas, "
        f"{format_number(statuses[LoanStatus.DITOLAK])} ditolak, "
        f"{format_number(statuses[LoanStatus.DIAJUKAN] + statuses[LoanStatus.DISETUJUI])} "
        f"menunggu) dengan {format_number(events)} transaksi pinjaman. Sisa pokok "
        f"{format_rupiah(summary.total_outstanding)}; kolektibilitas: {classes}."
    )
