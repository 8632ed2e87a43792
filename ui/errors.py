"""The one way an `AppError` reaches the user.

A form that has the field shows a `ValidationError` in red under it; every other AppError
goes to the form's general label, or — without a form — into a plain warning box
(`ui.widgets.messages.warn`, which tests answer by monkeypatching). What the user typed stays
as it was. Anything that is not an AppError is a bug: ui/excepthook.py logs it."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.errors import AppError, ValidationError
from ui.widgets import messages
from ui.widgets.form import FieldErrors


def default_title() -> str:
    return QCoreApplication.translate("errors", "Tidak bisa dilanjutkan")


def show_error(
    parent: QWidget | None,
    exc: AppError,
    title: str = "",
    *,
    errors: FieldErrors | None = None,
    fields: Iterable[str] | None = None,
    at: str | None = None,
    template: str = "{reason}",
) -> None:
    """Show `exc.message` to the user.

    errors: the form's field errors — the message goes under its field when the error names
    one the form shows (limited to `fields` when given), else into the general label.
    at: the field the error belongs to whatever it names (e.g. a PermissionDenied of the
    approver), when the form has it.
    template: the message box text, `{reason}` standing for the error's message."""
    if errors is not None:
        field = exc.field if isinstance(exc, ValidationError) else None
        if field is not None and fields is not None and field not in set(fields):
            field = None
        field = at or field
        if field is not None and errors.has_field(field):
            errors.show(field, exc.message)
            return
        if errors.general is not None:
            errors.show(None, exc.message)
            return
    messages.warn(parent, title or default_title(), template.format(reason=exc.message))
