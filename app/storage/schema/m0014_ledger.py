"""Schema of the books (issue 12 §1–2): the chart of accounts (LEDGER.md §1.2), where each money
component posts (dated versions, optional per product), payment methods to Kas or a bank account,
and the append-only journal. A journal's lines are written first and its header last: the header's
trigger refuses an unbalanced or empty journal, and no line can be added to a sealed journal."""

from __future__ import annotations

import sqlite_utils

from app.clock import now_text
from app.storage.schema._sql import immutable as _immutable
from app.storage.schema._sql import run as _run

# (code, name, type, normal side, group header?)  Frozen with this step: a later change of the
# default chart is a new step.
CHART: tuple[tuple[str, str, str, str, bool], ...] = (
    ("1", "ASET", "aset", "D", True),
    ("11", "Aset lancar", "aset", "D", True),
    ("1101", "Kas", "aset", "D", False),
    ("1102", "Kas kecil", "aset", "D", False),
    ("1103", "Bank", "aset", "D", True),
    ("1103.01", "Bank", "aset", "D", False),
    ("1104", "Deposito pada bank / koperasi lain", "aset", "D", False),
    ("1105", "Piutang pinjaman anggota", "aset", "D", False),
    ("1106", "Piutang pinjaman - restrukturisasi", "aset", "D", False),
    ("1107", "Pendapatan jasa ditangguhkan (kapitalisasi)", "aset", "K", False),
    ("1108", "Penyisihan penghapusan pinjaman (PPAP)", "aset", "K", False),
    ("1109", "Pendapatan jasa yang masih harus diterima", "aset", "D", False),
    ("1110", "Piutang potongan gaji / bendahara instansi", "aset", "D", False),
    ("1111", "Piutang lain-lain", "aset", "D", False),
    ("1112", "Biaya dibayar di muka", "aset", "D", False),
    ("1113", "Pajak dibayar di muka (PPh 25)", "aset", "D", False),
    ("12", "Investasi", "aset", "D", True),
    ("1201", "Penyertaan pada koperasi sekunder", "aset", "D", False),
    ("13", "Aset tetap", "aset", "D", True),
    ("1301", "Tanah", "aset", "D", False),
    ("1302", "Gedung", "aset", "D", False),
    ("1303", "Kendaraan", "aset", "D", False),
    ("1304", "Inventaris", "aset", "D", False),
    ("1309", "Akumulasi penyusutan", "aset", "K", False),
    ("14", "Aset lain", "aset", "D", True),
    ("1401", "Agunan yang diambil alih", "aset", "D", False),
    ("2", "KEWAJIBAN", "kewajiban", "K", True),
    ("21", "Kewajiban lancar", "kewajiban", "K", True),
    ("2101", "Simpanan sukarela", "kewajiban", "K", False),
    ("2102", "Simpanan berjangka", "kewajiban", "K", False),
    ("2103", "Jasa simpanan berjangka yang masih harus dibayar", "kewajiban", "K", False),
    ("2104", "Titipan angsuran / kelebihan bayar", "kewajiban", "K", False),
    ("2105", "Titipan premi asuransi pinjaman", "kewajiban", "K", False),
    ("2106", "Utang PPh Pasal 4(2) jasa simpanan", "kewajiban", "K", False),
    ("2107", "Utang PPh Pasal 21", "kewajiban", "K", False),
    ("2108", "Utang PPh badan / PPh final 0,5%", "kewajiban", "K", False),
    ("2109", "Utang SHU bagian anggota", "kewajiban", "K", False),
    ("2110", "Dana pengurus & pengawas", "kewajiban", "K", False),
    ("2111", "Dana karyawan", "kewajiban", "K", False),
    ("2112", "Dana pendidikan", "kewajiban", "K", False),
    ("2113", "Dana sosial", "kewajiban", "K", False),
    ("2114", "Dana pembangunan daerah kerja", "kewajiban", "K", False),
    ("2115", "Simpanan anggota keluar belum dibayar", "kewajiban", "K", False),
    ("2116", "Beban yang masih harus dibayar", "kewajiban", "K", False),
    ("2117", "Provisi/administrasi diterima di muka", "kewajiban", "K", False),
    ("22", "Kewajiban jangka panjang", "kewajiban", "K", True),
    ("2201", "Pinjaman bank / LPDB / koperasi lain", "kewajiban", "K", False),
    ("3", "EKUITAS", "ekuitas", "K", True),
    ("31", "Ekuitas", "ekuitas", "K", True),
    ("3101", "Simpanan pokok", "ekuitas", "K", False),
    ("3102", "Simpanan wajib", "ekuitas", "K", False),
    ("3103", "Cadangan umum", "ekuitas", "K", False),
    ("3104", "Cadangan risiko", "ekuitas", "K", False),
    ("3105", "Hibah / donasi", "ekuitas", "K", False),
    ("3106", "Modal penyertaan", "ekuitas", "K", False),
    ("3107", "SHU belum dibagi", "ekuitas", "K", False),
    ("3108", "SHU tahun berjalan", "ekuitas", "K", True),
    ("3999", "Selisih saldo awal", "ekuitas", "K", False),
    ("4", "PENDAPATAN", "pendapatan", "K", True),
    ("41", "Pendapatan usaha", "pendapatan", "K", True),
    ("4101", "Pendapatan jasa pinjaman anggota", "pendapatan", "K", False),
    ("4102", "Pendapatan provisi & administrasi", "pendapatan", "K", False),
    ("4103", "Pendapatan denda", "pendapatan", "K", False),
    ("4104", "Pendapatan administrasi simpanan", "pendapatan", "K", False),
    ("42", "Pendapatan lain", "pendapatan", "K", True),
    ("4201", "Jasa giro / bunga bank", "pendapatan", "K", False),
    ("4202", "Penerimaan pinjaman yang telah dihapusbukukan", "pendapatan", "K", False),
    ("4203", "Pemulihan PPAP", "pendapatan", "K", False),
    ("4204", "Pendapatan lain-lain", "pendapatan", "K", False),
    ("5", "BEBAN", "beban", "D", True),
    ("51", "Beban keuangan", "beban", "D", True),
    ("5101", "Beban jasa simpanan sukarela", "beban", "D", False),
    ("5102", "Beban jasa simpanan berjangka", "beban", "D", False),
    ("5103", "Beban bunga pinjaman bank", "beban", "D", False),
    ("52", "Beban usaha", "beban", "D", True),
    ("5201", "Beban gaji", "beban", "D", False),
    ("5202", "Honor pengurus & pengawas", "beban", "D", False),
    ("5203", "Beban ATK", "beban", "D", False),
    ("5204", "Beban listrik, air & telepon", "beban", "D", False),
    ("5205", "Beban transport & penagihan", "beban", "D", False),
    ("5206", "Beban rapat & RAT", "beban", "D", False),
    ("5207", "Beban penyusutan", "beban", "D", False),
    ("5208", "Beban administrasi bank", "beban", "D", False),
    ("53", "Beban PPAP", "beban", "D", True),
    ("5301", "Beban penyisihan penghapusan pinjaman", "beban", "D", False),
    ("5302", "Beban penghapusan pinjaman", "beban", "D", False),
    ("54", "Beban lain", "beban", "D", True),
    ("5401", "Beban lain-lain", "beban", "D", False),
    ("59", "Pajak", "beban", "D", True),
    ("5901", "Beban pajak penghasilan", "beban", "D", False),
)

# Where each money component posts by default (Fineract's placeholder roles).
ROLES: tuple[tuple[str, str], ...] = (
    ("kas", "1101"),
    ("potong_gaji", "1110"),
    ("piutang_pinjaman", "1105"),
    ("piutang_restrukturisasi", "1106"),
    ("jasa_ditangguhkan", "1107"),
    ("ppap_cadangan", "1108"),
    ("jasa_akrual", "1109"),
    ("simpanan_sukarela", "2101"),
    ("simpanan_berjangka", "2102"),
    ("titipan", "2104"),
    ("premi_asuransi", "2105"),
    ("anggota_keluar", "2115"),
    ("provisi_ditangguhkan", "2117"),
    ("simpanan_pokok", "3101"),
    ("simpanan_wajib", "3102"),
    ("pendapatan_jasa", "4101"),
    ("pendapatan_provisi", "4102"),
    ("pendapatan_denda", "4103"),
    ("pemulihan_hapus_buku", "4202"),
    ("pemulihan_ppap", "4203"),
    ("beban_ppap", "5301"),
    ("beban_penghapusan", "5302"),
)

METHODS: tuple[tuple[str, str], ...] = (
    ("tunai", "1101"),
    ("transfer", "1103.01"),
    ("potong_gaji", "1110"),
)

EPOCH = "1900-01-01"  # the default mapping holds from the beginning of time


def m0014_ledger(db: sqlite_utils.Database) -> None:
    _run(
        db,
        """CREATE TABLE accounts (
            code TEXT PRIMARY KEY CHECK (length(trim(code)) > 0),
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            type TEXT NOT NULL
                CHECK (type IN ('aset', 'kewajiban', 'ekuitas', 'pendapatan', 'beban')),
            normal TEXT NOT NULL CHECK (normal IN ('D', 'K')),
            is_group INTEGER NOT NULL DEFAULT 0 CHECK (is_group IN (0, 1)),
            parent TEXT REFERENCES accounts(code),
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            created_at TEXT NOT NULL
        ) STRICT""",
        """CREATE TABLE account_roles (
            id INTEGER PRIMARY KEY,
            role TEXT NOT NULL,
            product_id INTEGER REFERENCES loan_products(id),
            account TEXT NOT NULL REFERENCES accounts(code),
            valid_from TEXT NOT NULL,
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL
        ) STRICT""",
        "CREATE INDEX account_roles_lookup ON account_roles (role, product_id, valid_from)",
        *_immutable("account_roles"),
        """CREATE TABLE payment_method_accounts (
            id INTEGER PRIMARY KEY,
            method TEXT NOT NULL CHECK (length(trim(method)) > 0),
            account TEXT NOT NULL REFERENCES accounts(code),
            valid_from TEXT NOT NULL,
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL
        ) STRICT""",
        *_immutable("payment_method_accounts"),
        # no_gl = 1: the explicit marker of an event that posts nothing (LEDGER.md §2.2).
        """CREATE TABLE journals (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,
            date TEXT NOT NULL,
            source TEXT NOT NULL CHECK (length(trim(source)) > 0),
            source_id INTEGER NOT NULL,
            role TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            no_gl INTEGER NOT NULL DEFAULT 0 CHECK (no_gl IN (0, 1)),
            created_by INTEGER REFERENCES users(id),
            reverses_id INTEGER UNIQUE REFERENCES journals(id),
            created_at TEXT NOT NULL,
            UNIQUE (source, source_id, role)
        ) STRICT""",
        "CREATE INDEX journals_date ON journals (date)",
        """CREATE TABLE journal_lines (
            id INTEGER PRIMARY KEY,
            journal_id INTEGER NOT NULL
                REFERENCES journals(id) DEFERRABLE INITIALLY DEFERRED,
            account TEXT NOT NULL REFERENCES accounts(code),
            debit INTEGER NOT NULL DEFAULT 0 CHECK (debit >= 0),
            credit INTEGER NOT NULL DEFAULT 0 CHECK (credit >= 0),
            member_id INTEGER REFERENCES members(id),
            loan_id INTEGER REFERENCES loans(id),
            note TEXT NOT NULL DEFAULT '',
            CHECK ((debit > 0) <> (credit > 0))
        ) STRICT""",
        "CREATE INDEX journal_lines_journal ON journal_lines (journal_id)",
        "CREATE INDEX journal_lines_account ON journal_lines (account, journal_id)",
        "CREATE INDEX journal_lines_loan ON journal_lines (loan_id) WHERE loan_id IS NOT NULL",
        "CREATE INDEX journal_lines_member ON journal_lines (member_id)"
        " WHERE member_id IS NOT NULL",
        *_immutable("journals"),
        *_immutable("journal_lines"),
        # Lines first, header last: the header is refused unless its lines balance.
        """CREATE TRIGGER journals_balanced BEFORE INSERT ON journals
        WHEN (SELECT coalesce(sum(debit), 0) FROM journal_lines WHERE journal_id = NEW.id)
                <> (SELECT coalesce(sum(credit), 0) FROM journal_lines WHERE journal_id = NEW.id)
            OR (NEW.no_gl = 0) <> EXISTS (SELECT 1 FROM journal_lines WHERE journal_id = NEW.id)
        BEGIN SELECT RAISE(ABORT, 'journal not balanced'); END""",
        """CREATE TRIGGER journal_lines_sealed BEFORE INSERT ON journal_lines
        WHEN EXISTS (SELECT 1 FROM journals WHERE id = NEW.journal_id)
        BEGIN SELECT RAISE(ABORT, 'journal already sealed'); END""",
        """CREATE TRIGGER journal_lines_postable BEFORE INSERT ON journal_lines
        WHEN (SELECT is_group FROM accounts WHERE code = NEW.account) = 1
        BEGIN SELECT RAISE(ABORT, 'group account is not postable'); END""",
        """CREATE TRIGGER accounts_keep_posted BEFORE DELETE ON accounts
        WHEN EXISTS (SELECT 1 FROM journal_lines WHERE account = OLD.code)
        BEGIN SELECT RAISE(ABORT, 'account has postings'); END""",
        """CREATE TRIGGER accounts_code_fixed BEFORE UPDATE OF code, normal, type ON accounts
        WHEN EXISTS (SELECT 1 FROM journal_lines WHERE account = OLD.code)
        BEGIN SELECT RAISE(ABORT, 'account has postings'); END""",
        """CREATE TRIGGER accounts_group_unposted BEFORE UPDATE OF is_group ON accounts
        WHEN NEW.is_group = 1 AND EXISTS (SELECT 1 FROM journal_lines WHERE account = OLD.code)
        BEGIN SELECT RAISE(ABORT, 'account has postings'); END""",
        # Jurnal Umum above the approval amount waits for a second person.
        """CREATE TABLE manual_journal_requests (
            id INTEGER PRIMARY KEY,
            date TEXT NOT NULL,
            description TEXT NOT NULL,
            lines_json TEXT NOT NULL,
            total INTEGER NOT NULL CHECK (total > 0),
            requested_by INTEGER REFERENCES users(id),
            requested_at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'menunggu'
                CHECK (status IN ('menunggu', 'disetujui', 'ditolak')),
            decided_by INTEGER REFERENCES users(id),
            decided_at TEXT,
            journal_id INTEGER REFERENCES journals(id),
            CHECK ((status = 'menunggu') = (decided_at IS NULL)),
            CHECK (decided_by IS NULL OR decided_by <> requested_by)
        ) STRICT""",
    )
    stamp = now_text()
    parents: list[str] = []
    for code, name, kind, normal, group in CHART:
        while parents and not code.startswith(parents[-1]):
            parents.pop()
        db.execute(
            "INSERT INTO accounts (code, name, type, normal, is_group, parent, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (code, name, kind, normal, int(group), parents[-1] if parents else None, stamp),
        )
        if group:
            parents.append(code)
    for role, account in ROLES:
        db.execute(
            "INSERT INTO account_roles (role, account, valid_from, created_at) VALUES (?, ?, ?, ?)",
            (role, account, EPOCH, stamp),
        )
    for method, account in METHODS:
        db.execute(
            "INSERT INTO payment_method_accounts (method, account, valid_from, created_at)"
            " VALUES (?, ?, ?, ?)",
            (method, account, EPOCH, stamp),
        )


NAME = "0014_ledger"
migrate = m0014_ledger
