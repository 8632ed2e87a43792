"""The demo's written-off loans: a loan nobody repaid, its hapus buku with a recovery
later, and one hapus tagih by the members' meeting."""

from __future__ import annotations

from datetime import date, timedelta

from app.collection.decision_models import (
    Consent,
)
from app.collection.models import (
    Case,
    Channel,
    CollateralStatus,
    LetterKind,
    MetRole,
)
from app.demo.case_steps import CaseDemoBase, NotSuitable
from app.formats import add_months, roman_month
from app.loans.models import LoanApplication
from app.savings.models import SavingsKind


class WriteoffStories(CaseDemoBase):
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
            return self.s.cases.open_case(
                self.u["manajer"],
                loan.id,
                "Tidak pernah membayar angsuran",
                today=opened,
                officer_id=self.u["kasir"].id,
            )
        return None

    def _member_count(self) -> int:
        return self.s.members.search_count()

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
            raise NotSuitable
        # A loan long overdue that never had an SP is invited first (Kebijakan, issue 10 #16).
        self.letter(case, LetterKind.PANGGILAN, w - timedelta(days=84), case.id)
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
        self.s.cases.set_collateral(
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
            d = self.s.setoff.propose(self.u["manajer"], case.id, on, amounts, consent, on)
            self.s.decisions.approve(self.u["ketua"], d.id, "Sesuai pernyataan anggota", on, on)
        decision = self.s.writeoff.propose(
            self.u["manajer"], case.id, "Macet lama, anggota tidak diketahui keberadaannya", w, w
        )
        self.s.decisions.add_note(
            self.u["pengawas"],
            decision.id,
            "Berkas lengkap, syarat hapus buku terpenuhi.",
            w + timedelta(days=1),
            self.today,
        )
        for name, days in (("ketua", 2), ("bendahara", 3)):
            self.s.decisions.approve(
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
        pokok = self.s.offbook.entry(case.loan_id).pokok
        self.s.writeoff.record_recovery(
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
        decision = self.s.writeoff.propose_hapus_tagih(
            self.u["manajer"],
            case.id,
            number,
            rat,
            "Anggota meninggal dunia; ahli waris tidak mampu",
            rat,
            self.today,
        )
        self.s.decisions.approve(
            self.u["ketua"], decision.id, "Sesuai keputusan Rapat Anggota", rat, self.today
        )
