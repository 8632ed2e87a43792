"""Loan schema changes after 0002_loans (a step of app.storage.schema.SEQUENCE)."""

from __future__ import annotations

import sqlite_utils

from app.storage.schema._sql import run as _run


def m0008_loan_balances(db: sqlite_utils.Database) -> None:
    """Running totals per loan and schedule version, kept by triggers as events and denda
    charges are appended (they are never updated or deleted, so the totals stay exact).
    Arrears as of a date = these totals minus the few events after that date."""
    _run(
        db,
        """CREATE TABLE loan_balances (
            loan_id INTEGER NOT NULL REFERENCES loans(id),
            version INTEGER NOT NULL,
            pokok INTEGER NOT NULL DEFAULT 0,
            jasa INTEGER NOT NULL DEFAULT 0,
            denda INTEGER NOT NULL DEFAULT 0,
            titipan INTEGER NOT NULL DEFAULT 0,
            charged INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (loan_id, version)
        ) STRICT, WITHOUT ROWID""",
        """INSERT INTO loan_balances (loan_id, version, pokok, jasa, denda, titipan)
            SELECT loan_id, version, sum(pokok), sum(jasa), sum(denda), sum(titipan)
            FROM loan_events GROUP BY loan_id, version""",
        """INSERT INTO loan_balances (loan_id, version, charged)
            SELECT loan_id, version, sum(amount) FROM loan_denda_charges
            GROUP BY loan_id, version
            ON CONFLICT (loan_id, version) DO UPDATE SET charged = excluded.charged""",
        """CREATE TRIGGER loan_events_balance AFTER INSERT ON loan_events BEGIN
            INSERT INTO loan_balances (loan_id, version, pokok, jasa, denda, titipan)
            VALUES (NEW.loan_id, NEW.version, NEW.pokok, NEW.jasa, NEW.denda, NEW.titipan)
            ON CONFLICT (loan_id, version) DO UPDATE SET pokok = pokok + NEW.pokok,
                jasa = jasa + NEW.jasa, denda = denda + NEW.denda,
                titipan = titipan + NEW.titipan;
        END""",
        """CREATE TRIGGER loan_denda_charges_balance AFTER INSERT ON loan_denda_charges BEGIN
            INSERT INTO loan_balances (loan_id, version, charged)
            VALUES (NEW.loan_id, NEW.version, NEW.amount)
            ON CONFLICT (loan_id, version) DO UPDATE SET charged = charged + NEW.amount;
        END""",
        # Events after a date, summed without touching the table.
        "DROP INDEX loan_events_date",
        "CREATE INDEX loan_events_date ON loan_events"
        " (event_date, loan_id, version, pokok, jasa, denda, titipan)",
        "CREATE INDEX loan_denda_charges_date ON loan_denda_charges"
        " (charge_date, loan_id, version, amount)",
    )


NAME = "0008_loan_balances"
migrate = m0008_loan_balances
