"""`mufakat samples OUTDIR`: one PDF of every document kind from the demo cooperative, issued
through the register of a small temporary demo database (so numbering, signatures and the
"CONTOH" watermark are exactly what a user gets). Members and savings come from the demo;
the loan and case figures are fixed sample values."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.documents import (
    berita_acara,
    daftar_hapus_buku,
    jadwal_angsuran,
    kartu_pinjaman,
    keterangan_lunas,
    kuitansi,
    notulen,
    panggilan,
    perjanjian,
    ringkasan_kasus,
    sp_letters,
    tanda_terima_agunan,
)
from app.documents.kesepakatan import CoopRep, NewTerms, WaiverItem, agreement
from app.documents.kinds import DocKind
from app.documents.parties import ArrearsFigures, CollateralItem, LoanRef, member_party
from app.documents.register import DocumentService, Renderer
from app.formats import add_months
from app.loans.models import (
    EventKind,
    InstallmentState,
    LoanStatus,
    Payment,
    PaymentLine,
    ScheduleLine,
)
from app.loans.schedule import ScheduleTerms, build_schedule
from app.services import Services
from app.users.models import User

SAMPLE_MEMBERS = 12
FILES = (
    "sp1.pdf",
    "sp2.pdf",
    "sp3.pdf",
    "surat_panggilan.pdf",
    "ringkasan_kasus.pdf",
    "berita_acara.pdf",
    "perjanjian_penyelesaian.pdf",
    "keterangan_lunas.pdf",
    "notulen_rapat.pdf",
    "kartu_pinjaman.pdf",
    "jadwal_angsuran.pdf",
    "kuitansi.pdf",
    "tanda_terima_agunan.pdf",
    "daftar_hapus_buku.pdf",
)


@dataclass
class _Sample:
    services: Services
    docs: DocumentService
    actor: User
    today: date
    out: Path

    def write(self, name: str, kind: DocKind, data: Any, render: Renderer) -> Path:
        issued = self.docs.issue(self.actor, kind, data, render)
        path = self.out / name
        path.write_bytes(issued.pdf)
        return path


def _loan(today: date, number: int = 45) -> LoanRef:
    start = add_months(today, -20).replace(day=10)
    return LoanRef(
        id=None,
        number=f"{number:03d}/KSP-GR/PK/{start.year}",
        agreement_date=start,
        amount=10_000_000,
        months=24,
        monthly_rate=Decimal("1.5"),
        method="Flat",
        purpose="Tambahan modal warung kelontong",
        product="Pinjaman Umum",
        first_due=add_months(start, 1),
    )


def _collateral(owner: str) -> tuple[CollateralItem, ...]:
    return (
        CollateralItem(
            "BPKB kendaraan dengan fidusia",
            "Sepeda motor Honda Beat 2019, S 4127 NK",
            "BPKB No. R-0412776",
            owner,
            9_500_000,
        ),
        CollateralItem(
            "Girik / Letter C / Petok D",
            "Tanah pekarangan 120 m², Kel. Gedongan",
            "Letter C No. 1187",
            owner,
            35_000_000,
        ),
    )


def write_samples(
    out: Path, today: date | None = None, progress: Callable[[str], None] | None = None
) -> list[Path]:
    """Write the 14 sample PDFs into `out` (created if missing); returns their paths."""
    from app.demo.generate import generate_demo

    today = today or date.today()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="mufakat-contoh-") as folder:
        db_path = Path(folder) / "contoh.db"
        generate_demo(db_path, members=SAMPLE_MEMBERS, seed=1, today=today)
        services = Services.open(db_path)
        try:
            actor = next(u for u in services.users.all() if u.username == "manajer")
            docs = DocumentService(services.db, services.audit, services.settings)
            sample = _Sample(services, docs, actor, today, out)
            return _write_all(sample, progress or (lambda _text: None))
        finally:
            services.close()


def _write_all(s: _Sample, progress: Callable[[str], None]) -> list[Path]:
    rows = s.services.members.search("", limit=SAMPLE_MEMBERS)
    members = [member_party(s.services.members.get(r.id)) for r in rows]
    debtor, other = members[0], members[1]
    profile = s.services.settings.profile()
    loan = _loan(s.today)
    arrears = ArrearsFigures(s.today, 4, 1_666_668, 600_000, 142_500, 6_666_660, 118, "Diragukan")
    contact = (profile.manajer, "0812-3456-7890")
    previous = (
        sp_letters.PreviousLetter("004/KSP-GR/SP-1/" + str(s.today.year), s.today - timedelta(28)),
        sp_letters.PreviousLetter("002/KSP-GR/SP-2/" + str(s.today.year), s.today - timedelta(14)),
    )
    paths = []
    for level in (1, 2, 3):
        progress(f"SP{level}")
        data = sp_letters.sp_letter(
            level,
            debtor,
            loan,
            arrears,
            on=s.today,
            contact_name=contact[0],
            contact_phone=contact[1],
            previous=previous,
        )
        paths.append(s.write(f"sp{level}.pdf", data.kind, data, sp_letters.render))
    progress("Surat Panggilan")
    meeting = s.today + timedelta(days=5)
    data_p = panggilan.surat_panggilan(
        debtor,
        loan,
        arrears,
        on=s.today,
        meeting_date=meeting,
        meeting_time=time(9, 0),
        place="Kantor KSP Guyub Rukun, Jl. Empunala No. 118",
        contact_name=contact[0],
        contact_phone=contact[1],
        with_guarantor=True,
    )
    paths.append(s.write("surat_panggilan.pdf", DocKind.PANGGILAN, data_p, panggilan.render))
    progress("Ringkasan Kasus")
    contacts = [
        ringkasan_kasus.ContactNote(
            s.today - timedelta(40),
            "Telepon",
            debtor.name,
            "Mengaku omzet warung turun sejak ada minimarket baru.",
        ),
        ringkasan_kasus.ContactNote(
            s.today - timedelta(26),
            "Kunjungan rumah",
            "Suami",
            "Suami bekerja serabutan; berjanji membayar Rp500.000.",
        ),
        ringkasan_kasus.ContactNote(
            s.today - timedelta(12),
            "WhatsApp",
            debtor.name,
            "Janji bayar tidak ditepati; minta keringanan denda.",
        ),
    ]
    promises = [
        ringkasan_kasus.PromiseNote(
            s.today - timedelta(26), s.today - timedelta(19), 500_000, "Ingkar"
        )
    ]
    savings = s.services.savings.balances(debtor.id or 0, s.today)
    brief = ringkasan_kasus.ringkasan_kasus(
        debtor,
        loan,
        arrears,
        on=s.today,
        case_number=f"KS-{s.today.year}-0007",
        officer=contact[0],
        contacts=contacts,
        promises=promises,
        causes=("usaha gagal / omzet turun", "beban utang lain (termasuk pinjol)"),
        savings=ringkasan_kasus.SavingsOffset(savings.pokok, savings.wajib, savings.sukarela),
        collateral=_collateral(debtor.name),
    )
    paths.append(
        s.write("ringkasan_kasus.pdf", DocKind.RINGKASAN_KASUS, brief, ringkasan_kasus.render)
    )
    progress("Berita Acara dan Surat Perjanjian")
    deal = agreement(
        "penjadwalan",
        arrears,
        cause="omzet warung turun dan beban utang lain",
        waivers=(WaiverItem("denda", arrears.denda),),
        new_terms=NewTerms(
            arrears.outstanding + arrears.jasa,
            30,
            Decimal("1.25"),
            "declining",
            add_months(s.today, 1),
        ),
        default_after=2,
        collateral=_collateral(debtor.name)[:1],
    )
    rep = CoopRep(profile.ketua, "Ketua")
    ba = berita_acara.berita_acara(
        debtor,
        loan,
        deal,
        on=s.today,
        place="Kantor KSP Guyub Rukun",
        coop_rep=rep,
        witnesses=(profile.manajer, "Agus Salim"),
    )
    paths.append(s.write("berita_acara.pdf", DocKind.BERITA_ACARA, ba, berita_acara.render))
    pj = perjanjian.perjanjian(
        debtor, loan, deal, on=s.today, coop_rep=rep, witnesses=(profile.manajer, "Agus Salim")
    )
    paths.append(s.write("perjanjian_penyelesaian.pdf", DocKind.PERJANJIAN, pj, perjanjian.render))
    progress("Surat Keterangan Lunas")
    lunas = keterangan_lunas.keterangan_lunas(
        other,
        _loan(s.today, 12),
        LoanStatus.LUNAS,
        on=s.today,
        paid_off_on=s.today - timedelta(3),
        returned=_collateral(other.name)[:1],
    )
    paths.append(
        s.write("keterangan_lunas.pdf", DocKind.KETERANGAN_LUNAS, lunas, keterangan_lunas.render)
    )
    progress("Notulen Rapat")
    paths.append(
        s.write("notulen_rapat.pdf", DocKind.NOTULEN, _notulen(s, members, profile), notulen.render)
    )
    progress("Kartu Pinjaman, Jadwal Angsuran, Kuitansi")
    card, payment = _card(s, debtor, loan)
    paths.append(s.write("kartu_pinjaman.pdf", DocKind.KARTU_PINJAMAN, card, kartu_pinjaman.render))
    terms = ScheduleTerms(15_000_000, Decimal("18"), 18, "flat", add_months(s.today, 1), 100, True)
    sim = jadwal_angsuran.jadwal_from_terms(terms, on=s.today, member=other)
    paths.append(
        s.write("jadwal_angsuran.pdf", DocKind.JADWAL_ANGSURAN, sim, jadwal_angsuran.render)
    )
    receipt = kuitansi.kuitansi_pinjaman(payment, debtor, loan, "Rina Marlina")
    paths.append(s.write("kuitansi.pdf", DocKind.KUITANSI_PINJAMAN, receipt, kuitansi.render))
    progress("Tanda Terima Agunan dan Daftar Hapus Buku")
    tta = tanda_terima_agunan.tanda_terima_agunan(
        debtor, loan, _collateral(debtor.name), on=loan.agreement_date or s.today
    )
    paths.append(
        s.write(
            "tanda_terima_agunan.pdf", DocKind.TANDA_TERIMA_AGUNAN, tta, tanda_terima_agunan.render
        )
    )
    paths.append(
        s.write(
            "daftar_hapus_buku.pdf",
            DocKind.DAFTAR_HAPUS_BUKU,
            _hapus_buku(s, members),
            daftar_hapus_buku.render,
        )
    )
    return paths


def _notulen(s: _Sample, members: list[Any], profile: Any) -> notulen.Notulen:
    board = [
        (profile.ketua, "Ketua"),
        (profile.sekretaris, "Sekretaris"),
        (profile.bendahara, "Bendahara"),
    ]
    attendees = [notulen.Attendee(n, pos) for n, pos in board]
    attendees.append(notulen.Attendee(profile.manajer, "Manajer (diundang)"))
    cases = [
        notulen.CaseDiscussion(
            members[0].name,
            _loan(s.today).number,
            "sisa pokok Rp6.666.660, tunggakan Rp2.409.168, Diragukan",
            "Penjadwalan kembali 30 bulan, denda dihapus",
            "Anggota beritikad baik; omzet turun. Disetujui dengan syarat.",
        ),
        notulen.CaseDiscussion(
            members[2].name,
            _loan(s.today, 31).number,
            "sisa pokok Rp4.200.000, Macet 14 bulan, agunan tidak diikat",
            "Hapus buku; penagihan dilanjutkan di luar neraca",
            "Syarat hapus buku lengkap; PPAP sudah 100%.",
        ),
    ]
    return notulen.notulen(
        on=s.today,
        start=time(13, 0),
        end=time(15, 30),
        place="Ruang rapat KSP Guyub Rukun",
        chair=profile.ketua,
        secretary=profile.sekretaris,
        attendees=attendees,
        board_size=3,
        agenda=[
            "Pembahasan usulan penyelesaian pinjaman bermasalah",
            "Usulan hapus buku pinjaman macet",
            "Lain-lain",
        ],
        cases=cases,
        decisions=[
            f"Menyetujui penjadwalan kembali pinjaman {cases[0].loan_number} atas nama "
            f"{cases[0].member} selama 30 bulan dengan penghapusan denda.",
            f"Menyetujui hapus buku pinjaman {cases[1].loan_number} atas nama "
            f"{cases[1].member}; penagihan tetap dilakukan dan dilaporkan pada RAT.",
        ],
        follow_ups=[
            notulen.FollowUp(
                "Menyiapkan Berita Acara dan addendum perjanjian",
                profile.manajer,
                s.today + timedelta(days=7),
            )
        ],
    )


def _card(s: _Sample, member: Any, loan: LoanRef) -> tuple[kartu_pinjaman.KartuPinjaman, Payment]:
    assert loan.first_due is not None
    rows = build_schedule(
        ScheduleTerms(
            loan.amount, loan.monthly_rate * 12, loan.months, "flat", loan.first_due, 100, True
        )
    )
    paid_through = 14
    lines, events = [], []
    for r in rows:
        paid = r.number <= paid_through
        due = r.due_date <= s.today
        state = (
            InstallmentState.LUNAS
            if paid
            else (InstallmentState.TERLAMBAT if due else InstallmentState.BELUM)
        )
        lines.append(
            ScheduleLine(
                r.number,
                r.due_date,
                r.principal,
                r.interest,
                r.balance,
                r.principal if paid else 0,
                r.interest if paid else 0,
                0,
                0,
                state,
            )
        )
        if paid:
            events.append(
                Payment(
                    r.number,
                    0,
                    EventKind.PEMBAYARAN,
                    r.due_date,
                    f"KW-{r.due_date.year}-{1000 + r.number:06d}",
                    r.total,
                    "tunai",
                    r.principal,
                    r.interest,
                    0,
                    0,
                    lines=(PaymentLine(r.number, r.due_date, "pokok", r.principal),),
                )
            )
    last = rows[paid_through]
    big = Payment(
        99,
        0,
        EventKind.PEMBAYARAN,
        s.today,
        f"KW-{s.today.year}-004211",
        6_250_000,
        "tunai",
        5_500_000,
        600_000,
        150_000,
        0,
        created_at=datetime.combine(s.today, time(10, 0)).isoformat(),
        lines=tuple(PaymentLine(n, last.due_date, "pokok", 1) for n in (15, 16, 17, 18)),
    )
    card = kartu_pinjaman.kartu_pinjaman(
        member,
        loan,
        lines,
        events,
        on=s.today,
        outstanding=rows[paid_through - 1].balance,
        arrears_total=2_409_168,
    )
    return card, big


def _hapus_buku(s: _Sample, members: list[Any]) -> daftar_hapus_buku.DaftarHapusBuku:
    year = s.today.year
    loans = [
        daftar_hapus_buku.WrittenOffLoan(
            m.number,
            m.name,
            f"{20 + n:03d}/KSP-GR/PK/{year - 3}",
            date(year, 2 + n, 12),
            2_150_000 + n * 875_000,
            310_000 + n * 45_500,
            f"{n + 1:03d}/KSP-GR/KEP/{year}",
            n * 150_000,
        )
        for n, m in enumerate(members[3:9])
    ]
    return daftar_hapus_buku.daftar_hapus_buku(loans, year=year, on=s.today)
