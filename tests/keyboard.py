"""Driving the window with the keyboard only, as a user without a mouse does: every key goes to the widget that
has the focus (the window's shortcuts see it first, as on a desktop); nothing is clicked, no method is called
to act. Reading the state to check it is fine.

Used by tests/test_ui_keys.py (a synthetic library, no dlib) and tests/integration/test_keyboard_only.py.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QFileDialog, QWidget

NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
MAX_TABS = 40  # Tab presses that must reach any control of a page


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def receiver() -> QWidget:
    """Where a key goes now: the open popup menu, else the widget with the focus, else the active window."""
    target = QApplication.activePopupWidget() or QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None, "no widget takes the keys: nothing has the focus and no window is active"
    return target


def press(qtbot: Any, key: Qt.Key, modifier: Qt.KeyboardModifier = NO, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(receiver(), key, modifier)


def type_text(qtbot: Any, text: str) -> None:
    qtbot.keyClicks(receiver(), text)


def activate(qtbot: Any, window: QWidget) -> None:
    """The window in front with the keys (what a window manager does when it appears; offscreen has none)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)


def in_front(qtbot: Any, dialog: QWidget | None) -> QWidget:
    """`dialog` is the active window and one of its widgets has the keys."""
    assert dialog is not None, "no dialog opened"
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog and focused() is not None, timeout=5000)
    return dialog


def tab_to(qtbot: Any, wanted: Callable[[QWidget | None], bool], *, backwards: bool = False,
           limit: int = MAX_TABS) -> list[str]:
    """Press Tab (Shift+Tab) until `wanted(focus widget)`; the widgets passed on the way (for messages).
    Fails when the widget is not reached in `limit` presses: it is not in the tab order."""
    passed: list[str] = []
    for _ in range(limit):
        if wanted(focused()):
            return passed
        passed.append(describe(focused()))
        press(qtbot, Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab, SHIFT if backwards else NO)
    assert wanted(focused()), f"not reached with {'Shift+' if backwards else ''}Tab; passed {passed}"
    return passed


def tab_cycle(qtbot: Any, limit: int = MAX_TABS) -> list[QWidget]:
    """The widgets Tab goes through, from the one with the focus until it comes back to it (the tab order)."""
    start = focused()
    assert start is not None, "nothing has the focus"
    seen: list[QWidget] = [start]
    for _ in range(limit):
        press(qtbot, Qt.Key.Key_Tab)
        if focused() is start:
            return seen
        seen.append(focused())  # type: ignore[arg-type]
    raise AssertionError(f"Tab does not come back to {describe(start)}: {[describe(w) for w in seen]}")


def in_order(cycle: list[QWidget], wanted: list[QWidget]) -> bool:
    """Whether `wanted` come in this order in the tab order `cycle` (a ring: it is read from `wanted[0]`;
    others may come between)."""
    if not wanted or wanted[0] not in cycle:
        return False
    at = cycle.index(wanted[0])
    cycle = cycle[at:] + cycle[:at]
    positions = [cycle.index(w) if w in cycle else -1 for w in wanted]
    return -1 not in positions and positions == sorted(positions)


def describe(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    name = widget.objectName() or widget.accessibleName() or getattr(widget, "text", lambda: "")()
    return f"{type(widget).__name__}({name!r})"


def is_in(ancestor: QWidget) -> Callable[[QWidget | None], bool]:
    """`ancestor` or a widget inside it has the focus."""
    return lambda w: w is not None and (w is ancestor or ancestor.isAncestorOf(w))


def go_to(qtbot: Any, view: QAbstractItemView, index: QModelIndex, *, extend: bool = False) -> None:
    """Move the current item of a grid (with the focus) to `index` with the arrows only, from the first item
    (Home): Down to its row, Right to its column, as the user looks at the tiles. With `extend`, Shift held
    (the tiles passed are selected too)."""
    assert index.isValid()
    assert focused() is view, f"the grid does not have the focus: {describe(focused())}"
    press(qtbot, Qt.Key.Key_Home)
    target = view.visualRect(index)
    modifier = SHIFT if extend else NO
    for _ in range(view.model().rowCount()):
        here = view.visualRect(view.currentIndex())
        if here.top() >= target.top():
            break
        press(qtbot, Qt.Key.Key_Down, modifier)
    for _ in range(view.model().rowCount()):
        if view.currentIndex() == index:
            break
        press(qtbot, Qt.Key.Key_Right if view.visualRect(view.currentIndex()).left() < target.left()
              else Qt.Key.Key_Left, modifier)
    assert view.currentIndex() == index, "the arrows do not reach that tile"


class FileDialogByKeys:
    """Answer the next file dialog with the keys: type `path` into the field that has the focus, press Enter.

    A file dialog's `exec()` runs its own event loop until it closes, so the answer is scheduled before the
    key that opens it. The dialog must be Qt's own (QFileDialog), not the desktop's: the tests set
    Qt.AA_DontUseNativeDialogs (the offscreen platform has no native dialogs anyway).
    """

    def __init__(self, qtbot: Any, path: str, *, timeout_ms: int = 10_000) -> None:
        self.qtbot = qtbot
        self.path = path
        self.tries = timeout_ms // 20
        self.title = ""  # the dialog's title, once it was answered
        self.field: str = ""
        self.problem: str | None = None
        QTimer.singleShot(0, self._answer)

    def _answer(self) -> None:
        dialog = QApplication.activeModalWidget()
        ready = isinstance(dialog, QFileDialog) and QApplication.activeWindow() is dialog and focused() is not None
        if not ready:
            self.tries -= 1
            if self.tries > 0:
                QTimer.singleShot(20, self._answer)
                return
            self.problem = f"no file dialog took the keys (modal: {describe(dialog)}, focus: {describe(focused())})"
            if isinstance(dialog, QFileDialog):
                dialog.reject()  # the test fails, but does not hang in the dialog's loop
            return
        assert isinstance(dialog, QFileDialog)
        self.title = dialog.windowTitle()
        self.field = describe(focused())
        press(self.qtbot, Qt.Key.Key_A, CTRL)  # whatever the field holds is replaced
        type_text(self.qtbot, self.path)
        press(self.qtbot, Qt.Key.Key_Return)
        if QApplication.activeModalWidget() is dialog:
            self.problem = f"Enter did not close the file dialog (focus: {describe(focused())})"
            dialog.reject()
