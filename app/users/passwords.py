"""Password hashing with scrypt (a slow KDF) and the password rules.

The scrypt cost lives in ONE place, `SCRYPT`: production uses `PRODUCTION_SCRYPT` (the OWASP
recommendation N=2^17, r=8, p=1); the test configuration lowers it with `use_scrypt()` so the
suite stays fast. A stored hash keeps its own parameters, so old hashes still verify and are
re-hashed with the current ones at the next successful log-in (`needs_rehash`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from app.errors import ValidationError


@dataclass(frozen=True)
class ScryptParams:
    n: int
    r: int
    p: int

    @property
    def maxmem(self) -> int:
        """Memory limit for hashlib.scrypt: scrypt needs 128·r·(N + p) bytes; OpenSSL's
        default limit (32 MiB) is below what N=2^17 needs, so give twice that."""
        return 2 * 128 * self.r * (self.n + self.p) + 1024 * 1024


PRODUCTION_SCRYPT = ScryptParams(n=2**17, r=8, p=1)
SCRYPT = PRODUCTION_SCRYPT

MIN_LENGTH = 8

# Refused outright (compared without case): the passwords tried first by anyone guessing.
COMMON_PASSWORDS = frozenset(
    {
        "123456",
        "1234567",
        "12345678",
        "123456789",
        "1234567890",
        "12345678910",
        "00000000",
        "11111111",
        "87654321",
        "password",
        "password1",
        "password123",
        "passw0rd",
        "qwerty",
        "qwerty123",
        "qwertyuiop",
        "asdfghjk",
        "iloveyou",
        "administrator",
        "koperasi",
        "koperasi1",
        "koperasi123",
        "katasandi",
        "katasandi1",
        "rahasia",
        "bismillah",
        "indonesia",
        "indonesia1",
        "merdeka45",
        "sayang123",
        "pengurus",
        "pengurus1",
        "bendahara",
        "sekretaris",
        "mufakat1",
        "mufakat123",
    }
)


def use_scrypt(params: ScryptParams) -> None:
    """Set the cost of new hashes (the test configuration makes it cheap)."""
    global SCRYPT
    SCRYPT = params
    _DUMMY.clear()


def hash_password(password: str, params: ScryptParams | None = None) -> str:
    """'scrypt$N$r$p$salt$hash' with a fresh random salt."""
    params = params or SCRYPT
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(
        password.encode("utf-8"),
        salt=salt,
        n=params.n,
        r=params.r,
        p=params.p,
        maxmem=params.maxmem,
        dklen=32,
    )
    return "$".join(
        ["scrypt", str(params.n), str(params.r), str(params.p), _b64(salt), _b64(digest)],
    )


def verify_password(password: str, stored: str) -> bool:
    """True when `password` matches the stored hash (constant-time compare)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        params = ScryptParams(int(n), int(r), int(p))
        salt_bytes, digest_bytes = base64.b64decode(salt), base64.b64decode(digest)
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = hashlib.scrypt(
        password.encode("utf-8"),
        salt=salt_bytes,
        n=params.n,
        r=params.r,
        p=params.p,
        maxmem=params.maxmem,
        dklen=len(digest_bytes),
    )
    return hmac.compare_digest(candidate, digest_bytes)


def needs_rehash(stored: str) -> bool:
    """True when a stored hash was made with other (older, weaker) parameters than SCRYPT."""
    parts = stored.split("$")
    return len(parts) != 6 or parts[:4] != ["scrypt", str(SCRYPT.n), str(SCRYPT.r), str(SCRYPT.p)]


_DUMMY: dict[ScryptParams, str] = {}


def burn_time(password: str) -> None:
    """Spend what a real check costs, for a user name that does not exist (no enumeration of
    user names by timing)."""
    dummy = _DUMMY.get(SCRYPT)
    if dummy is None:
        dummy = _DUMMY[SCRYPT] = hash_password(secrets.token_hex(16))
    verify_password(password, dummy)


def check_new_password(password: str, confirm: str | None = None, username: str = "") -> None:
    """Refuse a password that is too short, is the user name, is a well-known password, or
    does not match its confirmation (ValidationError at the field)."""
    if len(password) < MIN_LENGTH:
        raise ValidationError(f"Kata sandi minimal {MIN_LENGTH} karakter.", field="password")
    folded = password.strip().casefold()
    if username.strip() and folded == username.strip().casefold():
        raise ValidationError("Kata sandi tidak boleh sama dengan nama pengguna.", field="password")
    if folded in COMMON_PASSWORDS:
        raise ValidationError(
            "Kata sandi ini terlalu umum dan mudah ditebak; pilih yang lain.", field="password"
        )
    if confirm is not None and password != confirm:
        raise ValidationError("Ulangi kata sandi yang sama persis.", field="confirm")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
