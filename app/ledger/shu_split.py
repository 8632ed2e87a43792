"""Pure SHU arithmetic (issue 13 §4, LEDGER.md §3.3): the allocation percentages validated to
exactly 100 %, the pools in whole rupiah (left-over rupiah to cadangan) and the largest-remainder
split of a pool over members' bases, so the rows add up exactly to the pool."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from decimal import Decimal
from typing import TypeVar

from app.errors import ValidationError
from app.money import format_rate

K = TypeVar("K", bound=Hashable)

# (key, label): the order of the Pengaturan → SHU form and of the printed allocation.
POOLS: tuple[tuple[str, str], ...] = (
    ("cadangan", "Cadangan"),
    ("jma", "Jasa modal anggota (JMA)"),
    ("jua", "Jasa usaha anggota (JUA)"),
    ("pengurus", "Dana pengurus & pengawas"),
    ("karyawan", "Dana karyawan"),
    ("pendidikan", "Dana pendidikan"),
    ("sosial", "Dana sosial"),
    ("daerah_kerja", "Dana pembangunan daerah kerja"),
)
POOL_KEYS = tuple(key for key, _ in POOLS)
DEFAULT_PERCENT: dict[str, Decimal] = {
    "cadangan": Decimal(40),
    "jma": Decimal(20),
    "jua": Decimal(20),
    "pengurus": Decimal(5),
    "karyawan": Decimal(5),
    "pendidikan": Decimal("2.5"),
    "sosial": Decimal("2.5"),
    "daerah_kerja": Decimal(5),
}

RULE = (
    "Pembulatan: bagian tiap anggota dihitung pro rata lalu dibulatkan ke bawah ke rupiah "
    "penuh; sisa rupiah diberikan satu per satu kepada anggota dengan sisa pecahan terbesar "
    "(metode sisa terbesar; bila sama, nomor anggota terkecil), sehingga jumlah baris tepat "
    "sama dengan dana. Sisa pembagian dana dari SHU masuk cadangan, demikian pula dana JMA "
    "atau JUA bila tidak ada anggota yang memiliki dasar pembagiannya."
)


def validate_percentages(percent: Mapping[str, Decimal]) -> dict[str, Decimal]:
    """Every pool 0–100 %, the sum exactly 100 % (not 99,99, not 100,01: the much-copied
    40/40/5/5/5/5/5 sums to 105 %)."""
    unknown = set(percent) - set(POOL_KEYS)
    if unknown:
        raise ValidationError(f"Dana SHU tidak dikenal: {', '.join(sorted(unknown))}.")
    clean = {key: Decimal(percent.get(key, 0)) for key in POOL_KEYS}
    for key, label in POOLS:
        if not Decimal(0) <= clean[key] <= Decimal(100):
            raise ValidationError(f"Persen {label} harus antara 0 dan 100.", field=key)
    total = sum(clean.values(), Decimal(0))
    if total != Decimal(100):
        raise ValidationError(
            f"Jumlah persen pembagian SHU {format_rate(total)}; harus tepat 100%.", field="total"
        )
    return clean


def pools(shu: int, percent: Mapping[str, Decimal]) -> dict[str, int]:
    """Each pool floor(SHU × %), cadangan takes what is left: the pools sum exactly to SHU.
    A negative SHU (a loss) is not divided: every pool 0."""
    clean = validate_percentages(percent)
    if shu <= 0:
        return dict.fromkeys(POOL_KEYS, 0)
    out = {}
    for key in POOL_KEYS:
        num, den = clean[key].as_integer_ratio()
        out[key] = shu * num // (den * 100)
    out["cadangan"] = shu - sum(v for k, v in out.items() if k != "cadangan")
    return out


def largest_remainder(total: int, weights: Mapping[K, int]) -> dict[K, int]:
    """Split `total` rupiah pro rata to non-negative integer `weights` in whole rupiah: floors
    first, then one rupiah each to the largest remainders (ties: the key order given). The
    result sums exactly to `total` (0 each when all weights are 0)."""
    if total < 0:
        raise ValueError("total must not be negative")
    if any(w < 0 for w in weights.values()):
        raise ValueError("weights must not be negative")
    whole = sum(weights.values())
    if whole == 0 or total == 0:
        return dict.fromkeys(weights, 0)
    out: dict[K, int] = {}
    remainders: list[tuple[int, int, K]] = []
    for index, (key, weight) in enumerate(weights.items()):
        quotient, remainder = divmod(total * weight, whole)
        out[key] = quotient
        remainders.append((-remainder, index, key))
    left = total - sum(out.values())
    for _, _, key in sorted(remainders)[:left]:
        out[key] += 1
    return out
