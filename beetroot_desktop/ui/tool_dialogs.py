"""The small dialogs of the People and File menus' commands: who a face drawn by hand is, where to export a
person's photos, which XMP sidecars to write, and the two confirmations of what cannot be undone (forgetting
a person, deleting the cloud collection), which say exactly what goes and default to Cancel."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from .settings_pages import error_label
from .words import plural

if TYPE_CHECKING:
    from ..library import ForgetPlan
    from .context import LibraryContext


def _frame(dialog: QDialog, title: str, text: str) -> QVBoxLayout:
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(20, 18, 20, 14)
    layout.setSpacing(10)
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setMinimumWidth(440)
    layout.addWidget(label)
    dialog.text = label  # type: ignore[attr-defined]
    return layout


def _buttons(dialog: QDialog, layout: QVBoxLayout, accept: str, *, danger: bool = False) -> QPushButton:
    """Cancel and the command; a command that cannot be undone is never the default (Enter cancels)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    button = buttons.addButton(accept, QDialogButtonBox.ButtonRole.AcceptRole)
    button.setObjectName("Danger" if danger else "Primary")
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    if danger:
        button.setAutoDefault(False)
        cancel.setDefault(True)
        cancel.setFocus()
    else:
        button.setDefault(True)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addSpacing(4)
    layout.addWidget(buttons)
    return button


class FaceNameDialog(QDialog):
    """Who is the face just drawn: a person's name (completed as it is typed), or nothing to let the face
    engine match it as an import would (a new person when it matches no one)."""

    def __init__(self, ctx: LibraryContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = _frame(self, "Add face", "Who is this? Type a name, or leave it empty: Beetroot then matches"
                                          " the face with the people it knows, as an import would, and makes it"
                                          " a new person when it matches no one.")
        self.people = self._names(ctx)
        self.name = QLineEdit(placeholderText="Name (empty: let Beetroot match the face)")
        completer = QCompleter(sorted(self.people, key=str.casefold), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.name.setCompleter(completer)
        self.error = error_label()
        layout.addWidget(self.name)
        layout.addWidget(self.error)
        self.add_button = _buttons(self, layout, "Add Face")
        self.name.setFocus()

    @staticmethod
    def _names(ctx: LibraryContext) -> dict[str, str]:
        """Name -> person, for the named people (a name two people share is told apart by photo count)."""
        rows = ctx.library.conn.execute(
            "SELECT person_id, name, photo_count FROM people WHERE name IS NOT NULL AND merged_into IS NULL"
            " AND face_count > 0 ORDER BY photo_count DESC").fetchall()
        seen: dict[str, int] = {}
        for row in rows:
            seen[row[1]] = seen.get(row[1], 0) + 1
        return {(row[1] if seen[row[1]] == 1 else f"{row[1]} ({plural(row[2], 'photo')})"): str(row[0])
                for row in rows}

    def person(self) -> str | None:
        """The person typed (None: let the engine match); KeyError for a name no one has."""
        text = " ".join(self.name.text().split())
        if not text:
            return None
        found = self.people.get(text) or next((p for n, p in self.people.items() if n.casefold() == text.casefold()),
                                              None)
        if found is None:
            raise KeyError(text)
        return found

    def accept(self) -> None:
        try:
            self.person()
        except KeyError as exc:
            self.error.setText(f"No one is called “{exc.args[0]}”. Leave the name empty to let Beetroot match the"
                               " face (or make it a new person), then rename that person.")
            self.error.show()
            return
        super().accept()


class ExportPhotosDialog(QDialog):
    """Where to put a person's photos, and whether as links."""

    def __init__(self, name: str, photos: int, start: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = _frame(self, "Export photos",
                        f"Copy the {plural(photos, 'photo')} of <b>{html.escape(name)}</b> into a folder. The"
                        " originals are not touched; files already there are kept, and exporting again adds"
                        " only what is new.")
        row = QHBoxLayout()
        self.folder = QLineEdit(start)
        choose = QPushButton("Choose…")
        choose.clicked.connect(self._choose)
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        layout.addLayout(row)
        self.links = QCheckBox("Make links instead of copies (no extra room; hard links on the same drive)")
        layout.addWidget(self.links)
        self.error = error_label()
        layout.addWidget(self.error)
        self.export_button = _buttons(self, layout, "Export")

    def _choose(self) -> None:
        from .dialogs import focus_keeper

        back = focus_keeper(self)
        path = QFileDialog.getExistingDirectory(self, "Export to this folder", self.folder.text() or str(Path.home()))
        back()
        if path:
            self.folder.setText(path)

    def target(self) -> str:
        return str(Path(self.folder.text().strip()).expanduser())

    def accept(self) -> None:
        text = self.folder.text().strip()
        if not text or not Path(text).expanduser().is_absolute():
            self.error.setText("Choose a folder (its full path)")
            self.error.show()
            return
        super().accept()


class XmpExportDialog(QDialog):
    """Which sidecar name to write the names into."""

    def __init__(self, convention: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = _frame(self, "Export names to XMP",
                        "Write the name of every named face into an XMP sidecar beside its photo (face regions"
                        " and “person in image”), where digiKam, Lightroom, darktable and other photo tools"
                        " read them. Photos are never modified; what else a sidecar holds is kept.")
        self.group = QButtonGroup(self)
        self.choices: dict[str, QRadioButton] = {}
        for value, text in (("jpg.xmp", "photo.jpg.xmp (digiKam, darktable)"),
                            ("xmp", "photo.xmp (Lightroom and other Adobe tools)")):
            button = QRadioButton(text)
            self.group.addButton(button)
            self.choices[value] = button
            layout.addWidget(button)
        self.choices.get(convention, self.choices["jpg.xmp"]).setChecked(True)
        note = QLabel("Settings › General can keep the sidecars up to date as names change.", objectName="Muted")
        layout.addWidget(note)
        self.export_button = _buttons(self, layout, "Export")

    def convention(self) -> str:
        return next(value for value, button in self.choices.items() if button.isChecked())


def forget_text(plan: ForgetPlan, name: str, collection: str | None) -> str:
    """Exactly what forgetting deletes, as the confirmation says it."""
    who = html.escape(name)
    merged = len(plan.people) - 1
    items = [f"{plural(len(plan.faces), 'face')} in {plural(plan.photos, 'photo')}, with their face descriptors"
             " and face thumbnails;",
             "the person" + (f" and the name “{html.escape(plan.name)}”" if plan.name else "")
             + (f", and the {plural(merged, 'person', 'people')} merged into it" if merged else "") + ";"]
    if collection is not None and plan.engine_face_ids:
        items.append(f"their {plural(len(plan.engine_face_ids), 'face')} in the Amazon Rekognition collection"
                     f" {html.escape(collection)};")
    items.append("the edits in the undo history that mention them.")
    return (f"Forgetting <b>{who}</b> deletes, for good:<ul>{''.join(f'<li>{i}</li>' for i in items)}</ul>"
            "The photos stay, in the library and on disk. <b>This cannot be undone.</b>")


class ConfirmDialog(QDialog):
    """A confirmation of something that cannot be undone: Cancel is the default."""

    def __init__(self, title: str, text: str, accept: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = _frame(self, title, text)
        self.confirm_button = _buttons(self, layout, accept, danger=True)


def forget_dialog(plan: ForgetPlan, name: str, collection: str | None, parent: QWidget | None = None) -> ConfirmDialog:
    return ConfirmDialog("Forget person", forget_text(plan, name, collection), f"Forget {name}", parent)


def delete_collection_dialog(check: Any, collection: str, parent: QWidget | None = None) -> ConfirmDialog:
    faces = f"the {plural(check.face_count, 'face')} it holds" if check.face_count is not None else "every face in it"
    text = (f"Signed in as {html.escape(str(check.account))}. Deleting the Amazon Rekognition collection"
            f" <b>{html.escape(collection)}</b> in {html.escape(str(check.region))} deletes {faces}, for good, for"
            " every library that uses it. The photos and the libraries stay (their people, names and groups),"
            " but new photos can no longer be matched to the people they hold. <b>This cannot be undone.</b>")
    return ConfirmDialog("Delete cloud collection", text, "Delete Collection", parent)
