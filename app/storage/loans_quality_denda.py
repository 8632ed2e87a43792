"""The denda part of the arrears statement (app/storage/loans_quality_repo.py): CTEs dl..dc,
the denda accrued since each instalment's last crystallisation, per loan, in exact integer
arithmetic (the rule's rate and cap as fractions)."""

from __future__ import annotations

from app.storage.dialect import Dialect


def denda_ctes(d: Dialect, start: str, months_begun: str, months_begun_then: str) -> str:
    """CTEs dl..dc: the denda accrued since the last crystallisation, per loan."""
    up = d.greatest("0", d.least("x.pokok", "x.cum_pokok - a.sp"))
    uj = d.greatest("0", d.least("x.jasa", "x.cum_jasa - a.sj"))
    cap = "CASE WHEN cnum IS NULL THEN raw ELSE (inst * cnum * 2 + 100 * cden) / (200 * cden) END"
    extra = d.greatest("0", d.least("raw", "coalesce(r_cap, raw)", cap) + " - chg")
    return f"""dl AS (
  SELECT a.loan_id, a.v, x.number, x.due_date, x.pokok + x.jasa AS inst,
    {up} AS up,
    {uj} AS uj,
    coalesce((SELECT sum(c.amount) FROM loan_denda_charges c WHERE c.loan_id = a.loan_id
      AND c.version = a.v AND c.number = x.number AND c.charge_date <= :d), 0) AS chg,
    (SELECT max(c.charge_date) FROM loan_denda_charges c WHERE c.loan_id = a.loan_id
      AND c.version = a.v AND c.number = x.number AND c.charge_date <= :d) AS chg_on, r.*
  FROM arr a
  JOIN loan_schedule_lines x ON x.loan_id = a.loan_id AND x.version = a.v
    AND x.number BETWEEN a.n_first AND a.n_past
  JOIN rules r ON r.r_basis = a.denda_basis AND r.r_rate = a.denda_rate
    AND r.r_per = a.denda_per AND r.r_grace = a.denda_grace_days
    AND r.r_cap IS NOT DISTINCT FROM a.denda_cap AND r.r_fixed = a.denda_fixed
    AND r.r_caprate IS NOT DISTINCT FROM a.denda_cap_rate
  -- (a line still in its grace days, or paid, accrues nothing: `df` drops it; left out here,
  -- its charges are not read)
  WHERE {d.add_days("x.due_date", "r.r_grace")} < :d AND {up} + {uj} > 0),
dst AS (SELECT dl.*, {start} AS st FROM dl),
-- Materialised: `periods` is read several times below (a sixth of the statement's time when
-- its date arithmetic was repeated for each).
dp AS MATERIALIZED (
  SELECT dst.*, (CASE
    WHEN st >= :d THEN 0
    WHEN r_per = 'day' THEN {d.days_between(":d", "st")}
    ELSE {months_begun} END) - (CASE
    WHEN chg_on IS NULL OR st >= chg_on THEN 0
    WHEN r_per = 'day' THEN {d.days_between("chg_on", "st")}
    ELSE {months_begun_then} END) AS periods
  FROM dst),
df AS (
  SELECT loan_id, v, number, inst, chg, periods, r_cap, cnum, cden,
    chg + CASE r_basis WHEN 'fixed' THEN r_fixed * periods
      ELSE ((CASE r_basis WHEN 'principal' THEN up ELSE up + uj END) * rnum * periods * 2
            + 100 * rden) / (200 * rden) END AS raw
  FROM dp WHERE periods > 0 AND up + uj > 0),
dc AS (
  SELECT loan_id, sum({extra}) AS extra
  FROM df GROUP BY loan_id),
"""
