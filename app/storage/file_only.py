"""What only a cooperative's SQLite file can do, said plainly on the office server (issue 15).

A few pieces work on the file itself (its automatic backups and restore, the bulk writers of
the demo and of a cut-over import, the one-time posting of an older file's history). On the
office server they are either not needed (a server database is always current: there is no
older history to post) or done on the server PC (`mufakat backup --db URL`). `file_only` hands
the SQLite `Database` to such a piece, or refuses with an Indonesian message."""

from __future__ import annotations

from app.errors import AppError
from app.storage.db import Database
from app.storage.engine import Engine


class NotOnServer(AppError):
    """Something only a database file on this PC can do was asked of the office server."""


def on_server(db: Engine) -> bool:
    """Whether `db` is the office server's database (not a file on this PC)."""
    return not isinstance(db, Database)


def file_only(db: Engine, what: str) -> Database:
    """`db` as the SQLite file, or NotOnServer naming `what` (Indonesian, e.g. "Impor pinjaman")."""
    if isinstance(db, Database):
        return db
    raise NotOnServer(
        f"{what} belum bisa dilakukan pada koperasi di server kantor. Lakukan di file koperasi "
        "(.db) sebelum dipindahkan ke server, atau di PC server dengan perintah mufakat."
    )
