"""Step 0022: per-account month totals of the journal (issue 12 §7 speed).

`ledger_month_totals` holds, per account, month ('YYYY-MM') and kind (the jurnal penutup apart,
which the statements leave out), the sums of debit and credit and the number of lines. It is
kept by a trigger on the journal header, so every writer (one journal, a bulk batch, a
migration, the sqlite3 shell) updates it in the transaction that writes the journal: a header
is written after its lines and no line can join a sealed journal (step 0014), so the trigger
sees all of them. The trial balance, the statements and the opening balance of the Buku Besar
as of any date add the whole months before it to the part of its month read from the lines.
Derived data, not a record: `mufakat check` proves it equals the lines
(app/storage/check_periods.py). Existing files are filled here."""

from __future__ import annotations

import sqlite_utils

from app.storage.schema._sql import run as _run

TOTALS = """INSERT INTO ledger_month_totals (account, month, closing, debit, credit, lines)
    SELECT l.account, substr(j.date, 1, 7),
        CASE WHEN j.source = 'tutup_buku' THEN 1 ELSE 0 END, sum(l.debit),
        sum(l.credit), count(*) FROM journal_lines l JOIN journals j ON j.id = l.journal_id
    {where} GROUP BY 1, 2, 3
    ON CONFLICT (account, month, closing) DO UPDATE SET debit = debit + excluded.debit,
        credit = credit + excluded.credit, lines = lines + excluded.lines"""


def m0022_period_balances(db: sqlite_utils.Database) -> None:
    _run(
        db,
        """CREATE TABLE ledger_month_totals (
            account TEXT NOT NULL,
            month TEXT NOT NULL,
            closing INTEGER NOT NULL CHECK (closing IN (0, 1)),
            debit INTEGER NOT NULL,
            credit INTEGER NOT NULL,
            lines INTEGER NOT NULL,
            PRIMARY KEY (account, month, closing)
        ) STRICT, WITHOUT ROWID""",
        "CREATE INDEX ledger_month_totals_month ON ledger_month_totals (month)",
        TOTALS.format(where="WHERE 1"),
        f"""CREATE TRIGGER journals_month_totals AFTER INSERT ON journals BEGIN
            {TOTALS.format(where="WHERE j.id = NEW.id")};
        END""",
    )


NAME = "0022_period_balances"
migrate = m0022_period_balances
