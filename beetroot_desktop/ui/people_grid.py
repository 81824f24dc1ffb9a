"""The People grid's view: person tiles that rename in place, open, and merge when dragged onto each other."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, QRectF, Qt
from PySide6.QtGui import (
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
from PySide6.QtWidgets import QAbstractItemView, QWidget

from . import style
from .delegates import PersonDelegate
from .i18n import tr
from .models import IdRole, role
from .people_model import PERSON_MIME, PeopleModel
from .widgets import GridView, round_pixmap

DRAG_AVATAR = 72  # the face that follows the pointer while a person is dragged


class PeopleGridView(GridView):
    """People tiles: double-click the name to rename, anywhere else to open; drag a tile onto another
    to merge them (the page asks first, as Ctrl+M does).

    From the keyboard: the arrow keys move (Shift or Ctrl with them and Ctrl+Space choose several), Enter
    opens the current person, F2 renames them, the Menu key or Shift+F10 shows their menu (GridView), and
    Ctrl+M merges the chosen people as a drag would."""

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
        self.setAccessibleName(tr("People"))
        self.setAccessibleDescription(
            tr("Arrow keys move between people, Enter opens a person, F2 renames, the Menu key shows more;"
               " Ctrl+M merges the selected people") if merge_by_drag
            else tr("Arrow keys move between people, Enter chooses one"))

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
        painter.setPen(QPen(style.colors().q("drag_ring"), 3))
        painter.setBrush(style.colors().q("drag_ring"))
        painter.drawEllipse(QRectF(0.5, 0.5, DRAG_AVATAR + 3, DRAG_AVATAR + 3))
        cover = role(index, Qt.ItemDataRole.DecorationRole)
        painter.drawPixmap(2, 2, round_pixmap(cover if isinstance(cover, QPixmap) else None, DRAG_AVATAR))
        if count > 1:
            painter.setOpacity(1.0)
            badge = QRectF(size - 30, 0, 30, 22)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.colors().q("accent_fill"))
            painter.drawRoundedRect(badge, 11, 11)
            painter.setPen(style.colors().q("on_accent"))
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
        painter.setPen(QPen(style.colors().q("accent"), 3))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(self.visualRect(target)).adjusted(5.5, 5.5, -5.5, -5.5), 10, 10)
        painter.end()
