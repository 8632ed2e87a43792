"""The loan card (kartu angsuran): one line per payment (date, receipt, pokok, jasa, denda,
remaining pokok), printed continuing from the last printed line, with the passbook's engine."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.passbook.engine import amount_text


@dataclass(frozen=True)
class CardEntry:
    event_id: int
    on: date
    receipt: str
    pokok: int
    jasa: int
    denda: int
    remaining: int

    def texts(self) -> dict[str, str]:
        return {
            "date": self.on.strftime("%d-%m-%y"),
            "receipt": self.receipt,
            "pokok": amount_text(self.pokok),
            "jasa": amount_text(self.jasa),
            "denda": amount_text(self.denda),
            "remaining": amount_text(self.remaining) or "0",
        }
