"""Where the files shipped with the program (data/, resources/) are, from source or a bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def bundle_root() -> Path:
    """The folder holding data/ and resources/: the PyInstaller bundle, or the source tree."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def program_dir() -> Path:
    """The folder of the program itself: Mufakat.exe's folder when frozen (the installer puts
    the office server's `pgsql/` beside it), else the source tree."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def data_path(*parts: str) -> Path:
    """A file under the shipped data/ folder, e.g. data_path('demo', 'names.json')."""
    return bundle_root().joinpath("data", *parts)
