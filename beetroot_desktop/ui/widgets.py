"""Reusable widgets: the tile grid, empty states, message banners, page headers."""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QEventLoop, QModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from . import icons
from .i18n import tr


class GridView(QListView):
    """A list view in icon mode: even spacing that follows the window width, lazy painting.

    Enter opens the current item, and so does a double-click; with `open_on_click` (photo grids, where
    selecting has no use) a plain click opens it too. The Menu key (and Shift+F10) opens the current item's
    context menu where the grid has one. Files dragged in from outside are not the grid's business: the
    event is left to the main window, which imports them.
    """

    openRequested = Signal(QModelIndex)

    def __init__(self, tile: QSize, parent: QWidget | None = None, *, open_on_click: bool = False) -> None:
        super().__init__(parent)
        self.tile = tile
        self.open_on_click = open_on_click
        self._pressed: tuple[QModelIndex, QPoint] | None = None
        self.setObjectName("Grid")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setUniformItemSizes(True)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(200)
        self.setSpacing(0)
        self.setMouseTracking(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        self.setGridSize(tile)
        self.setContentsMargins(12, 12, 12, 12)
        self.setViewportMargins(12, 12, 12, 0)
        self.activated.connect(self.openRequested.emit)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._fit_grid()
        return super().viewportEvent(event)

    def _fit_grid(self) -> None:
        """Spread the columns over the full width instead of leaving a ragged gap on the right.

        QListView lays items out in the largest viewport (as if no scroll bar were shown) minus room
        for a vertical scroll bar when the bar is "as needed"; the same width is used here.
        """
        width = self.maximumViewportSize().width() - self.verticalScrollBar().sizeHint().width() - 4
        columns = max(1, width // self.tile.width())
        cell = max(self.tile.width(), width // columns)
        if self.gridSize().width() != cell:
            self.setGridSize(QSize(cell, self.tile.height()))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and event.button() == Qt.MouseButton.LeftButton:
            if not self.double_click(index, event):
                self.openRequested.emit(index)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def double_click(self, index: QModelIndex, event: QMouseEvent) -> bool:
        """Handle a double-click specially (return True), or let it open the item."""
        return False

    # -- the context menu from the keyboard ----------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        # The Menu key: Qt places a keyboard context menu at the current item in the view's coordinates,
        # while the pages read the position as the viewport's (as a right-click gives it).
        if event.type() == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent) \
                and event.reason() == QContextMenuEvent.Reason.Keyboard \
                and self.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu:
            self.menu_for_current()
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Shift+F10 is the context menu key where the system does not make it one itself (Windows does).
        if event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier \
                and sys.platform != "win32" and self.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu:
            self.menu_for_current()
            event.accept()
            return
        super().keyPressEvent(event)

    def menu_for_current(self) -> bool:
        """Ask for the context menu of the current item (the first one when none is current), as a
        right-click on it would; False when the grid is empty."""
        model = self.model()
        if model is None or model.rowCount() == 0:
            return False
        index = self.currentIndex()
        if not index.isValid():
            index = model.index(0, 0)
        if not self.selectionModel().isSelected(index):
            self.setCurrentIndex(index)
        self.scrollTo(index)
        self.customContextMenuRequested.emit(self.visualRect(index).center())
        return True

    # -- a click opens (photo grids) -------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        plain = event.button() == Qt.MouseButton.LeftButton and event.modifiers() == Qt.KeyboardModifier.NoModifier
        pos = event.position().toPoint()
        self._pressed = (self.indexAt(pos), pos) if self.open_on_click and plain else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pressed, self._pressed = self._pressed, None
        if pressed is None or event.button() != Qt.MouseButton.LeftButton:
            return
        index, start = pressed
        pos = event.position().toPoint()
        moved = (pos - start).manhattanLength() >= QApplication.startDragDistance()
        if index.isValid() and not moved and self.indexAt(pos) == index:
            self.openRequested.emit(index)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if self.open_on_click:
            over = self.indexAt(event.position().toPoint()).isValid()
            self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)

    # -- external files pass through to the main window ---------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.ignore()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasUrls():
            event.ignore()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if event.mimeData().hasUrls():
            event.ignore()
            return
        super().dropEvent(event)

    def selected_ids(self) -> list[object]:
        from .models import IdRole, role

        rows = sorted(self.selectionModel().selectedIndexes(), key=lambda i: i.row())
        return [role(i, IdRole) for i in rows]


TEXT_WIDTH = 520


class EmptyState(QWidget):
    """A friendly centred message for a view with nothing in it yet."""

    actionTriggered = Signal()

    def __init__(self, icon_name: str, title: str, text: str, action: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(3)
        self.icon = icons.IconLabel(icon_name, "accent", 72)
        self.title = QLabel(title, objectName="EmptyTitle", alignment=Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel(text, objectName="EmptyText", alignment=Qt.AlignmentFlag.AlignCenter)
        self.text.setWordWrap(True)
        self.text.setFixedWidth(TEXT_WIDTH)  # a fixed width lets the layout give wrapped text its height
        layout.addWidget(self.icon)
        layout.addSpacing(8)
        layout.addWidget(self.title)
        layout.addSpacing(4)
        layout.addWidget(self.text, 0, Qt.AlignmentFlag.AlignHCenter)
        self._fit_text()
        self.button: QPushButton | None = None
        if action:
            self.button = QPushButton(action, objectName="Primary")
            self.button.setCursor(Qt.CursorShape.PointingHandCursor)
            self.button.clicked.connect(self.actionTriggered.emit)
            layout.addSpacing(12)
            layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(4)

    def _fit_text(self) -> None:
        self.text.setFixedHeight(max(0, self.text.heightForWidth(TEXT_WIDTH)))

    def set_text(self, title: str, text: str, *, show_action: bool = True) -> None:
        self.title.setText(title)
        self.text.setText(text)
        self._fit_text()
        if self.button is not None:
            self.button.setVisible(show_action)


class GridWithEmptyState(QStackedWidget):
    """Shows the grid when its model has rows (once it has loaded), the empty state otherwise."""

    def __init__(self, grid: GridView, empty: EmptyState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid, self.empty = grid, empty
        self.addWidget(grid)
        self.addWidget(empty)
        self._model_connected = False

    def watch(self) -> None:
        model = self.grid.model()
        for sig in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.layoutChanged):
            sig.connect(self.update_state)
        if hasattr(model, "refreshed"):
            model.refreshed.connect(self.update_state)
        self.update_state()

    def update_state(self, *args: object) -> None:
        model = self.grid.model()
        loaded = getattr(model, "loaded", True)
        empty = loaded and model.rowCount() == 0
        self.setCurrentWidget(self.empty if empty else self.grid)


class Banner(QFrame):
    """A dismissible message strip at the top of the window (errors, failures, notices)."""

    dismissed = Signal()
    actionTriggered = Signal()

    def __init__(self, kind: str = "info", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Banner")
        self.setProperty("kind", kind)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        self.label = QLabel(wordWrap=True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.label, 1)
        self.action = QPushButton()
        self.action.hide()
        self.action.clicked.connect(self.actionTriggered.emit)
        layout.addWidget(self.action)
        close = QToolButton()
        close.setIcon(icons.icon("cancel", "muted", 16))
        close.setToolTip(tr("Dismiss"))
        close.setAccessibleName(tr("Dismiss"))
        close.clicked.connect(self.dismiss)
        layout.addWidget(close)
        self.hide()

    def show_message(self, text: str, kind: str | None = None, action: str | None = None) -> None:
        if kind is not None and kind != self.property("kind"):
            self.setProperty("kind", kind)
            self.style().unpolish(self)
            self.style().polish(self)
        self.label.setText(text)
        self.action.setVisible(bool(action))
        if action:
            self.action.setText(action)
        self.show()

    def dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()


class ElidedLabel(QLabel):
    """One line of text that ends in "…" when the label is narrower than it (a long name in a narrow
    window); `text()` is still the whole text."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.fontMetrics().horizontalAdvance("Mmm…")), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        if shown == self.text():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        self.style().drawItemText(painter, rect, int(self.alignment()), self.palette(), self.isEnabled(), shown,
                                  self.foregroundRole())
        painter.end()


class PageHeader(QWidget):
    """Title, a muted subtitle, and tools on the right; below the title when the page is too narrow for
    both on one line (a window a few hundred pixels wide), so that no tool is ever cut off."""

    SPACING = 16  # between the title and the tools, and the margin a wrapped row keeps

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QGridLayout(self)
        self.layout_.setContentsMargins(24, 18, 24, 10)
        self.layout_.setHorizontalSpacing(self.SPACING)
        self.layout_.setVerticalSpacing(10)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        self.title = ElidedLabel(title, objectName="PageTitle")
        self.subtitle = ElidedLabel("", objectName="PageSubtitle")
        texts.addWidget(self.title)
        texts.addWidget(self.subtitle)
        self.texts = texts
        self.layout_.addLayout(texts, 0, 0)
        self.tools = QWidget()
        self.tools_row = QHBoxLayout(self.tools)
        self.tools_row.setContentsMargins(0, 0, 0, 0)
        self.tools_row.setSpacing(8)
        self.tools_row.addStretch(1)  # on the title's line the tools keep to the right,
        self.tools_row.addStretch(0)  # on a line of their own to the left, under the title
        self.wrapped = False
        self._place_tools()

    def add_tool(self, widget: QWidget, stretch: int = 0) -> None:
        """Add a tool on the right; one with `stretch` grows up to its maximum width when there is room."""
        self.tools_row.insertWidget(self.tools_row.count() - 1, widget, stretch, Qt.AlignmentFlag.AlignVCenter)
        self._place_tools()

    def _needs_wrap(self, width: int) -> bool:
        margins = self.layout_.contentsMargins()
        title = self.texts.sizeHint().width()
        return margins.left() + title + self.SPACING + self.tools.sizeHint().width() + margins.right() > width

    def _place_tools(self) -> None:
        wrap = self._needs_wrap(self.width())
        if wrap == self.wrapped and self.layout_.indexOf(self.tools) >= 0:
            return
        self.wrapped = wrap
        self.tools_row.setStretch(0, 0 if wrap else 1)
        self.tools_row.setStretch(self.tools_row.count() - 1, 1 if wrap else 0)
        self.layout_.removeWidget(self.tools)
        if wrap:
            self.layout_.addWidget(self.tools, 1, 0, 1, 2)
            self.layout_.setColumnStretch(1, 0)
        else:
            self.layout_.addWidget(self.tools, 0, 1, Qt.AlignmentFlag.AlignVCenter)
            self.layout_.setColumnStretch(1, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_tools()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # a tool was shown, hidden or changed its text
            self._place_tools()
        return super().event(event)


def exec_menu(menu: QMenu, at: QPoint, keys_to: QWidget) -> None:
    """Show a context menu at `at` (global) until it closes; then `keys_to` has the keys again when nothing
    else took them (a dialog a command opened does): without a window manager (offscreen, some kiosks) the
    closed menu leaves the window inactive and no widget with the focus."""
    menu.exec(at)
    if QApplication.focusWidget() is None and QApplication.activeModalWidget() is None and keys_to.isVisible():
        keys_to.window().activateWindow()
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)  # activated now
        keys_to.setFocus(Qt.FocusReason.PopupFocusReason)


def round_pixmap(source: QPixmap | None, size: int) -> QPixmap:
    """A round avatar for headers, from a face thumbnail (placeholder when missing)."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QGuiApplication, QPainter

    from .delegates import draw_cover

    app = QGuiApplication.instance()
    ratio = max(1.0, app.devicePixelRatio()) if isinstance(app, QGuiApplication) else 1.0  # sharp on high DPI
    result = QPixmap(round(size * ratio), round(size * ratio))
    result.setDevicePixelRatio(ratio)
    result.fill(Qt.GlobalColor.transparent)
    painter = QPainter(result)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    draw_cover(painter, QRectF(0, 0, size, size), source, circle=True)
    painter.end()
    return result
