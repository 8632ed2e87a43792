"""Jurnal Umum: manual journals for what is not a member transaction (running costs, bank
interest and fees, fixed assets, depreciation). Refused with a plain message unless balanced and
only to postable, active accounts; above the approval amount a second person approves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app.errors import NotFound, ValidationError
from app.ledger.lockdate import refuse_locked
from app.ledger.models import Line
from app.ledger.service import LedgerService
from app.money import format_rupiah
from app.storage.ledger_manual_repo import ManualJournalRepository, lines_of
from app.storage.units import write_unit
from app.users.models import User

SOURCE = "jurnal_umum"
ROLE = "manual"


@dataclass(frozen=True)
class ManualResult:
    request_id: int
    journal_id: int | None  # None: waiting for a second person's approval


def _check(ledger: LedgerService, description: str, lines: list[Line]) -> list[Line]:
    if not " ".join(description.split()):
        raise ValidationError("Keterangan jurnal wajib diisi.", "description")
    clean = [x for x in lines if x.debit or x.credit]
    for line in clean:
        if line.debit < 0 or line.credit < 0:
            raise ValidationError("Jumlah debet dan kredit tidak boleh negatif.")
        if line.debit and line.credit:
            raise ValidationError(
                f"Baris akun {line.account} berisi debet dan kredit sekaligus; pisahkan."
            )
        ledger.accounts.postable(line.account)
    debit = sum(x.debit for x in clean)
    credit = sum(x.credit for x in clean)
    if not debit or not credit:
        raise ValidationError("Jurnal harus punya paling sedikit satu baris debet dan satu kredit.")
    if debit != credit:
        raise ValidationError(
            f"Jurnal belum seimbang: debet {format_rupiah(debit)}, kredit "
            f"{format_rupiah(credit)}, selisih {format_rupiah(abs(debit - credit))}. "
            "Jurnal hanya bisa disimpan bila jumlah debet sama dengan jumlah kredit."
        )
    return clean


@dataclass(frozen=True)
class PendingJournal:
    """A Jurnal Umum above the approval amount, waiting for a second person."""

    id: int
    date: date
    description: str
    total: int
    requested_by: int | None
    lines: tuple[Line, ...]


class ManualJournals:
    def __init__(self, ledger: LedgerService) -> None:
        self.ledger = ledger
        self.db = ledger.db
        self.repo = ManualJournalRepository(ledger.db)

    @write_unit
    def submit(
        self, actor: User | None, on: date, description: str, lines: list[Line]
    ) -> ManualResult:
        """Save a Jurnal Umum: posted at once up to the approval amount, otherwise pending."""
        clean = _check(self.ledger, description, lines)
        refuse_locked(self.db, on, "jurnal umum")
        total = sum(x.debit for x in clean)
        pending = total > self.ledger.policy.approval_above
        uid = None if actor is None else actor.id
        with self.db.atomic():
            request_id = self.repo.add(on, description, clean, uid, pending)
            journal_id = None
            if not pending:
                journal_id = self._post(request_id, on, description, clean, uid)
                self.repo.set_journal(request_id, journal_id)
            self.ledger.audit.record(
                uid,
                "ajukan" if pending else "tambah",
                "jurnal_umum",
                request_id,
                after={"tanggal": on, "jumlah": total, "keterangan": description},
            )
        return ManualResult(request_id, journal_id)

    def pending(self) -> list[PendingJournal]:
        return [
            PendingJournal(
                r["id"],
                date.fromisoformat(r["date"]),
                r["description"],
                r["total"],
                r["requested_by"],
                tuple(lines_of(dict(zip(r.keys(), r, strict=True)))),
            )
            for r in self.repo.pending()
        ]

    @write_unit
    def approve(self, actor: User, request_id: int) -> int:
        row = self._pending(request_id)
        if row["requested_by"] == actor.id:
            raise ValidationError("Jurnal ini harus disetujui oleh orang lain, bukan pembuatnya.")
        lines = lines_of(row)
        for line in lines:  # the accounts may have changed since it was entered
            self.ledger.accounts.postable(line.account)
        on = date.fromisoformat(row["date"])
        refuse_locked(self.db, on, "jurnal umum")
        with self.db.atomic():
            journal_id = self._post(request_id, on, row["description"], lines, actor.id)
            self.repo.decide(request_id, "disetujui", actor.id, journal_id)
            self.ledger.audit.record(actor.id, "setujui", "jurnal_umum", request_id)
        return journal_id

    @write_unit
    def reject(self, actor: User, request_id: int, note: str = "") -> None:
        row = self._pending(request_id)
        if row["requested_by"] == actor.id:
            raise ValidationError("Jurnal ini harus ditolak oleh orang lain, bukan pembuatnya.")
        with self.db.atomic():
            self.repo.decide(request_id, "ditolak", actor.id, None)
            self.ledger.audit.record(actor.id, "tolak", "jurnal_umum", request_id, note=note)

    def _pending(self, request_id: int) -> Any:
        row = self.repo.get(request_id)
        if row is None:
            raise NotFound(f"Pengajuan jurnal {request_id} tidak ada.")
        if row["status"] != "menunggu":
            raise ValidationError(f"Pengajuan jurnal {request_id} sudah diputuskan.")
        return row

    def _post(
        self, request_id: int, on: date, description: str, lines: list[Line], uid: int | None
    ) -> int:
        return self.ledger.repo.write(
            on=on,
            source=SOURCE,
            source_id=request_id,
            role=ROLE,
            description=description,
            lines=lines,
            user_id=uid,
        )
