"""A small demo cooperative built once per test session for the office-server tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def demo_source(pg_demo_file: Path) -> Path:
    """The 60-member demo (seed 7) of tests/pg_demo.py: built once for both."""
    return pg_demo_file


@pytest.fixture
def demo_file(demo_source: Path, tmp_path: Path) -> Path:
    """A copy of the demo file of this test's own (a move writes its audit entry into it)."""
    path = tmp_path / "koperasi.db"
    shutil.copyfile(demo_source, path)
    return path
