"""Each document's data builder (parties, amounts, words, dates in words, numbered points,
meterai decision) and its PDF (invariant bytes, text with number/names/amounts, pages)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from decimal import Decimal
from io import BytesIO

import pytest
from pypdf import PdfReader

from app.documents import (
    berita_acara,
    daftar_hapus_buku,
    jadwal_angsuran,
    keterangan_lunas,
    kuitansi,
    notulen,
    panggilan,
    perjanjian,
    ringkasan_kasus,
    sp_letters,
    tanda_terima_agunan,
)
from app.documents.context import DocContext
from app.documents.kesepakatan import CoopRep, NewTerms, WaiverItem, agreement
from app.documents.kinds import DocKind
from app.documents.meterai import meterai_for
from app.documents.parties import CollateralItem
from app.errors import ValidationError
from app.loans.models import EventKind, LoanStatus, Payment, PaymentLine
from app.loans.schedule import ScheduleTerms
from app.settings.profile import CoopProfile
from tests.app.documents import docdata

ON = date(2025, 9, 7)  # a Sunday


def _text(pdf: bytes) -> tuple[str, int]:
    reader = PdfReader(BytesIO(pdf))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    return text, len(reader.pages)


@pytest.fixture
def ctx(profile: CoopProfile) -> DocContext:
    return DocContext(profile, is_demo=True)


def test_sp_letter_data_and_pdf(ctx: DocContext) -> None:
    letter = replace(docdata.sp(3), nomor="009/KSP-GR/SP-3/XI/2026")
    assert letter.arrears.total == 1_787_500
    assert letter.total_words == "satu juta tujuh ratus delapan puluh tujuh ribu lima ratus rupiah"
    assert letter.deadline == date(2026, 12, 3)
    assert letter.copies == ("Pengawas", "Penjamin", "Arsip")
    pdf, pages = sp_letters.render(letter, ctx)
    text, count = _text(pdf)
    assert pages == count == 1
    for needle in (
        "009/KSP-GR/SP-3/XI/2026",
        docdata.HOSTILE,
        "Rp1.787.500",
        letter.total_words,
        "PERINGATAN TERAKHIR",
        "012/KSP-GR/SP-1/X/2026",
        "Kepada Yth. Ibu",
        "3 Desember 2026",
        "Sri Wahyuningsih",
        "CONTOH",
    ):
        assert needle in text
    assert sp_letters.render(letter, ctx)[0] == pdf  # invariant


def test_sp_letter_refuses_a_loan_without_arrears() -> None:
    with pytest.raises(ValidationError, match="tidak menunggak"):
        sp_letters.sp_letter(
            1,
            docdata.member(),
            docdata.loan(),
            docdata.arrears(pokok=0, jasa=0, denda=0),
            on=ON,
            contact_name="",
            contact_phone="",
        )


def test_empty_optional_values_print_as_dashes_not_none(ctx: DocContext) -> None:
    bare = docdata.member(address="", nik="", phone="", occupation="", sex="L")
    letter = sp_letters.sp_letter(
        1,
        bare,
        docdata.loan(agreement_date=None),
        docdata.arrears(),
        on=ON,
        contact_name="",
        contact_phone="",
    )
    text, _ = _text(sp_letters.render(letter, ctx)[0])
    assert "None" not in text and "Kepada Yth. Bapak" in text
    assert "tanggal –" in text and "petugas koperasi" in text


def test_a_very_long_name_and_address_wrap_and_print_whole(ctx: DocContext) -> None:
    long_name = "Raden Ayu " + " ".join(["Sekar"] * 25) + " Binti H. Abdul'Aziz <Al-Mojokerti>"
    long_address = "Jl. " + "Panjang Sekali " * 20 + "No. 1"
    letter = sp_letters.sp_letter(
        2,
        docdata.member(name=long_name, address=long_address),
        docdata.loan(),
        docdata.arrears(),
        on=ON,
        contact_name="A & B",
        contact_phone="1",
    )
    text, _ = _text(sp_letters.render(letter, ctx)[0])
    assert "Abdul'Aziz <Al-Mojokerti>" in text and "Panjang Sekali No. 1" in text


def test_surat_panggilan(ctx: DocContext) -> None:
    data = panggilan.surat_panggilan(
        docdata.member(),
        docdata.loan(),
        docdata.arrears(),
        on=ON,
        meeting_date=date(2025, 9, 12),
        meeting_time=time(9, 30),
        place="Kantor <Koperasi> & Aula",
        contact_name="Sri",
        contact_phone="0812",
        with_guarantor=True,
    )
    text, pages = _text(panggilan.render(replace(data, nomor="003/X/SPG"), ctx)[0])
    assert pages == 1
    assert "Jumat, 12 September 2025" in text and "09.30 WIB" in text
    assert "Kantor <Koperasi> & Aula" in text and "003/X/SPG" in text and "Rp1.787.500" in text
    with pytest.raises(ValidationError):
        panggilan.surat_panggilan(
            docdata.member(),
            docdata.loan(),
            docdata.arrears(),
            on=ON,
            meeting_date=date(2025, 9, 1),
            meeting_time=time(9),
            place="x",
            contact_name="",
            contact_phone="",
        )


def _deal() -> object:
    return agreement(
        "penjadwalan",
        docdata.arrears(),
        cause="usaha gagal & omzet turun",
        waivers=(WaiverItem("denda", 87_500),),
        new_terms=NewTerms(6_450_000, 40, Decimal("1.25"), "declining", date(2025, 10, 7)),
        default_after=2,
        collateral=(CollateralItem("BPKB", "Motor <Beat>", "R-1", "X", 9_000_000),),
    )


def test_agreement_points_amounts_and_schedule() -> None:
    deal = _deal()
    assert deal.owed == 6_000_000 + 450_000 + 87_500
    assert deal.waived_total == 87_500
    assert len(deal.schedule) == 40 and sum(r.pokok for r in deal.schedule) == 6_450_000
    assert deal.points[0].startswith("PIHAK KEDUA mengakui")
    assert "enam juta lima ratus tiga puluh tujuh ribu lima ratus rupiah" in deal.points[0]
    assert "penghapusan denda Rp87.500" in deal.points[1]
    assert "Penjadwalan Kembali" in deal.points[2] and "40 bulan" in deal.points[2]
    assert "Motor <Beat>" in deal.points[3]
    with pytest.raises(ValidationError):
        agreement(
            "penjadwalan", docdata.arrears(), waivers=(WaiverItem("denda", 10**9),), lump_sum=1
        )
    with pytest.raises(ValidationError):
        agreement("penjadwalan", docdata.arrears())


def test_berita_acara_date_in_words_parties_meterai_annex(ctx: DocContext) -> None:
    ba = berita_acara.berita_acara(
        docdata.member(),
        docdata.loan(),
        _deal(),
        on=ON,
        place="Balai RW 04",
        coop_rep=CoopRep("H. Slamet", "Ketua"),
        witnesses=("Saksi Satu", "Saksi Dua"),
    )
    assert ba.date_words == "Minggu, tanggal tujuh bulan September tahun dua ribu dua puluh lima"
    assert ba.meterai.required and ba.meterai.signer == "debitur"
    assert ba.spouse_consent  # collateral and a spouse: the spouse consents
    pdf, pages = berita_acara.render(replace(ba, nomor="001/KSP-GR/BA/IX/2025"), ctx)
    text, count = _text(pdf)
    assert pages == count >= 2
    for needle in (
        "tanggal tujuh bulan September tahun dua ribu dua puluh lima (07-09-2025)",
        "PIHAK PERTAMA",
        "PIHAK KEDUA",
        "METERAI",
        "Rp10.000",
        "Saksi I",
        "Saksi II",
        "Mengetahui",
        "Ahmad Fauzi",
        "LAMPIRAN",
        "JADWAL ANGSURAN BARU",
        "kembali menjadi kewajiban PIHAK KEDUA",
        docdata.HOSTILE,
        "Halaman 1 dari",
    ):
        assert needle in text, needle


def test_perjanjian_has_nine_pasal_and_the_schedule(ctx: DocContext) -> None:
    doc = perjanjian.perjanjian(
        docdata.member(), docdata.loan(), _deal(), on=ON, coop_rep=CoopRep("H. Slamet", "Ketua")
    )
    assert doc.addendum and doc.meterai.required
    texts = perjanjian.pasal_texts(doc, ctx)
    assert len(texts) == 9 and "musyawarah" in texts[7]
    text, pages = _text(perjanjian.render(replace(doc, nomor="002/SPP"), ctx)[0])
    for n, title in enumerate(perjanjian.PASAL_TITLES, start=1):
        assert f"Pasal {n} {title}" in text
    assert "ADDENDUM PERJANJIAN PINJAMAN" in text and "METERAI" in text and pages >= 2


def test_keterangan_lunas_never_for_a_written_off_loan(ctx: DocContext) -> None:
    for status in (LoanStatus.HAPUS_BUKU, LoanStatus.HAPUS_TAGIH):
        with pytest.raises(ValidationError, match="bukan lunas"):
            keterangan_lunas.keterangan_lunas(
                docdata.member(), docdata.loan(), status, on=ON, paid_off_on=ON
            )
    with pytest.raises(ValidationError, match="belum lunas"):
        keterangan_lunas.keterangan_lunas(
            docdata.member(), docdata.loan(), LoanStatus.AKTIF, on=ON, paid_off_on=None
        )
    data = keterangan_lunas.keterangan_lunas(
        docdata.member(),
        docdata.loan(),
        LoanStatus.LUNAS_KERINGANAN,
        on=ON,
        paid_off_on=date(2025, 9, 1),
        agreement_ref="001/BA",
    )
    assert data.how == keterangan_lunas.PaidOffHow.KERINGANAN and data.meterai.required
    text, pages = _text(keterangan_lunas.render(replace(data, nomor="004/SKL"), ctx)[0])
    assert pages == 1 and "keringanan Nomor 001/BA" in text and "METERAI" in text


def test_kuitansi_meterai_only_above_five_million(ctx: DocContext) -> None:
    def payment(amount: int) -> Payment:
        return Payment(
            1,
            1,
            EventKind.PEMBAYARAN,
            ON,
            "KW-2025-000001",
            amount,
            "tunai",
            amount - 1000,
            1000,
            0,
            0,
            lines=(PaymentLine(3, ON, "pokok", 1), PaymentLine(4, ON, "jasa", 1)),
        )

    small = kuitansi.kuitansi_pinjaman(payment(5_000_000), docdata.member(), docdata.loan(), "K")
    big = kuitansi.kuitansi_pinjaman(payment(5_000_001), docdata.member(), docdata.loan(), "K")
    assert not small.meterai.required and big.meterai.required
    assert big.purpose.startswith("Pembayaran angsuran ke-3 s.d. ke-4")
    text, pages = _text(kuitansi.render(big, ctx)[0])
    assert pages == 1 and "KW-2025-000001" in text and "Rp5.000.001" in text
    assert "lima juta satu rupiah" in text and "METERAI" in text
    assert "METERAI" not in _text(kuitansi.render(small, ctx)[0])[0]


def test_meterai_rules() -> None:
    assert meterai_for(DocKind.PERJANJIAN).required
    assert meterai_for(DocKind.BERITA_ACARA, agreed_terms=True).required
    assert not meterai_for(DocKind.BERITA_ACARA, agreed_terms=False).required
    assert meterai_for(DocKind.KETERANGAN_LUNAS).required
    assert not meterai_for(DocKind.SP1).required
    assert meterai_for(DocKind.KUITANSI_SIMPANAN, amount=5_000_001).required


def test_long_schedule_breaks_across_pages_with_the_header_repeated(ctx: DocContext) -> None:
    terms = ScheduleTerms(50_000_000, Decimal("18"), 120, "annuity", date(2025, 10, 7), 100, True)
    data = jadwal_angsuran.jadwal_from_terms(terms, on=ON, member=docdata.member())
    assert data.total_pokok == 50_000_000 and len(data.rows) == 120
    reader = PdfReader(BytesIO(jadwal_angsuran.render(replace(data, nomor="JA-1"), ctx)[0]))
    pages = [page.extract_text() for page in reader.pages]
    assert len(pages) >= 3
    assert all("Jatuh" in page and "Sisa Pokok" in page for page in pages[:-1])
    assert "Halaman 2 dari" in pages[1] and "Anuitas" in pages[0]


def test_ringkasan_kasus_options_fit_one_page(ctx: DocContext) -> None:
    notes = [
        ringkasan_kasus.ContactNote(date(2025, 8, d), "Telepon", "X", "kata " * 80)
        for d in range(1, 20)
    ]
    brief = ringkasan_kasus.ringkasan_kasus(
        docdata.member(),
        docdata.loan(),
        docdata.arrears(),
        on=ON,
        case_number="KS-1",
        officer="Sri",
        contacts=notes,
        causes=("usaha gagal", "usaha gagal", "PHK"),
        limits=ringkasan_kasus.WaiverLimits(Decimal(100), Decimal(50), Decimal(0)),
    )
    assert len(brief.contacts) == ringkasan_kasus.MAX_CONTACTS
    assert brief.contacts[0].on == date(2025, 8, 19)  # newest first
    assert brief.causes == ("usaha gagal", "PHK")
    assert [o.months for o in brief.options] == [12, 24, 36]
    assert brief.new_principal == 6_450_000
    assert brief.settlement.amount == 6_000_000 + 225_000  # half the jasa, all denda waived
    text, pages = _text(ringkasan_kasus.render(brief, ctx)[0])
    assert pages == 1 and "Catatan pertemuan" in text and "6.225.000" in text


def test_notulen_quorum_and_decisions(ctx: DocContext) -> None:
    doc = notulen.notulen(
        on=ON,
        start=time(13),
        end=time(15, 30),
        place="Kantor",
        chair="Ketua & Co",
        secretary="Sekretaris",
        board_size=3,
        attendees=[
            notulen.Attendee("A", "Ketua"),
            notulen.Attendee("B", "Sekretaris"),
            notulen.Attendee("C", "Bendahara", present=False),
        ],
        agenda=["Kasus"],
        decisions=["Menyetujui <A>.", "Menolak B."],
    )
    assert doc.present == 2 and doc.quorate
    text, _ = _text(notulen.render(replace(doc, nomor="N-1"), ctx)[0])
    assert (
        "2 dari 3 pengurus hadir (kuorum tercapai; paling sedikit 2 orang)" in text
        and "1. Menyetujui <A>." in text
    )
    assert "13.00 WIB" in text and "Mengetahui" in text


def test_tanda_terima_and_hapus_buku(ctx: DocContext) -> None:
    items = (CollateralItem("BPKB", "Motor", "R-1", "Ni'mah", 9_000_000),)
    tta = tanda_terima_agunan.tanda_terima_agunan(docdata.member(), docdata.loan(), items, on=ON)
    text, _ = _text(tanda_terima_agunan.render(replace(tta, nomor="T-1"), ctx)[0])
    assert "9.000.000" in text and "Yang menerima" in text
    with pytest.raises(ValidationError):
        tanda_terima_agunan.tanda_terima_agunan(docdata.member(), docdata.loan(), (), on=ON)
    loans = [
        daftar_hapus_buku.WrittenOffLoan(
            "1", "A & B", "L-1", date(2025, 3, 1), 1_000_000, 200_000, "K-1", 50_000
        ),
        daftar_hapus_buku.WrittenOffLoan("2", "C", "L-2", date(2024, 3, 1), 5, 5, "K-2"),
    ]
    doc = daftar_hapus_buku.daftar_hapus_buku(loans, year=2025, on=ON)
    assert len(doc.loans) == 1 and doc.total_remaining == 1_150_000
    text, _ = _text(daftar_hapus_buku.render(replace(doc, nomor="D-1"), ctx)[0])
    assert "A & B" in text and "satu juta rupiah" in text and "1.150.000" in text
