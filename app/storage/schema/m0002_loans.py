"""Step 0002: loans, their schedules, events and collateral."""

from __future__ import annotations

import sqlite_utils

from app.storage.schema._sql import immutable as _immutable
from app.storage.schema._sql import run as _run

# ---------------------------------------------------------------------------------- loans

_LOAN_STATUSES = (
    "'diajukan', 'disetujui', 'ditolak', 'aktif', 'lunas', 'lunas_keringanan', "
    "'direstrukturisasi', 'hapus_buku', 'hapus_tagih'"
)
_DENDA_COLUMNS = """
            denda_basis TEXT NOT NULL CHECK (denda_basis IN ('installment', 'principal', 'fixed')),
            denda_rate TEXT NOT NULL,
            denda_per TEXT NOT NULL CHECK (denda_per IN ('day', 'month')),
            denda_grace_days INTEGER NOT NULL CHECK (denda_grace_days >= 0),
            denda_cap INTEGER CHECK (denda_cap IS NULL OR denda_cap >= 0),
            denda_fixed INTEGER NOT NULL DEFAULT 0 CHECK (denda_fixed >= 0),
            denda_cap_rate TEXT,
            alloc_order TEXT NOT NULL DEFAULT 'denda,jasa,pokok',
            alloc_mode TEXT NOT NULL DEFAULT 'per_installment'
                CHECK (alloc_mode IN ('per_installment', 'per_component')),
            payoff_rule TEXT NOT NULL DEFAULT 'current'
                CHECK (payoff_rule IN ('current', 'due', 'all')),"""


def m0002_loans(db: sqlite_utils.Database) -> None:
    """Loans: products, loans, immutable schedules (versioned for restructuring), immutable
    money events with their allocation lines, denda charges, collateral, guarantors,
    month-end quality snapshots and booked allowance figures."""
    from app.clock import now_text

    _run(
        db,
        f"""CREATE TABLE loan_products (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
            method TEXT NOT NULL CHECK (method IN ('flat', 'declining', 'annuity')),
            monthly_rate TEXT NOT NULL,
            min_months INTEGER NOT NULL CHECK (min_months >= 1),
            max_months INTEGER NOT NULL CHECK (max_months >= min_months),
            min_amount INTEGER NOT NULL CHECK (min_amount > 0),
            max_amount INTEGER NOT NULL CHECK (max_amount >= min_amount),
            round_to INTEGER NOT NULL CHECK (round_to >= 1),
            round_up INTEGER NOT NULL CHECK (round_up IN (0, 1)),{_DENDA_COLUMNS}
            admin_fee_rate TEXT NOT NULL DEFAULT '0',
            admin_fee_fixed INTEGER NOT NULL DEFAULT 0 CHECK (admin_fee_fixed >= 0),
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        ) STRICT""",
        f"""CREATE TABLE loans (
            id INTEGER PRIMARY KEY,
            application_no TEXT NOT NULL UNIQUE,
            number TEXT UNIQUE,
            member_id INTEGER NOT NULL REFERENCES members(id),
            product_id INTEGER NOT NULL REFERENCES loan_products(id),
            status TEXT NOT NULL DEFAULT 'diajukan' CHECK (status IN ({_LOAN_STATUSES})),
            application_date TEXT NOT NULL,
            amount INTEGER NOT NULL CHECK (amount > 0),
            months INTEGER NOT NULL CHECK (months >= 1),
            monthly_rate TEXT NOT NULL,
            method TEXT NOT NULL CHECK (method IN ('flat', 'declining', 'annuity')),
            round_to INTEGER NOT NULL CHECK (round_to >= 1),
            round_up INTEGER NOT NULL CHECK (round_up IN (0, 1)),
            principal_grace INTEGER NOT NULL DEFAULT 0 CHECK (principal_grace >= 0),
            first_due TEXT NOT NULL,
            purpose TEXT NOT NULL DEFAULT '',{_DENDA_COLUMNS}
            admin_fee INTEGER NOT NULL DEFAULT 0 CHECK (admin_fee >= 0),
            decided_by INTEGER REFERENCES users(id),
            decided_on TEXT,
            decision_note TEXT NOT NULL DEFAULT '',
            disbursed_on TEXT,
            net_disbursed INTEGER,
            schedule_version INTEGER NOT NULL DEFAULT 0,
            closed_on TEXT,
            replaces_loan_id INTEGER REFERENCES loans(id),
            rescuable INTEGER NOT NULL DEFAULT 1 CHECK (rescuable IN (0, 1)),
            in_court INTEGER NOT NULL DEFAULT 0 CHECK (in_court IN (0, 1)),
            note TEXT NOT NULL DEFAULT '',
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (status IN ('diajukan', 'disetujui', 'ditolak') OR disbursed_on IS NOT NULL)
        ) STRICT""",
        "CREATE INDEX loans_member ON loans (member_id)",
        "CREATE INDEX loans_status ON loans (status, disbursed_on)",
        "CREATE INDEX loans_product ON loans (product_id)",
        "CREATE INDEX loans_closed ON loans (closed_on)",
        # A schedule version: 0 is the original; a restructuring adds the next one.
        """CREATE TABLE loan_schedules (
            loan_id INTEGER NOT NULL REFERENCES loans(id),
            version INTEGER NOT NULL CHECK (version >= 0),
            effective_date TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            decision_id INTEGER,
            principal INTEGER NOT NULL CHECK (principal > 0),
            monthly_rate TEXT NOT NULL,
            months INTEGER NOT NULL CHECK (months >= 1),
            method TEXT NOT NULL,
            round_to INTEGER NOT NULL,
            round_up INTEGER NOT NULL,
            principal_grace INTEGER NOT NULL DEFAULT 0,
            first_due TEXT NOT NULL,
            total_pokok INTEGER NOT NULL,
            total_jasa INTEGER NOT NULL,
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL,
            PRIMARY KEY (loan_id, version),
            CHECK (total_pokok = principal)
        ) STRICT""",
        *_immutable("loan_schedules"),
        # cum_* are running totals through this instalment: arrears need no window at read time.
        """CREATE TABLE loan_schedule_lines (
            loan_id INTEGER NOT NULL,
            version INTEGER NOT NULL,
            number INTEGER NOT NULL CHECK (number >= 1),
            due_date TEXT NOT NULL,
            pokok INTEGER NOT NULL CHECK (pokok >= 0),
            jasa INTEGER NOT NULL CHECK (jasa >= 0),
            cum_pokok INTEGER NOT NULL,
            cum_jasa INTEGER NOT NULL,
            balance INTEGER NOT NULL CHECK (balance >= 0),
            PRIMARY KEY (loan_id, version, number),
            FOREIGN KEY (loan_id, version) REFERENCES loan_schedules (loan_id, version)
        ) STRICT, WITHOUT ROWID""",
        "CREATE INDEX loan_lines_due ON loan_schedule_lines (loan_id, version, due_date)",
        "CREATE INDEX loan_lines_cum_pokok ON loan_schedule_lines (loan_id, version, cum_pokok)",
        "CREATE INDEX loan_lines_cum_jasa ON loan_schedule_lines (loan_id, version, cum_jasa)",
        *_immutable("loan_schedule_lines"),
        # Money events. pokok/jasa/denda: amounts settled (paid, waived or given up);
        # titipan: change of the advance held; amount: cash in (receipt) or out (disbursement,
        # refund). A reversal carries the negated figures of what it reverses.
        """CREATE TABLE loan_events (
            id INTEGER PRIMARY KEY,
            loan_id INTEGER NOT NULL REFERENCES loans(id),
            version INTEGER NOT NULL DEFAULT 0,
            kind TEXT NOT NULL CHECK (kind IN ('pencairan', 'pembayaran', 'pembalikan',
                'keringanan', 'potongan_pelunasan', 'titipan_diterapkan',
                'titipan_dikembalikan')),
            event_date TEXT NOT NULL,
            receipt_no TEXT UNIQUE,
            amount INTEGER NOT NULL DEFAULT 0,
            method TEXT NOT NULL DEFAULT '',
            pokok INTEGER NOT NULL DEFAULT 0,
            jasa INTEGER NOT NULL DEFAULT 0,
            denda INTEGER NOT NULL DEFAULT 0,
            titipan INTEGER NOT NULL DEFAULT 0,
            fee INTEGER NOT NULL DEFAULT 0,
            reverses_id INTEGER UNIQUE REFERENCES loan_events(id),
            reason TEXT NOT NULL DEFAULT '',
            approved_by INTEGER REFERENCES users(id),
            note TEXT NOT NULL DEFAULT '',
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL,
            CHECK (kind <> 'pembalikan' OR (reverses_id IS NOT NULL AND length(reason) > 0)),
            CHECK (kind = 'pembalikan' OR reverses_id IS NULL),
            CHECK (kind <> 'keringanan' OR (approved_by IS NOT NULL AND length(reason) > 0)),
            CHECK (kind <> 'pembayaran' OR (amount > 0 AND amount = pokok + jasa + denda + titipan))
        ) STRICT""",
        "CREATE INDEX loan_events_loan ON loan_events"
        " (loan_id, version, event_date, pokok, jasa, denda, titipan)",
        "CREATE INDEX loan_events_date ON loan_events (event_date)",
        *_immutable("loan_events"),
        """CREATE TABLE loan_event_lines (
            event_id INTEGER NOT NULL REFERENCES loan_events(id),
            line_no INTEGER NOT NULL,
            number INTEGER,
            component TEXT NOT NULL CHECK (component IN ('denda', 'jasa', 'pokok', 'titipan')),
            amount INTEGER NOT NULL CHECK (amount <> 0),
            PRIMARY KEY (event_id, line_no),
            CHECK ((component = 'titipan') = (number IS NULL))
        ) STRICT, WITHOUT ROWID""",
        *_immutable("loan_event_lines"),
        # Denda crystallised on an instalment when a payment or waiver is made (see arrears).
        """CREATE TABLE loan_denda_charges (
            id INTEGER PRIMARY KEY,
            loan_id INTEGER NOT NULL REFERENCES loans(id),
            version INTEGER NOT NULL,
            number INTEGER NOT NULL,
            charge_date TEXT NOT NULL,
            amount INTEGER NOT NULL CHECK (amount > 0),
            event_id INTEGER REFERENCES loan_events(id)
        ) STRICT""",
        "CREATE INDEX loan_denda_charges_inst ON loan_denda_charges"
        " (loan_id, version, number, charge_date, amount)",
        *_immutable("loan_denda_charges"),
        """CREATE TABLE loan_collateral (
            id INTEGER PRIMARY KEY,
            loan_id INTEGER NOT NULL REFERENCES loans(id),
            kind TEXT NOT NULL CHECK (kind IN ('cash', 'land_mortgage', 'land',
                'informal_title', 'vehicle_fiducia', 'vehicle', 'other')),
            description TEXT NOT NULL CHECK (length(trim(description)) > 0),
            document_no TEXT NOT NULL DEFAULT '',
            owner TEXT NOT NULL DEFAULT '',
            estimated_value INTEGER NOT NULL DEFAULT 0 CHECK (estimated_value >= 0),
            tax_value INTEGER NOT NULL DEFAULT 0 CHECK (tax_value >= 0),
            note TEXT NOT NULL DEFAULT '',
            released_on TEXT,
            release_note TEXT NOT NULL DEFAULT '',
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL
        ) STRICT""",
        "CREATE INDEX loan_collateral_loan ON loan_collateral (loan_id)",
        """CREATE TABLE loan_guarantors (
            id INTEGER PRIMARY KEY,
            loan_id INTEGER NOT NULL REFERENCES loans(id),
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            nik TEXT NOT NULL DEFAULT '',
            relation TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL
        ) STRICT""",
        "CREATE INDEX loan_guarantors_loan ON loan_guarantors (loan_id)",
        # Month-end runs: a rerun of a date is a new run (run_no + 1); nothing is replaced.
        """CREATE TABLE loan_quality_runs (
            id INTEGER PRIMARY KEY,
            as_of TEXT NOT NULL,
            run_no INTEGER NOT NULL CHECK (run_no >= 1),
            policy_key TEXT NOT NULL,
            policy_name TEXT NOT NULL,
            loan_count INTEGER NOT NULL,
            total_outstanding INTEGER NOT NULL,
            npl_ratio TEXT NOT NULL,
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL,
            UNIQUE (as_of, run_no)
        ) STRICT""",
        *_immutable("loan_quality_runs"),
        """CREATE TABLE loan_quality_snapshots (
            run_id INTEGER NOT NULL REFERENCES loan_quality_runs(id),
            loan_id INTEGER NOT NULL REFERENCES loans(id),
            quality TEXT NOT NULL CHECK (quality IN ('L', 'DPK', 'KL', 'D', 'M', 'HB')),
            days_past_due INTEGER NOT NULL,
            oldest_due TEXT,
            oldest_pokok_due TEXT,
            oldest_jasa_due TEXT,
            installments_missed INTEGER NOT NULL,
            arrears_pokok INTEGER NOT NULL,
            arrears_jasa INTEGER NOT NULL,
            arrears_denda INTEGER NOT NULL,
            outstanding INTEGER NOT NULL,
            titipan INTEGER NOT NULL DEFAULT 0,
            collateral_value INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (run_id, loan_id)
        ) STRICT, WITHOUT ROWID""",
        "CREATE INDEX loan_quality_snapshots_loan ON loan_quality_snapshots (loan_id, run_id)",
        *_immutable("loan_quality_snapshots"),
        """CREATE TABLE loan_allowance_bookings (
            id INTEGER PRIMARY KEY,
            as_of TEXT NOT NULL,
            amount INTEGER NOT NULL CHECK (amount >= 0),
            policy_key TEXT NOT NULL,
            policy_name TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL
        ) STRICT""",
        "CREATE INDEX loan_allowance_bookings_date ON loan_allowance_bookings (as_of)",
        *_immutable("loan_allowance_bookings"),
    )
    # The preset products a new cooperative starts with (editable in Settings).
    stamp = now_text()
    presets = (
        ("Pinjaman Umum", "flat", "1.5", 3, 36, 1_000_000, 50_000_000, "1", 0),
        ("Pinjaman Usaha", "declining", "1.25", 6, 36, 5_000_000, 100_000_000, "1", 0),
        ("Pinjaman Anuitas", "annuity", "1.25", 6, 60, 5_000_000, 100_000_000, "1", 0),
    )
    for name, method, rate, min_m, max_m, min_a, max_a, fee_rate, fee_fixed in presets:
        db.execute(
            "INSERT INTO loan_products (name, method, monthly_rate, min_months, max_months,"
            " min_amount, max_amount, round_to, round_up, denda_basis, denda_rate, denda_per,"
            " denda_grace_days, denda_cap, denda_fixed, denda_cap_rate, admin_fee_rate,"
            " admin_fee_fixed, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, 100, 1, 'installment', '0.1', 'day', 3, NULL, 0,"
            " '10', ?, ?, ?, ?)",
            (name, method, rate, min_m, max_m, min_a, max_a, fee_rate, fee_fixed, stamp, stamp),
        )


NAME = "0002_loans"
migrate = m0002_loans
