"""Every loan's arrears computed ahead on a read-only connection of its own (while the log-in
window waits: app/storage/loans_arrears_cache.prefetch) are taken only when nothing was
written since, here or by another connection; otherwise they are computed afresh."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

from app.services import Services
from app.storage import loans_arrears_cache as cache
from app.users.models import User
from tests.app.loans.test_arrears_cache import LATER, _direct
from tests.app.loans.test_arrears_cache import template as template

AS_OF = date(2025, 6, 11)


def _open(template: tuple[Path, User, list[int]], tmp_path: Path, name: str) -> Services:
    path = tmp_path / name
    shutil.copy(template[0], path)
    return Services.open(path, accept_older=True)


def test_taken_when_nothing_was_written(
    template: tuple[Path, User, list[int]], tmp_path: Path
) -> None:
    services = _open(template, tmp_path, "taken.db")
    try:
        assert services.loans.quality.prefetch_all(AS_OF)
        assert not services.loans.quality.prefetch_all(AS_OF)  # one at a time
        found = services.loans.quality.all_arrears(AS_OF)
        assert cache.prefetched(services.db) == 1
        assert found == _direct(services, AS_OF) and len(found) == len(template[2])
        # and kept up to date afterwards like any table of the cache
        services.loans.payments.record_payment(
            template[1], template[2][0], 700_000, date(2025, 6, 1), "tunai", today=LATER
        )
        assert services.loans.quality.all_arrears(AS_OF) == _direct(services, AS_OF)
        assert cache.stats(services.db) == (1, 1)
    finally:
        services.close()


def test_refused_after_a_write_here(template: tuple[Path, User, list[int]], tmp_path: Path) -> None:
    _, ketua, loans = template
    services = _open(template, tmp_path, "here.db")
    try:
        services.loans.quality.prefetch_all(AS_OF)
        ahead = cache.wait_prefetch(services.db)
        assert ahead is not None
        services.loans.payments.record_payment(
            ketua, loans[3], 2_000_000, date(2025, 5, 2), "tunai", today=LATER
        )
        found = services.loans.quality.all_arrears(AS_OF)
        assert cache.prefetched(services.db) == 0
        assert found == _direct(services, AS_OF)
        # what was computed ahead is out of date: taking it would have been wrong
        fresh = services.loans.quality.repo.query(
            AS_OF, services.loans.quality.policy(), f"SELECT {cache.NAMES} FROM res"
        )
        assert sorted(tuple(r) for r in fresh) != sorted(ahead)
    finally:
        services.close()


def test_refused_after_another_connection_s_commit(
    template: tuple[Path, User, list[int]], tmp_path: Path
) -> None:
    services = _open(template, tmp_path, "other.db")
    try:
        services.loans.quality.prefetch_all(AS_OF)
        assert cache.wait_prefetch(services.db) is not None
        other = sqlite3.connect(services.db.path)
        other.execute("UPDATE loans SET in_court = 1 WHERE id = ?", (template[2][1],))
        other.commit()
        other.close()
        found = {a.loan_id: a for a in services.loans.quality.all_arrears(AS_OF)}
        assert cache.prefetched(services.db) == 0
        assert found[template[2][1]].quality == "M"
        assert list(found.values()) == _direct(services, AS_OF)
    finally:
        services.close()


def test_not_started_inside_a_transaction(
    template: tuple[Path, User, list[int]], tmp_path: Path
) -> None:
    services = _open(template, tmp_path, "inside.db")
    try:
        with services.db.atomic():
            assert not services.loans.quality.prefetch_all(AS_OF)
        assert services.loans.quality.prefetch_all(AS_OF)
        assert services.loans.quality.all_arrears(date(2025, 7, 1)) == _direct(
            services, date(2025, 7, 1)
        )  # another date: computed, the prefetch left waiting
        assert cache.prefetched(services.db) == 0
        assert services.loans.quality.all_arrears(AS_OF) == _direct(services, AS_OF)
        assert cache.prefetched(services.db) == 1
    finally:
        services.close()
