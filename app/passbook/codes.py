"""The transaction codes printed in the passbook's Sandi column, and the teller's initials.

The code is the movement letter and the kind letter: S setoran, T penarikan, B pembatalan
(pembalikan), K kompensasi pinjaman (set-off), M masuk dari titipan pinjaman; then P pokok,
W wajib, S sukarela. PDH is the carried-forward line of a new book."""

from __future__ import annotations

MOVEMENT = {"setoran": "S", "penarikan": "T", "pembalikan": "B"}
BY_METHOD = {"kompensasi": "K", "titipan_pinjaman": "M"}
KIND = {"pokok": "P", "wajib": "W", "sukarela": "S"}
LEGEND = (
    ("S", "Setoran"),
    ("T", "Penarikan"),
    ("B", "Pembatalan"),
    ("K", "Kompensasi pinjaman"),
    ("M", "Dari titipan pinjaman"),
    ("PDH", "Saldo pindahan"),
)


def tx_code(kind: str, tx_type: str, method: str) -> str:
    """'SW' for a setoran wajib, 'KS' for sukarela set off against a loan, …"""
    movement = MOVEMENT.get(tx_type, "?")
    if tx_type != "pembalikan":
        movement = BY_METHOD.get(method, movement)
    return movement + KIND.get(kind, "?")


def initials(full_name: str) -> str:
    """'Rina Kasir' -> 'RK' (at most three letters; '' for no name)."""
    letters = [part[0] for part in full_name.split() if part[:1].isalpha()]
    return "".join(letters[:3]).upper()
