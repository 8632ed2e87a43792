"""Surat Keterangan Anggota: the cooperative certifies a person's membership and savings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.formats import format_date_long
from app.members.models import Member, MemberStatus
from app.money import format_rupiah, terbilang_rupiah
from app.savings.models import Balances
from app.settings.profile import CoopProfile

if TYPE_CHECKING:
    from reportlab.platypus import Flowable, Paragraph, Table


def member_address(member: Member) -> str:
    """'Jl. Mawar 12 RT 003/RW 004, Kel. Gedongan, Kec. Magersari, Kota Mojokerto'."""
    first = member.address.strip()
    if member.rt.strip() or member.rw.strip():
        rt_rw = f"RT {member.rt.strip().zfill(3)}/RW {member.rw.strip().zfill(3)}"
        first = f"{first} {rt_rw}".strip()
    parts = [first]
    if member.kelurahan.strip():
        parts.append(f"Kel. {member.kelurahan.strip()}")
    if member.kecamatan.strip():
        parts.append(f"Kec. {member.kecamatan.strip()}")
    if member.city.strip():
        parts.append(member.city.strip())
    return ", ".join(p for p in parts if p)


@dataclass(frozen=True)
class MembershipLetter:
    """Everything the letter prints (built by `membership_letter`, rendered by
    `render_membership_letter`)."""

    nomor: str
    letter_date: date
    member_number: str
    member_name: str
    nik: str
    address: str
    join_date: date
    status: MemberStatus
    status_date: date | None
    balances: Balances
    purpose: str = ""


def membership_letter(
    member: Member, balances: Balances, *, nomor: str, on: date, purpose: str = ""
) -> MembershipLetter:
    """The letter's content for `member` with savings `balances` as of `on`."""
    return MembershipLetter(
        nomor=nomor,
        letter_date=on,
        member_number=member.number,
        member_name=member.name,
        nik=member.nik or "–",
        address=member_address(member) or "–",
        join_date=member.join_date,
        status=member.status,
        status_date=member.status_date,
        balances=balances,
        purpose=purpose.strip(),
    )


def _membership_sentence(letter: MembershipLetter, coop: str) -> str:
    since = format_date_long(letter.join_date)
    if letter.status == MemberStatus.AKTIF:
        return f"adalah benar anggota aktif {coop} sejak {since}"
    until = format_date_long(letter.status_date) if letter.status_date else "–"
    reason = "meninggal dunia" if letter.status == MemberStatus.MENINGGAL else "keluar"
    return f"tercatat sebagai anggota {coop} sejak {since} sampai {until} ({reason})"


def _balance_table(balances: Balances, style: str) -> Table:
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, Table, TableStyle

    from app.documents.styles import bold, esc, styles

    st = styles()
    rows = [
        ("Simpanan Pokok", balances.pokok),
        ("Simpanan Wajib", balances.wajib),
        ("Simpanan Sukarela", balances.sukarela),
    ]
    data: list[list[Paragraph]] = [
        [
            Paragraph(esc(label), st["body"]),
            Paragraph(":", st["body"]),
            Paragraph(esc(format_rupiah(amount, style)), st["right"]),
        ]
        for label, amount in rows
    ]
    data.append(
        [
            Paragraph(bold("Jumlah"), st["body"]),
            Paragraph(":", st["body"]),
            Paragraph(bold(format_rupiah(balances.total, style)), st["right"]),
        ]
    )
    table = Table(data, colWidths=[4.5 * cm, 0.4 * cm, 4.0 * cm])
    table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("LINEABOVE", (2, -1), (2, -1), 0.6, "#000000"),
            ]
        )
    )
    table.hAlign = "LEFT"
    return table


def _story(letter: MembershipLetter, profile: CoopProfile, style: str) -> list[Flowable]:
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, Spacer

    from app.documents.letter import Signer, field_table, place_and_date, signature_blocks
    from app.documents.styles import esc, para, styles

    st = styles()
    coop = profile.name.strip() or "koperasi"
    story: list[Flowable] = [
        Paragraph("<u>SURAT KETERANGAN ANGGOTA</u>", st["title"]),
        para(f"Nomor: {letter.nomor or '–'}", "subtitle"),
        Spacer(1, 0.2 * cm),
        para(f"Yang bertanda tangan di bawah ini, Ketua {coop}, menerangkan bahwa:", "justify"),
        Spacer(1, 0.2 * cm),
        field_table(
            [
                ("Nama", letter.member_name),
                ("No. Anggota", letter.member_number),
                ("NIK", letter.nik),
                ("Alamat", letter.address),
            ]
        ),
        Spacer(1, 0.2 * cm),
        para(
            f"{_membership_sentence(letter, coop)}, dengan saldo simpanan per tanggal "
            f"{format_date_long(letter.letter_date)} sebagai berikut:",
            "justify",
        ),
        Spacer(1, 0.2 * cm),
        _balance_table(letter.balances, style),
        Spacer(1, 0.1 * cm),
        Paragraph(f"<i>Terbilang: {esc(terbilang_rupiah(letter.balances.total))}</i>", st["body"]),
        Spacer(1, 0.3 * cm),
    ]
    if letter.purpose:
        story.append(para(f"Surat keterangan ini dibuat untuk {letter.purpose}.", "justify"))
    story += [
        para(
            "Demikian surat keterangan ini dibuat dengan sebenarnya untuk dipergunakan "
            "sebagaimana mestinya.",
            "justify",
        ),
        Spacer(1, 0.6 * cm),
        signature_blocks(
            [
                Signer(
                    position="Ketua",
                    name=profile.ketua,
                    heading=f"{place_and_date(profile, letter.letter_date)}\n{coop}",
                )
            ]
        ),
    ]
    return story


def render_membership_letter(
    letter: MembershipLetter,
    profile: CoopProfile,
    path: Path,
    is_demo: bool,
    *,
    rupiah_style: str = "puebi",
) -> Path:
    """Write the Surat Keterangan Anggota to `path` (A4 PDF) and return the path."""
    from app.documents.letter import build_pdf

    return build_pdf(
        path,
        _story(letter, profile, rupiah_style),
        profile,
        is_demo=is_demo,
        title=f"Surat Keterangan Anggota {letter.member_number}",
    )
