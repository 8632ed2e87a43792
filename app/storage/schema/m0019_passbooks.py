"""Step 0019: passbooks and loan cards (issue 17).

`passbook_models` (layouts, editable, changes audited), `passbooks` (numbered books per member,
a new book pointing at the one it replaces), `passbook_lines` (one row per printed line, with
the text as printed: a savings transaction is printed once, ever), `passbook_reprints` (a range
printed again, on request), `card_lines` (the loan card's printed lines) and `printer_papers`
(the receipt paper per printer). The printed records are append-only and chained."""

from __future__ import annotations

import sqlite_utils

from app.storage import chain
from app.storage.schema._sql import immutable as _immutable
from app.storage.schema._sql import run as _run

APPEND_ONLY = ("passbooks", "passbook_lines", "passbook_reprints", "card_lines")


def m0019_passbooks(db: sqlite_utils.Database) -> None:
    _run(
        db,
        """CREATE TABLE passbook_models (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('buku', 'kartu')),
            name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
            layout TEXT NOT NULL,
            updated_at TEXT NOT NULL
        ) STRICT""",
        """CREATE TABLE passbooks (
            id INTEGER PRIMARY KEY,
            member_id INTEGER NOT NULL REFERENCES members(id),
            number TEXT NOT NULL UNIQUE,
            model_id INTEGER NOT NULL REFERENCES passbook_models(id),
            replaces_id INTEGER UNIQUE REFERENCES passbooks(id),
            reason TEXT NOT NULL CHECK (reason IN ('baru', 'penuh', 'hilang')),
            note TEXT NOT NULL DEFAULT '',
            issued_at TEXT NOT NULL,
            issued_by INTEGER REFERENCES users(id),
            CHECK ((reason = 'baru') = (replaces_id IS NULL))
        ) STRICT""",
        "CREATE INDEX passbooks_member ON passbooks (member_id, id)",
        """CREATE TABLE passbook_lines (
            id INTEGER PRIMARY KEY,
            passbook_id INTEGER NOT NULL REFERENCES passbooks(id),
            page INTEGER NOT NULL CHECK (page >= 1),
            line INTEGER NOT NULL CHECK (line >= 1),
            tx_id INTEGER UNIQUE REFERENCES savings_transactions(id),
            tx_date TEXT NOT NULL,
            code TEXT NOT NULL,
            debit INTEGER NOT NULL CHECK (debit >= 0),
            credit INTEGER NOT NULL CHECK (credit >= 0),
            balance INTEGER NOT NULL,
            teller TEXT NOT NULL,
            printed_at TEXT NOT NULL,
            printed_by INTEGER REFERENCES users(id),
            UNIQUE (passbook_id, page, line)
        ) STRICT""",
        """CREATE TABLE passbook_reprints (
            id INTEGER PRIMARY KEY,
            passbook_id INTEGER NOT NULL REFERENCES passbooks(id),
            from_line_id INTEGER NOT NULL REFERENCES passbook_lines(id),
            to_line_id INTEGER NOT NULL REFERENCES passbook_lines(id),
            reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
            printed_at TEXT NOT NULL,
            printed_by INTEGER REFERENCES users(id)
        ) STRICT""",
        """CREATE TABLE card_lines (
            id INTEGER PRIMARY KEY,
            loan_id INTEGER NOT NULL REFERENCES loans(id),
            page INTEGER NOT NULL CHECK (page >= 1),
            line INTEGER NOT NULL CHECK (line >= 1),
            event_id INTEGER NOT NULL UNIQUE,
            paid_on TEXT NOT NULL,
            receipt TEXT NOT NULL,
            pokok INTEGER NOT NULL,
            jasa INTEGER NOT NULL,
            denda INTEGER NOT NULL,
            remaining INTEGER NOT NULL,
            printed_at TEXT NOT NULL,
            printed_by INTEGER REFERENCES users(id),
            UNIQUE (loan_id, page, line)
        ) STRICT""",
        """CREATE TABLE printer_papers (
            printer TEXT PRIMARY KEY,
            paper TEXT NOT NULL CHECK (paper IN ('a4', 'setengah_a4', 'kontinu')),
            updated_at TEXT NOT NULL
        ) STRICT""",
    )
    for table in APPEND_ONLY:
        _run(db, *_immutable(table))
    conn = db.conn
    if chain.has_chains(conn):
        for table in APPEND_ONLY:
            conn.execute(chain.no_replace_trigger(conn, table))
            chain.start_table(conn, table)
        chain.install(conn)


NAME = "0019_passbooks"
migrate = m0019_passbooks
