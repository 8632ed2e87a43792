"""Kind `loans`, restructured loans: a loan the old books restructured before the cut-over,
its old arrears folded into the first instalment of the new schedule — the way Mufakat's own
restructuring does it with 'tambahkan ke angsuran pertama' (app/collection/restructuring_terms):
the schedule is built with the loan calculator on the new principal (the row's Plafon and
terms are the restructured ones), the old pokok is added to the first instalment's pokok, the
old jasa and denda to its jasa (a schedule has pokok and jasa only). Pure, no storage."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from app.loans.schedule import Installment
from app.money import format_rupiah


@dataclass(frozen=True)
class Folded:
    """The restructuring as the file gives it: when, and the old arrears in the first
    instalment of the new schedule."""

    on: date
    pokok: int = 0
    jasa: int = 0
    denda: int = 0

    def note(self) -> str:
        return (
            f"direstrukturisasi per {self.on:%d/%m/%Y} sebelum peralihan; angsuran pertama "
            f"memuat tunggakan lama pokok {format_rupiah(self.pokok)}, jasa "
            f"{format_rupiah(self.jasa)}, denda {format_rupiah(self.denda)}"
        )


def folded_schedule(built: Sequence[Installment], folded: Folded) -> tuple[Installment, ...]:
    """`built` (the calculator's schedule on the new principal) with the old arrears added
    to its first instalment; balances follow (the schedule's pokok is the new principal plus
    the old pokok)."""
    if not built:
        return ()
    balance = sum(i.pokok for i in built) + folded.pokok
    lines = []
    for index, item in enumerate(built):
        pokok = item.pokok + (folded.pokok if index == 0 else 0)
        jasa = item.jasa + (folded.jasa + folded.denda if index == 0 else 0)
        balance -= pokok
        lines.append(Installment(item.number, item.due_date, pokok, jasa, pokok + jasa, balance))
    assert balance == 0
    return tuple(lines)


def problems(folded: Folded, disbursed: date, first_due: date, cut: date) -> list[tuple[str, str]]:
    """(column key, message) of what cannot hold: the restructuring between the disbursement
    and the cut-over, the new schedule's first instalment after it."""
    found: list[tuple[str, str]] = []
    if not disbursed < folded.on <= cut:
        found.append(
            ("restructured_on", "harus sesudah tanggal pencairan dan paling lambat tanggal "
             "peralihan.")
        )  # fmt: skip
    if first_due <= folded.on:
        found.append(
            ("first_due", "angsuran pertama jadwal restrukturisasi harus sesudah tanggal "
             "restrukturisasi.")
        )  # fmt: skip
    return found
