"""`mufakat export KIND`: what the program holds, written in the columns its import reads, so
an export imports back into an empty cooperative unchanged (the round trip of issue 14 §5)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.errors import ValidationError
from app.imports import members, savings
from app.imports.template import write_rows
from app.members.models import MemberStatus
from app.storage.imports_repo import ImportsRepository

if TYPE_CHECKING:
    from app.services import Services


def _member_values(row: tuple[Any, ...]) -> list[Any]:
    values = list(row)
    for index in (5, 16, 18):  # birth date, join date, status date
        values[index] = date.fromisoformat(values[index]) if values[index] else None
    values[17] = MemberStatus(values[17]).label
    return values


def export_kind(services: Services, kind: str, path: Path, as_of: date | None = None) -> int:
    repo = ImportsRepository(services.db)
    if kind == "members":
        return write_rows(path, members.COLUMNS, (_member_values(r) for r in repo.member_rows()))
    if kind == "savings":
        day = as_of or date.today()
        rows = ([*r, day] for r in repo.balance_rows(day.isoformat()))
        return write_rows(path, savings.COLUMNS, rows)
    if kind in ("loans", "cases"):
        from app.imports.export_lists import export_list

        return export_list(services, kind, path, as_of or date.today())
    raise ValidationError(
        f"Jenis ekspor '{kind}' tidak dikenal; pilih members, savings, loans atau cases."
    )
