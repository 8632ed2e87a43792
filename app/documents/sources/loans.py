"""Loan documents from a real loan: Jadwal Angsuran, Kartu Pinjaman, Kuitansi for one payment,
Tanda Terima Agunan and Surat Keterangan Lunas (how the loan was paid off; never for a loan
that was written off)."""

from __future__ import annotations

from datetime import date

from app.collection.decision_models import Decision, DecisionKind, DecisionStatus
from app.collection.restructuring_terms import terms_from_payload
from app.documents import kartu_pinjaman, keterangan_lunas, kuitansi
from app.documents import tanda_terima_agunan as tta
from app.documents.jadwal_angsuran import JadwalAngsuran, ScheduleRow, rounding_text
from app.documents.parties import collateral_item
from app.documents.sources.basics import loan_parties
from app.errors import ValidationError
from app.loans.models import EventKind, Loan, LoanStatus, Payment
from app.loans.schedule import method_label
from app.services import Services

_NOT_LENT = (LoanStatus.DIAJUKAN, LoanStatus.DISETUJUI, LoanStatus.DITOLAK)


def _executed(services: Services, loan_id: int, kind: DecisionKind) -> list[Decision]:
    return [
        d
        for d in services.decisions.for_loan(loan_id, kind)
        if d.status == DecisionStatus.DILAKSANAKAN
    ]


def jadwal(services: Services, loan_id: int, on: date) -> JadwalAngsuran:
    """The loan's schedule in force (the restructured one after a restructuring)."""
    parts = loan_parties(services, loan_id)
    loan = parts.loan
    if loan.status == LoanStatus.DITOLAK:
        raise ValidationError(
            f"Pengajuan {loan.display_number} ditolak; tidak ada jadwal angsuran.", field="loan"
        )
    lines = services.loans.schedule(loan_id, on)
    rows = tuple(ScheduleRow(x.number, x.due_date, x.pokok, x.jasa, x.balance) for x in lines)
    rate, method = loan.monthly_rate, loan.method
    round_to, round_up, grace = loan.round_to, loan.round_up, loan.principal_grace
    restructured = _executed(services, loan_id, DecisionKind.RESTRUKTURISASI)
    if loan.schedule_version > 0 and restructured:
        terms = terms_from_payload(restructured[-1].payload["terms"])
        rate, method = terms.monthly_rate, terms.method
        round_to, round_up, grace = terms.round_to, terms.round_up, terms.principal_grace
    return JadwalAngsuran(
        nomor="",
        doc_date=on,
        principal=sum(r.pokok for r in rows),
        months=len(rows),
        monthly_rate=rate,
        method=method_label(method),
        first_due=rows[0].due_date,
        rows=rows,
        rounding=rounding_text(round_to, round_up),
        grace=grace,
        member=parts.member,
        loan=parts.ref,
        simulation=False,
    )


def kartu(services: Services, loan_id: int, on: date) -> kartu_pinjaman.KartuPinjaman:
    """The member's loan card at `on`: schedule with what was paid, every receipt, balance."""
    parts = loan_parties(services, loan_id)
    loan = parts.loan
    if loan.status in _NOT_LENT or loan.disbursed_on is None:
        raise ValidationError(
            f"Pinjaman {loan.display_number} belum dicairkan; kartu pinjaman dibuat sesudah "
            "pencairan.",
            field="loan",
        )
    detail = services.loans.detail(loan_id, on)
    events = [e for e in detail.events if e.event_date <= on]
    arrears = detail.arrears
    return kartu_pinjaman.kartu_pinjaman(
        parts.member,
        parts.ref,
        detail.schedule,
        events,
        on=on,
        outstanding=arrears.outstanding if arrears else 0,
        arrears_total=arrears.arrears_total if arrears else 0,
        titipan=detail.titipan,
        status=loan.status.label,
    )


def kuitansi_pembayaran(services: Services, loan_id: int, event_id: int) -> kuitansi.Kuitansi:
    """The receipt of one payment on the loan (its own receipt number)."""
    parts = loan_parties(services, loan_id)
    payment = services.loans.payments.get(event_id)
    if payment.loan_id != loan_id:
        raise ValidationError("Pembayaran itu bukan untuk pinjaman ini.", field="payment")
    cashier = payment.created_by_name or services.settings.profile().bendahara
    return kuitansi.kuitansi_pinjaman(
        payment, parts.member, parts.ref, cashier, payoff=_closed_by(services, parts.loan, payment)
    )


def _closed_by(services: Services, loan: Loan, payment: Payment) -> bool:
    """Whether `payment` is the one that paid the loan off: the loan is lunas (with or
    without a waiver) and no later receipt stands."""
    if loan.status not in (LoanStatus.LUNAS, LoanStatus.LUNAS_KERINGANAN):
        return False
    receipts = [
        e
        for e in services.loans.payments.events(loan.id)
        if e.kind == EventKind.PEMBAYARAN and not e.is_reversed
    ]
    last = max(receipts, key=lambda e: (e.event_date, e.id), default=None)
    return last is not None and last.id == payment.id


def kuitansi_pemulihan(services: Services, loan_id: int, event_id: int) -> kuitansi.Kuitansi:
    """The receipt of one recovery on a written-off loan (its own PH- receipt number)."""
    parts = loan_parties(services, loan_id)
    event = next(
        (
            e
            for e in services.offbook.fin_events(loan_id)
            if e.id == event_id and e.kind == "pemulihan"
        ),
        None,
    )
    if event is None:
        raise ValidationError("Penerimaan pemulihan itu tidak ditemukan.", field="payment")
    user = services.users.get(event.created_by) if event.created_by else None
    cashier = user.full_name if user else services.settings.profile().bendahara
    return kuitansi.kuitansi_pemulihan(
        event.receipt_no,
        event.event_date,
        event.amount,
        event.method,
        parts.member,
        parts.ref,
        cashier,
    )


def tanda_terima_agunan(
    services: Services, loan_id: int, on: date, *, returning: bool = False
) -> tta.TandaTerimaAgunan:
    """Collateral received (everything recorded on the loan) or returned (what was released
    by `on`)."""
    parts = loan_parties(services, loan_id)
    items = services.loans.collateral(loan_id)
    if returning:
        chosen = [c for c in items if c.released_on is not None and c.released_on <= on]
    else:
        chosen = list(items)
    if not chosen:
        what = "dikembalikan" if returning else "dicatat"
        raise ValidationError(
            f"Pinjaman {parts.loan.display_number} tidak punya agunan yang {what}.", field="loan"
        )
    return tta.tanda_terima_agunan(
        parts.member,
        parts.ref,
        tuple(collateral_item(c) for c in chosen),
        on=on,
        returning=returning,
    )


def keterangan(services: Services, loan_id: int, on: date) -> keterangan_lunas.KeteranganLunas:
    """How the loan was paid off: in full, by a settlement with waiver (its decision number),
    or in full after a restructuring. Refused for a loan not closed by payment."""
    parts = loan_parties(services, loan_id)
    loan = parts.loan
    settled = _executed(services, loan_id, DecisionKind.PELUNASAN_KERINGANAN)
    restructured = bool(_executed(services, loan_id, DecisionKind.RESTRUKTURISASI))
    returned = tuple(
        collateral_item(c)
        for c in services.loans.collateral(loan_id)
        if c.released_on is not None and c.released_on <= on
    )
    return keterangan_lunas.keterangan_lunas(
        parts.member,
        parts.ref,
        loan.status,
        on=on,
        paid_off_on=loan.closed_on,
        restructured=restructured,
        agreement_ref=settled[-1].number if settled else "",
        returned=returned,
    )
