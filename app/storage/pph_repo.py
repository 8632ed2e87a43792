"""SQL of the PPh Pasal 4(2) on jasa simpanan: the withholding lines (append-only), the month's
totals per taxpayer unit, the bukti potong list and the deposits to the state (portable SQL:
runs on both engines)."""

from __future__ import annotations

from datetime import date

from app.clock import now_text
from app.savings.pph_models import BuktiPotongRow, PphDepositRow
from app.storage.engine import Engine, Row


def _deposit(row: Row) -> PphDepositRow:
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
    def __init__(self, db: Engine) -> None:
        self.db = db

    def in_transaction(self) -> bool:
        return self.db.in_transaction()

    def month_mode(self, member_id: int, month: str) -> bool | None:
        """Whether the member's month was counted per account (its first line says); None when
        nothing was withheld for the member that month yet."""
        value = self.db.scalar(
            "SELECT per_account FROM pph_potongan WHERE member_id = :member AND month = :month"
            " ORDER BY id LIMIT 1",
            {"member": member_id, "month": month},
        )
        return None if value is None else bool(value)

    def unit_totals(self, member_id: int, month: str, unit: str | None) -> tuple[int, int]:
        """(gross, tax) recorded so far in the month for the member (`unit` None) or for one of
        the member's accounts."""
        row = self.db.one(
            "SELECT coalesce(sum(gross), 0) AS gross, coalesce(sum(tax), 0) AS tax"
            " FROM pph_potongan WHERE member_id = :member AND month = :month"
            + ("" if unit is None else " AND unit = :unit"),
            {"member": member_id, "month": month, "unit": unit},
        )
        assert row is not None
        return int(row["gross"]), int(row["tax"])

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
        return self.db.insert_id(
            "INSERT INTO pph_potongan (member_id, unit, month, per_account, source, source_id,"
            " gross, tax, created_at) VALUES (:member_id, :unit, :month, :per_account, :source,"
            " :source_id, :gross, :tax, :at) RETURNING id",
            {
                "member_id": member_id,
                "unit": unit,
                "month": month,
                "per_account": int(per_account),
                "source": source,
                "source_id": source_id,
                "gross": gross,
                "tax": tax,
                "at": now_text(),
            },
        )

    def tax_of(self, source: str, source_id: int) -> int | None:
        value = self.db.scalar(
            "SELECT tax FROM pph_potongan WHERE source = :source AND source_id = :id",
            {"source": source, "id": source_id},
        )
        return None if value is None else int(value)

    def month_total(self, month: str) -> tuple[int, int]:
        row = self.db.one(
            "SELECT coalesce(sum(gross), 0) AS gross, coalesce(sum(tax), 0) AS tax"
            " FROM pph_potongan WHERE month = :month",
            {"month": month},
        )
        assert row is not None
        return int(row["gross"]), int(row["tax"])

    def bukti_potong(self, month: str) -> list[BuktiPotongRow]:
        """Per member with jasa in the month: gross and PPh, by member number."""
        rows = self.db.rows(
            "SELECT m.id, m.number, m.name, m.npwp, coalesce(m.nik, '') AS nik,"
            " sum(p.gross) AS gross, sum(p.tax) AS tax FROM pph_potongan p"
            " JOIN members m ON m.id = p.member_id WHERE p.month = :month"
            " GROUP BY m.id ORDER BY m.number",
            {"month": month},
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
            "SELECT member_id, unit, per_account, sum(gross) AS gross FROM pph_potongan"
            " WHERE month = :month GROUP BY member_id, unit, per_account",
            {"month": month},
        )
        return [
            (int(r["member_id"]), str(r["unit"]), bool(r["per_account"]), int(r["gross"]))
            for r in rows
        ]

    def months(self) -> list[str]:
        """Every month with jasa recorded, oldest first."""
        rows = self.db.rows("SELECT DISTINCT month FROM pph_potongan ORDER BY month")
        return [str(r["month"]) for r in rows]

    def member_lines(self, member_id: int) -> list[Row]:
        return list(
            self.db.rows(
                "SELECT * FROM pph_potongan WHERE member_id = :member ORDER BY month, id",
                {"member": member_id},
            )
        )

    # -- deposits (setor PPh) ------------------------------------------------------------------

    def deposit(self, month: str) -> PphDepositRow | None:
        row = self.db.one("SELECT * FROM pph_setoran WHERE month = :month", {"month": month})
        return None if row is None else _deposit(row)

    def deposits(self) -> list[PphDepositRow]:
        return [_deposit(r) for r in self.db.rows("SELECT * FROM pph_setoran ORDER BY month")]

    def insert_shortfall(
        self, deposit_id: int, month: str, member_id: int, due: int, withheld: int
    ) -> int:
        return self.db.insert_id(
            "INSERT INTO pph_kurang_potong (deposit_id, month, member_id, due, withheld, amount,"
            " created_at) VALUES (:deposit_id, :month, :member_id, :due, :withheld, :amount,"
            " :at) RETURNING id",
            {
                "deposit_id": deposit_id,
                "month": month,
                "member_id": member_id,
                "due": due,
                "withheld": withheld,
                "amount": due - withheld,
                "at": now_text(),
            },
        )

    def shortfall_of(self, deposit_id: int) -> int:
        """The kurang potong booked with one deposit."""
        value = self.db.scalar(
            "SELECT coalesce(sum(amount), 0) FROM pph_kurang_potong WHERE deposit_id = :id",
            {"id": deposit_id},
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
        return self.db.insert_id(
            "INSERT INTO pph_setoran (month, amount, paid_on, method, reference, created_by,"
            " created_at) VALUES (:month, :amount, :paid_on, :method, :reference, :by, :at)"
            " RETURNING id",
            {
                "month": month,
                "amount": amount,
                "paid_on": paid_on.isoformat(),
                "method": method,
                "reference": reference,
                "by": user_id,
                "at": now_text(),
            },
        )
