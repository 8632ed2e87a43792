"""Allocating a payment across open instalments (denda → jasa → pokok by default), DOMAIN §4."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from app.errors import ValidationError

__all__ = [
    "COMPONENTS",
    "DEFAULT_ORDER",
    "MODES",
    "Allocation",
    "AllocationLine",
    "OpenInstallment",
    "allocate_payment",
    "remaining_after",
]

COMPONENTS = ("denda", "jasa", "pokok")
DEFAULT_ORDER = ("denda", "jasa", "pokok")

MODES = ("per_installment", "per_component")
"""'per_installment': settle each instalment (oldest first) component by component before the
next; 'per_component': all denda of every instalment first, then all jasa, then all pokok."""


@dataclass(frozen=True)
class OpenInstallment:
    """What is still owed on one instalment, split by component (whole rupiah)."""

    number: int
    due_date: date
    pokok: int
    jasa: int
    denda: int

    def due(self, component: str) -> int:
        """The amount still owed for `component` ('pokok', 'jasa' or 'denda')."""
        if component == "pokok":
            return self.pokok
        if component == "jasa":
            return self.jasa
        if component == "denda":
            return self.denda
        raise ValueError(f"unknown component {component!r}")

    @property
    def total(self) -> int:
        """Everything still owed on this instalment."""
        return self.pokok + self.jasa + self.denda


@dataclass(frozen=True)
class AllocationLine:
    """`amount` of the payment goes to `component` of instalment `number`."""

    number: int
    due_date: date
    component: str
    amount: int


@dataclass(frozen=True)
class Allocation:
    """Where a payment went; `advance` is the part nothing was owed for (kept, never lost)."""

    lines: tuple[AllocationLine, ...]
    advance: int

    def total(self, component: str | None = None) -> int:
        """Amount allocated, to one component or (None) to all."""
        return sum(ln.amount for ln in self.lines if component in (None, ln.component))

    def for_installment(self, number: int) -> dict[str, int]:
        """Component -> amount allocated to instalment `number` (components with 0 left out)."""
        result: dict[str, int] = {}
        for line in self.lines:
            if line.number == number:
                result[line.component] = result.get(line.component, 0) + line.amount
        return result


def allocate_payment(
    open_installments: Sequence[OpenInstallment],
    amount: int,
    order: Sequence[str] = DEFAULT_ORDER,
    *,
    mode: str = "per_installment",
) -> Allocation:
    """Split `amount` over the open instalments, oldest due date first (DOMAIN §4).

    In 'per_installment' mode each instalment is settled in `order` before the next one is
    touched; in 'per_component' mode the first component of `order` is settled on every
    instalment before the second one starts. Whatever is left becomes the advance.
    """
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError(f"rupiah amounts are int, got {type(amount).__name__}")
    if amount < 0:
        raise ValidationError("Jumlah pembayaran tidak boleh negatif.", field="amount")
    if sorted(order) != sorted(COMPONENTS):
        raise ValidationError(
            "Urutan alokasi harus memuat denda, jasa dan pokok masing-masing satu kali.",
            field="order",
        )
    if mode not in MODES:
        raise ValidationError(
            "Cara alokasi tidak dikenal. Pilih per angsuran atau per komponen.", field="mode"
        )
    items = _oldest_first(open_installments)
    if mode == "per_installment":
        steps = [(item, component) for item in items for component in order]
    else:
        steps = [(item, component) for component in order for item in items]

    lines: list[AllocationLine] = []
    left = amount
    for item, component in steps:
        if left == 0:
            break
        paid = min(left, item.due(component))
        if paid > 0:
            lines.append(AllocationLine(item.number, item.due_date, component, paid))
            left -= paid
    return Allocation(lines=tuple(lines), advance=left)


def remaining_after(
    open_installments: Sequence[OpenInstallment], allocation: Allocation
) -> list[OpenInstallment]:
    """The open instalments with the allocation taken off, oldest first, paid ones dropped."""
    result = []
    for item in _oldest_first(open_installments):
        paid = allocation.for_installment(item.number)
        rest = replace(
            item,
            pokok=item.pokok - paid.get("pokok", 0),
            jasa=item.jasa - paid.get("jasa", 0),
            denda=item.denda - paid.get("denda", 0),
        )
        if rest.total > 0:
            result.append(rest)
    return result


def _oldest_first(open_installments: Sequence[OpenInstallment]) -> list[OpenInstallment]:
    """Sorted by due date then number; rejects duplicate numbers and negative balances."""
    numbers = [item.number for item in open_installments]
    if len(set(numbers)) != len(numbers):
        raise ValueError("instalment numbers must be unique")
    for item in open_installments:
        if min(item.pokok, item.jasa, item.denda) < 0:
            raise ValueError(f"instalment {item.number} has a negative balance")
    return sorted(open_installments, key=lambda item: (item.due_date, item.number))
