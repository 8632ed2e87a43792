"""Every write unit of the services may be run again on the office server (issue 15).

On PostgreSQL a transaction the server aborts for a conflict with another PC must be run again
as a whole, checks included (app/storage/units.py). So every function in app/ that opens a
transaction (`with ….atomic():`) is either a service method marked `@write_unit`, or a nested
function handed to `run_unit(engine, fn)` by its enclosing function (a unit of its own, e.g. a
refused log-in audited before the refusal is raised), or listed below with the reason it needs
no retry. A new write that opens a bare `atomic()` fails here; on the server a bare outermost
`atomic()` also fails at run time in the tests (`PgEngine.strict_units`)."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]

NOT_ON_THE_SERVER = {
    # The file's own pieces (app/storage/file_only.py refuses them on the server).
    "app/ledger/history.py:post_history": "posts an older file's history once (file only)",
    "app/imports/service.py:ImportService.run": "bulk import into the file (file only)",
    "app/demo/generate.py:generate_demo": "builds the demo into a new file",
    "app/demo/generate.py:_fill": "builds the demo into a new file",
    "app/demo/loans.py:add_demo_loans": "builds the demo into a new file",
    "app/demo/books.py:add_demo_books": "builds the demo into a new file",
    "app/demo/year_end.py:add_demo_year_end": "builds the demo into a new file",
}
"""function → why it opens a plain transaction."""

SKIPPED = ("app/storage/",)  # the repositories and engines: they join their caller's unit


def _is_atomic(node: ast.AST) -> bool:
    return isinstance(node, ast.With) and any(
        isinstance(item.context_expr, ast.Call)
        and isinstance(item.context_expr.func, ast.Attribute)
        and item.context_expr.func.attr == "atomic"
        for item in node.items
    )


def _name(node: ast.expr) -> str:
    return node.id if isinstance(node, ast.Name) else getattr(node, "attr", "")


def _units_handed_to_run_unit(func: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(func):
        if (
            isinstance(node, ast.Call)
            and _name(node.func) == "run_unit"
            and len(node.args) == 2
            and isinstance(node.args[1], ast.Name)
        ):
            names.add(node.args[1].id)
    return names


def _enclosing(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> list[ast.AST]:
    """The functions and classes around `node`, innermost first."""
    chain: list[ast.AST] = []
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            chain.append(node)
    return chain


def _in_unit(
    func: ast.FunctionDef, parents: dict[ast.AST, ast.AST], tree: ast.Module, seen: set[str]
) -> bool:
    """`func` runs inside a write unit: it is one, it is handed to run_unit by the function
    around it, or it is a private method (`_name`) called only from methods that are."""
    if any(_name(d) == "write_unit" for d in func.decorator_list):
        return True
    around = [f for f in _enclosing(func, parents) if isinstance(f, ast.FunctionDef)]
    if around and func.name in _units_handed_to_run_unit(around[0]):
        return True
    if not func.name.startswith("_") or func.name.startswith("__") or func.name in seen:
        return False
    callers = [
        _enclosing(call, parents)
        for call in ast.walk(tree)
        if isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and call.func.attr == func.name
    ]
    methods = [next((f for f in c if isinstance(f, ast.FunctionDef)), None) for c in callers]
    return bool(methods) and all(
        m is not None and _in_unit(m, parents, tree, seen | {func.name}) for m in methods
    )


def _bare_units(root: Path = ROOT) -> list[str]:
    found: list[str] = []
    for path in sorted((root / "app").rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if rel.startswith(SKIPPED):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents: dict[ast.AST, ast.AST] = {}
        for node in ast.walk(tree):
            for child in ast.iter_child_nodes(node):
                parents[child] = node
        for node in ast.walk(tree):
            if not _is_atomic(node):
                continue
            chain = _enclosing(node, parents)
            qualified = ".".join(getattr(f, "name", "") for f in reversed(chain))
            func = next((f for f in chain if isinstance(f, ast.FunctionDef)), None)
            if f"{rel}:{qualified}" in NOT_ON_THE_SERVER:
                continue
            if func is None or not _in_unit(func, parents, tree, set()):
                found.append(f"{rel}:{node.lineno} {qualified}")
    return found


def test_every_transaction_of_the_services_is_a_retried_unit() -> None:
    bare = _bare_units()
    assert bare == [], (
        "These open a transaction outside a write unit: on the office server a conflict with "
        "another PC would not run them again. Mark the service method @write_unit (and make it "
        "safe to run twice: app/storage/units.py), hand a nested function to run_unit, or list "
        f"it in NOT_ON_THE_SERVER with the reason: {bare}"
    )


SAMPLE = """
from app.storage.units import run_unit, write_unit


class S:
    @write_unit
    def pay(self):
        self._post()

    def _post(self):
        with self.db.atomic():
            pass

    def login(self):
        def unit():
            with self.db.atomic():
                pass

        run_unit(self.db, unit)

    def _helper(self):
        with self.db.atomic():
            pass

    def bare(self):
        self._helper()
"""


def test_the_guard_tells_units_from_bare_transactions(tmp_path: Path) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "sample.py").write_text(SAMPLE, encoding="utf-8")
    assert _bare_units(tmp_path) == ["app/sample.py:22 S._helper"]
    marked = SAMPLE.replace("    def bare(self):", "    @write_unit\n    def bare(self):")
    (tmp_path / "app" / "sample.py").write_text(marked, encoding="utf-8")
    assert _bare_units(tmp_path) == []
    unmarked = marked.replace("    @write_unit\n    def pay", "    def pay")
    (tmp_path / "app" / "sample.py").write_text(unmarked, encoding="utf-8")
    assert _bare_units(tmp_path) == ["app/sample.py:10 S._post"]


def test_every_write_unit_of_the_services_finds_their_engine(services: Any) -> None:
    """`@write_unit` runs on the engine of the object it is called on (its db, its ledger's…):
    every unit reachable from the composition root finds the one the services were built on."""
    import inspect

    from app.storage.units import engine_of

    seen: set[int] = set()
    found: list[str] = []

    def walk(obj: object, depth: int) -> None:
        if id(obj) in seen or depth > 4 or not type(obj).__module__.startswith("app."):
            return
        seen.add(id(obj))
        for name, fn in inspect.getmembers(type(obj), inspect.isfunction):
            if getattr(fn, "__write_unit__", False):
                assert engine_of(obj) is services.db, f"{type(obj).__name__}.{name}"
                found.append(f"{type(obj).__name__}.{name}")
        for value in list(getattr(obj, "__dict__", {}).values()):
            walk(value, depth + 1)

    walk(services, 0)
    walk(services.payroll, 1)
    assert len(found) >= 90 and "SavingsService.withdraw" in found
