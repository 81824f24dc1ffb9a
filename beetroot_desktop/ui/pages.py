"""The main views: People, All Photos and Unassigned faces."""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from . import icons, ops, style
from .context import LibraryContext
from .delegates import FaceDelegate, PersonDelegate, PhotoDelegate
from .dialogs import open_dialog, open_tracked
from .merge import MergeDialog
from .models import PERSON_MIME, FaceGridModel, IdRole, PeopleModel, PhotoGridModel, role
from .widgets import EmptyState, GridView, GridWithEmptyState, PageHeader, round_pixmap
from .words import plural

DRAG_AVATAR = 72  # the face that follows the pointer while a person is dragged

DROP_TEXT = ("Beetroot finds every face in them and groups your photos by person. Your photos stay where"
             " they are, and nothing leaves this computer.")


class PeopleGridView(GridView):
    """People tiles: double-click the name to rename, anywhere else to open; drag a tile onto another
    to merge them (the page asks first, as Ctrl+M does)."""

    def __init__(self, parent: QWidget | None = None, *, merge_by_drag: bool = True) -> None:
        super().__init__(PersonDelegate.TILE, parent)
        self.delegate = PersonDelegate(self)
        self.setItemDelegate(self.delegate)
        # QListView.setMovement() and setViewMode() switch dragging off (and the viewport's drops with it)
        # for a Static view, so the drag setup comes after them: otherwise a press-and-drag on a tile
        # starts a rubber-band selection in the real window. Tiles never move: drops go to the model.
        self.setMovement(GridView.Movement.Static)
        self.merge_by_drag = merge_by_drag
        self.setDragEnabled(merge_by_drag)
        self.setAcceptDrops(merge_by_drag)
        self.viewport().setAcceptDrops(merge_by_drag)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop if merge_by_drag
                             else QAbstractItemView.DragDropMode.NoDragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(False)  # the target tile is outlined instead (paintEvent)
        self._press_pos = QPoint()
        self._dragged: set[str] = set()
        self._drop_target: str | None = None  # the person a drop here would merge into (outlined)

    def double_click(self, index: QModelIndex, event: QMouseEvent) -> bool:
        renames = self.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers
        if renames and self.delegate.name_rect(self.visualRect(index)).contains(event.position().toPoint()):
            self.edit(index)
            return True
        return False

    # -- dragging a tile -----------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        """Drag the selected people, shown as the pressed person's face (with a count when several)."""
        model = self.model()
        indexes = [i for i in self.selectionModel().selectedIndexes()
                   if model.flags(i) & Qt.ItemFlag.ItemIsDragEnabled]
        if not indexes:
            return
        pressed = self.indexAt(self._press_pos)
        if pressed not in indexes:
            pressed = indexes[0]
        self._dragged = {str(role(i, IdRole)) for i in indexes}
        drag = QDrag(self)
        drag.setMimeData(model.mimeData(indexes))
        pixmap = self._drag_pixmap(pressed, len(indexes))
        drag.setPixmap(pixmap)
        # Held by its middle: the outline of the tile it will be dropped on stays in view around it.
        drag.setHotSpot(QPoint(DRAG_AVATAR // 2, DRAG_AVATAR // 2))
        try:
            drag.exec(Qt.DropAction.MoveAction, Qt.DropAction.MoveAction)
        finally:
            self._dragged = set()
            self._set_drop_target(QModelIndex())

    def _drag_pixmap(self, index: QModelIndex, count: int) -> QPixmap:
        """The dragged person's round face, with the number of people when several are dragged."""
        ratio = self.devicePixelRatioF()
        size = DRAG_AVATAR + 8
        pixmap = QPixmap(round(size * ratio), round(size * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setOpacity(0.9)
        painter.setPen(QPen(QColor("#ffffff"), 3))
        painter.setBrush(QColor("#ffffff"))
        painter.drawEllipse(QRectF(0.5, 0.5, DRAG_AVATAR + 3, DRAG_AVATAR + 3))
        cover = role(index, Qt.ItemDataRole.DecorationRole)
        painter.drawPixmap(2, 2, round_pixmap(cover if isinstance(cover, QPixmap) else None, DRAG_AVATAR))
        if count > 1:
            painter.setOpacity(1.0)
            badge = QRectF(size - 30, 0, 30, 22)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(style.ACCENT))
            painter.drawRoundedRect(badge, 11, 11)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(count))
        painter.end()
        return pixmap

    def _merge_target(self, event: QDragMoveEvent | QDropEvent) -> QModelIndex:
        """The tile a drop of people would merge into here, or an invalid index."""
        data = event.mimeData()
        if not data.hasFormat(PERSON_MIME):
            return QModelIndex()
        index = self.indexAt(event.position().toPoint())
        if not index.isValid() or str(role(index, IdRole)) in self._dragged:
            return QModelIndex()
        model = self.model()
        if not model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, index):
            return QModelIndex()
        return index

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.merge_by_drag and event.mimeData().hasFormat(PERSON_MIME):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()  # keep the drag moves coming; each says whether a drop is possible there
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if not (self.merge_by_drag and event.mimeData().hasFormat(PERSON_MIME)):
            super().dragMoveEvent(event)
            return
        super().dragMoveEvent(event)  # scrolls near the edges
        target = self._merge_target(event)
        self._set_drop_target(target)
        if target.isValid():
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_drop_target(QModelIndex())
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if not (self.merge_by_drag and event.mimeData().hasFormat(PERSON_MIME)):
            super().dropEvent(event)
            return
        target = self._merge_target(event)
        self._set_drop_target(QModelIndex())
        self.stopAutoScroll()
        if not target.isValid():
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.model().dropMimeData(event.mimeData(), Qt.DropAction.MoveAction, -1, -1, target)

    def _set_drop_target(self, index: QModelIndex) -> None:
        person = str(role(index, IdRole)) if index.isValid() else None
        if person == self._drop_target:
            return
        old, self._drop_target = self._target_index(), person
        for changed in (old, index):
            if changed.isValid():
                self.viewport().update(self.visualRect(changed).adjusted(-4, -4, 4, 4))

    def _target_index(self) -> QModelIndex:
        model = self.model()
        if self._drop_target is None or not isinstance(model, PeopleModel):
            return QModelIndex()
        return model.index_of(self._drop_target)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        target = self._target_index()
        if not target.isValid():
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(style.ACCENT), 3))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(self.visualRect(target)).adjusted(5.5, 5.5, -5.5, -5.5), 10, 10)
        painter.end()


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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = PageHeader("People")
        self.search = QLineEdit(placeholderText="Search names")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icons.icon("search", style.MUTED, 16), QLineEdit.ActionPosition.LeadingPosition)
        # 220 px when there is room; narrower (never under what shows "Search names") in a narrow window.
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("Search names") + 64)
        self.search.setMaximumWidth(220)
        self.search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._search_timer = QTimer(self, singleShot=True, interval=200)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.sort = QComboBox()
        self.sort.addItem("Most photos", "count")
        self.sort.addItem("Name", "name")
        self.sort.setToolTip("Sort people")
        # The sort and merge controls never shrink below their text ("Most photos", not "Most phc"): the
        # header puts its tools on a line of their own when the window is narrow (widgets.PageHeader).
        self.sort.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sort.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.sort.currentIndexChanged.connect(
            lambda _i: self.model.set_view_options(order=self.sort.currentData()))
        self.merge_button = QPushButton(icons.icon("merge", style.TEXT, 16), "Merge")
        self.merge_button.setToolTip("Merge the selected people into one (Ctrl+M)")
        self.merge_button.setEnabled(False)
        self.merge_button.clicked.connect(lambda _checked=False: self.merge_selected())
        self.merge_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.header.add_tool(self.search, stretch=1)
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
        self.grid = GridView(PhotoDelegate.TILE, open_on_click=True)  # a click views the photo
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
                ops.assign_face(self.ctx, face_id, pid, self.status.emit)

        picker.accepted.connect(done)
        picker.finished.connect(picker.deleteLater)
        open_dialog(picker)
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
        self.grid = PeopleGridView(merge_by_drag=False)
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
