"""HOUSE_STYLE layering: no Qt under app/, no sqlite outside app/storage/, app never imports ui."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _files(folder: str) -> list[Path]:
    found = sorted((ROOT / folder).rglob("*.py"))
    assert found, f"no Python files under {folder}/"
    return found


def _top(name: str) -> str:
    return name.split(".")[0]


def test_no_qt_under_app() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for p in _files("app")
        if any(_top(n) == "PySide6" for n in _imports(p))
    ]
    assert offenders == []


def test_app_never_imports_ui() -> None:
    offenders = [
        str(p.relative_to(ROOT)) for p in _files("app") if any(_top(n) == "ui" for n in _imports(p))
    ]
    assert offenders == []


def test_sqlite_only_in_storage() -> None:
    offenders = []
    for folder in ("app", "ui"):
        for path in _files(folder):
            if path.is_relative_to(ROOT / "app" / "storage"):
                continue
            if any(_top(n) in ("sqlite3", "sqlite_utils") for n in _imports(path)):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_storage_does_not_import_services_or_ui() -> None:
    offenders = []
    for path in _files("app/storage"):
        for name in _imports(path):
            if _top(name) == "ui" or name.endswith(".service") or name == "app.services":
                offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert offenders == []


def test_layering_checker_sees_violations(tmp_path: Path) -> None:
    """The checker itself must be able to fail."""
    bad = tmp_path / "bad.py"
    bad.write_text("import sqlite3\nfrom PySide6.QtWidgets import QWidget\n", encoding="utf-8")
    assert {"sqlite3", "PySide6.QtWidgets"} <= _imports(bad)
