"""The kinds of document the program issues: names, number codes and who signs them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class DocKind(StrEnum):
    SP1 = "sp1"
    SP2 = "sp2"
    SP3 = "sp3"
    PANGGILAN = "panggilan"
    RINGKASAN_KASUS = "ringkasan_kasus"
    BERITA_ACARA = "berita_acara"
    PERJANJIAN = "perjanjian"
    KETERANGAN_LUNAS = "keterangan_lunas"
    NOTULEN = "notulen"
    KARTU_PINJAMAN = "kartu_pinjaman"
    JADWAL_ANGSURAN = "jadwal_angsuran"
    KUITANSI_PINJAMAN = "kuitansi_pinjaman"
    KUITANSI_SIMPANAN = "kuitansi_simpanan"
    TANDA_TERIMA_AGUNAN = "tanda_terima_agunan"
    DAFTAR_HAPUS_BUKU = "daftar_hapus_buku"
    KETERANGAN_ANGGOTA = "keterangan_anggota"
    SURAT_POTONG_GAJI = "surat_potong_gaji"
    BILYET_BERJANGKA = "bilyet_berjangka"

    @property
    def info(self) -> KindInfo:
        return KINDS[self]

    @property
    def label(self) -> str:
        return KINDS[self].label


@dataclass(frozen=True)
class KindInfo:
    """label: what the user reads; code: the {doc_code} of the number; receipt: the number is
    the transaction's receipt number (not drawn from a sequence); signers: the cooperative's
    signers by default (see app.documents.signatures.ROLES); mengetahui: a "Mengetahui"
    block for the Ketua Pengawas by default."""

    label: str
    code: str
    signers: tuple[str, ...]
    mengetahui: bool = False
    receipt: bool = False


KINDS: dict[DocKind, KindInfo] = {
    DocKind.SP1: KindInfo("Surat Peringatan Pertama (SP1)", "SP-1", ("manajer",)),
    DocKind.SP2: KindInfo("Surat Peringatan Kedua (SP2)", "SP-2", ("ketua",)),
    DocKind.SP3: KindInfo("Surat Peringatan Ketiga (SP3)", "SP-3", ("ketua", "sekretaris")),
    DocKind.PANGGILAN: KindInfo("Surat Panggilan", "SPG", ("manajer",)),
    DocKind.RINGKASAN_KASUS: KindInfo("Ringkasan Kasus", "RK", ()),
    DocKind.BERITA_ACARA: KindInfo(
        "Berita Acara Kesepakatan Penyelesaian Pinjaman", "BA", ("ketua",), mengetahui=True
    ),
    DocKind.PERJANJIAN: KindInfo(
        "Surat Perjanjian Penyelesaian Pinjaman", "SPP", ("ketua",), mengetahui=True
    ),
    DocKind.KETERANGAN_LUNAS: KindInfo("Surat Keterangan Lunas", "SKL", ("ketua",)),
    DocKind.NOTULEN: KindInfo("Notulen Rapat Pengurus", "NOT", (), mengetahui=True),
    DocKind.KARTU_PINJAMAN: KindInfo("Kartu Pinjaman", "KP", ("manajer",)),
    DocKind.JADWAL_ANGSURAN: KindInfo("Jadwal Angsuran", "JA", ("manajer",)),
    DocKind.KUITANSI_PINJAMAN: KindInfo(
        "Kuitansi Pembayaran Pinjaman", "KW", ("bendahara",), receipt=True
    ),
    DocKind.KUITANSI_SIMPANAN: KindInfo("Kuitansi Simpanan", "KW", ("bendahara",), receipt=True),
    DocKind.TANDA_TERIMA_AGUNAN: KindInfo("Tanda Terima Agunan", "TTA", ("manajer",)),
    DocKind.DAFTAR_HAPUS_BUKU: KindInfo(
        "Daftar Pinjaman Dihapusbukukan", "DHB", ("ketua", "sekretaris"), mengetahui=True
    ),
    DocKind.KETERANGAN_ANGGOTA: KindInfo("Surat Keterangan Anggota", "SKA", ("ketua",)),
    DocKind.SURAT_POTONG_GAJI: KindInfo(
        "Surat Permohonan Potong Gaji", "SPG-G", ("ketua", "bendahara")
    ),
    DocKind.BILYET_BERJANGKA: KindInfo("Bilyet Simpanan Berjangka", "BSB", ("ketua", "bendahara")),
}

SP_KINDS = {1: DocKind.SP1, 2: DocKind.SP2, 3: DocKind.SP3}
