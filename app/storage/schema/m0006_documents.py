"""Schema of the document register: every numbered document issued, its exact PDF, batches
of letters, and the document settings (number pattern, wording, signers)."""

from __future__ import annotations

import sqlite_utils


def m0006_documents(db: sqlite_utils.Database) -> None:
    """The register. A number is taken in its own committed transaction and its row stays
    'proses' until the PDF is stored ('selesai'); a crash in between leaves the row 'proses'
    (shown as unfinished) and the number is never handed out again. Rows are never deleted;
    once finished they are never changed. Loans and cases are referenced by id without a
    foreign key so this schema does not depend on their migrations' order."""
    statements = (
        """CREATE TABLE document_batches (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            run_date TEXT NOT NULL,
            planned INTEGER NOT NULL DEFAULT 0,
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL
        ) STRICT""",
        """CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            number TEXT NOT NULL CHECK (length(trim(number)) > 0),
            seq INTEGER,
            seq_year INTEGER,
            doc_date TEXT NOT NULL,
            title TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'proses'
                CHECK (status IN ('proses', 'selesai', 'gagal')),
            member_id INTEGER REFERENCES members(id),
            member_number TEXT NOT NULL DEFAULT '',
            member_name TEXT NOT NULL DEFAULT '',
            loan_id INTEGER,
            loan_number TEXT NOT NULL DEFAULT '',
            case_id INTEGER,
            batch_id INTEGER REFERENCES document_batches(id),
            sha256 TEXT,
            size INTEGER,
            pages INTEGER,
            data TEXT NOT NULL DEFAULT '{}',
            note TEXT NOT NULL DEFAULT '',
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL,
            finished_at TEXT,
            UNIQUE (kind, number),
            CHECK (status <> 'selesai' OR (sha256 IS NOT NULL AND size > 0))
        ) STRICT""",
        "CREATE INDEX documents_date ON documents (doc_date, id)",
        "CREATE INDEX documents_number ON documents (number)",
        "CREATE INDEX documents_member ON documents (member_id)",
        "CREATE INDEX documents_member_name ON documents (member_name COLLATE NOCASE)",
        "CREATE INDEX documents_loan ON documents (loan_id)",
        "CREATE INDEX documents_case ON documents (case_id)",
        "CREATE INDEX documents_batch ON documents (batch_id)",
        """CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents
            BEGIN SELECT RAISE(ABORT, 'documents is append-only'); END""",
        """CREATE TRIGGER documents_finished_fixed BEFORE UPDATE ON documents
            WHEN OLD.status <> 'proses'
            BEGIN SELECT RAISE(ABORT, 'a finished document is never changed'); END""",
        """CREATE TRIGGER documents_number_fixed BEFORE UPDATE OF kind, number ON documents
            BEGIN SELECT RAISE(ABORT, 'a document number is never changed'); END""",
        # The exact bytes issued: a reprint is these bytes, nothing re-rendered.
        """CREATE TABLE document_files (
            document_id INTEGER PRIMARY KEY REFERENCES documents(id),
            pdf BLOB NOT NULL
        ) STRICT""",
        """CREATE TRIGGER document_files_no_update BEFORE UPDATE ON document_files
            BEGIN SELECT RAISE(ABORT, 'document_files is append-only'); END""",
        """CREATE TRIGGER document_files_no_delete BEFORE DELETE ON document_files
            BEGIN SELECT RAISE(ABORT, 'document_files is append-only'); END""",
        """CREATE TABLE document_settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) STRICT""",
    )
    for statement in statements:
        db.execute(statement)


NAME = "0006_documents"
migrate = m0006_documents
