"""The main window's small dialogs: keyboard shortcuts, files that could not be imported, starting over
with a damaged library, About. Each opens without blocking the window and deletes itself when closed."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget


def table_dialog(parent: QWidget, title: str, headers: Sequence[str], rows: Sequence[Sequence[str]], *,
                 width: int, height: int, first_column_max: int | None = None) -> QDialog:
    """A closable list of rows (with tooltips, for long paths)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    tree = QTreeWidget()
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
    dialog.open()
    return dialog


def shortcuts_dialog(parent: QWidget, rows: Sequence[tuple[str, str]]) -> QDialog:
    return table_dialog(parent, "Keyboard shortcuts", ["Keys", "Does"], rows, width=640, height=520)


def failures_dialog(parent: QWidget, failures: Sequence[tuple[str, str]]) -> QDialog:
    return table_dialog(parent, "Files that could not be imported", ["File", "Reason"], failures, width=780,
                        height=420, first_column_max=430)


def start_over_box(parent: QWidget, message: str, start_over: Callable[[], None],
                   give_up: Callable[[], None]) -> QMessageBox:
    """Offer to set a damaged library aside and start a new one (or quit)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("The library cannot be opened")
    box.setText("Beetroot cannot open your library.")
    box.setInformativeText(
        f"{message}\n\nBeetroot can start over: the damaged file is moved aside (not deleted), a new"
        " library is created, and the folders you imported before are imported again.")
    start = box.addButton("Start Over", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(start)
    box.finished.connect(lambda _r: start_over() if box.clickedButton() is start else give_up())
    box.open()
    return box


def about(parent: QWidget) -> None:
    from .. import __version__

    QMessageBox.about(parent, "About Beetroot",
                      f"<b>Beetroot {__version__}</b><p>Organize a photo library by the people in it."
                      "<p>Faces are found and matched on this computer by default; Amazon Rekognition is"
                      " available in Settings.")
