"""The books' value types: a journal line, a journal, an account."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol


@dataclass(frozen=True)
class Line:
    """One side of a journal: exactly one of debit or credit is positive (whole rupiah)."""

    account: str
    debit: int = 0
    credit: int = 0
    member_id: int | None = None
    loan_id: int | None = None

    def swapped(self) -> Line:
        return Line(self.account, self.credit, self.debit, self.member_id, self.loan_id)


@dataclass(frozen=True)
class Journal:
    id: int
    number: str
    date: date
    source: str
    source_id: int
    role: str
    description: str
    no_gl: bool
    created_by: int | None
    reverses_id: int | None
    reversed_by: int | None
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Account:
    code: str
    name: str
    type: str  # aset, kewajiban, ekuitas, pendapatan, beban
    normal: str  # D or K
    is_group: bool
    parent: str | None
    active: bool


class Resolver(Protocol):
    """Where a money component posts, for one event (its date and product already bound)."""

    def role(self, role: str) -> str: ...

    def method(self, method: str) -> str: ...
