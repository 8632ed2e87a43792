"""`mufakat export loans|cases`: the loans with their position and class as of a date, and
the collection cases with their loan's figures (read-only lists; no import reads them yet)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.imports.columns import Column
from app.imports.template import write_rows

if TYPE_CHECKING:
    from app.services import Services

PAGE = 1000


def _col(header: str, *, text: bool = False, amount: bool = False) -> Column:
    return Column(header.lower(), header, "", "", as_text=text, amount=amount)


LOAN_COLUMNS = (
    _col("No. Pinjaman", text=True), _col("Nomor Anggota", text=True), _col("Nama"),
    _col("Produk"), _col("Status"), _col("Plafon", amount=True),
    _col("Sisa Pokok", amount=True), _col("Tunggakan", amount=True), _col("Hari Terlambat"),
    _col("Kolektibilitas"), _col("Per Tanggal"),
)  # fmt: skip
CASE_COLUMNS = (
    _col("No. Kasus", text=True), _col("No. Pinjaman", text=True),
    _col("Nomor Anggota", text=True), _col("Nama"), _col("Status"), _col("Dibuka"),
    _col("Petugas"), _col("Penyebab"), _col("Sisa Pokok", amount=True),
    _col("Tunggakan", amount=True), _col("Hari Terlambat"), _col("Kolektibilitas"),
    _col("Janji Ingkar"), _col("Per Tanggal"),
)  # fmt: skip


def _loan_rows(services: Services, as_of: date) -> Iterator[list[Any]]:
    offset = 0
    while True:
        page = services.loans.list_rows(as_of, offset=offset, limit=PAGE)
        for r in page:
            yield [
                r.number, r.member_number, r.member_name, r.product_name, r.status.label,
                r.plafon, r.outstanding, r.arrears_total, r.days_past_due, r.quality_label,
                as_of,
            ]  # fmt: skip
        if len(page) < PAGE:
            return
        offset += PAGE


def _case_rows(services: Services, as_of: date) -> Iterator[list[Any]]:
    from app.loans.quality import class_label

    for r in services.case_list.rows(as_of):
        c = r.case
        yield [
            c.number, c.loan_number, c.member_number, c.member_name, c.status.label,
            c.opened_on, c.officer_name, ", ".join(c.cause_labels), r.outstanding,
            r.arrears_total, r.days_past_due, class_label(r.quality) if r.quality else "",
            r.broken_promises, as_of,
        ]  # fmt: skip


def export_list(services: Services, kind: str, path: Path, as_of: date) -> int:
    if kind == "loans":
        return write_rows(path, LOAN_COLUMNS, _loan_rows(services, as_of))
    return write_rows(path, CASE_COLUMNS, _case_rows(services, as_of))
