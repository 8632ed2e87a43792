"""Every storage test runs on both engines or says why it cannot (issue 15 §4): a test in
tests/storage that reaches neither engine's parametrisation (`engine`, `both_engines`, a
PostgreSQL fixture) must carry `@pytest.mark.sqlite_only("why")` (tests/engines.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.engines import AUDIT

ROOT = Path(__file__).resolve().parents[1]


def _unclaimed(*paths: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *paths],
        cwd=ROOT,
        env={**os.environ, AUDIT: "1"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode in (0, 5), done.stdout + done.stderr  # 5: nothing collected
    return [line for line in done.stdout.splitlines() if "::" in line]


def test_every_storage_test_runs_on_both_engines_or_says_why() -> None:
    assert _unclaimed("tests/storage") == []


def test_the_audit_finds_a_test_on_sqlite_alone() -> None:
    """The audit can fail: a SQLite-only test of the services is reported."""
    found = _unclaimed("tests/app/test_members_service.py")
    assert found and all("test_members_service.py::" in line for line in found)
