"""Errors the user can act on: each carries an Indonesian message fit to show as it is."""

from __future__ import annotations


class AppError(Exception):
    """Base of every error that is shown to the user (the message is Indonesian)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(AppError):
    """Bad input. `field` names the form field that caused it, when there is one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFound(AppError):
    """A record the user asked for does not exist."""


class PermissionDenied(AppError):
    """The logged-in user's role may not do this."""


class StorageError(AppError):
    """The database file could not be used (busy, read-only, damaged, full, …)."""
