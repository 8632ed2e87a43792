"""`mufakat samples OUTDIR`: one PDF of every document kind from the demo cooperative's real
records. A small temporary demo database is generated (members, savings, loans and the
problem-loan cases with their decisions); for each kind the demo's own member, loan, case or
decision that shows it best is picked, and the document is issued through the register (so
numbering, signatures, the case letters and the "CONTOH" watermark are what a user gets)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from app.collection.decision_models import Decision, DecisionKind, DecisionStatus
from app.collection.decision_models import RestructuringKind as RK
from app.documents import (
    berita_acara,
    bilyet,
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
from app.documents.kinds import SP_KINDS, DocKind
from app.documents.register import DocumentService, Renderer
from app.documents.sources import (
    agreements,
    berjangka,
    cases,
    decisions,
    issuing,
    letters,
    loans,
)
from app.documents.sources.basics import documents
from app.errors import ValidationError
from app.loans.models import EventKind, LoanFilter, LoanStatus
from app.services import Services
from app.users.models import User

SAMPLE_MEMBERS = 300  # enough for every story of the demo's problem-loan handling
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
    "buku_simpanan.pdf",
    "kartu_angsuran.pdf",
    "bilyet_berjangka.pdf",
)


@dataclass
class _Sample:
    services: Services
    docs: DocumentService
    actor: User
    today: date
    out: Path
    paths: list[Path]

    def write(self, name: str, kind: DocKind, data: Any, render: Renderer) -> None:
        issued = issuing.issue(
            self.services, self.actor, kind, data, render, self.today, docs=self.docs
        )
        path = self.out / name
        path.write_bytes(issued.pdf)
        self.paths.append(path)


def write_samples(
    out: Path, today: date | None = None, progress: Callable[[str], None] | None = None
) -> list[Path]:
    """Write the 17 sample PDFs into `out` (created if missing); returns their paths."""
    from app.demo.generate import generate_demo

    today = today or date.today()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    say = progress or (lambda _text: None)
    with tempfile.TemporaryDirectory(prefix="mufakat-contoh-") as folder:
        db_path = Path(folder) / "contoh.db"
        say("Membuat koperasi contoh …")
        generate_demo(db_path, members=SAMPLE_MEMBERS, seed=1, today=today)
        services = Services.open(db_path)
        try:
            actor = next(u for u in services.users.all() if u.username == "manajer")
            sample = _Sample(services, documents(services), actor, today, out, [])
            _write_all(sample, say)
            return sample.paths
        finally:
            services.close()


def _write_all(s: _Sample, say: Callable[[str], None]) -> None:
    say("Surat peringatan dan surat panggilan")
    _letters(s)
    say("Ringkasan Kasus")
    brief_case = _brief_case(s)
    s.write(
        "ringkasan_kasus.pdf",
        DocKind.RINGKASAN_KASUS,
        cases.ringkasan(s.services, brief_case, s.today),
        ringkasan_kasus.render,
    )
    say("Berita Acara dan Surat Perjanjian")
    _agreements(s)
    say("Surat Keterangan Lunas dan Notulen Rapat")
    paid_off = _paid_off_loan(s)
    s.write(
        "keterangan_lunas.pdf",
        DocKind.KETERANGAN_LUNAS,
        loans.keterangan(s.services, paid_off, s.today),
        keterangan_lunas.render,
    )
    _minutes(s)
    say("Kartu Pinjaman, Jadwal Angsuran, Kuitansi, Tanda Terima Agunan")
    _loan_documents(s, s.services.cases.get(brief_case).loan_id)
    say("Daftar Hapus Buku")
    register = s.services.offbook.register(s.today)
    year = max((e.written_off_on.year for e in register), default=s.today.year)
    s.write(
        "daftar_hapus_buku.pdf",
        DocKind.DAFTAR_HAPUS_BUKU,
        decisions.daftar_hapus_buku(s.services, year, s.today),
        daftar_hapus_buku.render,
    )
    say("Bilyet Simpanan Berjangka")
    placement = max(s.services.berjangka.all_open(), key=lambda d: d.principal)
    s.write(
        "bilyet_berjangka.pdf",
        DocKind.BILYET_BERJANGKA,
        berjangka.bilyet(s.services, placement.id, placement.start_on),
        bilyet.render,
    )
    say("Buku Simpanan dan Kartu Angsuran")
    from app.passbook.samples import write_passbook_samples

    s.paths += write_passbook_samples(s.services, s.actor, s.out)
    assert sorted(p.name for p in s.paths) == sorted(FILES)


def _letters(s: _Sample) -> dict[int, int]:
    """SP1–SP3 from the letters the work queue says are due today (for a level none is due
    for, the open case that last got the letter before it), then the Surat Panggilan for the
    SP3 case. Returns level -> case id."""
    due = letters.due_letters(s.services, s.today)
    chosen: dict[int, int] = {}
    for level in (1, 2, 3):
        item = next((i for i in due.items if i.kind == SP_KINDS[level]), None)
        link = item.data.link() if item is not None else None
        if link is not None and link.case_id is not None:
            case_id = link.case_id
        else:
            case_id = _case_after_letter(s, level - 1, set(chosen.values()))
        chosen[level] = case_id
        data = letters.sp_letter(s.services, case_id, level, s.today)
        s.write(f"sp{level}.pdf", data.kind, data, sp_letters.render)
    letter = letters.surat_panggilan(s.services, chosen[3], s.today)
    s.write("surat_panggilan.pdf", DocKind.PANGGILAN, letter, panggilan.render)
    return chosen


def _open_cases_in_arrears(s: _Sample) -> list[int]:
    coll, loans_service = s.services, s.services.loans
    late = {a.loan_id: a for a in loans_service.quality.all_arrears(s.today) if a.arrears_total > 0}
    found = [c for c in coll.case_list.open_cases() if c.loan_id in late]
    found.sort(key=lambda c: (-late[c.loan_id].days_past_due, c.id))
    return [c.id for c in found]


def _case_after_letter(s: _Sample, level: int, taken: set[int]) -> int:
    """An open case in arrears whose last SP letter is SP`level` (any such case when none)."""
    candidates = [c for c in _open_cases_in_arrears(s) if c not in taken]
    if not candidates:
        raise ValidationError("Koperasi contoh tidak punya kasus untuk surat peringatan.")
    if level == 0:
        return candidates[0]
    wanted = f"SP{level}"
    for case_id in candidates:
        kinds = {x.kind.value for x in s.services.contacts.letters(case_id)}
        if wanted in kinds and f"SP{level + 1}" not in kinds:
            return case_id
    return candidates[0]


def _brief_case(s: _Sample) -> int:
    """The open case in arrears with the richest history (contacts and promises)."""
    coll = s.services

    def richness(case_id: int) -> tuple[int, int, int]:
        contacts = len(coll.contacts.contacts(case_id))
        promises = len(coll.promise_views.views_for_case(case_id, s.today))
        outstanding = s.services.loans.quality.arrears(coll.cases.get(case_id).loan_id, s.today)
        return (min(contacts, 6) + min(promises, 4), outstanding.outstanding, -case_id)

    candidates = [
        c
        for c in _open_cases_in_arrears(s)
        if s.services.loans.get(coll.cases.get(c).loan_id).status == LoanStatus.AKTIF
    ]
    return max(candidates, key=richness)


def _decisions(s: _Sample, kind: DecisionKind) -> list[Decision]:
    done = (DecisionStatus.DISETUJUI, DecisionStatus.DILAKSANAKAN)
    found = [d for d in s.services.decisions.all(kind=kind) if d.status in done]
    return sorted(found, key=lambda d: (d.decided_on or d.proposed_on, d.id), reverse=True)


def _agreements(s: _Sample) -> None:
    """The Berita Acara of the restructuring with capitalised jasa (its new schedule annexed)
    and the Surat Perjanjian of the settlement at a discount, each dated the day the board
    approved it."""
    restructured = _decisions(s, DecisionKind.RESTRUKTURISASI)
    settled = _decisions(s, DecisionKind.PELUNASAN_KERINGANAN)
    if not restructured:
        raise ValidationError("Koperasi contoh tidak punya restrukturisasi yang disetujui.")
    terms = [d for d in restructured if d.payload["terms"]["kind"] == RK.PERSYARATAN.value]
    ba_decision = (terms or restructured)[0]
    on = ba_decision.decided_on or s.today
    assert ba_decision.case_id is not None
    ba = agreements.berita_acara(s.services, ba_decision.case_id, on, decision_id=ba_decision.id)
    s.write("berita_acara.pdf", DocKind.BERITA_ACARA, ba, berita_acara.render)
    pj_decision = (settled or restructured)[0]
    pj = agreements.perjanjian(s.services, pj_decision.id, pj_decision.decided_on or s.today)
    s.write("perjanjian_penyelesaian.pdf", DocKind.PERJANJIAN, pj, perjanjian.render)


def _paid_off_loan(s: _Sample) -> int:
    """A loan paid off in full most recently, preferring one whose collateral was returned."""
    rows = s.services.loans.list_rows(
        s.today, LoanFilter(statuses=(LoanStatus.LUNAS,)), limit=200, order="newest"
    )
    if not rows:
        raise ValidationError("Koperasi contoh tidak punya pinjaman lunas.")
    loans_service = s.services.loans
    with_collateral = [
        r.loan_id
        for r in rows
        if any(c.released_on is not None for c in loans_service.collateral(r.loan_id))
    ]
    candidates = with_collateral or [r.loan_id for r in rows]
    return max(candidates, key=lambda i: (loans_service.get(i).closed_on or date.min, i))


def _minutes(s: _Sample) -> None:
    """The board meeting that decided the latest restructurings and settlement."""
    wanted = (DecisionKind.RESTRUKTURISASI, DecisionKind.PELUNASAN_KERINGANAN)
    chosen = [d for kind in wanted for d in _decisions(s, kind)]
    last = max((d.proposed_on for d in chosen), default=s.today)
    doc = decisions.notulen(s.services, last - timedelta(days=30), last)
    s.write("notulen_rapat.pdf", DocKind.NOTULEN, doc, notulen.render)


def _loan_documents(s: _Sample, card_loan: int) -> None:
    loans_service = s.services.loans
    s.write(
        "kartu_pinjaman.pdf",
        DocKind.KARTU_PINJAMAN,
        loans.kartu(s.services, card_loan, s.today),
        kartu_pinjaman.render,
    )
    newest = loans_service.list_rows(s.today, LoanFilter(), limit=1, order="newest")
    s.write(
        "jadwal_angsuran.pdf",
        DocKind.JADWAL_ANGSURAN,
        loans.jadwal(s.services, newest[0].loan_id, s.today),
        jadwal_angsuran.render,
    )
    payments = [
        e
        for e in loans_service.payments.events(card_loan)
        if e.kind == EventKind.PEMBAYARAN and e.receipt_no and not e.is_reversed
    ]
    receipt = loans.kuitansi_pembayaran(s.services, card_loan, payments[-1].id)
    s.write("kuitansi.pdf", DocKind.KUITANSI_PINJAMAN, receipt, kuitansi.render)
    held = _most_collateral(s, loans_service.list_rows(s.today, LoanFilter(), limit=300))
    s.write(
        "tanda_terima_agunan.pdf",
        DocKind.TANDA_TERIMA_AGUNAN,
        loans.tanda_terima_agunan(s.services, held, s.today),
        tanda_terima_agunan.render,
    )


def _most_collateral(s: _Sample, rows: Sequence[Any]) -> int:
    counted = [(len(s.services.loans.collateral(r.loan_id)), r.loan_id) for r in rows]
    best = max(counted, default=(0, 0))
    if best[0] == 0:
        raise ValidationError("Koperasi contoh tidak punya pinjaman beragunan.")
    return best[1]
