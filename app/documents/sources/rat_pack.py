"""The RAT pack of a book year (issue 13 §5): every part as its own PDF and all of them joined
behind a cover and contents into `rat_pack.pdf`:
Laporan Posisi Keuangan, PHU, Arus Kas, Perubahan Ekuitas (the year beside the year before),
CALK, the jurnal penutup, the SHU allocation with the Daftar SHU per anggota, the Daftar Pinjaman
Dihapusbukukan and the Ringkasan data koperasi."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from app.documents import calk, jurnal_penutup, rat_cover, shu_list
from app.documents import daftar_hapus_buku as dhb
from app.documents.context import DocContext
from app.documents.financial_statements import TITLES, statement_pdf
from app.documents.pdfjoin import join
from app.documents.sources.decisions import daftar_hapus_buku
from app.formats import format_date_long
from app.ledger.rat_pack import YearFigures, year_figures
from app.ledger.statements import Period, Statements
from app.services import Services

PACK = "rat_pack.pdf"
STATEMENTS = ("neraca.pdf", "phu.pdf", "arus_kas.pdf", "perubahan_ekuitas.pdf")
PART_TITLES = {
    **{name: TITLES[name] for name in STATEMENTS},
    "calk.pdf": "Catatan atas Laporan Keuangan",
    "jurnal_penutup.pdf": "Jurnal Penutup",
    "daftar_shu.pdf": "Pembagian SHU dan Daftar SHU per Anggota",
    "daftar_hapus_buku.pdf": "Daftar Pinjaman Dihapusbukukan",
    "ringkasan_koperasi.pdf": "Ringkasan Data Koperasi",
}
Progress = Callable[[str], None]


def _page_count(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") + pdf.count(b"/Type /Page>")


def figures(services: Services, year: int, statements: Statements | None = None) -> YearFigures:
    return year_figures(
        services.ledger,
        statements or services.statements(),
        services.closing,
        services.shu_books,
        services.settings.profile(),
        year,
    )


def closing_journals(services: Services, year: int) -> list[jurnal_penutup.PrintedJournal]:
    out = []
    tax = services.closing.tax_journal(year)
    if tax is not None:
        out.append(
            jurnal_penutup.PrintedJournal("Jurnal pajak penghasilan", services.ledger.journal(tax))
        )
    closed = services.closing.closed_year(year)
    if closed is not None:
        out.append(jurnal_penutup.PrintedJournal("Jurnal penutup", services.ledger.journal(closed)))
    return out


def jurnal_penutup_pdf(services: Services, year: int, ctx: DocContext) -> bytes:
    accounts = services.ledger.accounts

    def name_of(code: str) -> str:
        return accounts.get(code).name

    return jurnal_penutup.render(year, closing_journals(services, year), name_of, ctx)[0]


def parts(
    services: Services, year: int, ctx: DocContext, progress: Progress | None = None
) -> dict[str, bytes]:
    """Every part of the pack by file name, in the pack's order."""
    tick = progress or (lambda _name: None)
    end = date(year, 12, 31)
    period = Period(year, end)
    statements = services.statements(memo=True)  # the parts read the same balances
    statements.prefetch([end, period.before_end, date(year - 2, 12, 31)])
    out: dict[str, bytes] = {}
    for name in STATEMENTS:
        tick(name)
        out[name] = statement_pdf(statements, ctx, name, period)
    tick("calk.pdf")
    fig = figures(services, year, statements)
    summary = services.loans.portfolio.summary(end)
    written = daftar_hapus_buku(services, year, end)
    out["calk.pdf"] = calk.render_calk(
        fig, summary, (len(written.loans), written.total_pokok), ctx
    )[0]
    tick("jurnal_penutup.pdf")
    out["jurnal_penutup.pdf"] = jurnal_penutup_pdf(services, year, ctx)
    tick("daftar_shu.pdf")
    out["daftar_shu.pdf"] = shu_list.render(services.shu.compute(year), ctx)[0]
    tick("daftar_hapus_buku.pdf")
    out["daftar_hapus_buku.pdf"] = dhb.render(written, ctx)[0]
    tick("ringkasan_koperasi.pdf")
    out["ringkasan_koperasi.pdf"] = calk.render_ringkasan(fig, ctx)[0]
    return out


def rat_pack(
    services: Services, year: int, today: date, progress: Progress | None = None
) -> dict[str, bytes]:
    """The parts and `rat_pack.pdf` (cover, contents, then every part), by file name."""
    ctx = DocContext(profile=services.settings.profile(), is_demo=services.is_demo)
    pieces = parts(services, year, ctx, progress)
    ratified = services.shu_books.ratification(year)
    rat = (
        "Untuk disahkan pada Rapat Anggota Tahunan"
        if ratified is None
        else f"Rapat Anggota Tahunan {format_date_long(ratified.rat_date)}, keputusan nomor "
        f"{ratified.decision_no}"
    )
    if progress is not None:
        progress("sampul, daftar isi, gabungan")
    cover_pages = rat_cover.render(year, [(t, 0) for t in PART_TITLES.values()], rat, today, ctx)[1]
    contents, page = [], cover_pages + 1
    for name, pdf in pieces.items():
        contents.append((PART_TITLES[name], page))
        page += _page_count(pdf)
    cover = rat_cover.render(year, contents, rat, today, ctx)[0]
    return {PACK: join([cover, *pieces.values()]), **pieces}


def write_rat_pack(
    services: Services, year: int, out_dir: Path, today: date, progress: Progress | None = None
) -> list[Path]:
    files = rat_pack(services, year, today, progress)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in files.items():
        path = out_dir / name
        path.write_bytes(data)
        written.append(path)
    return written
