"""Loans as rows: the typed drafts the loans repository takes, the rows it returns as
domain types, and the denda/allocation columns every loan and product carries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from app.loans.denda import DendaRule
from app.loans.models import (
    Collateral,
    Guarantor,
    Loan,
    LoanApplication,
    LoanProduct,
    LoanStatus,
)
from app.loans.schedule import Installment, VersionTerms
from app.storage.engine import Row

DENDA_FIELDS = (
    "denda_basis",
    "denda_rate",
    "denda_per",
    "denda_grace_days",
    "denda_cap",
    "denda_fixed",
    "denda_cap_rate",
    "alloc_order",
    "alloc_mode",
    "payoff_rule",
)


def date_of(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def denda_values(rule: DendaRule, order: Sequence[str], mode: str, payoff: str) -> list[Any]:
    """The denda/allocation columns as stored (Decimal as TEXT), in DENDA_FIELDS order."""
    return [
        rule.basis,
        str(rule.rate),
        rule.per,
        rule.grace_days,
        rule.cap,
        rule.fixed_amount,
        None if rule.cap_rate is None else str(rule.cap_rate),
        ",".join(order),
        mode,
        payoff,
    ]


def denda_rule_of(row: Row) -> DendaRule:
    return DendaRule(
        basis=row["denda_basis"],
        rate=Decimal(row["denda_rate"]),
        per=row["denda_per"],
        grace_days=row["denda_grace_days"],
        cap=row["denda_cap"],
        fixed_amount=row["denda_fixed"],
        cap_rate=None if row["denda_cap_rate"] is None else Decimal(row["denda_cap_rate"]),
    )


def loan_of(row: Row) -> Loan:
    return Loan(
        id=row["id"],
        application_no=row["application_no"],
        number=row["number"],
        member_id=row["member_id"],
        member_number=row["member_number"],
        member_name=row["member_name"],
        product_id=row["product_id"],
        product_name=row["product_name"],
        status=LoanStatus(row["status"]),
        application_date=date.fromisoformat(row["application_date"]),
        amount=row["amount"],
        months=row["months"],
        monthly_rate=Decimal(row["monthly_rate"]),
        method=row["method"],
        round_to=row["round_to"],
        round_up=bool(row["round_up"]),
        principal_grace=row["principal_grace"],
        first_due=date.fromisoformat(row["first_due"]),
        purpose=row["purpose"],
        denda_rule=denda_rule_of(row),
        alloc_order=tuple(row["alloc_order"].split(",")),
        alloc_mode=row["alloc_mode"],
        payoff_rule=row["payoff_rule"],
        admin_fee=row["admin_fee"],
        decided_by=row["decided_by"],
        decided_by_name=row["decided_by_name"],
        decided_on=date_of(row["decided_on"]),
        decision_note=row["decision_note"],
        disbursed_on=date_of(row["disbursed_on"]),
        net_disbursed=row["net_disbursed"],
        schedule_version=row["schedule_version"],
        closed_on=date_of(row["closed_on"]),
        replaces_loan_id=row["replaces_loan_id"],
        rescuable=bool(row["rescuable"]),
        in_court=bool(row["in_court"]),
        note=row["note"],
    )


def collateral_of(row: Row) -> Collateral:
    return Collateral(
        id=row["id"],
        loan_id=row["loan_id"],
        kind=row["kind"],
        description=row["description"],
        document_no=row["document_no"],
        owner=row["owner"],
        estimated_value=row["estimated_value"],
        tax_value=row["tax_value"],
        note=row["note"],
        released_on=date_of(row["released_on"]),
    )


def guarantor_of(row: Row) -> Guarantor:
    return Guarantor(
        id=row["id"],
        loan_id=row["loan_id"],
        name=row["name"],
        nik=row["nik"],
        relation=row["relation"],
        address=row["address"],
        phone=row["phone"],
    )


def schedule_line_values(
    loan_id: int, version: int, schedule: Sequence[Installment]
) -> list[tuple[Any, ...]]:
    """Rows of loan_schedule_lines with their running totals."""
    cum_pokok = cum_jasa = 0
    values = []
    for item in schedule:
        cum_pokok += item.pokok
        cum_jasa += item.jasa
        values.append(
            (
                loan_id,
                version,
                item.number,
                item.due_date.isoformat(),
                item.pokok,
                item.jasa,
                cum_pokok,
                cum_jasa,
                item.balance,
            )
        )
    return values


@dataclass(frozen=True)
class NewLoan:
    """An application to store (status diajukan) with its product's terms copied onto it."""

    application_no: str
    application: LoanApplication
    product: LoanProduct
    purpose: str
    admin_fee: int
    note: str
    created_by: int


@dataclass(frozen=True)
class LoanDecision:
    """Approved or rejected: by whom, when, why."""

    status: LoanStatus
    decided_by: int
    decided_on: date
    decision_note: str

    def values(self) -> dict[str, Any]:
        """The columns as stored (also the audit trail's 'after')."""
        return {
            "status": self.status.value,
            "decided_by": self.decided_by,
            "decided_on": self.decided_on.isoformat(),
            "decision_note": self.decision_note,
        }


@dataclass(frozen=True)
class LoanDisbursement:
    """Paid out: the agreement number, the date, what the member received."""

    number: str
    disbursed_on: date
    net_disbursed: int

    def values(self) -> dict[str, Any]:
        """The columns as stored (also the audit trail's 'after'); the loan becomes aktif."""
        return {
            "status": LoanStatus.AKTIF.value,
            "number": self.number,
            "disbursed_on": self.disbursed_on.isoformat(),
            "net_disbursed": self.net_disbursed,
        }


@dataclass(frozen=True)
class StatusChange:
    """A loan's new status and the date it closed (None: open again)."""

    status: LoanStatus
    closed_on: date | None


@dataclass(frozen=True)
class ScheduleHeader:
    """A schedule version's header: the terms it was built with, the pokok it spreads, and
    why (a restructuring names its decision)."""

    terms: VersionTerms
    principal: int
    reason: str = ""
    decision_id: int | None = None

    def values(self) -> dict[str, Any]:
        """The header columns of loan_schedules (version and loan aside)."""
        t = self.terms
        return {
            "effective_date": t.effective_date.isoformat(),
            "reason": self.reason,
            "decision_id": self.decision_id,
            "principal": self.principal,
            "monthly_rate": str(t.monthly_rate),
            "months": t.months,
            "method": t.method,
            "round_to": t.round_to,
            "round_up": int(t.round_up),
            "principal_grace": t.principal_grace,
            "first_due": t.first_due.isoformat(),
        }


def new_loan_values(new: NewLoan) -> dict[str, Any]:
    """The columns of a new loan row (without the time stamps)."""
    draft, product = new.application, new.product
    return {
        "application_no": new.application_no,
        "member_id": draft.member_id,
        "product_id": product.id,
        "status": LoanStatus.DIAJUKAN.value,
        "application_date": draft.application_date.isoformat(),
        "amount": draft.amount,
        "months": draft.months,
        "monthly_rate": str(product.monthly_rate),
        "method": product.method,
        "round_to": product.round_to,
        "round_up": int(product.round_up),
        "principal_grace": draft.principal_grace,
        "first_due": draft.first_due.isoformat(),
        "purpose": new.purpose,
        **dict(
            zip(
                DENDA_FIELDS,
                denda_values(
                    product.denda_rule,
                    product.alloc_order,
                    product.alloc_mode,
                    product.payoff_rule,
                ),
                strict=True,
            )
        ),
        "admin_fee": new.admin_fee,
        "replaces_loan_id": draft.replaces_loan_id,
        "note": new.note,
        "created_by": new.created_by,
    }
