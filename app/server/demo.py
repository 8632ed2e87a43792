"""`mufakat demo postgresql://… --members N --seed S` (issue 15 §2): the demo cooperative built
into an empty database on the office server.

The server is checked first (log-in, an empty database or the empty schema `server setup`
made, the program's role): a target that is not empty is refused before minutes of building.
Then the demo is built into a SQLite file in a temporary folder, moved with `server move`'s
own code and proofs (the demo's admin as the actor), and the folder is deleted whatever
happens. The password of the address is never printed."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.demo.generate import generate_demo
from app.demo.users import DEMO_USERS
from app.server.move import DEFAULT_APP_ROLE, move, summary
from app.server_url import parse_server_url
from app.storage.pg_move import MoveResult, probe

ACTOR = "admin"  # the demo's own administrator records the move
TEMP_PREFIX = "mufakat-demo-"
FILE_NAME = "koperasi-contoh.db"


@dataclass(frozen=True)
class ServerDemo:
    built: str  # the demo's own summary (members, loans, users …)
    moved: MoveResult


def _actor_password() -> str:
    return next(password for name, password, _role, _full in DEMO_USERS if name == ACTOR)


def build_on_server(
    url_text: str,
    members: int,
    seed: int,
    *,
    app_role: str = DEFAULT_APP_ROLE,
    progress: Callable[[str], None] | None = None,
) -> ServerDemo:
    """Check the server, build the demo in a temporary folder, move it there; the folder is
    gone afterwards whether it worked or not. Raises an AppError when anything says no."""
    url = parse_server_url(url_text)
    probe(url, app_role)  # refused here: nothing built, no folder made
    with tempfile.TemporaryDirectory(prefix=TEMP_PREFIX) as folder:
        path = Path(folder) / FILE_NAME
        built = generate_demo(path, members=members, seed=seed, progress=progress)
        if progress:
            progress(f"Memindahkan koperasi contoh ke {url.shown()} …")
        moved = move(path, url_text, ACTOR, app_role=app_role, password=_actor_password())
        built = built.replace(f" di {path}:", f" di {url.shown()}:")  # the file is going
    return ServerDemo(built=built, moved=moved)


def report(done: ServerDemo) -> list[str]:
    """What was made, then the move's table of proofs (its first line names the server)."""
    lines = summary(done.moved, Path(FILE_NAME))
    lines[0] = f"Koperasi contoh dibuat di {done.moved.url} (lewat file sementara, sudah dihapus)."
    return [done.built, "", *lines]
