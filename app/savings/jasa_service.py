"""Jasa simpanan sukarela credited at month end (issue 13 §2, LEDGER.md §2.2): for each member
with a sukarela balance, the jasa on the month's basis (app/savings/jasa.py: lowest or daily
average balance, rate % a year ÷ 12, rounded down per member), less the PPh 4(2) withheld
(services.pph), credited as a savings transaction of its own (method `jasa_simpanan`, the net)
and booked in one journal: Dr 5101 gross / Cr 2101 net / Cr 2106 PPh.

Once per month (the run's unique month; each member once per month), all members in one
transaction. Dated the month's last day; a locked month's journal goes to the first open date
(LedgerService.post) while the savings record keeps the month's end."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.errors import ValidationError
from app.formats import MONTHS_ID, month_key
from app.ledger.derive import JASA_METHOD, jasa_sukarela_event
from app.ledger.service import LedgerService
from app.money import format_rupiah
from app.savings.jasa import BASES, basis_balance, monthly_jasa, parse_rate
from app.savings.models import SavingsKind, TxType
from app.savings.pph_withholding import PphWithholding
from app.savings.service import SavingsService
from app.settings.service import SettingsService
from app.storage.audit_repo import AuditRepository
from app.storage.jasa_repo import JasaLine, JasaRepository, JasaRun
from app.storage.units import write_unit
from app.users.models import User
from app.users.permissions import Action, require

RATE_SETTING = "savings.jasa_sukarela_rate"
BASIS_SETTING = "savings.jasa_sukarela_basis"
UNIT = "sukarela"  # the PPh unit of a member's sukarela account


@dataclass(frozen=True)
class JasaResult:
    run: JasaRun
    lines: list[JasaLine]

    @property
    def gross(self) -> int:
        return sum(line.gross for line in self.lines)

    @property
    def tax(self) -> int:
        return sum(line.tax for line in self.lines)


class JasaSukarela:
    def __init__(
        self,
        savings: SavingsService,
        ledger: LedgerService,
        pph: PphWithholding,
        settings: SettingsService,
        audit: AuditRepository,
    ) -> None:
        self.db = savings.db
        self.repo = JasaRepository(savings.db)
        self.savings = savings
        self.ledger = ledger
        self.pph = pph
        self.settings = settings
        self.audit = audit

    def rate(self) -> Decimal:
        return parse_rate(self.settings.get(RATE_SETTING))

    def basis(self) -> str:
        return str(self.settings.get(BASIS_SETTING))

    def done(self, month: str) -> JasaRun | None:
        return self.repo.run(month)

    def member_lines(self, member_id: int) -> list[JasaLine]:
        return self.repo.member_lines(member_id)

    def result(self, month: str) -> JasaResult | None:
        run = self.repo.run(month)
        return None if run is None else JasaResult(run, self.repo.lines(run.id))

    @write_unit
    def credit_month(self, actor: User, end: date, today: date | None = None) -> JasaResult:
        """Credit the jasa of the month that ends on `end` (its last day) to every member."""
        require(actor, Action.MONTH_END)
        start = end.replace(day=1)
        if date.fromordinal(end.toordinal() + 1).day != 1:
            raise ValidationError("Jasa simpanan dihitung per akhir bulan.", field="as_of")
        if end > (today or date.today()):
            raise ValidationError("Bulan ini belum selesai.", field="as_of")
        month = month_key(end.year, end.month)
        if self.repo.run(month) is not None:
            raise ValidationError(f"Jasa simpanan bulan {month} sudah dikreditkan.")
        rate, basis = self.rate(), self.basis()
        if basis not in BASES:
            raise ValidationError("Dasar saldo jasa simpanan tidak dikenal.", field=BASIS_SETTING)
        openings = self.repo.sukarela_openings(start)
        moves: dict[int, list[tuple[date, int]]] = defaultdict(list)
        for member_id, on, amount in self.repo.sukarela_moves(start, end):
            moves[member_id].append((on, amount))
        label = f"Jasa simpanan {MONTHS_ID[end.month - 1]} {end.year}"
        with self.db.atomic():
            run_id = self.repo.insert_run(month, end, rate, basis, actor.id)
            for member_id in sorted(set(openings) | set(moves)):
                opening = openings.get(member_id, 0)
                balance = basis_balance(basis, opening, moves[member_id], end.year, end.month)
                gross = monthly_jasa(balance, rate)
                if gross:
                    self._credit(actor, run_id, month, end, member_id, balance, gross, label)
            self.audit.record(
                actor.id,
                "jasa_simpanan",
                "periode",
                run_id,
                after={"bulan": month, "bunga": str(rate), "dasar": basis},
            )
        result = self.result(month)
        assert result is not None
        return result

    def _credit(
        self,
        actor: User,
        run_id: int,
        month: str,
        end: date,
        member_id: int,
        balance: int,
        gross: int,
        label: str,
    ) -> None:
        line_id = self.repo.next_line_id()
        # the PPh is capped at the jasa plus the sukarela there is to take it from (kurang
        # potong: app/savings/pph_withholding.py)
        balances = (self.savings.balances(member_id), self.savings.balances(member_id, end))
        available = min(b.sukarela for b in balances)
        tax = self.pph.withhold(
            member_id, UNIT, month, gross, "jasa_sukarela", line_id, available=available
        )
        net = gross - tax
        tx_id: int | None = None
        receipt = ""
        if net:
            receipt = self.savings.next_receipt(end)
            note = (
                label
                if not tax
                else (f"{label}: bruto {format_rupiah(gross)}, PPh 4(2) {format_rupiah(tax)}")
            )
            tx_id = self.savings.repo.insert(
                member_id,
                SavingsKind.SUKARELA,
                TxType.SETORAN if net > 0 else TxType.PENARIKAN,
                net,
                end,
                receipt,
                JASA_METHOD,
                note,
                actor.id,
            )
        self.repo.insert_line(line_id, run_id, month, member_id, balance, gross, tax, tx_id)
        self.ledger.post(jasa_sukarela_event(line_id, end, member_id, gross, tax, receipt), actor)
