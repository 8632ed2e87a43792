"""Windows behaviour of the installed Mufakat.exe, checked under Wine by scripts/windows/build.sh.

    python.exe scripts\\windows\\wine_checks.py "C:\\Program Files\\Mufakat\\Mufakat.exe" M:\\

Run by the Windows CPython (from the repository root, with the project's dependencies), it
drives the frozen program through its command line and its start-up probe
(MUFAKAT_EXIT_AFTER_SHOWN), and checks:
- the data folder is %APPDATA%\\Mufakat (the program remembers the opened file there, and finds
  it again on the next start);
- a database in a folder whose names have spaces and non-ASCII letters can be made, opened,
  checked and backed up;
- the single-writer lock (msvcrt): a second writer is refused while the file is open, both
  against this process and against a running Mufakat.exe, and a killed program leaves no lock;
- a backup onto another drive letter is written and verified.
Start-up times are printed only: Wine's times are not Windows' times.
Exits 1 at the first failed check (named), 0 when all passed.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from app.paths import data_dir  # noqa: E402
from app.services import Services  # noqa: E402

SPECIAL_FOLDER = Path("C:/Data Koperasi/Cabang Déwi – Ñusantara Ü")
DB_NAME = "koperasi contoh é.db"


class CheckFailed(Exception):
    pass


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("MUFAKAT_HOME", "MUFAKAT_SMOKE_LOG")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra)
    return env


def run(exe: Path, *args: str, timeout: float = 300, **env: str) -> tuple[int, float]:
    began = time.perf_counter()
    result = subprocess.run(
        [str(exe), *args],
        env=_env(**env),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=timeout,
        check=False,
    )
    return result.returncode, time.perf_counter() - began


def first_window(exe: Path, work: Path, *args: str) -> tuple[str, float]:
    """Start the program; it exits once its first window is shown. Returns (window, seconds)."""
    marker = work / f"shown-{time.monotonic_ns()}.txt"
    code, took = run(exe, *args, timeout=120, MUFAKAT_EXIT_AFTER_SHOWN=str(marker))
    if code != 0 or not marker.is_file():
        raise CheckFailed(f"the program showed no window (exit code {code})")
    return marker.read_text(encoding="utf-8").strip(), took


def backups_in(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.db")) if folder.is_dir() else []


def check_appdata(exe: Path, work: Path, db: Path) -> None:
    appdata = os.environ.get("APPDATA", "")
    expected = Path(appdata) / "Mufakat"
    print(f"  APPDATA = {appdata}")
    if not appdata.lower().endswith("appdata\\roaming"):
        raise CheckFailed(f"unexpected APPDATA {appdata!r}")
    os.environ.pop("MUFAKAT_HOME", None)
    if data_dir() != expected:
        raise CheckFailed(f"data_dir() is {data_dir()}, not {expected}")
    config = expected / "config.json"
    if config.exists():
        raise CheckFailed(f"{config} exists before the program ran (a used prefix?)")
    shown, took = first_window(exe, work, "--db", str(db))
    print(f"  Mufakat.exe --db <file>: {shown} after {took:.1f} s (Wine)")
    if "LoginDialog" not in shown:
        raise CheckFailed(f"expected the log-in window, got {shown}")
    if not config.is_file():
        raise CheckFailed(f"the program wrote no {config}")
    text = config.read_text(encoding="utf-8")
    if db.name not in json.dumps(json.loads(text), ensure_ascii=False):
        raise CheckFailed(f"{config} does not name {db}: {text}")
    print(f"  {config} remembers the file")
    shown, took = first_window(exe, work)
    print(f"  Mufakat.exe (no arguments, reopens the last file): {shown} after {took:.1f} s")
    if "LoginDialog" not in shown:
        raise CheckFailed(f"the last file from %APPDATA%\\Mufakat was not reopened: {shown}")


def check_special_path(exe: Path, db: Path) -> None:
    db.parent.mkdir(parents=True, exist_ok=True)
    code, took = run(exe, "demo", str(db), "--members", "30")
    if code != 0 or not db.is_file():
        raise CheckFailed(f"`Mufakat.exe demo` in {db.parent} failed (exit code {code})")
    print(f"  demo database made in {took:.1f} s: {db}")
    code, took = run(exe, "check", "--db", str(db))
    if code != 0:
        raise CheckFailed(f"`Mufakat.exe check` on {db} failed (exit code {code})")
    print(f"  `Mufakat.exe check` passed in {took:.1f} s")


def check_backup_other_drive(exe: Path, db: Path, drive: Path) -> None:
    folder = drive / "Cadangan Mufakat ñ"
    code, took = run(exe, "backup", "--db", str(db), "--to", str(folder))
    found = backups_in(folder)
    if code != 0 or len(found) != 1:
        raise CheckFailed(f"backup to {folder} failed (exit code {code}, files {found})")
    with sqlite3.connect(f"file:{found[0].as_posix()}?mode=ro", uri=True) as con:
        verdict = con.execute("PRAGMA integrity_check").fetchone()[0]
        members = con.execute("SELECT count(*) FROM members").fetchone()[0]
    con.close()
    if verdict != "ok" or members < 1:
        raise CheckFailed(f"the backup {found[0]} is not sound: {verdict}, {members} members")
    print(f"  backup on {drive}: {found[0].name}, {members} members, verified ({took:.1f} s)")


def check_lock(exe: Path, work: Path, db: Path, drive: Path) -> None:
    folder = drive / "Cadangan saat terkunci"
    services = Services.open(db)  # this process is the writer now (msvcrt lock)
    try:
        code, _ = run(exe, "backup", "--db", str(db), "--to", str(folder))
        if code == 0 or backups_in(folder):
            raise CheckFailed("a second writer opened a file this process holds")
        print(f"  held by this process: Mufakat.exe backup refused (exit code {code})")
        shown, _ = first_window(exe, work, "--db", str(db))
        if "LoginDialog" in shown:
            raise CheckFailed("the program opened a file another process holds")
        print(f"  held by this process: Mufakat.exe --db refused to log in ({shown})")
    finally:
        services.close()
    # A running program holds the file; once it is killed the lock is gone with it.
    holder = subprocess.Popen(
        [str(exe), "--db", str(db)],
        env=_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        # The holder note stays beside the file after every close (it is information, never
        # the lock itself), so wait for the running program to write ITS note: its process id.
        lock = db.with_name(db.name + ".lock")
        mine = f"(proses {holder.pid})"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if lock.is_file() and mine in lock.read_text(encoding="utf-8", errors="replace"):
                break
            if holder.poll() is not None:
                raise CheckFailed(f"the holding program ended early ({holder.returncode})")
            time.sleep(0.5)
        else:
            raise CheckFailed("the running program never took the lock")
        time.sleep(1)
        code, _ = run(exe, "backup", "--db", str(db), "--to", str(folder))
        if code == 0 or backups_in(folder):
            raise CheckFailed("a second writer opened a file a running Mufakat.exe holds")
        print(f"  held by a running Mufakat.exe: backup refused (exit code {code})")
    finally:
        holder.kill()
        holder.wait(timeout=60)
    code, _ = run(exe, "backup", "--db", str(db), "--to", str(folder))
    if code != 0 or len(backups_in(folder)) != 1:
        raise CheckFailed(f"after the holder was killed the file stayed locked (exit {code})")
    print("  after the holder was killed: backup written (no stale lock)")


def main(argv: list[str]) -> int:
    exe, drive = Path(argv[1]), Path(argv[2])
    if not exe.is_file():
        print(f"no {exe}")
        return 1
    db = SPECIAL_FOLDER / DB_NAME
    checks = [
        ("paths with spaces and non-ASCII letters", lambda: check_special_path(exe, db)),
        ("%APPDATA%\\Mufakat is the data folder", lambda: check_appdata(exe, work, db)),
        (f"backup to another drive ({drive})", lambda: check_backup_other_drive(exe, db, drive)),
        ("single-writer lock", lambda: check_lock(exe, work, db, drive)),
    ]
    with tempfile.TemporaryDirectory(prefix="mufakat-cek-") as tmp:
        work = Path(tmp)
        for number, (name, check) in enumerate(checks, start=1):
            print(f"[{number}/{len(checks)}] {name}", flush=True)
            began = time.perf_counter()
            try:
                check()
            except (CheckFailed, OSError, subprocess.SubprocessError) as exc:
                print(f"FAILED: {name}: {exc}", flush=True)
                return 1
            print(f"  OK ({time.perf_counter() - began:.1f} s)", flush=True)
    print(f"all {len(checks)} Windows checks passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
