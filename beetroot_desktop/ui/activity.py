"""The Activity view: the upstream Match / NoMatch lines as they happen, newest at the bottom, bounded."""

from __future__ import annotations

import time
from collections import deque
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QFontDatabase
from PySide6.QtWidgets import QAbstractItemView, QListView, QPushButton, QVBoxLayout, QWidget

from . import style
from .i18n import QT_TR_NOOP, tr
from .widgets import PageHeader

MAX_LINES = 5000
COLORS = {
    "match": "leaf",
    "nomatch": "accent",
    "warning": "warning",
    "error": "danger",
    "info": "text",
}

# What a screen reader says a line is, by its kind.
KINDS = {
    "match": QT_TR_NOOP("Match"),
    "nomatch": QT_TR_NOOP("No match"),
    "warning": QT_TR_NOOP("Warning"),
    "error": QT_TR_NOOP("Error"),
    "info": QT_TR_NOOP("Information"),
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
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return text
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            kind_name = tr(KINDS.get(kind, KINDS["info"]))
            return tr("{kind}, at {time}").format(kind=kind_name, time=time.strftime("%H:%M:%S", time.localtime(at)))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(style.colors().q(COLORS.get(kind, "text")))
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip or None
        return None


class ActivityPage(QWidget):
    def __init__(self, model: ActivityModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = PageHeader(tr("Activity"))
        self.header.subtitle.setText(tr("Every face decision of this session, as the engine made it"))
        clear = QPushButton(tr("Clear"))
        clear.setAccessibleDescription(tr("Empties the Activity list"))
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
        self.view.setAccessibleName(tr("Activity"))
        self.view.setAccessibleDescription(tr("Every face decision of this session, as the engine made it"))
        layout.addWidget(self.view, 1)
        model.rowsInserted.connect(self._follow)

    def _follow(self, *args: object) -> None:
        """Stay at the bottom while the user is there; leave them alone when they scrolled up."""
        bar = self.view.verticalScrollBar()
        if bar.value() >= bar.maximum() - 40:
            QTimer.singleShot(0, self.view.scrollToBottom)
