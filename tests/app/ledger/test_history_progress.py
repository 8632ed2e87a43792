"""The history posting of an earlier release's file reports (records looked at, records in
all) as it goes, and a cancel at any report leaves nothing: no journal, the history still
pending, and the next open posts exactly what an uncancelled open posts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import app.ledger.history as history
from app.services import Services
from app.storage.check_periods import month_totals

LANDED = Path(__file__).parents[2] / "fixtures" / "mufakat-landed-schema0009.db"


class Cancelled(Exception):
    pass


@pytest.fixture
def old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(history, "PROGRESS_EVERY", 250)
    path = tmp_path / "lama.db"
    shutil.copy(LANDED, path)
    return path


def _journals(services: Services) -> list[tuple[str, int, str]]:
    return [
        (r[0], r[1], r[2])
        for r in services.db.rows("SELECT source, source_id, role FROM journals ORDER BY id")
    ]


def test_progress_counts_up_to_the_total(old_file: Path) -> None:
    services = Services.open(old_file, history=False)
    try:
        assert services.history_pending()
        seen: list[tuple[int, int]] = []
        written = services.post_history(lambda done, total: seen.append((done, total)))
        total = seen[-1][1]
        assert written > 2_000 and total >= written - 1  # every record, one opening at most
        assert seen[-1] == (total, total)
        assert [d for d, _ in seen] == sorted(d for d, _ in seen)
        assert all(t == total for _, t in seen) and len(seen) == total // 250 + 1
        assert not services.history_pending()
        assert services.post_history(lambda *_: None) == 0  # once
    finally:
        services.close()


@pytest.mark.parametrize("stop_at", [1, 5, 10_000])  # first report, midway, the final one
def test_a_cancel_leaves_nothing(old_file: Path, tmp_path: Path, stop_at: int) -> None:
    reference = tmp_path / "utuh.db"
    shutil.copy(LANDED, reference)
    whole = Services.open(reference)
    expected = _journals(whole)
    whole.close()

    services = Services.open(old_file, history=False)
    before = _journals(services)
    calls: list[int] = []

    def cancel(done: int, total: int) -> None:
        calls.append(done)
        if len(calls) >= stop_at or done == total:
            raise Cancelled

    try:
        with pytest.raises(Cancelled):
            services.post_history(cancel)
        assert _journals(services) == before
        assert services.history_pending()
        assert month_totals(services.db.sql.conn) == []
    finally:
        services.close()
    again = Services.open(old_file)  # the next open posts it all
    try:
        assert _journals(again) == expected
        assert not again.history_pending()
    finally:
        again.close()


def _schema(services: Services) -> list[tuple[str, str]]:
    """The journal tables' triggers and indexes as stored (the bulk posting puts some aside)."""
    return [
        (r[0], r[1])
        for r in services.db.rows(
            "SELECT name, sql FROM sqlite_master WHERE tbl_name IN ('journals', 'journal_lines')"
            " AND sql IS NOT NULL ORDER BY name"
        )
    ]


@pytest.mark.parametrize("cancel", [False, True])
def test_the_journal_triggers_and_indexes_are_back_after_the_posting(
    old_file: Path, cancel: bool
) -> None:
    services = Services.open(old_file, history=False)
    try:
        before = _schema(services)
        assert any(name == "journals_balanced" for name, _ in before)

        def tick(done: int, total: int) -> None:
            if cancel and done >= 500:
                raise Cancelled

        if cancel:
            with pytest.raises(Cancelled):
                services.post_history(tick)
        else:
            assert services.post_history(tick) > 0
        assert _schema(services) == before
        assert services.history_pending() is cancel
    finally:
        services.close()
