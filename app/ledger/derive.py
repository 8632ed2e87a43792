"""The ledger event of each stored money record (LEDGER.md §2.2), as pure functions: the same
derivation posts a new record, posts the history of an existing file and re-derives the books
for `mufakat check` (§5.4 item 8).

Savings transactions and loan events are the sub-ledgers. A record that undoes another
(a savings `pembalikan`, a loan `pembalikan`) has no event of its own: its journal is the
reversal of the original's journal (`reverses`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple, TypedDict

from app.collection.decision_models import FinancialEvent
from app.ledger import events as ev
from app.loans.models import EventKind, Payment
from app.savings.berjangka import Deposit, DepositEvent
from app.savings.berjangka import EventKind as DepositEventKind
from app.savings.models import SavingsKind, SavingsTransaction, TxType

SAVINGS_SOURCE = ev.SavingsDeposit.SOURCE
SAVINGS_ROLES = {
    TxType.SETORAN: ev.SavingsDeposit.ROLE,
    TxType.PENARIKAN: ev.SavingsWithdrawal.ROLE,
}

# Loan events share one table, so their ids never collide across event types: a loan event is
# keyed by its event type's (SOURCE, ROLE) and its own id.
LOAN_EVENT_TYPES: dict[EventKind, type[ev.Event]] = {
    EventKind.PENCAIRAN: ev.Disbursement,
    EventKind.PEMBAYARAN: ev.InstalmentPayment,
    EventKind.TITIPAN_DITERAPKAN: ev.TitipanApplied,
    EventKind.TITIPAN_DIKEMBALIKAN: ev.TitipanRefund,
    EventKind.KERINGANAN: ev.Waiver,
    EventKind.POTONGAN_PELUNASAN: ev.Waiver,
}


class _Common(TypedDict):
    source_id: int
    on: date
    member_id: int | None
    loan_id: int | None
    product_id: int | None
    note: str


class SavingsRecord(NamedTuple):
    """What the derivation reads of a stored savings transaction (a SavingsTransaction has
    the same fields): the history posting reads just these, millions of them."""

    id: int
    member_id: int
    kind: SavingsKind
    tx_type: TxType
    amount: int
    tx_date: date
    receipt_no: str
    method: str
    reverses_id: int | None


class LoanRecord(NamedTuple):
    """What the derivation reads of a stored loan event (a Payment has the same fields)."""

    id: int
    loan_id: int
    kind: EventKind
    event_date: date
    receipt_no: str | None
    amount: int
    method: str
    pokok: int
    jasa: int
    denda: int
    titipan: int
    fee: int
    reverses_id: int | None
    transfer: int


@dataclass(frozen=True)
class Reverses:
    """The record undoes the one whose journal has this key; dated `on`."""

    key: tuple[str, int, str]
    on: date


def savings_key(tx_id: int, tx_type: TxType) -> tuple[str, int, str]:
    return (SAVINGS_SOURCE, tx_id, SAVINGS_ROLES[tx_type])


def savings_event(
    tx: SavingsTransaction | SavingsRecord, original: SavingsTransaction | None = None
) -> ev.Event | Reverses:
    """A deposit or withdrawal; a reversal (`original`: the record it undoes) → Reverses."""
    if tx.tx_type == TxType.PEMBALIKAN:
        assert original is not None and tx.reverses_id == original.id
        return Reverses(savings_key(original.id, original.tx_type), tx.tx_date)
    cls = ev.SavingsDeposit if tx.tx_type == TxType.SETORAN else ev.SavingsWithdrawal
    return cls(
        source_id=tx.id,
        on=tx.tx_date,
        member_id=tx.member_id,
        kind=tx.kind.value,
        amount=abs(tx.amount),
        method=tx.method,
        note=tx.receipt_no,
    )


JASA_METHOD = "jasa_simpanan"  # the savings transaction of a jasa credit (its net)
JASA_SOURCE = "jasa_sukarela"  # the jasa row whose journal books it (gross, PPh, net)


def jasa_sukarela_event(
    row_id: int, on: date, member_id: int, gross: int, tax: int, note: str = ""
) -> ev.JasaSimpanan:
    """The month-end jasa on a member's sukarela (a jasa_sukarela row): one journal for the
    gross, the PPh and the net its savings transaction carries."""
    return ev.JasaSimpanan(
        source_id=row_id,
        on=on,
        member_id=member_id,
        kind="sukarela",
        gross=gross,
        tax=tax,
        record=JASA_SOURCE,
        note=note,
    )


OPENING_METHOD = "saldo_awal"  # the events of a loan the cut-over import brought in
_CUT = re.compile(r"pindahan per (\d{2})/(\d{2})/(\d{4})")


@dataclass(frozen=True)
class ImportedLoan:
    """A loan the cut-over import brought in: its cut-over and the pokok paid before it."""

    cut: date
    pokok_paid: int


def imported_loan(decision_note: str, pokok_paid: int, latest: date) -> ImportedLoan:
    """From the stored loan: the cut-over its import note names (app/imports/loans_write),
    else the latest of its opening events."""
    found = _CUT.search(decision_note)
    cut = date(int(found[3]), int(found[2]), int(found[1])) if found else latest
    return ImportedLoan(max(cut, latest), pokok_paid)


def loan_key(event_id: int, kind: EventKind) -> tuple[str, int, str]:
    cls = LOAN_EVENT_TYPES[kind]
    return (cls.SOURCE, event_id, cls.ROLE)


def loan_event(
    p: Payment | LoanRecord,
    member_id: int,
    product_id: int | None,
    original: Payment | None = None,
    imported: ImportedLoan | None = None,
) -> ev.Event | Reverses:
    """The ledger event of one stored loan event; a pembalikan (`original`) → Reverses. The
    events of an imported loan (method `saldo_awal`, `imported`: its cut-over) post only the
    position at the cut-over (LEDGER.md §5.4 item 9): its disbursement the pokok outstanding
    then, against 3999; what was paid before posts nothing."""
    if p.kind == EventKind.PEMBALIKAN:
        assert original is not None and p.reverses_id == original.id
        return Reverses(loan_key(original.id, original.kind), p.event_date)
    common: _Common = {
        "source_id": p.id,
        "on": p.event_date,
        "member_id": member_id,
        "loan_id": p.loan_id,
        "product_id": product_id,
        "note": p.receipt_no or "",
    }
    e: ev.Event
    if p.method == OPENING_METHOD and p.kind == EventKind.PENCAIRAN:
        if imported is None:
            raise ValueError(f"imported loan {p.loan_id} without its cut-over")
        common["on"] = imported.cut
        e = ev.LoanOpening(pokok=p.amount - imported.pokok_paid, **common)
    elif p.method == OPENING_METHOD and p.kind == EventKind.PEMBAYARAN:
        e = ev.PaidBeforeCutOver(pokok=p.pokok, jasa=p.jasa, **common)
    elif p.kind == EventKind.PENCAIRAN:
        e = ev.Disbursement(
            plafon=p.amount, admin_fee=p.fee, method=p.method, transfer=p.transfer, **common
        )
    elif p.kind == EventKind.PEMBAYARAN:
        e = ev.InstalmentPayment(
            method=p.method,
            pokok=p.pokok,
            jasa=p.jasa,
            denda=p.denda,
            titipan=max(p.titipan, 0),
            titipan_used=max(-p.titipan, 0),
            **common,
        )
    elif p.kind == EventKind.TITIPAN_DITERAPKAN:
        e = ev.TitipanApplied(pokok=p.pokok, jasa=p.jasa, denda=p.denda, **common)
    elif p.kind == EventKind.TITIPAN_DIKEMBALIKAN:
        e = ev.TitipanRefund(amount=p.amount, method=p.method, **common)
    else:  # keringanan, potongan pelunasan: unbooked jasa/denda post nothing (cash basis)
        future = p.kind == EventKind.POTONGAN_PELUNASAN
        e = ev.Waiver(pokok=p.pokok, jasa=p.jasa, denda=p.denda, future_jasa=future, **common)
    return e


# The financial events of problem loans (collection_fin_events, their own table and ids).
COLLECTION_EVENT_TYPES: dict[str, type[ev.Event]] = {
    "kapitalisasi": ev.Restructuring,
    "hapus_buku": ev.WriteOff,
    "pembalikan_pendapatan": ev.IncomeNotRecognised,
    "pemulihan": ev.Recovery,
    "hapus_tagih": ev.HapusTagih,
}


def collection_key(event_id: int, kind: str) -> tuple[str, int, str]:
    cls = COLLECTION_EVENT_TYPES[kind]
    return (cls.SOURCE, event_id, cls.ROLE)


def collection_event(f: FinancialEvent, member_id: int, product_id: int | None) -> ev.Event:
    """Restructuring capitalising jasa/denda (deferred, not income), hapus buku, the jasa/denda
    not recognised at hapus buku (a marker), recovery after hapus buku, hapus tagih (marker).
    Settlement at a discount and set-off are loan events (keringanan + pembayaran) and savings
    transactions, posted as such."""
    common: _Common = {
        "source_id": f.id,
        "on": f.event_date,
        "member_id": member_id,
        "loan_id": f.loan_id,
        "product_id": product_id,
        "note": f.receipt_no or "",
    }
    if f.kind == "kapitalisasi":
        return ev.Restructuring(capitalised_jasa=f.jasa + f.denda, **common)
    if f.kind == "hapus_buku":
        return ev.WriteOff(pokok=f.pokok, **common)
    if f.kind == "pembalikan_pendapatan":
        return ev.IncomeNotRecognised(jasa=f.jasa, denda=f.denda, **common)
    if f.kind == "pemulihan":
        return ev.Recovery(amount=f.amount, method=f.method or "tunai", **common)
    if f.kind == "hapus_tagih":
        return ev.HapusTagih(**common)
    raise ValueError(f"unknown collection event kind {f.kind!r}")


def berjangka_open_event(d: Deposit) -> ev.BerjangkaOpen:
    """A placement: its principal in by its method (a roll-over: from the one before it)."""
    return ev.BerjangkaOpen(
        source_id=d.id,
        on=d.start_on,
        member_id=d.member_id,
        amount=d.principal,
        method=d.method,
        note=d.display_number,
    )


def berjangka_event(e: DepositEvent, d: Deposit) -> ev.BerjangkaJasa | ev.BerjangkaClose:
    """A month's jasa, or the end of a placement (payout, roll-over, early withdrawal)."""
    if e.kind == DepositEventKind.JASA:
        return ev.BerjangkaJasa(
            source_id=e.id,
            on=e.event_date,
            member_id=d.member_id,
            gross=e.jasa,
            tax=e.tax,
            method=e.jasa_method,
            note=f"{d.display_number} {e.month}",
        )
    return ev.BerjangkaClose(
        source_id=e.id,
        on=e.event_date,
        member_id=d.member_id,
        principal=e.principal,
        method=e.method,
        jasa=e.jasa,
        tax=e.tax,
        jasa_method=e.jasa_method,
        penalty=e.penalty,
        note=f"{d.display_number} ({e.kind.label.lower()})",
    )
