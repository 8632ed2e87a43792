"""The parts every Indonesian letter shares (DOMAIN §8): place and date, Nomor/Lampiran/Perihal,
the recipient, the centred title of a formal document, "Hormat kami" with the signers, and
the Tembusan list."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from app.documents.context import DocContext
from app.documents.kinds import DocKind
from app.documents.letter import Signer, place_and_date, reference_block
from app.documents.parties import MemberParty
from app.documents.signatures import mengetahui, officers, signature_rows
from app.documents.styles import esc, para, styles
from app.documents.tables import or_dash, p


def dated(ctx: DocContext, on: date) -> Paragraph:
    """'Mojokerto, 24 Agustus 2021', right-aligned."""
    return p(place_and_date(ctx.profile, on), "lright")


def letter_opening(
    ctx: DocContext,
    *,
    on: date,
    nomor: str,
    perihal: str,
    recipient: MemberParty,
    lampiran: str = "–",
) -> list[Flowable]:
    """Date, reference lines, 'Kepada Yth.' block and 'Dengan hormat,'."""
    return [
        dated(ctx, on),
        Spacer(1, 0.1 * cm),
        reference_block(or_dash(nomor), perihal, or_dash(lampiran)),
        Spacer(1, 0.3 * cm),
        *recipient_lines(recipient),
        Spacer(1, 0.3 * cm),
        p("Dengan hormat,", "lplain"),
        Spacer(1, 0.1 * cm),
    ]


def recipient_lines(party: MemberParty) -> list[Flowable]:
    lines = ["Kepada Yth.", f"{party.salutation} {party.name.strip() or '–'}"]
    if party.address.strip():
        lines.append(party.address.strip())
    lines.append("di Tempat")
    return [p(line, "lplain") for line in lines]


def title_block(title: str, nomor: str = "", subtitle: str = "") -> list[Flowable]:
    """Centred, underlined title with 'Nomor: …' under it."""
    st = styles()
    story: list[Flowable] = [Paragraph(f"<u>{esc(title)}</u>", st["title"])]
    if nomor:
        story.append(para(f"Nomor: {nomor}", "subtitle" if not subtitle else "center"))
    if subtitle:
        story.append(para(subtitle, "subtitle"))
    if not nomor and not subtitle:
        story.append(Spacer(1, 0.3 * cm))
    return story


def body(text: str, style: str = "lbody") -> Paragraph:
    return p(text, style)


def officers_sign(
    ctx: DocContext,
    kind: DocKind,
    on: date | None,
    *,
    closing: str = "Hormat kami,",
    extra: Sequence[Signer] = (),
    meterai_first: bool = False,
) -> list[Flowable]:
    """'Hormat kami,' and the cooperative's name above the configured officers (one sits on the
    right half), "Mengetahui" underneath when configured. `extra` signers come first."""
    config = ctx.signers_for(kind)
    signers = officers(ctx.profile, config)
    if meterai_first and signers:
        first = signers[0]
        signers[0] = Signer(first.position, first.name, first.heading, True)
    heading_lines = [closing, ctx.coop] if closing else [ctx.coop]
    if on is not None:
        heading_lines.insert(0, place_and_date(ctx.profile, on))
    row = [*extra, *signers] or [Signer("", "", "")]
    return signature_rows([row], mengetahui(ctx.profile, config), heading="\n".join(heading_lines))


def tembusan(copies: Sequence[str]) -> list[Flowable]:
    copies = [c for c in copies if c.strip()]
    if not copies:
        return []
    lines: list[Flowable] = [para("Tembusan:", "small")]
    lines += [para(f"{n}. {c}", "small") for n, c in enumerate(copies, start=1)]
    return [Spacer(1, 0.2 * cm), KeepTogether(lines)]
