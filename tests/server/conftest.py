"""A small demo cooperative built once per test session for the office-server tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.demo.generate import generate_demo


@pytest.fixture(scope="session")
def demo_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "koperasi.db"
    generate_demo(path, members=60, seed=7)
    return path


@pytest.fixture
def demo_file(demo_source: Path, tmp_path: Path) -> Path:
    """A copy of the demo file of this test's own (a move writes its audit entry into it)."""
    path = tmp_path / "koperasi.db"
    shutil.copyfile(demo_source, path)
    return path
