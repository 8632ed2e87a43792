"""Catatan atas Laporan Keuangan (CALK) and the one-page "Ringkasan data koperasi" of a book
year (issue 13 §5, LEDGER.md §3.4–§3.5), on the letterhead."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from app.documents.context import DocContext
from app.documents.jurnal_penutup import signatures
from app.documents.letter_parts import title_block
from app.documents.render import render_story
from app.documents.tables import bold, data_table, p, pairs_table, rp
from app.formats import format_date_long
from app.ledger.rat_pack import YearFigures
from app.loans.portfolio_models import PortfolioSummary
from app.loans.quality import class_label
from app.money import format_number

SAK_EP = (
    "Laporan keuangan disusun berdasarkan Standar Akuntansi Keuangan Entitas Privat (SAK EP) "
    "sebagaimana diwajibkan bagi koperasi simpan pinjam oleh Peraturan Menteri Koperasi dan UKM "
    "Nomor 2 Tahun 2024 tentang Kebijakan Akuntansi Koperasi, dengan dasar akrual kecuali "
    "pengakuan jasa pinjaman yang dijelaskan di bawah, dalam rupiah penuh."
)
JASA = {
    "kas": (
        "Jasa pinjaman dan denda diakui sebagai pendapatan pada saat diterima (basis kas). "
        "Jasa yang jatuh tempo tetapi belum dibayar tidak dicatat sebagai piutang."
    ),
    "akrual": (
        "Jasa pinjaman yang jatuh tempo dan belum dibayar diakui setiap akhir bulan untuk "
        "pinjaman berkolektibilitas Lancar (akrual Lancar); bila pinjaman turun kolektibilitas "
        "akrualnya dibatalkan dan jasa diakui saat diterima. Denda diakui saat diterima."
    ),
}
PPAP = (
    "Penyisihan penghapusan pinjaman (PPAP) dibentuk per pinjaman menurut ketentuan {name} "
    "berdasarkan kolektibilitas pada akhir tahun. Ketentuan ini dipakai sebagai pendekatan atas "
    "penurunan nilai piutang yang disyaratkan SAK EP (bukti objektif: tunggakan pembayaran)."
)


def _section(number: int, title: str, *content: Flowable) -> list[Flowable]:
    return [
        KeepTogether([bold(f"{number}. {title}", "lbody"), *content[:1]]),
        *content[1:],
        Spacer(1, 0.25 * cm),
    ]


def _quality_table(summary: PortfolioSummary) -> Flowable:
    rows = [
        [
            class_label(code),
            format_number(summary.count_by_class.get(code, 0)),
            format_number(amount),
            format_number(summary.allowance_by_class.get(code, 0)),
        ]
        for code, amount in summary.outstanding_by_class.items()
    ]
    return data_table(
        ["Kolektibilitas", "Jumlah pinjaman", "Sisa pokok", "PPAP wajib dibentuk"],
        rows,
        [6 * cm, 3 * cm, 4 * cm, 4 * cm],
        right=(1, 2, 3),
        total=[
            "Jumlah",
            format_number(summary.loan_count),
            format_number(summary.total_outstanding),
            format_number(summary.allowance_required),
        ],
        small=True,
    )


def calk_story(
    f: YearFigures,
    summary: PortfolioSummary,
    written_off: tuple[int, int],
    ctx: DocContext,
) -> list[Flowable]:
    profile = ctx.profile
    legal = profile.badan_hukum_no.strip() or "(nomor badan hukum belum diisi di Pengaturan)"
    if profile.badan_hukum_date is not None:
        legal += f" tanggal {format_date_long(profile.badan_hukum_date)}"
    count, pokok = written_off
    officers = data_table(
        ["No. anggota", "Nama", "Sisa pinjaman 31 Desember"],
        [[x.number, x.name, format_number(x.balance)] for x in f.officer_loans],
        [3 * cm, 9 * cm, 5 * cm],
        right=(2,),
        empty_text="Tidak ada pinjaman kepada pengurus atau pengawas pada akhir tahun.",
        small=True,
    )
    rat = (
        "Rapat Anggota Tahunan belum mengesahkan laporan tahun buku ini."
        if f.ratification is None
        else f"Disahkan Rapat Anggota Tahunan tanggal {format_date_long(f.ratification.rat_date)}"
        f", keputusan nomor {f.ratification.decision_no}."
    )
    tax = (
        f"Rezim pajak tahun {f.year}: {f.tax_regime_label}. {f.tax.explanation[:1].upper()}"
        f"{f.tax.explanation[1:]}; pajak tahun ini {rp(f.tax.tax)}."
    )
    story: list[Flowable] = [
        *title_block(
            "CATATAN ATAS LAPORAN KEUANGAN",
            subtitle=f"{ctx.coop} · Tahun Buku {f.year}",
        ),
    ]
    story += _section(
        1,
        "Umum",
        p(
            f"{ctx.coop} berbadan hukum koperasi nomor {legal}, berkedudukan di "
            f"{profile.address.strip() or profile.city.strip() or '-'}, dengan usaha simpan "
            "pinjam dari dan untuk anggota.",
            "justify",
        ),
    )
    story += _section(2, "Dasar penyusunan", p(SAK_EP, "justify"))
    story += _section(3, "Pengakuan jasa pinjaman", p(JASA.get(f.jasa_basis, ""), "justify"))
    story += _section(
        4,
        "Piutang pinjaman, kolektibilitas dan PPAP",
        p(PPAP.format(name=summary.allowance_policy_name), "justify"),
        Spacer(1, 0.1 * cm),
        _quality_table(summary),
        p(
            f"PPAP yang dibukukan per {format_date_long(f.end)}: {rp(summary.allowance_booked)}."
            f" Kolektibilitas menurut {summary.policy_name}.",
            "tiny",
        ),
    )
    story += _section(
        5,
        "Hapus buku dan penerimaan kembali",
        p(
            (
                f"Pada tahun {f.year} dihapusbukukan {format_number(count)} pinjaman dengan "
                f"pokok {rp(pokok)} (rincian pada Daftar Pinjaman Dihapusbukukan); tagihannya "
                "tetap dicatat di luar neraca (ekstrakomptabel). "
                if count
                else f"Pada tahun {f.year} tidak ada pinjaman yang dihapusbukukan. "
            )
            + "Penerimaan kembali tahun ini atas pinjaman yang telah dihapusbukukan: "
            f"{rp(f.recoveries)}, diakui sebagai pendapatan lain.",
            "justify",
        ),
    )
    story += _section(
        6,
        "Pinjaman kepada pengurus dan pengawas (pihak berelasi)",
        p(
            "Anggota yang namanya sama dengan pengurus atau pengawas (Pengaturan dan daftar "
            "pengguna), dengan sisa pinjaman pada akhir tahun:",
            "justify",
        ),
        officers,
    )
    story += _section(7, "Simpanan pokok dan simpanan wajib", p(f.simpanan_remark, "justify"))
    story += _section(8, "Pajak penghasilan", p(tax, "justify"))
    story += _section(
        9,
        "Sisa hasil usaha dan Rapat Anggota Tahunan",
        p(
            f"SHU tahun {f.year} setelah pajak {rp(f.shu)}. SHU bagian anggota bukan objek "
            f"pajak dan dibayarkan tanpa potongan. {rat}",
            "justify",
        ),
    )
    story.append(signatures(ctx, f.end))
    return story


def ringkasan_story(f: YearFigures, ctx: DocContext) -> list[Flowable]:
    rat = (
        "Belum"
        if f.ratification is None
        else f"Ya, {format_date_long(f.ratification.rat_date)} (keputusan "
        f"{f.ratification.decision_no})"
    )
    return [
        *title_block(
            "RINGKASAN DATA KOPERASI",
            subtitle=f"{ctx.coop} · Tahun Buku {f.year}",
        ),
        pairs_table(
            [
                ("Nama koperasi", ctx.coop),
                ("Nomor badan hukum", ctx.profile.badan_hukum_no),
                ("Status", "Aktif"),
                ("Rapat Anggota Tahunan", rat),
                ("Anggota akhir tahun", format_number(f.members)),
                ("Anggota masuk / keluar", f"{format_number(f.joined)} / {format_number(f.left)}"),
                ("Pengurus / pengawas", f"{f.board} / {f.supervisors}"),
                ("Manajer dan karyawan", format_number(f.staff)),
                ("Modal sendiri (ekuitas)", rp(f.own_capital)),
                ("Modal luar (kewajiban)", rp(f.outside_capital)),
                ("Jumlah aset", rp(f.assets)),
                (
                    "Volume usaha",
                    f"{rp(f.loans_volume)} ({format_number(f.loans_count)} pinjaman disalurkan)",
                ),
                ("Pendapatan", rp(f.income)),
                ("Sisa hasil usaha (setelah pajak)", rp(f.shu)),
            ],
            label_width=6 * cm,
        ),
        Spacer(1, 0.3 * cm),
        p(
            "Angka untuk pengisian Online Data System (ODS) Kementerian Koperasi. Modal sendiri "
            "dan modal luar dari Laporan Posisi Keuangan per 31 Desember; volume usaha = "
            "pinjaman yang disalurkan dalam tahun buku. Pengurus, pengawas dan karyawan menurut "
            "daftar pengguna program yang aktif.",
            "tiny",
        ),
        signatures(ctx, f.end),
    ]


def render_calk(
    f: YearFigures, summary: PortfolioSummary, written_off: tuple[int, int], ctx: DocContext
) -> tuple[bytes, int]:
    return render_story(
        calk_story(f, summary, written_off, ctx),
        ctx.profile,
        is_demo=ctx.is_demo,
        title=f"CALK {f.year}",
    )


def render_ringkasan(f: YearFigures, ctx: DocContext) -> tuple[bytes, int]:
    return render_story(
        ringkasan_story(f, ctx), ctx.profile, is_demo=ctx.is_demo, title=f"Ringkasan {f.year}"
    )
