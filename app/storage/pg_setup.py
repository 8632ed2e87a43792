"""The database side of setting up an office server (issue 15 §3): the program's role, the
cooperative's database and its schema, made by the superuser over TCP from the server PC.

Passwords go to the server as quoted literals (DDL takes no parameters); the server stores only
their SCRAM verifier (`password_encryption = 'scram-sha-256'`)."""

from __future__ import annotations

import psycopg
from psycopg import sql

from app.errors import StorageError
from app.storage import pg_schema


def _admin(host: str, port: int, user: str, password: str, dbname: str) -> psycopg.Connection:
    return psycopg.connect(
        host=host,
        port=port,
        user=user,
        password=password,
        dbname=dbname,
        autocommit=True,
        connect_timeout=10,
    )


def create_cooperative_database(
    *,
    port: int,
    superuser: str,
    superuser_password: str,
    app_role: str,
    app_password: str,
    dbname: str,
    host: str = "127.0.0.1",
) -> None:
    """The program's login role (owning nothing), the database (owned by the superuser, only
    the program's role may connect besides it) and the whole schema with the role's rights."""
    try:
        with _admin(host, port, superuser, superuser_password, "postgres") as conn:
            exists = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", (dbname,)
            ).fetchone()
            if exists:
                raise StorageError(
                    f"Database '{dbname}' sudah ada di server ini; tidak ada yang diubah."
                )
            role = sql.Identifier(app_role)
            conn.execute(
                sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(role, sql.Literal(app_password))
            )
            conn.execute(
                sql.SQL("CREATE DATABASE {} OWNER {} ENCODING 'UTF8' TEMPLATE template0").format(
                    sql.Identifier(dbname), sql.Identifier(superuser)
                )
            )
            conn.execute(
                sql.SQL("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(sql.Identifier(dbname))
            )
            conn.execute(
                sql.SQL("GRANT CONNECT, TEMPORARY ON DATABASE {} TO {}").format(
                    sql.Identifier(dbname), role
                )
            )
        with _admin(host, port, superuser, superuser_password, dbname) as conn:
            pg_schema.install(conn, app_role)
    except psycopg.Error as exc:
        raise StorageError(
            "Server kantor sudah berjalan, tetapi database koperasi tidak bisa dibuat: "
            f"{(str(exc).strip().splitlines() or [type(exc).__name__])[0]}"
        ) from exc
