"""A write that broke a rule the schema keeps, told to the user in plain Indonesian — the one
place both engines take the text from (SQLite's `translate_sqlite_error`, PostgreSQL's
`PgEngine`), so the same refusal reads the same on a file and on the office server.

The guards (SQLite's `RAISE(ABORT, '…')`, PostgreSQL's `RAISE EXCEPTION '…' USING ERRCODE =
'check_violation'`) carry the same English text on both engines; it is matched here and never
shown. A unique key, a CHECK, a NOT NULL or a foreign key gets the general message.
"""

from __future__ import annotations

from app.errors import StorageError


class ConstraintFailed(StorageError):
    """A write broke a rule the schema keeps (unique number, append-only row, check)."""


MSG_CONSTRAINT = (
    "Data tidak bisa disimpan: bertentangan dengan data yang sudah ada atau aturan data. "
    "Tidak ada yang diubah. Hubungi pendamping TI koperasi bila ini terulang."
)
MSG_APPEND_ONLY = (
    "Catatan ini sudah tersimpan dan tidak boleh diubah atau dihapus; koreksi dibuat sebagai "
    "catatan baru. Tidak ada yang diubah."
)
MSG_ACCOUNT_POSTED = (
    "Akun ini sudah dipakai dalam jurnal, jadi kode, jenis kelompoknya atau akun itu sendiri "
    "tidak boleh diubah atau dihapus. Tidak ada yang diubah."
)
MSG_NOT_BALANCED = (
    "Jurnal tidak seimbang: jumlah debit dan kredit harus sama. Tidak ada yang diubah."
)
MSG_GROUP_ACCOUNT = (
    "Akun kelompok (induk) tidak bisa dipakai untuk mencatat transaksi; pilih akun rinciannya. "
    "Tidak ada yang diubah."
)

_GUARDS = (
    # (a piece of the guard's English text, the message shown)
    ("is append-only", MSG_APPEND_ONLY),
    ("journal already sealed", MSG_APPEND_ONLY),
    ("is never edited", MSG_APPEND_ONLY),
    ("is never changed", MSG_APPEND_ONLY),
    ("is fixed", MSG_APPEND_ONLY),  # chain_heads.v2_from (step 0033)
    ("account has postings", MSG_ACCOUNT_POSTED),
    ("journal not balanced", MSG_NOT_BALANCED),
    ("group account is not postable", MSG_GROUP_ACCOUNT),
)


def constraint_message(text: str) -> str:
    """The Indonesian message for a refusal whose engine text is `text`."""
    lowered = text.lower()
    for piece, message in _GUARDS:
        if piece in lowered:
            return message
    return MSG_CONSTRAINT


def constraint_failed(text: str) -> ConstraintFailed:
    return ConstraintFailed(constraint_message(text))


def append_only_refused() -> ConstraintFailed:
    """PostgreSQL refuses the program's role an UPDATE/DELETE/TRUNCATE of an append-only table
    by privilege (the REVOKEs of app/storage/pg_schema.py) before its trigger runs."""
    return ConstraintFailed(MSG_APPEND_ONLY)
