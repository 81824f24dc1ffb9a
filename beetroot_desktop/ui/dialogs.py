"""The main window's small dialogs: keyboard shortcuts, files that could not be imported, starting over
with a damaged library, About. Each opens without blocking the window and deletes itself when closed.

Every dialog of the app opens with `open_dialog`: when it closes, its window is made active again and the
keyboard focus goes back to the widget that had it, so the window's shortcuts (Ctrl+Z, Ctrl+,, Ctrl+Q)
work at once. A window manager usually does that; without one (a bare X server, Xvfb) nothing would, and
the window would take no keys until clicked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .i18n import tr


def focus_keeper(window: QWidget | None = None) -> Callable[[], None]:
    """Note which widget has the keyboard focus now; the function returned makes its window (or `window`)
    active again and gives that widget the focus back (call it when a dialog in front of it has closed)."""
    import shiboken6

    previous = QApplication.focusWidget()
    if window is None:
        window = previous.window() if previous is not None else QApplication.activeWindow()
    window = window.window() if window is not None else None

    def give_back() -> None:
        if window is None or not shiboken6.isValid(window) or not window.isVisible():
            return  # the window is closing (or was never shown): nothing to give the keys back to
        window.activateWindow()
        window.raise_()
        widget = previous if previous is not None and shiboken6.isValid(previous) else None
        if widget is not None and widget.window() is window and widget.isVisible() and widget.isEnabled():
            widget.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        elif window.focusWidget() is None:
            window.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    return give_back


def give_keys_to(page: QWidget) -> None:
    """After a page is shown again: when no visible widget has the keys (the one that had them went with the
    page left), the widget of `page` that had them last gets them back, else its first one Tab reaches."""
    focus = QApplication.focusWidget()
    if focus is not None and focus.isVisible():
        return
    last = page.focusWidget()
    if last is not None and last.isVisible() and last.isEnabled():
        last.setFocus(Qt.FocusReason.OtherFocusReason)
        return
    widget = page.nextInFocusChain()
    while widget is not None and widget is not page:
        if (page.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        widget = widget.nextInFocusChain()


def open_dialog(dialog: QDialog) -> QDialog:
    """Open `dialog` window-modal, without blocking; when it closes, the keys go back to the window."""
    back = focus_keeper(dialog.parentWidget())
    dialog.finished.connect(lambda _result: back())
    dialog.open()
    return dialog


def open_tracked(owner: object, attr: str, dialog: QDialog, on_accept: Callable[[], None]) -> QDialog:
    """Open `dialog` without blocking, kept as `owner.<attr>` while it is open (a view asks whether one is
    being chosen, tests reach it there); `on_accept` runs when it is confirmed; it is freed when it closes."""
    dialog.accepted.connect(on_accept)

    def closed(_result: int) -> None:
        if getattr(owner, attr, None) is dialog:
            setattr(owner, attr, None)
        dialog.deleteLater()

    dialog.finished.connect(closed)
    open_dialog(dialog)  # the keys come back to the window when it closes
    setattr(owner, attr, dialog)
    return dialog


def table_dialog(parent: QWidget, title: str, headers: Sequence[str], rows: Sequence[Sequence[str]], *,
                 width: int, height: int, first_column_max: int | None = None) -> QDialog:
    """A closable list of rows (with tooltips, for long paths)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    tree = QTreeWidget()
    tree.setAccessibleName(title)
    tree.setHeaderLabels(list(headers))
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    for row in rows:
        item = QTreeWidgetItem(list(row))
        for column, text in enumerate(row):
            item.setToolTip(column, text)
        tree.addTopLevelItem(item)
    tree.resizeColumnToContents(0)
    if first_column_max is not None:
        tree.setColumnWidth(0, min(tree.columnWidth(0), first_column_max))
    layout.addWidget(tree)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(width, height)
    dialog.finished.connect(dialog.deleteLater)
    return open_dialog(dialog)


def shortcuts_dialog(parent: QWidget, rows: Sequence[tuple[str, str]]) -> QDialog:
    return table_dialog(parent, tr("Keyboard shortcuts"), [tr("Keys"), tr("Does")], rows, width=640, height=520)


def failures_dialog(parent: QWidget, failures: Sequence[tuple[str, str]]) -> QDialog:
    return table_dialog(parent, tr("Files that could not be imported"), [tr("File"), tr("Reason")], failures,
                        width=780, height=420, first_column_max=430)


def start_over_box(parent: QWidget, message: str, start_over: Callable[[], None],
                   give_up: Callable[[], None]) -> QMessageBox:
    """Offer to set a damaged library aside and start a new one (or quit)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("The library cannot be opened"))
    box.setText(tr("Beetroot cannot open your library."))
    box.setInformativeText(
        tr("{error}\n\nBeetroot can start over: the damaged file is moved aside (not deleted), a new"
           " library is created, and the folders you imported before are imported again.").format(error=message))
    start = box.addButton(tr("Start Over"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(start)
    box.finished.connect(lambda _r: start_over() if box.clickedButton() is start else give_up())
    open_dialog(box)
    return box


def about(parent: QWidget) -> QMessageBox:
    from .. import __version__

    box = QMessageBox(QMessageBox.Icon.NoIcon, tr("About Beetroot"),
                      tr("<b>Beetroot {version}</b><p>Organize a photo library by the people in it."
                         "<p>Faces are found and matched on this computer by default; Amazon Rekognition is"
                         " available in Settings.").format(version=__version__), QMessageBox.StandardButton.Ok,
                      parent)
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.finished.connect(box.deleteLater)
    open_dialog(box)
    return box
