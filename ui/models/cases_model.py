"""The cases list of Penanganan Pinjaman Bermasalah: one line per case with the loan's figures."""

from __future__ import annotations

from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtGui import QColor

from app.collection.models import CaseRow, CaseStatus, PromiseStatus
from app.formats import format_date_short
from app.loans.quality import class_label
from app.money import format_number, format_rupiah
from ui.models.base import CENTER, GOOD, LATE, QUIET, WARN, RowsModel
from ui.widgets import quality_colors


class CaseColumn(IntEnum):
    MEMBER = 0
    LOAN = 1
    QUALITY = 2
    ARREARS = 3
    DAYS = 4
    STATUS = 5
    OFFICER = 6
    NEXT_STEP = 7
    LAST_CONTACT = 8
    PROMISE = 9


PROMISE_COLORS: dict[PromiseStatus, QColor] = {
    PromiseStatus.MENUNGGU: QColor("#1f3b63"),
    PromiseStatus.DITEPATI: GOOD,
    PromiseStatus.SEBAGIAN: WARN,
    PromiseStatus.INGKAR: LATE,
    PromiseStatus.DIBATALKAN: QUIET,
}
"""Text colour of a promise status (always with its word)."""


def _ordinal(value: date | None) -> int:
    return value.toordinal() if value else 0


def quality_code(row: CaseRow) -> str | None:
    """The class shown: the loan's class, or Hapus Buku for a written-off loan."""
    if row.quality:
        return row.quality
    return "HB" if row.case.status == CaseStatus.HAPUS_BUKU else None


def promise_text(row: CaseRow) -> str:
    """'Ingkar · Rp500.000': the newest promise (its date in the tool tip)."""
    view = row.latest_promise
    if view is None:
        return "–"
    return f"{view.status.label} · {format_rupiah(view.promise.amount)}"


class CasesModel(RowsModel[CaseRow]):
    columns = CaseColumn
    date_columns = (CaseColumn.NEXT_STEP, CaseColumn.LAST_CONTACT)
    count_columns = (CaseColumn.DAYS,)
    money_columns = (CaseColumn.ARREARS, CaseColumn.DAYS)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.policy_name = ""
        self._headers = {
            CaseColumn.MEMBER: self.tr("Anggota"),
            CaseColumn.LOAN: self.tr("No. Pinjaman"),
            CaseColumn.QUALITY: self.tr("Kolektibilitas"),
            CaseColumn.ARREARS: self.tr("Tunggakan"),
            CaseColumn.DAYS: self.tr("Terlambat"),
            CaseColumn.STATUS: self.tr("Status Kasus"),
            CaseColumn.OFFICER: self.tr("Petugas"),
            CaseColumn.NEXT_STEP: self.tr("Tindak Lanjut"),
            CaseColumn.LAST_CONTACT: self.tr("Kontak"),
            CaseColumn.PROMISE: self.tr("Janji Bayar"),
        }

    def row_of(self, case_id: int) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r.case.id == case_id), None)

    def display(self, row: CaseRow, column: int) -> str:
        c = row.case
        if column == CaseColumn.MEMBER:
            return f"{c.member_name} ({c.member_number})"
        if column == CaseColumn.LOAN:
            return c.loan_number
        if column == CaseColumn.QUALITY:
            code = quality_code(row)
            return class_label(code) if code else "–"
        if column == CaseColumn.ARREARS:
            if row.quality is None and row.outstanding and c.status == CaseStatus.HAPUS_BUKU:
                return format_rupiah(row.outstanding)  # off the books: what is still claimed
            return format_rupiah(row.arrears_total) if row.arrears_total else "–"
        if column == CaseColumn.DAYS:
            return f"{format_number(row.days_past_due)} hari" if row.days_past_due else "–"
        if column == CaseColumn.STATUS:
            return c.status.label
        if column == CaseColumn.OFFICER:
            return c.officer_name or self.tr("belum ada")
        if column == CaseColumn.NEXT_STEP:
            if row.next_step_date is None:
                return row.next_step or "–"
            return f"{format_date_short(row.next_step_date)} · {row.next_step}"
        if column == CaseColumn.LAST_CONTACT:
            return format_date_short(row.last_contact) if row.last_contact else "–"
        return promise_text(row)

    def sort_value(self, row: CaseRow, column: int) -> Any:
        c = row.case
        if column == CaseColumn.MEMBER:
            return c.member_name.casefold()
        if column == CaseColumn.QUALITY:
            return row.days_past_due
        if column == CaseColumn.ARREARS:
            return row.arrears_total if row.quality else row.outstanding
        if column == CaseColumn.DAYS:
            return row.days_past_due
        if column == CaseColumn.NEXT_STEP:
            return _ordinal(row.next_step_date) or 10**7
        if column == CaseColumn.LAST_CONTACT:
            return _ordinal(row.last_contact)
        if column == CaseColumn.PROMISE:
            view = row.latest_promise
            return _ordinal(view.promise.due_date) if view else 0
        return self.display(row, column).casefold()

    def alignment(self, column: int) -> Any:
        if column == CaseColumn.QUALITY:
            return CENTER
        return super().alignment(column)

    def background(self, row: CaseRow, column: int) -> QColor | None:
        code = quality_code(row)
        if column == CaseColumn.QUALITY and code:
            return quality_colors.background(code)
        return None

    def foreground(self, row: CaseRow, column: int) -> QColor | None:
        code = quality_code(row)
        if column == CaseColumn.QUALITY and code:
            return quality_colors.foreground(code)
        if not row.case.status.is_open:
            return QUIET
        if column == CaseColumn.NEXT_STEP and row.next_step_overdue:
            return LATE
        if column == CaseColumn.PROMISE and row.latest_promise is not None:
            return PROMISE_COLORS[row.latest_promise.status]
        if column in (CaseColumn.ARREARS, CaseColumn.DAYS) and row.days_past_due > 0:
            return LATE
        return None

    def bold(self, row: CaseRow, column: int) -> bool:
        if not row.case.status.is_open:
            return False
        if column == CaseColumn.NEXT_STEP:
            return row.next_step_overdue
        return (
            column == CaseColumn.PROMISE
            and row.latest_promise is not None
            and row.latest_promise.status in (PromiseStatus.INGKAR, PromiseStatus.SEBAGIAN)
        )

    def tooltip(self, row: CaseRow, column: int) -> str | None:
        if column == CaseColumn.QUALITY and row.quality and self.policy_name:
            return self.tr("{word} menurut {policy}").format(
                word=class_label(row.quality), policy=self.policy_name
            )
        if column == CaseColumn.NEXT_STEP and row.next_step_overdue and row.case.status.is_open:
            late = (row.as_of - row.next_step_date).days if row.next_step_date else 0
            return self.tr("Terlambat {n} hari: {step}").format(
                n=format_number(late), step=row.next_step
            )
        if column == CaseColumn.PROMISE and row.latest_promise is not None:
            view = row.latest_promise
            text = self.tr(
                "Janji bayar terakhir {amount} paling lambat {due}: {status}, terbayar {paid}"
            ).format(
                amount=format_rupiah(view.promise.amount),
                due=format_date_short(view.promise.due_date),
                status=view.status.label,
                paid=format_rupiah(view.paid),
            )
            if row.broken_promises:
                text += "\n" + self.tr(
                    "{n} janji bayar diingkari atau hanya dibayar sebagian"
                ).format(n=row.broken_promises)
            return text
        if column == CaseColumn.LAST_CONTACT:
            return self.tr("Kontak terakhir")
        if column == CaseColumn.ARREARS and row.quality is None and row.outstanding:
            return self.tr("Sisa tagihan di Daftar Ekstrakomptabel (sudah dihapus buku)")
        return None
