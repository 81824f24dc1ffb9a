"""Helpers for the desktop app's tests: a window on a library, drops, waiting for imports."""

from __future__ import annotations

import contextlib
import os
import warnings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import beetroot_desktop.ui  # noqa: F401  (applies the PySide6 reference guard before Qt is used)
from beetroot_desktop.config import Settings
from beetroot_desktop.library import Library
from beetroot_desktop.ui.main_window import MainWindow

IMPORT_TIMEOUT_MS = 180_000


def open_window(qtbot: Any, library_dir: Path, settings: Settings | None = None) -> MainWindow:
    """A shown main window on `library_dir` with its People grid loaded."""
    settings = settings or Settings(workers=2)
    window = MainWindow(settings, Path(library_dir))
    qtbot.addWidget(window)
    window.resize(1100, 760)
    window.show()
    assert window.open_library()
    qtbot.waitUntil(lambda: window.people_page.model.loaded, timeout=10_000)
    return window


def drop_files(window: MainWindow, paths: list[Path]) -> bool:
    """Drag `paths` over the window and drop them, as a file manager would. Returns whether it was taken."""
    from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    target = window.people_page.grid.viewport()  # over the grid: the drop must still reach the window
    pos = QPoint(40, 40)
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction | Qt.DropAction.LinkAction
    with warnings.catch_warnings():  # Qt 6 keeps only the QPoint constructor, which PySide marks deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(pos, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(QPointF(pos), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, drop)
    return drop.isAccepted()


def expected_photo_counts(labels: dict[str, list[str]], folders: tuple[str, ...]) -> list[int]:
    """Photos per labelled person among the files under `folders`, largest first (duplicates count once)."""
    counts: Counter[str] = Counter()
    for rel, people in labels.items():
        if rel.startswith(folders) and rel != "misc/obama_copy.jpg":  # a byte-identical copy: a duplicate
            for person in set(people):
                counts[person] += 1
    return sorted(counts.values(), reverse=True)


def grid_counts(window: MainWindow) -> list[int]:
    model = window.people_page.model
    return sorted((model.extra(pid).photos for pid in model.ids()), reverse=True)


def person_of(lib: Library, photos_dir: Path, rel: str) -> str:
    """The person of the single face in the photo `rel`."""
    row = lib.photo_by_path(str(photos_dir / rel))
    assert row is not None, rel
    faces = lib.faces_of_photo(row.id)
    assert len(faces) == 1 and faces[0]["person_id"], rel
    return lib.resolve_person(str(faces[0]["person_id"]))


def face_in(lib: Library, photos_dir: Path, rel: str) -> int:
    """The id of the (first) face in the photo `rel`."""
    photo = lib.photo_by_path(str(photos_dir / rel))
    assert photo is not None, rel
    return int(lib.faces_of_photo(photo.id)[0]["id"])


class ScriptedDrag:
    """The window system's part of a drag, for the offscreen platform.

    Offscreen Qt has no drag and drop: its QDrag.exec() returns at once, with no drop. Installed over
    QDrag.exec, this does what a desktop does once the view starts a drag: the dragged data enters the
    view at the first point of `route`, moves through the others and is dropped at the last one, each as
    a real drag event delivered to the view's viewport. Everything before (the mouse press and moves that
    make the view start the drag) and after (the view's drop handling) is the app's own code.
    """

    def __init__(self, viewport: Any, route: list[Any]) -> None:
        self.viewport = viewport
        self.route = route
        self.started: list[list[str]] = []  # the person ids each drag carried
        self.accepted: list[bool] = []  # whether the view would take a drop at each point of the route
        self.result: Any = None

    def install(self, monkeypatch: Any) -> ScriptedDrag:
        from PySide6.QtGui import QDrag

        monkeypatch.setattr(QDrag, "exec", lambda drag, *args: self.exec(drag, *args))
        return self

    def exec(self, drag: Any, supported: Any = None, default: Any = None) -> Any:
        from PySide6.QtCore import QPointF, Qt
        from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
        from PySide6.QtWidgets import QApplication

        from beetroot_desktop.ui.people_model import PERSON_MIME

        mime = drag.mimeData()
        self.started.append(bytes(mime.data(PERSON_MIME).data()).decode().split("\n"))
        actions = supported or Qt.DropAction.MoveAction
        button, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        with warnings.catch_warnings():  # PySide marks the QPoint constructors deprecated
            warnings.simplefilter("ignore", DeprecationWarning)
            enter = QDragEnterEvent(self.route[0], actions, mime, button, none)
            QApplication.sendEvent(self.viewport, enter)
            if not enter.isAccepted():
                self.result = Qt.DropAction.IgnoreAction
                return self.result
            for point in self.route:
                move = QDragMoveEvent(point, actions, mime, button, none)
                QApplication.sendEvent(self.viewport, move)
                self.accepted.append(move.isAccepted())
        if not self.accepted[-1]:
            QApplication.sendEvent(self.viewport, QDragLeaveEvent())
            self.result = Qt.DropAction.IgnoreAction
            return self.result
        drop = QDropEvent(QPointF(self.route[-1]), actions, mime, button, none)
        QApplication.sendEvent(self.viewport, drop)
        self.result = drop.dropAction() if drop.isAccepted() else Qt.DropAction.IgnoreAction
        return self.result


@contextlib.contextmanager
def restored_look() -> Iterator[Any]:
    """The application, its look (style, palette, font, stylesheet, scheme) put back as it was afterwards:
    every test shares the one application."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from beetroot_desktop.ui import style

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    saved = (app.styleSheet(), QPalette(app.palette()), app.font(), app.style().name(), style._state.appearance,
             style._state.active)
    try:
        yield app
    finally:
        sheet, palette, font, name, appearance, active = saved
        style._state.appearance, style._state.active = appearance, active
        app.setStyle(name)
        app.setPalette(palette)
        app.setFont(font)
        app.setStyleSheet(sheet)
        hints = app.styleHints()
        if hasattr(hints, "unsetColorScheme"):
            hints.unsetColorScheme()
