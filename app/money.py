"""Rupiah amounts and interest rates: integers and Decimals inside, Indonesian text at the edges."""

from __future__ import annotations

import re
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

from app.errors import ValidationError

__all__ = [
    "RUPIAH_STYLES",
    "format_number",
    "format_rate",
    "format_rupiah",
    "parse_rate",
    "parse_rupiah",
    "round_rupiah",
    "rupiah_with_words",
    "terbilang",
    "terbilang_rupiah",
]

RUPIAH_STYLES = ("puebi", "spasi", "sen")
"""Display styles for rupiah: 'Rp1.500.000', 'Rp 1.500.000', 'Rp1.500.000,00'."""

# The largest value an SQLite INTEGER column holds; anything above it cannot be stored.
_MAX_AMOUNT = 2**63 - 1
_MAX_RATE = Decimal(100)
_MAX_RATE_PLACES = 4

_EXAMPLE = "Tulis angka saja, misalnya 1.500.000."
# Optional currency prefix ('Rp', 'Rp.', any case), then the number.
_CURRENCY_PREFIX = re.compile(r"^rp\.?", re.IGNORECASE)
# Either plain digits or digits grouped by dots in threes.
_AMOUNT_BODY = re.compile(r"^(?P<int>[0-9]+|[0-9]{1,3}(?:\.[0-9]{3})+)(?P<frac>,[0-9]+|,-)?$")
_RATE_BODY = re.compile(r"^(?P<int>[0-9]+)(?:[.,](?P<frac>[0-9]+))?$")


def _require_int(amount: int) -> None:
    # bool is an int subclass and float must never reach money code: both are bugs, not input.
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError(f"rupiah amounts are int, got {type(amount).__name__}")


def format_number(amount: int) -> str:
    """1500000 -> '1.500.000' (dots group thousands, as in id_ID)."""
    _require_int(amount)
    # What babel's format_decimal(…, "#,##0", locale="id_ID") gives, about 30 times faster:
    # long lists format thousands of amounts (the Buku Besar, issue 16).
    text = f"{abs(amount):,}".replace(",", ".")
    return f"-{text}" if amount < 0 else text


def format_rupiah(amount: int, style: str = "puebi") -> str:
    """1500000 -> 'Rp1.500.000'; style 'spasi' -> 'Rp 1.500.000', 'sen' -> 'Rp1.500.000,00'."""
    _require_int(amount)
    if style not in RUPIAH_STYLES:
        raise ValueError(f"unknown rupiah style {style!r}; expected one of {RUPIAH_STYLES}")
    text = format_number(abs(amount))
    if style == "sen":
        text += ",00"
    prefix = "Rp " if style == "spasi" else "Rp"
    sign = "-" if amount < 0 else ""
    return f"{sign}{prefix}{text}"


def parse_rupiah(text: str, *, allow_negative: bool = False) -> int:
    """'Rp1.250.000', 'Rp 1.250.000', '1.250.000', '1250000' or '1.250.000,00' -> 1250000.

    Dots group thousands; a comma may only be followed by zeros (',00') or a dash (',-'),
    because the cooperative never books sen. Raises ValidationError with an Indonesian message.
    """
    raw = text.strip()
    if not raw:
        raise ValidationError("Jumlah rupiah belum diisi. " + _EXAMPLE)
    body = raw
    negative = body.startswith("-")
    if negative:
        body = body[1:].strip()
    body = _CURRENCY_PREFIX.sub("", body, count=1).strip()
    if not negative and body.startswith("-"):  # 'Rp-1.500' is written too
        negative = True
        body = body[1:].strip()

    match = _AMOUNT_BODY.match(body)
    if match is None:
        raise ValidationError(_amount_problem(raw, body))
    frac = match.group("frac")
    if frac is not None and frac != ",-" and frac.strip(",0"):
        raise ValidationError(
            f"'{raw}' memakai sen. Jumlah rupiah harus bulat, misalnya 1.500.000 atau 1.500.000,00."
        )
    amount = int(match.group("int").replace(".", ""))
    if amount > _MAX_AMOUNT:
        raise ValidationError(f"'{raw}' terlalu besar untuk sebuah jumlah rupiah.")
    if negative and amount != 0:
        if not allow_negative:
            raise ValidationError(f"Jumlah rupiah tidak boleh negatif ('{raw}').")
        return -amount
    return amount


def _amount_problem(raw: str, body: str) -> str:
    """Explain in Indonesian why `body` is not an amount, as precisely as we can tell."""
    if re.fullmatch(r"[0-9]+\.[0-9]{1,2}", body):
        return (
            f"'{raw}' bukan jumlah rupiah yang sah. Titik dipakai untuk ribuan dan "
            "jumlah rupiah harus bulat, misalnya 1.500.000."
        )
    if re.fullmatch(r"[0-9.]+(,[0-9]*)?", body):
        return (
            f"'{raw}' bukan jumlah rupiah yang sah. Titik harus memisahkan tiap tiga angka, "
            "misalnya 1.500.000."
        )
    return f"'{raw}' bukan jumlah rupiah yang sah. {_EXAMPLE}"


def round_rupiah(value: Decimal | int, multiple: int = 1, *, up: bool = False) -> int:
    """Round `value` to a multiple of `multiple` rupiah: half-up (away from zero), or up (ceiling).

    This is the project's only rounding helper: every computed rupiah amount goes through it.
    """
    if isinstance(value, float):
        raise TypeError("round_rupiah takes Decimal or int, never float")
    _require_int(multiple)
    if multiple < 1:
        raise ValueError(f"multiple must be a positive number of rupiah, got {multiple}")
    value = Decimal(value)
    if not value.is_finite():
        raise ValueError(f"cannot round {value} to rupiah")
    with localcontext() as ctx:
        # Enough digits that dividing a large amount by `multiple` never rounds prematurely.
        ctx.prec = max(28, len(value.as_tuple().digits) + 10)
        steps = (value / multiple).to_integral_value(
            rounding=ROUND_CEILING if up else ROUND_HALF_UP
        )
    return int(steps) * multiple


# ---------------------------------------------------------------- terbilang

_UNITS = (
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
    "sepuluh", "sebelas",
)  # fmt: skip
_SCALES = ("", "ribu", "juta", "miliar", "triliun", "kuadriliun", "kuintiliun")


def _below_thousand(n: int) -> list[str]:
    """Words for 1..999 (without 'nol')."""
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds == 1:
        words.append("seratus")
    elif hundreds > 1:
        words += [_UNITS[hundreds], "ratus"]
    if rest == 0:
        return words
    if rest < 12:
        words.append(_UNITS[rest])
    elif rest < 20:
        words += [_UNITS[rest - 10], "belas"]
    else:
        tens, ones = divmod(rest, 10)
        words += [_UNITS[tens], "puluh"]
        if ones:
            words.append(_UNITS[ones])
    return words


def terbilang(amount: int) -> str:
    """Indonesian words, lower case: 1011000 -> 'satu juta sebelas ribu', 1000 -> 'seribu'.

    Only the thousands take the 'se-' form ('seribu'); millions and up say 'satu juta'.
    Negative numbers start with 'minus'. Supports magnitudes below 10**21.
    """
    _require_int(amount)
    if amount == 0:
        return "nol"
    if abs(amount) >= 1000 ** len(_SCALES):
        raise ValueError(f"{amount} is too large to spell out")
    groups: list[int] = []
    rest = abs(amount)
    while rest:
        rest, group = divmod(rest, 1000)
        groups.append(group)
    words: list[str] = ["minus"] if amount < 0 else []
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            continue
        scale = _SCALES[index]
        if group == 1 and scale == "ribu":
            words.append("seribu")
            continue
        words += _below_thousand(group)
        if scale:
            words.append(scale)
    return " ".join(words)


def terbilang_rupiah(amount: int) -> str:
    """2950000 -> 'dua juta sembilan ratus lima puluh ribu rupiah'."""
    return f"{terbilang(amount)} rupiah"


def rupiah_with_words(amount: int) -> str:
    """2950000 -> 'Rp2.950.000 (dua juta sembilan ratus lima puluh ribu rupiah)'."""
    return f"{format_rupiah(amount)} ({terbilang_rupiah(amount)})"


# ---------------------------------------------------------------- rates


def parse_rate(text: str) -> Decimal:
    """'1,5', '1.5' or '1,5%' -> Decimal('1.5'): a percentage from 0 to 100, up to 4 decimals."""
    raw = text.strip()
    if not raw:
        raise ValidationError("Bunga belum diisi. Tulis persennya, misalnya 1,5.")
    body = raw.removesuffix("%").strip()
    match = _RATE_BODY.match(body)
    if match is None:
        if body.startswith("-"):
            raise ValidationError(f"Bunga tidak boleh negatif ('{raw}').")
        raise ValidationError(
            f"'{raw}' bukan angka persen yang sah. Tulis seperti 1,5 atau 1,5% (tanpa huruf)."
        )
    frac = match.group("frac") or ""
    if len(frac) > _MAX_RATE_PLACES:
        raise ValidationError(
            f"'{raw}' terlalu banyak angka di belakang koma (paling banyak {_MAX_RATE_PLACES})."
        )
    try:
        rate = Decimal(f"{match.group('int')}.{frac}" if frac else match.group("int"))
    except InvalidOperation as exc:  # pragma: no cover - the regex only lets digits through
        raise ValidationError(f"'{raw}' bukan angka persen yang sah.") from exc
    if rate > _MAX_RATE:
        raise ValidationError(f"Bunga {raw} tidak masuk akal: paling tinggi 100%.")
    return rate


def format_rate(rate: Decimal) -> str:
    """Decimal('1.5') -> '1,5%'; Decimal('18') -> '18%'; Decimal('1.25') -> '1,25%'."""
    if isinstance(rate, float):
        raise TypeError("rates are Decimal, never float")
    rate = Decimal(rate)
    if not rate.is_finite():
        raise ValueError(f"cannot format rate {rate}")
    text = format(rate.normalize(), "f")
    if text == "-0":
        text = "0"
    return f"{text.replace('.', ',')}%"
