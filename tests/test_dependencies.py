"""Every third-party module the code imports is declared in pyproject.toml, so the README's
install and test commands work on a fresh machine (issue 9 §10: `yaml` was imported by the
tests but missing from the `[test]` extras)."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("app", "ui", "tests", "scripts", "bench")


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared_distributions(pyproject: Path) -> set[str]:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    specs = list(project.get("dependencies", []))
    for extra in project.get("optional-dependencies", {}).values():
        specs.extend(extra)
    return {_normal(re.split(r"[\s<>=!~\[;]", spec, maxsplit=1)[0]) for spec in specs}


def imported_top_modules(source: str) -> set[str]:
    """Top-level names of absolute imports (relative imports are the project's own)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def local_names(root: Path) -> set[str]:
    """Top-level folders and modules, and the scripts' and benchmarks' sibling modules (they
    import each other by path)."""
    names = {p.name for p in root.iterdir() if p.is_dir()} | {p.stem for p in root.glob("*.py")}
    for folder in FOLDERS:
        if (root / folder).is_dir():
            names.update(p.stem for p in (root / folder).rglob("*.py"))
    return names


def undeclared_imports(root: Path) -> dict[str, str]:
    """module -> one file importing it, for third-party modules no declared distribution gives."""
    declared = declared_distributions(root / "pyproject.toml")
    dists = {mod: {_normal(d) for d in names} for mod, names in packages_distributions().items()}
    local = local_names(root)
    missing: dict[str, str] = {}
    for folder in FOLDERS:
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*.py")):
            for top in imported_top_modules(path.read_text(encoding="utf-8")):
                if top in sys.stdlib_module_names or top in local or top == "__future__":
                    continue
                owners = dists.get(top)
                if owners is None:
                    # Not installed here: cannot be mapped, so it must not be imported at all
                    # (optional imports belong behind a declared extra).
                    missing.setdefault(top, str(path.relative_to(root)))
                elif not owners & declared:
                    missing.setdefault(top, str(path.relative_to(root)))
    return missing


# Modules imported only under a platform guard or only by PyInstaller at build time, which
# a developer machine may lack; each is named with the reason.
OPTIONAL = {
    "PyInstaller": "build extra, imported only by the spec at build time",
}


def test_every_imported_third_party_module_is_declared() -> None:
    missing = {m: f for m, f in undeclared_imports(ROOT).items() if m not in OPTIONAL}
    assert missing == {}, f"imported but not declared in pyproject.toml: {missing}"


def test_the_rule_catches_an_undeclared_import(tmp_path: Path) -> None:
    """The check itself can fail: a project importing yaml without declaring pyyaml."""
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\ndependencies = ["pytest>=8"]\n', encoding="utf-8"
    )
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_x.py").write_text("import yaml\nimport pytest\n", encoding="utf-8")
    assert undeclared_imports(tmp_path) == {"yaml": "tests/test_x.py"}
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\ndependencies = ["pytest>=8", "PyYAML>=6"]\n', encoding="utf-8"
    )
    assert undeclared_imports(tmp_path) == {}


def test_extras_count_as_declared() -> None:
    assert "pyyaml" in declared_distributions(ROOT / "pyproject.toml")
