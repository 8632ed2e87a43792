"""The opening rule over its range (app/imports/opening.check, no database): for any balanced
books and balanced sheet, the import is refused exactly when a control account differs from
what the books hold; 3999 after the journal is the sum of those differences; an accepted
journal balances, leaves the control accounts alone, brings every other account to the sheet
and 3999 to zero."""

from __future__ import annotations

from collections import Counter
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from app.imports.columns import Table
from app.imports.opening import BALANCING, Books, check
from app.imports.report import DryRun
from app.ledger.models import Account

CONTROLS = {"1105": "D", "2101": "K", "3101": "K"}
OTHERS = {"1101": "D", "1103.01": "D", "3103": "K", "4101": "K", "5201": "D"}
CHART = {
    code: Account(code, f"Akun {code}", "aset", normal, False, None, True)
    for code, normal in {**CONTROLS, **OTHERS, BALANCING: "K"}.items()
}
amounts = st.integers(min_value=-(10**12), max_value=10**12)


@settings(max_examples=200, deadline=None)
@given(
    booked_controls=st.fixed_dictionaries({c: amounts for c in CONTROLS}),
    booked_others=st.fixed_dictionaries({c: amounts for c in OTHERS if c != "1101"}),
    sheet_others=st.fixed_dictionaries({c: amounts for c in OTHERS if c != "1101"}),
    diffs=st.fixed_dictionaries({c: st.one_of(st.just(0), st.just(0), amounts) for c in CONTROLS}),
)
def test_refused_exactly_when_a_control_differs(
    booked_controls: dict[str, int],
    booked_others: dict[str, int],
    sheet_others: dict[str, int],
    diffs: dict[str, int],
) -> None:
    booked = {**booked_controls, **booked_others}
    booked[BALANCING] = -sum(booked.values())  # the books balance
    sheet = {**{c: booked_controls[c] + diffs[c] for c in CONTROLS}, **sheet_others}
    sheet["1101"] = -sum(sheet.values())  # the old trial balance balances
    rows = [
        (n, {"code": code, "debit": max(v, 0) or None, "credit": max(-v, 0) or None})
        for n, (code, v) in enumerate(sorted(sheet.items()), start=2)
    ]
    report = DryRun("opening", "o.xlsx", "0" * 64)
    table = Table("Data", {}, rows)
    controls = {c: "rincian" for c in CONTROLS}
    plan = check(table, report, Books(CHART, booked, controls), date(2025, 12, 31))
    differing = {c for c, d in diffs.items() if d}
    after = sum(diffs.values())
    assert dict(report.totals)[f"Saldo {BALANCING} setelah jurnal saldo awal"] != "nol" or not after
    if differing:
        assert plan is None
        named = {c for c in CONTROLS if any(f"akun {c} " in p.message for p in report.problems)}
        assert named == differing
        return
    assert plan is not None and report.ok
    assert sum(x.debit for x in plan.lines) == sum(x.credit for x in plan.lines)
    result: Counter[str] = Counter(booked)
    for line in plan.lines:
        result[line.account] += line.debit - line.credit
    assert result[BALANCING] == 0
    for code in CONTROLS:
        assert result[code] == booked[code]
    for code in OTHERS:
        assert result[code] == sheet[code]


def test_inactive_account_with_a_balance_is_named() -> None:
    chart = dict(CHART)
    chart["5201"] = Account("5201", "Gaji", "beban", "D", False, None, False)
    booked = {"5201": 1_000, BALANCING: -1_000}
    rows = [(2, {"code": "1101", "debit": 5, "credit": None}),
            (3, {"code": "3103", "debit": None, "credit": 5})]  # fmt: skip
    report = DryRun("opening", "o.xlsx", "0" * 64)
    plan = check(Table("Data", {}, rows), report, Books(chart, booked, {}), date(2025, 12, 31))
    assert plan is None
    assert [p.text() for p in report.problems] == [
        "Data: akun 5201 Gaji tidak aktif tetapi bersaldo Rp1.000 debet di buku; aktifkan dulu "
        "agar saldo awalnya bisa dibukukan."
    ]
