"""Who runs a command that changes data, and the dates such commands accept (issue 9 §7).

A writing command names its user (`--user NAME`); the password comes from the environment
variable MUFAKAT_PASSWORD (for the Windows Task Scheduler) or is asked without echo. The log-in
goes through UserService.login: same lock-out, same audit as the window; then the role is
checked by the service that does the work."""

from __future__ import annotations

import calendar
import getpass
import os
from collections.abc import Callable
from datetime import date

from app.errors import PermissionDenied, ValidationError
from app.formats import format_date_long
from app.services import Services
from app.users.models import User
from app.users.permissions import Action, require

PASSWORD_ENV = "MUFAKAT_PASSWORD"


def cli_user(
    services: Services,
    username: str | None,
    action: Action,
    ask: Callable[[str], str] | None = None,
    *,
    password: str | None = None,
) -> User:
    """The logged-in user allowed to do `action`, or PermissionDenied/ValidationError.
    `password` is given only by a caller that knows it (the demo's own admin); otherwise it
    comes from MUFAKAT_PASSWORD or is asked."""
    if not username or not username.strip():
        raise ValidationError(
            "Sebutkan siapa yang menjalankan perintah ini: --user NAMA_PENGGUNA "
            f"(kata sandi diminta, atau dari variabel lingkungan {PASSWORD_ENV}).",
            field="username",
        )
    if password is None:
        password = os.environ.get(PASSWORD_ENV)
    if password is None:
        try:
            password = (ask or getpass.getpass)(f"Kata sandi {username.strip()}: ")
        except (EOFError, KeyboardInterrupt):
            raise PermissionDenied("Kata sandi tidak diisi; tidak ada yang diubah.") from None
    user = services.users.login(username.strip(), password)
    require(user, action)
    return user


def month_end_date(text: str, today: date) -> date:
    """The date of a month-end run: a real date, a month's last day, not after today."""
    try:
        as_of = date.fromisoformat(text.strip())
    except (ValueError, OverflowError):
        raise ValidationError(
            f"Tanggal '{text}' tidak sah; tulis tanggal yang ada seperti 2025-08-31.",
            field="as_of",
        ) from None
    if as_of.year < 1900:
        raise ValidationError(
            f"Tanggal {format_date_long(as_of)} tidak masuk akal untuk tutup bulan.",
            field="as_of",
        )
    if as_of > today:
        raise ValidationError(
            f"Tanggal {format_date_long(as_of)} belum lewat: tutup bulan hanya untuk akhir "
            "bulan yang sudah lewat (paling lambat hari ini).",
            field="as_of",
        )
    last = calendar.monthrange(as_of.year, as_of.month)[1]
    if as_of.day != last:
        end = as_of.replace(day=last)
        raise ValidationError(
            f"Tanggal {format_date_long(as_of)} bukan akhir bulan; akhir bulan itu "
            f"{end.isoformat()}.",
            field="as_of",
        )
    return as_of
