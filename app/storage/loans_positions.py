"""The stored position of each open loan (`arrears_positions`, schema step 0030), filled in.

A row is what the arrears statement (app/storage/loans_quality_repo.py) needs to know that the
loan is current at a date and what its figures are then, without reading the schedule: at any
date `d` with `valid_from <= d` (every event and denda charge of the version is then settled by
`d`, so the running totals of `loan_balances` are the totals at `d`) and `due_first >= d` or
NULL (every instalment due before `d` is fully paid), the loan has no arrears, no denda
accruing, `outstanding`, the crystallised denda `ad` unpaid and `titipan`. Nothing in a row
depends on "today": a day passing makes a row apply or not, never wrong.

The schema's triggers drop a loan's row when an event, a denda charge or a schedule version of
it is written; `refill` computes the missing rows again (the schema step all of them; then
before every computation of all loans' arrears, app/storage/loans_quality_repo.py: the loans
written since, a few hundred a day at most). A loan without a row, or whose row does not apply
at the date, is computed by the full statement: the stored rows only save work.
"""

from __future__ import annotations

from app.storage.dialect import Dialect
from app.storage.engine import Engine

OPEN = "l.status NOT IN ('diajukan', 'disetujui', 'ditolak') AND l.closed_on IS NULL"
"""The loans a row is kept for: disbursed and not closed (the statement's `act` at any date
after their disbursement)."""


def bullet_sql(d: Dialect, loan: str, version: str) -> str:
    """1 when the loan's pokok is all due with the last instalment (a bullet loan)."""
    return d.flag(
        f"(SELECT x.number FROM loan_schedule_lines x WHERE x.loan_id = {loan}"
        f" AND x.version = {version} AND x.cum_pokok > 0 ORDER BY x.cum_pokok LIMIT 1)"
        f" = (SELECT x.number FROM loan_schedule_lines x WHERE x.loan_id = {loan}"
        f" AND x.version = {version} ORDER BY x.due_date DESC LIMIT 1)"
    )


def last_pay_sql(loan: str, as_of: str | None) -> str:
    """The day of the loan's last payment not reversed (by `as_of`, or ever)."""
    by, rby = (
        ("", "")
        if as_of is None
        else (f" AND e.event_date <= {as_of}", f" AND r.event_date <= {as_of}")
    )
    return (
        f"(SELECT max(e.event_date) FROM loan_events e WHERE e.loan_id = {loan}"
        f" AND e.kind = 'pembayaran'{by} AND NOT EXISTS (SELECT 1"
        f" FROM loan_events r WHERE r.reverses_id = e.id{rby}))"
    )


COLUMNS = (
    "loan_id, version, valid_from, due_first, outstanding, ad, titipan, np, nj, due_np, due_nj,"
    " bullet, last_pay"
)


def refill_sql(d: Dialect) -> str:
    """INSERT the row of every open loan that has none."""
    return f"INSERT INTO arrears_positions ({COLUMNS})\n" + fresh_sql(d, True)


def stale_sql(d: Dialect) -> str:
    """The open loans whose stored row differs from what it would be computed as now (none,
    ever: for `mufakat check`)."""
    return (
        f"SELECT loan_id FROM (SELECT {COLUMNS} FROM arrears_positions p"
        " WHERE EXISTS (SELECT 1 FROM loans l WHERE l.id = p.loan_id"
        f" AND l.schedule_version = p.version AND {OPEN})"
        f"\nEXCEPT SELECT * FROM (\n{fresh_sql(d, False)}) fresh) stale"
    )


def fresh_sql(d: Dialect, missing_only: bool) -> str:
    """The rows of the open loans (those without a row only), computed from their data."""
    missing = (
        " AND NOT EXISTS (SELECT 1 FROM arrears_positions p WHERE p.loan_id = l.id)"
        if missing_only
        else ""
    )
    valid_from = d.greatest(
        "coalesce((SELECT max(e.event_date) FROM loan_events e WHERE e.loan_id = src.id), '')",
        "coalesce((SELECT max(c.charge_date) FROM loan_denda_charges c"
        " WHERE c.loan_id = src.id), '')",
    )
    due_first = d.least(
        "coalesce((SELECT min(x.due_date) FROM loan_schedule_lines x WHERE x.loan_id = src.id"
        " AND x.version = src.v AND x.cum_pokok > src.sp), '9999-12-31')",
        "coalesce((SELECT min(x.due_date) FROM loan_schedule_lines x WHERE x.loan_id = src.id"
        " AND x.version = src.v AND x.cum_jasa > src.sj), '9999-12-31')",
    )
    first = (
        "(SELECT x.number FROM loan_schedule_lines x WHERE x.loan_id = src.id"
        " AND x.version = src.v AND x.cum_{part} > src.s{p} ORDER BY x.cum_{part} LIMIT 1)"
    )
    due = (
        "(SELECT x.due_date FROM loan_schedule_lines x WHERE x.loan_id = pos.id"
        " AND x.version = pos.v AND x.number = pos.{n})"
    )
    return f"""WITH src AS (
  SELECT l.id, l.schedule_version AS v, s.principal, coalesce(b.pokok, 0) AS sp,
    coalesce(b.jasa, 0) AS sj, coalesce(b.denda, 0) AS sd, coalesce(b.titipan, 0) AS st,
    coalesce(b.charged, 0) AS charged
  FROM loans l
  JOIN loan_schedules s ON s.loan_id = l.id AND s.version = l.schedule_version
  LEFT JOIN loan_balances b ON b.loan_id = l.id AND b.version = l.schedule_version
  WHERE {OPEN}{missing}),
pos AS (
  SELECT src.*, {valid_from} AS valid_from, NULLIF({due_first}, '9999-12-31') AS due_first,
    {first.format(part="pokok", p="p")} AS np, {first.format(part="jasa", p="j")} AS nj,
    coalesce({bullet_sql(d, "src.id", "src.v")}, 0) AS bullet,
    {last_pay_sql("src.id", None)} AS last_pay
  FROM src)
SELECT id, v, valid_from, due_first, principal - {d.least("sp", "principal")},
  {d.greatest("0", "charged - sd")}, st, np, nj, {due.format(n="np")}, {due.format(n="nj")},
  bullet, last_pay
FROM pos"""


def refill(db: Engine) -> int:
    """Compute the missing rows (one statement, in its own transaction or the caller's); the
    number written. A row left for a loan closed since is harmless: the statement reads rows
    of open loans only, and a row is exact for its version whatever the loan's other fields."""
    with db.atomic():
        return db.run(refill_sql(db.dialect))


# The loans current at :d by their stored position (app/storage/loans_positions.py): no
# arrears, no denda accruing; the same columns as `fin2` for the class expression.
KEPT = """kept AS MATERIALIZED (
  SELECT l.id AS loan_id, l.rescuable, l.in_court, p.outstanding, p.ad, p.titipan
  FROM arrears_positions p JOIN loans l ON l.id = p.loan_id
  WHERE l.disbursed_on <= :d AND l.status NOT IN ('diajukan', 'disetujui', 'ditolak')
    AND (l.closed_on IS NULL OR l.closed_on > :d){loan_filter} AND {applies}),
keptf AS (
  SELECT k.loan_id, k.outstanding, 0 AS ap, 0 AS aj, k.ad, CAST(NULL AS TEXT) AS opd,
    CAST(NULL AS TEXT) AS ojd, CAST(NULL AS TEXT) AS oldest, 0 AS dpd, 0 AS missed,
    k.titipan, (SELECT coalesce(sum(c.estimated_value), 0) FROM loan_collateral c
      WHERE c.loan_id = k.loan_id AND (c.released_on IS NULL OR c.released_on > :d)) AS coll,
    k.rescuable, k.in_court, 0 AS bullet, CAST(NULL AS TEXT) AS dstart, 1 AS kp,
    CAST(NULL AS TEXT) AS klast
  FROM kept k),
"""


def kept_parts(quality: str, loan_filter: str) -> tuple[str, str, str]:
    """For the arrears statement: the condition leaving out of `act` the loans current by
    their stored position, the CTEs `kept`, `keptf` of those loans, and the rows `res` adds
    for them (`quality`: the class expression over a row named `fin`)."""
    applies = (
        "p.version = l.schedule_version AND p.valid_from <= :d"
        " AND (p.due_first IS NULL OR p.due_first >= :d)"
    )
    not_kept = (
        "\n    AND NOT EXISTS (SELECT 1 FROM arrears_positions p WHERE p.loan_id = l.id"
        f" AND {applies})"
    )
    kept = KEPT.format(applies=applies, loan_filter=loan_filter)
    kept_rows = (
        "\n  UNION ALL\n  SELECT loan_id, outstanding, ap, aj, ad, opd, ojd, oldest, dpd,"
        f" missed, titipan, coll, {quality.replace('fin.loan_id', 'keptf.loan_id')}"
        " AS quality\n  FROM keptf"
    )
    return not_kept, kept, kept_rows
