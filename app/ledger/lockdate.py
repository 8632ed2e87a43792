"""The lock date as a guard for writers that name their own date (Jurnal Umum, kas opname, the
SHU journals): on or before the lock date is refused. Money events are not refused but moved to
the first open date by `LedgerService.post`."""

from __future__ import annotations

from datetime import date

from app.errors import ValidationError
from app.storage.closing_repo import ClosingRepository
from app.storage.engine import Engine


def refuse_locked(db: Engine, on: date, what: str, field: str = "on") -> None:
    lock = ClosingRepository(db).lock_date()
    if lock is not None and on <= lock:
        raise ValidationError(
            f"Pembukuan sampai {lock.strftime('%d-%m-%Y')} sudah ditutup; {what} bertanggal "
            f"{on.strftime('%d-%m-%Y')} tidak bisa disimpan. Pakai tanggal sesudahnya.",
            field,
        )
