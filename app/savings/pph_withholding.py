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

The cap: the tax withheld from a piece is at most what can actually be taken — the piece's
gross plus, when its net goes to the member's sukarela, the sukarela balance available at that
moment (`available`, never below zero). Earlier jasa paid in cash under the threshold and an
empty sukarela would otherwise leave the sukarela negative. The shortfall stays due: the next
piece of the same unit in the month withholds `withheld(total) − taxed`, which includes it. What
is still short when the month ends (`terutang` − dipotong, `month_due`) is shown per member on
the bukti potong list as kurang potong; the cooperative, the withholder, still deposits the
whole PPh terutang, and the deposit books the shortfall as a receivable from the member
(Dr 1111 Piutang lain-lain / Cr 2106, one `pph_kurang_potong` row per member; app/savings/
pph_report.py).

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
        self,
        member_id: int,
        unit: str,
        month: str,
        gross: int,
        source: str,
        source_id: int,
        available: int = 0,
    ) -> int:
        """Record `gross` jasa of `member_id`'s account `unit` for `month` ('YYYY-MM'), paid by
        the record (`source`, `source_id`, e.g. ('jasa_sukarela', 7)); returns the PPh to
        withhold from it now, at most `gross` + `available` (the member's sukarela balance
        the caller may take it from when the net goes there; 0 when paid in cash). Inside the
        caller's open write transaction (refused outside one); a source record is taxed once
        (a second call for it is refused)."""
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
        due = withheld(so_far + gross) - taxed
        if due < 0:  # monotone rule, capped pieces: a bug if ever
            raise AssertionError(f"PPh {due} for gross {gross} (so far {so_far}, taxed {taxed})")
        tax = min(due, gross + max(available, 0))
        self.repo.insert(member_id, unit, month, per_account, source, source_id, gross, tax)
        return tax

    def month_due(self, month: str) -> dict[int, int]:
        """The PPh terutang of `month` per member: the rule on each unit's month total (the
        member, or each account when that month was counted per account)."""
        return month_due(self.repo.unit_grosses(month))

    def withheld_for(self, source: str, source_id: int) -> int | None:
        """The PPh recorded for one source record (None: never withheld for it)."""
        return self.repo.tax_of(source, source_id)


def month_due(units: list[tuple[int, str, bool, int]]) -> dict[int, int]:
    """PPh terutang per member from (member_id, unit, per_account, gross) of a month's lines."""
    grosses: dict[tuple[int, str], int] = {}
    for member_id, unit, per_account, gross in units:
        key = (member_id, unit if per_account else "")
        grosses[key] = grosses.get(key, 0) + gross
    out: dict[int, int] = {}
    for (member_id, _unit), gross in grosses.items():
        out[member_id] = out.get(member_id, 0) + withheld(gross)
    return out
