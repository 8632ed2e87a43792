"""Writing checked loan rows: each loan with its regenerated schedule (version 0), its
disbursement before the cut-over, one opening event at the cut-over for what was paid
before it (method `saldo_awal`), the denda owed at the cut-over crystallised on the
instalments, and its collateral and guarantor — in bulk, inside the import's transaction.
The books post only the position at the cut-over (app/ledger/derive.loan_event)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from app.imports.loans import LoanPlan
from app.loans.models import EventKind, LoanStatus
from app.loans.schedule import Installment
from app.storage.db import Database
from app.storage.imports_loans_repo import insert_opening_charges
from app.storage.loans_bulk import (
    BulkLoan,
    BulkLoanEvent,
    insert_collateral_bulk,
    insert_guarantors_bulk,
    insert_loan_events_bulk,
    insert_loans_bulk,
)

OPENING_METHOD = "saldo_awal"


def write_loans(
    db: Database,
    user_id: int,
    batch_id: int,
    plans: Sequence[LoanPlan],
    created: str,
    tick: Callable[[int], None],
) -> None:
    schedules = [tuple(p.schedule) for p in plans]  # unpacked once, for this chunk only
    ids = insert_loans_bulk(
        db,
        [_loan(p, user_id, batch_id, created, s) for p, s in zip(plans, schedules, strict=True)],
    )
    events: list[BulkLoanEvent] = []
    collateral: list[tuple[object, ...]] = []
    guarantors: list[tuple[object, ...]] = []
    for loan_id, p, schedule in zip(ids, plans, schedules, strict=True):
        events += _events(loan_id, p, schedule, user_id, batch_id, created)
        if p.collateral is not None:
            c = p.collateral
            collateral.append((loan_id, c.kind, c.description, c.document_no, c.owner,
                               c.estimated_value, c.tax_value, c.note, None, "", user_id,
                               created))  # fmt: skip
        if p.guarantor is not None:
            g = p.guarantor
            guarantors.append(
                (loan_id, g.name, g.nik, g.relation, g.address, g.phone, user_id, created)
            )
    insert_loan_events_bulk(db, events)
    insert_opening_charges(
        db, [(loan_id, 0, p.cut, p.opening.charges) for loan_id, p in zip(ids, plans, strict=True)]
    )
    insert_collateral_bulk(db, collateral)
    insert_guarantors_bulk(db, guarantors)
    tick(len(plans))


def _loan(
    p: LoanPlan,
    user_id: int,
    batch_id: int,
    created: str,
    schedule: Sequence[Installment] | None = None,  # p.schedule unpacked
) -> BulkLoan:
    note = f"Pinjaman berjalan pindahan per {p.cut:%d/%m/%Y} (impor #{batch_id})"
    folded = p.restructured
    return BulkLoan(
        application_no=f"IMPOR-{batch_id}-{p.number}",
        number=p.number,
        member_id=p.member_id,
        product=p.product,
        status=LoanStatus.AKTIF,
        application_date=p.disbursed,
        amount=p.amount,
        months=p.months,
        first_due=p.first_due,
        purpose="",
        admin_fee=0,
        decided_by=user_id,
        decided_on=p.disbursed,
        disbursed_on=p.disbursed,
        closed_on=None,
        created_by=user_id,
        created_at=created,
        schedule=p.schedule if schedule is None else schedule,
        decision_note=f"{note}; {folded.note()}." if folded else f"{note}.",
        schedule_from=folded.on if folded else None,
        schedule_reason=f"Restrukturisasi sebelum peralihan (impor #{batch_id})" if folded else "",
    )


def _events(
    loan_id: int,
    p: LoanPlan,
    schedule: Sequence[Installment],
    user_id: int,
    batch_id: int,
    created: str,
) -> list[BulkLoanEvent]:
    """The disbursement; what was paid before the cut-over as one payment dated the last
    payment (the cut-over when the file gives none and nothing is overdue); the difference
    between the product's denda and the old books' (when the books say less) waived at the
    cut-over, so it is no payment and the class keeps counting from the last real one."""
    o = p.opening
    result = [
        BulkLoanEvent(
            loan_id, EventKind.PENCAIRAN, p.disbursed, None, p.amount, OPENING_METHOD,
            0, 0, 0, 0, 0, None, "", None,
            f"Pencairan sebelum peralihan (impor #{batch_id})", user_id, created,
        )
    ]  # fmt: skip
    lines = o.paid_lines(schedule)
    paid = o.settled_pokok + o.settled_jasa
    if paid:
        result.append(BulkLoanEvent(
            loan_id, EventKind.PEMBAYARAN, p.last_paid or p.cut, None, paid, OPENING_METHOD,
            o.settled_pokok, o.settled_jasa, 0, 0, 0, None, "", None,
            f"Dibayar sebelum peralihan per {p.cut:%d/%m/%Y} (impor #{batch_id})",
            user_id, created, tuple(x for x in lines if x[1] != "denda"),
        ))  # fmt: skip
    if o.settled_denda:
        result.append(BulkLoanEvent(
            loan_id, EventKind.KERINGANAN, p.cut, None, 0, "",
            0, 0, o.settled_denda, 0, 0, None,
            f"Selisih denda menurut pembukuan lama per {p.cut:%d/%m/%Y} (impor #{batch_id})",
            user_id, "", user_id, created, tuple(x for x in lines if x[1] == "denda"),
        ))  # fmt: skip
    return result
