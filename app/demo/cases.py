"""Demo problem-loan handling: cases opened as loans crossed the threshold, calls, visits and
letters, promises kept and broken, one rescheduling, one restructuring with capitalised jasa,
one settlement at a discount, one hapus buku with a later recovery and one hapus tagih.

Everything goes through the collection services (the same rules as the screens), dated in
the weeks before `today` and after each loan's last money event."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from app.collection.decision_models import (
    Consent,
    RestructuringKind,
    RestructuringTerms,
    Treatment,
)
from app.collection.models import (
    Case,
    Channel,
    CollateralStatus,
    ContactDraft,
    LetterKind,
    MetRole,
    PromiseDraft,
)
from app.documents import sp_letters
from app.documents.sources import issuing, letters
from app.documents.sources.basics import documents
from app.errors import AppError
from app.formats import add_months, roman_month
from app.loans.models import LoanApplication, LoanStatus
from app.savings.models import SavingsKind
from app.services import Services
from app.storage.loans_events_repo import LoanEventsRepository
from app.users.models import Role, User

_SAID = {
    "usaha_gagal": "Dagangan sepi sejak pasar dipindah, omzet turun separuh.",
    "phk": "Suami kena PHK dari pabrik, sekarang kerja serabutan.",
    "sakit": "Anak sakit dan harus dirawat di rumah sakit dua minggu.",
    "utang_lain": "Ada cicilan pinjol yang ditagih terus tiap hari.",
    "salah_guna": "Uang pinjaman dipakai untuk biaya pernikahan adik.",
    "ekonomi": "Harga cabai jatuh, hasil panen tidak menutup modal.",
    "bencana": "Rumah kena banjir, barang dagangan rusak.",
}
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
    coll = services
    say("Membuka kasus pinjaman bermasalah …")
    for months_back in range(6, 0, -1):
        month_end = add_months(today.replace(day=1), -months_back + 1) - timedelta(days=1)
        coll.cases.open_due_cases(month_end, users["admin"])
    coll.cases.open_due_cases(today, users["admin"])
    cases = [
        c
        for c in coll.case_list.open_cases()
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
    open_cases = len(coll.case_list.open_cases())
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


class _Demo:
    def __init__(
        self, services: Services, rng: random.Random, today: date, users: dict[str, User]
    ) -> None:
        self.s = services
        self.c = services
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
        self.c.contacts.record(
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
        """Issue the warning letter as the window does (numbered, rendered, in the register
        and the case), then record its delivery the same day. `number` is unused (kept for
        the callers' readability): the register numbers it."""
        del number
        if on > self.today:
            return
        level = {LetterKind.SP1: 1, LetterKind.SP2: 2, LetterKind.SP3: 3}[kind]
        data = letters.sp_letter(self.s, case.id, level, on)
        issued = issuing.issue(
            self.s, self.u["manajer"], data.kind, data, sp_letters.render, self.today,
            docs=self.docs,
        )  # fmt: skip
        recorded = next(
            x for x in self.c.contacts.letters(case.id) if x.number == issued.row.number
        )
        self.c.contacts.record_delivery(
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
        return self.rng.choice(list(_SAID))

    # -- ordinary negotiation -----------------------------------------------------------------
    def negotiation(self, case: Case) -> None:
        loan = self.s.loans.get(case.loan_id)
        t0 = self.start(case, 100)
        self.c.cases.assign(
            self.u["manajer"], case.id, self.u[self.rng.choice(_OFFICERS)].id, today=self.today
        )
        cause = self.cause()
        self.contact(case, t0, Channel.TELEPON, said=_SAID[cause], causes=(cause,))
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

    def forgotten_loan(self) -> Case | None:
        """A loan given two years ago to a member with little savings and never repaid: the
        kind that ends in hapus buku (the generated histories seldom stay Macet that long)."""
        disbursed = add_months(self.today, -24)
        product = next((p for p in self.s.loans.products.all() if p.method == "flat"), None)
        if product is None:
            return None
        for member_id in self.rng.sample(
            range(1, self._member_count() + 1), min(400, self._member_count())
        ):
            member = self.s.members.get(member_id)
            if (
                member.status.value != "aktif"
                or member.join_date > disbursed
                or self.s.savings.balances(member_id).total > 1_500_000
                or self.s.loans.member_loans(member_id, self.today)
            ):
                continue
            amount = max(product.min_amount, min(product.max_amount, 5_000_000))
            draft = LoanApplication(
                member_id=member_id,
                product_id=product.id,
                amount=amount,
                months=max(product.min_months, min(product.max_months, 12)),
                first_due=add_months(disbursed, 1),
                application_date=disbursed,
                purpose="Modal jualan sayur keliling",
            )
            loan = self.s.loans.apply(self.u["manajer"], draft, today=disbursed)
            self.s.loans.approve(self.u["ketua"], loan.id, "Layak", today=disbursed)
            self.s.loans.disburse(self.u["manajer"], loan.id, disbursed, today=disbursed)
            opened = disbursed + timedelta(days=75)
            return self.c.cases.open_case(
                self.u["manajer"],
                loan.id,
                "Tidak pernah membayar angsuran",
                today=opened,
                officer_id=self.u["kasir"].id,
            )
        return None

    def _member_count(self) -> int:
        return self.s.members.search_count()

    # -- solutions ----------------------------------------------------------------------------
    def reschedule(self, case: Case) -> None:
        loan = self.s.loans.get(case.loan_id)
        eff = self.start(case, 45)
        self.contact(
            case,
            eff,
            Channel.DI_KANTOR,
            officer="manajer",
            said=_SAID["ekonomi"],
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
        self._approve(self.c.restructuring.propose(self.u["manajer"], case.id, terms, today=eff))

    def restructure(self, case: Case) -> None:
        loan = self.s.loans.get(case.loan_id)
        eff = self.start(case, 60)
        self.contact(
            case,
            eff,
            Channel.DI_KANTOR,
            officer="manajer",
            said=_SAID["sakit"],
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
        self._approve(self.c.restructuring.propose(self.u["manajer"], case.id, terms, today=eff))

    def _approve(self, decision_proposed: object) -> None:
        from app.collection.decision_models import Decision

        assert isinstance(decision_proposed, Decision)
        on = min(self.today, decision_proposed.proposed_on + timedelta(days=2))
        self.c.decisions.approve(
            self.u["ketua"], decision_proposed.id, "Disetujui dalam rapat pengurus", on, on
        )

    def settlement(self, case: Case) -> None:
        on = self.start(case, 40)
        self.contact(
            case,
            on,
            Channel.DI_KANTOR,
            officer="manajer",
            said=_SAID["phk"],
            causes=("phk",),
            agreed="Pelunasan sekaligus dengan keringanan",
        )
        quote = self.c.settlement.max_within_limits(case.loan_id, on)
        waivers = {line.component: line.waived for line in quote.lines}
        waivers["pokok"] = quote.line("pokok").owed // 10 // 1000 * 1000  # beyond the limit
        decision = self.c.settlement.propose(
            self.u["manajer"],
            case.id,
            on,
            waivers,
            on + timedelta(days=30),
            "Keluarga membantu melunasi",
            on,
        )
        approve_on = min(self.today, on + timedelta(days=3))
        self.c.decisions.approve(self.u["ketua"], decision.id, "Setuju", approve_on, approve_on)
        self.c.decisions.approve(
            self.u["bendahara"],
            decision.id,
            "Setuju",
            approve_on,
            approve_on,
            meeting_ref=f"07/NOT-PGR/{roman_month(on.month)}/{on.year}",
        )
        pay_on = min(self.today, approve_on + timedelta(days=7))
        self.c.settlement.pay(self.u["kasir"], decision.id, pay_on, "tunai", self.today)

    def _write_off(self, case: Case, days_back: int) -> date:
        """Prepare and carry out hapus buku on a loan Macet long enough; its date."""
        loan = self.s.loans.get(case.loan_id)
        w = self.start(case, days_back) + timedelta(days=12)
        on = w - timedelta(days=10)
        balances = self.s.savings.balances(loan.member_id, on)
        left = self.s.loans.payments.payoff_quote(loan.id, on).total
        # Suitable only when Macet for six months and the savings cover a small part of it.
        if (
            self.s.loans.quality.arrears(loan.id, add_months(w, -6)).quality != "M"
            or balances.total * 3 > left
            or w + timedelta(days=3) > self.today
        ):
            raise _NotSuitable
        for i, letter_kind in enumerate((LetterKind.SP1, LetterKind.SP2, LetterKind.SP3)):
            self.letter(case, letter_kind, w - timedelta(days=70 - 14 * i), case.id)
        self.contact(
            case,
            w - timedelta(days=40),
            Channel.KUNJUNGAN_RUMAH,
            hour=15,
            met=MetRole.KELUARGA,
            met_name="orang tua anggota",
            said="Anggota merantau, tidak jelas alamatnya.",
            causes=("itikad",),
        )
        for item in self.s.loans.collateral(loan.id):
            if item.released_on is None:
                self.s.loans.release_collateral(
                    self.u["manajer"],
                    item.id,
                    w - timedelta(days=20),
                    "Dikembalikan: agunan milik pihak ketiga yang tidak ikut menandatangani",
                )
        self.c.cases.set_collateral(
            self.u["manajer"],
            case.id,
            CollateralStatus.DIKEMBALIKAN
            if self.s.loans.collateral(loan.id)
            else CollateralStatus.TIDAK_ADA,
            "",
            today=self.today,
        )
        amounts = {}
        lowest = self._lowest_balances(loan.member_id, on)
        for kind, balance in (
            ("sukarela", lowest["sukarela"]),
            ("wajib", lowest["wajib"]),
            ("pokok", lowest["pokok"]),
        ):
            take = min(balance, left)
            if take > 0:
                amounts[kind] = take
                left -= take
        if amounts:
            consent = Consent(
                given_by=loan.member_name,
                given_on=on - timedelta(days=2),
                statement_no=f"PRN-{case.id:03d}/{on.year}",
            )
            d = self.c.setoff.propose(self.u["manajer"], case.id, on, amounts, consent, on)
            self.c.decisions.approve(self.u["ketua"], d.id, "Sesuai pernyataan anggota", on, on)
        decision = self.c.writeoff.propose(
            self.u["manajer"], case.id, "Macet lama, anggota tidak diketahui keberadaannya", w, w
        )
        self.c.decisions.add_note(
            self.u["pengawas"],
            decision.id,
            "Berkas lengkap, syarat hapus buku terpenuhi.",
            w + timedelta(days=1),
            self.today,
        )
        for name, days in (("ketua", 2), ("bendahara", 3)):
            self.c.decisions.approve(
                self.u[name], decision.id, "Setuju", w + timedelta(days=days), self.today
            )
        return w + timedelta(days=3)

    def _lowest_balances(self, member_id: int, on: date) -> dict[str, int]:
        """Per savings kind, the lowest balance from `on` to today: what a set-off dated `on`
        can take without the member's later (generated) withdrawals going below zero."""
        start = self.s.savings.balances(member_id, on)
        lowest = {}
        for kind in SavingsKind:
            balance = low = start.of(kind)
            for tx in sorted(
                self.s.savings.history(member_id, kind), key=lambda t: (t.tx_date, t.id)
            ):
                if on < tx.tx_date <= self.today:
                    balance += tx.amount
                    low = min(low, balance)
            lowest[kind.value] = max(0, low)
        return lowest

    def hapus_buku_recovery(self, case: Case) -> None:
        written = self._write_off(case, 90)
        on = min(self.today, written + timedelta(days=30))
        pokok = self.c.offbook.entry(case.loan_id).pokok
        self.c.writeoff.record_recovery(
            self.u["kasir"],
            case.loan_id,
            max(50_000, pokok // 10 // 50_000 * 50_000),
            on,
            "tunai",
            "Dibayar kakak anggota",
            self.today,
        )

    def hapus_tagih(self, case: Case) -> None:
        written = self._write_off(case, 150)
        rat = min(self.today, written + timedelta(days=60))
        number = f"03/RAK/KSP-GR/{roman_month(rat.month)}/{rat.year}"
        decision = self.c.writeoff.propose_hapus_tagih(
            self.u["manajer"],
            case.id,
            number,
            rat,
            "Anggota meninggal dunia; ahli waris tidak mampu",
            rat,
            self.today,
        )
        self.c.decisions.approve(
            self.u["ketua"], decision.id, "Sesuai keputusan Rapat Anggota", rat, self.today
        )


class _NotSuitable(AppError):
    def __init__(self) -> None:
        super().__init__("Pinjaman ini tidak cocok untuk contoh ini.")
