"""The income tax of a book year (issue 13 §3, LEDGER.md §4). The regime is a setting:
- PPh final 0,5 % of gross business income (41xx) for four tax years from its start year;
- the normal corporate rate on the year's result, with the Pasal 31E halving on the part of
  taxable income that corresponds to Rp4,8 miliar of turnover (turnover up to Rp50 miliar);
  income already final-taxed at source (jasa giro / bunga bank, 4201) is outside both the
  taxable income and that turnover;
- booked by hand through Jurnal Umum (the default: nothing is posted at the year end).
The tax still due at the year end (the year's tax less what was already expensed to 5901 during
the year, e.g. monthly PPh final) is posted Dr 5901 Beban pajak / Cr 2108 Utang PPh dated 31
December just before the jurnal penutup, so SHU = income − expenses − tax."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from typing import Any

from app.errors import ValidationError
from app.storage.audit_repo import AuditRepository
from app.storage.engine import Engine
from app.storage.settings_repo import SettingsRepository
from app.storage.units import write_unit
from app.users.models import User
from app.users.permissions import Action, require

KEY = "pajak.tahunan"
TAX_EXPENSE = "5901"  # beban pajak penghasilan
TAX_PAYABLE = "2108"  # utang PPh badan / PPh final 0,5 %
BUSINESS_INCOME = "41"  # gross business income: the 41xx accounts
FINAL_TAXED = ("4201",)  # jasa giro / bunga bank: PPh 4(2) final already withheld by the bank
FINAL_RATE = Decimal("0.5")
FINAL_YEARS = 4  # a koperasi may use PPh final for four tax years (PP 55/2022)
SMALL_TURNOVER = 4_800_000_000
FACILITY_LIMIT = 50_000_000_000
REGIMES = {
    "manual": "Dibukukan sendiri lewat Jurnal Umum",
    "final": "PPh final 0,5% dari peredaran bruto",
    "normal": "Tarif PPh badan",
}


@dataclass(frozen=True)
class TaxSettings:
    regime: str = "manual"  # manual (booked by hand, nothing at year end) | final | normal
    final_start: int | None = None  # the first tax year under PPh final
    normal_rate: Decimal = Decimal(22)
    facility_31e: bool = True

    def validated(self) -> TaxSettings:
        if self.regime not in REGIMES:
            raise ValidationError("Pilih rezim pajak yang ada.", field="regime")
        if self.regime == "final" and (self.final_start is None or self.final_start < 2009):
            raise ValidationError(
                "Tahun mulai PPh final wajib diisi (mis. 2023).", field="final_start"
            )
        if not Decimal(0) <= self.normal_rate <= Decimal(100):
            raise ValidationError("Tarif PPh badan harus antara 0 dan 100%.", field="normal_rate")
        return self

    def as_json(self) -> dict[str, Any]:
        return {
            "regime": self.regime,
            "final_start": self.final_start,
            "normal_rate": str(self.normal_rate),
            "facility_31e": self.facility_31e,
        }


@dataclass(frozen=True)
class YearTax:
    year: int
    regime: str  # the regime that applies to this year (final ends after four years)
    base: int  # gross business income (final) or taxable income (normal)
    tax: int  # the tax of the year
    booked: int  # already expensed to 5901 during the year
    explanation: str

    @property
    def due(self) -> int:
        """What the year-end tax journal posts (never negative)."""
        return max(self.tax - self.booked, 0)


def _pct(amount: int, rate: Decimal) -> int:
    return int((Decimal(amount) * rate / 100).to_integral_value(ROUND_FLOOR))


def regime_of(settings: TaxSettings, year: int) -> str:
    """PPh final only from its start year for four tax years; the normal rate otherwise."""
    if settings.regime == "manual":
        return "manual"
    start = settings.final_start
    if settings.regime == "final" and start is not None and start <= year < start + FINAL_YEARS:
        return "final"
    return "normal"


def normal_tax(taxable: int, turnover: int, rate: Decimal, facility: bool) -> int:
    """Taxable income rounded down to the thousand; with Pasal 31E the part of it that
    corresponds to Rp4,8 miliar of turnover at half the rate (turnover up to Rp50 miliar)."""
    pkp = max(taxable, 0) // 1000 * 1000
    if not pkp:
        return 0
    if not facility or turnover > FACILITY_LIMIT:
        return _pct(pkp, rate)
    if turnover <= SMALL_TURNOVER:
        return _pct(pkp, rate / 2)
    halved = pkp * SMALL_TURNOVER // turnover
    return _pct(halved, rate / 2) + _pct(pkp - halved, rate)


def year_tax(settings: TaxSettings, year: int, movements: list[Any], booked_tax: int) -> YearTax:
    """The tax of `year` from its movements (rows of code, type, net = debit − credit) before
    the year-end tax journal; `booked_tax` is what 5901 already holds for the year."""
    regime = regime_of(settings, year)
    business = turnover = result = 0
    for r in movements:
        net = int(r["net"])
        if r["type"] == "pendapatan":
            if str(r["code"]).startswith(FINAL_TAXED):
                continue  # final-taxed at source: outside the PKP and the 31E turnover
            turnover -= net
            result -= net
            if str(r["code"]).startswith(BUSINESS_INCOME):
                business -= net
        elif r["type"] == "beban" and r["code"] != TAX_EXPENSE:
            result -= net
    if regime == "manual":
        text = "pajak dibukukan sendiri lewat Jurnal Umum"
        return YearTax(year, regime, 0, booked_tax, booked_tax, text)
    if regime == "final":
        tax = _pct(max(business, 0), FINAL_RATE)
        text = f"PPh final 0,5% × peredaran bruto usaha (akun 41xx) Rp{business:,}"
        return YearTax(year, regime, business, tax, booked_tax, text.replace(",", "."))
    tax = normal_tax(result, turnover, settings.normal_rate, settings.facility_31e)
    text = f"PPh badan {settings.normal_rate}% atas penghasilan kena pajak Rp{max(result, 0):,}"
    if settings.facility_31e and turnover <= FACILITY_LIMIT:
        text += " dengan fasilitas Pasal 31E"
    return YearTax(year, regime, result, tax, booked_tax, text.replace(",", "."))


class TaxSettingsService:
    def __init__(self, db: Engine, audit: AuditRepository) -> None:
        self.db = db
        self.audit = audit
        self.repo = SettingsRepository(db)

    def settings(self) -> TaxSettings:
        raw = self.repo.get(KEY)
        if not raw:
            return TaxSettings()
        start = raw.get("final_start")
        return TaxSettings(
            str(raw.get("regime", "manual")),
            None if start is None else int(start),
            Decimal(str(raw.get("normal_rate", "22"))),
            bool(raw.get("facility_31e", True)),
        )

    @write_unit
    def save(self, actor: User, settings: TaxSettings) -> TaxSettings:
        require(actor, Action.EDIT_SETTINGS)
        clean = settings.validated()
        before = self.settings()
        with self.db.atomic():
            self.repo.put(KEY, clean.as_json())
            self.audit.record(
                actor.id,
                "ubah",
                "setting",
                KEY,
                {"value": before.as_json()},
                {"value": clean.as_json()},
            )
        return clean
