"""The People grid's model: person ids with photo counts, names and cover faces; a tile dropped on another
asks to merge them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, Qt, QTimer, Signal

from .i18n import tr
from .item_text import person_name
from .models import HiddenRole, IdRole, Index, LazyIdModel, NamedRole, SubtitleRole, ThumbFailedRole
from .thumbnails import ThumbKey

if TYPE_CHECKING:
    from ..library import Library, PersonTile
    from .context import LibraryContext

PERSON_MIME = "application/x-beetroot-person-ids"


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
            return tr("%Ln photo(s)", None, counts.photos) if counts else ""
        if role == HiddenRole:
            return bool(counts and counts.hidden)
        tile = self.tile(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return person_name(tile.name if tile else None)
        if role == Qt.ItemDataRole.EditRole:
            return (tile.name or "") if tile else ""
        if role == NamedRole:
            return bool(tile and tile.name)
        if role == Qt.ItemDataRole.AccessibleTextRole:  # "Barack Obama, 14 photos"
            name = person_name(tile.name if tile else None)
            return tr("{name}, %Ln photo(s)", None, counts.photos).format(name=name) if counts else name
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            if not counts:
                return None
            faces = tr("%Ln face(s)", None, counts.faces)
            return tr("{faces}, hidden from People").format(faces=faces) if counts.hidden else faces
        if role == Qt.ItemDataRole.ToolTipRole:
            if not tile:
                return None
            text = person_name(tile.name)
            if counts:
                photos, faces = tr("%Ln photo(s)", None, counts.photos), tr("%Ln face(s)", None, counts.faces)
                text += f"\n{photos}, {faces}"
            if tile.hidden:
                text += "\n" + tr("Hidden")
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
