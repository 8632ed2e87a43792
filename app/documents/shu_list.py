"""Daftar SHU per anggota (issue 13 §4): the SHU of a book year and its split into pools, then
one row per member with a share (sorted by member number) with the totals per pool and the
rounding rule printed; and the slip of one member."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Spacer

from app.documents.context import DocContext
from app.documents.fast_table import RowsTable
from app.documents.letter_parts import title_block
from app.documents.render import render_story
from app.documents.tables import data_table, p, pairs_table, rp, rp_words
from app.ledger.shu import JMA_BASES, JUA_BASES, ShuResult, ShuRow
from app.ledger.shu_split import POOLS
from app.money import format_number, format_rate


def _bases(result: ShuResult) -> str:
    jma = JMA_BASES[result.settings.jma_base] + (
        " simpanan pokok, wajib dan sukarela"
        if result.settings.jma_sukarela
        else " simpanan pokok dan wajib"
    )
    return f"Dasar JMA: {jma}. Dasar JUA: {JUA_BASES[result.settings.jua_base]}."


def allocation(result: ShuResult) -> list[Flowable]:
    rows = [
        [label, format_rate(result.settings.percent[key]), format_number(result.pools[key])]
        for key, label in POOLS
    ]
    return [
        pairs_table(
            [
                ("Pendapatan", rp(result.income)),
                ("Beban (termasuk pajak)", rp(result.expenses)),
                ("Sisa hasil usaha", rp(result.shu)),
            ]
        ),
        Spacer(1, 0.2 * cm),
        data_table(
            ["Pembagian", "Persen", "Jumlah (Rp)"],
            rows,
            [8 * cm, 2.5 * cm, 4 * cm],
            right=(1, 2),
            total=["Jumlah", "", format_number(sum(result.pools.values()))],
        ),
    ]


def story(result: ShuResult) -> list[Flowable]:
    rows = [
        [
            str(n),
            r.number,
            r.name,
            format_number(r.jma),
            format_number(r.jua),
            format_number(r.total),
        ]
        for n, r in enumerate(result.rows, start=1)
    ]
    jma = sum(r.jma for r in result.rows)
    jua = sum(r.jua for r in result.rows)
    return [
        *title_block(
            "DAFTAR SISA HASIL USAHA PER ANGGOTA",
            subtitle=f"Tahun Buku {result.year}",
        ),
        *allocation(result),
        Spacer(1, 0.3 * cm),
        RowsTable(  # drawn line by line: 20,000 members in seconds, not minutes
            ["No.", "No. Anggota", "Nama", "JMA", "JUA", "Jumlah"],
            rows,
            [1.1 * cm, 2.2 * cm, 6.3 * cm, 2.6 * cm, 2.6 * cm, 2.8 * cm],
            right=(3, 4, 5),
            center=(0,),
            total=[
                "",
                "",
                "Jumlah",
                format_number(jma),
                format_number(jua),
                format_number(jma + jua),
            ],
            empty_text=f"Tidak ada anggota yang menerima SHU tahun buku {result.year}.",
        ),
        Spacer(1, 0.2 * cm),
        p(f"{_bases(result)} {result.rule} Jumlah dalam rupiah.", "tiny"),
    ]


def render(result: ShuResult, ctx: DocContext) -> tuple[bytes, int]:
    return render_story(
        story(result), ctx.profile, is_demo=ctx.is_demo, title=f"Daftar SHU {result.year}"
    )


def slip_story(result: ShuResult, row: ShuRow) -> list[Flowable]:
    return [
        *title_block("SLIP SISA HASIL USAHA", subtitle=f"Tahun Buku {result.year}"),
        pairs_table(
            [
                ("No. anggota", row.number),
                ("Nama", row.name),
                ("Jasa modal (JMA)", rp(row.jma)),
                ("Jasa usaha (JUA)", rp(row.jua)),
                ("Jumlah", rp(row.total)),
                ("Terbilang", rp_words(row.total)),
            ]
        ),
        Spacer(1, 0.2 * cm),
        p(f"{_bases(result)} SHU bagian anggota bukan objek pajak; tidak ada potongan.", "tiny"),
    ]


def render_slip(result: ShuResult, row: ShuRow, ctx: DocContext) -> tuple[bytes, int]:
    return render_story(
        slip_story(result, row),
        ctx.profile,
        is_demo=ctx.is_demo,
        title=f"Slip SHU {result.year} {row.number}",
    )
