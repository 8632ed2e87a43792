"""Rendering documents whatever the user typed (issue 9 §9): a 2,800-character address or a
5,000-character note must not stop a letter. When ReportLab cannot lay a page out, the long
text fields are shortened with a visible mark ("…") and the document is rendered again; a
document that still cannot be made raises an Indonesian message, never the library's text."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

from app.errors import AppError

T = TypeVar("T")
MARK = "…"
# Longest text kept per field at each further try (None: as typed).
LIMITS: tuple[int | None, ...] = (None, 1200, 400, 120)


class DocumentNotMade(AppError):
    """A document could not be rendered; nothing was numbered or stored."""


def shorten(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, the cut shown by '…' (text within the limit kept)."""
    if len(text) <= limit:
        return text
    return text[: max(0, limit - 1)].rstrip() + MARK


def clip_texts(value: T, limit: int) -> T:
    """A copy of `value` (dataclasses, tuples, lists, dicts, nested) with every string longer
    than `limit` shortened; everything else unchanged."""
    result: Any
    if type(value) is str:  # enums (StrEnum) stay as they are
        result = shorten(str(value), limit)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: clip_texts(getattr(value, f.name), limit)
            for f in dataclasses.fields(value)
            if f.init
        }
        result = dataclasses.replace(value, **changes)
    elif isinstance(value, tuple) and not hasattr(value, "_fields"):
        result = tuple(clip_texts(v, limit) for v in value)
    elif isinstance(value, list):
        result = [clip_texts(v, limit) for v in value]
    elif isinstance(value, dict):
        result = {k: clip_texts(v, limit) for k, v in value.items()}
    else:
        result = value
    return result  # type: ignore[no-any-return]


def render_safely(
    render: Callable[[Any, Any], tuple[bytes, int]], data: Any, context: Any
) -> tuple[bytes, int]:
    """`render(data, context)`, retried with ever shorter text fields while the layout fails.
    Errors with an Indonesian message (AppError) pass through; any other failure becomes
    DocumentNotMade."""
    # Here, not at the top: the composition root imports this module before any log-in.
    from reportlab.platypus.doctemplate import LayoutError

    last: BaseException | None = None
    for limit in LIMITS:
        candidate = data if limit is None else clip_texts(data, limit)
        try:
            return render(candidate, context)
        except AppError:
            raise
        except LayoutError as exc:
            last = exc
        except Exception as exc:
            raise DocumentNotMade(
                "Dokumen tidak bisa dibuat karena kesalahan program. Tidak ada nomor yang "
                "terpakai. Simpan pesan ini dan hubungi pendamping TI koperasi."
            ) from exc
    raise DocumentNotMade(
        "Dokumen tidak bisa dibuat: isinya tidak muat di halaman, juga setelah teks yang "
        "panjang dipendekkan. Tidak ada nomor yang terpakai. Periksa isian yang sangat panjang."
    ) from last
