"""The document register: numbers taken, the exact PDF bytes kept, searches over the register
(portable SQL: runs on both engines; the search ignores case through the dialect)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.clock import now_text
from app.numbering import next_number
from app.storage.dialect import Dialect
from app.storage.engine import Engine, Row
from app.storage.sequences import next_value

_SELECT = (
    "SELECT d.*, u.full_name AS created_by_name FROM documents d "
    "LEFT JOIN users u ON u.id = d.created_by "
)


@dataclass(frozen=True)
class RegisterRow:
    """One line of the register as stored."""

    id: int
    kind: str
    number: str
    seq: int | None
    seq_year: int | None
    doc_date: date
    title: str
    status: str  # 'proses' (number taken, file not stored yet), 'selesai', 'gagal'
    member_id: int | None
    member_number: str
    member_name: str
    loan_id: int | None
    loan_number: str
    case_id: int | None
    batch_id: int | None
    sha256: str | None
    size: int | None
    pages: int | None
    note: str
    created_by: int | None
    created_by_name: str
    created_at: str
    finished_at: str | None


@dataclass(frozen=True)
class NewEntry:
    """What is known about a document before it is rendered."""

    kind: str
    doc_date: date
    title: str
    member_id: int | None = None
    member_number: str = ""
    member_name: str = ""
    loan_id: int | None = None
    loan_number: str = ""
    case_id: int | None = None
    batch_id: int | None = None
    data: dict[str, Any] | None = None


@dataclass(frozen=True)
class RegisterQuery:
    """Filters of the register list; all optional. `text` matches number or member."""

    text: str = ""
    kind: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    member_id: int | None = None
    loan_id: int | None = None
    case_id: int | None = None
    batch_id: int | None = None
    unfinished_only: bool = False


def _row(row: Row) -> RegisterRow:
    return RegisterRow(
        id=row["id"],
        kind=row["kind"],
        number=row["number"],
        seq=row["seq"],
        seq_year=row["seq_year"],
        doc_date=date.fromisoformat(row["doc_date"]),
        title=row["title"],
        status=row["status"],
        member_id=row["member_id"],
        member_number=row["member_number"],
        member_name=row["member_name"],
        loan_id=row["loan_id"],
        loan_number=row["loan_number"],
        case_id=row["case_id"],
        batch_id=row["batch_id"],
        sha256=row["sha256"],
        size=row["size"],
        pages=row["pages"],
        note=row["note"],
        created_by=row["created_by"],
        created_by_name=row["created_by_name"] or "",
        created_at=row["created_at"],
        finished_at=row["finished_at"],
    )


def _where(d: Dialect, query: RegisterQuery) -> tuple[str, dict[str, Any]]:
    clauses: list[str] = []
    params: dict[str, Any] = {}
    text = query.text.strip()
    if text:
        params.update(like=f"%{text}%", text=text)  # `%` and `_` typed stay wildcards
        found = f"{d.ci_like('d.number', ':like')} OR {d.ci_like('d.member_name', ':like')}"
        clauses.append(f"({found} OR d.member_number = :text)")
    for column, value in (
        ("kind", query.kind),
        ("member_id", query.member_id),
        ("loan_id", query.loan_id),
        ("case_id", query.case_id),
        ("batch_id", query.batch_id),
    ):
        if value is not None:
            clauses.append(f"d.{column} = :{column}")
            params[column] = value
    if query.date_from:
        clauses.append("d.doc_date >= :date_from")
        params["date_from"] = query.date_from.isoformat()
    if query.date_to:
        clauses.append("d.doc_date <= :date_to")
        params["date_to"] = query.date_to.isoformat()
    if query.unfinished_only:
        clauses.append("d.status <> 'selesai'")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


class DocumentsRepository:
    def __init__(self, db: Engine) -> None:
        self.db = db

    # -- numbers and rows ----------------------------------------------------------------------
    def take_number(
        self,
        entry: NewEntry,
        sequence: str,
        year: int,
        make_number: Any,
        user_id: int | None,
    ) -> RegisterRow:
        """Take the next number of (`sequence`, `year`) and record the row as 'proses', in one
        committed transaction of its own. `make_number(seq)` formats it; a number already in
        the register for this kind (e.g. after the pattern was changed) is skipped."""

        def taken(number: str) -> bool:
            return bool(
                self.db.scalar(
                    "SELECT 1 FROM documents WHERE kind = :kind AND number = :number",
                    {"kind": entry.kind, "number": number},
                )
            )

        with self.db.atomic():
            seq, number = next_number(
                lambda: next_value(self.db, sequence, year), lambda s: str(make_number(s)), taken
            )
            new_id = self._insert(entry, number, seq, year, user_id)
        return self.get(new_id)

    def add_given_number(self, entry: NewEntry, number: str, user_id: int | None) -> RegisterRow:
        """Record a row whose number was given elsewhere (a receipt number), as 'proses'."""
        with self.db.atomic():
            new_id = self._insert(entry, number, None, None, user_id)
        return self.get(new_id)

    def _insert(
        self, entry: NewEntry, number: str, seq: int | None, year: int | None, user_id: int | None
    ) -> int:
        data = dict(entry.data or {})
        if "nomor" in data:
            data["nomor"] = number  # the snapshot carries the number it was given
        return self.db.insert_id(
            "INSERT INTO documents (kind, number, seq, seq_year, doc_date, title, member_id,"
            " member_number, member_name, loan_id, loan_number, case_id, batch_id, data,"
            " created_by, created_at) VALUES (:kind, :number, :seq, :seq_year, :doc_date,"
            " :title, :member_id, :member_number, :member_name, :loan_id, :loan_number,"
            " :case_id, :batch_id, :data, :created_by, :created_at) RETURNING id",
            {
                "kind": entry.kind,
                "number": number,
                "seq": seq,
                "seq_year": year,
                "doc_date": entry.doc_date.isoformat(),
                "title": entry.title,
                "member_id": entry.member_id,
                "member_number": entry.member_number,
                "member_name": entry.member_name,
                "loan_id": entry.loan_id,
                "loan_number": entry.loan_number,
                "case_id": entry.case_id,
                "batch_id": entry.batch_id,
                "data": json.dumps(data, ensure_ascii=False, sort_keys=True, default=str),
                "created_by": user_id,
                "created_at": now_text(),
            },
        )

    def finish(self, document_id: int, pdf: bytes, sha256: str, pages: int) -> None:
        """Store the file and mark the row finished; call inside a transaction."""
        self.db.run(
            "INSERT INTO document_files (document_id, pdf) VALUES (:id, :pdf)",
            {"id": document_id, "pdf": pdf},
        )
        self.db.run(
            "UPDATE documents SET status = 'selesai', sha256 = :sha256, size = :size,"
            " pages = :pages, finished_at = :at WHERE id = :id AND status = 'proses'",
            {
                "sha256": sha256,
                "size": len(pdf),
                "pages": pages,
                "at": now_text(),
                "id": document_id,
            },
        )

    def fail(self, document_id: int, note: str) -> None:
        with self.db.atomic():
            self.db.run(
                "UPDATE documents SET status = 'gagal', note = :note, finished_at = :at"
                " WHERE id = :id AND status = 'proses'",
                {"note": note[:500], "at": now_text(), "id": document_id},
            )

    # -- batches ---------------------------------------------------------------------------
    def new_batch(self, title: str, run_date: date, planned: int, user_id: int | None) -> int:
        with self.db.atomic():
            return self.db.insert_id(
                "INSERT INTO document_batches (title, run_date, planned, created_by, created_at)"
                " VALUES (:title, :run_date, :planned, :created_by, :created_at) RETURNING id",
                {
                    "title": title,
                    "run_date": run_date.isoformat(),
                    "planned": planned,
                    "created_by": user_id,
                    "created_at": now_text(),
                },
            )

    # -- reading ---------------------------------------------------------------------------
    def get(self, document_id: int) -> RegisterRow:
        row = self.db.one(_SELECT + "WHERE d.id = :id", {"id": document_id})
        if row is None:
            from app.errors import NotFound

            raise NotFound(f"Dokumen nomor urut register {document_id} tidak ditemukan.")
        return _row(row)

    def find(self, kind: str, number: str) -> RegisterRow | None:
        row = self.db.one(
            _SELECT + "WHERE d.kind = :kind AND d.number = :number",
            {"kind": kind, "number": number},
        )
        return _row(row) if row else None

    def pdf(self, document_id: int) -> bytes | None:
        value = self.db.scalar(
            "SELECT pdf FROM document_files WHERE document_id = :id", {"id": document_id}
        )
        return bytes(value) if value is not None else None

    def data(self, document_id: int) -> dict[str, Any]:
        text = self.db.scalar("SELECT data FROM documents WHERE id = :id", {"id": document_id})
        return dict(json.loads(text)) if text else {}

    def search(
        self, query: RegisterQuery, *, offset: int = 0, limit: int = 200
    ) -> list[RegisterRow]:
        where, params = _where(self.db.dialect, query)
        text = query.text.strip()
        # A document whose number or member number is exactly the text comes first.
        exact = "d.number = :text COLLATE NOCASE OR d.member_number = :text"
        first = f"{self.db.dialect.flag(exact)} DESC, " if text else ""
        rows = self.db.rows(
            _SELECT
            + where
            + f" ORDER BY {first}d.doc_date DESC, d.id DESC LIMIT :limit OFFSET :offset",
            {**params, "limit": limit, "offset": offset},
        )
        return [_row(r) for r in rows]

    def count(self, query: RegisterQuery) -> int:
        where, params = _where(self.db.dialect, query)
        return int(self.db.scalar("SELECT count(*) FROM documents d" + where, params) or 0)

    # -- settings ----------------------------------------------------------------------------
    def setting(self, key: str) -> Any:
        text = self.db.scalar("SELECT value FROM document_settings WHERE key = :k", {"k": key})
        return None if text is None else json.loads(text)

    def settings_with_prefix(self, prefix: str) -> dict[str, Any]:
        rows = self.db.rows(
            "SELECT key, value FROM document_settings"
            f" WHERE {self.db.dialect.ci_like('key', ':p')} ESCAPE '\\'",
            {"p": prefix.replace("_", "\\_").replace("%", "\\%") + "%"},
        )
        return {r["key"]: json.loads(r["value"]) for r in rows}

    def put_setting(self, key: str, value: Any) -> None:
        """Store (or with None remove) one setting; call inside a transaction."""
        if value is None:
            self.db.run("DELETE FROM document_settings WHERE key = :k", {"k": key})
            return
        self.db.run(
            "INSERT INTO document_settings (key, value) VALUES (:k, :v)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            {"k": key, "v": json.dumps(value, ensure_ascii=False)},
        )
