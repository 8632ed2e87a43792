"""Building blocks of the demo's problem-loan stories: contacts, letters through the
documents register, payments and approvals, dated in the weeks before `today`."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from app.collection.models import (
    Case,
    Channel,
    ContactDraft,
    LetterKind,
    MetRole,
    PromiseDraft,
)
from app.documents import panggilan, sp_letters
from app.documents.kinds import DocKind
from app.documents.sources import issuing, letters
from app.documents.sources.basics import documents
from app.errors import AppError
from app.services import Services
from app.storage.loans_events_repo import LoanEventsRepository
from app.users.models import User

SAID = {
    "usaha_gagal": "Dagangan sepi sejak pasar dipindah, omzet turun separuh.",
    "phk": "Suami kena PHK dari pabrik, sekarang kerja serabutan.",
    "sakit": "Anak sakit dan harus dirawat di rumah sakit dua minggu.",
    "utang_lain": "Ada cicilan pinjol yang ditagih terus tiap hari.",
    "salah_guna": "Uang pinjaman dipakai untuk biaya pernikahan adik.",
    "ekonomi": "Harga cabai jatuh, hasil panen tidak menutup modal.",
    "bencana": "Rumah kena banjir, barang dagangan rusak.",
}


class NotSuitable(AppError):
    def __init__(self) -> None:
        super().__init__("Pinjaman ini tidak cocok untuk contoh ini.")


class CaseDemoBase:
    def __init__(
        self, services: Services, rng: random.Random, today: date, users: dict[str, User]
    ) -> None:
        self.s = services
        self.loan_events = LoanEventsRepository(services.db)
        self.rng = rng
        self.today = today
        self.u = users
        self.stats = {"kontak": 0, "surat": 0, "janji": 0, "ditepati": 0, "riwayat": 0}
        self.docs = documents(services)  # the demo's letters go through the register

    def attempt(self, action: Callable[[Case], None], case: Case) -> bool:
        """Run one scenario; a loan whose figures do not fit it is simply left as it is."""
        try:
            action(case)
        except AppError:
            return False
        return True

    # -- building blocks ----------------------------------------------------------------------
    def start(self, case: Case, days_back: int) -> date:
        last = self.loan_events.latest_event_date(case.loan_id) or case.opened_on
        return max(last + timedelta(days=1), case.opened_on, self.today - timedelta(days=days_back))

    def contact(
        self,
        case: Case,
        on: date,
        channel: Channel,
        *,
        hour: int = 10,
        promise: int = 0,
        due: date | None = None,
        next_days: int = 7,
        officer: str = "kasir",
        met: MetRole = MetRole.ANGGOTA,
        met_name: str = "",
        said: str = "",
        agreed: str = "",
        causes: tuple[str, ...] = (),
    ) -> None:
        if on > self.today:
            return
        next_date = on + timedelta(days=next_days)
        self.s.contacts.record(
            self.u[officer],
            ContactDraft(
                case_id=case.id,
                contact_at=datetime.combine(on, time(hour, self.rng.randrange(60))),
                channel=channel,
                met_role=met,
                met_name=met_name,
                member_said=said,
                causes=causes,
                offer="Bayar tunggakan bertahap" if promise else "",
                member_answer="Sanggup" if promise else "",
                agreed=agreed,
                next_step="Cek pembayaran" if promise else "Hubungi lagi",
                next_step_date=next_date,
            ),
            today=self.today,
            promise=PromiseDraft(promise, due) if promise and due else None,
        )
        self.stats["kontak"] += 1
        self.stats["janji"] += 1 if promise else 0

    def letter(self, case: Case, kind: LetterKind, on: date, number: int) -> None:
        """Issue the warning letter (or Surat Panggilan) as the window does (numbered,
        rendered, in the register and the case), then record its delivery the same day.
        `number` is unused (kept for the callers' readability): the register numbers it."""
        del number
        if on > self.today:
            return
        if kind == LetterKind.PANGGILAN:
            invite = letters.surat_panggilan(self.s, case.id, on)
            issued = issuing.issue(
                self.s, self.u["manajer"], DocKind.PANGGILAN, invite, panggilan.render,
                self.today, docs=self.docs,
            )  # fmt: skip
        else:
            level = {LetterKind.SP1: 1, LetterKind.SP2: 2, LetterKind.SP3: 3}[kind]
            data = letters.sp_letter(self.s, case.id, level, on)
            issued = issuing.issue(
                self.s, self.u["manajer"], data.kind, data, sp_letters.render, self.today,
                docs=self.docs,
            )  # fmt: skip
        recorded = next(
            x for x in self.s.contacts.letters(case.id) if x.number == issued.row.number
        )
        self.s.contacts.record_delivery(
            self.u["kasir"],
            recorded.id,
            on,
            "diantar",
            self.rng.choice(("Anggota", "Istri anggota", "Suami anggota", "Anak")),
            self.today,
        )
        self.stats["surat"] += 1

    def pay(self, case: Case, amount: int, on: date) -> bool:
        last = self.loan_events.latest_event_date(case.loan_id)
        if on > self.today or (last is not None and on < last) or amount <= 0:
            return False
        self.s.loans.payments.record_payment(
            self.u["kasir"], case.loan_id, amount, on, "tunai", today=self.today
        )
        return True

    def cause(self) -> str:
        return self.rng.choice(list(SAID))

    # -- ordinary negotiation -----------------------------------------------------------------
    def _approve(self, decision_proposed: object) -> None:
        from app.collection.decision_models import Decision

        assert isinstance(decision_proposed, Decision)
        on = min(self.today, decision_proposed.proposed_on + timedelta(days=2))
        self.s.decisions.approve(
            self.u["ketua"], decision_proposed.id, "Disetujui dalam rapat pengurus", on, on
        )
