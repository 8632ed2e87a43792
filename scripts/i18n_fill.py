"""Fill unfinished entries of a Qt .ts file from source -> English dictionaries.

Usage: python scripts/i18n_fill.py resources/i18n/mufakat_en.ts DICT.py [DICT.py ...]
Each DICT.py defines ``T = {source: english}``. Leading/trailing whitespace of the source
is carried over; entries whose {placeholders} or %n differ are refused. Run lupdate again
afterwards so the file is back in Qt's own layout.
"""

from __future__ import annotations

import re
import runpy
import sys
import xml.etree.ElementTree as ET

PLACEHOLDER = re.compile(r"\{[a-z_]+(?::[^}]*)?\}|%n|%\d")


def _edges(source: str, text: str) -> str:
    core = text.strip()
    lead = source[: len(source) - len(source.lstrip())]
    trail = source[len(source.rstrip()) :]
    return lead + core + trail


def main(ts_path: str, dict_paths: list[str]) -> int:
    tree = ET.parse(ts_path)
    # Finished entries of other contexts serve for the same source text.
    table: dict[str, str] = {}
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") is None and translation.text:
            table[message.findtext("source") or ""] = translation.text
    for path in dict_paths:
        table.update(runpy.run_path(path)["T"])
    filled = left = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        source = message.findtext("source") or ""
        english = table.get(source)
        if english is None:
            left += 1
            continue
        english = _edges(source, english)
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(english)):
            print(f"placeholders differ: {source!r} -> {english!r}", file=sys.stderr)
            left += 1
            continue
        translation.text = english
        del translation.attrib["type"]
        filled += 1
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    print(f"filled {filled}, still unfinished {left}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2:]))
