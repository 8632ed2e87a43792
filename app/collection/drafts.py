"""What the collection services hand the repositories to store: typed drafts, one per kind of
row (the repositories take no column dicts)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app.collection.decision_models import DecisionKind
from app.collection.models import CollateralStatus


@dataclass(frozen=True)
class NewCase:
    """A case to store (opened automatically or by hand)."""

    number: str
    loan_id: int
    member_id: int
    opened_on: date
    opened_how: str  # 'otomatis' or 'manual'
    open_reason: str
    officer_id: int | None
    collateral_status: CollateralStatus
    created_by: int | None


@dataclass(frozen=True)
class NewDecision:
    """A proposal to store (status diusulkan)."""

    number: str
    kind: DecisionKind
    case_id: int
    loan_id: int
    summary: str
    payload: dict[str, Any]
    required_approvals: int
    needs_pengawas: bool
    proposed_by: int
    proposed_on: date
    meeting_ref: str = ""
    meeting_date: date | None = None
    expires_on: date | None = None
    supersedes_id: int | None = None


@dataclass(frozen=True)
class NewFinEvent:
    """A financial event of the collection to store (the columns not given are zero/empty)."""

    loan_id: int
    kind: str
    event_date: date
    decision_id: int | None = None
    amount: int = 0
    pokok: int = 0
    jasa: int = 0
    denda: int = 0
    receipt_no: str | None = None
    method: str = ""
    debit: str = ""
    credit: str = ""
    note: str = ""
