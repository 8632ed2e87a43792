"""Decisions (restructuring, settlement, set-off, hapus buku, hapus tagih) of a case or of the
whole cooperative: what, who proposed, how far the approval has come."""

from __future__ import annotations

from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtGui import QColor

from app.collection.decision_models import Decision, DecisionStatus
from app.formats import format_date_short
from app.money import format_rupiah
from ui.models.base import GOOD, LATE, QUIET, RowsModel


class DecisionColumn(IntEnum):
    NUMBER = 0
    KIND = 1
    MEMBER = 2
    PROPOSED = 3
    STATUS = 4
    PROGRESS = 5
    AMOUNT = 6
    SUMMARY = 7


_STATUS_COLORS = {
    DecisionStatus.DIUSULKAN: QColor("#1f3b63"),
    DecisionStatus.DISETUJUI: GOOD,
    DecisionStatus.DILAKSANAKAN: GOOD,
    DecisionStatus.DITOLAK: LATE,
    DecisionStatus.DITARIK: QUIET,
}


def progress_text(d: Decision) -> str:
    """'1 dari 2 Pengurus; catatan Pengawas sudah ada' — how far the approval has come."""
    parts = [f"{len(d.approvals)} dari {d.required_approvals} Pengurus"]
    if d.needs_pengawas:
        parts.append("catatan Pengawas " + ("sudah ada" if d.pengawas_notes else "belum ada"))
    if d.rejections:
        parts = [f"ditolak {d.rejections[0].user_name}"]
    return "; ".join(parts)


class DecisionsModel(RowsModel[Decision]):
    columns = DecisionColumn
    date_columns = (DecisionColumn.PROPOSED,)
    money_columns = (DecisionColumn.AMOUNT,)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.as_of: date = date.today()
        self._headers = {
            DecisionColumn.NUMBER: self.tr("No. Keputusan"),
            DecisionColumn.KIND: self.tr("Jenis"),
            DecisionColumn.MEMBER: self.tr("Anggota / Pinjaman"),
            DecisionColumn.PROPOSED: self.tr("Diusulkan"),
            DecisionColumn.STATUS: self.tr("Status"),
            DecisionColumn.PROGRESS: self.tr("Persetujuan"),
            DecisionColumn.AMOUNT: self.tr("Jumlah"),
            DecisionColumn.SUMMARY: self.tr("Isi Usulan"),
        }

    def row_of(self, decision_id: int) -> int | None:
        return next((n for n, d in enumerate(self._rows) if d.id == decision_id), None)

    def display(self, row: Decision, column: int) -> str:
        if column == DecisionColumn.NUMBER:
            return row.number
        if column == DecisionColumn.KIND:
            return row.kind.label
        if column == DecisionColumn.MEMBER:
            return f"{row.member_name} · {row.loan_number}"
        if column == DecisionColumn.PROPOSED:
            return f"{format_date_short(row.proposed_on)} · {row.proposed_by_name}"
        if column == DecisionColumn.STATUS:
            return row.status_label(self.as_of)
        if column == DecisionColumn.PROGRESS:
            return progress_text(row)
        if column == DecisionColumn.AMOUNT:
            amount = int(row.payload.get("amount", 0))
            return format_rupiah(amount) if amount else "–"
        return row.summary

    def sort_value(self, row: Decision, column: int) -> Any:
        if column == DecisionColumn.PROPOSED:
            return row.proposed_on.toordinal()
        if column == DecisionColumn.AMOUNT:
            return int(row.payload.get("amount", 0))
        return self.display(row, column).casefold()

    def foreground(self, row: Decision, column: int) -> QColor | None:
        if column == DecisionColumn.STATUS:
            return LATE if row.is_expired(self.as_of) else _STATUS_COLORS[row.status]
        return None

    def bold(self, row: Decision, column: int) -> bool:
        return column == DecisionColumn.STATUS and row.status == DecisionStatus.DIUSULKAN

    def tooltip(self, row: Decision, column: int) -> str | None:
        if column == DecisionColumn.SUMMARY:
            return row.summary
        if column == DecisionColumn.PROGRESS:
            names = [
                f"{v.user_name}: {'setuju' if v.verdict == 'setuju' else 'tolak'}"
                for v in row.votes
            ]
            names += [f"Catatan {n.role} {n.user_name}: {n.note}" for n in row.notes]
            return "\n".join([self.display(row, column), *names])
        if column == DecisionColumn.PROPOSED:  # elided when the panel is narrow: whole here
            return self.display(row, column)
        return None
