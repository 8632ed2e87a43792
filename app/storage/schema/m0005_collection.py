"""Schema of problem-loan handling (DOMAIN §7): cases, the negotiation log, promises, letters,
decisions with their votes, the collection's own financial events and the off-books register.

Registered on the same Migrations set as the rest (imported at the bottom of migrations.py,
after the loans migration). Records are append-only wherever the domain says "never edited":
contacts, promises, cancellations, votes, notes, financial events and the case's own events.
"""

from __future__ import annotations

import sqlite_utils

from app.storage.schema._sql import immutable as _immutable
from app.storage.schema._sql import run as _run

_CASE_STATUSES = (
    "'baru', 'dalam_negosiasi', 'janji_bayar', 'restrukturisasi', 'penyelesaian', 'selesai',"
    " 'hapus_buku'"
)
_CHANNELS = "'telepon', 'whatsapp', 'kunjungan_rumah', 'kunjungan_usaha', 'di_kantor', 'surat'"
_MET = "'anggota', 'suami_istri', 'penjamin', 'keluarga', 'lainnya', 'tidak_bertemu'"
_LETTERS = "'SP1', 'SP2', 'SP3', 'panggilan', 'somasi', 'berita_acara', 'lainnya'"
_COLLATERAL = (
    "'belum_dinilai', 'tidak_ada', 'dipegang', 'proses_jual', 'terjual', 'tidak_bisa',"
    " 'dikembalikan'"
)
_DECISION_KINDS = (
    "'restrukturisasi', 'pelunasan_keringanan', 'kompensasi_simpanan', 'hapus_buku', 'hapus_tagih'"
)
_DECISION_STATUSES = "'diusulkan', 'disetujui', 'ditolak', 'ditarik', 'dilaksanakan'"
_FIN_KINDS = "'kapitalisasi', 'hapus_buku', 'pembalikan_pendapatan', 'pemulihan', 'hapus_tagih'"


def m0005_collection(db: sqlite_utils.Database) -> None:
    _run(
        db,
        f"""CREATE TABLE collection_cases (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,
            loan_id INTEGER NOT NULL REFERENCES loans(id),
            member_id INTEGER NOT NULL REFERENCES members(id),
            status TEXT NOT NULL DEFAULT 'baru' CHECK (status IN ({_CASE_STATUSES})),
            opened_on TEXT NOT NULL,
            opened_how TEXT NOT NULL CHECK (opened_how IN ('otomatis', 'manual')),
            open_reason TEXT NOT NULL DEFAULT '',
            officer_id INTEGER REFERENCES users(id),
            collateral_status TEXT NOT NULL DEFAULT 'belum_dinilai'
                CHECK (collateral_status IN ({_COLLATERAL})),
            collateral_note TEXT NOT NULL DEFAULT '',
            closed_on TEXT,
            close_reason TEXT NOT NULL DEFAULT '',
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK ((status = 'selesai') = (closed_on IS NOT NULL))
        ) STRICT""",
        # At most one open case per loan: open_due_cases() relies on it to be idempotent.
        "CREATE UNIQUE INDEX collection_cases_open_loan ON collection_cases (loan_id)"
        " WHERE status <> 'selesai'",
        "CREATE INDEX collection_cases_status ON collection_cases (status, officer_id)",
        "CREATE INDEX collection_cases_member ON collection_cases (member_id)",
        """CREATE TABLE case_causes (
            case_id INTEGER NOT NULL REFERENCES collection_cases(id),
            code TEXT NOT NULL,
            added_by INTEGER REFERENCES users(id),
            added_at TEXT NOT NULL,
            PRIMARY KEY (case_id, code)
        ) STRICT, WITHOUT ROWID""",
        "CREATE INDEX case_causes_code ON case_causes (code)",
        # The case's own history (opened, status, officer, collateral, notes, closed).
        """CREATE TABLE case_events (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES collection_cases(id),
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            user_id INTEGER REFERENCES users(id)
        ) STRICT""",
        "CREATE INDEX case_events_case ON case_events (case_id, at)",
        *_immutable("case_events"),
        f"""CREATE TABLE case_contacts (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES collection_cases(id),
            loan_id INTEGER NOT NULL REFERENCES loans(id),
            contact_at TEXT NOT NULL,
            channel TEXT NOT NULL CHECK (channel IN ({_CHANNELS})),
            met_role TEXT NOT NULL CHECK (met_role IN ({_MET})),
            met_name TEXT NOT NULL DEFAULT '',
            officer_id INTEGER NOT NULL REFERENCES users(id),
            member_said TEXT NOT NULL DEFAULT '',
            offer TEXT NOT NULL DEFAULT '',
            member_answer TEXT NOT NULL DEFAULT '',
            agreed TEXT NOT NULL DEFAULT '',
            next_step TEXT NOT NULL DEFAULT '',
            next_step_date TEXT,
            letter_kind TEXT CHECK (letter_kind IS NULL OR letter_kind IN ({_LETTERS})),
            corrects_id INTEGER UNIQUE REFERENCES case_contacts(id),
            correction_reason TEXT NOT NULL DEFAULT '',
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL,
            CHECK (corrects_id IS NULL OR length(trim(correction_reason)) > 0)
        ) STRICT""",
        "CREATE INDEX case_contacts_case ON case_contacts (case_id, contact_at)",
        "CREATE INDEX case_contacts_officer ON case_contacts (officer_id, contact_at)",
        "CREATE INDEX case_contacts_next ON case_contacts (next_step_date)",
        *_immutable("case_contacts"),
        """CREATE TABLE contact_causes (
            contact_id INTEGER NOT NULL REFERENCES case_contacts(id),
            code TEXT NOT NULL,
            PRIMARY KEY (contact_id, code)
        ) STRICT, WITHOUT ROWID""",
        *_immutable("contact_causes"),
        """CREATE TABLE contact_attachments (
            id INTEGER PRIMARY KEY,
            contact_id INTEGER NOT NULL REFERENCES case_contacts(id),
            rel_path TEXT NOT NULL,
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
            original_name TEXT NOT NULL DEFAULT '',
            size INTEGER NOT NULL CHECK (size >= 0),
            created_at TEXT NOT NULL
        ) STRICT""",
        "CREATE INDEX contact_attachments_contact ON contact_attachments (contact_id)",
        *_immutable("contact_attachments"),
        """CREATE TABLE case_promises (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES collection_cases(id),
            loan_id INTEGER NOT NULL REFERENCES loans(id),
            contact_id INTEGER NOT NULL REFERENCES case_contacts(id),
            amount INTEGER NOT NULL CHECK (amount > 0),
            made_on TEXT NOT NULL,
            due_date TEXT NOT NULL,
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL,
            CHECK (due_date >= made_on)
        ) STRICT""",
        "CREATE INDEX case_promises_loan ON case_promises (loan_id, due_date)",
        "CREATE INDEX case_promises_case ON case_promises (case_id)",
        "CREATE INDEX case_promises_due ON case_promises (due_date)",
        *_immutable("case_promises"),
        """CREATE TABLE promise_cancellations (
            promise_id INTEGER PRIMARY KEY REFERENCES case_promises(id),
            cancelled_on TEXT NOT NULL,
            reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
            decision_id INTEGER REFERENCES collection_decisions(id),
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL
        ) STRICT""",
        *_immutable("promise_cancellations"),
        # Letters sent for a case. The documents register writes here when it prints an SP or
        # a Surat Panggilan (document_ref links back); delivery can be filled in later.
        f"""CREATE TABLE case_letters (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES collection_cases(id),
            loan_id INTEGER NOT NULL REFERENCES loans(id),
            kind TEXT NOT NULL CHECK (kind IN ({_LETTERS})),
            number TEXT NOT NULL DEFAULT '',
            letter_date TEXT NOT NULL,
            sent_on TEXT,
            delivery_method TEXT NOT NULL DEFAULT '',
            received_by TEXT NOT NULL DEFAULT '',
            pay_by TEXT,
            document_ref TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        ) STRICT""",
        "CREATE INDEX case_letters_case ON case_letters (case_id, kind, sent_on)",
        "CREATE INDEX case_letters_loan ON case_letters (loan_id, kind)",
        "CREATE TRIGGER case_letters_no_delete BEFORE DELETE ON case_letters"
        " BEGIN SELECT RAISE(ABORT, 'case_letters is append-only'); END",
        f"""CREATE TABLE collection_decisions (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL CHECK (kind IN ({_DECISION_KINDS})),
            case_id INTEGER REFERENCES collection_cases(id),
            loan_id INTEGER NOT NULL REFERENCES loans(id),
            status TEXT NOT NULL DEFAULT 'diusulkan' CHECK (status IN ({_DECISION_STATUSES})),
            summary TEXT NOT NULL,
            payload TEXT NOT NULL,
            required_approvals INTEGER NOT NULL CHECK (required_approvals >= 1),
            needs_pengawas INTEGER NOT NULL DEFAULT 0 CHECK (needs_pengawas IN (0, 1)),
            proposed_by INTEGER NOT NULL REFERENCES users(id),
            proposed_on TEXT NOT NULL,
            meeting_ref TEXT NOT NULL DEFAULT '',
            meeting_date TEXT,
            expires_on TEXT,
            supersedes_id INTEGER REFERENCES collection_decisions(id),
            decided_on TEXT,
            executed_on TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        ) STRICT""",
        "CREATE INDEX collection_decisions_loan ON collection_decisions (loan_id, kind, status)",
        "CREATE INDEX collection_decisions_status ON collection_decisions (status, proposed_on)",
        # What was proposed is what gets approved: the proposal itself can never change.
        "CREATE TRIGGER collection_decisions_frozen BEFORE UPDATE OF number, kind, case_id,"
        " loan_id, summary, payload, required_approvals, needs_pengawas, proposed_by,"
        " proposed_on ON collection_decisions"
        " BEGIN SELECT RAISE(ABORT, 'a proposal is never edited'); END",
        "CREATE TRIGGER collection_decisions_no_delete BEFORE DELETE ON collection_decisions"
        " BEGIN SELECT RAISE(ABORT, 'collection_decisions is append-only'); END",
        """CREATE TABLE decision_votes (
            id INTEGER PRIMARY KEY,
            decision_id INTEGER NOT NULL REFERENCES collection_decisions(id),
            user_id INTEGER NOT NULL REFERENCES users(id),
            role TEXT NOT NULL,
            verdict TEXT NOT NULL CHECK (verdict IN ('setuju', 'tolak')),
            note TEXT NOT NULL DEFAULT '',
            on_date TEXT NOT NULL,
            at TEXT NOT NULL,
            UNIQUE (decision_id, user_id)
        ) STRICT""",
        *_immutable("decision_votes"),
        """CREATE TABLE decision_notes (
            id INTEGER PRIMARY KEY,
            decision_id INTEGER NOT NULL REFERENCES collection_decisions(id),
            user_id INTEGER NOT NULL REFERENCES users(id),
            role TEXT NOT NULL,
            note TEXT NOT NULL CHECK (length(trim(note)) > 0),
            on_date TEXT NOT NULL,
            at TEXT NOT NULL
        ) STRICT""",
        "CREATE INDEX decision_notes_decision ON decision_notes (decision_id)",
        *_immutable("decision_notes"),
        # Money events the loans ledger has no kind for: capitalisation, write-off, income
        # reversed, recoveries after write-off, forgiveness. debit/credit name the journal.
        f"""CREATE TABLE collection_fin_events (
            id INTEGER PRIMARY KEY,
            loan_id INTEGER NOT NULL REFERENCES loans(id),
            decision_id INTEGER REFERENCES collection_decisions(id),
            kind TEXT NOT NULL CHECK (kind IN ({_FIN_KINDS})),
            event_date TEXT NOT NULL,
            amount INTEGER NOT NULL DEFAULT 0,
            pokok INTEGER NOT NULL DEFAULT 0,
            jasa INTEGER NOT NULL DEFAULT 0,
            denda INTEGER NOT NULL DEFAULT 0,
            receipt_no TEXT UNIQUE,
            method TEXT NOT NULL DEFAULT '',
            debit TEXT NOT NULL DEFAULT '',
            credit TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL,
            CHECK (kind <> 'pemulihan' OR (amount > 0 AND receipt_no IS NOT NULL))
        ) STRICT""",
        "CREATE INDEX collection_fin_events_loan ON collection_fin_events (loan_id, event_date)",
        "CREATE INDEX collection_fin_events_date ON collection_fin_events (kind, event_date)",
        *_immutable("collection_fin_events"),
        # Daftar Ekstrakomptabel: one row per written-off loan; hapus tagih closes it.
        """CREATE TABLE offbook_register (
            id INTEGER PRIMARY KEY,
            loan_id INTEGER NOT NULL UNIQUE REFERENCES loans(id),
            member_id INTEGER NOT NULL REFERENCES members(id),
            decision_id INTEGER NOT NULL REFERENCES collection_decisions(id),
            written_off_on TEXT NOT NULL,
            pokok INTEGER NOT NULL CHECK (pokok >= 0),
            jasa INTEGER NOT NULL CHECK (jasa >= 0),
            denda INTEGER NOT NULL CHECK (denda >= 0),
            status TEXT NOT NULL DEFAULT 'aktif' CHECK (status IN ('aktif', 'hapus_tagih')),
            closed_on TEXT,
            close_decision_id INTEGER REFERENCES collection_decisions(id),
            rat_number TEXT NOT NULL DEFAULT '',
            rat_date TEXT,
            created_at TEXT NOT NULL,
            CHECK ((status = 'hapus_tagih') = (closed_on IS NOT NULL))
        ) STRICT""",
        "CREATE TRIGGER offbook_register_no_delete BEFORE DELETE ON offbook_register"
        " BEGIN SELECT RAISE(ABORT, 'offbook_register is append-only'); END",
    )


NAME = "0005_collection"
migrate = m0005_collection
