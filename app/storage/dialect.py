"""The few SQL forms that differ between SQLite and PostgreSQL (issue 15, OFFICE_SERVER.md §4).

Repositories keep raw SQL written once in the forms both engines accept — named `:name`
parameters, `INSERT … RETURNING id`, `ON CONFLICT … DO NOTHING / DO UPDATE` with qualified
columns, `IS DISTINCT FROM`, integer flags compared with `= 1`, `COLLATE nocase` for ordering and
equality — and ask their engine's `dialect` for the rest: scalar greatest/least, string
aggregation, case-insensitive LIKE and a condition turned into a 0/1 integer.

`COLLATE nocase` is portable because the PostgreSQL schema creates an ICU collation of that name
(case-insensitive, `deterministic = false`); PostgreSQL 15 refuses LIKE on such a collation, so
case-insensitive matching goes through `ci_like` (ILIKE there).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

SQLITE_NAME = "sqlite"
POSTGRES_NAME = "postgresql"


@dataclass(frozen=True)
class Dialect:
    name: str

    @property
    def is_postgres(self) -> bool:
        return self.name == POSTGRES_NAME

    def greatest(self, *exprs: str) -> str:
        """The largest of several values in one row (SQLite's scalar max). A NULL argument:
        SQLite's max() gives NULL, PostgreSQL's greatest() skips it — guard a nullable one."""
        return f"{'greatest' if self.is_postgres else 'max'}({', '.join(exprs)})"

    def least(self, *exprs: str) -> str:
        """The smallest of several values in one row (SQLite's scalar min); NULLs as
        `greatest`."""
        return f"{'least' if self.is_postgres else 'min'}({', '.join(exprs)})"

    def string_agg(self, expr: str, separator: str = ",") -> str:
        """Values of a group joined by `separator` (a literal: no quote in it)."""
        if "'" in separator:
            raise ValueError("separator must not contain a quote")
        if self.is_postgres:
            return f"string_agg(CAST({expr} AS text), '{separator}')"
        return f"group_concat({expr}, '{separator}')"

    def ci_like(self, expr: str, pattern: str) -> str:
        """`expr` matches the LIKE `pattern` ignoring case (ASCII case on SQLite, as today)."""
        return f"{expr} {'ILIKE' if self.is_postgres else 'LIKE'} {pattern}"

    def ci_contains(self, expr: str, param: str) -> str:
        """`expr` contains the text of `param` ignoring case, where `param` holds
        `contains_pattern(text)` (its `%`, `_` and `\\` taken literally)."""
        return f"{self.ci_like(expr, param)} ESCAPE '\\'"

    def no_index(self, expr: str) -> str:
        """`expr` in ORDER BY or WHERE without SQLite choosing an index for it (a unary `+`:
        a scan and a sort beat a random read per row when every row is read anyway)."""
        return expr if self.is_postgres else f"+{expr}"

    def indexed_by(self, index: str) -> str:
        """` INDEXED BY index` after a table of a FROM clause: SQLite made to read through that
        index (PostgreSQL's planner chooses for itself: nothing)."""
        return "" if self.is_postgres else f" INDEXED BY {index}"

    def days_between(self, later: str, earlier: str) -> str:
        """Whole days from the ISO date `earlier` to the ISO date `later` (negative when
        `later` is before; NULL when either is NULL)."""
        if self.is_postgres:
            return f"(CAST({later} AS date) - CAST({earlier} AS date))"
        return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"

    def add_days(self, iso_date: str, days: str) -> str:
        """The ISO date (text 'YYYY-MM-DD') `days` (an integer expression) after `iso_date`."""
        if self.is_postgres:
            return f"CAST(CAST({iso_date} AS date) + CAST({days} AS integer) AS text)"
        return f"date({iso_date}, ({days}) || ' days')"

    def add_months(self, iso_date: str, months: int) -> str:
        """The ISO date `months` calendar months after `iso_date`, clamped at the month's end
        like app.formats.add_months (31 January + 1 month = the last day of February).
        SQLite's own '+n months' overflows into the next month, so it is built from the first
        of the month plus the day, capped at the target month's last day."""
        if self.is_postgres:
            later = f"CAST({iso_date} AS date) + interval '{int(months)} months'"
            return f"CAST(CAST({later} AS date) AS text)"
        day = f"CAST(substr({iso_date}, 9, 2) AS INTEGER)"
        end = f"date({iso_date}, 'start of month', '+{int(months) + 1} months', '-1 day')"
        last_day = f"CAST(strftime('%d', {end}) AS INTEGER)"
        return (
            f"date({iso_date}, 'start of month', '+{int(months)} months', "
            f"'+' || (min({day}, {last_day}) - 1) || ' days')"
        )

    def flag(self, condition: str) -> str:
        """A condition as an integer 0/1 (SQLite gives integers for comparisons already)."""
        if self.is_postgres:
            return f"CASE WHEN {condition} THEN 1 ELSE 0 END"
        return f"({condition})"

    def insert_ignore(self, table: str, columns: tuple[str, ...]) -> str:
        """INSERT of named parameters that does nothing when a unique key already holds the row
        (SQLite ≥ 3.24 and PostgreSQL share the form)."""
        names = ", ".join(columns)
        values = ", ".join(f":{c}" for c in columns)
        return f"INSERT INTO {table} ({names}) VALUES ({values}) ON CONFLICT DO NOTHING"


def contains_pattern(text: str) -> str:
    """A LIKE pattern (for `Dialect.ci_contains`) matching any text that contains `text`."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


SQLITE = Dialect(SQLITE_NAME)
POSTGRES = Dialect(POSTGRES_NAME)

_TOKEN = re.compile(
    r"""'(?:[^']|'')*'"""  # string literal, kept
    r'''|"(?:[^"]|"")*"'''  # quoted identifier, kept
    r"""|--[^\n]*"""  # comment, kept
    r"""|::"""  # a PostgreSQL cast, kept
    r"""|:([A-Za-z_]\w*)"""  # a named parameter
    r"""|\?"""  # a positional parameter
    r"""|%"""  # a literal percent sign: doubled for psycopg
)


@functools.lru_cache(maxsize=4096)
def to_pyformat(sql: str) -> str:
    """SQLite-style parameters (`:name`, `?`) as psycopg's (`%(name)s`, `%s`); string literals,
    quoted identifiers, comments and `::` casts are left alone, and every `%` is doubled (the
    query must then always be run with parameters, an empty tuple when there are none)."""

    def swap(match: re.Match[str]) -> str:
        token = match.group(0)
        if match.group(1) is not None:
            return f"%({match.group(1)})s"
        if token == "?":
            return "%s"
        if token == "%":
            return "%%"
        if token.startswith(("'", '"', "--")):
            return token.replace("%", "%%")  # psycopg reads every % of a query with parameters
        return token

    return _TOKEN.sub(swap, sql)
