"""Cases of loans that recovered close themselves (issue 10 #15): a case whose loan has been
current — nothing overdue on any day — for `collection.close_current_days` (Kebijakan, default
30) closes with a case event saying why. Run with open_due_cases (start-up, Beranda, month-end).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from datetime import date, timedelta
from typing import TYPE_CHECKING

from app.formats import format_date_short
from app.loans.models import LoanStatus

if TYPE_CHECKING:
    from app.collection.models import Case
    from app.loans.service import LoanService
    from app.settings.service import SettingsService

Closer = Callable[["Case", date, str, int | None], None]


def current_throughout(loans: LoanService, loan_id: int, start: date, end: date) -> bool:
    """Whether nothing of the loan was overdue on any day of [start, end]. Arrears can only
    begin the day after an instalment falls due, so the loan is checked at `start`, the day
    after each due date inside the window, and `end`."""
    days = {start, end}
    for line in loans.schedule(loan_id, end):
        after = line.due_date + timedelta(days=1)
        if start < after <= end:
            days.add(after)
    for day in sorted(days):
        a = loans.quality.arrears(loan_id, day)
        if a.days_past_due > 0:
            return False
    final = loans.quality.arrears(loan_id, end)
    return final.arrears_pokok + final.arrears_jasa == 0


def close_recovered(
    loans: LoanService,
    settings: SettingsService,
    cases: Iterable[Case],
    waiting: set[int | None],
    close: Closer,
    as_of: date,
    user_id: int | None,
    overdue_now: AbstractSet[int] = frozenset(),
) -> list[int]:
    """Close every open case (of `cases`) of an aktif loan that has been current for the whole
    period (and whose case is at least that old, with no proposal waiting: `waiting` holds the
    case ids with one); returns their ids. `overdue_now`: loans already known to be overdue on
    `as_of` (the caller's all_arrears), so not current throughout, skipped without the check
    day by day (most open cases; Beranda runs this at every start, issue 16)."""
    period = int(settings.get("collection.close_current_days"))
    if period <= 0:
        return []
    start = as_of - timedelta(days=period)
    closed: list[int] = []
    for case in cases:
        if case.opened_on > start or case.id in waiting or case.loan_id in overdue_now:
            continue
        if loans.get(case.loan_id).status != LoanStatus.AKTIF:
            continue
        if not current_throughout(loans, case.loan_id, start, as_of):
            continue
        close(case, as_of, _reason(period, start), user_id)
        closed.append(case.id)
    return closed


def _reason(period: int, start: date) -> str:
    return (
        f"Pinjaman lancar kembali: tidak ada tunggakan selama {period} hari "
        f"(sejak {format_date_short(start)}); kasus ditutup otomatis"
    )
