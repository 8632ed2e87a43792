"""The arithmetic of a restructuring, pure: the new schedule from the position and the
board's choice per component (waive, capitalise, first instalment, keep), and the terms as
stored in a decision's payload."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from app.collection.decision_models import (
    ArrearsPosition,
    RestructuringKind,
    RestructuringTerms,
    Treatment,
)
from app.errors import ValidationError
from app.loans.schedule import Installment, ScheduleTerms, build_schedule

COMPONENTS = ("pokok", "jasa", "denda")
EVERGREEN_DAYS = 90


class Restructured(NamedTuple):
    lines: list[Installment]
    buckets: dict[str, dict[str, int]]  # treatment value -> {component: amount}
    new_principal: int  # what the schedule is built on
    schedule_principal: int  # all pokok of the new version
    regular: int  # the regular instalment (after any grace, without carried amounts)


def restructured_schedule(position: ArrearsPosition, terms: RestructuringTerms) -> Restructured:
    """The new schedule for `terms` over `position`.

    New principal = pokok not yet due + every component marked 'kapitalisasi'; the schedule is
    built on it with the loan calculator; 'angsuran_pertama' amounts are added to its first
    instalment; 'tetap' amounts form an instalment due on the effective date. Pure."""
    buckets: dict[str, dict[str, int]] = {t.value: {} for t in Treatment}
    for component in COMPONENTS:
        amount = position.amount(component)
        if amount:
            buckets[terms.treatment(component).value][component] = amount
    capitalised = buckets[Treatment.KAPITALISASI.value]
    first = buckets[Treatment.ANGSURAN_PERTAMA.value]
    kept = buckets[Treatment.TETAP.value]
    new_principal = position.future_pokok + sum(capitalised.values())
    if new_principal <= 0:
        raise ValidationError(
            "Tidak ada pokok untuk jadwal baru: pilih 'dijadikan pokok baru' untuk tunggakan "
            "pokok.",
            field="pokok",
        )
    built = build_schedule(
        ScheduleTerms(
            principal=new_principal,
            annual_rate=terms.monthly_rate * 12,
            months=terms.months,
            method=terms.method,
            first_due=terms.first_due,
            round_to=terms.round_to,
            round_up=terms.round_up,
            principal_grace=terms.principal_grace,
        )
    )
    keep_pokok, keep_jasa = kept.get("pokok", 0), kept.get("jasa", 0) + kept.get("denda", 0)
    first_pokok = first.get("pokok", 0)
    first_jasa = first.get("jasa", 0) + first.get("denda", 0)
    schedule_principal = new_principal + keep_pokok + first_pokok
    balance = schedule_principal
    lines: list[Installment] = []
    if keep_pokok or keep_jasa:
        balance -= keep_pokok
        lines.append(
            Installment(
                1, terms.effective_date, keep_pokok, keep_jasa, keep_pokok + keep_jasa, balance
            )
        )
    for index, item in enumerate(built):
        pokok = item.pokok + (first_pokok if index == 0 else 0)
        jasa = item.jasa + (first_jasa if index == 0 else 0)
        balance -= pokok
        lines.append(Installment(len(lines) + 1, item.due_date, pokok, jasa, pokok + jasa, balance))
    assert balance == 0
    regular = built[min(terms.principal_grace, len(built) - 1)].total
    return Restructured(lines, buckets, new_principal, schedule_principal, regular)


def terms_payload(terms: RestructuringTerms) -> dict[str, Any]:
    values = asdict(terms)
    for key, value in values.items():
        if isinstance(value, date):
            values[key] = value.isoformat()
        elif isinstance(value, Decimal):
            values[key] = str(value)
        elif hasattr(value, "value"):
            values[key] = value.value
    return values


def terms_from_payload(values: dict[str, Any]) -> RestructuringTerms:
    return RestructuringTerms(
        kind=RestructuringKind(values["kind"]),
        pokok=Treatment(values["pokok"]),
        jasa=Treatment(values["jasa"]),
        denda=Treatment(values["denda"]),
        monthly_rate=Decimal(values["monthly_rate"]),
        months=values["months"],
        method=values["method"],
        first_due=date.fromisoformat(values["first_due"]),
        effective_date=date.fromisoformat(values["effective_date"]),
        round_to=values["round_to"],
        round_up=values["round_up"],
        principal_grace=values["principal_grace"],
        reason=values["reason"],
    )
