"""Build the frozen program with PyInstaller and prove it works.

    python scripts/build_bundle.py            # build, then check
    python scripts/build_bundle.py --no-build # check an existing dist/Mufakat

Runs `pyinstaller --noconfirm build_installer.spec`, then on the result: the size (total, the
largest files and folders), `Mufakat --smoke-test`, and the time from start to the first shown
window (the log-in window of a small demo database). Exits non-zero when the build or a check
fails, or when the bundle is larger than --max-mb. The same script runs on Linux (.ci/run) and
on Windows (.github/workflows/windows.yml).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build_installer.spec"
DIST = ROOT / "dist" / "Mufakat"
EXE = DIST / ("Mufakat.exe" if sys.platform == "win32" else "Mufakat")
MAX_MB = 180.0
SMOKE_TARGET_S = 10.0
START_TARGET_S = 3.0
MB = 1024 * 1024


class CheckFailed(Exception):
    """A check of the bundle failed (message says which)."""


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"MUFAKAT_HOME": str(home), "QT_QPA_PLATFORM": "offscreen", **extra})
    return env


def build() -> float:
    print(f"== PyInstaller: {SPEC.name}", flush=True)
    began = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level=WARN", str(SPEC)],
        cwd=ROOT,
        check=False,
    )
    took = time.perf_counter() - began
    if result.returncode != 0:
        raise CheckFailed(f"PyInstaller failed (exit code {result.returncode})")
    if not EXE.is_file():
        raise CheckFailed(f"PyInstaller finished but {EXE} is missing")
    print(f"built {EXE.relative_to(ROOT)} in {took:.1f} s")
    return took


def report_size(max_mb: float) -> float:
    files = [p for p in DIST.rglob("*") if p.is_file() and not p.is_symlink()]
    total = sum(p.stat().st_size for p in files) / MB
    print(f"\n== Size: {total:.1f} MB in {len(files)} files (limit {max_mb:.0f} MB)")
    print("largest files:")
    for path in sorted(files, key=lambda p: p.stat().st_size, reverse=True)[:10]:
        print(f"  {path.stat().st_size / MB:6.1f} MB  {path.relative_to(DIST).as_posix()}")
    folders: Counter[str] = Counter()
    for path in files:
        parts = path.relative_to(DIST).parts
        key = "/".join(parts[:2]) if parts[0] == "_internal" and len(parts) > 2 else parts[0]
        folders[key] += path.stat().st_size
    print("largest parts:")
    for name, size in folders.most_common(10):
        print(f"  {size / MB:6.1f} MB  {name}")
    if total > max_mb:
        raise CheckFailed(f"bundle is {total:.1f} MB, over the {max_mb:.0f} MB limit")
    return total


def smoke_test(work: Path) -> float:
    """Run `Mufakat --smoke-test`; its lines come through a log file (a windowed Windows
    program has no console to print to)."""
    print("\n== Smoke test: Mufakat --smoke-test", flush=True)
    log = work / "smoke.log"
    began = time.perf_counter()
    result = subprocess.run(
        [str(EXE), "--smoke-test"],
        env=_env(work / "home-smoke", MUFAKAT_SMOKE_LOG=str(log)),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    took = time.perf_counter() - began
    lines = log.read_text(encoding="utf-8") if log.exists() else result.stdout
    print(lines.rstrip() or "(no output)")
    if result.returncode != 0:
        print(result.stderr.rstrip()[-4000:], file=sys.stderr)
        raise CheckFailed(f"smoke test failed (exit code {result.returncode})")
    if (work / "home-smoke").exists() and any((work / "home-smoke").iterdir()):
        raise CheckFailed("smoke test wrote into the user's data folder")
    print(f"smoke test passed in {took:.2f} s (target {SMOKE_TARGET_S:.0f} s)")
    return took


def start_time(work: Path, runs: int = 2) -> list[float]:
    """Seconds from starting the program to its first shown window (the log-in of a demo
    database); the launcher exits as soon as it is shown (MUFAKAT_EXIT_AFTER_SHOWN)."""
    print("\n== Start-up: Mufakat --db <demo> until the first window is shown", flush=True)
    home = work / "home-start"
    demo = work / "start-demo.db"
    made = subprocess.run(
        [str(EXE), "demo", str(demo), "--members", "30"],
        env=_env(home),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if made.returncode != 0 or not demo.is_file():
        raise CheckFailed(f"`Mufakat demo` failed (exit code {made.returncode}): {made.stderr}")
    times: list[float] = []
    for run in range(1, runs + 1):
        marker = work / f"shown-{run}.txt"
        began = time.perf_counter()
        try:
            result = subprocess.run(
                [str(EXE), "--db", str(demo)],
                env=_env(home, MUFAKAT_EXIT_AFTER_SHOWN=str(marker)),
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise CheckFailed("the program showed no window within 60 s") from exc
        took = time.perf_counter() - began
        if result.returncode != 0 or not marker.exists():
            detail = result.stderr[-2000:]
            raise CheckFailed(f"start-up run {run} failed (exit {result.returncode}): {detail}")
        shown = marker.read_text(encoding="utf-8").strip()
        label = "first" if run == 1 else "again"
        print(f"  {label}: {took:.2f} s to {shown} (target {START_TARGET_S:.0f} s)")
        times.append(took)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="check an existing dist/Mufakat")
    parser.add_argument("--max-mb", type=float, default=MAX_MB, help="size limit of the bundle")
    parser.add_argument(
        "--strict-times", action="store_true", help="also fail when a time target is missed"
    )
    args = parser.parse_args(argv)
    began = time.perf_counter()
    missed: list[str] = []
    try:
        if not args.no_build:
            build()
        elif not EXE.is_file():
            raise CheckFailed(f"{EXE} does not exist; build it first")
        size = report_size(args.max_mb)
        with tempfile.TemporaryDirectory(
            prefix="mufakat-bundle-", ignore_cleanup_errors=True
        ) as tmp:
            smoke = smoke_test(Path(tmp))
            starts = start_time(Path(tmp))
    except (CheckFailed, subprocess.TimeoutExpired) as exc:
        print(f"\nFAILED: {exc}", file=sys.stderr)
        return 1
    if smoke > SMOKE_TARGET_S:
        missed.append(f"smoke test {smoke:.2f} s > {SMOKE_TARGET_S:.0f} s")
    if starts[0] > START_TARGET_S:
        missed.append(f"start-up {starts[0]:.2f} s > {START_TARGET_S:.0f} s")
    print(
        f"\n== Summary: bundle {size:.1f} MB, smoke test {smoke:.2f} s, start-up "
        f"{starts[0]:.2f} s (again {starts[-1]:.2f} s), whole script "
        f"{time.perf_counter() - began:.0f} s"
    )
    for item in missed:
        print(f"TARGET MISSED: {item}", file=sys.stderr)
    return 1 if missed and args.strict_times else 0


if __name__ == "__main__":
    raise SystemExit(main())
