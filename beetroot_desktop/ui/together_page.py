"""Photos together: the photos in which every one of some people appears (library/together.py), as a photo
grid like a person's; "Only these people" leaves out the photos in which anyone else appears too."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from . import icons
from .delegates import PhotoDelegate
from .i18n import tr
from .item_text import name_list, person_name
from .photo_models import PhotoGridModel
from .widgets import EmptyState, GridView, GridWithEmptyState, PageHeader

if TYPE_CHECKING:
    from ..library import Library
    from .context import LibraryContext


class TogetherModel(PhotoGridModel):
    """The photos of some people together, by date taken."""

    def __init__(self, ctx: LibraryContext, parent: Any = None) -> None:
        super().__init__(ctx, None, parent)
        self.people: list[str] = []
        self.only = False

    def set_people(self, people: Sequence[str], only: bool) -> None:
        self.people, self.only = list(people), only
        self.set_person(None)  # a fresh load of the new choice

    def load_rows(self, library: Library) -> list[tuple[Any, Any]]:
        if not self.people:
            return []
        people, only = list(self.people), self.only
        try:
            return [(i, None) for i in library.photos_together(people, only=only)]
        except KeyError:  # one of them was forgotten meanwhile: together with no one, nothing
            return []


class TogetherPage(QWidget):
    back = Signal()
    photoOpened = Signal(list, int)

    def __init__(self, ctx: LibraryContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = TogetherModel(ctx, self)
        self.names: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = PageHeader(tr("Photos together"))
        self.back_button = QToolButton()
        self.back_button.setIcon(icons.icon("back", "text", 24))
        self.back_button.setToolTip(tr("Back (Esc)"))
        self.back_button.setAccessibleName(tr("Back"))
        self.back_button.clicked.connect(self.back.emit)
        self.only = QCheckBox(tr("Only these people"))
        self.only.setToolTip(tr("Leave out the photos in which anyone else appears too (faces that belong to no"
                                " one do not count)"))
        self.only.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.only.toggled.connect(lambda on: self.model.set_people(self.model.people, on))
        self.header.add_tool(self.only)
        top = QHBoxLayout()
        top.setContentsMargins(16, 8, 0, 0)
        top.setSpacing(0)
        top.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.header, 1)
        layout.addLayout(top)
        self.grid = GridView(PhotoDelegate.TILE, open_on_click=True)
        self.grid.setItemDelegate(PhotoDelegate(self.grid))
        self.grid.setModel(self.model)
        self.grid.openRequested.connect(self._open)
        self.grid.setAccessibleName(tr("Photos together"))
        self.empty = EmptyState("together", tr("No photos together"), "")
        stack = GridWithEmptyState(self.grid, self.empty)
        stack.watch()
        layout.addWidget(stack, 1)
        self.model.refreshed.connect(self._update_texts)

    def show_people(self, people: Sequence[str], *, only: bool = False) -> None:
        tiles = self.ctx.library.person_tiles(list(people))
        self.names = [person_name(tiles[p].name if p in tiles else None) for p in people]
        self.header.title.setText(name_list(self.names))
        self.grid.setAccessibleName(tr("Photos of {names} together").format(names=name_list(self.names)))
        self.header.subtitle.setText("")
        self.only.blockSignals(True)
        self.only.setChecked(only)
        self.only.blockSignals(False)
        self.model.set_people(people, only)
        self.grid.setFocus()

    def refresh(self) -> None:
        self.model.refresh()

    def _update_texts(self) -> None:
        n = self.model.rowCount()
        self.header.subtitle.setText(tr("%Ln photo(s) together, no one else", None, n) if self.model.only
                                     else tr("%Ln photo(s) together", None, n))
        who = name_list(self.names)
        self.empty.set_text(tr("No photos together"),
                            tr("No photo shows {names} with no one else.").format(names=who) if self.model.only
                            else tr("No photo shows {names} together.").format(names=who))

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.photoOpened.emit(self.model.ids(), index.row())
