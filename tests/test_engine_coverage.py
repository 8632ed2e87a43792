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


def test_the_audit_finds_a_test_on_sqlite_alone(tmp_path: Path) -> None:
    """The audit can fail: an unmarked test is reported, a marked or parametrised one is not."""
    sample = tmp_path / "test_sample.py"
    sample.write_text(
        "import pytest\n\n"
        "def test_unclaimed(tmp_path):\n    pass\n\n"
        "@pytest.mark.sqlite_only('the file lock')\ndef test_said_why():\n    pass\n\n"
        "@pytest.mark.no_database\ndef test_pure():\n    pass\n\n"
        "def test_both(engine):\n    pass\n",
        encoding="utf-8",
    )
    found = _unclaimed("-c", "pyproject.toml", "-p", "tests.engines", "-p", "tests.pg", str(sample))
    assert [line.split("::")[1] for line in found] == ["test_unclaimed"]
