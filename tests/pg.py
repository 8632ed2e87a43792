"""A throw-away PostgreSQL server for the tests (issue 15), started from the machine's own
binaries: one server per test session in a temporary folder on a free loopback port, a template
database made once, and a fresh database per test (`CREATE DATABASE … TEMPLATE`).

Binaries are looked for in $MUFAKAT_PG_BIN, /usr/lib/postgresql/15/bin and on PATH. A developer
without them gets the PostgreSQL tests skipped; under CI (`CI` set, as .ci/run is run) a missing
binary fails them, so CI never silently skips the second engine. `initdb` refuses to run as root,
so when the tests run as root the server runs as the `postgres` user (`runuser -u postgres --`).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

SUPERUSER = "mufakat_admin"
APP_ROLE = "mufakat_app"
"""The role the program connects as: no superuser, no owner of the tables (so the REVOKEs on
the append-only tables bind it)."""
TEMPLATE = "mufakat_template"
EMPTY_TEMPLATE = "mufakat_empty"
_CANDIDATES = ("/usr/lib/postgresql/15/bin",)


def find_bin_dir() -> Path | None:
    """The folder holding initdb and pg_ctl, or None."""
    env = os.environ.get("MUFAKAT_PG_BIN")
    folders = [env] if env else []
    folders += list(_CANDIDATES)
    found = shutil.which("initdb")
    if found:
        folders.append(str(Path(found).resolve().parent))
    for folder in folders:
        path = Path(folder)
        if (path / "initdb").is_file() and (path / "pg_ctl").is_file():
            return path
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class PgServer:
    bin_dir: Path
    root: Path
    port: int
    as_postgres: bool
    durable: bool = False
    """Keep fsync, synchronous commit and full pages (bench/bench_pg.py --durable): a real
    server's cost of each commit. The tests leave them off."""

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(self, dbname: str = "postgres", user: str = SUPERUSER) -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{dbname}"

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)

    def start(self) -> None:
        init = self._run(
            "initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust",
            "--encoding=UTF8", "--locale=C", "--no-sync",
        )  # fmt: skip
        if init.returncode != 0:
            raise RuntimeError(f"initdb failed: {init.stderr}")
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c max_connections=60"
        )
        if not self.durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        started = self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-o", options,
            "-w", "-t", "60", "start",
        )  # fmt: skip
        if started.returncode != 0:
            log = (self.root / "server.log").read_text(errors="replace")
            raise RuntimeError(f"pg_ctl start failed: {started.stderr}\n{log}")
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE ROLE {APP_ROLE} LOGIN")
            conn.execute(f"CREATE DATABASE {EMPTY_TEMPLATE}")
            conn.execute(f"CREATE DATABASE {TEMPLATE}")
        from app.storage import pg_schema

        with psycopg.connect(self.url(TEMPLATE), autocommit=True) as conn:
            pg_schema.install(conn, APP_ROLE)

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def create_database(self, name: str, template: str) -> str:
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name} TEMPLATE {template} STRATEGY = FILE_COPY")
        return self.url(name, APP_ROLE)

    def drop_database(self, name: str) -> None:
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def start_scratch_server(durable: bool = False) -> PgServer:
    """A throw-away server outside pytest (bench/bench_pg.py): the caller stops it and removes
    its `root`. RuntimeError when the binaries are missing."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL binaries (initdb, pg_ctl) not found: set MUFAKAT_PG_BIN")
    as_postgres = hasattr(os, "geteuid") and os.geteuid() == 0
    root = Path(tempfile.mkdtemp(prefix="mufakat-pg-"))
    if as_postgres:
        shutil.chown(root, "postgres", "postgres")
    server = PgServer(bin_dir, root, free_port(), as_postgres, durable)
    try:
        server.start()
    except BaseException:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
        raise
    return server


def _start_server() -> Iterator[PgServer]:
    bin_dir = find_bin_dir()
    if bin_dir is None:
        message = (
            "PostgreSQL binaries (initdb, pg_ctl) not found: set MUFAKAT_PG_BIN or install "
            "Debian's postgresql-15"
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    as_postgres = hasattr(os, "geteuid") and os.geteuid() == 0
    root = Path(tempfile.mkdtemp(prefix="mufakat-pg-"))
    if as_postgres:
        shutil.chown(root, "postgres", "postgres")
    server = PgServer(bin_dir=bin_dir, root=root, port=free_port(), as_postgres=as_postgres)
    try:
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    yield from _start_server()


_numbers = itertools.count(1)


@contextlib.contextmanager
def _database(server: PgServer, template: str) -> Iterator[str]:
    name = f"t_{os.getpid()}_{next(_numbers)}_{int(time.time() * 1000) % 100000}"
    url = server.create_database(name, template)
    try:
        yield url
    finally:
        server.drop_database(name)


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """A fresh database with the Mufakat schema (from the template), for the program's role."""
    with _database(pg_server, TEMPLATE) as url:
        yield url


@pytest.fixture
def pg_empty_url(pg_server: PgServer) -> Iterator[str]:
    """A fresh empty database (no schema), connected to as the superuser's role."""
    with _database(pg_server, EMPTY_TEMPLATE) as url:
        yield url.replace(APP_ROLE, SUPERUSER, 1)
