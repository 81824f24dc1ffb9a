"""Choosing one person in a small dialog: the people as tiles (unnamed people are told apart by their faces)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from .i18n import tr
from .people_grid import PeopleGridView
from .people_model import PeopleModel

if TYPE_CHECKING:
    from ..library import Library
    from .context import LibraryContext


class PersonPicker(QDialog):
    """Choose a person by name (or by tile, for unnamed people)."""

    def __init__(self, ctx: LibraryContext, parent: QWidget | None = None, *, title: str | None = None,
                 prompt: str | None = None, exclude: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Add to person") if title is None else title)
        self.resize(620, 480)
        layout = QVBoxLayout(self)
        question = QLabel(tr("Which person is this?") if prompt is None else prompt)
        question.setWordWrap(True)
        layout.addWidget(question)
        self.model = PickerModel(ctx, exclude, self)
        self.model.include_hidden = True
        self.model.min_photos = 1  # everyone can be chosen
        self.grid = PeopleGridView(merge_by_drag=False)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setModel(self.model)
        self.grid.openRequested.connect(lambda _i: self.accept())
        self.grid.setAccessibleName(tr("People"))
        self.grid.setAccessibleDescription(question.text())
        question.setBuddy(self.grid)
        layout.addWidget(self.grid, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.model.refresh()

    def chosen(self) -> str | None:
        ids = self.grid.selected_ids()
        return str(ids[0]) if ids else None


class PickerModel(PeopleModel):
    """The people to choose from, but one (the person a choice is made for)."""

    def __init__(self, ctx: LibraryContext, exclude: str | None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.exclude = exclude

    def load_rows(self, library: Library) -> list[tuple[object, object]]:
        return [row for row in super().load_rows(library) if row[0] != self.exclude]

