"""The main views: People, All Photos and Unassigned faces (the People grid's view is in people_grid.py)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from . import icons, ops
from .context import LibraryContext
from .delegates import FaceDelegate, PhotoDelegate
from .dialogs import open_dialog, open_tracked
from .i18n import QT_TR_NOOP, tr
from .merge import MergeDialog
from .models import IdRole, role
from .people_grid import PeopleGridView
from .people_model import PeopleModel
from .person_picker import PersonPicker
from .photo_models import FaceGridModel, PhotoGridModel
from .widgets import EmptyState, GridView, GridWithEmptyState, PageHeader, exec_menu

DROP_TEXT = QT_TR_NOOP("Beetroot finds every face in them and groups your photos by person. Your photos stay where"
                       " they are, and nothing leaves this computer.")
LEAST_PHOTOS = (1, 2, 3, 5, 10)  # the People grid's "in at least N photos" choices



class PeoplePage(QWidget):
    personOpened = Signal(str)
    importRequested = Signal()
    status = Signal(str)

    def __init__(self, ctx: LibraryContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = PeopleModel(ctx, self)
        self.model.edited.connect(self.status.emit)
        self.model.mergeRequested.connect(self.confirm_merge)
        self.counts: dict[str, int] = {}
        self._select_later: list[str] = []
        self.merge_dialog: MergeDialog | None = None  # the merge being confirmed, if any
        self.merge_picker: PersonPicker | None = None  # Merge Into…: the last person picker
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = PageHeader(tr("People"))
        self.search = QLineEdit(placeholderText=tr("Search names"))
        self.search.setAccessibleName(tr("Search people"))
        self.search.setAccessibleDescription(tr("Shows only the people whose name contains what you type"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icons.icon("search", "muted", 16),
                              QLineEdit.ActionPosition.LeadingPosition).setText(tr("Search"))
        clear = self.search.findChild(QAction, "_q_qlineeditclearaction")
        if clear is not None:  # the clear button: a name for screen readers, and a tooltip
            clear.setText(tr("Clear search"))
        # 220 px when there is room; narrower (never under what shows "Search names") in a narrow window.
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance(self.search.placeholderText()) + 80)
        self.search.setMaximumWidth(220)
        self.search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._search_timer = QTimer(self, singleShot=True, interval=200)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.sort = QComboBox()
        self.sort.addItem(tr("Most photos"), "count")
        self.sort.addItem(tr("Name"), "name")
        self.sort.setToolTip(tr("Sort people"))
        self.sort.setAccessibleName(tr("Sort people"))
        # The sort and merge controls never shrink below their text ("Most photos", not "Most phc"): the
        # header puts its tools on a line of their own when the window is narrow (widgets.PageHeader).
        self.sort.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sort.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.sort.currentIndexChanged.connect(
            lambda _i: self.model.set_view_options(order=self.sort.currentData()))
        self.merge_button = QPushButton(icons.icon("merge", "text", 16), tr("Merge"))
        self.merge_button.setToolTip(tr("Merge the selected people into one (Ctrl+M)"))
        self.merge_button.setEnabled(False)
        self.merge_button.clicked.connect(lambda _checked=False: self.merge_selected())
        self.merge_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        # "In at least N photos" reads as the end of the count under the title ("120 people in at least 2
        # photos"): the tools' line has no room left in a narrow window.
        self.least = QComboBox(objectName="InlineCombo")
        for n in LEAST_PHOTOS:
            self.least.addItem(tr("in at least %Ln photo(s)", None, n), n)
        self.least.setAccessibleName(tr("Filter by number of photos"))
        self.least.setFrame(False)
        self.least.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.least.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.least.activated.connect(lambda i: self.model.set_view_options(min_photos=self.least.itemData(i)))
        self.header.texts.removeWidget(self.header.subtitle)
        counted = QHBoxLayout()
        counted.setSpacing(4)
        counted.addWidget(self.header.subtitle)
        counted.addWidget(self.least)
        counted.addStretch(1)
        self.header.texts.addLayout(counted)
        self.header.add_tool(self.search, stretch=1)
        self.header.add_tool(self.sort)
        self.header.add_tool(self.merge_button)
        layout.addWidget(self.header)

        self.grid = PeopleGridView()
        self.grid.setAccessibleName(tr("People"))
        self.grid.setAccessibleDescription(tr("Enter opens a person, F2 renames, Ctrl+M merges the selected people,"
                                              " Ctrl+Shift+M merges them into a person chosen from a list"))
        self.grid.setModel(self.model)
        self.grid.openRequested.connect(self._open)
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.grid.customContextMenuRequested.connect(self._context_menu)
        self.grid.selectionModel().selectionChanged.connect(self._selection_changed)
        self.empty = EmptyState("import", tr("Drop photos or folders here"), tr(DROP_TEXT), tr("Import Folder…"))
        self.empty.actionTriggered.connect(self.importRequested.emit)
        self.stack = GridWithEmptyState(self.grid, self.empty)
        self.stack.watch()
        layout.addWidget(self.stack, 1)
        self.model.refreshed.connect(self._update_texts)
        self.model.refreshed.connect(self._select_pending)
        self.model.rowsInserted.connect(self._update_texts)
        self.model.rowsRemoved.connect(self._update_texts)
        self.menu_actions: dict[str, QAction] = {}

    # -- state -----------------------------------------------------------------------------------------
    def set_counts(self, counts: dict[str, int]) -> None:
        self.counts = counts
        self._update_texts()

    def _update_texts(self, *args: object) -> None:
        n = self.model.rowCount()
        least = self.model.least_photos
        self._show_least(least)
        self.header.subtitle.setText(tr("%Ln person(s)", None, n)
                                     if self.model.loaded and (n or self.model.name_filter) else "")
        if self.model.name_filter:
            self.empty.set_text(tr("No one called “{name}”").format(name=self.model.name_filter),
                                tr("Only names are searched. Give someone a name: select the tile and press F2."),
                                show_action=False)
        elif self.counts.get("photos", 0) == 0:
            self.empty.set_text(tr("Drop photos or folders here"), tr(DROP_TEXT), show_action=True)
        elif not self.model.include_hidden and self.counts.get("people", 0) == 0 and self.counts.get(
                "hidden", 0):
            self.empty.set_text(tr("Everyone is hidden"), tr("View > Show Hidden People lists them again."),
                                show_action=False)
        elif least > 1 and self.counts.get("people", 0) > 0:
            self.empty.set_text(tr("No one is in %Ln photo(s) or more yet", None, least),
                                tr("Choose “In at least 1 photo” above to see everyone."), show_action=False)
        else:
            self.empty.set_text(tr("No people yet"),
                                tr("People appear here as their faces are found. Faces too small or unclear to"
                                   " recognise are under Unassigned faces."), show_action=False)
        self.stack.update_state()
        # Search, sort and merge mean nothing before there is anyone to search, sort or merge.
        tools = n > 0 or bool(self.model.name_filter) or self.counts.get("people", 0) > 0
        for widget in (self.search, self.sort, self.merge_button):
            widget.setVisible(tools)
        self.least.setVisible(tools and self.model.loaded)

    def _show_least(self, least: int) -> None:
        """The filter as the grid applies it, with why the default is what it is."""
        if self.least.findData(least) < 0:  # a value set elsewhere: listed too
            self.least.addItem(tr("in at least %Ln photo(s)", None, least), least)
        self.least.setCurrentIndex(self.least.findData(least))
        suggested = self.model.suggested
        if suggested > 1:
            tip = tr("Show the people seen in at least this many photos. People seen in one photo are usually"
                     " strangers in the background; named people always show. The default here is %Ln photo(s):"
                     " most people in this library are seen only once.", None, suggested)
        else:
            tip = tr("Show the people seen in at least this many photos. People seen in one photo are usually"
                     " strangers in the background; named people always show. The default here is %Ln photo(s):"
                     " this library has few people seen only once.", None, suggested)
        self.least.setToolTip(tip)

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
            self.status.emit(tr("Select two or more people to merge (Ctrl+click or Shift+click)"))
            return None
        return self.confirm_merge(ids, None)

    def confirm_merge(self, sources: list[str], target: str | None) -> MergeDialog | None:
        """The merge dialog for `sources` and `target` (a drop target is kept by default)."""
        ids = list(dict.fromkeys([*([target] if target else []), *sources]))
        if len(ids) < 2:
            return None
        if not ops.people_still_there(self.ctx, ids):  # the grid is behind another window's edit: refused
            return None
        counts = {pid: self.model.extra(pid).photos for pid in ids if self.model.extra(pid) is not None}
        dialog = MergeDialog(self.ctx, ids, counts, self, target=target)
        # Confirmed later, maybe after another window changed them: the merge checks them against the library.
        open_tracked(self, "merge_dialog", dialog,
                     lambda: self.model.merge(ids, dialog.target(), chosen=dialog.chosen))
        return dialog

    def merge_into(self, person_ids: list[str]) -> PersonPicker | None:
        """Merge Into…: choose from a list the person to merge these into, then confirm as after a drop of
        their tiles on that person's tile (the keyboard's way to do what dragging does)."""
        if not person_ids:
            self.status.emit(tr("Select the people to merge first"))
            return None
        if self.merge_picker is not None:  # the last one, closed: kept until now (its choice was confirmed)
            self.merge_picker.deleteLater()
        picker = self.merge_picker = PersonPicker(
            self.ctx, self, title=tr("Merge into"),
            prompt=tr("Which person should the %Ln selected person(s) be merged into?", None, len(person_ids)),
            exclude=person_ids[0] if len(person_ids) == 1 else None)
        picked: list[str] = []
        picker.accepted.connect(lambda: picked.extend(filter(None, [picker.chosen()])))
        open_dialog(picker)  # the keys come back to the window when it closes ...
        # ... and then the merge is confirmed (`finished` follows `accepted`, and the window took the keys back).
        picker.finished.connect(lambda _r: self.confirm_merge(person_ids, picked[0]) if picked else None)
        return picker

    def select_when_shown(self, person_ids: list[str]) -> None:
        """Select these people once the grid lists them (the people a split just made)."""
        self._select_later = list(person_ids)
        self._select_pending()

    def _select_pending(self) -> None:
        present = [pid for pid in self._select_later if self.model.index_of(pid).isValid()]
        if not present:
            return
        self._select_later = []
        selection = self.grid.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag
        for pid in present:
            selection.select(self.model.index_of(pid), flags.Select)
        selection.setCurrentIndex(self.model.index_of(present[0]), flags.Current)
        self.grid.scrollTo(self.model.index_of(present[0]))

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
        menu.addAction(tr("Open"), lambda: self._open(index))
        for name in ("rename", "merge", "merge_into", "hide", "together", "export_photos", "forget"):
            action = self.menu_actions.get(name)
            if action is not None:
                menu.addAction(action)
        exec_menu(menu, self.grid.viewport().mapToGlobal(pos), self.grid)


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
        self.header = PageHeader(tr("All Photos"))
        layout.addWidget(self.header)
        self.grid = GridView(PhotoDelegate.TILE, open_on_click=True)  # a click views the photo
        self.grid.setAccessibleName(tr("All Photos"))
        self.grid.setItemDelegate(PhotoDelegate(self.grid))
        self.grid.setModel(self.model)
        self.grid.openRequested.connect(self._open)
        self.empty = EmptyState("photos", tr("No photos yet"), tr("Drop photos or folders anywhere on this window."),
                                tr("Import Folder…"))
        self.empty.actionTriggered.connect(self.importRequested.emit)
        stack = GridWithEmptyState(self.grid, self.empty)
        stack.watch()
        layout.addWidget(stack, 1)
        self.model.refreshed.connect(self._update_texts)

    def _update_texts(self) -> None:
        n = self.model.rowCount()
        self.header.subtitle.setText(tr("%Ln photo(s), oldest first", None, n))

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
        self.header = PageHeader(tr("Unassigned faces"))
        layout.addWidget(self.header)
        self.grid = GridView(FaceDelegate.TILE)
        self.grid.setAccessibleName(tr("Unassigned faces"))
        self.grid.setAccessibleDescription(tr("Enter opens the photo; the context menu key adds a face to a person"))
        self.grid.setItemDelegate(FaceDelegate(self.grid))
        self.grid.setModel(self.model)
        self.grid.openRequested.connect(self._open)
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.grid.customContextMenuRequested.connect(self._context_menu)
        empty = EmptyState("unknown", tr("No unassigned faces"),
                           tr("Faces too small or unclear to recognise, and faces you took out of a person"
                              " with “Not this person”, are listed here."))
        stack = GridWithEmptyState(self.grid, empty)
        stack.watch()
        layout.addWidget(stack, 1)
        self.model.refreshed.connect(self._update_texts)

    def _update_texts(self) -> None:
        n = self.model.rowCount()
        text = tr("%Ln face(s) that [belongs|belong] to no one: too small, unclear, or removed by you", None, n)
        self.header.subtitle.setText(text if n else "")

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
        if not self.grid.selectionModel().isSelected(index):
            self.grid.setCurrentIndex(index)
        faces = self.selected_faces()
        menu = QMenu(self)
        menu.addAction(tr("Open photo"), lambda: self._open(index))
        menu.addAction(tr("Add to person…"), lambda: self.assign(int(role(index, IdRole))))
        menu.addSeparator()
        menu.addAction(tr("Not a face"), lambda: ops.not_a_face(self.ctx, faces, self.status.emit))
        menu.addAction(tr("Ignore (a stranger in the background)"),
                       lambda: ops.ignore_faces(self.ctx, faces, self.status.emit))
        exec_menu(menu, self.grid.viewport().mapToGlobal(pos), self.grid)

    def selected_faces(self) -> list[int]:
        return [int(x) for x in self.grid.selected_ids()]  # type: ignore[call-overload]

    def assign(self, face_id: int) -> PersonPicker:
        picker = PersonPicker(self.ctx, self)

        def done() -> None:
            pid = picker.chosen()
            if pid:
                ops.assign_face(self.ctx, face_id, pid, self.status.emit)

        picker.accepted.connect(done)
        picker.finished.connect(picker.deleteLater)
        open_dialog(picker)
        return picker

