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
    """Whether nothing of the loan was overdue on any day of [start, end] (and no pokok or jasa
    is in arrears at `end`): see LoanQualityService.not_current_between."""
    return loan_id not in loans.quality.not_current_between({loan_id}, start, end)


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
    candidates = [
        case
        for case in cases
        if case.opened_on <= start and case.id not in waiting and case.loan_id not in overdue_now
    ]
    states = loans.quality.states({case.loan_id for case in candidates})
    candidates = [case for case in candidates if states[case.loan_id][0] == LoanStatus.AKTIF]
    behind = loans.quality.not_current_between({c.loan_id for c in candidates}, start, as_of)
    closed: list[int] = []
    for case in candidates:
        if case.loan_id in behind:
            continue
        close(case, as_of, _reason(period, start), user_id)
        closed.append(case.id)
    return closed


def _reason(period: int, start: date) -> str:
    return (
        f"Pinjaman lancar kembali: tidak ada tunggakan selama {period} hari "
        f"(sejak {format_date_short(start)}); kasus ditutup otomatis"
    )
