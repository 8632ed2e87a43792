"""The reference lists the demo draws from (data/demo/*.json), loaded once."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from app.resources import data_path


@dataclass(frozen=True)
class Kelurahan:
    name: str
    kecamatan: str
    district_code: str  # first six digits of a NIK issued in its kecamatan
    rw_count: int
    weight: int
    streets: tuple[str, ...]


@dataclass(frozen=True)
class Occupation:
    name: str
    weight_l: int
    weight_p: int
    min_age: int
    max_age: int
    payroll: bool  # the employer can deduct simpanan wajib from pay
    degree: bool  # an academic title is sometimes written after the name


@dataclass(frozen=True)
class NameParts:
    first: tuple[str, ...]
    second: tuple[str, ...]
    single: tuple[str, ...]
    islamic_first: tuple[str, ...]
    islamic_second: tuple[str, ...]


@dataclass(frozen=True)
class DemoReference:
    city: str
    province: str
    kelurahan: tuple[Kelurahan, ...]
    lanes: tuple[str, ...]
    birth_places: tuple[tuple[str, int], ...]
    phone_prefixes: tuple[str, ...]
    names: dict[str, NameParts]  # by sex, "L" or "P"
    haji: dict[str, str]  # "L" -> "H.", "P" -> "Hj."
    degrees: tuple[str, ...]
    occupations: tuple[Occupation, ...]

    @property
    def kecamatan_names(self) -> list[str]:
        return sorted({k.kecamatan for k in self.kelurahan})


def _load(name: str) -> Any:
    return json.loads(data_path("demo", name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def load_reference() -> DemoReference:
    """Read data/demo/ (from the source tree or the installed bundle)."""
    wilayah = _load("wilayah.json")
    names = _load("names.json")
    jobs = _load("occupations.json")
    kelurahan = tuple(
        Kelurahan(
            name=k["name"],
            kecamatan=kec["name"],
            district_code=kec["code"],
            rw_count=int(k["rw"]),
            weight=int(k["weight"]),
            streets=tuple(k["streets"]),
        )
        for kec in wilayah["kecamatan"]
        for k in kec["kelurahan"]
    )
    return DemoReference(
        city=wilayah["city"],
        province=wilayah["province"],
        kelurahan=kelurahan,
        lanes=tuple(wilayah["lanes"]),
        birth_places=tuple((p, int(w)) for p, w in wilayah["birth_places"]),
        phone_prefixes=tuple(wilayah["phone_prefixes"]),
        names={
            sex: NameParts(**{key: tuple(values) for key, values in names[sex].items()})
            for sex in ("L", "P")
        },
        haji={"L": names["titles"]["haji_L"], "P": names["titles"]["haji_P"]},
        degrees=tuple(names["titles"]["degrees"]),
        occupations=tuple(
            Occupation(
                name=o["name"],
                weight_l=int(o["L"]),
                weight_p=int(o["P"]),
                min_age=int(o["min_age"]),
                max_age=int(o["max_age"]),
                payroll=bool(o.get("payroll", False)),
                degree=bool(o.get("degree", False)),
            )
            for o in jobs["occupations"]
        ),
    )
