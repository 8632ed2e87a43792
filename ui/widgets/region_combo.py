"""Kecamatan and kelurahan fields: suggestions for Kota Mojokerto, any other text allowed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

# Kota Mojokerto since Kecamatan Kranggan was formed (2019): kecamatan -> kelurahan.
MOJOKERTO: dict[str, tuple[str, ...]] = {
    "Kranggan": ("Jagalan", "Kranggan", "Meri", "Miji", "Purwotengah", "Sentanan"),
    "Magersari": ("Balongsari", "Gedongan", "Gunung Gedangan", "Kedundung", "Magersari", "Wates"),
    "Prajurit Kulon": (
        "Blooto", "Kauman", "Mentikan", "Prajurit Kulon", "Pulorejo", "Surodinawan",
    ),
}  # fmt: skip

OCCUPATIONS = (
    "Pedagang", "Pemilik warung", "Petani", "Buruh tani", "Buruh pabrik", "Guru",
    "Pengemudi ojek", "Karyawan swasta", "PNS", "Wiraswasta", "Ibu rumah tangga",
    "Tukang", "Nelayan", "Pensiunan", "Perangkat kelurahan",
)  # fmt: skip


def kecamatan_of(kelurahan: str) -> str | None:
    for kecamatan, names in MOJOKERTO.items():
        if kelurahan.strip().lower() in (n.lower() for n in names):
            return kecamatan
    return None


class SuggestCombo(QComboBox):
    """An editable combo box: pick a suggestion or type anything; `text()` is what shows."""

    def __init__(self, items: list[str] | tuple[str, ...] = (), parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(12)
        self.set_items(items)

    def set_items(self, items: list[str] | tuple[str, ...]) -> None:
        typed = self.currentText()
        self.blockSignals(True)
        self.clear()
        self.addItems(list(items))
        completer = QCompleter(list(items), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        self.setCurrentIndex(-1)
        self.setEditText(typed)
        self.blockSignals(False)

    def text(self) -> str:
        return self.currentText().strip()

    def set_text(self, text: str) -> None:
        self.setCurrentIndex(-1)
        self.setEditText(text)


class RegionFields:
    """Keeps the kelurahan suggestions to the chosen kecamatan, and fills the kecamatan in
    when a known kelurahan is picked first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.kecamatan = SuggestCombo(sorted(MOJOKERTO), parent)
        self.kelurahan = SuggestCombo(sorted(k for ks in MOJOKERTO.values() for k in ks), parent)
        self.kecamatan.currentTextChanged.connect(self._kecamatan_changed)
        self.kelurahan.currentTextChanged.connect(self._kelurahan_changed)

    def _kecamatan_changed(self, text: str) -> None:
        names = next((v for k, v in MOJOKERTO.items() if k.lower() == text.strip().lower()), None)
        if names is None:
            names = tuple(sorted(k for ks in MOJOKERTO.values() for k in ks))
        self.kelurahan.set_items(names)

    def _kelurahan_changed(self, text: str) -> None:
        kecamatan = kecamatan_of(text)
        if kecamatan and not self.kecamatan.text():
            self.kecamatan.set_text(kecamatan)
