"""Fictional members of the demo cooperative: names, birth dates, NIKs, addresses, jobs."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from app.demo.reference import DemoReference, Kelurahan, NameParts, Occupation
from app.formats import add_months
from app.identity import nik_from_parts
from app.members.models import MemberDraft, MemberStatus

YEARS_OF_HISTORY = 8
MIN_JOIN_AGE = 18

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
_LEAVING_NOTES = (
    "Pindah ke luar kota",
    "Mengundurkan diri atas permintaan sendiri",
    "Pindah tempat kerja ke Surabaya",
    "Ikut keluarga pindah ke Sidoarjo",
    "Mengundurkan diri, usaha ditutup",
    "Pindah domisili ke Kabupaten Jombang",
)
_DEATH_NOTES = (
    "Meninggal dunia karena sakit",
    "Meninggal dunia; surat keterangan kematian dari kelurahan sudah diterima",
    "Meninggal dunia karena kecelakaan lalu lintas",
)


class WajibHabit(StrEnum):
    """How a member pays simpanan wajib: the reason some are many months behind."""

    TERTIB = "tertib"  # every month, now and then two months at once
    RAPEL = "rapel"  # several months at once, every few months
    MENUNGGAK = "menunggak"  # stopped paying at some point; some resumed later
    JARANG = "jarang"  # now and then


@dataclass(frozen=True)
class DemoPerson:
    """A member to be created, with the habits that shape their savings history."""

    draft: MemberDraft
    status: MemberStatus
    status_date: date | None
    status_note: str
    payroll: bool  # wajib deducted from pay (potong gaji)
    habit: WajibHabit
    pay_day: int  # the day of the month they usually come to pay
    saver: float  # 0 = no sukarela; otherwise months between deposits, on average
    deposit_size: int  # a typical sukarela deposit in rupiah


def _weighted(rng: random.Random, items: list[tuple[str, int]]) -> str:
    names = [name for name, _ in items]
    weights = [weight for _, weight in items]
    return rng.choices(names, weights)[0]


class PeopleFactory:
    """Makes DemoPerson values from one random stream (same seed, same people)."""

    def __init__(self, rng: random.Random, ref: DemoReference, today: date) -> None:
        self.rng = rng
        self.ref = ref
        self.today = today
        self.start = add_months(today, -12 * YEARS_OF_HISTORY)
        self._kelurahan_weights = [k.weight for k in ref.kelurahan]
        self._serials: dict[tuple[str, date, str], int] = {}

    # -- the person ---------------------------------------------------------------------------
    def person(self) -> DemoPerson:
        rng = self.rng
        sex = "P" if rng.random() < 0.56 else "L"
        age = int(rng.triangular(20, 78, 40))
        birth = self._birth_date(age)
        join = self._join_date(birth)
        job = self._occupation(sex, age)
        haji = age >= 45 and rng.random() < 0.07
        name = self._name(sex, age, haji, job)
        kel = rng.choices(self.ref.kelurahan, self._kelurahan_weights)[0]
        status, status_date, note = self._status(age, join)
        draft = MemberDraft(
            name=name,
            nik=self._nik(kel, birth, sex),
            sex=sex,
            birth_place=_weighted(rng, list(self.ref.birth_places)),
            birth_date=birth,
            address=self._address(kel),
            rt=str(rng.randint(1, 12)),
            rw=str(rng.randint(1, kel.rw_count)),
            kelurahan=kel.name,
            kecamatan=kel.kecamatan,
            city=self.ref.city,
            phone=self._phone(age),
            occupation=job.name,
            spouse_name=self._spouse(sex, age, haji),
            join_date=join,
        )
        habit = _weighted(rng, [("tertib", 45), ("rapel", 25), ("menunggak", 20), ("jarang", 10)])
        payroll = job.payroll and rng.random() < 0.8
        saver = 0.0 if rng.random() < 0.35 else rng.choice((1.0, 1.5, 2.0, 3.0, 4.0, 6.0))
        size = rng.choice(
            (20_000, 25_000, 50_000, 50_000, 100_000, 100_000, 200_000, 250_000, 500_000, 1_000_000)
        )
        return DemoPerson(
            draft=draft,
            status=status,
            status_date=status_date,
            status_note=note,
            payroll=payroll,
            habit=WajibHabit.TERTIB if payroll else WajibHabit(habit),
            pay_day=25 if payroll else rng.randint(1, 28),
            saver=saver,
            deposit_size=size,
        )

    # -- parts --------------------------------------------------------------------------------
    def _birth_date(self, age: int) -> date:
        year = self.today.year - age
        return date(year, 1, 1) + timedelta(days=self.rng.randrange(365))

    def _join_date(self, birth: date) -> date:
        earliest = max(self.start, add_months(birth, 12 * MIN_JOIN_AGE))
        span = (self.today - earliest).days
        # More members joined in recent years: the cooperative has been growing.
        offset = int(span * self.rng.random() ** 0.8)
        return earliest + timedelta(days=offset)

    def _occupation(self, sex: str, age: int) -> Occupation:
        fitting = [o for o in self.ref.occupations if o.min_age <= age <= o.max_age]
        weights = [o.weight_l if sex == "L" else o.weight_p for o in fitting]
        return self.rng.choices(fitting, weights)[0]

    def _given(self, parts: NameParts, age: int) -> str:
        rng = self.rng
        style = rng.random()
        if age >= 55 and style < 0.35:
            return rng.choice(parts.single)
        if style < 0.55:
            first, second = rng.choice(parts.first), rng.choice(parts.second)
        elif style < 0.80:
            first, second = rng.choice(parts.islamic_first), rng.choice(parts.islamic_second)
        elif style < 0.92:
            first, second = rng.choice(parts.islamic_first), rng.choice(parts.second)
        else:
            first, second = rng.choice(parts.first), rng.choice(parts.islamic_second)
        if first == second or first in second.split():
            return second if rng.random() < 0.5 else rng.choice(parts.single)
        if age < 40 and rng.random() < 0.12:
            middle = rng.choice(parts.first)
            if middle not in (first, second):
                return f"{first} {middle} {second}"
        return f"{first} {second}"

    def _name(self, sex: str, age: int, haji: bool, job: Occupation) -> str:
        name = self._given(self.ref.names[sex], age)
        if haji:
            name = f"{self.ref.haji[sex]} {name}"
        if job.degree and self.rng.random() < 0.5:
            degree = (
                self.rng.choice(("S.Pd.", "S.Pd.I."))
                if job.name == "Guru"
                else self.rng.choice(self.ref.degrees)
            )
            name = f"{name}, {degree}"
        return name

    def _spouse(self, sex: str, age: int, haji: bool) -> str:
        rng = self.rng
        married = 0.2 if age < 23 else 0.6 if age < 30 else 0.88
        if age >= 60:
            married = 0.6  # some are widowed
        if rng.random() >= married:
            return ""
        other = "P" if sex == "L" else "L"
        spouse = self._given(self.ref.names[other], age)
        if haji and rng.random() < 0.7:
            spouse = f"{self.ref.haji[other]} {spouse}"
        return spouse

    def _nik(self, kel: Kelurahan, birth: date, sex: str) -> str:
        key = (kel.district_code, birth, sex)
        serial = self._serials.get(key) or self.rng.randint(1, 40)
        self._serials[key] = serial + 1
        return nik_from_parts(kel.district_code, birth, sex, serial)

    def _address(self, kel: Kelurahan) -> str:
        rng = self.rng
        number = rng.randint(1, 160)
        style = rng.random()
        if style < 0.5:
            return f"{rng.choice(kel.streets)} No. {number}"
        if style < 0.8:
            return f"{rng.choice(kel.streets)} Gg. {rng.choice(_ROMAN)} No. {number % 60 + 1}"
        return f"{rng.choice(self.ref.lanes)} No. {number % 80 + 1}"

    def _phone(self, age: int) -> str:
        rng = self.rng
        if rng.random() < (0.25 if age >= 65 else 0.06):
            return ""
        digits = "".join(str(rng.randrange(10)) for _ in range(rng.choice((7, 8, 8))))
        prefix = rng.choice(self.ref.phone_prefixes)
        return f"{prefix}-{digits[:4]}-{digits[4:]}"

    def _status(self, age: int, join: date) -> tuple[MemberStatus, date | None, str]:
        rng = self.rng
        months = (self.today - join).days // 30
        if months < 8:
            return MemberStatus.AKTIF, None, ""
        roll = rng.random()
        death = 0.004 + max(0, age - 55) * 0.0015
        if roll < death:
            status, note = MemberStatus.MENINGGAL, rng.choice(_DEATH_NOTES)
        elif roll < death + 0.05:
            status, note = MemberStatus.KELUAR, rng.choice(_LEAVING_NOTES)
        else:
            return MemberStatus.AKTIF, None, ""
        when = join + timedelta(days=rng.randint(180, (self.today - join).days))
        return status, when, note
