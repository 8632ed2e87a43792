"""`mufakat check` of the books (LEDGER.md §5.4 items 1–6 and 8), over the read-only connection
of app/storage/check.py: journals balance; the trial balance is zero and A = K + E + (P − B);
each money record has exactly one journal or its no-GL marker; the control accounts equal their
sub-ledgers; the ekstrakomptabel register equals written off − recovered − forgiven; each
reversal negates its original; the journals re-derived from the records equal the stored ones.
Messages in Indonesian, naming what differs."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import date
from typing import Any

from app.errors import AppError
from app.ledger import events as ev
from app.ledger.derive import (
    COLLECTION_EVENT_TYPES,
    JASA_METHOD,
    LOAN_EVENT_TYPES,
    collection_event,
    loan_event,
    savings_event,
)
from app.ledger.rules import lines_for
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
from app.storage.collection_decisions_repo import _fin_event
from app.storage.ledger_controls_repo import LedgerControlsRepository
from app.storage.loans_events_repo import _EVENT_SELECT, _event
from app.storage.savings_repo import _SELECT, _tx

SAMPLE = 5
FAR = "9999-12-31"


def _rows(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    return list(cursor.execute(sql, params).fetchall())


def _listed(description: str, items: list[str]) -> list[str]:
    if not items:
        return []
    sample = ", ".join(items[:SAMPLE]) + (" …" if len(items) > SAMPLE else "")
    return [f"{description}: {len(items)} ({sample})"]


def ledger_problems(conn: sqlite3.Connection) -> tuple[list[str], list[str]]:
    """(problems, facts) of the books; nothing when the file has no books yet."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "journals" not in tables:
        return [], []
    problems = balanced(conn) + trial_balance(conn) + reversals(conn) + month_totals(conn)
    problems += check_closing.locked(conn) + check_closing.shu(conn)
    facts = [f"Jurnal: {conn.execute('SELECT count(*) FROM journals').fetchone()[0]}"]
    posted = "ledger_history" in tables and bool(
        conn.execute("SELECT count(*) FROM ledger_history").fetchone()[0]
    )
    if not posted:
        facts.append("Riwayat transaksi belum dibukukan: dibukukan saat file dibuka.")
        return problems, facts
    problems += booked(conn) + controls(conn) + offbook(conn) + replay(conn)
    problems += check_cutover.cutover(conn)
    if not problems:
        facts.append("Pembukuan: seimbang, cocok dengan rincian simpanan dan pinjaman")
    return problems, facts


# -- 1, 2, 6 -----------------------------------------------------------------------------------


def balanced(conn: sqlite3.Connection) -> list[str]:
    rows = _rows(
        conn,
        "SELECT j.number, coalesce(sum(l.debit), 0) AS d, coalesce(sum(l.credit), 0) AS k,"
        " count(l.id) AS n, j.no_gl FROM journals j LEFT JOIN journal_lines l"
        " ON l.journal_id = j.id GROUP BY j.id HAVING d <> k OR (n = 0) <> (j.no_gl = 1)",
    )
    return _listed(
        "jurnal tidak seimbang atau tanpa baris",
        [
            f"{r['number']} debet {format_rupiah(r['d'])} kredit {format_rupiah(r['k'])}"
            for r in rows
        ],
    )


def trial_balance(conn: sqlite3.Connection) -> list[str]:
    net = Counter(
        {
            r[0]: int(r[1])
            for r in conn.execute(
                "SELECT a.type, sum(l.debit) - sum(l.credit) FROM journal_lines l"
                " JOIN accounts a ON a.code = l.account GROUP BY a.type"
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


def _lines(conn: sqlite3.Connection) -> dict[int, Counter[tuple[str, int, int]]]:
    found: dict[int, Counter[tuple[str, int, int]]] = {}
    for r in conn.execute("SELECT journal_id, account, debit, credit FROM journal_lines"):
        found.setdefault(r[0], Counter())[(r[1], r[2], r[3])] += 1
    return found


def reversals(conn: sqlite3.Connection) -> list[str]:
    pairs = _rows(
        conn,
        "SELECT o.id AS oid, o.number AS onum, o.date AS odate, r.id AS rid,"
        " r.number AS rnum, r.date AS rdate FROM journals r JOIN journals o"
        " ON o.id = r.reverses_id",
    )
    if not pairs:
        return []
    lines = _lines(conn)
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
            ids = [str(r[0]) for r in conn.execute(sql, {"until": until, "month_until": until[:7]})]
        except sqlite3.OperationalError:
            continue  # a table of a later step
        problems += _listed(description, ids)
    problems += check_assets.unbooked(conn)
    return problems + _listed(
        "simpanan berjangka tanpa jurnal", check_berjangka.unbooked(conn, end)
    )


# -- 4, 5 --------------------------------------------------------------------------------------


def _role(conn: sqlite3.Connection, role: str) -> str:
    row = conn.execute(
        "SELECT account FROM account_roles WHERE role = ? AND valid_from <= ? AND product_id"
        " IS NULL ORDER BY valid_from DESC, id DESC LIMIT 1",
        (role, FAR),
    ).fetchone()
    return str(row[0])


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
    for kind, amount in sorted(repo.savings_totals().items()):
        account = _role(conn, f"simpanan_{kind}")
        problems += _differs(
            f"Akun {account} simpanan {kind}", -repo.account_balance(account), amount
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
        events = dict(
            conn.execute(
                "SELECT kind, sum(CASE kind WHEN 'pemulihan' THEN amount ELSE pokok END)"
                " FROM collection_fin_events GROUP BY kind"
            ).fetchall()
        )
        rows = conn.execute(
            "SELECT o.status, o.pokok, coalesce((SELECT sum(f.amount) FROM collection_fin_events"
            " f WHERE f.loan_id = o.loan_id AND f.kind = 'pemulihan'), 0) FROM offbook_register o"
        ).fetchall()
    except sqlite3.OperationalError:
        return []
    register = sum(pokok - recovered for status, pokok, recovered in rows if status == "aktif")
    forgiven = sum(pokok - recovered for status, pokok, recovered in rows if status != "aktif")
    expected = int(events.get("hapus_buku") or 0) - int(events.get("pemulihan") or 0) - forgiven
    problems = _differs(
        "Ekstrakomptabel: register, hapus buku − pemulihan − hapus tagih", register, expected
    )
    written = sum(pokok for _, pokok, _ in rows)
    return problems + _differs(
        "Pokok hapus buku: register, peristiwa hapus buku",
        written,
        int(events.get("hapus_buku") or 0),
    )


# -- 8 -----------------------------------------------------------------------------------------


class _Resolver:
    def __init__(self, conn: sqlite3.Connection, on: date, product_id: int | None) -> None:
        self.conn, self.on, self.product_id = conn, on.isoformat(), product_id

    def role(self, role: str) -> str:
        row = self.conn.execute(
            "SELECT account FROM account_roles WHERE role = ? AND valid_from <= ?"
            " AND (product_id IS NULL OR product_id = ?)"
            " ORDER BY product_id IS NULL, valid_from DESC, id DESC LIMIT 1",
            (role, self.on, self.product_id),
        ).fetchone()
        if row is None:
            raise AppError(f"komponen {role}")
        return str(row[0])

    def method(self, method: str) -> str:
        row = self.conn.execute(
            "SELECT account FROM payment_method_accounts WHERE method = ? AND valid_from <= ?"
            " ORDER BY valid_from DESC, id DESC LIMIT 1",
            (method, self.on),
        ).fetchone()
        if row is None:
            raise AppError(f"cara bayar {method}")
        return str(row[0])


def _events(conn: sqlite3.Connection) -> Iterator[ev.Event]:
    loans = {
        r[0]: (r[1], r[2]) for r in conn.execute("SELECT id, member_id, product_id FROM loans")
    }
    imported = check_cutover.imported(conn)
    for row in _rows(
        conn, _SELECT + f"WHERE s.tx_type <> 'pembalikan' AND s.method <> '{JASA_METHOD}'"
    ):
        derived = savings_event(_tx(row))
        assert isinstance(derived, ev.Event)
        yield derived
    for row in _rows(conn, _EVENT_SELECT + "WHERE e.kind <> 'pembalikan'"):
        payment = _event(row, ())
        derived = loan_event(payment, *loans[payment.loan_id], None, imported.get(payment.loan_id))
        assert isinstance(derived, ev.Event)
        yield derived
    yield from check_jasa.events(conn)
    try:
        fin = _rows(conn, "SELECT * FROM collection_fin_events")
    except sqlite3.OperationalError:
        return
    for row in fin:
        f = _fin_event(row)
        yield collection_event(f, *loans[f.loan_id])
    yield from check_accrual.accrual_events(conn)


def _with_state(event: ev.Event, stored: Counter[tuple[str, int, int]], r: _Resolver) -> ev.Event:
    """What the service read from the books when posting (allowance, deferred and accrued
    jasa) taken from the stored journal: the rest is re-derived."""

    def debit(role: str) -> int:
        account = r.role(role)
        return sum(d * n for (a, d, _), n in stored.items() if a == account)

    def credit(role: str) -> int:
        account = r.role(role)
        return sum(k * n for (a, _, k), n in stored.items() if a == account)

    if isinstance(event, ev.WriteOff):
        return dataclasses.replace(
            event,
            allowance=debit("ppap_cadangan"),
            deferred_jasa=debit("jasa_ditangguhkan"),
            accrued_jasa=credit("jasa_akrual"),
        )
    if isinstance(event, ev.Waiver):
        return dataclasses.replace(
            event, allowance=debit("ppap_cadangan"), accrued_jasa=credit("jasa_akrual")
        )
    if isinstance(event, ev.Settlement):
        return dataclasses.replace(event, allowance=debit("ppap_cadangan"))
    if isinstance(event, ev.InstalmentPayment | ev.TitipanApplied):
        return dataclasses.replace(event, jasa_accrued=credit("jasa_akrual"))
    return event


def replay(conn: sqlite3.Connection) -> list[str]:
    """§5.4 item 8: each record's journal re-derived with the mapping of its date equals the
    stored one."""
    journals = {
        (r[0], r[1], r[2]): (r[3], r[4])
        for r in conn.execute("SELECT source, source_id, role, id, number FROM journals")
    }
    lines = _lines(conn)
    wrong: list[str] = []
    for event in _events(conn):
        found = journals.get(event.key())
        if found is None:
            continue  # reported by `booked`
        stored = lines.get(found[0], Counter())
        resolver = _Resolver(conn, event.on, event.product_id)
        try:
            event = _with_state(event, stored, resolver)
            derived = Counter((x.account, x.debit, x.credit) for x in lines_for(event, resolver))
        except AppError as exc:
            wrong.append(f"{found[1]} ({exc.message})")
            continue
        if derived != stored:
            wrong.append(f"{found[1]} ({event.LABEL} {event.source_id})")
    wrong += check_berjangka.replay(
        conn, journals, lines, lambda on, product: _Resolver(conn, on, product)
    )
    return _listed("jurnal berbeda dari hasil penurunan ulang transaksinya", wrong)
