"""Month-end quality runs and the per-loan snapshots they store (both append-only; portable
SQL: runs on both engines)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.clock import now_text
from app.loans.models import ClassHistoryEntry, LoanArrears
from app.loans.portfolio_models import MonthEndRun
from app.loans.quality import QualityPolicy
from app.storage.engine import Engine, Row
from app.storage.loans_arrears_rows import arrears_from_row
from app.storage.loans_quality_repo import LoanQualityRepository


def _run(row: Row) -> MonthEndRun:
    return MonthEndRun(
        id=row["id"],
        as_of=date.fromisoformat(row["as_of"]),
        run_no=row["run_no"],
        policy_key=row["policy_key"],
        policy_name=row["policy_name"],
        loan_count=row["loan_count"],
        total_outstanding=row["total_outstanding"],
        npl_ratio=Decimal(row["npl_ratio"]),
        created_at=row["created_at"],
        created_by=row["created_by"],
    )


class LoanSnapshotsRepository:
    def __init__(self, db: Engine) -> None:
        self.db = db
        self.quality = LoanQualityRepository(db)

    def last_run_no(self, as_of: date) -> int:
        return int(
            self.db.scalar(
                "SELECT coalesce(max(run_no), 0) FROM loan_quality_runs WHERE as_of = :d",
                {"d": as_of.isoformat()},
            )
        )

    def insert_run(
        self,
        as_of: date,
        run_no: int,
        policy: QualityPolicy,
        loan_count: int,
        total_outstanding: int,
        npl: Decimal,
        user_id: int | None,
    ) -> int:
        """Store the run header and every loan's snapshot (call inside a transaction)."""
        run_id = self.db.insert_id(
            "INSERT INTO loan_quality_runs (as_of, run_no, policy_key, policy_name,"
            " loan_count, total_outstanding, npl_ratio, created_by, created_at)"
            " VALUES (:as_of, :run_no, :policy_key, :policy_name, :loan_count,"
            " :total_outstanding, :npl_ratio, :created_by, :created_at) RETURNING id",
            {
                "as_of": as_of.isoformat(),
                "run_no": run_no,
                "policy_key": policy.key,
                "policy_name": policy.name,
                "loan_count": loan_count,
                "total_outstanding": total_outstanding,
                "npl_ratio": str(npl),
                "created_by": user_id,
                "created_at": now_text(),
            },
        )
        self.quality.insert_snapshot(run_id, as_of, policy)
        return run_id

    def run(self, run_id: int) -> MonthEndRun | None:
        row = self.db.one("SELECT * FROM loan_quality_runs WHERE id = :id", {"id": run_id})
        return _run(row) if row else None

    def runs(self) -> list[MonthEndRun]:
        rows = self.db.rows("SELECT * FROM loan_quality_runs ORDER BY as_of DESC, run_no DESC")
        return [_run(r) for r in rows]

    def snapshot(self, run: MonthEndRun) -> list[LoanArrears]:
        rows = self.db.rows(
            "SELECT loan_id, quality, days_past_due AS dpd, oldest_due AS oldest,"
            " oldest_pokok_due AS opd, oldest_jasa_due AS ojd, installments_missed AS missed,"
            " arrears_pokok AS ap, arrears_jasa AS aj, arrears_denda AS ad, outstanding,"
            " titipan, collateral_value AS coll FROM loan_quality_snapshots WHERE run_id = :run"
            " ORDER BY loan_id",
            {"run": run.id},
        )
        return [arrears_from_row(r, run.as_of, run.policy_name) for r in rows]

    def classes(self, run_id: int) -> dict[int, str]:
        """The class the run stored per loan (only that: the work queue compares classes)."""
        rows = self.db.rows(
            "SELECT loan_id, quality FROM loan_quality_snapshots WHERE run_id = :run",
            {"run": run_id},
        )
        return {int(r["loan_id"]): str(r["quality"]) for r in rows}

    def outstanding_by_class(self, run_id: int) -> dict[str, int]:
        """The outstanding principal the run stored, summed per class."""
        rows = self.db.rows(
            "SELECT quality, sum(outstanding) AS total FROM loan_quality_snapshots"
            " WHERE run_id = :run GROUP BY quality",
            {"run": run_id},
        )
        return {str(r["quality"]): int(r["total"]) for r in rows}

    def class_history(self, loan_id: int) -> list[ClassHistoryEntry]:
        """The loan's class at each month-end date (its latest run), oldest first."""
        rows = self.db.rows(
            "SELECT r.as_of, s.quality, s.days_past_due, s.arrears_pokok + s.arrears_jasa"
            " + s.arrears_denda AS total, r.policy_name FROM loan_quality_snapshots s"
            " JOIN loan_quality_runs r ON r.id = s.run_id WHERE s.loan_id = :loan"
            " AND r.run_no = (SELECT max(x.run_no) FROM loan_quality_runs x"
            " WHERE x.as_of = r.as_of) ORDER BY r.as_of",
            {"loan": loan_id},
        )
        return [
            ClassHistoryEntry(
                as_of=date.fromisoformat(r["as_of"]),
                quality=r["quality"],
                days_past_due=r["days_past_due"],
                arrears_total=r["total"],
                policy_name=r["policy_name"],
            )
            for r in rows
        ]
