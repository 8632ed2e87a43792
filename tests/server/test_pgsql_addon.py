"""scripts/windows/pgsql_addon.py: which files of the PostgreSQL package the office-server add-on
carries. The PE reader is checked on the Windows launchers pip ships (real PE32 and PE32+ files)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "pgsql_addon", ROOT / "scripts" / "windows" / "pgsql_addon.py"
)
assert _spec is not None and _spec.loader is not None
addon = importlib.util.module_from_spec(_spec)
sys.modules["pgsql_addon"] = addon
_spec.loader.exec_module(addon)

_PIP = importlib.util.find_spec("pip")  # in every virtual environment; found, not imported
LAUNCHERS = Path(_PIP.origin or "").parent / "_vendor" / "distlib" if _PIP else Path("/nonexistent")


@pytest.mark.parametrize(
    ("name", "dlls"),
    [
        ("w64.exe", ["KERNEL32.dll", "USER32.dll", "SHLWAPI.dll"]),  # PE32+ (x64)
        ("t32.exe", ["KERNEL32.dll", "SHLWAPI.dll"]),  # PE32
    ],
)
def test_pe_imports_reads_a_real_import_table(name: str, dlls: list[str]) -> None:
    path = LAUNCHERS / name
    if not path.exists():
        pytest.skip(f"pip has no {name} here")
    assert addon.pe_imports(path.read_bytes()) == dlls


def test_pe_imports_refuses_what_is_not_a_pe_file() -> None:
    with pytest.raises(ValueError, match="not a PE file"):
        addon.pe_imports(b"\x7fELF" + bytes(200))


GRAPH = {
    "bin/postgres.exe": ["KERNEL32.dll", "ICUUC67.dll", "libssl-3-x64.dll"],
    "bin/initdb.exe": ["LIBPQ.dll", "KERNEL32.dll"],
    "bin/pg_ctl.exe": ["libpq.dll"],
    "bin/icuuc67.dll": ["icudt67.dll", "KERNEL32.dll"],
    "bin/icudt67.dll": [],
    "bin/libssl-3-x64.dll": ["libcrypto-3-x64.dll"],
    "bin/libcrypto-3-x64.dll": ["libssl-3-x64.dll"],  # a cycle
    "bin/libpq.dll": ["libssl-3-x64.dll"],
    "bin/libxml2.dll": ["libiconv-2.dll"],
    "bin/libiconv-2.dll": [],
    "bin/wxmsw32u_core.dll": ["KERNEL32.dll"],  # pgAdmin's: never needed
    "bin/psql.exe": ["libpq.dll"],
    "lib/plpgsql.dll": ["postgres.exe"],
    "lib/utf8_and_win.dll": ["postgres.exe"],
    "lib/xml2_user.dll": ["libxml2.dll"],  # not a server module: left out
    "lib/dict_snowball.dll": ["libxml2.dll"],  # pretend: its import comes along
    "lib/pgxs/makefile.dll": [],
}
SHARE = [
    "share/postgres.bki",
    "share/timezone/Asia/Jakarta",
    "share/locale/id/LC_MESSAGES/postgres-15.mo",
    "share/extension/plpgsql.control",
    "share/extension/plpgsql--1.0.sql",
    "share/extension/hstore.control",
]


def test_the_add_on_holds_the_server_programs_their_dlls_and_nothing_else() -> None:
    chosen = addon.selected(sorted([*GRAPH, *SHARE]), lambda n: GRAPH.get(n, []))
    assert chosen == [
        "bin/icudt67.dll", "bin/icuuc67.dll", "bin/initdb.exe", "bin/libcrypto-3-x64.dll",
        "bin/libiconv-2.dll", "bin/libpq.dll", "bin/libssl-3-x64.dll", "bin/libxml2.dll",
        "bin/pg_ctl.exe", "bin/postgres.exe",
        "lib/dict_snowball.dll", "lib/plpgsql.dll", "lib/utf8_and_win.dll",
        "share/extension/plpgsql--1.0.sql", "share/extension/plpgsql.control",
        "share/postgres.bki", "share/timezone/Asia/Jakarta",
    ]  # fmt: skip


def test_a_package_without_a_server_program_is_refused() -> None:
    members = [m for m in GRAPH if m != "bin/pg_ctl.exe"]
    with pytest.raises(ValueError, match=r"pg_ctl\.exe"):
        addon.selected(members, lambda n: GRAPH.get(n, []))


def test_closure_compares_names_without_case_and_ends_on_cycles() -> None:
    imports = {"A.exe": ["b.DLL"], "B.dll": ["c.dll", "A.EXE"], "c.dll": ["SYSTEM.dll"]}
    found = addon.closure(["a.exe"], lambda n: imports.get(n, []), {"A.exe", "B.dll", "c.dll"})
    assert found == {"A.exe", "B.dll", "c.dll"}


def test_pg_dump_and_pg_restore_come_along_with_their_dlls_when_the_source_has_them() -> None:
    graph = {
        **GRAPH,
        "bin/pg_dump.exe": ["libpq.dll", "zlib1.dll"],
        "bin/pg_restore.exe": ["libpq.dll", "liblz4.dll"],
        "bin/zlib1.dll": [],
        "bin/liblz4.dll": [],
    }
    chosen = addon.selected(sorted([*graph, *SHARE]), lambda n: graph.get(n, []))
    for name in ("pg_dump.exe", "pg_restore.exe", "zlib1.dll", "liblz4.dll"):
        assert f"bin/{name}" in chosen
    assert "bin/psql.exe" not in chosen and "bin/wxmsw32u_core.dll" not in chosen
    # the npm package has neither: the add-on is still made (the server runs; backups need them)
    without = addon.selected(sorted([*GRAPH, *SHARE]), lambda n: GRAPH.get(n, []))
    assert not any("pg_dump" in n or "pg_restore" in n for n in without)


def test_a_local_copy_builds_the_add_on_with_the_runtime_beside_the_programs(
    tmp_path: Path,
) -> None:
    native = tmp_path / "pgsql"
    for name in GRAPH:
        (native / name).parent.mkdir(parents=True, exist_ok=True)
        (native / name).write_bytes(b"x")
    for name in SHARE:
        (native / name).parent.mkdir(parents=True, exist_ok=True)
        (native / name).write_text("x")
    bundle = tmp_path / "Mufakat" / "_internal"
    (bundle / "PySide6").mkdir(parents=True)
    (bundle / "VCRUNTIME140.dll").write_bytes(b"v" * 10)
    (bundle / "PySide6" / "msvcp140.dll").write_bytes(b"m" * 20)
    addon.pe_imports, saved = (lambda data: []), addon.pe_imports  # stand-ins: no real PE files
    try:
        count, _size = addon.build_from(native, tmp_path / "out", bundle.parent)
    finally:
        addon.pe_imports = saved
    out = tmp_path / "out"
    assert (out / "bin" / "VCRUNTIME140.dll").read_bytes() == b"v" * 10
    assert (out / "bin" / "msvcp140.dll").is_file()
    assert (out / "bin" / "postgres.exe").is_file() and not (out / "bin" / "psql.exe").exists()
    assert count == sum(1 for p in out.rglob("*") if p.is_file())
    assert not addon.has_backup_tools(out)
    (bundle / "VCRUNTIME140.dll").unlink()
    with pytest.raises(SystemExit, match="vcruntime140"):
        addon.runtime_dlls(bundle.parent)
