"""The month-end job of simpanan berjangka (issue 13 §1–2): each open placement paying jasa
monthly gets the jasa accrued to the month's end (or its maturity) less what was paid, net of
PPh 4(2), credited to the member's simpanan sukarela — one event per placement and month (a
unique key), so running the job twice pays nothing twice. A placement that rolls over (ARO) and
matured by the month's end is rolled over on its maturity date first. A locked month is
refused (the checklist asks for this job before the month is closed)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.errors import AppError
from app.formats import month_of
from app.ledger.closing import CheckItem, month_end
from app.ledger.lockdate import refuse_locked
from app.members.models import MemberStatus
from app.money import format_rupiah
from app.savings import berjangka as bj
from app.savings.berjangka import Deposit, EventKind, JasaMode
from app.savings.berjangka_service import JASA_TO_SUKARELA, BerjangkaService
from app.storage.berjangka_repo import NewDepositEvent
from app.storage.units import run_unit
from app.users.models import User
from app.users.permissions import Action, require


@dataclass
class MonthEndResult:
    month: str
    paid: int = 0  # placements whose jasa was credited
    gross: int = 0
    tax: int = 0
    rolled_over: int = 0
    skipped: list[str] = field(default_factory=list)


def due_this_month(deposit: Deposit, end: date) -> int:
    """The jasa the job credits for the month ending `end` (0: nothing to pay)."""
    if deposit.jasa_mode != JasaMode.BULANAN or deposit.start_on >= end:
        return 0
    return bj.jasa_due(deposit, min(end, deposit.maturity_on))


class BerjangkaMonthEnd:
    def __init__(self, service: BerjangkaService) -> None:
        self.service = service
        self.repo = service.repo

    def pending(self, year: int, month: int) -> list[str]:
        """Placements whose jasa or roll-over of the month is still to be done (the close
        checklist: an empty list is done)."""
        end = month_end(year, month)
        todo = []
        for deposit in self.repo.open_on(end):
            if deposit.aro and deposit.maturity_on <= end:
                todo.append(f"{deposit.display_number}: perpanjangan (ARO) belum dicatat")
            elif due_this_month(deposit, end) and not self.repo.jasa_month_done(
                deposit.id, month_of(end)
            ):
                todo.append(f"{deposit.display_number}: jasa bulan {month_of(end)} belum dibayar")
        return todo

    def checklist(self, year: int, month: int) -> list[CheckItem]:
        """The month-close items of simpanan berjangka: the month's jasa and roll-overs done;
        2102 equals the principal of the placements open at the month's end."""
        end = month_end(year, month)
        todo = self.pending(year, month)
        done = CheckItem(
            "berjangka_jasa", "Jasa simpanan berjangka akhir bulan", not todo, "; ".join(todo)
        )
        ledger = self.service.ledger
        code = ledger.accounts.resolver(end).role("simpanan_berjangka")
        booked = -ledger.repo.balance([code], end)
        expected = self.repo.principal_open(end)
        detail = (
            ""
            if booked == expected
            else f"Akun {code}: buku besar {format_rupiah(booked)}, rincian "
            f"{format_rupiah(expected)}, selisih {format_rupiah(booked - expected)}."
        )
        tie = CheckItem(
            "simpanan_berjangka", "Simpanan berjangka = pokok berjalan", not detail, detail
        )
        return [done, tie]

    def run(self, actor: User, year: int, month: int) -> MonthEndResult:
        require(actor, Action.MONTH_END)
        end = month_end(year, month)
        refuse_locked(self.service.db, end, "jasa simpanan berjangka")
        result = MonthEndResult(month_of(end))
        work = self.repo.open_on(end)
        while work:
            deposit = work.pop(0)
            member = self.service.members.by_id(deposit.member_id)
            if member is None or member.status != MemberStatus.AKTIF:
                result.skipped.append(f"{deposit.display_number}: anggota tidak aktif")
                continue
            if deposit.aro and deposit.maturity_on <= end:
                event, new = self.service.roll_over(actor, deposit.id)
                result.rolled_over += 1
                result.gross += event.jasa
                result.tax += event.tax
                work.append(new)
                continue
            if self.repo.jasa_month_done(deposit.id, result.month):
                continue
            gross = due_this_month(deposit, end)
            if gross:
                try:  # one placement never stops the run (its PPh is capped, see _tax)
                    self._pay(actor, deposit, end, gross, result)
                except AppError as error:
                    result.skipped.append(f"{deposit.display_number}: {error}")
        return result

    def _pay(
        self, actor: User, deposit: Deposit, end: date, gross: int, result: MonthEndResult
    ) -> None:
        service = self.service
        on = end if deposit.maturity_on > end else deposit.maturity_on

        def unit() -> int:
            """One placement's jasa (run again whole on a conflict; `result` is counted only
            after it committed)."""
            with service.db.atomic():
                event_id = self.repo.next_event_id()
                tax = service._tax(deposit, on, gross, event_id, True)
                net = gross - tax
                tx = service._to_sukarela(actor, deposit, net, on, JASA_TO_SUKARELA, "Jasa")
                new = NewDepositEvent(
                    deposit_id=deposit.id,
                    kind=EventKind.JASA,
                    event_date=on,
                    month=result.month,
                    method=JASA_TO_SUKARELA,
                    jasa_method=JASA_TO_SUKARELA,
                    jasa=gross,
                    tax=tax,
                    jasa_tx_id=tx,
                )
                service._record_event(actor, deposit, new, event_id)
            return tax

        tax = run_unit(service.db, unit)
        result.paid += 1
        result.gross += gross
        result.tax += tax
