"""Adjustable wording of the documents: a cooperative's own text for a paragraph, checked so
that it only uses the placeholders that paragraph knows; "restore default" in one call."""

from __future__ import annotations

import string
from collections.abc import Mapping

from app.documents.wording import PARTS, PARTS_BY_KEY, PLACEHOLDERS, Part
from app.errors import NotFound, ValidationError
from app.storage.audit_repo import AuditRepository
from app.storage.documents_repo import DocumentsRepository
from app.storage.engine import Engine
from app.storage.units import write_unit
from app.users.models import User
from app.users.permissions import Action, require

_PREFIX = "wording."
MAX_LENGTH = 2000


def part(key: str) -> Part:
    try:
        return PARTS_BY_KEY[key]
    except KeyError:
        raise NotFound(f"Kalimat surat '{key}' tidak dikenal.") from None


def placeholders_in(text: str) -> list[str]:
    """The placeholder names used in `text`, in order (ValidationError if braces are broken)."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise ValidationError(
            "Tanda kurung kurawal { } tidak berpasangan. Isian ditulis seperti {nama_anggota}; "
            "hapus kurung yang berlebih.",
            field="text",
        ) from exc
    names: list[str] = []
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name or spec or conversion:
            shown = (
                "{"
                + name
                + (f"!{conversion}" if conversion else "")
                + (f":{spec}" if spec else "")
                + "}"
            )
            raise ValidationError(
                f"Isian {shown} tidak bisa dipakai. Tulis isian hanya dengan namanya, misalnya "
                "{nama_anggota}.",
                field="text",
            )
        names.append(name)
    return names


def validate_wording(target: Part, text: str) -> str:
    """The text trimmed, or ValidationError naming the first unknown placeholder."""
    text = text.strip()
    if not text:
        raise ValidationError("Kalimat tidak boleh kosong. Pakai 'Kembalikan ke bawaan'.", "text")
    if len(text) > MAX_LENGTH:
        raise ValidationError(
            f"Kalimat terlalu panjang (paling banyak {MAX_LENGTH} huruf).", "text"
        )
    for name in placeholders_in(text):
        if name not in target.allowed:
            allowed = ", ".join("{" + n + "}" for n in target.allowed)
            hint = (
                " (isian itu tidak ada)"
                if name not in PLACEHOLDERS
                else (" (isian itu tidak tersedia untuk kalimat ini)")
            )
            raise ValidationError(
                f"Isian {{{name}}} tidak dikenal{hint}. Yang bisa dipakai di sini: {allowed}.",
                field="text",
            )
    return text


class _Keep(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(text: str, values: Mapping[str, str]) -> str:
    """Put the values into a validated text (a value missing leaves its placeholder visible)."""
    return string.Formatter().vformat(text, (), _Keep(values))


class TemplateService:
    """The wording in force: the cooperative's own text where saved, else the default."""

    def __init__(self, db: Engine, audit: AuditRepository) -> None:
        self.db = db
        self.repo = DocumentsRepository(db)
        self.audit = audit

    def parts(self) -> tuple[Part, ...]:
        return PARTS

    def texts(self) -> dict[str, str]:
        """Every paragraph's text in force, read in one query."""
        saved = self.repo.settings_with_prefix(_PREFIX)
        return {p.key: str(saved.get(_PREFIX + p.key, p.default)) for p in PARTS}

    def text(self, key: str) -> str:
        target = part(key)
        saved = self.repo.setting(_PREFIX + key)
        return str(saved) if saved is not None else target.default

    def is_default(self, key: str) -> bool:
        return self.repo.setting(_PREFIX + part(key).key) is None

    @write_unit
    def save(self, actor: User, key: str, text: str) -> str:
        """Store the cooperative's own text for one paragraph (EDIT_SETTINGS; audited)."""
        require(actor, Action.EDIT_SETTINGS)
        target = part(key)
        cleaned = validate_wording(target, text)
        before = self.text(key)
        if cleaned == before:
            return cleaned
        with self.db.atomic():
            self.repo.put_setting(_PREFIX + key, None if cleaned == target.default else cleaned)
            self.audit.record(
                actor.id, "ubah", "kalimat_surat", key, {"text": before}, {"text": cleaned}
            )
        return cleaned

    @write_unit
    def restore_default(self, actor: User, key: str) -> str:
        """Back to the shipped wording (EDIT_SETTINGS; audited); returns it."""
        require(actor, Action.EDIT_SETTINGS)
        target = part(key)
        if self.is_default(key):
            return target.default
        before = self.text(key)
        with self.db.atomic():
            self.repo.put_setting(_PREFIX + key, None)
            self.audit.record(
                actor.id,
                "kembalikan",
                "kalimat_surat",
                key,
                {"text": before},
                {"text": target.default},
            )
        return target.default
