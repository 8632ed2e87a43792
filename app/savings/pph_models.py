"""The PPh 4(2) records as the program reads them: a member's line of the bukti potong list and
a month's deposit to the state."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class BuktiPotongRow:
    member_id: int
    number: str
    name: str
    npwp: str
    nik: str
    gross: int
    tax: int


@dataclass(frozen=True)
class PphDepositRow:
    id: int
    month: str
    amount: int
    paid_on: date
    method: str
    reference: str
    created_by: int | None
    created_at: str
