"""Kuitansi: the receipt for a loan payment, a recovery on a written-off loan or a savings
deposit/withdrawal, with the amount in figures and words and a meterai box above Rp5.000.000
(DOMAIN §8)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from app.documents.context import DocContext, RegisterLink
from app.documents.kinds import DocKind
from app.documents.meterai import MeteraiDecision, meterai_for
from app.documents.parties import LoanRef, MemberParty
from app.errors import ValidationError
from app.loans.models import EventKind, Payment
from app.money import format_number, terbilang_rupiah
from app.savings.models import PAYMENT_METHODS, SYSTEM_METHODS, SavingsTransaction, TxType

if TYPE_CHECKING:
    from reportlab.platypus import Flowable, Table


_COMPONENTS = {"pokok": "Angsuran pokok", "jasa": "Jasa", "denda": "Denda", "titipan": "Titipan"}


@dataclass(frozen=True)
class ReceiptLine:
    label: str
    amount: int


@dataclass(frozen=True)
class Kuitansi:
    nomor: str  # the transaction's receipt number
    doc_date: date
    kind: DocKind
    incoming: bool  # True: the cooperative received the money; False: paid it out
    member: MemberParty
    amount: int
    purpose: str
    lines: tuple[ReceiptLine, ...]
    method: str
    cashier: str
    meterai: MeteraiDecision
    loan: LoanRef | None = None

    @property
    def words(self) -> str:
        return terbilang_rupiah(self.amount)

    def title(self) -> str:
        return f"Kuitansi {self.nomor} – {self.member.name}"

    def link(self) -> RegisterLink:
        m, loan = self.member, self.loan
        return RegisterLink(
            m.id, m.number, m.name, loan.id if loan else None, loan.number if loan else ""
        )


def kuitansi_simpanan(tx: SavingsTransaction, member: MemberParty, cashier: str) -> Kuitansi:
    """The receipt of a savings deposit (received) or withdrawal (paid out)."""
    if tx.tx_type == TxType.PEMBALIKAN or tx.is_reversed:
        raise ValidationError(
            f"Transaksi {tx.receipt_no} sudah dibatalkan; kuitansinya tidak dicetak lagi.",
            field="transaction",
        )
    amount = abs(tx.amount)
    incoming = tx.tx_type == TxType.SETORAN
    what = f"{tx.tx_type.label} {tx.kind.label}"
    purpose = what + (f" ({tx.note.strip()})" if tx.note.strip() else "")
    return Kuitansi(
        nomor=tx.receipt_no,
        doc_date=tx.tx_date,
        kind=DocKind.KUITANSI_SIMPANAN,
        incoming=incoming,
        member=member,
        amount=amount,
        purpose=purpose,
        lines=(ReceiptLine(tx.kind.label, amount),),
        method={**PAYMENT_METHODS, **SYSTEM_METHODS}.get(tx.method, tx.method),
        cashier=cashier,
        meterai=meterai_for(DocKind.KUITANSI_SIMPANAN, amount=amount),
    )


def kuitansi_pinjaman(
    payment: Payment, member: MemberParty, loan: LoanRef, cashier: str, *, payoff: bool = False
) -> Kuitansi:
    """The receipt of a loan payment, split into pokok, jasa, denda and titipan.

    `payoff`: the payment closed the loan (early or with a waiver): the receipt says
    pelunasan, not the instalment numbers it happened to be allocated to."""
    if payment.kind != EventKind.PEMBAYARAN or payment.is_reversed or not payment.receipt_no:
        raise ValidationError(
            "Kuitansi hanya untuk pembayaran angsuran yang tidak dibatalkan.",
            field="payment",
        )
    numbers = sorted({x.number for x in payment.lines if x.number is not None})
    if payoff and len(numbers) > 1:
        which = "pelunasan"
    elif len(numbers) > 1:
        which = f"angsuran ke-{numbers[0]} s.d. ke-{numbers[-1]}"
    elif numbers:
        which = f"angsuran ke-{numbers[0]}"
    else:
        which = "angsuran"
    lines = tuple(
        ReceiptLine(label, getattr(payment, key))
        for key, label in _COMPONENTS.items()
        if getattr(payment, key)
    )
    return Kuitansi(
        nomor=payment.receipt_no,
        doc_date=payment.event_date,
        kind=DocKind.KUITANSI_PINJAMAN,
        incoming=True,
        member=member,
        amount=payment.amount,
        purpose=(
            f"Pelunasan Pinjaman No. {loan.number}"
            if which == "pelunasan"
            else f"Pembayaran {which} Pinjaman No. {loan.number}"
        ),
        lines=lines,
        method=payment.method.replace("_", " ").title() if payment.method else "Tunai",
        cashier=cashier,
        meterai=meterai_for(DocKind.KUITANSI_PINJAMAN, amount=payment.amount),
        loan=loan,
    )


def kuitansi_pemulihan(
    receipt_no: str | None,
    on: date,
    amount: int,
    method: str,
    member: MemberParty,
    loan: LoanRef,
    cashier: str,
) -> Kuitansi:
    """The receipt of money received on a written-off loan (a recovery: income of the period,
    not a loan payment, so the loan is never called paid)."""
    if not receipt_no or amount <= 0:
        raise ValidationError("Penerimaan ini tidak punya nomor kuitansi.", field="payment")
    return Kuitansi(
        nomor=receipt_no,
        doc_date=on,
        kind=DocKind.KUITANSI_PINJAMAN,
        incoming=True,
        member=member,
        amount=amount,
        purpose=(
            f"Pembayaran atas tagihan Pinjaman No. {loan.number} yang telah dihapus buku "
            "(penagihan ekstrakomptabel)"
        ),
        lines=(ReceiptLine("Pemulihan pinjaman yang dihapus buku", amount),),
        method=PAYMENT_METHODS.get(method, method.replace("_", " ").title() or "Tunai"),
        cashier=cashier,
        meterai=meterai_for(DocKind.KUITANSI_PINJAMAN, amount=amount),
        loan=loan,
    )


def _words_box(words: str) -> Table:
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, Table, TableStyle

    from app.documents.styles import esc
    from app.documents.tables import xstyles

    box = Table(
        [[Paragraph(f"<b># {esc(words)} #</b>", xstyles()["lplain"])]],
        colWidths=[12.0 * cm],
    )
    box.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), "#eef3ef"),
                ("BOX", (0, 0), (-1, -1), 0.5, "#888888"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    box.hAlign = "LEFT"
    return box


def _amount_box(text: str) -> Table:
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, Table, TableStyle

    from app.documents.styles import esc
    from app.documents.tables import xstyles

    box = Table([[Paragraph(f"<b>{esc(text)}</b>", xstyles()["lcenter"])]], colWidths=[5.0 * cm])
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.2, "#000000"),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ]
        )
    )
    box.hAlign = "LEFT"
    return box


def story(receipt: Kuitansi, ctx: DocContext) -> list[Flowable]:
    from reportlab.lib.units import cm
    from reportlab.platypus import Spacer

    from app.documents.letter import Signer, place_and_date
    from app.documents.letter_parts import title_block
    from app.documents.signatures import signature_rows
    from app.documents.tables import data_table, pairs_table, rp

    style = ctx.rupiah_style
    m = receipt.member
    member_text = f"{m.salutation} {m.name} (No. Anggota {m.number})"
    if receipt.incoming:
        giver, receiver = member_text, ctx.coop
    else:
        giver, receiver = ctx.coop, member_text
    stamp = receipt.meterai.required
    coop_signer = Signer("Kasir / Bendahara", receipt.cashier, "")
    member_signer = Signer("Anggota", m.name, "")
    if receipt.incoming:
        row = [
            Signer("", member_signer.name, "Penyetor,"),
            Signer(coop_signer.position, coop_signer.name, "Penerima,", stamp),
        ]
    else:
        row = [
            Signer(coop_signer.position, coop_signer.name, "Yang menyerahkan,"),
            Signer("", member_signer.name, "Penerima,", stamp),
        ]
    details = data_table(
        ["Rincian", "Jumlah (Rp)"],
        [[x.label, format_number(x.amount)] for x in receipt.lines],
        [8.0 * cm, 4.0 * cm],
        right=(1,),
        total=["Jumlah", format_number(receipt.amount)],
    )
    return [
        *title_block("KUITANSI", receipt.nomor),
        pairs_table(
            [
                ("Telah terima dari", giver),
                ("Diterima oleh", receiver),
                ("Uang sejumlah", rp(receipt.amount, style)),
            ],
            label_width=3.6 * cm,
            style="lplain",
        ),
        Spacer(1, 0.1 * cm),
        _words_box(receipt.words),
        Spacer(1, 0.2 * cm),
        pairs_table(
            [("Untuk pembayaran", receipt.purpose), ("Cara bayar", receipt.method)],
            label_width=3.6 * cm,
            style="lplain",
        ),
        Spacer(1, 0.2 * cm),
        details,
        Spacer(1, 0.4 * cm),
        _amount_box(rp(receipt.amount, style)),
        Spacer(1, 0.2 * cm),
        *signature_rows([row], heading=place_and_date(ctx.profile, receipt.doc_date)),
    ]


def render(receipt: Kuitansi, ctx: DocContext) -> tuple[bytes, int]:
    from app.documents.render import render_story

    return render_story(
        story(receipt, ctx),
        ctx.profile,
        is_demo=ctx.is_demo,
        title="Kuitansi",
        number=receipt.nomor,
    )
