"""Signature blocks: who signs each kind of document (configurable), laid out in rows with
room to sign, the name underlined, the position, and a meterai box where it is required."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.documents.letter import CONTENT_WIDTH, SIGN_SPACE, Signer
from app.documents.signer_roles import MENGETAHUI_ROLE, ROLES, SignerConfig
from app.documents.styles import esc
from app.documents.tables import xstyles
from app.settings.profile import CoopProfile

BLANK_NAME = "(" + "." * 36 + ")"


def officer(profile: CoopProfile, role: str, heading: str = "", meterai: bool = False) -> Signer:
    """The officer `role` of the profile as a signer (a blank line when the name is empty)."""
    if role == MENGETAHUI_ROLE:
        return Signer("Ketua Pengawas", profile.ketua_pengawas, heading or "Mengetahui,", meterai)
    return Signer(ROLES[role], str(getattr(profile, role, "")), heading, meterai)


def officers(profile: CoopProfile, config: SignerConfig) -> list[Signer]:
    return [officer(profile, role) for role in config.signers if role in ROLES]


def mengetahui(profile: CoopProfile, config: SignerConfig) -> Signer | None:
    return officer(profile, MENGETAHUI_ROLE) if config.mengetahui else None


def meterai_box() -> Table:
    """The dashed place for a Rp10.000 duty stamp (UU 10/2020)."""
    box = Table(
        [[Paragraph("METERAI<br/>Rp10.000", xstyles()["meterai"])]],
        colWidths=[2.6 * cm],
        rowHeights=[1.6 * cm],
    )
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, "#666666", None, (2, 2)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ]
        )
    )
    box.hAlign = "CENTER"
    return box


def signer_cell(signer: Signer) -> list[Flowable]:
    center = xstyles()["lcenter"]
    cell: list[Flowable] = [
        Paragraph(esc(line), center) for line in signer.heading.splitlines() if line
    ]
    if signer.meterai:
        cell += [Spacer(1, 0.2 * cm), meterai_box(), Spacer(1, 0.2 * cm)]
    else:
        cell.append(Spacer(1, SIGN_SPACE * 0.8))
    name = signer.name.strip()
    shown = f"<u>{esc(name)}</u>" if name else BLANK_NAME
    cell.append(Paragraph(f"<b>{shown}</b>", center))
    if signer.position.strip():
        cell.append(Paragraph(esc(signer.position), center))
    return cell


def _row_table(row: Sequence[Signer | None]) -> Table:
    cells: list[object] = [signer_cell(s) if s is not None else "" for s in row]
    columns = len(cells)
    table = Table([cells], colWidths=[CONTENT_WIDTH / columns] * columns)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def signature_rows(
    rows: Sequence[Sequence[Signer | None]],
    known_by: Signer | None = None,
    *,
    heading: str = "",
    gap: float = 0.45 * cm,
    together: bool = False,
) -> list[Flowable]:
    """Rows of signature blocks: a row of one sits on the right half (with `heading` above
    it), a wider first row gets `heading` centred above it; None leaves a column empty; the
    "Mengetahui" block is centred underneath. Each row stays whole on a page (all of them
    together when `together`); the heading stays with the first row."""
    parts: list[Flowable] = []
    table_rows: list[list[Signer | None]] = [list(r) for r in rows if any(r)]
    if heading and table_rows:
        first_row = table_rows[0]
        only = first_row[0] if len(first_row) == 1 else None
        if only is not None:
            joined = "\n".join(x for x in (heading, only.heading) if x)
            first_row[0] = Signer(only.position, only.name, joined, only.meterai)
        else:
            parts += [Paragraph(esc(line), xstyles()["lcenter"]) for line in heading.splitlines()]
            parts.append(Spacer(1, 0.15 * cm))
    groups: list[list[Flowable]] = []
    for index, row in enumerate(table_rows):
        cells = [None, row[0]] if len(row) == 1 else row
        groups.append([Spacer(1, gap), _row_table(cells)] if index else [*parts, _row_table(cells)])
    if known_by is not None:
        tail = [Spacer(1, gap), _row_table([None, known_by, None])]
        if groups:
            groups[-1] += tail  # "Mengetahui" never stands alone on a page
        else:
            groups.append(tail)
    if together:
        return [KeepTogether([item for group in groups for item in group])]
    return [KeepTogether(group) for group in groups]
