"""The data of a member's savings statement (rekening simpanan): opening, lines, closing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from app.errors import ValidationError
from app.formats import format_date_short, in_sentence
from app.members.models import Member
from app.money import format_rate
from app.savings.berjangka import Deposit
from app.savings.berjangka_service import BerjangkaService
from app.savings.models import PAYMENT_METHODS, SYSTEM_METHODS, Balances, SavingsKind, TxType
from app.savings.service import SavingsService
from app.storage.jasa_repo import JasaLine

KINDS = (SavingsKind.POKOK, SavingsKind.WAJIB, SavingsKind.SUKARELA)


@dataclass(frozen=True)
class StatementLine:
    """One transaction with the balances right after it."""

    tx_date: date
    receipt_no: str
    kind: SavingsKind
    tx_type: TxType
    description: str
    deposit: int  # what went in (>= 0)
    withdrawal: int  # what went out (>= 0)
    balance: int  # running balance of this kind
    total_balance: int  # running balance of all kinds together
    cancelled: bool  # a later line (within the period) cancels this one


@dataclass(frozen=True)
class KindSummary:
    kind: SavingsKind
    opening: int
    deposits: int
    withdrawals: int
    closing: int


@dataclass(frozen=True)
class BerjangkaLine:
    """A simpanan berjangka placement running at some time in the period, with the jasa paid
    on it in the period (gross, the PPh 4(2) withheld) and its state at the period's end."""

    number: str
    start_on: date
    maturity_on: date
    principal: int
    rate_text: str
    jasa: int
    tax: int
    status: str
    running: bool  # still running at the period's end


@dataclass(frozen=True)
class SavingsStatement:
    member: Member
    start: date
    end: date
    printed_on: date
    opening: Balances
    lines: tuple[StatementLine, ...]
    closing: Balances
    summaries: tuple[KindSummary, ...]
    wajib_months_unpaid: int
    wajib_monthly: int
    jasa_gross: int = 0  # jasa simpanan credited in the period, before PPh 4(2)
    jasa_tax: int = 0  # the PPh 4(2) withheld from it
    berjangka: tuple[BerjangkaLine, ...] = ()

    @property
    def berjangka_running(self) -> int:
        """Σ principal of the placements still running at the period's end."""
        return sum(b.principal for b in self.berjangka if b.running)

    @property
    def period_text(self) -> str:
        """'01-01-2026 s.d. 30-11-2026'."""
        return f"{format_date_short(self.start)} s.d. {format_date_short(self.end)}"

    def lines_of(self, kind: SavingsKind) -> tuple[StatementLine, ...]:
        return tuple(line for line in self.lines if line.kind == kind)

    def summary_of(self, kind: SavingsKind) -> KindSummary:
        return next(s for s in self.summaries if s.kind == kind)


def _description(tx_type: TxType, method: str, note: str, reason: str) -> str:
    if method == "jasa_simpanan":  # the note says the month, the gross and the PPh
        return note.strip() or "Jasa simpanan"
    text = tx_type.label
    if tx_type != TxType.PEMBALIKAN and method != "tunai":
        text += f" ({in_sentence({**PAYMENT_METHODS, **SYSTEM_METHODS}.get(method, method))})"
    extra = note.strip()
    if tx_type == TxType.PEMBALIKAN:
        # The note already names the receipt cancelled; the reason says why.
        text = extra or text
        extra = f"alasan: {reason}" if reason else ""
    return f"{text} – {extra}" if extra else text


def _berjangka_lines(
    berjangka: BerjangkaService, member: Member, start: date, end: date
) -> tuple[BerjangkaLine, ...]:
    lines = []
    for d in berjangka.of_member(member.id):
        if d.start_on > end or (d.closed_on is not None and d.closed_on < start):
            continue
        events = [e for e in berjangka.events(d.id) if start <= e.event_date <= end]
        running = d.closed_on is None or d.closed_on > end
        lines.append(
            BerjangkaLine(
                number=d.display_number,
                start_on=d.start_on,
                maturity_on=d.maturity_on,
                principal=d.principal,
                rate_text=format_rate(d.rate),
                jasa=sum(e.jasa for e in events),
                tax=sum(e.tax for e in events),
                status="Berjalan" if running else _closed_text(d),
                running=running,
            )
        )
    return tuple(lines)


def _closed_text(d: Deposit) -> str:
    assert d.closed_on is not None and d.closed_kind is not None
    return f"{d.closed_kind.label} {format_date_short(d.closed_on)}"


def build_savings_statement(
    savings: SavingsService,
    member: Member,
    start: date,
    end: date,
    printed_on: date,
    jasa: Sequence[JasaLine] = (),
    *,
    berjangka: BerjangkaService | None = None,
) -> SavingsStatement:
    """Every transaction of `member` dated `start`..`end`, with running balances per kind;
    `jasa`: the member's jasa simpanan lines (services.jasa.member_lines), whose months end in
    the period are summed (gross and PPh) for the statement's note; with `berjangka`, the
    member's simpanan berjangka of the period too."""
    if end < start:
        raise ValidationError("Tanggal akhir sebelum tanggal awal.", field="end")
    if start > printed_on:
        raise ValidationError("Tanggal awal tidak boleh setelah hari ini.", field="start")
    opening = savings.balances(member.id, as_of=start - timedelta(days=1))
    in_period = [t for t in savings.history(member.id) if start <= t.tx_date <= end]
    cancelled_ids = {t.reverses_id for t in in_period if t.reverses_id is not None}

    running = {kind: opening.of(kind) for kind in KINDS}
    deposits = dict.fromkeys(KINDS, 0)
    withdrawals = dict.fromkeys(KINDS, 0)
    lines: list[StatementLine] = []
    for tx in in_period:
        running[tx.kind] += tx.amount
        if tx.amount > 0:
            deposits[tx.kind] += tx.amount
        else:
            withdrawals[tx.kind] -= tx.amount
        lines.append(
            StatementLine(
                tx_date=tx.tx_date,
                receipt_no=tx.receipt_no,
                kind=tx.kind,
                tx_type=tx.tx_type,
                description=_description(tx.tx_type, tx.method, tx.note, tx.reason),
                deposit=max(tx.amount, 0),
                withdrawal=max(-tx.amount, 0),
                balance=running[tx.kind],
                total_balance=sum(running.values()),
                cancelled=tx.id in cancelled_ids,
            )
        )
    closing = Balances(**{kind.value: running[kind] for kind in KINDS})
    wajib = savings.wajib_status(member, as_of=end)
    return SavingsStatement(
        member=member,
        start=start,
        end=end,
        printed_on=printed_on,
        opening=opening,
        lines=tuple(lines),
        closing=closing,
        summaries=tuple(
            KindSummary(kind, opening.of(kind), deposits[kind], withdrawals[kind], running[kind])
            for kind in KINDS
        ),
        wajib_months_unpaid=wajib.months_unpaid,
        wajib_monthly=wajib.monthly_amount,
        jasa_gross=sum(j.gross for j in jasa if start <= _month_end(j.month) <= end),
        jasa_tax=sum(j.tax for j in jasa if start <= _month_end(j.month) <= end),
        berjangka=() if berjangka is None else _berjangka_lines(berjangka, member, start, end),
    )


def _month_end(month: str) -> date:
    year, number = int(month[:4]), int(month[5:7])
    first_of_next = date(year + number // 12, number % 12 + 1, 1)
    return first_of_next - timedelta(days=1)
