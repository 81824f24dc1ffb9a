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

from .i18n import tr
from .item_text import as_label
from .settings_pages import error_label

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
        layout = _frame(self, tr("Add face"), tr("Who is this? Type a name, or leave it empty: Beetroot then"
                                                 " matches the face with the people it knows, as an import would,"
                                                 " and makes it a new person when it matches no one."))
        self.people = self._names(ctx)
        self.name = QLineEdit(placeholderText=tr("Name (empty: let Beetroot match the face)"))
        self.name.setAccessibleName(tr("Name"))
        self.name.setAccessibleDescription(self.name.placeholderText())
        completer = QCompleter(sorted(self.people, key=str.casefold), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.name.setCompleter(completer)
        self.error = error_label()
        layout.addWidget(self.name)
        layout.addWidget(self.error)
        self.add_button = _buttons(self, layout, tr("Add Face"))
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
        return {(row[1] if seen[row[1]] == 1 else tr("{name} (%Ln photo(s))", None, row[2]).format(name=row[1])):
                str(row[0]) for row in rows}

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
            self.error.setText(tr("No one is called “{name}”. Leave the name empty to let Beetroot match the"
                                  " face (or make it a new person), then rename that person.").format(name=exc.args[0]))
            self.error.show()
            return
        super().accept()


class ExportPhotosDialog(QDialog):
    """Where to put a person's photos, and whether as links."""

    def __init__(self, name: str, photos: int, start: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = _frame(self, tr("Export photos"),
                        tr("Copy the %Ln photo(s) of <b>{name}</b> into a folder. The originals are not touched;"
                           " files already there are kept, and exporting again adds only what is new.", None,
                           photos).format(name=html.escape(name)))
        row = QHBoxLayout()
        self.folder = QLineEdit(start)
        self.folder.setAccessibleName(tr("Export folder"))
        choose = QPushButton(tr("Choose…"))
        choose.setAccessibleName(tr("Choose the export folder"))
        choose.clicked.connect(self._choose)
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        layout.addLayout(row)
        self.links = QCheckBox(tr("Make links instead of copies (no extra room; hard links on the same drive)"))
        layout.addWidget(self.links)
        self.error = error_label()
        layout.addWidget(self.error)
        self.export_button = _buttons(self, layout, tr("Export"))

    def _choose(self) -> None:
        from .dialogs import focus_keeper

        back = focus_keeper(self)
        path = QFileDialog.getExistingDirectory(self, tr("Export to this folder"),
                                                self.folder.text() or str(Path.home()))
        back()
        if path:
            self.folder.setText(path)

    def target(self) -> str:
        return str(Path(self.folder.text().strip()).expanduser())

    def accept(self) -> None:
        text = self.folder.text().strip()
        if not text or not Path(text).expanduser().is_absolute():
            self.error.setText(tr("Choose a folder (its full path)"))
            self.error.show()
            return
        super().accept()


class XmpExportDialog(QDialog):
    """Which sidecar name to write the names into."""

    def __init__(self, convention: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = _frame(self, tr("Export names to XMP"),
                        tr("Write the name of every named face into an XMP sidecar beside its photo (face regions"
                           " and “person in image”), where digiKam, Lightroom, darktable and other photo tools"
                           " read them. Photos are never modified; what else a sidecar holds is kept."))
        self.group = QButtonGroup(self)
        self.choices: dict[str, QRadioButton] = {}
        for value, text in (("jpg.xmp", tr("photo.jpg.xmp (digiKam, darktable)")),
                            ("xmp", tr("photo.xmp (Lightroom and other Adobe tools)"))):
            button = QRadioButton(text)
            self.group.addButton(button)
            self.choices[value] = button
            layout.addWidget(button)
        self.choices.get(convention, self.choices["jpg.xmp"]).setChecked(True)
        note = QLabel(tr("Settings › General can keep the sidecars up to date as names change."), objectName="Muted")
        layout.addWidget(note)
        self.export_button = _buttons(self, layout, tr("Export"))

    def convention(self) -> str:
        return next(value for value, button in self.choices.items() if button.isChecked())


def forget_text(plan: ForgetPlan, name: str, collection: str | None) -> str:
    """Exactly what forgetting deletes, as the confirmation says it."""
    who = html.escape(name)
    merged = len(plan.people) - 1
    photos = tr("%Ln photo(s)", None, plan.photos)
    items = [tr("%Ln face(s) in {photos}, with their face descriptors and face thumbnails;", None,
                len(plan.faces)).format(photos=photos)]
    name = html.escape(plan.name) if plan.name else ""
    if name and merged:
        items.append(tr("the person and the name “{name}”, and the %Ln person(s) merged into it;", None,
                        merged).format(name=name))
    elif name:
        items.append(tr("the person and the name “{name}”;").format(name=name))
    elif merged:
        items.append(tr("the person, and the %Ln person(s) merged into it;", None, merged))
    else:
        items.append(tr("the person;"))
    if collection is not None and plan.engine_face_ids:
        items.append(tr("their %Ln face(s) in the Amazon Rekognition collection {collection};", None,
                        len(plan.engine_face_ids)).format(collection=html.escape(collection)))
    items.append(tr("the edits in the undo history that mention them."))
    listed = f"<ul>{''.join(f'<li>{i}</li>' for i in items)}</ul>"
    return tr("Forgetting <b>{name}</b> deletes, for good:{list}The photos stay, in the library and on disk."
              " <b>This cannot be undone.</b>").format(name=who, list=listed)


class ConfirmDialog(QDialog):
    """A confirmation of something that cannot be undone: Cancel is the default."""

    def __init__(self, title: str, text: str, accept: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = _frame(self, title, text)
        self.confirm_button = _buttons(self, layout, accept, danger=True)


def forget_dialog(plan: ForgetPlan, name: str, collection: str | None, parent: QWidget | None = None) -> ConfirmDialog:
    return ConfirmDialog(tr("Forget person"), forget_text(plan, name, collection),
                         tr("Forget {name}").format(name=as_label(name)), parent)


def delete_collection_dialog(check: Any, collection: str, parent: QWidget | None = None) -> ConfirmDialog:
    values = {"account": html.escape(str(check.account)), "collection": html.escape(collection),
              "region": html.escape(str(check.region))}
    if check.face_count is not None:
        text = tr("Signed in as {account}. Deleting the Amazon Rekognition collection <b>{collection}</b> in"
                  " {region} deletes the %Ln face(s) it holds, for good, for every library that uses it. The photos"
                  " and the libraries stay (their people, names and groups), but new photos can no longer be"
                  " matched to the people they hold. <b>This cannot be undone.</b>", None, check.face_count)
    else:
        text = tr("Signed in as {account}. Deleting the Amazon Rekognition collection <b>{collection}</b> in"
                  " {region} deletes every face in it, for good, for every library that uses it. The photos and"
                  " the libraries stay (their people, names and groups), but new photos can no longer be matched"
                  " to the people they hold. <b>This cannot be undone.</b>")
    return ConfirmDialog(tr("Delete cloud collection"), text.format(**values), tr("Delete Collection"), parent)
