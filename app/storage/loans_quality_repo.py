"""Arrears and quality class of every loan at a date, in one SQL statement.

The same rules as app/loans/position.py (which does one loan in Python, and is tested
against this): settled totals fill instalments oldest first (running totals are stored on
the schedule lines, so each loan needs three index seeks), denda is what was crystallised
plus the rule applied since the last crystallisation to what is unpaid now (capped), in
exact integer arithmetic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from app.loans.models import LoanArrears, LoanStatus
from app.loans.quality import QualityPolicy
from app.storage import loans_arrears_cache as arrears_cache
from app.storage import loans_positions
from app.storage.engine import Engine, Row
from app.storage.loans_arrears_rows import TUPLE_COLUMNS, arrears_from_tuples
from app.storage.loans_positions import bullet_sql, kept_parts
from app.storage.loans_quality_denda import denda_ctes
from app.storage.loans_quality_sql import (
    NO_LOAN,
    class_expression,
    day_of,
    diragukan_start,
    fraction,
    month_index,
)

_RULE_COLUMNS = (
    "denda_basis",
    "denda_rate",
    "denda_per",
    "denda_grace_days",
    "denda_cap",
    "denda_fixed",
    "denda_cap_rate",
)

_RULE_TYPES = ("TEXT", "TEXT", "TEXT", "BIGINT", "BIGINT", "BIGINT", "TEXT") + ("BIGINT",) * 4
"""The rules' column types, written out: PostgreSQL types a VALUES list from its values, and a
column of NULLs alone would be text."""


def _rules(db: Engine, id_list: str | None, as_of: date) -> tuple[str, dict[str, Any]]:
    """A VALUES list of the distinct denda rules of the loans open at `as_of`, with exact
    fractions, and its named parameters (`r<row>_<column>`)."""
    only = f" AND id IN ({id_list})" if id_list is not None else ""
    rows = db.rows(
        f"SELECT DISTINCT {', '.join(_RULE_COLUMNS)} FROM loans WHERE disbursed_on <= :d"
        f" AND (closed_on IS NULL OR closed_on > :d){only}",
        {"d": as_of.isoformat()},
    )
    if not rows:
        empty = ("''", "''", "''", "0", "NULL", "0", "NULL", "0", "1", "NULL", "NULL")
        typed = (f"CAST({v} AS {t})" for v, t in zip(empty, _RULE_TYPES, strict=True))
        return f"VALUES ({', '.join(typed)})", {}
    values: list[str] = []
    params: dict[str, Any] = {}
    for i, r in enumerate(rows):
        rnum, rden = fraction(Decimal(r["denda_rate"]))
        cnum, cden = (None, None)
        if r["denda_cap_rate"] is not None:
            cnum, cden = fraction(Decimal(r["denda_cap_rate"]))
        row = [*(r[c] for c in _RULE_COLUMNS), rnum, rden, cnum, cden]
        params.update({f"r{i}_{j}": value for j, value in enumerate(row)})
        values.append(
            "(" + ", ".join(f"CAST(:r{i}_{j} AS {t})" for j, t in enumerate(_RULE_TYPES)) + ")"
        )
    return "VALUES " + ", ".join(values), params


_SETTLED_DIRECT = """ev AS (
  SELECT a.loan_id, CAST(sum(e.pokok) AS BIGINT) AS sp, CAST(sum(e.jasa) AS BIGINT) AS sj,
         CAST(sum(e.denda) AS BIGINT) AS sd, CAST(sum(e.titipan) AS BIGINT) AS st
  FROM act a JOIN loan_events e
    ON e.loan_id = a.loan_id AND e.version = a.v AND e.event_date <= :d
  GROUP BY a.loan_id),
ch AS (
  SELECT a.loan_id, CAST(sum(c.amount) AS BIGINT) AS charged
  FROM act a JOIN loan_denda_charges c
    ON c.loan_id = a.loan_id AND c.version = a.v AND c.charge_date <= :d
  GROUP BY a.loan_id),
base AS (
  SELECT a.*, s.principal, coalesce(ev.sp, 0) AS sp, coalesce(ev.sj, 0) AS sj,
    coalesce(ev.sd, 0) AS sd, coalesce(ev.st, 0) AS st, coalesce(ch.charged, 0) AS charged
  FROM act a
  JOIN loan_schedules s ON s.loan_id = a.loan_id AND s.version = a.v
  LEFT JOIN ev ON ev.loan_id = a.loan_id
  LEFT JOIN ch ON ch.loan_id = a.loan_id),
"""
# The running totals (loan_balances) less what happened after the date: quick for recent dates.
# (Sums are cast back to integers: PostgreSQL sums bigints as numeric, and the denda arithmetic
# below must divide integers.)
_SETTLED_FROM_BALANCES = """aft AS (
  SELECT loan_id, version, CAST(sum(pokok) AS BIGINT) AS p, CAST(sum(jasa) AS BIGINT) AS j,
         CAST(sum(denda) AS BIGINT) AS dd, CAST(sum(titipan) AS BIGINT) AS t
  FROM loan_events{events_by_date} WHERE event_date > :d GROUP BY loan_id, version),
chaft AS (
  SELECT loan_id, version, CAST(sum(amount) AS BIGINT) AS c
  FROM loan_denda_charges{charges_by_date} WHERE charge_date > :d GROUP BY loan_id, version),
base AS (
  SELECT a.*, s.principal,
    coalesce(b.pokok, 0) - coalesce(aft.p, 0) AS sp,
    coalesce(b.jasa, 0) - coalesce(aft.j, 0) AS sj,
    coalesce(b.denda, 0) - coalesce(aft.dd, 0) AS sd,
    coalesce(b.titipan, 0) - coalesce(aft.t, 0) AS st,
    coalesce(b.charged, 0) - coalesce(chaft.c, 0) AS charged
  FROM act a
  JOIN loan_schedules s ON s.loan_id = a.loan_id AND s.version = a.v
  LEFT JOIN loan_balances b ON b.loan_id = a.loan_id AND b.version = a.v
  LEFT JOIN aft ON aft.loan_id = a.loan_id AND aft.version = a.v
  LEFT JOIN chaft ON chaft.loan_id = a.loan_id AND chaft.version = a.v),
"""


def _use_balances(db: Engine, as_of: date) -> bool:
    """True when few events follow `as_of`, so subtracting them from the totals is cheaper
    than summing everything up to it."""
    total = int(db.scalar("SELECT coalesce(max(id), 0) FROM loan_events"))
    after = int(
        db.scalar(
            "SELECT count(*) FROM (SELECT 1 FROM loan_events WHERE event_date > :d LIMIT :n) a",
            {"d": as_of.isoformat(), "n": total // 4 + 1},
        )
    )
    return after <= total // 4


# Class and amounts without the denda part (ad then holds only the crystallised denda):
# enough for counting classes or choosing a page of rows.
_DENDA_SKIPPED = "dc AS (SELECT 0 AS loan_id, 0 AS extra WHERE 1 = 0),\n"


def arrears_sql(
    db: Engine,
    as_of: date,
    policy: QualityPolicy,
    loan_ids: Sequence[int] | None = None,
    *,
    with_denda: bool = True,
    positions: bool = True,
) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """The WITH clause ending in CTE `res` (one row per loan aktif at as_of) and its params.

    `res` columns: loan_id, outstanding, ap, aj, ad, opd, ojd, oldest, dpd, missed, titipan,
    coll, quality. With `positions`, a loan whose stored position applies at as_of (current
    there: app/storage/loans_positions.py) is read from it; the others are computed.
    """
    last_day = (as_of.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    named: dict[str, Any] = {
        "d": as_of.isoformat(),
        "d_mi": as_of.year * 12 + as_of.month,
        "d_day": as_of.day,
        "d_month_end": int(as_of == last_day),
    }
    loan_filter, id_list = "", None
    if loan_ids is not None:
        id_list = ", ".join(str(int(i)) for i in loan_ids) or "NULL"
        loan_filter = f" AND l.id IN ({id_list})"
    rules_values, rule_params = _rules(db, id_list, as_of)
    d = db.dialect
    quality = class_expression(d, policy, named)
    settled = _SETTLED_DIRECT
    if loan_ids is None and _use_balances(db, as_of):
        # Few rows follow the date (checked): read them through the date indexes. SQLite chose
        # to scan the per-loan index in GROUP BY order instead, every event (880,000 at 20,000
        # members: 40 of the statement's 350 ms).
        settled = _SETTLED_FROM_BALANCES.replace(
            "{events_by_date}", d.indexed_by("loan_events_date")
        ).replace("{charges_by_date}", d.indexed_by("loan_denda_charges_date"))
    start = d.add_days("due_date", "r_grace")
    months_begun = (
        f"((:d_mi - {month_index('st')}) + (CASE WHEN :d_day > {day_of('st')} THEN 1 ELSE 0 END))"
    )
    months_begun_then = (
        f"(({month_index('chg_on')} - {month_index('st')})"
        f" + (CASE WHEN {day_of('chg_on')} > {day_of('st')} THEN 1 ELSE 0 END))"
    )
    denda = _DENDA_SKIPPED
    if with_denda:
        denda = denda_ctes(d, start, months_begun, months_begun_then)
    dstart = diragukan_start(d)
    bullet = f"coalesce({bullet_sql(d, 'b.loan_id', 'b.v')}, 0)"
    # A loan whose stored position holds at :d (every event settled by then) but is in arrears:
    # its first unpaid instalments, bullet and last payment read from it, not its schedule.
    kcols, kjoin = "NULL AS kp, NULL AS kdp, NULL AS kdj, NULL AS klast", ""
    np_sql = (
        "(SELECT x.number FROM loan_schedule_lines x WHERE x.loan_id = b.loan_id"
        " AND x.version = b.v AND x.cum_{c} > b.s{s} ORDER BY x.cum_{c} LIMIT 1)"
    )
    np, nj = np_sql.format(c="pokok", s="p"), np_sql.format(c="jasa", s="j")
    if positions:
        kcols = "k.loan_id AS kp, k.due_np AS kdp, k.due_nj AS kdj, k.last_pay AS klast"
        kjoin = (
            "\n  LEFT JOIN arrears_positions k ON k.loan_id = b.loan_id AND k.version = b.v"
            " AND k.valid_from <= :d"
        )
        np, nj, bullet = (
            f"CASE WHEN k.loan_id IS NULL THEN {e} ELSE k.{c} END"
            for e, c in ((np, "np"), (nj, "nj"), (bullet, "bullet"))
        )
    due = (
        "(CASE WHEN p.kp IS NULL THEN (SELECT x.due_date FROM loan_schedule_lines x"
        " WHERE x.loan_id = p.loan_id AND x.version = p.v AND x.number = p.{n}) ELSE p.{k} END)"
    )
    not_kept, kept, kept_rows = kept_parts(quality, loan_filter) if positions else ("",) * 3
    sql = f"""
WITH rules (r_basis, r_rate, r_per, r_grace, r_cap, r_fixed, r_caprate, rnum, rden, cnum, cden)
  AS ({rules_values}),
act AS NOT MATERIALIZED (
  SELECT l.id AS loan_id, l.schedule_version AS v, l.rescuable, l.in_court,
    l.denda_basis, l.denda_rate, l.denda_per, l.denda_grace_days, l.denda_cap, l.denda_fixed,
    l.denda_cap_rate
  FROM loans l
  WHERE l.disbursed_on <= :d AND l.status NOT IN ('diajukan', 'disetujui', 'ditolak')
    AND (l.closed_on IS NULL OR l.closed_on > :d){loan_filter}{not_kept}),
{kept}{settled}pos AS MATERIALIZED (
  SELECT b.*,
    (SELECT x.number FROM loan_schedule_lines x WHERE x.loan_id = b.loan_id
      AND x.version = b.v AND x.due_date < :d ORDER BY x.due_date DESC LIMIT 1) AS n_past,
    {np} AS np, {nj} AS nj, {bullet} AS bullet, {kcols}
  FROM base b{kjoin}),
arr AS MATERIALIZED (
  SELECT p.*,
    CASE WHEN p.np <= p.n_past THEN {due.format(n="np", k="kdp")} END AS opd,
    CASE WHEN p.nj <= p.n_past THEN {due.format(n="nj", k="kdj")} END AS ojd,
    {d.greatest("0", "coalesce(ld.cum_pokok, 0) - p.sp")} AS ap,
    {d.greatest("0", "coalesce(ld.cum_jasa, 0) - p.sj")} AS aj,
    {d.least(f"coalesce(p.np, {NO_LOAN})", f"coalesce(p.nj, {NO_LOAN})")} AS n_first
  FROM pos p
  LEFT JOIN loan_schedule_lines ld
    ON ld.loan_id = p.loan_id AND ld.version = p.v AND ld.number = p.n_past),
{denda}fin AS (
  SELECT a.loan_id, a.principal - {d.least("a.sp", "a.principal")} AS outstanding, a.ap, a.aj,
    {d.greatest("0", "a.charged + coalesce(dc.extra, 0) - a.sd")} AS ad, a.opd, a.ojd,
    CASE WHEN a.opd IS NULL THEN a.ojd WHEN a.ojd IS NULL THEN a.opd
      ELSE {d.least("a.opd", "a.ojd")} END AS oldest,
    CASE WHEN a.n_first <= a.n_past THEN a.n_past - a.n_first + 1 ELSE 0 END AS missed,
    a.st AS titipan, a.rescuable, a.in_court, a.bullet, a.kp, a.klast,
    (SELECT coalesce(sum(c.estimated_value), 0) FROM loan_collateral c
      WHERE c.loan_id = a.loan_id AND (c.released_on IS NULL OR c.released_on > :d)) AS coll
  FROM arr a LEFT JOIN dc ON dc.loan_id = a.loan_id),
fin2 AS (
  SELECT fin.*, CASE WHEN oldest IS NULL THEN 0
    ELSE {d.days_between(":d", "oldest")} END AS dpd,
    {dstart} AS dstart
  FROM fin),
res AS MATERIALIZED (
  SELECT loan_id, outstanding, ap, aj, ad, opd, ojd, oldest, dpd, missed, titipan, coll,
    {quality.replace("fin.loan_id", "fin2.loan_id")} AS quality
  FROM fin2{kept_rows})
"""
    return _inline(sql, named), rule_params, {}


def _inline(sql: str, named: dict[str, Any]) -> str:
    """Write our own computed values (dates, integers, class codes) into the SQL as literals:
    SQLite evaluates a literal once where a bound parameter costs a little on every row."""
    for key in sorted(named, key=len, reverse=True):
        value = named[key]
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            raise TypeError(f"cannot inline {key}={value!r}")
        if isinstance(value, str):
            if not re.fullmatch(r"[A-Za-z0-9-]+", value):
                raise ValueError(f"unexpected text for {key}: {value!r}")
            literal = f"'{value}'"
        else:
            literal = str(value)
        sql = re.sub(rf":{key}\b", literal, sql)
    return sql


def _bind(
    sql: str, rule_params: dict[str, Any], named: dict[str, Any]
) -> tuple[str, dict[str, Any]]:
    """The statement and all its named parameters (the rules' and the others)."""
    return sql, {**named, **rule_params}


class LoanQualityRepository:
    def __init__(self, db: Engine) -> None:
        self.db = db

    def query(
        self,
        as_of: date,
        policy: QualityPolicy,
        select: str,
        loan_ids: Sequence[int] | None = None,
        extra: dict[str, Any] | None = None,
        *,
        with_denda: bool = True,
    ) -> list[Row]:
        """Run `select` (which reads CTE `res`) after the arrears WITH clause. Without denda
        the classes and pokok/jasa figures are exact but `ad` is not: for counting classes
        or choosing a page of rows only. Read from the shared cache when it is usable
        (app/storage/loans_arrears_cache.py: exact, denda included)."""
        cached = arrears_cache.entry(
            self.db, as_of, policy, self._filler(as_of, policy), create=loan_ids is None
        )
        params: dict[str, Any] = {}
        if cached is not None:
            only = ""
            if loan_ids is not None:
                only = f" WHERE loan_id IN ({', '.join(str(int(i)) for i in loan_ids) or 'NULL'})"
            sql = f"WITH res AS (SELECT * FROM temp.{cached.table}{only})\n"
        else:
            with_sql, rule_params, named = arrears_sql(
                self.db, as_of, policy, loan_ids, with_denda=with_denda
            )
            sql, params = _bind(with_sql, rule_params, named)
        # `select` may use :d (the date) besides its own `extra` parameters.
        params = {**params, "d": as_of.isoformat(), **(extra or {})}
        return list(self.db.rows(sql + select, params))

    def _filler(self, as_of: date, policy: QualityPolicy) -> arrears_cache.Filler:
        def fill(table: str, loan_ids: Sequence[int] | None) -> None:
            if loan_ids is None:
                loans_positions.refill(self.db)  # the loans written since (in this transaction)
            with_sql, rule_params, named = arrears_sql(self.db, as_of, policy, loan_ids)
            sql, params = _bind(with_sql, rule_params, named)
            names = arrears_cache.NAMES
            self.db.run(
                sql.replace("WITH rules", f"INSERT INTO temp.{table} ({names}) WITH rules", 1)
                + f" SELECT {names} FROM res",
                params,
            )

        return fill

    def prefetch(self, as_of: date, policy: QualityPolicy) -> bool:
        """Start computing every loan's arrears at `as_of` on a connection of its own, for the
        shared cache to take when first asked (app/storage/loans_arrears_cache.prefetch)."""
        if not self.db.in_transaction():
            loans_positions.refill(self.db)
        with_sql, rule_params, named = arrears_sql(self.db, as_of, policy)
        sql, params = _bind(with_sql, rule_params, named)
        select = f" SELECT {arrears_cache.NAMES} FROM res"
        return arrears_cache.prefetch(self.db, as_of, policy, sql + select, params)

    def arrears(
        self, as_of: date, policy: QualityPolicy, loan_ids: Sequence[int] | None = None
    ) -> list[LoanArrears]:
        """Every loan aktif at `as_of` (or those of `loan_ids`), by loan id."""
        whole = None
        if loan_ids is None:
            filler = self._filler(as_of, policy)
            whole = arrears_cache.entry(self.db, as_of, policy, filler)
            if whole is not None and whole.objects is not None:
                # Kept: only the loans computed again since are built again.
                again, whole.rebuild = sorted(whole.rebuild), set()
                for loan_id in again:
                    whole.objects.pop(loan_id, None)
                if again:
                    whole.objects.update((a.loan_id, a) for a in self._built(as_of, policy, again))
                    whole.objects = dict(sorted(whole.objects.items()))
                return list(whole.objects.values())
        found = self._built(as_of, policy, loan_ids)
        if whole is not None:
            whole.objects, whole.rebuild = {a.loan_id: a for a in found}, set()
        return found

    def _built(
        self, as_of: date, policy: QualityPolicy, loan_ids: Sequence[int] | None
    ) -> list[LoanArrears]:
        select = f"SELECT {TUPLE_COLUMNS} FROM res ORDER BY loan_id"
        return arrears_from_tuples(self.query(as_of, policy, select, loan_ids), as_of, policy.name)

    def due_dates(self, loan_ids: Iterable[int], first: date, last: date) -> list[tuple[int, date]]:
        """(loan, due date) of each line of the loans' current schedules due in [first, last]."""
        ids = ", ".join(str(int(i)) for i in loan_ids) or "NULL"
        rows = self.db.rows(
            "SELECT x.loan_id, x.due_date FROM loan_schedule_lines x JOIN loans l"
            " ON l.id = x.loan_id AND l.schedule_version = x.version"
            f" WHERE x.loan_id IN ({ids}) AND x.due_date BETWEEN :first AND :last",
            {"first": first.isoformat(), "last": last.isoformat()},
        )
        return [(r["loan_id"], date.fromisoformat(r["due_date"])) for r in rows]

    def states(self, loan_ids: Iterable[int]) -> dict[int, tuple[LoanStatus, date | None]]:
        """Each loan's status and the day it closed (None: open)."""
        ids = ", ".join(str(int(i)) for i in loan_ids) or "NULL"
        rows = self.db.rows(f"SELECT id, status, closed_on FROM loans WHERE id IN ({ids})")
        return {
            r["id"]: (
                LoanStatus(r["status"]),
                date.fromisoformat(r["closed_on"]) if r["closed_on"] else None,
            )
            for r in rows
        }

    def class_counts(self, as_of: date, policy: QualityPolicy) -> dict[str, tuple[int, int]]:
        """Class code -> (number of loans, outstanding)."""
        rows = self.query(
            as_of,
            policy,
            "SELECT quality, count(*) AS n, sum(outstanding) AS total FROM res GROUP BY quality",
            with_denda=False,
        )
        return {r["quality"]: (r["n"], r["total"]) for r in rows}

    def insert_snapshot(self, run_id: int, as_of: date, policy: QualityPolicy) -> int:
        """Store every loan's row of `res` under month-end run `run_id`; the number stored."""
        with_sql, rule_params, named = arrears_sql(self.db, as_of, policy)
        sql, params = _bind(with_sql, rule_params, named)
        return self.db.run(
            sql.replace(
                "WITH rules",
                "INSERT INTO loan_quality_snapshots (run_id, loan_id,"
                " quality, days_past_due, oldest_due, oldest_pokok_due,"
                " oldest_jasa_due, installments_missed, arrears_pokok, arrears_jasa,"
                " arrears_denda, outstanding, titipan, collateral_value)"
                " WITH rules",
                1,
            )
            + " SELECT :run_id, loan_id, quality, dpd, oldest, opd, ojd, missed, ap, aj, ad,"
            " outstanding, titipan, coll FROM res",
            {**params, "run_id": run_id},
        )
