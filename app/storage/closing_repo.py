"""SQL of closing the books: the lock date and its history, what the month-close checklist
counts (events without a journal, sub-ledger totals) and the bases of the SHU per member
(portable SQL: runs on both engines; the two checks `mufakat check` shares are in
closing_checks.py, SQLite only until check.py runs on PostgreSQL)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from app.clock import now_text
from app.errors import ValidationError
from app.storage import closing_checks
from app.storage.check_closing import YEAR_END_SOURCE, YEAR_END_SOURCES, YEAR_TAX_SOURCE
from app.storage.engine import Engine, Row

__all__ = ["YEAR_END_SOURCE", "YEAR_END_SOURCES", "YEAR_TAX_SOURCE", "ClosingRepository"]


def refuse_into_locked(db: Engine, on: date, source: str) -> None:
    """The last guard of every journal write (LedgerRepository and LedgerBulkRepository):
    nothing dated on or before the lock date but the year-end tax journal and the jurnal
    penutup. Writers move a money event to the first open date (`open_on`) or refuse a date
    they were given (app/ledger/lockdate.py) before they get here: reaching this is a writer
    that went round the lock."""
    if source in YEAR_END_SOURCES:
        return
    lock = ClosingRepository(db).lock_date()
    if lock is not None and on <= lock:
        raise ValidationError(
            f"Pembukuan sampai {lock.strftime('%d-%m-%Y')} sudah ditutup; jurnal bertanggal "
            f"{on.strftime('%d-%m-%Y')} tidak bisa disimpan."
        )


class ClosingRepository:
    def __init__(self, db: Engine) -> None:
        self.db = db

    # -- the lock date ---------------------------------------------------------------------

    def lock_date(self) -> date | None:
        value = self.db.scalar("SELECT lock_date FROM period_locks ORDER BY id DESC LIMIT 1")
        return None if value is None else date.fromisoformat(str(value))

    def open_on(self, on: date) -> date:
        """`on`, or the first open date when `on` falls on or before the lock date."""
        lock = self.lock_date()
        return on if lock is None or on > lock else lock + timedelta(days=1)

    def add_lock(
        self,
        action: str,
        month: str,
        lock_date: date | None,
        user_id: int | None,
        second_user_id: int | None = None,
        reason: str = "",
    ) -> int:
        return self.db.insert_id(
            "INSERT INTO period_locks (action, month, lock_date, reason, user_id, second_user_id,"
            " created_at) VALUES (:action, :month, :lock_date, :reason, :user_id, :second,"
            " :at) RETURNING id",
            {
                "action": action,
                "month": month,
                "lock_date": None if lock_date is None else lock_date.isoformat(),
                "reason": reason,
                "user_id": user_id,
                "second": second_user_id,
                "at": now_text(),
            },
        )

    def history(self) -> list[Row]:
        return list(self.db.rows("SELECT * FROM period_locks ORDER BY id DESC"))

    def posted_into_locked(self) -> list[Row]:
        """Journals dated on or before the lock date in force when they were written (the
        year-end tax journal and the jurnal penutup excepted): LEDGER.md §5.4 invariant 6."""
        first, second = YEAR_END_SOURCES
        return list(
            self.db.rows(
                "SELECT j.number, j.date, p.lock_date FROM journals j JOIN period_locks p"
                " ON p.id = (SELECT max(q.id) FROM period_locks q"
                " WHERE q.created_at < j.created_at) WHERE p.lock_date IS NOT NULL"
                " AND j.date <= p.lock_date AND j.source NOT IN (:first, :second) ORDER BY j.id",
                {"first": first, "second": second},
            )
        )

    # -- the checklist ---------------------------------------------------------------------

    def unbooked(self, end: date) -> list[str]:
        """Money records dated up to `end` without their journal (or no-GL marker), and
        undoing records whose journal was not reversed, by kind: the check of `mufakat check`
        (app/storage/check_ledger.py), which knows every source, limited to `end`. SQLite only
        (the check reads the file's own connection)."""
        return closing_checks.unbooked(self.db, end)

    def accrual_differences(self, end: date, role: Callable[[str], str]) -> list[str]:
        """1109 per loan against the accrual sub-ledger as of `end` (empty: they agree). SQLite
        only, like `unbooked`."""
        return closing_checks.accrual_differences(self.db, end, role)

    def savings_by_kind(self, end: date) -> dict[str, int]:
        return {
            str(r["kind"]): int(r["total"])
            for r in self.db.rows(
                "SELECT kind, sum(amount) AS total FROM savings_transactions WHERE tx_date <= :d"
                " GROUP BY kind",
                {"d": end.isoformat()},
            )
        }

    def quality_run_on(self, end: date) -> bool:
        """Whether the loans' month-end run (kolektibilitas, PPAP) was made as of `end`."""
        found = self.db.scalar(
            "SELECT 1 FROM loan_quality_runs WHERE as_of = :d", {"d": end.isoformat()}
        )
        return found is not None

    def loans_outstanding(self, end: date) -> int:
        """Σ pokok not yet repaid of the loans disbursed up to `end`."""
        value = self.db.scalar(
            "SELECT coalesce(sum(l.amount - coalesce((SELECT sum(e.pokok) FROM loan_events e"
            " WHERE e.loan_id = l.id AND e.kind <> 'pencairan' AND e.event_date <= :d), 0)), 0)"
            " FROM loans l WHERE l.disbursed_on IS NOT NULL AND l.disbursed_on <= :d",
            {"d": end.isoformat()},
        )
        return int(value or 0)

    def loan_differences(self, codes: list[str], end: date, limit: int = 5) -> list[Row]:
        """Loans whose ledger balance on `codes` differs from their pokok not yet repaid at
        `end` (number, ledger, sub-ledger), for the drill-down of the checklist."""
        marks = ", ".join(f":c{i}" for i in range(len(codes)))
        return list(
            self.db.rows(
                "WITH sub AS (SELECT l.id, coalesce(l.number, l.application_no) AS number,"
                " l.amount - coalesce((SELECT sum(e.pokok) FROM loan_events e"
                " WHERE e.loan_id = l.id AND e.kind <> 'pencairan' AND e.event_date <= :d), 0)"
                " AS expected FROM loans l WHERE l.disbursed_on IS NOT NULL"
                " AND l.disbursed_on <= :d),"
                " gl AS (SELECT x.loan_id, sum(x.debit) - sum(x.credit) AS booked"
                " FROM journal_lines x JOIN journals j ON j.id = x.journal_id"
                f" WHERE x.account IN ({marks}) AND j.date <= :d AND x.loan_id IS NOT NULL"
                " GROUP BY x.loan_id)"
                " SELECT sub.number, coalesce(gl.booked, 0) AS booked, sub.expected FROM sub"
                " LEFT JOIN gl ON gl.loan_id = sub.id WHERE coalesce(gl.booked, 0) <> sub.expected"
                " ORDER BY sub.number LIMIT :limit",
                {"d": end.isoformat(), "limit": limit, **{f"c{i}": c for i, c in enumerate(codes)}},
            )
        )

    # -- SHU bases -------------------------------------------------------------------------

    def movements(self, start: date, end: date) -> list[Row]:
        """Per account type, debit − credit of the journal lines dated in [start, end]."""
        return list(
            self.db.rows(
                "SELECT a.type, a.code, sum(l.debit) - sum(l.credit) AS net FROM journal_lines l"
                " JOIN journals j ON j.id = l.journal_id JOIN accounts a ON a.code = l.account"
                " WHERE j.date >= :s AND j.date <= :e AND j.source <> :closing GROUP BY a.code",
                {"s": start.isoformat(), "e": end.isoformat(), "closing": YEAR_END_SOURCE},
            )
        )

    def members(self) -> list[Row]:
        return list(
            self.db.rows(
                "SELECT id, number, name, status, status_date FROM members ORDER BY number, id"
            )
        )

    def savings_at(self, ends: list[date], kinds: tuple[str, ...]) -> dict[int, list[int]]:
        """Each member's balance of `kinds` at each of `ends`, in one pass over the savings."""
        marks = ", ".join(f":k{i}" for i in range(len(kinds)))
        columns = ", ".join(
            f"coalesce(sum(CASE WHEN tx_date <= :e{i} THEN amount END), 0) AS b{i}"
            for i in range(len(ends))
        )
        params = {
            "last": max(ends).isoformat(),
            **{f"e{i}": e.isoformat() for i, e in enumerate(ends)},
            **{f"k{i}": k for i, k in enumerate(kinds)},
        }
        return {
            int(r["member_id"]): [int(r[f"b{i}"]) for i in range(len(ends))]
            for r in self.db.rows(
                f"SELECT member_id, {columns} FROM savings_transactions WHERE tx_date <= :last"
                f" AND kind IN ({marks}) GROUP BY member_id",
                params,
            )
        }

    def jasa_paid(self, start: date, end: date) -> dict[int, int]:
        """Jasa the members paid: payments and advances applied, less their reversals; not
        jasa waived (keringanan) nor given up on early payoff (potongan pelunasan)."""
        paid = "('pembayaran', 'titipan_diterapkan')"
        return self._per_member(
            "sum(e.jasa)",
            f"(e.kind IN {paid} OR (e.kind = 'pembalikan' AND (SELECT o.kind FROM loan_events"
            f" o WHERE o.id = e.reverses_id) IN {paid}))",
            start,
            end,
        )

    def loans_taken(self, start: date, end: date) -> dict[int, int]:
        return self._per_member("sum(l.amount)", "e.kind = 'pencairan'", start, end)

    def _per_member(self, what: str, where: str, start: date, end: date) -> dict[int, int]:
        return {
            int(r["member_id"]): int(r["total"])
            for r in self.db.rows(
                f"SELECT l.member_id, {what} AS total FROM loan_events e"
                f" JOIN loans l ON l.id = e.loan_id WHERE {where} AND e.event_date >= :s"
                " AND e.event_date <= :e GROUP BY l.member_id",
                {"s": start.isoformat(), "e": end.isoformat()},
            )
            if r["total"]
        }
