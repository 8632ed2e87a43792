"""The dated account mapping (`account_roles`, `payment_method_accounts`) held in memory, for
the code that resolves it for many events at once: the history posting and the demo
(app/ledger/bulk.py), `mufakat check`'s replay (app/storage/check_replay.py). One posting
asks it for every line of every journal; a query each (app/storage/ledger_accounts_repo) would
be most of the time of a large file.

Resolved exactly as those queries do: of the rows in force on the date (`valid_from` ≤ it),
the product's own row before the general one, then the latest `valid_from`, then the latest
id. A mapping change dated D therefore never re-routes an event dated before D. The answer
only changes where a `valid_from` lies, so the rows' distinct `valid_from` dates cut time into
spans, and each (span, product) gets one resolver whose answers are remembered."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from datetime import date

from app.errors import ValidationError

RoleRow = tuple[int, str, int | None, str, str]
"""An account_roles row: (id, role, product_id or None, valid_from as ISO text, account)."""
MethodRow = tuple[int, str, str, str]
"""A payment_method_accounts row: (id, method, valid_from as ISO text, account)."""
Missing = Callable[[str, str], Exception]
"""(what: "role" or "method", its name) → the error to raise when nothing is mapped."""


def unmapped(what: str, name: str) -> Exception:
    """What posting says when a component or a payment method has no account (the messages
    of app/ledger/accounts.DbResolver)."""
    if what == "role":
        return ValidationError(f"Akun untuk komponen '{name}' belum diatur (Pengaturan → Akun).")
    return ValidationError(
        f"Cara bayar '{name}' belum dihubungkan ke akun Kas atau Bank (Pengaturan → Akun)."
    )


class DatedMapping:
    """The mapping read once (its rows in any order); `resolver(on, product_id)` is what
    `app.ledger.rules` asks; `missing` makes the error of an unmapped role or method."""

    def __init__(
        self, roles: Iterable[RoleRow], methods: Iterable[MethodRow], missing: Missing
    ) -> None:
        self.missing = missing
        # each name's rows newest first: latest valid_from, then latest id
        self.roles: dict[str, list[tuple[str, int | None, str]]] = {}
        for _, role, product, valid_from, account in sorted(
            roles, key=lambda r: (r[3], r[0]), reverse=True
        ):
            self.roles.setdefault(role, []).append((valid_from, product, account))
        self.methods: dict[str, list[tuple[str, str]]] = {}
        for _, method, valid_from, account in sorted(
            methods, key=lambda r: (r[2], r[0]), reverse=True
        ):
            self.methods.setdefault(method, []).append((valid_from, account))
        starts = {v for rows in self.roles.values() for v, _, _ in rows}
        starts |= {v for rows in self.methods.values() for v, _ in rows}
        self.starts = sorted(starts)
        self._by_day: dict[tuple[date, int | None], MappingResolver] = {}
        self._by_span: dict[tuple[int, int | None], MappingResolver] = {}

    def resolver(self, on: date, product_id: int | None = None) -> MappingResolver:
        """The mapping in force on `on` for `product_id` (None: the general rows only)."""
        key = (on, product_id)
        found = self._by_day.get(key)
        if found is None:
            span = bisect_right(self.starts, on.isoformat())  # rows of starts[:span] in force
            found = self._by_span.get((span, product_id))
            if found is None:
                found = self._by_span[(span, product_id)] = MappingResolver(
                    self, self.starts[span - 1] if span else "", product_id
                )
            self._by_day[key] = found
        return found

    def accounts_of(self, roles: Iterable[str]) -> set[str]:
        """Every account `roles` have ever been mapped to (any date, any product)."""
        return {account for role in roles for _, _, account in self.roles.get(role, ())}

    def role_account(self, role: str, on: str, product_id: int | None) -> str | None:
        """The account of `role` on the ISO date `on` (the product's own row first)."""
        general: str | None = None
        for valid_from, product, account in self.roles.get(role, ()):
            if valid_from > on:
                continue
            if product is None:
                if general is None:
                    general = account
            elif product == product_id:
                return account
        return general

    def method_account(self, method: str, on: str) -> str | None:
        for valid_from, account in self.methods.get(method, ()):
            if valid_from <= on:
                return account
        return None


class MappingResolver:
    """The mapping of one span of dates for one product (app.ledger.models.Resolver); its
    answers are remembered."""

    __slots__ = ("_methods", "_roles", "mapping", "on", "product_id")

    def __init__(self, mapping: DatedMapping, on: str, product_id: int | None) -> None:
        # `on`: the latest valid_from in force (every date of the span resolves alike)
        self.mapping, self.on, self.product_id = mapping, on, product_id
        self._roles: dict[str, str] = {}
        self._methods: dict[str, str] = {}

    def role(self, role: str) -> str:
        found = self._roles.get(role)
        if found is None:
            found = self.mapping.role_account(role, self.on, self.product_id)
            if found is None:
                raise self.mapping.missing("role", role)
            self._roles[role] = found
        return found

    def method(self, method: str) -> str:
        found = self._methods.get(method)
        if found is None:
            found = self.mapping.method_account(method, self.on)
            if found is None:
                raise self.mapping.missing("method", method)
            self._methods[method] = found
        return found
