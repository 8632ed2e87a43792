"""Kind `loans`: the running loans at the cut-over, one row per loan — the original terms,
the figures as of the cut-over (outstanding pokok, arrears of pokok, jasa and denda, days
late) and one collateral and one guarantor. The schedule is regenerated from the terms and
the figures must hold on it (app/imports/loans_opening.py)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from app.errors import ValidationError
from app.imports import cells
from app.imports.columns import Column, Table, label
from app.imports.loans_opening import Figures, Mismatch, Opening, opening
from app.imports.loans_restructured import Folded, folded_schedule, problems
from app.imports.members import NUMBER
from app.imports.packed import packed
from app.imports.report import DryRun, Problem
from app.imports.savings import AS_OF, _member
from app.loans.models import COLLATERAL_KINDS, CollateralDraft, GuarantorDraft, LoanProduct
from app.loans.schedule import Installment, ScheduleTerms, build_schedule, method_label
from app.money import format_number, format_rupiah
from app.storage.imports_repo import KnownMember


def _c(
    key: str,
    header: str,
    note: str,
    example: str,
    required: bool = False,
    synonyms: tuple[str, ...] = (),
    *,
    text: bool = False,
    amount: bool = False,
) -> Column:
    return Column(key, header, note, example, required, synonyms, text, amount)  # fmt: skip


COLUMNS: tuple[Column, ...] = (
    _c("loan_no", "No. Pinjaman", "Nomor perjanjian pinjaman di buku lama (unik).",
       "PK-2024-0012", True, ("nomor pinjaman", "no perjanjian", "no kontrak"), text=True),
    NUMBER,
    _c("name", "Nama", "Untuk pemeriksaan saja (tidak diubah).", "Siti Aminah", False,
       ("nama anggota", "nama lengkap")),
    _c("product", "Produk", "Nama produk pinjaman yang ada di Mufakat (denda, pembulatan).",
       "Pinjaman Umum", True, ("produk pinjaman", "jenis pinjaman")),
    _c("amount", "Plafon", "Pokok pinjaman yang dicairkan, rupiah bulat.", "6000000", True,
       ("pokok pinjaman", "jumlah pinjaman", "plafond"), amount=True),
    _c("disbursed", "Tanggal Pencairan", "Tanggal pinjaman dicairkan.", "10/01/2025", True,
       ("tgl cair", "tanggal cair", "tanggal realisasi")),
    _c("rate", "Jasa per Bulan (%)", "Persen per bulan, misalnya 1,5.", "1,5", True,
       ("bunga per bulan", "jasa per bulan", "bunga", "jasa", "suku bunga")),
    _c("method", "Metode", "Flat, Menurun atau Anuitas.", "Flat", True,
       ("metode angsuran", "sistem bunga", "metode bunga")),
    _c("months", "Jangka Waktu (bulan)", "Jumlah angsuran bulanan.", "12", True,
       ("jangka waktu", "tenor", "lama pinjaman")),
    _c("first_due", "Angsuran Pertama", "Tanggal jatuh tempo angsuran pertama.",
       "10/02/2025", True, ("jatuh tempo pertama", "tanggal angsuran pertama")),
    _c("outstanding", "Sisa Pokok", "Pokok yang belum dibayar per tanggal peralihan.",
       "4500000", True, ("outstanding", "saldo pinjaman", "baki debet"), amount=True),
    _c("arrears_pokok", "Tunggakan Pokok", "Pokok jatuh tempo yang belum dibayar (kosong = 0).",
       "500000", False, ("tunggakan pokok pinjaman",), amount=True),
    _c("arrears_jasa", "Tunggakan Jasa", "Jasa jatuh tempo yang belum dibayar (kosong = 0).",
       "90000", False, ("tunggakan bunga",), amount=True),
    _c("arrears_denda", "Tunggakan Denda", "Denda yang belum dibayar (kosong = 0).",
       "15000", False, ("denda",), amount=True),
    _c("jasa_ahead", "Jasa Dibayar di Muka", "Jasa angsuran yang belum jatuh tempo tetapi "
       "sudah dibayar (kosong = 0).", "0", False, ("jasa di muka",), amount=True),
    _c("arrears_total", "Tunggakan", "Untuk pemeriksaan: pokok + jasa + denda menunggak.",
       "605000", False, ("total tunggakan",), amount=True),
    _c("days_late", "Hari Terlambat", "Untuk pemeriksaan: hari sejak angsuran tertua yang "
       "belum dibayar.", "40", False, ("hari tunggakan", "dpd")),
    _c("quality", "Kolektibilitas", "Untuk informasi saja; Mufakat menghitungnya sendiri.",
       "Kurang Lancar", False, ("kolek",)),
    _c("last_paid", "Tanggal Bayar Terakhir", "Tanggal pembayaran terakhir sebelum peralihan; "
       "wajib bila pinjaman menunggak (menentukan kolektibilitas Macet).", "10/10/2025", False,
       ("tgl bayar terakhir", "pembayaran terakhir")),
    AS_OF,
    _c("restructured_on", "Tanggal Restrukturisasi", "Hanya untuk pinjaman yang sudah "
       "direstrukturisasi di buku lama: tanggal jadwal baru berlaku. Bila diisi, Plafon, Jasa, "
       "Metode, Jangka Waktu dan Angsuran Pertama adalah syarat jadwal baru (Plafon = pokok "
       "yang dijadwalkan ulang), Tanggal Pencairan tetap tanggal pencairan semula.",
       "10/06/2025", False, ("tgl restrukturisasi", "tanggal restruktur")),
    _c("fold_pokok", "Pokok Lama di Angsuran Pertama", "Pinjaman direstrukturisasi: tunggakan "
       "pokok lama yang ditambahkan ke angsuran pertama jadwal baru (kosong = 0). Sisa Pokok "
       "termasuk bagian yang belum dibayar.", "300000", False, ("tunggakan pokok lama",),
       amount=True),
    _c("fold_jasa", "Jasa Lama di Angsuran Pertama", "Tunggakan jasa lama yang ditambahkan ke "
       "angsuran pertama (kosong = 0). Mufakat mencatatnya di kolom jasa angsuran itu: yang "
       "belum dibayar termasuk Tunggakan Jasa.", "90000", False, ("tunggakan jasa lama",),
       amount=True),
    _c("fold_denda", "Denda Lama di Angsuran Pertama", "Tunggakan denda lama yang ditambahkan "
       "ke angsuran pertama (kosong = 0); dicatat di kolom jasa angsuran itu seperti jasa "
       "lama, jadi yang belum dibayar termasuk Tunggakan Jasa, bukan Tunggakan Denda.",
       "25000", False, ("tunggakan denda lama",), amount=True),
    _c("coll_kind", "Jenis Jaminan", "Salah satu: " + "; ".join(COLLATERAL_KINDS.values())
       + ".", "BPKB kendaraan dengan fidusia", False),
    _c("coll_desc", "Jaminan", "Uraian jaminan.", "BPKB Honda Beat 2019", False,
       ("uraian jaminan", "agunan")),
    _c("coll_doc", "No. Dokumen Jaminan", "Nomor sertifikat/BPKB.", "M-1234567", False,
       ("nomor dokumen jaminan",), text=True),
    _c("coll_owner", "Pemilik Jaminan", "Nama pemilik dokumen.", "Siti Aminah", False),
    _c("coll_value", "Nilai Jaminan", "Taksiran nilai, rupiah bulat.", "9000000", False,
       ("taksiran jaminan",), amount=True),
    _c("g_name", "Penjamin", "Nama penjamin (kosong bila tidak ada).", "Ahmad", False,
       ("nama penjamin",)),
    _c("g_nik", "NIK Penjamin", "16 angka, berformat Teks.", "3576014107850003", False,
       (), text=True),
    _c("g_relation", "Hubungan Penjamin", "Misalnya Suami.", "Suami", False),
    _c("g_phone", "Telepon Penjamin", "Berformat Teks.", "081234567891", False, (),
       text=True),
)  # fmt: skip
_BY_KEY = {c.key: c for c in COLUMNS}
TICK = 500  # rows checked between progress reports
_METHODS = {"flat": "flat", "menurun": "declining", "declining": "declining",
            "efektif": "declining", "anuitas": "annuity", "annuity": "annuity"}  # fmt: skip
_KIND_BY_LABEL = {
    **{k: k for k in COLLATERAL_KINDS},
    **{v.lower(): k for k, v in COLLATERAL_KINDS.items()},
}


@dataclass(frozen=True)
class LoanPlan:
    row: int
    number: str
    member_id: int
    product: LoanProduct  # with the loan's own rate and method
    amount: int
    months: int
    disbursed: date
    first_due: date
    cut: date
    last_paid: date | None
    schedule: Sequence[Installment]  # packed (app/imports/packed.py)
    opening: Opening
    collateral: CollateralDraft | None
    guarantor: GuarantorDraft | None
    restructured: Folded | None = None  # amount is then the schedule's: Plafon + old pokok


def rate_of(value: object) -> Decimal:
    """'1,5' / '1.5 %' / 1.5 → Decimal('1.5')."""
    raw = cells.text(value).replace("%", "").replace(" ", "").replace(",", ".")
    try:
        rate = Decimal(raw)
    except InvalidOperation:
        raise ValidationError(f"'{cells.text(value)}' bukan persen jasa per bulan.") from None
    if not rate.is_finite() or rate < 0 or rate > 10:
        raise ValidationError(f"jasa {raw} % per bulan tidak masuk akal (0 sampai 10).")
    return rate.normalize() if rate else Decimal(0)


def rate_text(rate: Decimal) -> str:
    """Decimal('1.50') → '1,5' (the export's form, read back by rate_of)."""
    return format(rate.normalize(), "f").replace(".", ",")


def whole(value: object, what: str) -> int:
    number = cells.amount(value)
    if number < 0:
        raise ValidationError(f"{what} tidak boleh negatif.")
    return number


class _Row:
    """Reading one row's cells; each failure becomes a problem and None."""

    def __init__(self, table: Table, row: int, raw: dict[str, Any], report: DryRun) -> None:
        self.table, self.row, self.raw, self.report = table, row, raw, report
        self.failed = False

    def problem(self, key: str, message: str) -> None:
        self.failed = True
        self.report.problems.append(
            Problem(self.table.sheet, self.row, label(self.table, _BY_KEY[key]), message)
        )

    def get(self, key: str, read: Callable[[object], Any], default: Any = None) -> Any:
        value = self.raw.get(key)
        if cells.is_blank(value):
            if _BY_KEY[key].required:
                self.problem(key, "wajib diisi.")
            return default
        try:
            return read(value)
        except ValidationError as exc:
            self.problem(key, exc.message)
            return None


def check(
    table: Table,
    report: DryRun,
    known: list[KnownMember],
    products: list[LoanProduct],
    taken: set[str],
    as_of: date | None,
    today: date,
    pad: int | None,
    tick: Callable[[int, int], None] | None = None,
) -> list[LoanPlan]:
    """The rows as checked loans; every problem added to `report`; `tick(done, total)` every
    TICK rows."""
    by_number = {m.number: m for m in known}
    by_product = {p.name.strip().lower(): p for p in products}
    seen: dict[str, int] = {}
    plans: list[LoanPlan] = []
    for done, (row, raw) in enumerate(table.rows):
        if tick is not None and done % TICK == 0 and done:
            tick(done, len(table.rows))
        r = _Row(table, row, raw, report)
        plan = _plan(r, by_number, by_product, taken, seen, as_of, today, pad)
        if plan is not None and not r.failed:
            plans.append(plan)
    _totals(report, plans)
    return plans


def _plan(
    r: _Row,
    by_number: dict[str, KnownMember],
    by_product: dict[str, LoanProduct],
    taken: set[str],
    seen: dict[str, int],
    as_of: date | None,
    today: date,
    pad: int | None,
) -> LoanPlan | None:
    number = r.get("loan_no", cells.text, "")
    if number in taken:
        r.problem("loan_no", f"pinjaman {number} sudah ada di Mufakat.")
    elif number in seen:
        r.problem("loan_no", f"nomor pinjaman ini sudah ada di baris {seen[number]}.")
    elif number:
        seen[number] = r.row
    member = _member(r.row, r.raw, by_number, pad, lambda _row, key, msg: r.problem(key, msg))
    product = r.get("product", lambda v: _product(v, by_product))
    amount = r.get("amount", lambda v: whole(v, "plafon"))
    disbursed = r.get("disbursed", cells.day)
    rate = r.get("rate", rate_of)
    method = r.get("method", _method)
    months = r.get("months", lambda v: whole(v, "jangka waktu"))
    first_due = r.get("first_due", cells.day)
    figures = {
        key: r.get(key, lambda v: whole(v, "jumlah"), 0)
        for key in ("outstanding", "arrears_pokok", "arrears_jasa", "arrears_denda",
                    "jasa_ahead")
    }  # fmt: skip
    total = r.get("arrears_total", lambda v: whole(v, "tunggakan"))
    days_late = r.get("days_late", lambda v: whole(v, "hari terlambat"))
    last_paid = r.get("last_paid", cells.day)
    cut = r.get(AS_OF.key, cells.day, as_of)
    restructured_on = r.get("restructured_on", cells.day)
    fold = {
        key: r.get(f"fold_{key}", lambda v: whole(v, "jumlah"), 0)
        for key in ("pokok", "jasa", "denda")
    }
    if any(fold.values()) and restructured_on is None and not r.failed:
        r.problem("restructured_on", "isi tanggal restrukturisasi: ada tunggakan lama di "
                  "angsuran pertama.")  # fmt: skip
    if cut is None and not cells.is_blank(r.raw.get(AS_OF.key)):
        return None
    if cut is None:
        r.problem(AS_OF.key, "tanggal peralihan kosong; isi kolom ini atau pilih tanggal "
                  "peralihan saat impor (--per 2025-12-31).")  # fmt: skip
    elif cut > today:
        r.problem(AS_OF.key, "tanggal peralihan belum lewat.")
    collateral = _collateral(r)
    guarantor = _guarantor(r)
    if r.failed or None in (member, product, amount, disbursed, rate, method, months,
                            first_due, cut, *figures.values(), *fold.values()):  # fmt: skip
        return None
    folded = None if restructured_on is None else Folded(restructured_on, **fold)
    assert member is not None and cut is not None
    if disbursed > cut:
        r.problem("disbursed", "tanggal pencairan sesudah tanggal peralihan.")
    if first_due <= disbursed:
        r.problem("first_due", "angsuran pertama harus sesudah tanggal pencairan.")
    if folded is not None:
        for key, message in problems(folded, disbursed, first_due, cut):
            r.problem(key, message)
    if disbursed < date.fromisoformat(member.join_date):
        r.problem("disbursed", f"sebelum tanggal masuk anggota ({member.join_date}).")
    parts = figures["arrears_pokok"] + figures["arrears_jasa"] + figures["arrears_denda"]
    if total is not None and total != parts:
        r.problem("arrears_total", f"{format_rupiah(total)} tidak sama dengan tunggakan pokok "
                  f"+ jasa + denda ({format_rupiah(parts)}).")  # fmt: skip
    if r.failed:
        return None
    terms = _terms(product, str(rate), method)
    try:
        terms_in = ScheduleTerms(
            amount, rate * 12, months, method, first_due, product.round_to, product.round_up
        )
        schedule = tuple(build_schedule(terms_in))
        if folded is not None:
            schedule = folded_schedule(schedule, folded)
    except ValidationError as exc:
        r.problem("amount" if exc.field in (None, "principal") else _field(exc.field),
                  exc.message)  # fmt: skip
        return None
    try:
        state = opening(schedule, product.denda_rule, cut, Figures(**figures, days_late=days_late))
    except Mismatch as exc:
        r.problem(exc.column, exc.message)
        return None
    if not _last_paid_ok(r, last_paid, disbursed, cut, state, folded):
        return None
    principal = sum(i.pokok for i in schedule)
    return LoanPlan(r.row, number, member.id, terms, principal, months, disbursed, first_due,
                    cut, last_paid, packed(schedule), state.compact(), collateral, guarantor,
                    folded)  # fmt: skip


def _last_paid_ok(
    r: _Row,
    last_paid: date | None,
    disbursed: date,
    cut: date,
    state: Opening,
    folded: Folded | None = None,
) -> bool:
    paid = state.settled_pokok + state.settled_jasa
    if last_paid is None:
        if paid and state.position.days_past_due:
            r.problem("last_paid", "isi tanggal pembayaran terakhir: pinjaman ini "
                      "menunggak, dan kolektibilitasnya (Diragukan/Macet) bergantung pada "
                      "tanggal itu.")  # fmt: skip
            return False
        return True
    if not disbursed <= last_paid <= cut:
        r.problem("last_paid", "harus di antara tanggal pencairan dan tanggal peralihan.")
        return False
    if not paid and (folded is None or last_paid > folded.on):
        r.problem("last_paid", "ada tanggal bayar terakhir padahal belum ada pokok atau "
                  "jasa yang dibayar (sisa pokok sama dengan plafon, jasa menunggak "
                  "semua).")  # fmt: skip
        return False
    return True


@functools.lru_cache(maxsize=1024)
def _terms(product: LoanProduct, rate: str, method: str) -> LoanProduct:
    """The product with a loan's own rate (as written: Decimal('1') and Decimal('1.0') are
    equal but not stored alike) and method: one shared object for the loans with the same
    ones (a file has a few products, rates and methods, and thousands of loans)."""
    return replace(product, monthly_rate=Decimal(rate), method=method)


def _field(name: str | None) -> str:
    return {"months": "months", "method": "method", "annual_rate": "rate"}.get(name or "", "rate")


def _product(value: object, by_product: dict[str, LoanProduct]) -> LoanProduct:
    name = cells.text(value)
    product = by_product.get(name.lower())
    if product is None:
        raise ValidationError(
            f"produk '{name}' tidak ada di Mufakat; buat dulu di Pengaturan → Produk Pinjaman "
            f"(ada: {', '.join(sorted(p.name for p in by_product.values()))})."
        )
    return product


def _method(value: object) -> str:
    text = cells.text(value)
    method = _METHODS.get(text.lower())
    if method is None:
        raise ValidationError(f"metode '{text}' tidak dikenal; isi Flat, Menurun atau Anuitas.")
    return method


def _collateral(r: _Row) -> CollateralDraft | None:
    description = r.get("coll_desc", cells.text, "")
    kind_text = r.get("coll_kind", cells.text, "")
    document = r.get("coll_doc", cells.text, "")
    owner = r.get("coll_owner", cells.text, "")
    value = r.get("coll_value", lambda v: whole(v, "nilai jaminan"), 0)
    if not description:
        if kind_text or document or value:
            r.problem("coll_desc", "uraian jaminan kosong padahal kolom jaminan lain diisi.")
        return None
    kind = _KIND_BY_LABEL.get(kind_text.lower()) if kind_text else "other"
    if kind is None:
        r.problem("coll_kind", f"jenis jaminan '{kind_text}' tidak dikenal.")
        return None
    return CollateralDraft(kind, description, document or "", owner or "", value or 0)


def _guarantor(r: _Row) -> GuarantorDraft | None:
    name = r.get("g_name", cells.text, "")
    nik = r.get("g_nik", cells.nik, "")
    relation = r.get("g_relation", cells.text, "")
    phone = r.get("g_phone", cells.digits_text, "")
    if not name:
        if nik or relation or phone:
            r.problem("g_name", "nama penjamin kosong padahal kolom penjamin lain diisi.")
        return None
    return GuarantorDraft(name, nik or "", relation or "", "", phone or "")


def _totals(report: DryRun, plans: list[LoanPlan]) -> None:
    def total(pick: Callable[[LoanPlan], int]) -> str:
        return format_rupiah(sum(pick(p) for p in plans))

    report.totals += [
        ("Pinjaman berjalan", format_number(len(plans))),
        ("Sisa pokok", total(lambda p: p.opening.position.outstanding)),
        ("Tunggakan pokok", total(lambda p: p.opening.position.arrears_pokok)),
        ("Tunggakan jasa", total(lambda p: p.opening.position.arrears_jasa)),
        ("Tunggakan denda", total(lambda p: p.opening.position.arrears_denda)),
        ("Menunggak", format_number(sum(1 for p in plans if p.opening.position.days_past_due))),
    ]
    methods = sorted({method_label(p.product.method) for p in plans})
    if methods:
        report.totals.append(("Metode", ", ".join(methods)))
