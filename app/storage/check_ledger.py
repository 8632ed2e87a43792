"""`mufakat check` of the books (LEDGER.md §5.4 items 1–6 and 8), over the read-only connection
of app/storage/check.py: journals balance; the trial balance is zero and A = K + E + (P − B);
each money record has exactly one journal or its no-GL marker; the control accounts equal their
sub-ledgers; the ekstrakomptabel register equals written off − recovered − forgiven; each
reversal negates its original; the journals re-derived from the records equal the stored ones.
Messages in Indonesian, naming what differs."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import Any

from app.ledger.derive import COLLECTION_EVENT_TYPES, JASA_METHOD, LOAN_EVENT_TYPES
from app.money import format_rupiah
from app.storage import (
    check_accrual,
    check_assets,
    check_berjangka,
    check_closing,
    check_cutover,
    check_jasa,
)
from app.storage.check_periods import month_totals
from app.storage.check_replay import journal_lines, mismatches
from app.storage.check_sql import amount, one, rows, tables
from app.storage.ledger_controls_repo import LedgerControlsRepository

SAMPLE = 5
FAR = "9999-12-31"


def _listed(description: str, items: list[str]) -> list[str]:
    if not items:
        return []
    sample = ", ".join(items[:SAMPLE]) + (" …" if len(items) > SAMPLE else "")
    return [f"{description}: {len(items)} ({sample})"]


def ledger_problems(conn: sqlite3.Connection) -> tuple[list[str], list[str]]:
    """(problems, facts) of the books; nothing when the file has no books yet."""
    names = tables(conn)
    if "journals" not in names:
        return [], []
    problems: list[str] = []
    for part in (balanced, trial_balance, reversals, month_totals):
        problems += _guarded(part, conn)
    for part in (check_closing.locked, check_closing.shu):
        problems += _guarded(part, conn)
    facts = [f"Jurnal: {amount(conn, 'SELECT count(*) FROM journals')}"]
    posted = "ledger_history" in names and bool(amount(conn, "SELECT count(*) FROM ledger_history"))
    if not posted:
        facts.append("Riwayat transaksi belum dibukukan: dibukukan saat file dibuka.")
        return problems, facts
    for part in (booked, controls, offbook, replay, check_cutover.cutover):
        problems += _guarded(part, conn)
    if not problems:
        facts.append("Pembukuan: seimbang, cocok dengan rincian simpanan dan pinjaman")
    return problems, facts


UNREADABLE = (TypeError, ValueError, ArithmeticError, AttributeError, KeyError)


def _guarded(part: Callable[[Any], list[str]], conn: Any) -> list[str]:
    """One part of the books' check; a value of the wrong kind in the file (a BLOB for an amount,
    a date that is no date: reported by check_types.py) stops that part, named, not the rest."""
    try:
        return part(conn)
    except UNREADABLE:
        return [
            f"Pemeriksaan pembukuan ({PARTS.get(part.__name__, part.__name__)}) tidak bisa"
            " diselesaikan:"
            " ada nilai yang tidak terbaca sebagai jumlah uang atau tanggal."
        ]


PARTS = {
    "balanced": "keseimbangan jurnal",
    "trial_balance": "neraca saldo",
    "reversals": "jurnal pembalik",
    "month_totals": "jumlah bulanan buku besar",
    "locked": "periode yang dikunci",
    "shu": "pembagian SHU",
    "booked": "jurnal tiap transaksi",
    "controls": "akun kontrol dan rinciannya",
    "offbook": "ekstrakomptabel",
    "replay": "penurunan ulang jurnal dari transaksinya",
    "cutover": "saldo awal",
}


# -- 1, 2, 6 -----------------------------------------------------------------------------------


def balanced(conn: sqlite3.Connection) -> list[str]:
    wrong = rows(
        conn,
        "SELECT j.number, coalesce(sum(l.debit), 0) AS d, coalesce(sum(l.credit), 0) AS k"
        " FROM journals j LEFT JOIN journal_lines l ON l.journal_id = j.id GROUP BY j.id"
        " HAVING coalesce(sum(l.debit), 0) <> coalesce(sum(l.credit), 0)"
        " OR (count(l.id) = 0) <> (j.no_gl = 1)",
    )
    return _listed(
        "jurnal tidak seimbang atau tanpa baris",
        [
            f"{r['number']} debet {format_rupiah(r['d'])} kredit {format_rupiah(r['k'])}"
            for r in wrong
        ],
    )


def trial_balance(conn: sqlite3.Connection) -> list[str]:
    net = Counter(
        {
            r["type"]: int(r["net"])
            for r in rows(
                conn,
                "SELECT a.type, sum(l.debit) - sum(l.credit) AS net FROM journal_lines l"
                " JOIN accounts a ON a.code = l.account GROUP BY a.type",
            )
        }
    )
    problems = []
    if sum(net.values()):
        problems.append(f"Neraca saldo tidak nol: selisih {format_rupiah(sum(net.values()))}.")
    aset = net["aset"]
    right = -net["kewajiban"] - net["ekuitas"] - net["pendapatan"] - net["beban"]
    if aset != right:
        problems.append(
            f"Aset {format_rupiah(aset)} tidak sama dengan Kewajiban + Ekuitas + (Pendapatan − "
            f"Beban) {format_rupiah(right)}."
        )
    return problems


def reversals(conn: sqlite3.Connection) -> list[str]:
    pairs = rows(
        conn,
        "SELECT o.id AS oid, o.number AS onum, o.date AS odate, r.id AS rid,"
        " r.number AS rnum, r.date AS rdate FROM journals r JOIN journals o"
        " ON o.id = r.reverses_id",
    )
    if not pairs:
        return []
    lines = journal_lines(  # only the reversals and what they reverse
        conn,
        "SELECT id FROM journals WHERE reverses_id IS NOT NULL"
        " UNION SELECT reverses_id FROM journals WHERE reverses_id IS NOT NULL",
    )
    wrong = [
        f"{p['rnum']} ≠ kebalikan {p['onum']}"
        for p in pairs
        if Counter({(a, k, d): n for (a, d, k), n in lines.get(p["oid"], Counter()).items()})
        != lines.get(p["rid"], Counter())
        or p["rdate"] < p["odate"]
    ]
    return _listed("jurnal pembalik tidak sama dengan kebalikan aslinya", wrong)


# -- 3 -----------------------------------------------------------------------------------------


def _missing(table: str, source: str, role: str, where: str) -> str:
    return (
        f"SELECT t.id FROM {table} t WHERE {where} AND NOT EXISTS (SELECT 1 FROM journals j"
        f" WHERE j.source = '{source}' AND j.source_id = t.id AND j.role = '{role}')"
    )


def _unreversed(table: str, source: str, role: str, where: str) -> str:
    return (
        f"SELECT t.id FROM {table} t JOIN journals j ON j.source = '{source}'"
        f" AND j.source_id = t.reverses_id AND j.role = '{role}' WHERE {where}"
        " AND NOT EXISTS (SELECT 1 FROM journals r WHERE r.reverses_id = j.id)"
    )


def booked(conn: sqlite3.Connection, end: date | None = None) -> list[str]:
    """Each record has its journal or marker; each undoing record has reversed its journal.
    With `end`, only the records dated up to it (the month-close checklist)."""
    until = FAR if end is None else end.isoformat()
    checks: list[tuple[str, str]] = []
    for tx_type, role in (("setoran", "setoran"), ("penarikan", "penarikan")):
        where = f"t.tx_type = '{tx_type}' AND t.tx_date <= :until AND t.method <> '{JASA_METHOD}'"
        checks.append(
            (
                "transaksi simpanan tanpa jurnal",
                _missing("savings_transactions", "simpanan", role, where),
            )
        )
        checks.append(
            (
                "pembatalan simpanan yang jurnalnya belum dibalik",
                _unreversed(
                    "(SELECT r.id, r.reverses_id, r.tx_date FROM savings_transactions r JOIN"
                    " savings_transactions o ON o.id = r.reverses_id"
                    f" WHERE o.tx_type = '{tx_type}')",
                    "simpanan",
                    role,
                    "t.tx_date <= :until",
                ),
            )
        )
    for kind, cls in LOAN_EVENT_TYPES.items():
        where = f"t.kind = '{kind.value}' AND t.event_date <= :until"
        checks.append(
            (
                f"transaksi pinjaman ({kind.label}) tanpa jurnal",
                _missing("loan_events", cls.SOURCE, cls.ROLE, where),
            )
        )
        checks.append(
            (
                f"pembatalan pinjaman ({kind.label}) yang jurnalnya belum dibalik",
                _unreversed(
                    "(SELECT r.id, r.reverses_id, r.event_date FROM loan_events r JOIN"
                    f" loan_events o ON o.id = r.reverses_id WHERE o.kind = '{kind.value}')",
                    cls.SOURCE,
                    cls.ROLE,
                    "t.event_date <= :until",
                ),
            )
        )
    for fin_kind, fin_cls in COLLECTION_EVENT_TYPES.items():
        checks.append(
            (
                f"peristiwa pinjaman bermasalah ({fin_kind}) tanpa jurnal",
                _missing(
                    "collection_fin_events",
                    fin_cls.SOURCE,
                    fin_cls.ROLE,
                    f"t.kind = '{fin_kind}' AND t.event_date <= :until",
                ),
            )
        )
    checks += check_jasa.booked_checks()  # the jasa rows carry their savings transactions
    problems = _listed("akrual jasa tanpa jurnal", check_accrual.unbooked(conn, until))
    for description, sql in checks:
        try:
            found = rows(conn, sql, {"until": until, "month_until": until[:7]})
        except sqlite3.OperationalError:
            continue  # a table of a later step
        problems += _listed(description, [str(r["id"]) for r in found])
    problems += check_assets.unbooked(conn)
    return problems + _listed(
        "simpanan berjangka tanpa jurnal", check_berjangka.unbooked(conn, end)
    )


# -- 4, 5 --------------------------------------------------------------------------------------


def _role(conn: sqlite3.Connection, role: str) -> str:
    row = one(
        conn,
        "SELECT account FROM account_roles WHERE role = :role AND valid_from <= :far"
        " AND product_id IS NULL ORDER BY valid_from DESC, id DESC LIMIT 1",
        {"role": role, "far": FAR},
    )
    assert row is not None, role
    return str(row["account"])


def _differs(what: str, booked_amount: int, detail: int) -> list[str]:
    if booked_amount == detail:
        return []
    return [f"{what}: buku besar {format_rupiah(booked_amount)}, rincian {format_rupiah(detail)}."]


def controls(conn: sqlite3.Connection) -> list[str]:
    """Control accounts against their sub-ledgers (LEDGER.md §5.4 item 4), as of today."""
    repo = LedgerControlsRepository(conn)
    problems: list[str] = []
    loan_accounts = [_role(conn, "piutang_pinjaman"), _role(conn, "piutang_restrukturisasi")]
    booked_by_loan: Counter[int] = Counter()
    for account in loan_accounts:
        booked_by_loan.update(repo.loan_balances(account))
    wrong = []
    total = 0
    for loan_id, _, outstanding in repo.loans_outstanding():
        total += outstanding
        if booked_by_loan.get(loan_id, 0) != outstanding:
            wrong.append(
                f"pinjaman {loan_id}: buku besar {format_rupiah(booked_by_loan.get(loan_id, 0))},"
                f" sisa pokok {format_rupiah(outstanding)}"
            )
    problems += _listed("piutang pinjaman per pinjaman tidak sama dengan sisa pokok", wrong)
    problems += _differs(
        f"Piutang pinjaman ({', '.join(loan_accounts)})", sum(booked_by_loan.values()), total
    )
    for kind, total_kind in sorted(repo.savings_totals().items()):
        account = _role(conn, f"simpanan_{kind}")
        problems += _differs(
            f"Akun {account} simpanan {kind}", -repo.account_balance(account), total_kind
        )
    titipan = _role(conn, "titipan")
    problems += _differs(
        f"Akun {titipan} titipan", -repo.account_balance(titipan), repo.titipan_total()
    )
    problems += _differs("Akun 1114 rekening antara", repo.account_balance("1114"), 0)
    problems += check_berjangka.control(conn, _role(conn, "simpanan_berjangka"))
    problems += check_jasa.controls(conn)
    problems += check_assets.control(conn, _role(conn, "akumulasi_penyusutan"))
    problems += check_accrual.accrued_control(conn, lambda role: _role(conn, role))
    problems += check_cutover.opened(conn, repo.account_balance("3999"))
    allowance = _role(conn, "ppap_cadangan")
    negative = [str(k) for k, v in repo.loan_balances(allowance).items() if v > 0]
    problems += _listed(f"PPAP ({allowance}) bersaldo debet untuk pinjaman", negative)
    return problems


def offbook(conn: sqlite3.Connection) -> list[str]:
    """§5.4 item 5: the ekstrakomptabel balance kept by the register (open rows, less what was
    recovered on them) equals Σ hapus buku − Σ pemulihan − Σ hapus tagih from the events."""
    try:
        events = {
            r["kind"]: r["amount"]
            for r in rows(
                conn,
                "SELECT kind, sum(CASE kind WHEN 'pemulihan' THEN amount ELSE pokok END)"
                " AS amount FROM collection_fin_events GROUP BY kind",
            )
        }
        register_rows = [
            (r["status"], r["pokok"], int(r["recovered"]))
            for r in rows(
                conn,
                "SELECT o.status, o.pokok, coalesce((SELECT sum(f.amount)"
                " FROM collection_fin_events f WHERE f.loan_id = o.loan_id"
                " AND f.kind = 'pemulihan'), 0) AS recovered FROM offbook_register o",
            )
        ]
    except sqlite3.OperationalError:
        return []
    register = sum(p - recovered for status, p, recovered in register_rows if status == "aktif")
    forgiven = sum(p - recovered for status, p, recovered in register_rows if status != "aktif")
    expected = int(events.get("hapus_buku") or 0) - int(events.get("pemulihan") or 0) - forgiven
    problems = _differs(
        "Ekstrakomptabel: register, hapus buku − pemulihan − hapus tagih", register, expected
    )
    written = sum(p for _, p, _ in register_rows)
    return problems + _differs(
        "Pokok hapus buku: register, peristiwa hapus buku",
        written,
        int(events.get("hapus_buku") or 0),
    )


# -- 8 -----------------------------------------------------------------------------------------


def replay(conn: sqlite3.Connection) -> list[str]:
    """§5.4 item 8: each record's journal re-derived with the mapping of its date equals the
    stored one (app/storage/check_replay.py)."""
    return _listed("jurnal berbeda dari hasil penurunan ulang transaksinya", mismatches(conn))
