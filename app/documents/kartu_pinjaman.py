"""Kartu Pinjaman: a member's loan card — the terms, each instalment with what was paid on it,
every receipt, and the balance at the card's date."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from app.documents.context import DocContext, RegisterLink
from app.documents.kinds import DocKind
from app.documents.parties import LoanRef, MemberParty
from app.formats import format_date_short
from app.loans.models import EventKind, Payment, ScheduleLine
from app.money import format_number

if TYPE_CHECKING:
    from reportlab.platypus import Flowable


@dataclass(frozen=True)
class CardInstallment:
    number: int
    due_date: date
    pokok: int
    jasa: int
    paid: int  # pokok + jasa paid (or waived) on it
    state: str  # 'Lunas', 'Dibayar Sebagian', 'Terlambat', 'Belum Jatuh Tempo'

    @property
    def total(self) -> int:
        return self.pokok + self.jasa


@dataclass(frozen=True)
class CardPayment:
    on: date
    receipt_no: str
    description: str
    amount: int
    pokok: int
    jasa: int
    denda: int


@dataclass(frozen=True)
class KartuPinjaman:
    nomor: str
    doc_date: date
    member: MemberParty
    loan: LoanRef
    installments: tuple[CardInstallment, ...]
    payments: tuple[CardPayment, ...]
    outstanding: int  # sisa pokok at doc_date
    arrears_total: int = 0
    titipan: int = 0
    status: str = "Aktif"

    @property
    def paid_total(self) -> int:
        return sum(x.amount for x in self.payments)

    def title(self) -> str:
        return f"Kartu Pinjaman {self.loan.number} – {self.member.name}"

    def link(self) -> RegisterLink:
        m = self.member
        return RegisterLink(m.id, m.number, m.name, self.loan.id, self.loan.number)


def card_installments(lines: Sequence[ScheduleLine]) -> tuple[CardInstallment, ...]:
    return tuple(
        CardInstallment(
            x.number, x.due_date, x.pokok, x.jasa, x.paid_pokok + x.paid_jasa, x.state.label
        )
        for x in lines
    )


def card_payments(events: Sequence[Payment]) -> tuple[CardPayment, ...]:
    """Receipts, reversals and waivers as card lines (disbursement is in the terms)."""
    shown = (EventKind.PEMBAYARAN, EventKind.PEMBALIKAN, EventKind.KERINGANAN)
    return tuple(
        CardPayment(
            e.event_date, e.receipt_no or "", e.kind.label, e.amount, e.pokok, e.jasa, e.denda
        )
        for e in events
        if e.kind in shown
    )


def kartu_pinjaman(
    member: MemberParty,
    loan: LoanRef,
    lines: Sequence[ScheduleLine],
    events: Sequence[Payment],
    *,
    on: date,
    outstanding: int,
    arrears_total: int = 0,
    titipan: int = 0,
    status: str = "Aktif",
) -> KartuPinjaman:
    return KartuPinjaman(
        nomor="",
        doc_date=on,
        member=member,
        loan=loan,
        installments=card_installments(lines),
        payments=card_payments(events),
        outstanding=outstanding,
        arrears_total=arrears_total,
        titipan=titipan,
        status=status,
    )


def story(card: KartuPinjaman, ctx: DocContext) -> list[Flowable]:
    from reportlab.lib.units import cm
    from reportlab.platypus import Spacer

    from app.documents.letter_parts import title_block
    from app.documents.tables import data_table, p, pairs_table, rp_words

    style = ctx.rupiah_style
    loan, m = card.loan, card.member
    terms = [
        ("Nama / No. Anggota", f"{m.name} / {m.number}"),
        ("Alamat", m.address),
        ("No. Pinjaman", f"{loan.number} tanggal {loan.agreement_date_text}"),
        ("Plafon / jangka", f"{rp_words(loan.amount, style)}, {loan.months} bulan"),
        ("Jasa / Metode", f"{loan.rate_text}, {loan.method}"),
        ("Keperluan / Status", f"{loan.purpose.strip() or '–'} · {card.status}"),
    ]
    inst_rows = [
        [
            str(i.number),
            format_date_short(i.due_date),
            format_number(i.pokok),
            format_number(i.jasa),
            format_number(i.total),
            format_number(i.paid),
            i.state,
        ]
        for i in card.installments
    ]
    pay_rows = [
        [
            format_date_short(x.on),
            x.receipt_no,
            x.description,
            format_number(x.amount),
            format_number(x.pokok),
            format_number(x.jasa),
            format_number(x.denda),
        ]
        for x in card.payments
    ]
    result: list[Flowable] = [
        *title_block("KARTU PINJAMAN ANGGOTA", card.nomor),
        pairs_table(terms, label_width=4.0 * cm, style="lplain"),
        Spacer(1, 0.1 * cm),
        p("Jadwal dan pembayaran angsuran", "heading"),
        data_table(
            ["No.", "Jatuh Tempo", "Pokok", "Jasa", "Angsuran", "Terbayar", "Keadaan"],
            inst_rows,
            [1.0 * cm, 2.2 * cm, 2.5 * cm, 2.2 * cm, 2.5 * cm, 2.5 * cm, 3.6 * cm],
            right=(2, 3, 4, 5),
            center=(0, 1),
            empty_text="Jadwal belum ada.",
        ),
        Spacer(1, 0.1 * cm),
        p("Pembayaran yang diterima", "heading"),
        data_table(
            ["Tanggal", "No. Kuitansi", "Keterangan", "Jumlah", "Pokok", "Jasa", "Denda"],
            pay_rows,
            [2.0 * cm, 3.0 * cm, 3.1 * cm, 2.4 * cm, 2.2 * cm, 2.0 * cm, 1.8 * cm],
            right=(3, 4, 5, 6),
            empty_text="Belum ada pembayaran.",
            total=["", "", "Jumlah", format_number(card.paid_total), "", "", ""],
        ),
        Spacer(1, 0.2 * cm),
        *_closing(card, ctx),
    ]
    return result


def _closing(card: KartuPinjaman, ctx: DocContext) -> list[Flowable]:
    """The balance at the card's date, and the signature: side by side when one officer
    signs (the card then usually stays on one page), else one under the other."""
    from reportlab.lib.units import cm
    from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

    from app.documents.letter import CONTENT_WIDTH, Signer, place_and_date
    from app.documents.letter_parts import officers_sign
    from app.documents.signatures import officers, signer_cell
    from app.documents.tables import p, pairs_table, rp

    style = ctx.rupiah_style
    half = CONTENT_WIDTH / 2
    balances = pairs_table(
        [
            (f"Sisa pokok per {format_date_short(card.doc_date)}", rp(card.outstanding, style)),
            ("Tunggakan (pokok, jasa, denda)", rp(card.arrears_total, style)),
            ("Titipan (kelebihan bayar)", rp(card.titipan, style)),
        ],
        label_width=5.7 * cm,
        width=half + 1.0 * cm,
        style="lplain",
    )
    note = p("Jumlah dalam rupiah.", "tiny")
    config = ctx.signers_for(DocKind.KARTU_PINJAMAN)
    signers = officers(ctx.profile, config)
    if len(signers) != 1 or config.mengetahui:
        return [balances, note, Spacer(1, 0.4 * cm),
                *officers_sign(ctx, DocKind.KARTU_PINJAMAN, card.doc_date)]  # fmt: skip
    only = signers[0]
    heading = "\n".join((place_and_date(ctx.profile, card.doc_date), ctx.coop))
    row = Table(
        [[[balances, note], signer_cell(Signer(only.position, only.name, heading))]],
        colWidths=[half + 1.0 * cm, half - 1.0 * cm],
    )
    row.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (0, 0), "TOP"),
                ("VALIGN", (1, 0), (1, 0), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [KeepTogether([row])]


def render(card: KartuPinjaman, ctx: DocContext) -> tuple[bytes, int]:
    from app.documents.render import render_story

    return render_story(
        story(card, ctx),
        ctx.profile,
        is_demo=ctx.is_demo,
        title="Kartu Pinjaman Anggota",
        number=card.nomor,
    )
