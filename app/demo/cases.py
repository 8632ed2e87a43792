"""Demo problem-loan handling: cases opened as loans crossed the threshold, calls, visits and
letters, promises kept and broken, one rescheduling, one restructuring with capitalised jasa,
one settlement at a discount, one hapus buku with a later recovery and one hapus tagih.

Everything goes through the collection services (the same rules as the screens), dated in
the weeks before `today` and after each loan's last money event."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

from app.collection.decision_models import (
    RestructuringKind,
    RestructuringTerms,
    Treatment,
)
from app.collection.models import (
    Case,
    Channel,
    LetterKind,
    MetRole,
)
from app.demo.case_steps import SAID
from app.demo.case_writeoffs import WriteoffStories
from app.formats import add_months, roman_month
from app.loans.models import LoanStatus
from app.services import Services
from app.users.models import Role, User

_OFFICERS = ("manajer", "kasir")


def add_demo_cases(
    services: Services,
    rng: random.Random,
    today: date,
    progress: Callable[[str], None] | None = None,
) -> str:
    """Fill the demo's problem-loan handling up to `today`; a summary in Indonesian."""
    say = progress or (lambda _message: None)
    users = _users(services)
    say("Membuka kasus pinjaman bermasalah …")
    for months_back in range(6, 0, -1):
        month_end = add_months(today.replace(day=1), -months_back + 1) - timedelta(days=1)
        services.cases.open_due_cases(month_end, users["admin"])
    services.cases.open_due_cases(today, users["admin"])
    cases = [
        c
        for c in services.case_list.open_cases()
        if services.loans.get(c.loan_id).status == LoanStatus.AKTIF
    ]
    arrears = {a.loan_id: a for a in services.loans.quality.all_arrears(today)}
    cases = [c for c in cases if c.loan_id in arrears]
    rank = {"M": 0, "D": 1, "KL": 2, "DPK": 3, "L": 4}
    cases.sort(
        key=lambda c: (
            rank.get(arrears[c.loan_id].quality, 5),
            -arrears[c.loan_id].outstanding,
            c.id,
        )
    )
    demo = _Demo(services, rng, today, users)
    done: list[str] = []
    say("Mencatat riwayat penanganan …")
    used: set[int] = set()
    for label, action in (
        ("hapus tagih", demo.hapus_tagih),
        ("hapus buku dengan pemulihan", demo.hapus_buku_recovery),
    ):
        case = demo.forgotten_loan()
        if case is not None and demo.attempt(action, case):
            done.append(label)
    for label, wanted, action in (
        ("pelunasan dengan keringanan", ("M", "D"), demo.settlement),
        ("restrukturisasi dengan kapitalisasi jasa", ("D", "KL", "M"), demo.restructure),
        ("penjadwalan kembali", ("KL", "D"), demo.reschedule),
    ):
        for case in cases:
            if case.loan_id in used or arrears[case.loan_id].quality not in wanted:
                continue
            used.add(case.loan_id)
            if demo.attempt(action, case):
                done.append(label)
                break
    for case in cases:
        if case.loan_id not in used and demo.stats["riwayat"] < 24:
            demo.attempt(demo.negotiation, case)
    open_cases = len(services.case_list.open_cases())
    s = demo.stats
    return (
        f"{open_cases} kasus terbuka; {s['kontak']} catatan kontak, {s['surat']} surat, "
        f"{s['janji']} janji bayar ({s['ditepati']} ditepati); " + ", ".join(done) + "."
    )


def _users(services: Services) -> dict[str, User]:
    found = {u.username: u for u in services.users.all()}
    users = {name: found[name] for name in ("admin", "ketua", "manajer", "kasir", "pengawas")}
    # Hapus buku needs two different Pengurus: the demo's Bendahara is the second one.
    if "bendahara" not in found:
        profile = services.settings.profile()
        user = services.users.create_user(
            users["admin"],
            "bendahara",
            profile.bendahara or "Bendahara",
            Role.PENGURUS,
            "bendahara123",
            "bendahara123",
            position="Bendahara",
        )
        services.users.repo.update_fields(user.id, must_change_password=0)
        found["bendahara"] = services.users.get(user.id)
    users["bendahara"] = found["bendahara"]
    return users


class _Demo(WriteoffStories):
    def negotiation(self, case: Case) -> None:
        loan = self.s.loans.get(case.loan_id)
        t0 = self.start(case, 100)
        self.s.cases.assign(
            self.u["manajer"], case.id, self.u[self.rng.choice(_OFFICERS)].id, today=self.today
        )
        cause = self.cause()
        self.contact(case, t0, Channel.TELEPON, said=SAID[cause], causes=(cause,))
        self.letter(case, LetterKind.SP1, t0 + timedelta(days=3), case.id)
        instalment = max(100_000, loan.amount // max(1, loan.months) // 50_000 * 50_000)
        t1 = t0 + timedelta(days=10)
        due = t1 + timedelta(days=10)
        self.contact(
            case,
            t1,
            Channel.KUNJUNGAN_RUMAH,
            hour=16,
            promise=instalment,
            due=due,
            met=MetRole.SUAMI_ISTRI,
            met_name="suami/istri anggota",
            agreed=f"Membayar satu angsuran paling lambat {due:%d-%m-%Y}",
        )
        fate = self.rng.random()
        if fate < 0.5 and self.pay(case, instalment, due - timedelta(days=self.rng.randrange(3))):
            self.stats["ditepati"] += 1
        elif fate < 0.7:
            self.pay(case, instalment // 2 // 1000 * 1000, due - timedelta(days=1))
        else:
            self.contact(
                case,
                due + timedelta(days=3),
                Channel.WHATSAPP,
                said="Belum ada uang, minta waktu sampai gajian.",
            )
            self.letter(case, LetterKind.SP2, t0 + timedelta(days=17), case.id)
        self.stats["riwayat"] += 1

    # -- solutions ----------------------------------------------------------------------------
    def reschedule(self, case: Case) -> None:
        loan = self.s.loans.get(case.loan_id)
        eff = self.start(case, 45)
        self.contact(
            case,
            eff,
            Channel.DI_KANTOR,
            officer="manajer",
            said=SAID["ekonomi"],
            causes=("ekonomi",),
            agreed="Jadwal angsuran diperpanjang 6 bulan",
        )
        terms = RestructuringTerms(
            kind=RestructuringKind.PENJADWALAN,
            pokok=Treatment.KAPITALISASI,
            jasa=Treatment.ANGSURAN_PERTAMA,
            denda=Treatment.ANGSURAN_PERTAMA,
            monthly_rate=loan.monthly_rate,
            months=max(6, loan.months // 2 + 6),
            method=loan.method,
            first_due=add_months(eff, 1),
            effective_date=eff,
            round_to=loan.round_to,
            round_up=loan.round_up,
            reason="Panen gagal; anggota sanggup bila angsuran lebih ringan",
        )
        self._approve(self.s.restructuring.propose(self.u["manajer"], case.id, terms, today=eff))

    def restructure(self, case: Case) -> None:
        loan = self.s.loans.get(case.loan_id)
        eff = self.start(case, 60)
        self.contact(
            case,
            eff,
            Channel.DI_KANTOR,
            officer="manajer",
            said=SAID["sakit"],
            causes=("sakit",),
            agreed="Tunggakan jasa dijadikan pokok, jasa turun",
        )
        rate = max(Decimal("0.75"), loan.monthly_rate - Decimal("0.25"))
        terms = RestructuringTerms(
            kind=RestructuringKind.PERSYARATAN,
            pokok=Treatment.KAPITALISASI,
            jasa=Treatment.KAPITALISASI,
            denda=Treatment.HAPUS,
            monthly_rate=rate,
            months=24,
            method="declining",
            first_due=add_months(eff, 1),
            effective_date=eff,
            round_to=loan.round_to,
            round_up=loan.round_up,
            reason="Anggota sakit lama; usaha mulai jalan lagi",
        )
        self._approve(self.s.restructuring.propose(self.u["manajer"], case.id, terms, today=eff))

    def settlement(self, case: Case) -> None:
        on = self.start(case, 40)
        self.contact(
            case,
            on,
            Channel.DI_KANTOR,
            officer="manajer",
            said=SAID["phk"],
            causes=("phk",),
            agreed="Pelunasan sekaligus dengan keringanan",
        )
        quote = self.s.settlement.max_within_limits(case.loan_id, on)
        waivers = {line.component: line.waived for line in quote.lines}
        waivers["pokok"] = quote.line("pokok").owed // 10 // 1000 * 1000  # beyond the limit
        decision = self.s.settlement.propose(
            self.u["manajer"],
            case.id,
            on,
            waivers,
            on + timedelta(days=30),
            "Keluarga membantu melunasi",
            on,
        )
        approve_on = min(self.today, on + timedelta(days=3))
        self.s.decisions.approve(self.u["ketua"], decision.id, "Setuju", approve_on, approve_on)
        self.s.decisions.approve(
            self.u["bendahara"],
            decision.id,
            "Setuju",
            approve_on,
            approve_on,
            meeting_ref=f"07/NOT-PGR/{roman_month(on.month)}/{on.year}",
        )
        pay_on = min(self.today, approve_on + timedelta(days=7))
        self.s.settlement.pay(self.u["kasir"], decision.id, pay_on, "tunai", self.today)
