"""What a renderer needs besides the document's data: the profile, demo flag, rupiah style,
the wording in force, and who signs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from app.documents.kinds import DocKind
from app.documents.signer_roles import SignerConfig
from app.documents.templates import fill
from app.documents.wording import PARTS
from app.settings.profile import CoopProfile

DEFAULT_WORDING: dict[str, str] = {p.key: p.default for p in PARTS}


def default_signers(kind: DocKind) -> SignerConfig:
    info = kind.info
    return SignerConfig(info.signers, info.mengetahui)


@dataclass(frozen=True)
class DocContext:
    profile: CoopProfile
    is_demo: bool = False
    rupiah_style: str = "puebi"
    timezone: str = "WIB"
    wording: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_WORDING))
    signers: SignerConfig | None = None

    def text(self, key: str, values: Mapping[str, str]) -> str:
        """The paragraph `key` in force with its placeholders filled (plain text, unescaped)."""
        return fill(self.wording.get(key, DEFAULT_WORDING[key]), values)

    def signers_for(self, kind: DocKind) -> SignerConfig:
        return self.signers if self.signers is not None else default_signers(kind)

    @property
    def coop(self) -> str:
        return self.profile.name.strip() or "Koperasi"


@dataclass(frozen=True)
class RegisterLink:
    """What the register records about whom a document concerns."""

    member_id: int | None = None
    member_number: str = ""
    member_name: str = ""
    loan_id: int | None = None
    loan_number: str = ""
    case_id: int | None = None


class DocumentData(Protocol):
    """Every document's data: its number (filled in when issued), date, title and links."""

    @property
    def nomor(self) -> str: ...

    @property
    def doc_date(self) -> object: ...

    def title(self) -> str: ...

    def link(self) -> RegisterLink: ...
