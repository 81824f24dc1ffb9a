"""Item models over ids: people, photos and faces.

Each model holds only the ordered ids (and, for people, the counts) that one background query returns.
A row's details (a name, a cover face, a path) are read on the GUI thread's connection when a view asks
for that row, a page at a time, and forgotten at the next refresh. A refresh never resets the model:
removed rows are removed, new rows are inserted, moved rows keep their selection through a layout
change, so a grid keeps its scroll position and selection while an import adds people to it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from .thumbnails import ThumbKey
from .words import plural

if TYPE_CHECKING:
    from ..library import Library, PersonTile
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

PERSON_MIME = "application/x-beetroot-person-ids"
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


class PeopleModel(LazyIdModel):
    """The People grid: person ids with photo counts, names and cover faces per visible row."""

    edited = Signal(str)  # a sentence for the status bar
    mergeRequested = Signal(list, str)  # sources, target: a tile was dropped on another

    def __init__(self, ctx: LibraryContext, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.order = "count"
        self.name_filter = ""
        self.include_hidden = False
        self.min_photos: int | None = None  # None: the library's suggestion (`suggested`), read with the rows
        self.suggested = 1
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(self.refresh)

    def set_view_options(self, *, order: str | None = None, name_filter: str | None = None,
                         include_hidden: bool | None = None, min_photos: int | None = None) -> None:
        if order is not None:
            self.order = order
        if name_filter is not None:
            self.name_filter = name_filter
        if include_hidden is not None:
            self.include_hidden = include_hidden
        if min_photos is not None:
            self.min_photos = min_photos
        self.reset_generation()
        self.refresh()

    def load_rows(self, library: Library) -> list[tuple[Any, Any]]:
        least = self.min_photos
        if least is None:
            least = self.suggested = library.suggested_min_photos()
        rows = library.person_rows(include_hidden=self.include_hidden, name_filter=self.name_filter,
                                   order=self.order, min_photos=least)
        return [(r.person_id, r) for r in rows]

    @property
    def least_photos(self) -> int:
        """The "in at least N photos" the grid shows now."""
        return self.min_photos if self.min_photos is not None else self.suggested

    def fetch_details(self, library: Library, ids: Sequence[Any]) -> dict[Any, Any]:
        return library.person_tiles(list(ids))

    def tile(self, row: int) -> PersonTile | None:
        return self.details(row)  # type: ignore[no-any-return]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        row = index.row()
        person_id = self._ids[row]
        if role == IdRole:
            return person_id
        counts = self._extra.get(person_id)
        if role == SubtitleRole:
            return plural(counts.photos, "photo") if counts else ""
        if role == HiddenRole:
            return bool(counts and counts.hidden)
        tile = self.tile(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return tile.display_name if tile else "Unnamed person"
        if role == Qt.ItemDataRole.EditRole:
            return (tile.name or "") if tile else ""
        if role == NamedRole:
            return bool(tile and tile.name)
        if role == Qt.ItemDataRole.ToolTipRole:
            if not tile:
                return None
            text = tile.display_name
            if counts:
                text += f"\n{plural(counts.photos, 'photo')}, {plural(counts.faces, 'face')}"
            if tile.hidden:
                text += "\nHidden"
            return text
        if role in (Qt.ItemDataRole.DecorationRole, ThumbFailedRole):
            key = self.cover_key(tile)
            if role == ThumbFailedRole:
                return key is not None and self.ctx.thumbs.failed(key)
            return self.thumbnail(person_id, key)
        return None

    @staticmethod
    def cover_key(tile: PersonTile | None) -> ThumbKey | None:
        if tile is None or tile.cover_sha256 is None or tile.cover_box is None:
            return None
        return ThumbKey("face", tile.cover_sha256, tile.cover_box, tile.cover_path or "")

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base
        return (base | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled
                | Qt.ItemFlag.ItemIsDropEnabled)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        self.rename(self._ids[index.row()], str(value or ""))
        return True

    # -- edits (through the one write path, ops.py) -------------------------------------------------------
    def rename(self, person_id: str, name: str) -> bool:
        from . import ops

        ok = ops.rename_person(self.ctx, person_id, name, self.edited.emit)
        self.forget_details(person_id)  # the editor showed the typed name; show the library's
        return ok

    def merge(self, sources: Sequence[str], target: str, *, chosen: dict[str, str | None] | None = None) -> bool:
        from . import ops

        return ops.merge_people(self.ctx, sources, target, self.edited.emit, chosen=chosen)

    def set_hidden(self, person_ids: Sequence[str], hidden: bool) -> bool:
        from . import ops

        return ops.set_hidden(self.ctx, person_ids, hidden, self.edited.emit)

    # -- drag a tile onto another to merge ---------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [PERSON_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        ids = list(dict.fromkeys(self._ids[i.row()] for i in indexes if i.isValid()))
        data.setData(PERSON_MIME, QByteArray("\n".join(ids).encode()))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        if not data.hasFormat(PERSON_MIME) or not parent.isValid() or parent.row() >= len(self._ids):
            return False
        target = self._ids[parent.row()]
        return any(s and s != target for s in _person_ids(data))

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        """A tile dropped on another asks to merge them (`mergeRequested`); the page confirms first."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = self._ids[parent.row()]
        sources = [s for s in _person_ids(data) if s and s != target]
        # After the view has finished its drag: no dialog inside the drag's event loop.
        QTimer.singleShot(0, lambda: self.mergeRequested.emit(sources, target))
        return True

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        """A finished move-drag asks the source to remove its rows: people go only by merging."""
        return False


def _person_ids(data: QMimeData) -> list[str]:
    return bytes(data.data(PERSON_MIME).data()).decode().split("\n")


class PersonItemsModel(LazyIdModel):
    """Items of one person (photos or faces), each drawn from its fetched details."""

    person_id: str | None

    def set_person(self, person_id: str | None) -> None:
        self.person_id = person_id
        self.reset_generation()
        self.beginResetModel()
        self._ids, self._extra, self._details, self._row_of = [], {}, {}, None
        self.endResetModel()
        self.refresh()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        item_id = self._ids[index.row()]
        if role == IdRole:
            return item_id
        info = self.details(index.row())
        return None if info is None else self.item_data(item_id, info, role)

    def item_data(self, item_id: Any, info: Any, role: int) -> Any:
        """`role` of the item whose details are `info` (never None here)."""
        raise NotImplementedError

    def thumb_data(self, item_id: Any, key: ThumbKey | None, role: int) -> Any:
        """DecorationRole: the thumbnail (loaded in the background); ThumbFailedRole: whether it failed."""
        if role == ThumbFailedRole:
            return key is not None and self.ctx.thumbs.failed(key)
        return self.thumbnail(item_id, key)


class PhotoGridModel(PersonItemsModel):
    """Photos (all of them, or one person's) by date taken, with lazy thumbnails."""

    def __init__(self, ctx: LibraryContext, person_id: str | None = None, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.person_id = person_id

    def load_rows(self, library: Library) -> list[tuple[Any, Any]]:
        return [(i, None) for i in library.photo_ids(self.person_id)]

    def fetch_details(self, library: Library, ids: Sequence[Any]) -> dict[Any, Any]:
        return library.photo_tiles(list(ids), self.person_id)

    def item_data(self, photo_id: Any, info: Any, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return Path(info["path"]).name
        if role == SubtitleRole:
            return _date_text(info["taken_at"])
        if role == FocusRole:
            return None if info["focus_x"] is None else (info["focus_x"], info["focus_y"])
        if role == OfflineRole:
            return info["presence"] == "offline"
        if role == Qt.ItemDataRole.ToolTipRole:
            when = _date_text(info["taken_at"]) or "no date"
            text = f"{info['path']}\n{when} · {plural(info['faces'], 'face')}"
            return text + self.ctx.offline_note(info["path"]) if info["presence"] == "offline" else text
        if role in (Qt.ItemDataRole.DecorationRole, ThumbFailedRole):
            key = ThumbKey("photo", info["sha256"], None, info["path"]) if info["sha256"] else None
            return self.thumb_data(photo_id, key, role)
        return None


class FaceGridModel(PersonItemsModel):
    """Faces: one person's (to fix matches and pick a cover) or the unassigned ones."""

    edited = Signal(str)

    def __init__(self, ctx: LibraryContext, *, person_id: str | None = None, unassigned: bool = False,
                 parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.person_id = person_id
        self.unassigned = unassigned

    def load_rows(self, library: Library) -> list[tuple[Any, Any]]:
        if not self.unassigned and self.person_id is None:
            return []
        return [(i, None) for i in library.face_ids(person_id=self.person_id, unassigned=self.unassigned)]

    def fetch_details(self, library: Library, ids: Sequence[Any]) -> dict[Any, Any]:
        return library.face_tiles(list(ids))

    def item_data(self, face_id: Any, info: Any, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if self.unassigned:
                return face_reason(info["status"], info["reason"])
            return Path(info["path"]).name
        if role == SubtitleRole:
            if self.unassigned:
                return Path(info["path"]).name
            sim = info["similarity"]
            return "first face" if sim is None else f"{sim:.1f}% match"
        if role == StatusRole:
            return info["status"]
        if role == OfflineRole:
            return info["presence"] == "offline"
        if role == Qt.ItemDataRole.ToolTipRole:
            text = f"{info['path']}\n{face_reason(info['status'], info['reason'])}"
            return text + self.ctx.offline_note(info["path"]) if info["presence"] == "offline" else text
        if role in (Qt.ItemDataRole.DecorationRole, ThumbFailedRole):
            box = (info["left"], info["top"], info["width"], info["height"])
            key = ThumbKey("face", info["sha256"], box, info["path"]) if info["sha256"] else None
            return self.thumb_data(face_id, key, role)
        return None

    def photo_of(self, face_id: int) -> int | None:
        row = self.ctx.library.face(face_id)
        return None if row is None else int(row["photo_id"])

    # -- edits (through the one write path, ops.py) -------------------------------------------------------
    def not_this_person(self, face_ids: Sequence[int]) -> bool:
        from . import ops

        return ops.not_this_person(self.ctx, face_ids, self.edited.emit)

    def use_as_cover(self, face_id: int) -> bool:
        from . import ops

        return self.person_id is not None and ops.use_as_cover(self.ctx, self.person_id, face_id, self.edited.emit)

    def split(self, face_ids: Sequence[int] = (), people: Sequence[str] = ()) -> list[str] | None:
        """Split faces (into one new person) and formerly merged people off this person.

        Returns the people that now hold them, or None when the library refused.
        """
        from . import ops

        if self.person_id is None:
            return None
        return ops.split_person(self.ctx, self.person_id, face_ids, people, self.edited.emit)


def face_reason(status: str, reason: str | None) -> str:
    """Words for why a face belongs to no one."""
    if status == "removed":
        return "Removed by you"
    if status == "unsearchable":
        return "Face not clear enough"
    if status == "unindexed":
        text = (reason or "").upper()
        if "SMALL" in text:
            return "Face too small"
        if "SHARP" in text or "BRIGHT" in text or "QUALITY" in text:
            return "Face not clear enough"
        return "Not recognised"
    return "Unassigned"


def _date_text(taken_at: str | None) -> str:
    if not taken_at:
        return ""
    text = str(taken_at).replace("T", " ")
    return text[:10] if len(text) >= 10 else text

