"""The photo and face grids' models: one person's photos or faces (or all photos, or the faces that belong to
no one), each row drawn from its fetched details."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal

from .i18n import tr
from .item_text import date_text, face_reason, match_text, name_list, person_name
from .models import FocusRole, IdRole, Index, LazyIdModel, OfflineRole, StatusRole, SubtitleRole, ThumbFailedRole
from .thumbnails import ThumbKey

if TYPE_CHECKING:
    from ..library import Library
    from .context import LibraryContext


class PersonItemsModel(LazyIdModel):
    """Items of one person (photos or faces), each drawn from its fetched details."""

    person_id: str | None

    def set_person(self, person_id: str | None) -> None:
        self.person_id = person_id
        self.reset_generation()
        self.beginResetModel()
        self._ids, self._extra, self._details, self._row_of = [], {}, {}, None
        self._spoken = {}
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
            return date_text(info["taken_at"])
        if role == FocusRole:
            return None if info["focus_x"] is None else (info["focus_x"], info["focus_y"])
        if role == OfflineRole:
            return info["presence"] == "offline"
        if role == Qt.ItemDataRole.ToolTipRole:
            when = date_text(info["taken_at"]) or tr("no date")
            faces = tr("%Ln face(s)", None, info["faces"])
            text = f"{info['path']}\n{when} · {faces}"
            return text + self.ctx.offline_note(info["path"]) if info["presence"] == "offline" else text
        if role == Qt.ItemDataRole.AccessibleTextRole:  # "obama.jpg, with Barack Obama and Joe Biden"
            name = Path(info["path"]).name
            people = self.people_in(photo_id) if info["faces"] else ""
            return tr("{file}, with {people}").format(file=name, people=people) if people else name
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            when = date_text(info["taken_at"]) or tr("no date")
            faces = tr("%Ln face(s)", None, info["faces"])
            text = f"{when}, {faces}"
            return tr("{text}, offline").format(text=text) if info["presence"] == "offline" else text
        if role in (Qt.ItemDataRole.DecorationRole, ThumbFailedRole):
            key = ThumbKey("photo", info["sha256"], None, info["path"]) if info["sha256"] else None
            return self.thumb_data(photo_id, key, role)
        return None

    def people_in(self, photo_id: int) -> str:
        """Who is in the photo, for a screen reader: "Ann, Bob and 2 unnamed people" ("" for no one).

        Read only when an assistive tool asks for a tile, then kept until the next refresh."""
        found = self._spoken.get(photo_id)
        if found is None:
            names: list[str] = []
            unnamed: set[str] = set()
            for face in self.ctx.library.faces_of_photo(photo_id):
                if not face["person_id"]:
                    continue
                if face["person_name"]:
                    if face["person_name"] not in names:
                        names.append(str(face["person_name"]))
                else:
                    unnamed.add(str(face["person_id"]))
            if unnamed:
                names.append(tr("%Ln unnamed person(s)", None, len(unnamed)))
            found = self._spoken[photo_id] = name_list(names)
        return str(found)


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
            return match_text(info["similarity"])
        if role == StatusRole:
            return info["status"]
        if role == OfflineRole:
            return info["presence"] == "offline"
        if role == Qt.ItemDataRole.AccessibleTextRole:  # "Barack Obama, in obama.jpg"
            who = face_reason(info["status"], info["reason"]) if self.unassigned or not info["person_id"] \
                else person_name(info["person_name"])
            return tr("{who}, in {file}").format(who=who, file=Path(info["path"]).name)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            if self.unassigned or not info["person_id"]:
                return None
            return match_text(info["similarity"])
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
