"""Missing photos: the photos the library cannot reach, and what to do about them.

A photo is *missing* when its file is gone from a folder Beetroot can see (deleted, or moved somewhere
not imported), and *offline* when the folder or drive it is on cannot be reached (unplugged, renamed
away); offline photos stay in every view and come back by themselves. The page lists both, with the
thumbnail when one was made before, and offers the two ways out: Locate… (import the folder they are in
now: the import knows them by their content and follows them, with no face work) and Remove from Library
(through the one write path, ops.py; the files are never touched).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from . import icons, ops, style
from .context import LibraryContext
from .dialogs import open_tracked
from .i18n import QT_TR_NOOP, tr
from .item_text import sentence
from .thumbnails import ThumbKey
from .widgets import EmptyState, PageHeader

THUMB = 48
INTRO = QT_TR_NOOP("Offline photos are on a folder or drive that is not connected: they stay with their people"
                   " and come back when it is. Missing photos are gone from their folder: if you moved them,"
                   " Locate… the folder they are in now; if you deleted them on purpose, remove them from the"
                   " library.")
STATUS = {"missing": QT_TR_NOOP("Missing"), "offline": QT_TR_NOOP("Offline")}  # the Status column


@dataclass(frozen=True)
class MissingRow:
    photo_id: int
    path: str
    status: str  # missing | offline
    reason: str
    faces: int
    sha256: str | None


def load_missing(library: Any) -> list[MissingRow]:
    """Runs on the reader thread: the missing photos (they need the user), then the offline ones, by path."""
    from ..library.recovery import import_roots, root_of

    roots = import_roots(library.dir)
    shas = dict(library.conn.execute("SELECT id, sha256 FROM photos WHERE presence <> 'present'").fetchall())
    rows = []
    for p in library.photo_listing():
        if p.status not in ("missing", "offline") or p.photo_id is None:
            continue
        reason = p.reason or ""
        if p.status == "missing":
            reason = tr("The file is gone from its folder")
        elif p.status == "offline":  # the imported folder or drive out of reach, as the photo grids say it
            reason = tr("On {folder}, which is not connected").format(
                folder=root_of(p.path, roots) or os.path.dirname(p.path))
        rows.append(MissingRow(p.photo_id, p.path, p.status, reason, p.faces, shas.get(p.photo_id)))
    return sorted(rows, key=lambda r: (r.status != "missing", r.path))


class MissingModel(QAbstractTableModel):
    """The rows of one load; a thumbnail is asked for only when a row is painted (an unplugged drive can
    leave tens of thousands of photos offline)."""

    HEADERS = (QT_TR_NOOP("Photo"), QT_TR_NOOP("Status"), QT_TR_NOOP("Folder"), QT_TR_NOOP("Why"))

    def __init__(self, ctx: LibraryContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[MissingRow] = []
        self._icons: dict[int, QIcon] = {}  # photo id -> its square thumbnail
        self._waiting: dict[tuple[object, ...], set[int]] = {}  # thumbnail -> the photos waiting for it
        self._row_of: dict[int, int] = {}
        self._placeholder: tuple[object, QIcon] | None = None  # (the palette it was drawn in, the icon)
        ctx.thumbs.ready.connect(self._thumb_ready)

    def set_rows(self, rows: list[MissingRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._row_of = {r.photo_id: i for i, r in enumerate(rows)}
        self._icons.clear()
        self._waiting.clear()
        self.endResetModel()

    def row_of(self, photo_id: int) -> int | None:
        return self._row_of.get(photo_id)

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.HEADERS[section])
        return None

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (os.path.basename(row.path), status_text(row.status), os.path.dirname(row.path),
                    sentence(row.reason))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            faces = tr("%Ln face(s)", None, row.faces)
            return f"{row.path}\n{faces}" if column == 0 else sentence(row.reason)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 0:  # "obama.jpg, missing"
            return tr("{file}, {status}").format(file=os.path.basename(row.path), status=status_text(row.status))
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and column == 0:
            return tr("%Ln face(s), in {folder}", None, row.faces).format(folder=os.path.dirname(row.path))
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return self._thumb(row)
        if role == Qt.ItemDataRole.UserRole:
            return row.photo_id
        return None

    def _thumb(self, row: MissingRow) -> QIcon:
        icon = self._icons.get(row.photo_id)
        if icon is not None:
            return icon
        key = ThumbKey("photo", row.sha256, None, row.path) if row.sha256 else None
        pixmap = self.ctx.thumbs.get(key) if key is not None else None
        if pixmap is not None:
            icon = self._icons[row.photo_id] = QIcon(_square(pixmap))
            return icon
        if key is not None and not self.ctx.thumbs.failed(key):
            self._waiting.setdefault(key.cache_id, set()).add(row.photo_id)
        return self._placeholder_icon()

    def _placeholder_icon(self) -> QIcon:
        """The square shown until a thumbnail is there, drawn again when the light or dark palette changes."""
        palette = style.colors()
        if self._placeholder is None or self._placeholder[0] is not palette:
            self._placeholder = (palette, QIcon(_square(None)))
        return self._placeholder[1]

    def _thumb_ready(self, key: ThumbKey) -> None:
        for photo_id in self._waiting.pop(key.cache_id, set()):
            row = self._row_of.get(photo_id)
            if row is not None:
                index = self.index(row, 0)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


class MissingPage(QWidget):
    locateRequested = Signal(str)  # a folder to start the folder picker in
    status = Signal(str)

    def __init__(self, ctx: LibraryContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loaded = False
        self.confirm_box: QMessageBox | None = None  # the removal being confirmed, if any
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = PageHeader(tr("Missing photos"))
        self.locate_button = QPushButton(icons.icon("import", "text", 16), tr("Locate…"))
        self.locate_button.setToolTip(tr("Choose the folder the missing photos are in now: they are found there by"
                                         " their content, with their faces and people"))
        self.locate_button.clicked.connect(lambda _checked=False: self.locate())
        self.remove_button = QPushButton(tr("Remove from Library"))
        self.remove_button.setToolTip(tr("Take the selected photos and their faces out of the library; the files"
                                         " are not touched"))
        self.remove_button.clicked.connect(lambda _checked=False: self.remove_selected())
        for button in (self.locate_button, self.remove_button):
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            self.header.add_tool(button)
        layout.addWidget(self.header)
        intro = QLabel(tr(INTRO), objectName="Muted")
        intro.setWordWrap(True)
        intro.setContentsMargins(24, 0, 24, 10)
        layout.addWidget(intro)
        self.model = MissingModel(ctx, self)
        self.table = QTreeView()
        self.table.setModel(self.model)
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setIconSize(QSize(THUMB, THUMB))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.setAccessibleName(tr("Missing photos"))
        self.table.setAccessibleDescription(tr(INTRO))
        self.empty = EmptyState("missing", tr("Nothing is missing"),
                                tr("Every photo in the library is where Beetroot found it."))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self._update_buttons()

    @property
    def rows(self) -> list[MissingRow]:
        return self.model.rows

    def texts(self, row: int) -> list[str]:
        """What a row shows, column by column."""
        return [str(self.model.data(self.model.index(row, c))) for c in range(self.model.columnCount())]

    # -- loading ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.ctx.read(load_missing, self._show)

    def _show(self, rows: list[MissingRow]) -> None:
        chosen = set(self.selected_ids())
        self.model.set_rows(rows)
        self.loaded = True
        self.select([r.photo_id for r in rows if r.photo_id in chosen])
        metrics = self.table.fontMetrics()
        widest = max((metrics.horizontalAdvance(os.path.basename(r.path)) for r in rows[:500]), default=80)
        self.table.setColumnWidth(0, min(THUMB + widest + 24, 300))
        self.table.setColumnWidth(1, max(metrics.horizontalAdvance(status_text(s)) for s in STATUS) + 24)
        folders = max((metrics.horizontalAdvance(os.path.dirname(r.path)) for r in rows[:500]), default=80)
        self.table.setColumnWidth(2, min(folders + 16, 380))
        missing = sum(r.status == "missing" for r in rows)
        offline = len(rows) - missing
        self.header.subtitle.setText(" · ".join(
            [*([tr("%Ln photo(s) missing", None, missing)] if missing else []),
             *([tr("%Ln photo(s) offline", None, offline)] if offline else [])]))
        self.stack.setCurrentWidget(self.table if rows else self.empty)
        self._update_buttons()

    # -- actions ---------------------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.rows[r].photo_id for r in rows if r < len(self.rows)]

    def select(self, photo_ids: list[int]) -> None:
        """Select these photos' rows (and nothing else)."""
        selection = QItemSelection()
        for photo_id in photo_ids:
            row = self.model.row_of(photo_id)
            if row is not None:
                selection.select(self.model.index(row, 0), self.model.index(row, self.model.columnCount() - 1))
        self.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _update_buttons(self) -> None:
        chosen = len(self.selected_ids())
        self.remove_button.setEnabled(chosen > 0)
        self.remove_button.setText(tr("Remove %Ln Photo(s) from Library", None, chosen) if chosen > 1
                                   else tr("Remove from Library"))
        self.locate_button.setEnabled(any(r.status == "missing" for r in self.rows) or not self.loaded)

    def locate(self) -> None:
        """Ask the window for a folder to import, starting near where the first chosen photo was."""
        chosen = set(self.selected_ids())
        rows = [r for r in self.rows if r.photo_id in chosen] or self.rows
        start = os.path.dirname(rows[0].path) if rows else os.path.expanduser("~")
        while start and not os.path.isdir(start) and os.path.dirname(start) != start:
            start = os.path.dirname(start)
        self.locateRequested.emit(start)

    def remove_selected(self) -> QMessageBox | None:
        """Confirm, then take the selected photos out of the library (the confirmation opens without blocking)."""
        ids = self.selected_ids()
        if not ids:
            self.status.emit(tr("Select the photos to remove first"))
            return None
        faces = sum(r.faces for r in self.rows if r.photo_id in set(ids))
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("Remove from Library"))
        box.setText(tr("Remove %Ln photo(s) and its(their) {faces} from the library?", None, len(ids)).format(
            faces=tr("%Ln face(s)", None, faces)))
        box.setInformativeText(tr("The photo files are not touched: nothing is deleted from your disk. People left"
                                  " with no photos go too. Importing the photos again brings them back."))
        box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Ok).setText(tr("Remove from Library"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        open_tracked(self, "confirm_box", box, lambda: ops.remove_photos(self.ctx, ids, self.status.emit))
        return box


def status_text(status: str) -> str:
    """"Missing" or "Offline", in the window's language."""
    return tr(STATUS[status]) if status in STATUS else status.capitalize()


def _square(pixmap: Any) -> Any:
    """The thumbnail cropped to a square (a placeholder when there is none)."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter, QPixmap

    from .delegates import draw_cover

    result = QPixmap(THUMB, THUMB)
    result.fill(Qt.GlobalColor.transparent)
    painter = QPainter(result)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    draw_cover(painter, QRectF(0, 0, THUMB, THUMB), pixmap, circle=False, radius=6)
    painter.end()
    return result
