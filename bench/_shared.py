"""What the bench scripts share: the repository on sys.path and the 20,000-member demo file."""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

BENCH_MEMBERS = 20_000
BENCH_SEED = 1


def default_demo_path(members: int = BENCH_MEMBERS) -> Path:
    """Where bench_demo.py leaves its file for bench_search.py and bench_startup.py."""
    return Path(tempfile.gettempdir()) / "mufakat-bench" / f"demo-{members}.db"


def ensure_demo(path: Path, members: int = BENCH_MEMBERS) -> Path:
    """The demo file at `path`, generated first when it is missing."""
    if path.exists():
        return path
    from app.demo.generate import generate_demo

    print(f"({path} does not exist yet: generating {members} members first)", flush=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    generate_demo(path, members=members, seed=BENCH_SEED)
    return path


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f}"


def median(values: list[float]) -> float:
    return statistics.median(values)
