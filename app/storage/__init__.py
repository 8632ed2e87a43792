"""The only place with SQL or sqlite (docs/architecture.md).

Imported before any of its modules, so sqlite-utils is imported here, the way Mufakat uses it:
sqlite-utils imports numpy and pandas when they are installed, only to map their types, which
Mufakat never stores; hidden while it is imported, they cost nothing at every start (about
0.15 s, issue 16), and anything importing them later gets them as usual. And no sqlite-utils
plugins: nothing installed beside Mufakat registers functions on its connections (the scan of
every installed package's entry points is skipped too)."""

from __future__ import annotations

import sys

_HIDDEN = [name for name in ("numpy", "pandas") if name not in sys.modules]
for _name in _HIDDEN:
    sys.modules[_name] = None  # type: ignore[assignment]
try:
    import sqlite_utils.plugins
finally:
    for _name in _HIDDEN:
        sys.modules.pop(_name, None)
sqlite_utils.plugins._plugins_loaded = True
