"""Who signs each kind of document: the officers' keys and a kind's signer configuration.

Apart from signatures.py (which lays the blocks out with ReportLab) so that the composition
root and the settings read them without loading ReportLab (issue 16: the log-in window)."""

from __future__ import annotations

from dataclasses import dataclass

# The cooperative's officers who can sign, keyed as in CoopProfile.
ROLES: dict[str, str] = {
    "ketua": "Ketua",
    "sekretaris": "Sekretaris",
    "bendahara": "Bendahara",
    "manajer": "Manajer",
}
MENGETAHUI_ROLE = "ketua_pengawas"


@dataclass(frozen=True)
class SignerConfig:
    """Which officers sign a kind of document, in order, and whether the Ketua Pengawas adds
    a "Mengetahui" block."""

    signers: tuple[str, ...]
    mengetahui: bool = False
