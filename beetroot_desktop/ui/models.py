"""The base of the item models over ids, and the roles their views read.

Each model holds only the ordered ids (and, for people, the counts) that one background query returns.
A row's details (a name, a cover face, a path) are read on the GUI thread's connection when a view asks
for that row, a page at a time, and forgotten at the next refresh. A refresh never resets the model:
removed rows are removed, new rows are inserted, moved rows keep their selection through a layout
change, so a grid keeps its scroll position and selection while an import adds people to it.

The models themselves: people (people_model.py), photos and faces (photo_models.py).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal

from .thumbnails import ThumbKey

if TYPE_CHECKING:
    from ..library import Library
    from .context import LibraryContext

log = logging.getLogger("beetroot.ui.models")  # under "beetroot": the app's log file (logs.py)

IdRole = Qt.ItemDataRole.UserRole + 1
SubtitleRole = Qt.ItemDataRole.UserRole + 2
HiddenRole = Qt.ItemDataRole.UserRole + 3
ThumbFailedRole = Qt.ItemDataRole.UserRole + 4
NamedRole = Qt.ItemDataRole.UserRole + 5
StatusRole = Qt.ItemDataRole.UserRole + 6
FocusRole = Qt.ItemDataRole.UserRole + 7  # (x, y) fractions of the picture a square crop centres on
OfflineRole = Qt.ItemDataRole.UserRole + 8  # the photo's folder or drive is out of reach: shown dimmed

PAGE = 48  # rows whose details are read together

Index = QModelIndex | QPersistentModelIndex


def role(index: Index, which: int) -> Any:
    """A role's value read straight from our Python model.

    Not `index.data(role)`: with PySide6 6.12 on Python 3.11, turning an invalid QVariant into None
    drops a reference to None, and enough of those (a grid paints thousands) abort the interpreter.
    Calling the model's Python `data()` never converts through QVariant.
    """
    if not index.isValid():
        return None
    return index.model().data(index, which)


class LazyIdModel(QAbstractListModel):
    """Ordered ids from a background query, row details fetched lazily on the GUI thread."""

    refreshed = Signal()
    failed = Signal(str)

    def __init__(self, ctx: LibraryContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._ids: list[Any] = []
        self._extra: dict[Any, Any] = {}
        self._details: dict[Any, Any] = {}
        self._spoken: dict[Any, Any] = {}  # what a screen reader is told about a row, beyond its details
        self._row_of: dict[Any, int] | None = None
        self._waiting_thumbs: dict[tuple[Any, ...], set[Any]] = {}
        self._loading = False
        self._dirty = False
        self._loaded_once = False
        self._generation = 0
        self._last_load_s = 0.0
        self._last_done = 0.0
        self._load_started = 0.0
        self._deferred = QTimer(self)
        self._deferred.setSingleShot(True)
        self._deferred.timeout.connect(self.refresh)
        ctx.thumbs.ready.connect(self._on_thumb_ready)

    # -- what subclasses provide -------------------------------------------------------------------------
    def load_rows(self, library: Library) -> list[tuple[Any, Any]]:
        """Runs on the reader thread: [(id, extra)] in display order."""
        raise NotImplementedError

    def fetch_details(self, library: Library, ids: Sequence[Any]) -> dict[Any, Any]:
        raise NotImplementedError

    # -- loading ---------------------------------------------------------------------------------------
    @property
    def loaded(self) -> bool:
        return self._loaded_once

    def refresh(self) -> None:
        """Reload the ids in the background; calls while a load runs fold into one more load.

        Loads are spaced by at least twice the last load's duration, so on a big library the reader
        thread is never busy more than a third of the time with one view, whatever asks for refreshes.
        """
        if self._loading:
            self._dirty = True
            return
        wait_ms = int((self._last_load_s * 2 - (time.monotonic() - self._last_done)) * 1000)
        if wait_ms > 0:
            self._deferred.start(wait_ms)
            return
        self._deferred.stop()
        self._loading = True
        self._load_started = time.monotonic()
        generation = self._generation
        loader = self.load_rows
        self.ctx.read(loader, lambda rows: self._on_rows(generation, rows), self._on_error)

    def reset_generation(self) -> None:
        """Forget an in-flight load (its parameters changed); the next refresh starts clean."""
        self._generation += 1
        self._loading = False
        self._dirty = False
        self._last_load_s = 0.0  # the user changed what to show: answer at once

    def _on_error(self, exc: object) -> None:
        self._loading = False
        log.error("loading %s failed: %s", type(self).__name__, exc)
        self.failed.emit(str(exc))

    def _on_rows(self, generation: int, rows: list[tuple[Any, Any]]) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._last_done = time.monotonic()
        self._last_load_s = self._last_done - self._load_started
        self.apply_rows(rows)
        self._loaded_once = True
        if self._dirty:
            self._dirty = False
            self.refresh()
        else:
            self.refreshed.emit()

    def apply_rows(self, rows: list[tuple[Any, Any]]) -> None:
        new_ids = [r[0] for r in rows]
        new_set = set(new_ids)
        root = QModelIndex()
        # 1. removals, bottom up, one signal per contiguous run
        i = len(self._ids) - 1
        while i >= 0:
            if self._ids[i] in new_set:
                i -= 1
                continue
            j = i
            while j > 0 and self._ids[j - 1] not in new_set:
                j -= 1
            self.beginRemoveRows(root, j, i)
            del self._ids[j:i + 1]
            self.endRemoveRows()
            i = j - 1
        # 2. new rows go in at the end first ...
        present = set(self._ids)
        added = [x for x in new_ids if x not in present]
        if added:
            start = len(self._ids)
            self.beginInsertRows(root, start, start + len(added) - 1)
            self._ids.extend(added)
            self.endInsertRows()
        self._extra = {r[0]: r[1] for r in rows}
        self._details.clear()
        self._spoken.clear()
        self._row_of = None
        # 3. ... then every row moves to its place; persistent indexes (selection, current) follow
        if self._ids != new_ids:
            self.layoutAboutToBeChanged.emit()
            persistent = self.persistentIndexList()
            held = [self._ids[p.row()] if 0 <= p.row() < len(self._ids) else None for p in persistent]
            self._ids = new_ids
            row_of = self.row_map()
            self.changePersistentIndexList(
                persistent, [self.index(row_of[x]) if x in row_of else QModelIndex() for x in held])
            self.layoutChanged.emit()
        if self._ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1))

    # -- Qt model API ------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def ids(self) -> list[Any]:
        return list(self._ids)

    def row_map(self) -> dict[Any, int]:
        if self._row_of is None:
            self._row_of = {x: i for i, x in enumerate(self._ids)}
        return self._row_of

    def index_of(self, item_id: Any) -> QModelIndex:
        row = self.row_map().get(item_id)
        return QModelIndex() if row is None else self.index(row)

    def extra(self, item_id: Any) -> Any:
        return self._extra.get(item_id)

    def details(self, row: int) -> Any:
        item_id = self._ids[row]
        found = self._details.get(item_id, _MISSING)
        if found is _MISSING:
            start = (row // PAGE) * PAGE
            page = [x for x in self._ids[start:start + PAGE] if x not in self._details]
            fetched = self.fetch_details(self.ctx.library, page)
            for x in page:
                self._details[x] = fetched.get(x)
            found = self._details.get(item_id)
        return found

    def forget_details(self, item_id: Any) -> None:
        self._details.pop(item_id, None)
        self._spoken.pop(item_id, None)
        idx = self.index_of(item_id)
        if idx.isValid():
            self.dataChanged.emit(idx, idx)

    def thumbnail(self, item_id: Any, key: ThumbKey | None) -> Any:
        if key is None:
            return None
        pixmap = self.ctx.thumbs.get(key)
        if pixmap is None and not self.ctx.thumbs.failed(key):
            self._waiting_thumbs.setdefault(key.cache_id, set()).add(item_id)
        return pixmap

    def _on_thumb_ready(self, key: ThumbKey) -> None:
        waiting = self._waiting_thumbs.pop(key.cache_id, None)
        if not waiting:
            return
        row_of = self.row_map()
        for item_id in waiting:
            row = row_of.get(item_id)
            if row is not None:
                idx = self.index(row)
                self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DecorationRole, ThumbFailedRole])


_MISSING = object()
