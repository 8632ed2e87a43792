"""Password hashing with scrypt (a slow KDF) and the password rules."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from app.errors import ValidationError

_N, _R, _P = 2**14, 8, 1
MIN_LENGTH = 6


def hash_password(password: str) -> str:
    """'scrypt$N$r$p$salt$hash' with a fresh random salt."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return "$".join(
        ["scrypt", str(_N), str(_R), str(_P), _b64(salt), _b64(digest)],
    )


def verify_password(password: str, stored: str) -> bool:
    """True when `password` matches the stored hash (constant-time compare)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = hashlib.scrypt(
        password.encode("utf-8"),
        salt=base64.b64decode(salt),
        n=int(n),
        r=int(r),
        p=int(p),
        dklen=len(base64.b64decode(digest)),
    )
    return hmac.compare_digest(candidate, base64.b64decode(digest))


def check_new_password(password: str, confirm: str | None = None) -> None:
    """Refuse a password that is too short or that does not match its confirmation."""
    if len(password) < MIN_LENGTH:
        raise ValidationError(f"Kata sandi minimal {MIN_LENGTH} karakter.", field="password")
    if confirm is not None and password != confirm:
        raise ValidationError("Ulangi kata sandi yang sama persis.", field="confirm")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
