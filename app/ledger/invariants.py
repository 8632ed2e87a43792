"""The books' invariants (LEDGER.md §5.4 items 1–4, 6) as functions that return problems in
Indonesian, one line each (an empty list: all is well). For `mufakat check` and the tests."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from app.ledger import events as ev
from app.ledger.service import LedgerService
from app.money import format_rupiah


def journals_balance(ledger: LedgerService) -> list[str]:
    """§5.4.1: every journal balances (whole rupiah: no round-off account); markers are empty."""
    problems = [_unbalanced_text(r) for r in ledger.repo.unbalanced()]
    orphans = ledger.repo.orphan_lines()
    if orphans:
        problems.append(f"{orphans} baris jurnal tanpa kepala jurnal.")
    return problems


def _unbalanced_text(r: Any) -> str:
    if r["n"] == 0 and not r["no_gl"]:
        return f"Jurnal {r['number']} tidak punya baris."
    if r["n"] and r["no_gl"]:
        return f"Tanda tanpa-jurnal {r['number']} punya baris jurnal."
    return (
        f"Jurnal {r['number']} tidak seimbang: debet {format_rupiah(r['debit'])}, kredit "
        f"{format_rupiah(r['credit'])}."
    )


def trial_balance_zero(ledger: LedgerService, as_of: date) -> list[str]:
    """§5.4.2: the trial balance sums to zero; Aset = Kewajiban + Ekuitas + (Pendapatan − Beban)."""
    rows = ledger.trial_balance(as_of)
    debit = sum(r.debit for r in rows)
    credit = sum(r.credit for r in rows)
    problems = []
    if debit != credit:
        problems.append(
            f"Neraca saldo per {as_of.isoformat()} tidak seimbang: debet {format_rupiah(debit)}, "
            f"kredit {format_rupiah(credit)}."
        )
    net: Counter[str] = Counter()
    for r in rows:
        net[r.type] += r.debit - r.credit
    aset = net["aset"]
    right = -net["kewajiban"] - net["ekuitas"] + (-net["pendapatan"] - net["beban"])
    if aset != right:
        problems.append(
            f"Per {as_of.isoformat()} Aset {format_rupiah(aset)} tidak sama dengan Kewajiban + "
            f"Ekuitas + (Pendapatan − Beban) {format_rupiah(right)}."
        )
    return problems


def events_booked(ledger: LedgerService, events: Iterable[ev.Event]) -> list[str]:
    """§5.4.3: each money event has exactly one journal or its no-GL marker (the unique key
    makes more than one impossible)."""
    return [
        f"{event.LABEL} ({event.SOURCE} {event.source_id}) belum dibukukan."
        for event in events
        if ledger.journal_of(event) is None
    ]


def control_matches(
    ledger: LedgerService, role: str, expected: Mapping[int, int], on: date
) -> list[str]:
    """§5.4.4 per loan: the control account of `role` (on its normal side) equals the
    sub-ledger's figure for each loan on `on`."""
    account = ledger.accounts.get(ledger.accounts.resolver(on).role(role))
    sign = 1 if account.normal == "D" else -1
    problems = []
    for loan_id, amount in sorted(expected.items()):
        booked = sign * ledger.repo.balance([account.code], on, loan_id)
        if booked != amount:
            problems.append(
                f"Akun {account.code} {account.name} pinjaman {loan_id} per {on.isoformat()}: "
                f"buku besar {format_rupiah(booked)}, rincian {format_rupiah(amount)}."
            )
    return problems


def control_total(ledger: LedgerService, role: str, expected: int, on: date) -> list[str]:
    """§5.4.4 in total: the control account of `role` (normal side) equals the sub-ledger's
    total on `on` (e.g. savings by kind, titipan, booked PPAP)."""
    account = ledger.accounts.get(ledger.accounts.resolver(on).role(role))
    sign = 1 if account.normal == "D" else -1
    booked = sign * ledger.repo.balance([account.code], on)
    if booked == expected:
        return []
    return [
        f"Akun {account.code} {account.name} per {on.isoformat()}: buku besar "
        f"{format_rupiah(booked)}, rincian {format_rupiah(expected)}."
    ]


def reversals_negate(ledger: LedgerService) -> list[str]:
    """§5.4.6: each reversal is its original's lines with the sides swapped, not earlier."""
    problems = []
    for original_id, reversal_id in ledger.repo.reversal_pairs():
        original = ledger.journal(original_id)
        reversal = ledger.journal(reversal_id)
        if Counter(x.swapped() for x in original.lines) != Counter(reversal.lines):
            problems.append(
                f"Jurnal pembalik {reversal.number} tidak sama dengan kebalikan {original.number}."
            )
        if reversal.date < original.date:
            problems.append(f"Jurnal pembalik {reversal.number} bertanggal sebelum aslinya.")
    return problems


def all_problems(ledger: LedgerService, as_of: date) -> list[str]:
    return journals_balance(ledger) + trial_balance_zero(ledger, as_of) + reversals_negate(ledger)
