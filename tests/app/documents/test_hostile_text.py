"""Hostile text in documents (issue 9 §9): every document kind renders whatever was typed in its
free-text fields (a ~2,800-character address, a 5,000-character note, one endless word), with
long text shortened by a visible '…' when it cannot fit, and a document that fails takes no
number."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.documents import keterangan_anggota, samples
from app.documents.kinds import DocKind
from app.documents.safe_render import MARK, clip_texts, render_safely, shorten

FREE_TEXT = (
    "name",
    "address",
    "alamat",
    "note",
    "catatan",
    "reason",
    "alasan",
    "city",
    "occupation",
    "purpose",
    "description",
    "place",
    "cause",
    "agenda",
    "summary",
    "position",
    "spouse",
)


def _is_free_text(field_name: str) -> bool:
    return any(part in field_name.lower() for part in FREE_TEXT)


def inject(value: Any, text: str) -> tuple[Any, int]:
    """`value` with every free-text string field replaced by `text`; how many were replaced."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes: dict[str, Any] = {}
        count = 0
        for f in dataclasses.fields(value):
            if not f.init:
                continue
            current = getattr(value, f.name)
            if isinstance(current, str) and _is_free_text(f.name):
                changes[f.name] = text
                count += 1
            else:
                changes[f.name], n = inject(current, text)
                count += n
        return dataclasses.replace(value, **changes), count
    if isinstance(value, tuple) and not hasattr(value, "_fields"):
        pairs = [inject(v, text) for v in value]
        return tuple(p[0] for p in pairs), sum(p[1] for p in pairs)
    if isinstance(value, list):
        pairs = [inject(v, text) for v in value]
        return [p[0] for p in pairs], sum(p[1] for p in pairs)
    return value, 0


@pytest.fixture(scope="module")
def every_kind(tmp_path_factory: pytest.TempPathFactory) -> dict[DocKind, tuple[Any, Any, Any]]:
    """The real data of each document kind, as `mufakat samples` issues it from the demo."""
    captured: dict[DocKind, tuple[Any, Any, Any]] = {}
    original = samples._Sample.write

    def recording(self: Any, name: str, kind: DocKind, data: Any, render: Any) -> None:
        context = self.docs.context(kind)
        captured.setdefault(kind, (data, render, context))
        if kind == DocKind.KUITANSI_PINJAMAN:  # the savings receipt: same form, other kind
            simpanan = dataclasses.replace(data, kind=DocKind.KUITANSI_SIMPANAN)
            captured[DocKind.KUITANSI_SIMPANAN] = (simpanan, render, context)
        if DocKind.KETERANGAN_ANGGOTA not in captured:  # not among the samples
            member = self.services.members.get(1)
            letter = keterangan_anggota.keterangan_anggota(
                member, self.services.savings.balances(member.id), on=self.today, purpose="x"
            )
            captured[DocKind.KETERANGAN_ANGGOTA] = (
                letter,
                keterangan_anggota.render,
                self.docs.context(DocKind.KETERANGAN_ANGGOTA),
            )
        if DocKind.SURAT_POTONG_GAJI not in captured:  # not among the samples
            from app.documents import surat_potong_gaji as spg

            rows = [("00001", "198501012010011001", "Siti Aminah", "Simpanan Wajib", 25_000)]
            captured[DocKind.SURAT_POTONG_GAJI] = (
                spg.surat_potong_gaji("RSUD Dr. Wahidin", "2026-03", rows, self.today),
                spg.render,
                self.docs.context(DocKind.SURAT_POTONG_GAJI),
            )
        original(self, name, kind, data, render)

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MUFAKAT_HOME", str(tmp_path_factory.mktemp("home")))
        patch.setattr(samples._Sample, "write", recording)
        samples.write_samples(tmp_path_factory.mktemp("out"), today=date(2026, 11, 26))
    return captured


_PIECES = st.sampled_from(
    ["Jl. Mawar ", "RT 03/RW 04 ", "x" * 300, "Ni'mah & <Putra> ", "ﷺ", "日本語 ", "\u00a0", "-"]
)


@st.composite
def hostile(draw: st.DrawFn) -> str:
    length = draw(st.sampled_from([2_800, 5_000]))
    pieces: list[str] = []
    while sum(map(len, pieces)) < length:
        pieces.append(draw(_PIECES))
    return "".join(pieces)[:length]


@pytest.mark.slow
@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=hostile())
def test_every_kind_renders_hostile_text(
    every_kind: dict[DocKind, tuple[Any, Any, Any]], text: str
) -> None:
    assert set(every_kind) == set(DocKind)
    for kind, (data, render, context) in every_kind.items():
        changed, count = inject(data, text)
        pdf, pages = render_safely(render, changed, context)
        assert pdf.startswith(b"%PDF") and pages >= 1, kind
        if count:
            assert pages >= 1


def test_shorten_marks_the_cut_and_keeps_short_text() -> None:
    assert shorten("abc", 3) == "abc"
    assert shorten("abcdef", 4) == "abc" + MARK and len(shorten("abcdef", 4)) == 4


@given(st.text(max_size=400), st.integers(min_value=1, max_value=300))
def test_clipping_never_exceeds_the_limit_and_marks_every_cut(text: str, limit: int) -> None:
    clipped = shorten(text, limit)
    assert len(clipped) <= limit
    assert clipped == text or clipped.endswith(MARK)


def test_clip_texts_reaches_nested_fields() -> None:
    @dataclasses.dataclass(frozen=True)
    class Inner:
        note: str

    @dataclasses.dataclass(frozen=True)
    class Outer:
        name: str
        items: tuple[Inner, ...]
        amount: int

    value = Outer("a" * 50, (Inner("b" * 50),), 7)
    assert clip_texts(value, 10) == Outer("a" * 9 + MARK, (Inner("b" * 9 + MARK),), 7)


@pytest.mark.slow
def test_the_library_alone_fails_on_the_same_text(
    every_kind: dict[DocKind, tuple[Any, Any, Any]],
) -> None:
    """The defect the shortening answers: ReportLab alone raises LayoutError on them."""
    from reportlab.platypus.doctemplate import LayoutError

    data, render, context = every_kind[DocKind.NOTULEN]
    changed, count = inject(data, ("Jl. Mawar RT 03/RW 04 " * 300)[:5_000])
    assert count > 0
    with pytest.raises(LayoutError):
        render(changed, context)
    pdf, _pages = render_safely(render, changed, context)
    assert pdf.startswith(b"%PDF")
