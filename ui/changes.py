"""The Qt side of app.changes: one signal per kind of thing, and `watch()` for list views.

A write anywhere in the program (a dialog, a case screen, a batch of letters) ends in one
`changed` emission after control returns to the event loop; every list showing that kind reads
again, at once when visible, otherwise the next time it is shown."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QWidget

from app.changes import ChangeHub, Kind
from app.services import Services

_RETRY_MS = 50  # a transaction is still open (a batch in progress): look again shortly
POLL_MS = 3000  # office server: how often the other PCs' writes are looked for


class ChangeSignals(QObject):
    """Bridges a ChangeHub to Qt signals; one per open Services (see `change_signals`)."""

    changed = Signal(object)  # frozenset[Kind]
    members = Signal()
    savings = Signal()
    loans = Signal()
    cases = Signal()
    documents = Signal()
    decisions = Signal()
    settings = Signal()
    users = Signal()
    books = Signal()
    _due = Signal()  # emitted from whichever thread wrote; delivered in this object's thread

    def __init__(self, hub: ChangeHub, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self._due.connect(self.flush, Qt.ConnectionType.QueuedConnection)
        hub.on_pending = self._due.emit
        self._unsubscribe = hub.subscribe(self._announce)
        self._poll: QTimer | None = None
        if hub.remote is not None:  # the office server: what the other PCs wrote
            self._poll = QTimer(self)
            self._poll.setInterval(POLL_MS)
            self._poll.timeout.connect(self._remote)
            self._poll.start()
        if hub.pending:  # written before anyone listened: announce with the next loop turn
            self._due.emit()

    def flush(self) -> None:
        if self.hub.closed:
            return
        if self.hub.pending and self.hub.busy():
            QTimer.singleShot(_RETRY_MS, self.flush)
            return
        self.hub.flush()

    def _remote(self) -> None:
        if self.hub.closed or self.hub.remote is None:
            if self._poll is not None:
                self._poll.stop()
            return
        self.hub.remote()

    def _announce(self, kinds: frozenset[Kind]) -> None:
        self.changed.emit(kinds)
        for kind in Kind:
            if kind in kinds:
                getattr(self, kind.value).emit()

    def detach(self) -> None:
        if self._poll is not None:
            self._poll.stop()
        self._unsubscribe()
        if self.hub.on_pending == self._due.emit:
            self.hub.on_pending = None


def change_signals(services: Services) -> ChangeSignals:
    """The one bridge of these services (made on first use, kept with them)."""
    bridge = getattr(services, "_ui_changes", None)
    if bridge is None:
        bridge = ChangeSignals(services.changes)
        services._ui_changes = bridge  # type: ignore[attr-defined]
    return bridge


class _Watcher(QObject):
    def __init__(
        self,
        view: QWidget,
        kinds: frozenset[Kind],
        refresh: Callable[[], None],
        on_show: bool,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.kinds = kinds
        self.refresh = refresh
        self.on_show = on_show
        self.dirty = False
        view.installEventFilter(self)

    def changed(self, kinds: frozenset[Kind]) -> None:
        if not kinds & self.kinds:
            return
        if self.view.isVisible():
            self.dirty = False
            self.refresh()
        else:
            self.dirty = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Show and self.dirty:
            self.dirty = False
            if self.on_show:
                self.refresh()
        return False


def watch(
    view: QWidget,
    services: Services,
    kinds: Iterable[Kind],
    refresh: Callable[[], None],
    *,
    on_show: bool = True,
) -> None:
    """Call `refresh` when any of `kinds` changes: now if `view` is visible, else when shown.

    on_show=False for views whose showEvent already reads everything again."""
    watcher = _Watcher(view, frozenset(kinds), refresh, on_show)
    change_signals(services).changed.connect(watcher.changed)


def keep_place(table: QAbstractItemView, key_of_row: Callable[[int], object]) -> Callable[[], None]:
    """Remember the selected row's key and the scroll position; the returned call restores them
    after the model was reset (the row is found again by its key, wherever it moved)."""
    model = table.model()
    selection = table.selectionModel()
    rows = selection.selectedRows() if selection is not None else []
    key = key_of_row(rows[0].row()) if rows else None
    column = rows[0].column() if rows else 0
    bar = table.verticalScrollBar()
    position = bar.value()

    def restore() -> None:
        if key is not None:
            for row in range(model.rowCount()):
                if key_of_row(row) == key:
                    table.selectionModel().select(
                        model.index(row, column),
                        selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows,
                    )
                    break
        bar.setValue(position)

    return restore
