"""The real services on the office server (issue 15): `Services.open(postgresql://…)` on a demo
cooperative moved to the throw-away PostgreSQL server (tests/pg_demo.py), used as the window
uses them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest

from app.changes import Kind
from app.services import Services
from app.storage.file_only import NotOnServer
from app.users.models import User
from tests.pg_demo import ADMIN_PASSWORD

TODAY = date(2026, 12, 8)


@pytest.fixture
def services(pg_demo_url: str) -> Iterator[Services]:
    opened = Services.open(pg_demo_url)
    yield opened
    opened.close()


@pytest.fixture
def admin(services: Services) -> User:
    return services.users.login("admin", ADMIN_PASSWORD, now=datetime(2026, 12, 8, 9))


def _pokok(services: Services, loan_id: int) -> int:
    """The principal paid on the loan so far (its latest balance row, kept by the server's
    trigger)."""
    return int(
        services.db.scalar(
            "SELECT pokok FROM loan_balances WHERE loan_id = :l ORDER BY version DESC LIMIT 1",
            {"l": loan_id},
        )
    )


def _journal_lines(services: Services, source: str, source_id: int) -> list[tuple[str, int, int]]:
    rows = services.db.rows(
        "SELECT l.account, l.debit, l.credit FROM journal_lines l"
        " JOIN journals j ON j.id = l.journal_id"
        " WHERE j.source = :s AND j.source_id = :i ORDER BY l.account, l.id",
        {"s": source, "i": source_id},
    )
    return [(r["account"], r["debit"], r["credit"]) for r in rows]


def test_a_loan_payment_on_the_server_is_booked(services: Services, admin: User) -> None:
    assert services.on_server and not services.history_pending()
    loan_id = services.db.scalar("SELECT min(id) FROM loans WHERE status = 'aktif'")
    before = _pokok(services, loan_id)
    payment = services.loans.payments.record_payment(
        admin, loan_id, 100_000, TODAY, "tunai", today=TODAY
    )
    assert payment.pokok + payment.jasa + payment.denda + payment.titipan == 100_000
    assert _pokok(services, loan_id) == before + payment.pokok
    lines = _journal_lines(services, "angsuran", payment.id)
    assert sum(d for _, d, _ in lines) == sum(c for _, _, c in lines) == 100_000
    assert Kind.LOANS in services.changes.pending and Kind.BOOKS in services.changes.pending


def test_what_only_a_file_does_is_refused_plainly(services: Services) -> None:
    with pytest.raises(NotOnServer, match="server kantor"):
        services.backups.recent()
    with pytest.raises(NotOnServer):
        _ = services.path
    assert services.where.startswith("postgresql://") and "@" in services.where
