"""Savings histories of the demo members: pokok at joining, wajib with each member's habits
(some many months behind), sukarela deposits and withdrawals (more before Lebaran), a few
mistakes put right by a reversal, and savings returned when a member leaves or dies."""

from __future__ import annotations

import calendar
import random
from datetime import date
from operator import itemgetter
from typing import NamedTuple

from app.demo.people import DemoPerson, WajibHabit
from app.members.models import MemberStatus
from app.savings.models import SavingsKind, TxType

POKOK, WAJIB, SUKARELA = SavingsKind.POKOK, SavingsKind.WAJIB, SavingsKind.SUKARELA
SETORAN, PENARIKAN, PEMBALIKAN = TxType.SETORAN, TxType.PENARIKAN, TxType.PEMBALIKAN

# Idul Fitri (1 Syawal) as set by the government; sukarela withdrawals bunch up before it.
LEBARAN = tuple(
    date.fromisoformat(d).toordinal()
    for d in (
        "2014-07-28",
        "2015-07-17",
        "2016-07-06",
        "2017-06-25",
        "2018-06-15",
        "2019-06-05",
        "2020-05-24",
        "2021-05-13",
        "2022-05-02",
        "2023-04-22",
        "2024-04-10",
        "2025-03-31",
        "2026-03-20",
        "2027-03-10",
        "2028-02-27",
        "2029-02-14",
        "2030-02-04",
        "2031-01-24",
    )
)
TRANSFER_FROM = date(2021, 1, 1).toordinal()  # bank transfers became common later

_MISTAKES = (
    ("Salah input jumlah setoran, seharusnya sepersepuluhnya", "jumlah"),
    ("Setoran tercatat dua kali", "ganda"),
    ("Salah pilih jenis simpanan", "jenis"),
)
_AUTHORISED_REASONS = (
    "Biaya berobat anggota yang dirawat di rumah sakit",
    "Biaya sekolah anak, disetujui rapat pengurus",
    "Rumah anggota terkena banjir, bantuan atas persetujuan Ketua",
)


class Event(NamedTuple):
    """One savings transaction of one member, before receipts and ids are given."""

    ordinal: int  # date.toordinal() of the transaction
    member: int  # index of the member in the batch
    seq: int  # order among the member's own transactions
    kind: SavingsKind
    tx_type: TxType
    amount: int  # signed effect on the balance
    method: str
    note: str
    reason: str
    user: str  # demo username who recorded it
    authorised: bool  # authorised by the Ketua (pokok/wajib withdrawn while active)


class _Draft(NamedTuple):
    ordinal: int
    kind: SavingsKind
    tx_type: TxType
    amount: int
    method: str
    note: str
    reason: str = ""
    user: str = "kasir"
    authorised: bool = False


def _round_down(amount: float, step: int) -> int:
    return int(amount // step) * step


class HistoryFactory:
    """Makes each member's savings events from one random stream."""

    def __init__(self, rng: random.Random, today: date, pokok: int, wajib: int) -> None:
        self.rng = rng
        self.today = today.toordinal()
        self.pokok = pokok
        self.wajib = wajib
        self._months: dict[int, tuple[int, int]] = {}

    def events(self, member: int, person: DemoPerson) -> list[Event]:
        """The member's transactions in date order (seq numbers them)."""
        join = person.draft.join_date.toordinal()
        end = person.status_date.toordinal() if person.status_date else self.today
        drafts = [_Draft(join, POKOK, SETORAN, self.pokok, "tunai", "Simpanan pokok")]
        drafts += self._wajib(person, join, end)
        if person.saver:
            drafts += self._sukarela(person, join, end)
        drafts.sort(key=itemgetter(0))  # by date; stable: pokok stays first on the joining day
        drafts = self._with_mistakes(drafts)
        drafts = self._with_withdrawals(person, drafts, join, end)
        return [Event(d.ordinal, member, seq, *d[1:]) for seq, d in enumerate(drafts)]

    # -- simpanan wajib -----------------------------------------------------------------------
    def _method(self, person: DemoPerson, ordinal: int) -> str:
        if person.payroll:
            return "potong_gaji"
        if ordinal >= TRANSFER_FROM and self.rng.random() < 0.06:
            return "transfer"
        return "tunai"

    def _month(self, index: int) -> tuple[int, int]:
        """(ordinal of the first day, number of days) of month `index` = year * 12 + month - 1."""
        info = self._months.get(index)
        if info is None:
            year, month0 = divmod(index, 12)
            info = (date(year, month0 + 1, 1).toordinal(), calendar.monthrange(year, month0 + 1)[1])
            self._months[index] = info
        return info

    def _wajib(self, person: DemoPerson, join: int, end: int) -> list[_Draft]:
        rng = self.rng
        random = rng.random
        start = date.fromordinal(join)
        last = date.fromordinal(end)
        first_month = start.year * 12 + start.month - 1
        months = last.year * 12 + last.month - first_month
        habit = person.habit
        stop = resume = months + 1
        if habit == WajibHabit.MENUNGGAK and months > 6:
            stop = rng.randint(3, months - 3)
            if random() < 0.3:
                resume = stop + rng.randint(6, 18)
        monthly = habit in (WajibHabit.TERTIB, WajibHabit.MENUNGGAK)
        drafts: list[_Draft] = []
        owed = 0  # months due but not paid yet that the member still means to pay
        target = 2 + int(random() * 5)
        for index in range(months):
            owed += 1
            if stop <= index < resume:
                owed = 0  # these months stay unpaid for good
                continue
            if index == 0:
                ordinal = join  # the first month is paid with the simpanan pokok
            else:
                if habit == WajibHabit.RAPEL and owed < target:
                    continue
                if habit == WajibHabit.JARANG and random() > 0.45:
                    continue
                if monthly and random() < 0.06:
                    continue  # forgot this month; pays it with the next one
                first, days = self._month(first_month + index)
                ordinal = first - 1 + min(days, max(1, person.pay_day + int(random() * 5) - 2))
            if ordinal > end:
                break  # this month's payment day has not come yet
            paying = owed if habit != WajibHabit.JARANG else min(owed, 1 + (random() < 0.3))
            drafts.append(
                _Draft(
                    ordinal,
                    WAJIB,
                    SETORAN,
                    paying * self.wajib,
                    self._method(person, ordinal),
                    f"Rapel {paying} bulan" if paying > 1 else "",
                )
            )
            owed -= paying
            target = 2 + int(random() * 5)
        return drafts

    # -- simpanan sukarela --------------------------------------------------------------------
    def _sukarela(self, person: DemoPerson, join: int, end: int) -> list[_Draft]:
        rng = self.rng
        # A Lebaran withdrawal is placed on its own day, so the balance is followed in date order.
        moments = [(o - rng.randint(3, 20), False) for o in LEBARAN if join < o - 20 and o <= end]
        ordinal = join + rng.randint(0, 60)
        while ordinal <= end:
            moments.append((ordinal, True))
            ordinal += 1 + int(rng.expovariate(1 / (person.saver * 30.4)))
        moments.sort()
        drafts: list[_Draft] = []
        balance = 0
        for ordinal, regular in moments:
            if not regular:  # Lebaran: many take some of their savings for the holiday
                if balance >= 100_000 and rng.random() < 0.4:
                    amount = _round_down(balance * rng.uniform(0.5, 1.0), 5_000)
                    drafts.append(
                        _Draft(ordinal, SUKARELA, PENARIKAN, -amount, "tunai", "Keperluan Lebaran")
                    )
                    balance -= amount
                continue
            if balance >= 50_000 and rng.random() < 0.25:
                amount = max(10_000, _round_down(balance * rng.uniform(0.2, 0.9), 5_000))
                drafts.append(_Draft(ordinal, SUKARELA, PENARIKAN, -amount, "tunai", ""))
                balance -= amount
                continue
            amount = max(
                5_000,
                _round_down(person.deposit_size * rng.choice((0.5, 1, 1, 1, 1.5, 2, 3)), 5_000),
            )
            drafts.append(
                _Draft(ordinal, SUKARELA, SETORAN, amount, self._method(person, ordinal), "")
            )
            balance += amount
        return drafts

    # -- corrections, authorised withdrawals, leaving ------------------------------------------
    def _with_mistakes(self, drafts: list[_Draft]) -> list[_Draft]:
        """Now and then a deposit was first recorded wrongly, cancelled by the manajer with a
        reason (a reversing entry right after it), and then recorded again correctly."""
        result: list[_Draft] = []
        for draft in drafts:
            if draft.tx_type != SETORAN or draft.kind == POKOK or self.rng.random() >= 0.0015:
                result.append(draft)
                continue
            reason, what = self.rng.choice(_MISTAKES)
            wrong = draft
            if what == "jumlah":
                wrong = draft._replace(amount=draft.amount * 10)
            elif what == "jenis":
                wrong = draft._replace(kind=SUKARELA if draft.kind == WAJIB else WAJIB)
            else:
                result.append(draft)
            result.append(wrong)
            result.append(
                _Draft(
                    wrong.ordinal,
                    wrong.kind,
                    PEMBALIKAN,
                    -wrong.amount,
                    wrong.method,
                    "",
                    reason=reason,
                    user="manajer",
                )
            )
            if what != "ganda":
                result.append(draft)
        return result

    def _with_withdrawals(
        self, person: DemoPerson, drafts: list[_Draft], join: int, end: int
    ) -> list[_Draft]:
        """A rare authorised wajib withdrawal while active; all savings returned on leaving."""
        rng = self.rng
        authorise_on = 0
        if person.status == MemberStatus.AKTIF and end - join > 730 and rng.random() < 0.004:
            authorise_on = rng.randint(join + 730, end)
        balances = dict.fromkeys(SavingsKind, 0)
        result: list[_Draft] = []
        for draft in drafts:
            if authorise_on and draft.ordinal > authorise_on:
                amount = (balances[WAJIB] // 2) // self.wajib * self.wajib
                if amount > 0:
                    result.append(
                        _Draft(
                            authorise_on,
                            WAJIB,
                            PENARIKAN,
                            -amount,
                            "tunai",
                            "",
                            reason=rng.choice(_AUTHORISED_REASONS),
                            authorised=True,
                        )
                    )
                    balances[WAJIB] -= amount
                authorise_on = 0
            result.append(draft)
            balances[draft.kind] += draft.amount
        if person.status == MemberStatus.AKTIF or person.status_date is None:
            return result
        when = end
        note = "Pengembalian simpanan karena keluar dari keanggotaan"
        if person.status == MemberStatus.MENINGGAL:
            if rng.random() < 0.15:
                return result  # the heirs have not come for it yet
            when = min(end + rng.randint(7, 60), self.today)
            note = "Simpanan diserahkan kepada ahli waris"
        for kind in (POKOK, WAJIB, SUKARELA):
            if balances[kind] > 0:
                result.append(_Draft(when, kind, PENARIKAN, -balances[kind], "tunai", note))
        return result
