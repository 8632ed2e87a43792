"""Notulen Rapat Pengurus: the board meeting that decides restructurings and write-offs — day,
date, time and zone, place, chair, minute-taker, attendance and quorum, agenda, discussion
per case, numbered decisions, follow-ups, signatures, "Mengetahui: Ketua Pengawas"."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time
from typing import TYPE_CHECKING

from app.documents.context import DocContext, RegisterLink
from app.documents.kinds import DocKind
from app.errors import ValidationError
from app.formats import date_in_words, format_date_long, format_date_short, format_time

if TYPE_CHECKING:
    from reportlab.platypus import Flowable


@dataclass(frozen=True)
class Attendee:
    name: str
    position: str
    present: bool = True
    board: bool = True  # a member of the board (counted for the quorum); False: invited


@dataclass(frozen=True)
class CaseDiscussion:
    member: str
    loan_number: str
    position: str  # e.g. 'sisa pokok Rp6.000.000, tunggakan Rp1.787.500, Macet'
    proposal: str
    discussion: str


@dataclass(frozen=True)
class FollowUp:
    what: str
    who: str
    by: date | None


@dataclass(frozen=True)
class Notulen:
    nomor: str
    doc_date: date
    start: time
    end: time | None
    place: str
    chair: str
    secretary: str
    attendees: tuple[Attendee, ...]
    board_size: int
    agenda: tuple[str, ...]
    cases: tuple[CaseDiscussion, ...]
    decisions: tuple[str, ...]
    follow_ups: tuple[FollowUp, ...] = ()

    @property
    def present(self) -> int:
        """Board members present (invited guests are not counted for the quorum)."""
        return sum(1 for a in self.attendees if a.present and a.board)

    @property
    def quorate(self) -> bool:
        """More than half of the board present."""
        return self.present * 2 > self.board_size

    def title(self) -> str:
        return f"Notulen Rapat Pengurus {format_date_short(self.doc_date)}"

    def link(self) -> RegisterLink:
        return RegisterLink()


def notulen(
    *,
    on: date,
    start: time,
    end: time | None,
    place: str,
    chair: str,
    secretary: str,
    attendees: Sequence[Attendee],
    board_size: int,
    agenda: Sequence[str],
    cases: Sequence[CaseDiscussion] = (),
    decisions: Sequence[str] = (),
    follow_ups: Sequence[FollowUp] = (),
) -> Notulen:
    if not chair.strip() or not secretary.strip():
        raise ValidationError("Isi pimpinan rapat dan notulis.", field="chair")
    if board_size < 1:
        raise ValidationError("Jumlah pengurus paling sedikit 1.", field="board_size")
    if not agenda:
        raise ValidationError("Isi paling sedikit satu acara rapat.", field="agenda")
    if end is not None and end <= start:
        raise ValidationError("Jam selesai harus sesudah jam mulai.", field="end")
    return Notulen(
        "",
        on,
        start,
        end,
        place.strip(),
        chair.strip(),
        secretary.strip(),
        tuple(attendees),
        board_size,
        tuple(agenda),
        tuple(cases),
        tuple(d for d in decisions if d.strip()),
        tuple(follow_ups),
    )


def story(doc: Notulen, ctx: DocContext) -> list[Flowable]:
    from reportlab.lib.units import cm
    from reportlab.platypus import KeepTogether, Spacer

    from app.documents.letter import Signer, place_and_date
    from app.documents.letter_parts import body, title_block
    from app.documents.signatures import mengetahui, signature_rows
    from app.documents.tables import data_table, numbered, p, pairs_table

    zone = ctx.timezone
    values = {
        "nama_koperasi": ctx.coop,
        "kota": ctx.profile.city,
        "tanggal_terbilang": date_in_words(doc.doc_date),
        "tanggal_angka": format_date_short(doc.doc_date),
        "tempat": doc.place or "–",
        "jam": format_time(doc.start, zone),
        "jam_selesai": format_time(doc.end, zone) if doc.end else "–",
    }
    needed = doc.board_size // 2 + 1
    verdict = "tercapai" if doc.quorate else "TIDAK tercapai"
    quorum = f"kuorum {verdict}; paling sedikit {needed} orang"
    result: list[Flowable] = [
        *title_block("NOTULEN RAPAT PENGURUS", doc.nomor),
        body(ctx.text("notulen.pembuka", values)),
        Spacer(1, 0.1 * cm),
        pairs_table(
            [
                ("Pimpinan rapat", doc.chair),
                ("Notulis", doc.secretary),
                ("Kehadiran", f"{doc.present} dari {doc.board_size} pengurus hadir ({quorum})"),
            ],
            label_width=3.4 * cm,
            style="lplain",
        ),
        p("Daftar hadir", "heading"),
        data_table(
            ["No.", "Nama", "Jabatan", "Kehadiran", "Tanda Tangan"],
            [
                [str(n), a.name, a.position, "Hadir" if a.present else "Tidak hadir", ""]
                for n, a in enumerate(doc.attendees, start=1)
            ],
            [0.9 * cm, 5.0 * cm, 3.6 * cm, 2.6 * cm, 4.4 * cm],
            center=(0,),
        ),
        p("Acara", "heading"),
        numbered(list(doc.agenda), "lbody"),
        p("Pembahasan", "heading"),
    ]
    if not doc.cases:
        result.append(body("Tidak ada kasus yang dibahas."))
    for n, c in enumerate(doc.cases, start=1):
        result.append(
            KeepTogether(
                [
                    p(f"{n}. {c.member} – Pinjaman {c.loan_number}", "lbold"),
                    pairs_table(
                        [
                            ("Posisi", c.position),
                            ("Usulan", c.proposal),
                            ("Pembahasan", c.discussion),
                        ],
                        label_width=2.6 * cm,
                        style="lplain",
                    ),
                    Spacer(1, 0.1 * cm),
                ]
            )
        )
    result += [p("Keputusan", "heading")]
    result.append(numbered(list(doc.decisions), "lplain") if doc.decisions else body("–"))
    if doc.follow_ups:
        result += [
            p("Tindak lanjut", "heading"),
            data_table(
                ["No.", "Yang dikerjakan", "Oleh", "Paling lambat"],
                [
                    [str(n), f.what, f.who, format_date_long(f.by) if f.by else "–"]
                    for n, f in enumerate(doc.follow_ups, start=1)
                ],
                [0.9 * cm, 8.6 * cm, 3.5 * cm, 3.5 * cm],
                center=(0,),
            ),
        ]
    config = ctx.signers_for(DocKind.NOTULEN)
    result += [
        Spacer(1, 0.15 * cm),
        body(ctx.text("notulen.penutup", values)),
        Spacer(1, 0.35 * cm),
        *signature_rows(
            [[Signer("Pimpinan Rapat", doc.chair, ""), Signer("Notulis", doc.secretary, "")]],
            mengetahui(ctx.profile, config),
            heading=place_and_date(ctx.profile, doc.doc_date),
        ),
    ]
    return result


def render(doc: Notulen, ctx: DocContext) -> tuple[bytes, int]:
    from app.documents.render import render_story

    return render_story(
        story(doc, ctx),
        ctx.profile,
        is_demo=ctx.is_demo,
        title="Notulen Rapat Pengurus",
        number=doc.nomor,
    )
