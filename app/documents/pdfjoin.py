"""Join PDFs written by this program (ReportLab: plain xref table, no object streams) into
one file, so a batch of letters prints as one job. Not a general PDF tool: objects are cut
by their xref offsets and renumbered; stream data is copied untouched."""

from __future__ import annotations

import re
from collections.abc import Sequence

_REF = re.compile(rb"(\d+) 0 R\b")
_HEAD = re.compile(rb"^\s*\d+ 0 obj\s*")


def _objects(pdf: bytes) -> tuple[dict[int, bytes], int]:
    """{number: body between 'N 0 obj' and 'endobj'} and the catalog's number."""
    xref_at = int(pdf[pdf.rindex(b"startxref") + 9 :].split()[0])
    lines = pdf[xref_at:].split(b"\n")
    count = int(lines[1].split()[1])
    offsets = {n: int(lines[2 + n][:10]) for n in range(1, count)}
    trailer = pdf[pdf.index(b"trailer", xref_at) :]
    found = re.search(rb"/Root (\d+) 0 R", trailer)
    if found is None:
        raise ValueError("not a PDF written by Mufakat")
    order = sorted(offsets.items(), key=lambda item: item[1])
    bodies: dict[int, bytes] = {}
    for index, (number, start) in enumerate(order):
        end = order[index + 1][1] if index + 1 < len(order) else xref_at
        chunk = pdf[start:end]
        chunk = _HEAD.sub(b"", chunk, count=1)
        chunk = chunk[: chunk.rindex(b"endobj")].rstrip()
        bodies[number] = chunk
    return bodies, int(found.group(1))


def _renumber(body: bytes, base: int) -> bytes:
    """Shift every reference in the dictionary part; stream bytes stay as they are."""
    split = body.find(b"stream")
    head, tail = (body, b"") if split < 0 else (body[:split], body[split:])
    return _REF.sub(lambda m: b"%d 0 R" % (int(m.group(1)) + base), head) + tail


def join(parts: Sequence[bytes]) -> bytes:
    """One PDF with the pages of `parts` in order."""
    if len(parts) == 1:
        return parts[0]
    objects: dict[int, bytes] = {}
    kids: list[int] = []
    base = 2  # 1: the new catalog, 2: the new page tree
    for pdf in parts:
        bodies, root = _objects(pdf)
        pages_ref = re.search(rb"/Pages (\d+) 0 R", bodies[root])
        assert pages_ref is not None
        tree = bodies[int(pages_ref.group(1))]
        kids_field = re.search(rb"/Kids\s*\[([^\]]*)\]", tree)
        assert kids_field is not None
        kids += [int(n) + base for n in _REF.findall(kids_field.group(1))]
        for number, body in bodies.items():
            objects[number + base] = _renumber(body, base)
        base += max(bodies) + 1
    for kid in kids:
        objects[kid] = re.sub(rb"/Parent \d+ 0 R", b"/Parent 2 0 R", objects[kid], count=1)
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    refs = b" ".join(b"%d 0 R" % k for k in kids)
    objects[2] = b"<< /Type /Pages /Count %d /Kids [ %s ] >>" % (len(kids), refs)
    out = bytearray(b"%PDF-1.4\n%\x93\x8c\x8b\x9e\n")
    offsets: dict[int, int] = {}
    top = max(objects)
    for number in range(1, top + 1):
        if number not in objects:
            continue
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (top + 1)
    for number in range(1, top + 1):
        if number in offsets:
            out += b"%010d 00000 n \n" % offsets[number]
        else:
            out += b"0000000000 65535 f \n"
    out += b"trailer\n<< /Root 1 0 R /Size %d >>\nstartxref\n%d\n%%%%EOF\n" % (top + 1, xref_at)
    return bytes(out)
