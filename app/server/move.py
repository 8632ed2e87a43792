"""`mufakat server move --db FILE --to URL --user NAME` (issue 15): the checks before, the
move itself (app/storage/pg_move.py) and its summary in Indonesian."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.errors import ValidationError
from app.money import format_rupiah
from app.server.commands import APP_ROLE
from app.server_url import parse_server_url
from app.storage.check import check_database
from app.storage.pg_move import MoveResult, move_to_server, probe

DEFAULT_APP_ROLE = APP_ROLE  # the role `mufakat server setup` creates
PG_CHECK_NOTE = (
    "Catatan: pemeriksaan 'mufakat check' untuk database di server belum tersedia; yang sudah "
    "dibuktikan di server: jumlah baris, sidik isi tabel uang dan neraca saldo. Rantai pengaman "
    "catatan ikut disalin sebagai data, tetapi pemeriksaannya di server juga belum tersedia."
)


class FileHasProblems(ValidationError):
    """`mufakat check` found problems in the file: it is not moved."""


def move(
    path: Path,
    url_text: str,
    username: str | None,
    *,
    app_role: str = DEFAULT_APP_ROLE,
    ask: Callable[[str], str] | None = None,
    password: str | None = None,
) -> MoveResult:
    """Check the file (`mufakat check` must be clean), the server (log-in, empty database),
    then the user, then move. Raises an AppError with the reason when any of them says no."""
    from app.cli_auth import cli_user
    from app.services import Services
    from app.users.permissions import Action

    url = parse_server_url(url_text)
    report = check_database(path)
    if not report.ok:
        raise FileHasProblems(
            f"File {path} tidak dipindahkan karena pemeriksaan menemukan masalah: "
            + "; ".join(report.problems[:5])
            + ". Perbaiki dulu (jalankan 'mufakat check'), lalu coba lagi.",
            field="db",
        )
    probe(url, app_role)
    services = Services.open(path)
    try:
        user = cli_user(services, username, Action.RESTORE, ask, password=password)
        return move_to_server(
            services.file, url, actor_id=user.id, actor=user.full_name or user.username,
            app_role=app_role,
        )  # fmt: skip
    finally:
        services.close()


def summary(result: MoveResult, path: Path) -> list[str]:
    """The lines printed after a move: one per table, then the trial balance and the notes."""
    proof = result.proof
    width = max(len(t.table) for t in proof.tables) if proof.tables else 5
    lines = [
        f"Koperasi dipindahkan dari {path} ke {result.url}.",
        "",
        f"{'Tabel':<{width}}  {'Di file':>9}  {'Di server':>9}  Sidik isi",
        f"{'-' * width}  {'-' * 9}  {'-' * 9}  {'-' * 12}",
    ]
    empty = [t for t in proof.tables if t.equal and t.pg_rows == 0]
    for t in proof.tables:
        if t in empty:
            continue
        mark = "sama" if t.equal else "BEDA"
        shown = f"{t.pg_hash[:12]} {mark}" if t.hashed else ("-" if t.equal else "BEDA")
        lines.append(f"{t.table:<{width}}  {t.sqlite_rows:>9}  {t.pg_rows:>9}  {shown}")
    lines += [
        f"({len(empty)} tabel kosong di kedua tempat tidak ditampilkan.)",
        "",
        f"Jumlah baris: {sum(t.pg_rows for t in proof.tables)} di {len(proof.tables)} tabel; "
        f"{sum(1 for t in proof.tables if t.hashed)} tabel uang dibandingkan isinya.",
        f"Neraca saldo: {proof.trial_accounts} akun, debet {format_rupiah(proof.trial_debit)}, "
        f"kredit {format_rupiah(proof.trial_credit)} — "
        + ("sama di kedua tempat." if proof.trial_equal else "BERBEDA."),
        f"Nomor urut baru di server disetel melewati data yang disalin ({len(result.sequences)} "
        "tabel).",
        "Pemeriksaan 'mufakat check' pada file: baik.",
        PG_CHECK_NOTE,
    ]
    return lines
