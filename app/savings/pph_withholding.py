"""PPh Pasal 4(2) withheld from jasa simpanan as it is credited (LEDGER.md §4, issue 13 §2).

One shared service for every kind of jasa (sukarela at month end, berjangka monthly or at
maturity). The rule itself is `app.ledger.pph.withheld` (nothing up to Rp240.000 a month, 10 %
of the WHOLE gross above it). Jasa is credited in pieces (several accounts, several dates in a
month), so each piece withholds the difference

    tax now = withheld(the unit's gross this month, this piece included)
              − the tax already withheld from the unit this month.

The rule is monotone, so the pieces add up to `withheld(the month's total)`: nothing while the
month stays at or under Rp240.000; the piece that passes it takes 10 % of everything so far,
which is more than that piece itself when it is small (Rp239.000 credited, then Rp2.000: PPh
Rp24.100 on the second). The caller then takes the difference from the member's savings (the
net credited is negative): the tax is owed on the whole month's gross.

The taxpayer unit is the member (default) or, with the setting `pph.per_account`, each savings
account (`unit`: the caller's key of the account, e.g. 'sukarela' or 'berjangka:12'). The
setting is read at the member's first piece of a month and that month keeps it, so changing the
setting mid-month never withholds twice nor gives back.

The caller holds the write transaction and posts the journal (`app.ledger.events.JasaSimpanan`):
Dr beban jasa simpanan (gross) / Cr the member's savings or a payable (gross − tax) /
Cr 2106 Utang PPh 4(2) (tax)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from app.errors import ValidationError
from app.ledger.pph import withheld
from app.storage.pph_repo import PphRepository

PER_ACCOUNT_SETTING = "pph.per_account"
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


class PphWithholding:
    def __init__(self, repo: PphRepository, setting: Callable[[str], Any]) -> None:
        """`setting`: SettingsService.get (the per-account setting is read at each call)."""
        self.repo = repo
        self.setting = setting

    def withhold(
        self, member_id: int, unit: str, month: str, gross: int, source: str, source_id: int
    ) -> int:
        """Record `gross` jasa of `member_id`'s account `unit` for `month` ('YYYY-MM'), paid by
        the record (`source`, `source_id`, e.g. ('jasa_sukarela', 7)); returns the PPh to
        withhold from it now. Inside the caller's open write transaction (refused outside one);
        a source record is taxed once (a second call for it is refused)."""
        if not self.repo.in_transaction():
            raise RuntimeError("PphWithholding.withhold must run inside the caller's transaction")
        if not isinstance(gross, int) or isinstance(gross, bool) or gross < 0:
            raise ValidationError("Jasa bruto harus angka bulat 0 atau lebih.", field="gross")
        if not _MONTH.match(month):
            raise ValidationError(f"Bulan '{month}' tidak dikenal; tulis seperti 2026-01.")
        if not unit.strip() or not source.strip():
            raise ValueError("unit and source must name the account and the record")
        if self.repo.tax_of(source, source_id) is not None:
            raise ValidationError(f"Jasa {source} {source_id} sudah dipotong PPh-nya.")
        per_account = self.repo.month_mode(member_id, month)
        if per_account is None:
            per_account = bool(self.setting(PER_ACCOUNT_SETTING))
        so_far, taxed = self.repo.unit_totals(member_id, month, unit if per_account else None)
        tax = withheld(so_far + gross) - taxed
        if tax < 0:  # monotone rule, consistent history: a bug if ever
            raise AssertionError(f"PPh {tax} for gross {gross} (so far {so_far}, taxed {taxed})")
        self.repo.insert(member_id, unit, month, per_account, source, source_id, gross, tax)
        return tax

    def withheld_for(self, source: str, source_id: int) -> int | None:
        """The PPh recorded for one source record (None: never withheld for it)."""
        return self.repo.tax_of(source, source_id)
