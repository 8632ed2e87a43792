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
    tax: int  # PPh dipotong (withheld from the member's jasa and sukarela)
    due: int = 0  # PPh terutang on the month (set by PphReports.bukti_potong)

    @property
    def shortfall(self) -> int:
        """Kurang potong: PPh terutang not withheld (a receivable from the member)."""
        return max(self.due - self.tax, 0)


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
