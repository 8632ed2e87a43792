"""SHU of a book year (issue 13 §4): the amount from the year's ledger (income − expenses −
tax), its pools by the allocation in Pengaturan → SHU, and each member's JMA and JUA split by the
largest-remainder method. Until the year-end close exists the amount is the year's movements."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from app.errors import ValidationError
from app.ledger.shu_split import (
    DEFAULT_PERCENT,
    POOL_KEYS,
    RULE,
    largest_remainder,
    pools,
    validate_percentages,
)
from app.storage.audit_repo import AuditRepository
from app.storage.closing_repo import ClosingRepository
from app.storage.engine import Engine
from app.storage.settings_repo import SettingsRepository
from app.storage.units import write_unit
from app.users.models import User
from app.users.permissions import Action, require

KEY = "shu.settings"
JMA_BASES = {"rata12": "Rata-rata 12 saldo akhir bulan", "akhir_tahun": "Saldo akhir tahun"}
JUA_BASES = {"jasa": "Jasa pinjaman dibayar dalam tahun", "pinjaman": "Pinjaman diterima"}


@dataclass(frozen=True)
class ShuSettings:
    percent: dict[str, Decimal] = field(default_factory=lambda: dict(DEFAULT_PERCENT))
    jma_base: str = "rata12"
    jma_sukarela: bool = False
    jua_base: str = "jasa"

    def validated(self) -> ShuSettings:
        if self.jma_base not in JMA_BASES:
            raise ValidationError("Pilih dasar JMA yang ada.", field="jma_base")
        if self.jua_base not in JUA_BASES:
            raise ValidationError("Pilih dasar JUA yang ada.", field="jua_base")
        percent = validate_percentages(self.percent)
        return ShuSettings(percent, self.jma_base, self.jma_sukarela, self.jua_base)

    def as_json(self) -> dict[str, Any]:
        return {
            "percent": {k: str(v) for k, v in self.percent.items()},
            "jma_base": self.jma_base,
            "jma_sukarela": self.jma_sukarela,
            "jua_base": self.jua_base,
        }


@dataclass(frozen=True)
class ShuRow:
    member_id: int
    number: str
    name: str
    jma: int
    jua: int

    @property
    def total(self) -> int:
        return self.jma + self.jua


@dataclass(frozen=True)
class ShuResult:
    year: int
    income: int
    expenses: int  # including tax
    shu: int
    pools: dict[str, int]
    rows: list[ShuRow]  # every member with a non-zero share, by member number
    settings: ShuSettings
    rule: str = RULE


class ShuService:
    def __init__(self, db: Engine, audit: AuditRepository) -> None:
        self.db = db
        self.audit = audit
        self.repo = ClosingRepository(db)
        self.settings_repo = SettingsRepository(db)

    def settings(self) -> ShuSettings:
        raw = self.settings_repo.get(KEY)
        if not raw:
            return ShuSettings()
        return ShuSettings(
            {k: Decimal(str(v)) for k, v in raw.get("percent", {}).items()},
            str(raw.get("jma_base", "rata12")),
            bool(raw.get("jma_sukarela", False)),
            str(raw.get("jua_base", "jasa")),
        )

    @write_unit
    def save_settings(self, actor: User, settings: ShuSettings) -> ShuSettings:
        require(actor, Action.EDIT_SETTINGS)
        clean = settings.validated()
        before = self.settings()
        with self.db.atomic():
            self.settings_repo.put(KEY, clean.as_json())
            self.audit.record(
                actor.id,
                "ubah",
                "setting",
                KEY,
                {"value": before.as_json()},
                {"value": clean.as_json()},
            )
        return clean

    def amount(self, year: int) -> tuple[int, int]:
        """(income, expenses incl. tax) of the year's journals."""
        income = expenses = 0
        for r in self.repo.movements(date(year, 1, 1), date(year, 12, 31)):
            if r["type"] == "pendapatan":
                income -= int(r["net"])
            elif r["type"] == "beban":
                expenses += int(r["net"])
        return income, expenses

    def compute(self, year: int) -> ShuResult:
        settings = self.settings().validated()
        income, expenses = self.amount(year)
        shu = income - expenses
        split = pools(shu, settings.percent)
        members = self.repo.members()
        jma_base = self._jma_base(year, settings, members)
        jua_base = self._jua_base(year, settings)
        order = [int(m["id"]) for m in members]
        for pool, base in (("jma", jma_base), ("jua", jua_base)):
            if not any(base.get(i, 0) > 0 for i in order):  # nobody to share it: to cadangan
                split["cadangan"] += split[pool]
                split[pool] = 0
        jma = largest_remainder(split["jma"], {i: jma_base.get(i, 0) for i in order})
        jua = largest_remainder(split["jua"], {i: jua_base.get(i, 0) for i in order})
        rows = [
            ShuRow(int(m["id"]), str(m["number"]), str(m["name"]), jma[m["id"]], jua[m["id"]])
            for m in members
            if jma[m["id"]] or jua[m["id"]]
        ]
        return ShuResult(year, income, expenses, shu, split, rows, settings)

    def _jma_base(self, year: int, settings: ShuSettings, members: list[Any]) -> dict[int, int]:
        kinds = ("pokok", "wajib", "sukarela") if settings.jma_sukarela else ("pokok", "wajib")
        if settings.jma_base == "akhir_tahun":
            ends = [date(year, 12, 31)]
        else:
            ends = [date(year, m, calendar.monthrange(year, m)[1]) for m in range(1, 13)]
        left = {
            int(m["id"]): date.fromisoformat(m["status_date"])
            for m in members
            if m["status"] != "aktif" and m["status_date"]
        }
        base: dict[int, int] = {}
        for member_id, balances in self.repo.savings_at(ends, kinds).items():
            gone = left.get(member_id)
            total = sum(  # Σ of month-end balances ∝ their average
                b
                for end, b in zip(ends, balances, strict=True)
                if b > 0 and (gone is None or gone >= end)
            )
            if total:
                base[member_id] = total
        return base

    def _jua_base(self, year: int, settings: ShuSettings) -> dict[int, int]:
        start, end = date(year, 1, 1), date(year, 12, 31)
        if settings.jua_base == "pinjaman":
            return self.repo.loans_taken(start, end)
        return self.repo.jasa_paid(start, end)


__all__ = ["POOL_KEYS", "ShuResult", "ShuRow", "ShuService", "ShuSettings"]
