"""A running loan's state at the cut-over, rebuilt from its regenerated schedule and the
figures of the old books (pure, no storage).

What was paid before the cut-over becomes totals settled at the cut-over (pokok, jasa and
denda, filling instalments oldest first like every payment); the denda owed at the cut-over
is crystallised on the instalments at the cut-over date, so the program's position at the
cut-over equals the file's outstanding pokok and arrears of pokok, jasa and denda to the
rupiah, and denda runs on from the cut-over by the product's rule. Figures the schedule
cannot produce (the old program's schedule differed) are refused with what the schedule
gives, never adjusted silently."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from app.loans.denda import DendaRule
from app.loans.position import Position, loan_position
from app.loans.schedule import Installment
from app.money import format_rupiah


@dataclass(frozen=True)
class Figures:
    """The loan's figures in the file, as of the cut-over."""

    outstanding: int
    arrears_pokok: int
    arrears_jasa: int
    arrears_denda: int
    jasa_ahead: int = 0  # jasa of instalments not yet due, paid before the cut-over
    days_late: int | None = None


@dataclass(frozen=True)
class Opening:
    settled_pokok: int
    settled_jasa: int
    settled_denda: int
    charges: tuple[tuple[int, int], ...]  # (instalment number, denda) crystallised at cut-over
    position: Position
    paid_denda: tuple[tuple[int, int], ...] = ()  # (instalment number, denda settled on it)

    def compact(self) -> Opening:
        """The same without the position's line per instalment (what a checked import keeps
        of 60,000 loans until it writes them): its totals, dates and days late stay."""
        return replace(self, position=replace(self.position, lines=()))

    def paid_lines(self, schedule: Sequence[Installment]) -> tuple[tuple[int, str, int], ...]:
        """The settled totals per instalment and component (the opening event's lines): pokok
        and jasa fill the schedule's instalments oldest first, denda as `paid_denda` says."""
        denda = dict(self.paid_denda)
        left_pokok, left_jasa = self.settled_pokok, self.settled_jasa
        result: list[tuple[int, str, int]] = []
        for item in schedule:
            pokok = min(item.pokok, max(left_pokok, 0))
            jasa = min(item.jasa, max(left_jasa, 0))
            left_pokok -= item.pokok
            left_jasa -= item.jasa
            for component, amount in (
                ("denda", denda.get(item.number, 0)),
                ("jasa", jasa),
                ("pokok", pokok),
            ):
                if amount:
                    result.append((item.number, component, amount))
        return tuple(result)


class Mismatch(Exception):
    """The file's figures cannot all hold on the regenerated schedule; `column` and a message."""

    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column
        self.message = message


def opening(
    schedule: Sequence[Installment], rule: DendaRule, cut: date, figures: Figures
) -> Opening:
    """The settled totals and charges that reproduce `figures` at `cut`; Mismatch otherwise."""
    f = figures
    principal = sum(i.pokok for i in schedule)
    total_jasa = sum(i.jasa for i in schedule)
    for column, value in (
        ("outstanding", f.outstanding),
        ("arrears_pokok", f.arrears_pokok),
        ("arrears_jasa", f.arrears_jasa),
        ("arrears_denda", f.arrears_denda),
        ("jasa_ahead", f.jasa_ahead),
    ):
        if value < 0:
            raise Mismatch(column, f"{format_rupiah(value)} kurang dari nol.")
    if f.outstanding > principal:
        raise Mismatch("outstanding", f"sisa pokok lebih dari plafon {format_rupiah(principal)}.")
    if f.outstanding == 0:
        raise Mismatch("outstanding", "sisa pokok nol: pinjaman sudah lunas, tidak diimpor.")
    late = [i for i in schedule if i.due_date < cut]
    due_pokok = sum(i.pokok for i in late)
    due_jasa = sum(i.jasa for i in late)
    settled_pokok = principal - f.outstanding
    expected = max(0, due_pokok - settled_pokok)
    if f.arrears_pokok != expected:
        raise Mismatch(
            "arrears_pokok",
            f"menurut jadwal, pokok jatuh tempo sebelum {cut:%d/%m/%Y} "
            f"{format_rupiah(due_pokok)} dan sudah dibayar {format_rupiah(settled_pokok)} "
            f"(plafon dikurangi sisa pokok), jadi tunggakan pokok {format_rupiah(expected)}, "
            f"bukan {format_rupiah(f.arrears_pokok)}. Periksa sisa pokok, tunggakan pokok "
            "dan syarat pinjaman (jadwal lama berbeda?).",
        )
    if f.arrears_jasa > due_jasa:
        raise Mismatch(
            "arrears_jasa",
            f"tunggakan jasa lebih dari jasa yang jatuh tempo sebelum {cut:%d/%m/%Y} "
            f"({format_rupiah(due_jasa)}).",
        )
    if f.jasa_ahead and f.arrears_jasa:
        raise Mismatch("jasa_ahead", "jasa dibayar di muka padahal jasa masih menunggak.")
    settled_jasa = due_jasa - f.arrears_jasa + f.jasa_ahead
    if settled_jasa > total_jasa:
        raise Mismatch(
            "jasa_ahead", f"jasa dibayar lebih dari seluruh jasa {format_rupiah(total_jasa)}."
        )
    bare = loan_position(schedule, settled_pokok, settled_jasa, 0, {}, rule, cut)
    charges = dict(bare.charges_due)
    by_rule = sum(charges.values())
    settled_denda = 0
    if f.arrears_denda > by_rule:
        target = _denda_target(bare, cut)
        if target is None:
            raise Mismatch(
                "arrears_denda",
                f"ada tunggakan denda tetapi belum ada angsuran jatuh tempo sebelum "
                f"{cut:%d/%m/%Y}.",
            )
        charges[target] = charges.get(target, 0) + f.arrears_denda - by_rule
    else:
        settled_denda = by_rule - f.arrears_denda
    kept = {n: (a, cut) for n, a in charges.items() if a > 0}
    position = (
        bare  # the same arguments: a loan with no denda at all (most loans) is placed once
        if not kept and not settled_denda
        else loan_position(schedule, settled_pokok, settled_jasa, settled_denda, kept, rule, cut)
    )
    if f.days_late is not None and f.days_late != position.days_past_due:
        raise Mismatch(
            "days_late",
            f"menurut jadwal dan tunggakan ini, hari terlambat per {cut:%d/%m/%Y} "
            f"{position.days_past_due}, bukan {f.days_late}.",
        )
    return Opening(
        settled_pokok,
        settled_jasa,
        settled_denda,
        tuple(sorted((n, a) for n, a in charges.items() if a > 0)),
        position,
        tuple((line.number, line.paid_denda) for line in position.lines if line.paid_denda),
    )


def _denda_target(position: Position, cut: date) -> int | None:
    """The instalment extra denda is charged on: the oldest one late and unpaid, else the
    last one due before the cut-over."""
    late = [line for line in position.lines if line.due_date < cut]
    for line in late:
        if line.paid_pokok + line.paid_jasa < line.pokok + line.jasa:
            return line.number
    return late[-1].number if late else None
