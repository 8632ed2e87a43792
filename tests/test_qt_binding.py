"""Guard against the PySide6 release that corrupts reference counts (6.12.0 on Python 3.11)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_qt_calls_keep_reference_counts(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(200):
        label.setText("x")  # returns None: a broken binding loses a reference each time
    assert sys.getrefcount(None) - before >= -5
