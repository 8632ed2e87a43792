"""When a document carries a "METERAI Rp10.000" box (DOMAIN §8, UU 10/2020 on duty stamps)."""

from __future__ import annotations

from dataclasses import dataclass

from app.documents.kinds import DocKind
from app.money import format_rupiah

RECEIPT_THRESHOLD = 5_000_000  # a receipt for more than this carries a meterai
STAMP = "METERAI Rp10.000"


@dataclass(frozen=True)
class MeteraiDecision:
    """Whether a meterai box is printed, under whose signature, and why (for the tests and the
    register's detail)."""

    required: bool
    signer: str  # 'debitur' (the member), 'penerima' (who signs for money received), 'koperasi'
    reason: str


NONE = MeteraiDecision(False, "", "tidak diwajibkan untuk dokumen ini")


def meterai_for(kind: DocKind, *, amount: int = 0, agreed_terms: bool = False) -> MeteraiDecision:
    """The meterai decision for a document of `kind`.

    Agreements and statements: always, under the member's signature; a Berita Acara only when
    it records agreed terms; Surat Keterangan Lunas: under the cooperative's signature; a
    receipt (kuitansi) only above Rp5.000.000, under the signature of whoever received the
    money."""
    if kind == DocKind.PERJANJIAN:
        return MeteraiDecision(True, "debitur", "surat perjanjian")
    if kind == DocKind.BERITA_ACARA:
        if agreed_terms:
            return MeteraiDecision(True, "debitur", "berita acara yang memuat kesepakatan")
        return MeteraiDecision(False, "", "berita acara tanpa kesepakatan")
    if kind == DocKind.KETERANGAN_LUNAS:
        return MeteraiDecision(True, "koperasi", "surat keterangan lunas")
    if kind in (DocKind.KUITANSI_PINJAMAN, DocKind.KUITANSI_SIMPANAN):
        limit = format_rupiah(RECEIPT_THRESHOLD)
        if amount > RECEIPT_THRESHOLD:
            return MeteraiDecision(True, "penerima", f"kuitansi lebih dari {limit}")
        return MeteraiDecision(False, "", f"kuitansi tidak lebih dari {limit}")
    return NONE
