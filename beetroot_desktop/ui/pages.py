"""The main views: People, All Photos and Unassigned faces."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from . import icons, style
from .context import LibraryContext
from .delegates import FaceDelegate, PersonDelegate, PhotoDelegate
from .models import FaceGridModel, IdRole, PeopleModel, PhotoGridModel, plural, role
from .widgets import EmptyState, GridView, GridWithEmptyState, PageHeader

DROP_TEXT = ("Beetroot finds every face in them and groups your photos by person. Your photos stay where"
             " they are, and nothing leaves this computer.")


class PeopleGridView(GridView):
    """People tiles: double-click the name to rename, anywhere else to open; drag a tile onto another
    to merge them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(PersonDelegate.TILE, parent)
        self.delegate = PersonDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setMovement(GridView.Movement.Static)  # drops go to the model (merge), tiles never move

    def double_click(self, index: QModelIndex, event: QMouseEvent) -> bool:
        renames = self.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers
        if renames and self.delegate.name_rect(self.visualRect(index)).contains(event.position().toPoint()):
            self.edit(index)
            return True
        return False


class MergeDialog(QDialog):
    """Merging cannot be undone, so say what will happen and let the user pick who stays."""

    def __init__(self, ctx: LibraryContext, person_ids: list[str], counts: dict[str, int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Merge people")
        self.person_ids = person_ids
        tiles = ctx.library.person_tiles(person_ids)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        intro = QLabel(f"Merge these {len(person_ids)} people into one. The person you keep gives the"
                       " merged person their name. This cannot be undone, but a wrong face can be"
                       " removed later with “Not this person”.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addSpacing(6)
        self.group = QButtonGroup(self)
        best = _default_target(person_ids, tiles, counts)
        for i, pid in enumerate(person_ids):
            tile = tiles.get(pid)
            count = counts.get(pid, 0)
            button = QRadioButton(f"Keep {tile.display_name if tile else 'Unnamed person'}"
                                  f"  ({plural(count, 'photo')})")
            button.setChecked(pid == best)
            self.group.addButton(button, i)
            layout.addWidget(button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = buttons.addButton("Merge", QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setObjectName("Primary")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addSpacing(8)
        layout.addWidget(buttons)

    def target(self) -> str:
        return self.person_ids[max(0, self.group.checkedId())]


def _default_target(ids: list[str], tiles: dict, counts: dict[str, int]) -> str:  # type: ignore[type-arg]
    """The named person with the most photos, else the person with the most photos."""
    def weight(pid: str) -> tuple[int, int]:
        tile = tiles.get(pid)
        return (1 if tile and tile.name else 0, counts.get(pid, 0))

    return max(ids, key=weight)


class PeoplePage(QWidget):
    personOpened = Signal(str)
    importRequested = Signal()
    status = Signal(str)

    def __init__(self, ctx: LibraryContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = PeopleModel(ctx, self)
        self.model.edited.connect(self.status.emit)
        self.counts: dict[str, int] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = PageHeader("People")
        self.search = QLineEdit(placeholderText="Search names")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icons.icon("search", style.MUTED, 16), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setFixedWidth(220)
        self._search_timer = QTimer(self, singleShot=True, interval=200)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.sort = QComboBox()
        self.sort.addItem("Most photos", "count")
        self.sort.addItem("Name", "name")
        self.sort.setToolTip("Sort people")
        self.sort.currentIndexChanged.connect(
            lambda _i: self.model.set_view_options(order=self.sort.currentData()))
        self.merge_button = QPushButton(icons.icon("merge", style.TEXT, 16), "Merge")
        self.merge_button.setToolTip("Merge the selected people into one (Ctrl+M)")
        self.merge_button.setEnabled(False)
        self.header.add_tool(self.search)
        self.header.add_tool(self.sort)
        self.header.add_tool(self.merge_button)
        layout.addWidget(self.header)

        self.grid = PeopleGridView()
        self.grid.setModel(self.model)
        self.grid.openRequested.connect(self._open)
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.grid.customContextMenuRequested.connect(self._context_menu)
        self.grid.selectionModel().selectionChanged.connect(self._selection_changed)
        self.empty = EmptyState("import", "Drop photos or folders here", DROP_TEXT, "Import Folder…")
        self.empty.actionTriggered.connect(self.importRequested.emit)
        self.stack = GridWithEmptyState(self.grid, self.empty)
        self.stack.watch()
        layout.addWidget(self.stack, 1)
        self.model.refreshed.connect(self._update_texts)
        self.model.rowsInserted.connect(self._update_texts)
        self.model.rowsRemoved.connect(self._update_texts)
        self.menu_actions: dict[str, QAction] = {}

    # -- state -----------------------------------------------------------------------------------------
    def set_counts(self, counts: dict[str, int]) -> None:
        self.counts = counts
        self._update_texts()

    def _update_texts(self, *args: object) -> None:
        n = self.model.rowCount()
        shown = "person" if n == 1 else "people"
        self.header.subtitle.setText(f"{n:,} {shown}" if self.model.loaded and (n or self.model.name_filter) else "")
        if self.model.name_filter:
            self.empty.set_text(f"No one called “{self.model.name_filter}”",
                                "Only names are searched. Give someone a name: select the tile and press F2.",
                                show_action=False)
        elif self.counts.get("photos", 0) == 0:
            self.empty.set_text("Drop photos or folders here", DROP_TEXT, show_action=True)
        elif not self.model.include_hidden and self.counts.get("people", 0) == 0 and self.counts.get(
                "hidden", 0):
            self.empty.set_text("Everyone is hidden", "View > Show Hidden People lists them again.",
                                show_action=False)
        else:
            self.empty.set_text("No people yet",
                                "People appear here as their faces are found. Faces too small or unclear to"
                                " recognise are under Unassigned faces.", show_action=False)
        self.stack.update_state()
        # Search, sort and merge mean nothing before there is anyone to search, sort or merge.
        tools = n > 0 or bool(self.model.name_filter) or self.counts.get("people", 0) > 0
        for widget in (self.search, self.sort, self.merge_button):
            widget.setVisible(tools)

    def _apply_search(self) -> None:
        self.model.set_view_options(name_filter=self.search.text().strip())

    def _selection_changed(self, *args: object) -> None:
        self.merge_button.setEnabled(len(self.grid.selectionModel().selectedIndexes()) >= 2)

    def selected_ids(self) -> list[str]:
        return [str(x) for x in self.grid.selected_ids()]

    def current_id(self) -> str | None:
        index = self.grid.currentIndex()
        if index.isValid() and self.grid.selectionModel().isSelected(index):
            return str(role(index, IdRole))
        ids = self.selected_ids()
        return ids[0] if ids else None

    # -- actions ---------------------------------------------------------------------------------------
    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.personOpened.emit(str(role(index, IdRole)))

    def rename_current(self) -> None:
        pid = self.current_id()
        if pid is None:
            return
        index = self.model.index_of(pid)
        self.grid.setCurrentIndex(index)
        self.grid.edit(index)

    def merge_selected(self) -> MergeDialog | None:
        """Ask which person to keep, then merge (the dialog opens without blocking)."""
        ids = self.selected_ids()
        if len(ids) < 2:
            self.status.emit("Select two or more people to merge (Ctrl+click or Shift+click)")
            return None
        counts = {pid: self.model.extra(pid).photos for pid in ids if self.model.extra(pid) is not None}
        dialog = MergeDialog(self.ctx, ids, counts, self)
        dialog.accepted.connect(lambda: self.model.merge(ids, dialog.target()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def toggle_hidden_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        hidden = all(self.model.extra(pid) and self.model.extra(pid).hidden for pid in ids)
        self.model.set_hidden(ids, not hidden)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.grid.indexAt(pos)
        if not index.isValid():
            return
        if not self.grid.selectionModel().isSelected(index):
            self.grid.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction("Open", lambda: self._open(index))
        for name in ("rename", "merge", "hide"):
            action = self.menu_actions.get(name)
            if action is not None:
                menu.addAction(action)
        menu.exec(self.grid.viewport().mapToGlobal(pos))


class PhotosPage(QWidget):
    """All Photos: every imported photo by date taken."""

    photoOpened = Signal(list, int)
    importRequested = Signal()

    def __init__(self, ctx: LibraryContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PhotoGridModel(ctx, None, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = PageHeader("All Photos")
        layout.addWidget(self.header)
        self.grid = GridView(PhotoDelegate.TILE)
        self.grid.setItemDelegate(PhotoDelegate(self.grid))
        self.grid.setModel(self.model)
        self.grid.openRequested.connect(self._open)
        self.empty = EmptyState("photos", "No photos yet", "Drop photos or folders anywhere on this window.",
                                "Import Folder…")
        self.empty.actionTriggered.connect(self.importRequested.emit)
        stack = GridWithEmptyState(self.grid, self.empty)
        stack.watch()
        layout.addWidget(stack, 1)
        self.model.refreshed.connect(self._update_texts)

    def _update_texts(self) -> None:
        n = self.model.rowCount()
        self.header.subtitle.setText(f"{plural(n, 'photo')}, oldest first")

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.photoOpened.emit(self.model.ids(), index.row())


class UnassignedPage(QWidget):
    """Faces that belong to no one: too small, unclear, or removed from a person by the user."""

    photoOpened = Signal(list, int)
    status = Signal(str)

    def __init__(self, ctx: LibraryContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = FaceGridModel(ctx, unassigned=True, parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = PageHeader("Unassigned faces")
        layout.addWidget(self.header)
        self.grid = GridView(FaceDelegate.TILE)
        self.grid.setItemDelegate(FaceDelegate(self.grid))
        self.grid.setModel(self.model)
        self.grid.openRequested.connect(self._open)
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.grid.customContextMenuRequested.connect(self._context_menu)
        empty = EmptyState("unknown", "No unassigned faces",
                           "Faces too small or unclear to recognise, and faces you took out of a person"
                           " with “Not this person”, are listed here.")
        stack = GridWithEmptyState(self.grid, empty)
        stack.watch()
        layout.addWidget(stack, 1)
        self.model.refreshed.connect(self._update_texts)

    def _update_texts(self) -> None:
        n = self.model.rowCount()
        verb = "belongs" if n == 1 else "belong"
        self.header.subtitle.setText(
            f"{plural(n, 'face')} that {verb} to no one: too small, unclear, or removed by you" if n else "")

    def _open(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        photo_id = self.model.photo_of(int(role(index, IdRole)))
        if photo_id is not None:
            self.photoOpened.emit([photo_id], 0)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.grid.indexAt(pos)
        if not index.isValid():
            return
        menu = QMenu(self)
        menu.addAction("Open photo", lambda: self._open(index))
        menu.addAction("Add to person…", lambda: self.assign(int(role(index, IdRole))))
        menu.exec(self.grid.viewport().mapToGlobal(pos))

    def assign(self, face_id: int) -> PersonPicker:
        picker = PersonPicker(self.ctx, self)

        def done() -> None:
            pid = picker.chosen()
            if pid:
                self.ctx.library.assign_face(face_id, pid)
                self.status.emit("Face added to the person")
                self.ctx.changed.emit()

        picker.accepted.connect(done)
        picker.finished.connect(picker.deleteLater)
        picker.open()
        return picker


class PersonPicker(QDialog):
    """Choose a person by name (or by tile, for unnamed people)."""

    def __init__(self, ctx: LibraryContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add to person")
        self.resize(620, 480)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Which person is this?"))
        self.model = PeopleModel(ctx, self)
        self.model.include_hidden = True
        self.grid = PeopleGridView()
        self.grid.setDragEnabled(False)
        self.grid.setAcceptDrops(False)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setModel(self.model)
        self.grid.openRequested.connect(lambda _i: self.accept())
        layout.addWidget(self.grid, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.model.refresh()

    def chosen(self) -> str | None:
        ids = self.grid.selected_ids()
        return str(ids[0]) if ids else None
