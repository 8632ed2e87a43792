"""The PPh 4(2) on jasa simpanan after it is withheld (LEDGER.md §4): the monthly bukti potong
list (per member: gross jasa, PPh terutang, PPh dipotong, kurang potong, NPWP/NIK), the amount
to deposit by the 15th of the next month, the reminder until it is deposited, and the deposit
itself (a record, audited, posted Dr 2106 / Cr Kas or Bank in the same transaction).

Kurang potong (app/savings/pph_withholding.py): the PPh withheld from a piece is capped at the
piece plus the member's sukarela, so a member may end the month with less withheld than the PPh
terutang on the month's total. The cooperative is the withholder: it deposits the whole PPh
terutang. The deposit books each member's shortfall as a receivable from the member (a
`pph_kurang_potong` row per member; Dr 1111 Piutang lain-lain), so 2106 = terutang − deposited
holds for every month (`mufakat check`)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from app.errors import ValidationError
from app.ledger import events as ev
from app.ledger.closing import month_end, parse_month
from app.ledger.service import LedgerService
from app.money import format_rupiah
from app.savings.models import PAYMENT_METHODS
from app.savings.pph_models import BuktiPotongRow, PphDepositRow
from app.savings.pph_withholding import month_due
from app.storage.audit_repo import AuditRepository
from app.storage.pph_repo import PphRepository
from app.storage.units import write_unit
from app.text import clean_text
from app.users.models import Role, User
from app.users.permissions import Action, can, require

DEPOSIT_DAY = 15  # PMK 81/2024: by the 15th of the next month


def deadline(month: str) -> date:
    """The last day to deposit the PPh of `month` ('YYYY-MM')."""
    year, number = parse_month(month)
    return date(year + number // 12, number % 12 + 1, DEPOSIT_DAY)


def reminded(user: User) -> bool:
    """Who sees the Beranda reminder: those who deposit the tax (the board, where the
    Bendahara sits, and the Manajer), not the Admin of the program."""
    return can(user, Action.MONTH_END) and user.role != Role.ADMIN


@dataclass(frozen=True)
class PphDue:
    """A month whose PPh is not yet deposited."""

    month: str
    amount: int
    deadline: date

    def overdue(self, today: date) -> bool:
        return today > self.deadline


class PphReports:
    def __init__(self, repo: PphRepository, ledger: LedgerService, audit: AuditRepository) -> None:
        self.repo = repo
        self.db = repo.db
        self.ledger = ledger
        self.audit = audit

    def bukti_potong(self, month: str) -> list[BuktiPotongRow]:
        """Per member with jasa in `month`: gross, PPh terutang, PPh dipotong (the row's
        `shortfall` is the difference) and NPWP/NIK, by member number."""
        parse_month(month)
        due = self.due_by_member(month)
        return [replace(r, due=due.get(r.member_id, 0)) for r in self.repo.bukti_potong(month)]

    def due_by_member(self, month: str) -> dict[int, int]:
        """PPh terutang of `month` per member (the rule on each unit's month total)."""
        return month_due(self.repo.unit_grosses(month))

    def total(self, month: str) -> tuple[int, int]:
        """(gross jasa, PPh withheld) of the month."""
        return self.repo.month_total(month)

    def terutang(self, month: str) -> int:
        """The PPh terutang of the month: the amount to deposit."""
        return sum(self.due_by_member(month).values())

    def deposited(self, month: str) -> PphDepositRow | None:
        return self.repo.deposit(month)

    def due(self, today: date | None = None) -> list[PphDue]:
        """Months with PPh withheld and not deposited (the Beranda reminder), oldest first;
        a month shows once it has ended."""
        today = today or date.today()
        paid = {d.month for d in self.repo.deposits()}
        out = []
        for month in self.repo.months():
            if month in paid or month_end(*parse_month(month)) > today:
                continue
            amount = self.terutang(month)
            if amount > 0:
                out.append(PphDue(month, amount, deadline(month)))
        return out

    @write_unit
    def deposit(
        self,
        actor: User,
        month: str,
        paid_on: date,
        method: str = "transfer",
        reference: str = "",
        today: date | None = None,
    ) -> PphDepositRow:
        """Record the month's PPh as deposited to the state: the whole PPh terutang; each
        member's kurang potong is recorded and booked as a receivable in the same journal."""
        require(actor, Action.MONTH_END)
        year, number = parse_month(month)
        if self.repo.deposit(month) is not None:
            raise ValidationError(f"PPh 4(2) bulan {month} sudah dicatat disetor.", "month")
        lines = self.bukti_potong(month)
        amount = sum(r.due for r in lines)
        if amount <= 0:
            raise ValidationError(f"Tidak ada PPh 4(2) yang dipotong bulan {month}.", "month")
        if paid_on > (today or date.today()):
            raise ValidationError("Tanggal setor tidak boleh setelah hari ini.", "paid_on")
        if paid_on <= month_end(year, number):
            raise ValidationError(
                "PPh disetor sesudah bulannya berakhir; pilih tanggal sesudahnya.", "paid_on"
            )
        if method not in PAYMENT_METHODS or method == "potong_gaji":
            raise ValidationError("Pilih tunai atau transfer.", "method")
        reference = clean_text(reference).strip()
        with self.db.atomic():
            row_id = self.repo.insert_deposit(month, amount, paid_on, method, reference, actor.id)
            short = [r for r in lines if r.shortfall]
            for r in short:
                self.repo.insert_shortfall(row_id, month, r.member_id, r.due, r.tax)
            shortfall = sum(r.shortfall for r in short)
            self.ledger.post(
                ev.PphDeposit(
                    source_id=row_id,
                    on=paid_on,
                    amount=amount,
                    method=method,
                    note=month,
                    shortfall=shortfall,
                ),
                actor,
            )
            self.audit.record(
                actor.id,
                "setor_pph",
                "pph",
                row_id,
                after={
                    "bulan": month,
                    "jumlah": amount,
                    "kurang_potong": shortfall,
                    "tanggal": paid_on,
                    "bukti": reference,
                },
            )
        found = self.repo.deposit(month)
        assert found is not None
        return found

    @staticmethod
    def reminder_text(due: PphDue, today: date) -> str:
        when = due.deadline.strftime("%d-%m-%Y")
        late = " (terlambat)" if due.overdue(today) else ""
        return (
            f"PPh 4(2) jasa simpanan bulan {due.month} {format_rupiah(due.amount)} harus "
            f"disetor paling lambat {when}{late}."
        )
