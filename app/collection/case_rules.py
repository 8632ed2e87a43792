"""Small rules every collection service shares: who may work on cases, how a business event
is time-stamped in a case's history, the order of the quality classes."""

from __future__ import annotations

from datetime import date, datetime, time

from app.clock import now_text
from app.collection.models import CAUSES
from app.errors import PermissionDenied, ValidationError
from app.formats import format_count
from app.loans.models import LoanArrears
from app.loans.quality import CLASS_ORDER, class_label
from app.users.models import User
from app.users.permissions import Action, can


def rank(quality: str) -> int:
    return CLASS_ORDER.index(quality) if quality in CLASS_ORDER else 0


def threshold_reason(arrears: LoanArrears, min_class: str, days: int) -> str | None:
    """Why this loan needs a case under the settings' class and days late, or None (DOMAIN §7;
    the settings read once by the caller: open_due_cases asks it of every loan aktif)."""
    if min_class and min_class in CLASS_ORDER and rank(arrears.quality) >= rank(min_class):
        return f"Kolektibilitas {class_label(arrears.quality)}"
    if days and arrears.days_past_due >= days:
        return f"Terlambat {format_count(arrears.days_past_due, 'hari')}"
    return None


def require_handler(actor: User) -> None:
    """Working on cases: staff record contacts, the manajer and pengurus propose."""
    if not (can(actor, Action.RECORD_CONTACT) or can(actor, Action.PROPOSE)):
        raise PermissionDenied("Peran Anda tidak boleh mengurus kasus pinjaman bermasalah.")


def stamp(on: date | datetime, today: date | None = None) -> str:
    """When a business event happened, for the case's history: a contact's own time; for a
    date, the current time when it is today, else midday of that date."""
    if isinstance(on, datetime):
        return on.replace(microsecond=0).isoformat()
    if today is not None and on == today:
        return now_text()
    return datetime.combine(on, time(12, 0)).isoformat()


def check_causes(codes: tuple[str, ...]) -> None:
    """Every cause code is one the cooperative knows (ValidationError at `causes`)."""
    unknown = [c for c in codes if c not in CAUSES]
    if unknown:
        raise ValidationError(f"Penyebab tidak dikenal: {', '.join(unknown)}.", field="causes")
