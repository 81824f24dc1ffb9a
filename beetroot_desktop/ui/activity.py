"""The Activity view: the upstream Match / NoMatch lines as they happen, newest at the bottom, bounded."""

from __future__ import annotations

import time
from collections import deque
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFontDatabase
from PySide6.QtWidgets import QAbstractItemView, QListView, QPushButton, QVBoxLayout, QWidget

from . import style
from .widgets import PageHeader

MAX_LINES = 5000
COLORS = {
    "match": style.LEAF,
    "nomatch": style.ACCENT,
    "warning": "#a15c00",
    "error": style.DANGER,
    "info": style.TEXT,
}

Index = QModelIndex | QPersistentModelIndex


class ActivityModel(QAbstractListModel):
    def __init__(self, parent: Any = None, max_lines: int = MAX_LINES) -> None:
        super().__init__(parent)
        self.max_lines = max_lines
        self._lines: deque[tuple[str, str, str, float]] = deque()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def add(self, lines: list[tuple[str, str, str]]) -> None:
        if not lines:
            return
        now = time.time()
        lines = lines[-self.max_lines:]
        overflow = len(self._lines) + len(lines) - self.max_lines
        if overflow > 0:
            self.beginRemoveRows(QModelIndex(), 0, overflow - 1)
            for _ in range(overflow):
                self._lines.popleft()
            self.endRemoveRows()
        start = len(self._lines)
        self.beginInsertRows(QModelIndex(), start, start + len(lines) - 1)
        self._lines.extend((kind, text, tip, now) for kind, text, tip in lines)
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self._lines.clear()
        self.endResetModel()

    def texts(self) -> list[str]:
        return [line[1] for line in self._lines]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        kind, text, tip, at = self._lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{time.strftime('%H:%M:%S', time.localtime(at))}  {text}"
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(COLORS.get(kind, style.TEXT)))
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip or None
        return None


class ActivityPage(QWidget):
    def __init__(self, model: ActivityModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = PageHeader("Activity")
        self.header.subtitle.setText("Every face decision of this session, as the engine made it")
        clear = QPushButton("Clear")
        clear.clicked.connect(model.clear)
        self.header.add_tool(clear)
        layout.addWidget(self.header)
        self.view = QListView(objectName="Activity")
        self.view.setModel(model)
        self.view.setUniformItemSizes(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.view.setViewportMargins(16, 8, 16, 8)
        layout.addWidget(self.view, 1)
        model.rowsInserted.connect(self._follow)

    def _follow(self, *args: object) -> None:
        """Stay at the bottom while the user is there; leave them alone when they scrolled up."""
        bar = self.view.verticalScrollBar()
        if bar.value() >= bar.maximum() - 40:
            QTimer.singleShot(0, self.view.scrollToBottom)
