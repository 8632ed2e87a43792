"""`mufakat export loans`: every running loan in the columns the loans import reads — its
terms, its figures as of the date and its first collateral and guarantor — so the export
imports back into an empty cooperative with the same positions as of that date. A
restructured loan is written with the terms of the schedule in force: the principal it was
built on as the plafon, the restructuring date and the old arrears added to its first
instalment in their own columns (the history before stays behind). Old arrears kept as an
instalment of their own on the restructuring date have no column: such a loan is written
with the whole schedule's principal, and the import names what does not hold."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.imports import loans
from app.imports.template import write_rows
from app.loans.models import COLLATERAL_KINDS
from app.loans.schedule import method_label

if TYPE_CHECKING:
    from app.services import Services

PAGE = 1000


def _rows(services: Services, as_of: date) -> Iterator[list[Any]]:
    offset = 0
    while True:
        page = services.loans.list_rows(as_of, offset=offset, limit=PAGE)
        for r in page:
            yield _row(services, r.loan_id, r.quality_label, as_of)
        if len(page) < PAGE:
            return
        offset += PAGE


def _row(services: Services, loan_id: int, quality: str, as_of: date) -> list[Any]:
    loan = services.loans.get(loan_id)
    pos = services.loans.quality.position(loan, as_of)
    ahead = sum(line.paid_jasa for line in pos.lines if line.due_date >= as_of)
    collateral = [c for c in services.loans.collateral(loan_id) if c.released_on is None]
    guarantors = services.loans.guarantors(loan_id)
    c = collateral[0] if collateral else None
    g = guarantors[0] if guarantors else None
    arrears = pos.arrears_pokok + pos.arrears_jasa + pos.arrears_denda
    amount, disbursed, rate = loan.amount, loan.disbursed_on, loan.monthly_rate
    method, months, first_due = loan.method, loan.months, loan.first_due
    folded: dict[str, Any] = {"restructured_on": None}
    if loan.schedule_version:  # restructured: the terms of the schedule in force
        terms = services.loans.repo.schedule_terms(loan_id, loan.schedule_version)
        assert terms is not None
        amount = services.loans.repo.schedule_principal(loan_id, loan.schedule_version)
        disbursed, rate, method = terms.effective_date, terms.monthly_rate, terms.method
        months, first_due = terms.months, terms.first_due
        payload = _restructuring(services, loan_id)
        if payload is not None and not payload.get("kept"):
            first = payload.get("first_extra") or {}
            amount, disbursed = int(payload["new_principal"]), loan.disbursed_on
            folded = {"restructured_on": terms.effective_date}
            folded.update({f"fold_{k}": first.get(k) for k in ("pokok", "jasa", "denda")})
    values: dict[str, Any] = {
        "loan_no": loan.display_number, "number": loan.member_number,
        "name": loan.member_name, "product": loan.product_name, "amount": amount,
        "disbursed": disbursed, "rate": loans.rate_text(rate),
        "method": method_label(method), "months": months, "first_due": first_due,
        "outstanding": pos.outstanding,
        "arrears_pokok": pos.arrears_pokok, "arrears_jasa": pos.arrears_jasa,
        "arrears_denda": pos.arrears_denda, "jasa_ahead": ahead, "arrears_total": arrears,
        "days_late": pos.days_past_due, "quality": quality, "as_of": as_of,
        "last_paid": services.loans.events.last_payment_date(loan_id, as_of),
        "coll_kind": COLLATERAL_KINDS[c.kind] if c else None,
        "coll_desc": c.description if c else None, "coll_doc": c.document_no if c else None,
        "coll_owner": c.owner if c else None, "coll_value": c.estimated_value if c else None,
        "g_name": g.name if g else None, "g_nik": g.nik if g else None,
        "g_relation": g.relation if g else None, "g_phone": g.phone if g else None,
        **folded,
    }  # fmt: skip
    return [values.get(column.key) for column in loans.COLUMNS]


def _restructuring(services: Services, loan_id: int) -> dict[str, Any] | None:
    """The payload of the restructuring carried out last (None: none found)."""
    from app.collection.decision_models import DecisionKind, DecisionStatus

    done = [
        d
        for d in services.decisions.for_loan(loan_id, DecisionKind.RESTRUKTURISASI)
        if d.status in (DecisionStatus.DISETUJUI, DecisionStatus.DILAKSANAKAN)
    ]
    return dict(done[-1].payload) if done else None


def export_loans(services: Services, path: Path, as_of: date) -> int:
    return write_rows(path, loans.COLUMNS, _rows(services, as_of))
