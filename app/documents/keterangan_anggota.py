"""The Surat Keterangan Anggota (member_letter.py) issued through the register."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from app.documents import member_letter
from app.documents.context import DocContext, RegisterLink
from app.documents.member_letter import MembershipLetter
from app.documents.render import render_story
from app.members.models import Member
from app.savings.models import Balances


@dataclass(frozen=True)
class KeteranganAnggota:
    nomor: str
    doc_date: date
    member_id: int | None
    letter: MembershipLetter

    def title(self) -> str:
        return f"Surat Keterangan Anggota – {self.letter.member_name}"

    def link(self) -> RegisterLink:
        return RegisterLink(self.member_id, self.letter.member_number, self.letter.member_name)


def keterangan_anggota(
    member: Member, balances: Balances, *, on: date, purpose: str = ""
) -> KeteranganAnggota:
    letter = member_letter.membership_letter(member, balances, nomor="", on=on, purpose=purpose)
    return KeteranganAnggota("", on, member.id, letter)


def render(data: KeteranganAnggota, ctx: DocContext) -> tuple[bytes, int]:
    letter = replace(data.letter, nomor=data.nomor)
    story = member_letter._story(letter, ctx.profile, ctx.rupiah_style)
    return render_story(
        story,
        ctx.profile,
        is_demo=ctx.is_demo,
        title="Surat Keterangan Anggota",
        number=data.nomor,
    )
