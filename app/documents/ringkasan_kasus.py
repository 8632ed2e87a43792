"""Ringkasan Kasus: the one-page brief an officer takes to a negotiation — the member, the
loan, the position, contacts and promises, causes, savings that could be set off, collateral,
the options already computed, and room for handwritten notes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from app.documents.context import DocContext, RegisterLink
from app.documents.parties import ArrearsFigures, CollateralItem, LoanRef, MemberParty
from app.errors import ValidationError
from app.formats import add_months, format_count, format_date_long, format_date_short
from app.loans.schedule import ScheduleTerms, build_schedule, method_label
from app.money import format_number, round_rupiah

if TYPE_CHECKING:
    from reportlab.platypus import Flowable


MAX_CONTACTS = 6
MAX_PROMISES = 4
MAX_SUMMARY = 160


@dataclass(frozen=True)
class ContactNote:
    on: date
    channel: str
    met: str
    summary: str


@dataclass(frozen=True)
class PromiseNote:
    made_on: date
    due: date
    amount: int
    status: str


@dataclass(frozen=True)
class WaiverLimits:
    """The most the cooperative's policy lets a negotiator waive, in percent of each part."""

    denda_pct: Decimal = Decimal(100)
    jasa_pct: Decimal = Decimal(50)
    pokok_pct: Decimal = Decimal(0)


@dataclass(frozen=True)
class TermOption:
    months: int
    installment: int  # the first (regular) instalment
    total_jasa: int
    last_due: date | None = None  # when the new schedule would end


@dataclass(frozen=True)
class SettlementOption:
    pokok: int
    jasa: int
    denda: int
    waive_pokok: int
    waive_jasa: int
    waive_denda: int
    titipan: int = 0  # advance already held, deducted from what is paid
    expires_on: date | None = None  # how long such an offer would stand

    @property
    def owed(self) -> int:
        return self.pokok + self.jasa + self.denda

    @property
    def waived(self) -> int:
        return self.waive_pokok + self.waive_jasa + self.waive_denda

    @property
    def amount(self) -> int:
        return max(0, self.owed - self.waived - self.titipan)


@dataclass(frozen=True)
class SavingsOffset:
    pokok: int = 0
    wajib: int = 0
    sukarela: int = 0

    @property
    def total(self) -> int:
        return self.pokok + self.wajib + self.sukarela


@dataclass(frozen=True)
class RingkasanKasus:
    nomor: str
    doc_date: date
    case_number: str
    officer: str
    member: MemberParty
    loan: LoanRef
    arrears: ArrearsFigures
    contacts: tuple[ContactNote, ...]
    promises: tuple[PromiseNote, ...]
    causes: tuple[str, ...]
    savings: SavingsOffset
    collateral: tuple[CollateralItem, ...]
    new_principal: int
    options: tuple[TermOption, ...]
    settlement: SettlementOption
    case_id: int | None = None
    option_note: str = "denda dihapus"  # what the term options assume besides the new term

    def title(self) -> str:
        return f"Ringkasan Kasus {self.case_number} – {self.member.name}"

    def link(self) -> RegisterLink:
        m = self.member
        return RegisterLink(m.id, m.number, m.name, self.loan.id, self.loan.number, self.case_id)


def term_options(
    principal: int, monthly_rate: Decimal, method: str, first_due: date, terms: Sequence[int]
) -> tuple[TermOption, ...]:
    """The new instalment for each term choice (method key as in app.loans.schedule)."""
    options = []
    for months in terms:
        rows = build_schedule(
            ScheduleTerms(principal, monthly_rate * 12, months, method, first_due, 100, True)
        )
        options.append(
            TermOption(months, rows[0].total, sum(r.jasa for r in rows), rows[-1].due_date)
        )
    return tuple(options)


def settlement_option(arrears: ArrearsFigures, limits: WaiverLimits) -> SettlementOption:
    """Paying off now: sisa pokok + tunggakan jasa + denda, less the most the limits allow."""

    def cut(amount: int, pct: Decimal) -> int:
        return min(amount, round_rupiah(Decimal(amount) * pct / 100))

    return SettlementOption(
        pokok=arrears.outstanding,
        jasa=arrears.jasa,
        denda=arrears.denda,
        waive_pokok=cut(arrears.outstanding, limits.pokok_pct),
        waive_jasa=cut(arrears.jasa, limits.jasa_pct),
        waive_denda=cut(arrears.denda, limits.denda_pct),
    )


def ringkasan_kasus(
    member: MemberParty,
    loan: LoanRef,
    arrears: ArrearsFigures,
    *,
    on: date,
    case_number: str,
    officer: str,
    contacts: Sequence[ContactNote] = (),
    promises: Sequence[PromiseNote] = (),
    causes: Sequence[str] = (),
    savings: SavingsOffset = SavingsOffset(),
    collateral: Sequence[CollateralItem] = (),
    method: str = "flat",
    terms: Sequence[int] = (12, 24, 36),
    limits: WaiverLimits = WaiverLimits(),
    case_id: int | None = None,
    options: Sequence[TermOption] | None = None,
    new_principal: int | None = None,
    settlement: SettlementOption | None = None,
    option_note: str = "denda dihapus",
) -> RingkasanKasus:
    """The brief; the newest contacts and promises that fit one page are kept. Options and
    the settlement computed elsewhere (the restructuring planner, the settlement calculator
    with the cooperative's limits) are taken as given; otherwise they are worked out here."""
    if not terms or any(t < 1 for t in terms):
        raise ValidationError("Pilih jangka waktu pilihan (bulan) yang lebih dari nol.", "terms")
    if new_principal is None:
        new_principal = arrears.outstanding + arrears.jasa
    if options is None:
        options = (
            term_options(new_principal, loan.monthly_rate, method, add_months(on, 1), terms)
            if new_principal > 0
            else ()
        )
    newest_contacts = sorted(contacts, key=lambda c: c.on, reverse=True)[:MAX_CONTACTS]
    newest_promises = sorted(promises, key=lambda x: x.made_on, reverse=True)[:MAX_PROMISES]
    return RingkasanKasus(
        nomor="",
        doc_date=on,
        case_number=case_number,
        officer=officer,
        member=member,
        loan=loan,
        arrears=arrears,
        contacts=tuple(newest_contacts),
        promises=tuple(newest_promises),
        causes=tuple(dict.fromkeys(c for c in causes if c.strip())),
        savings=savings,
        collateral=tuple(collateral),
        new_principal=new_principal,
        options=tuple(options),
        settlement=settlement or settlement_option(arrears, limits),
        case_id=case_id,
        option_note=option_note,
    )


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_SUMMARY else text[: MAX_SUMMARY - 1] + "…"


def story(brief: RingkasanKasus, ctx: DocContext) -> list[Flowable]:
    from reportlab.lib.units import cm
    from reportlab.platypus import Spacer, Table, TableStyle

    from app.documents.notes_box import NotesBox
    from app.documents.tables import data_table, p, pairs_table, rp

    s = ctx.rupiah_style
    m, loan, a, st = brief.member, brief.loan, brief.arrears, brief.settlement
    half = 8.1 * cm
    left = pairs_table(
        [
            ("Anggota", f"{m.name} ({m.number})"),
            ("Alamat", m.address),
            ("Telepon", m.phone),
            ("Pekerjaan", m.occupation),
        ],
        label_width=2.1 * cm,
        width=half,
        style="tcell",
    )
    right = pairs_table(
        [
            ("Pinjaman", f"{loan.number}, {loan.agreement_date_text}"),
            ("Plafon", f"{rp(loan.amount, s)}, {loan.months} bln, {loan.method}"),
            ("Jasa", loan.rate_text),
            ("Kolektibilitas", f"{a.quality}, {format_count(a.days_past_due, 'hari')}"),
        ],
        label_width=2.3 * cm,
        width=half,
        style="tcell",
    )
    top = Table([[left, right]], colWidths=[half + 0.3 * cm, half])
    top.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    position = data_table(
        ["Sisa pokok", "Tunggakan pokok", "Tunggakan jasa", "Denda", "Jumlah tunggakan"],
        [[format_number(x) for x in (a.outstanding, a.pokok, a.jasa, a.denda, a.total)]],
        [3.3 * cm] * 5,
        right=(0, 1, 2, 3, 4),
    )
    contacts = data_table(
        ["Tanggal", "Cara", "Bertemu", "Hasil"],
        [[format_date_short(c.on), c.channel, c.met, _short(c.summary)] for c in brief.contacts],
        [2.1 * cm, 2.4 * cm, 2.6 * cm, 9.4 * cm],
        empty_text="Belum ada catatan kontak.",
    )
    promises = data_table(
        ["Dibuat", "Jatuh tempo", "Jumlah", "Keadaan"],
        [
            [
                format_date_short(x.made_on),
                format_date_short(x.due),
                format_number(x.amount),
                x.status,
            ]
            for x in brief.promises
        ],
        [2.5 * cm, 2.5 * cm, 3.0 * cm, 8.5 * cm],
        right=(2,),
        empty_text="Belum ada janji bayar.",
    )
    sv = brief.savings
    collateral = (
        "; ".join(f"{c.kind}: {c.description} ({rp(c.value, s)})" for c in brief.collateral)
        or "Tidak ada agunan."
    )
    options = data_table(
        ["Pilihan", "Angsuran baru per bulan", "Jumlah jasa", "Keterangan"],
        [
            [
                f"{o.months} bulan",
                format_number(o.installment),
                format_number(o.total_jasa),
                f"angsuran terakhir {format_date_short(o.last_due)}" if o.last_due else "",
            ]
            for o in brief.options
        ]
        + [
            [
                "Lunas sekarang",
                format_number(st.amount),
                "",
                f"dari kewajiban {format_number(st.owed)}; keringanan jasa "
                f"{format_number(st.waive_jasa)}, denda {format_number(st.waive_denda)}"
                + (f", pokok {format_number(st.waive_pokok)}" if st.waive_pokok else "")
                + (f"; titipan {format_number(st.titipan)}" if st.titipan else "")
                + (f"; berlaku s.d. {format_date_short(st.expires_on)}" if st.expires_on else ""),
            ]
        ],
        [2.6 * cm, 3.6 * cm, 2.6 * cm, 7.7 * cm],
        right=(1, 2),
    )
    return [
        p(f"RINGKASAN KASUS {brief.case_number}", "title"),
        p(
            f"Untuk pertemuan penyelesaian · posisi per {format_date_long(a.as_of)} · petugas "
            f"{brief.officer or '–'} · Nomor {brief.nomor or '–'}",
            "tiny",
        ),
        Spacer(1, 0.15 * cm),
        top,
        Spacer(1, 0.15 * cm),
        position,
        p("Riwayat kontak (terbaru di atas)", "heading"),
        contacts,
        p("Janji bayar", "heading"),
        promises,
        p("Penyebab tunggakan: " + (", ".join(brief.causes) or "belum dicatat"), "compact"),
        p(
            f"Simpanan yang bisa diperhitungkan: sukarela {rp(sv.sukarela, s)}; pokok "
            f"{rp(sv.pokok, s)} dan wajib {rp(sv.wajib, s)} hanya bila keluar atau dengan "
            f"persetujuan tertulis (jumlah {rp(sv.total, s)}).",
            "compact",
        ),
        p(f"Agunan: {collateral}", "compact"),
        p(
            "Pilihan penyelesaian (dihitung dengan metode "
            f"{method_label('flat') if loan.method == 'Flat' else loan.method})",
            "heading",
        ),
        options,
        p(
            f"Angsuran baru dihitung dari pokok baru {rp(brief.new_principal, s)} "
            f"({brief.option_note}). Lunas sekarang: jumlah yang dibayar setelah keringanan "
            "paling besar yang boleh diberikan tanpa rapat pengurus.",
            "tiny",
        )
        if brief.options
        else p(
            "Lunas sekarang: jumlah yang dibayar setelah keringanan paling besar yang boleh "
            "diberikan tanpa rapat pengurus.",
            "tiny",
        ),
        NotesBox("Catatan pertemuan"),
    ]


def render(brief: RingkasanKasus, ctx: DocContext) -> tuple[bytes, int]:
    from app.documents.render import render_story

    return render_story(
        story(brief, ctx),
        ctx.profile,
        is_demo=ctx.is_demo,
        title="Ringkasan Kasus",
        number=brief.nomor,
        letterhead=False,
    )
