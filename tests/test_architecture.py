"""Architecture guards (issue 11): the layers stay apart and the code stays in small pieces.

Each guard carries an allow-list of what is true today. The lists can only shrink: a new
offender fails its test, and an entry that is no longer an offender fails too (remove it from
the list when you fix it). Issue 11 is removing every entry."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUDGET = 450  # lines per module

# -- allow-lists (only ever shrink; issue 11 is removing them) ----------------------------------

UI_IMPORTS_STORAGE: set[str] = set()
"""ui/ modules that still import app.storage (the UI should see services and app types only)."""

KNOWN_CYCLES: list[set[str]] = []
"""Import cycles inside app/ today; a cycle may shrink or split, never grow or appear."""

OVER_BUDGET: set[str] = set()
"""Modules (outside tests/) longer than BUDGET lines today."""

SQL_OUTSIDE_STORAGE: set[str] = set()
"""Modules outside app/storage/ that still hold SQL statements."""

OWN_NUMBER_LOOPS: set[str] = set()
"""Modules with their own "next number" loop instead of app.numbering's next_number."""

# -- helpers ----------------------------------------------------------------------------------

SQL = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|WITH)\b", re.IGNORECASE | re.MULTILINE)


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _files(*folders: str) -> list[Path]:
    found = sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py"))
    assert found, f"no Python files under {folders}"
    return found


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _check_allow_list(offenders: set[str], allowed: set[str], what: str) -> None:
    new = sorted(offenders - allowed)
    assert not new, f"new {what}: {new}"
    fixed = sorted(allowed - offenders)
    assert not fixed, f"no longer {what} (remove from the allow-list): {fixed}"


# -- ui/ never imports app.storage ------------------------------------------------------------


def _imports_storage(tree: ast.Module) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
            if node.module == "app":
                names += [f"app.{alias.name}" for alias in node.names]
        else:
            continue
        if any(n == "app.storage" or n.startswith("app.storage.") for n in names):
            return True
    return False


def test_ui_never_imports_storage() -> None:
    offenders = {_rel(p) for p in _files("ui") if _imports_storage(_tree(p))}
    _check_allow_list(offenders, UI_IMPORTS_STORAGE, "ui/ modules importing app.storage")


def test_ui_models_never_import_storage() -> None:
    """The table models are clean already: they stay so."""
    assert not any(_imports_storage(_tree(p)) for p in _files("ui/models"))


def test_storage_guard_sees_every_form_of_import() -> None:
    for text in (
        "import app.storage.db",
        "from app.storage.backup import BackupInfo",
        "from app import storage",
        "def f():\n    from app.storage import db\n",
    ):
        assert _imports_storage(ast.parse(text)), text
    for text in ("from app import services", "from app.backups import BackupInfo", "import app"):
        assert not _imports_storage(ast.parse(text)), text


# -- ui/ sees services, never their repositories or the database ------------------------------

HIDDEN_ATTRIBUTES = {"repo", "db", "sql", "conn"}
"""What a service keeps to itself: its repository, the database, the raw connection."""


def hidden_reaches(tree: ast.Module) -> list[str]:
    """`x.repo`, `x.db`, `x.sql`, `x.conn` (any attribute access of those names, `self.`
    included: a widget has no business holding one either)."""
    return sorted(
        {
            f"{ast.unparse(node.value)}.{node.attr}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and node.attr in HIDDEN_ATTRIBUTES
        }
    )


def test_ui_never_reaches_a_repository_or_the_database() -> None:
    offenders = {_rel(p): hidden_reaches(_tree(p)) for p in _files("ui")}
    assert not {path: found for path, found in offenders.items() if found}


def test_hidden_reach_scan_sees_every_form() -> None:
    code = (
        "a = services.savings.repo.totals()\n"
        "b = self.services.db.path\n"
        "c = services.db.sql.conn\n"
        "d = getattr(services, 'db')\n"  # dynamic access is not looked for
        "e = services.documents.search(q)\n"
        'f = "koperasi.db"\n'
    )
    assert hidden_reaches(ast.parse(code)) == [
        "self.services.db",
        "services.db",
        "services.db.sql",
        "services.db.sql.conn",
        "services.savings.repo",
    ]


# -- no raw connection outside app/storage/ ---------------------------------------------------

RAW_CONNECTION = {"sql", "conn", "connection"}
"""`Database.sql` (the sqlite-utils handle) and its `.conn` skip the error translation."""


def raw_connection_uses(tree: ast.Module) -> list[int]:
    return sorted(
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr in RAW_CONNECTION
    )


def test_no_raw_connection_outside_storage() -> None:
    storage = ROOT / "app" / "storage"
    offenders = {
        _rel(p): lines
        for p in _files("app", "ui")
        if not p.is_relative_to(storage) and (lines := raw_connection_uses(_tree(p)))
    }
    assert not offenders


def test_raw_connection_scan() -> None:
    code = "a = db.sql.conn.execute('x')\nb = services.db.sql\nc = db.rows('x')\n"
    assert raw_connection_uses(ast.parse(code)) == [1, 1, 2]


# -- one next_number ----------------------------------------------------------------------------


def own_number_loops(tree: ast.Module) -> list[int]:
    """`while` loops that take sequence values themselves (a call to `next_value`)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.While):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Call):
                    func = inner.func
                    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                    if name == "next_value":
                        found.append(node.lineno)
                        break
    return found


def test_one_next_number() -> None:
    offenders = {
        _rel(p)
        for p in _files("app")
        if _rel(p) != "app/numbering.py" and own_number_loops(_tree(p))
    }
    _check_allow_list(offenders, OWN_NUMBER_LOOPS, 'modules with their own "next number" loop')


def test_number_loop_scan() -> None:
    code = (
        "while True:\n    seq = sequences.next_value(db, 'x', 0)\n"
        "while True:\n    seq = next_value(db, 'x', 0)\n"
        "seq = next_value(db, 'x', 0)\n"
    )
    assert own_number_loops(ast.parse(code)) == [1, 3]


# -- one place for permissions ------------------------------------------------------------------

ROLE_CHECKS_IN_UI: set[str] = set()
"""ui/ modules that still decide by comparing roles (app/users/permissions.py decides)."""


def _is_role(node: ast.expr) -> bool:
    if isinstance(node, ast.Attribute):
        if isinstance(node.value, ast.Name) and node.value.id == "Role":
            return True  # Role.KETUA
        return node.attr in {"role", "role_value"}  # user.role, vote.role
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return any(_is_role(e) for e in node.elts)
    return False


def role_comparisons(tree: ast.Module) -> list[int]:
    """Lines comparing a role: `user.role == Role.X`, `role in (Role.X, …)`, `Role.X != r`."""
    return sorted(
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Compare)
        and any(_is_role(e) for e in (node.left, *node.comparators))
    )


def test_ui_leaves_permissions_to_app_users_permissions() -> None:
    offenders = {_rel(p) for p in _files("ui") if role_comparisons(_tree(p))}
    _check_allow_list(offenders, ROLE_CHECKS_IN_UI, "ui/ modules comparing roles")


def test_role_comparison_scan() -> None:
    code = (
        "a = user.role == Role.KETUA\n"
        "b = user.role in (Role.MANAJER, Role.PENGURUS)\n"
        "c = Role.ADMIN != r\n"
        "d = v.role == 'ketua'\n"
        "e = role == Qt.ItemDataRole.DisplayRole\n"
        "f = can(user, Action.PROPOSE)\n"
    )
    assert role_comparisons(ast.parse(code)) == [1, 2, 3, 4]


# -- no import cycles inside app/ -------------------------------------------------------------


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _module_level_imports(tree: ast.Module) -> Iterator[ast.Import | ast.ImportFrom]:
    """Imports run when the module loads, and `if TYPE_CHECKING:` ones (a dependency all the
    same); not those inside functions."""
    stack: list[ast.stmt] = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If):
            stack += node.body + node.orelse
        elif isinstance(node, ast.Try):
            stack += node.body + node.orelse + node.finalbody
            stack += [s for handler in node.handlers for s in handler.body]


def import_graph(files: dict[str, ast.Module], packages: set[str]) -> dict[str, set[str]]:
    """module -> the modules of `files` it imports at module level (a `from p import m` of a
    submodule counts as importing p.m)."""
    graph: dict[str, set[str]] = {}
    for name, tree in files.items():
        package = name if name in packages else name.rpartition(".")[0]
        edges: set[str] = set()
        for node in _module_level_imports(tree):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = node.module or ""
                if node.level:
                    parts = package.split(".")
                    parts = parts[: len(parts) - (node.level - 1)]
                    base = ".".join([*parts, base] if base else parts)
                targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
            edges |= {t for t in targets if t in files and t != name}
        graph[name] = edges
    return graph


def cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(component)
    return found


def _app_cycles() -> list[set[str]]:
    paths = _files("app")
    files = {_module_name(p): _tree(p) for p in paths}
    packages = {_module_name(p) for p in paths if p.name == "__init__.py"}
    return cycles(import_graph(files, packages))


def test_no_new_import_cycle_in_app() -> None:
    today = _app_cycles()
    new = [sorted(c) for c in today if not any(c <= known for known in KNOWN_CYCLES)]
    assert not new, f"new import cycles inside app/: {new}"
    gone = [sorted(k) for k in KNOWN_CYCLES if not any(c <= k for c in today)]
    assert not gone, f"cycles no longer there (remove from KNOWN_CYCLES): {gone}"


def test_cycle_finder_finds_cycles_and_only_cycles() -> None:
    def parse(text: str) -> ast.Module:
        return ast.parse(text)

    files = {
        "p": parse(""),
        "p.a": parse("from p import b\n"),
        "p.b": parse(
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from p.c import X\n"
        ),
        "p.c": parse("from .a import Y\n"),
        "p.d": parse("import p.a\n\ndef f():\n    import p.d2\n"),
        "p.d2": parse("import p.d\n"),
        "p.e": parse("try:\n    import p.f\nexcept ImportError:\n    pass\n"),
        "p.f": parse("from p import e\n"),
    }
    graph = import_graph(files, {"p"})
    assert graph["p.a"] == {"p", "p.b"} and graph["p.c"] == {"p.a"}
    assert sorted(sorted(c) for c in cycles(graph)) == [["p.a", "p.b", "p.c"], ["p.e", "p.f"]]


# -- module budget ----------------------------------------------------------------------------


def _source_files() -> list[Path]:
    skip = {"tests", "build", "dist"}
    return [
        p
        for p in sorted(ROOT.rglob("*.py"))
        if not any(part in skip or part.startswith(".") for part in p.relative_to(ROOT).parts)
    ]


def test_module_budget() -> None:
    offenders = {
        _rel(p) for p in _source_files() if len(p.read_text(encoding="utf-8").splitlines()) > BUDGET
    }
    _check_allow_list(offenders, OVER_BUDGET, f"modules over {BUDGET} lines")


# -- no SQL outside app/storage/ --------------------------------------------------------------


def _docstrings(tree: ast.Module) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def sql_strings(tree: ast.Module) -> list[str]:
    """String constants (f-string pieces too) that read as SQL statements; docstrings aside. A
    lone word is no statement (`["netsh", …, "delete", "rule", …]` is a command line)."""
    skip = _docstrings(tree)
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skip
        and SQL.search(node.value)
        and len(node.value.split()) > 1
    ]


def test_no_sql_outside_storage() -> None:
    storage = ROOT / "app" / "storage"
    offenders = {
        _rel(p)
        for p in _files("app", "ui")
        if not p.is_relative_to(storage) and sql_strings(_tree(p))
    }
    _check_allow_list(offenders, SQL_OUTSIDE_STORAGE, "modules with SQL outside app/storage/")


def test_sql_scan_sees_statements_and_not_prose() -> None:
    code = (
        '"""Select a member; update the list."""\n'
        'A = "SELECT 1 FROM loans"\n'
        'B = f"""\n    update loans SET x = {1}"""\n'
        'C = "with t AS (SELECT 1) SELECT * FROM t"\n'
        'D = "Pilih anggota"\n'
        'E = "the SELECT statement"\n'
        'F = ["sc", "delete", "MufakatPG-5439"]\n'
        'G = "DELETE FROM loans WHERE id = 1"\n'
    )
    assert len(sql_strings(ast.parse(code))) == 4
