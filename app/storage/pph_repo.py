"""SQL of the PPh Pasal 4(2) on jasa simpanan: the withholding lines (append-only), the month's
totals per taxpayer unit, the bukti potong list and the deposits to the state."""

from __future__ import annotations

import sqlite3
from datetime import date

from app.clock import now_text
from app.savings.pph_models import BuktiPotongRow, PphDepositRow
from app.storage.db import Database


def _deposit(row: sqlite3.Row) -> PphDepositRow:
    return PphDepositRow(
        id=row["id"],
        month=row["month"],
        amount=row["amount"],
        paid_on=date.fromisoformat(row["paid_on"]),
        method=row["method"],
        reference=row["reference"],
        created_by=row["created_by"],
        created_at=row["created_at"],
    )


class PphRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def in_transaction(self) -> bool:
        return bool(self.db.sql.conn.in_transaction)

    def month_mode(self, member_id: int, month: str) -> bool | None:
        """Whether the member's month was counted per account (its first line says); None when
        nothing was withheld for the member that month yet."""
        value = self.db.scalar(
            "SELECT per_account FROM pph_potongan WHERE member_id = ? AND month = ?"
            " ORDER BY id LIMIT 1",
            (member_id, month),
        )
        return None if value is None else bool(value)

    def unit_totals(self, member_id: int, month: str, unit: str | None) -> tuple[int, int]:
        """(gross, tax) recorded so far in the month for the member (`unit` None) or for one of
        the member's accounts."""
        if unit is None:
            row = self.db.one(
                "SELECT coalesce(sum(gross), 0), coalesce(sum(tax), 0) FROM pph_potongan"
                " WHERE member_id = ? AND month = ?",
                (member_id, month),
            )
        else:
            row = self.db.one(
                "SELECT coalesce(sum(gross), 0), coalesce(sum(tax), 0) FROM pph_potongan"
                " WHERE member_id = ? AND month = ? AND unit = ?",
                (member_id, month, unit),
            )
        assert row is not None
        return int(row[0]), int(row[1])

    def insert(
        self,
        member_id: int,
        unit: str,
        month: str,
        per_account: bool,
        source: str,
        source_id: int,
        gross: int,
        tax: int,
    ) -> int:
        cursor = self.db.execute(
            "INSERT INTO pph_potongan (member_id, unit, month, per_account, source, source_id,"
            " gross, tax, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (member_id, unit, month, int(per_account), source, source_id, gross, tax, now_text()),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def tax_of(self, source: str, source_id: int) -> int | None:
        value = self.db.scalar(
            "SELECT tax FROM pph_potongan WHERE source = ? AND source_id = ?", (source, source_id)
        )
        return None if value is None else int(value)

    def month_total(self, month: str) -> tuple[int, int]:
        row = self.db.one(
            "SELECT coalesce(sum(gross), 0), coalesce(sum(tax), 0) FROM pph_potongan"
            " WHERE month = ?",
            (month,),
        )
        assert row is not None
        return int(row[0]), int(row[1])

    def bukti_potong(self, month: str) -> list[BuktiPotongRow]:
        """Per member with jasa in the month: gross and PPh, by member number."""
        rows = self.db.rows(
            "SELECT m.id, m.number, m.name, m.npwp, coalesce(m.nik, '') AS nik,"
            " sum(p.gross) AS gross, sum(p.tax) AS tax FROM pph_potongan p"
            " JOIN members m ON m.id = p.member_id WHERE p.month = ?"
            " GROUP BY m.id ORDER BY m.number",
            (month,),
        )
        return [
            BuktiPotongRow(
                r["id"], r["number"], r["name"], r["npwp"], r["nik"], r["gross"], r["tax"]
            )
            for r in rows
        ]

    def unit_grosses(self, month: str) -> list[tuple[int, str, bool, int]]:
        """(member_id, unit, per_account, gross) of every unit with jasa in `month`."""
        rows = self.db.rows(
            "SELECT member_id, unit, per_account, sum(gross) FROM pph_potongan WHERE month = ?"
            " GROUP BY member_id, unit, per_account",
            (month,),
        )
        return [(int(r[0]), str(r[1]), bool(r[2]), int(r[3])) for r in rows]

    def months(self) -> list[str]:
        """Every month with jasa recorded, oldest first."""
        rows = self.db.rows("SELECT DISTINCT month FROM pph_potongan ORDER BY month")
        return [str(r[0]) for r in rows]

    def member_lines(self, member_id: int) -> list[sqlite3.Row]:
        return self.db.rows(
            "SELECT * FROM pph_potongan WHERE member_id = ? ORDER BY month, id", (member_id,)
        )

    # -- deposits (setor PPh) ------------------------------------------------------------------

    def deposit(self, month: str) -> PphDepositRow | None:
        row = self.db.one("SELECT * FROM pph_setoran WHERE month = ?", (month,))
        return None if row is None else _deposit(row)

    def deposits(self) -> list[PphDepositRow]:
        return [_deposit(r) for r in self.db.rows("SELECT * FROM pph_setoran ORDER BY month")]

    def insert_shortfall(
        self, deposit_id: int, month: str, member_id: int, due: int, withheld: int
    ) -> int:
        cursor = self.db.execute(
            "INSERT INTO pph_kurang_potong (deposit_id, month, member_id, due, withheld, amount,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (deposit_id, month, member_id, due, withheld, due - withheld, now_text()),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def shortfall_of(self, deposit_id: int) -> int:
        """The kurang potong booked with one deposit."""
        value = self.db.scalar(
            "SELECT coalesce(sum(amount), 0) FROM pph_kurang_potong WHERE deposit_id = ?",
            (deposit_id,),
        )
        return int(value or 0)

    def insert_deposit(
        self,
        month: str,
        amount: int,
        paid_on: date,
        method: str,
        reference: str,
        user_id: int | None,
    ) -> int:
        cursor = self.db.execute(
            "INSERT INTO pph_setoran (month, amount, paid_on, method, reference, created_by,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (month, amount, paid_on.isoformat(), method, reference, user_id, now_text()),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid
