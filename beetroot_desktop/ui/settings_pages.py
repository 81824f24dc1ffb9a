"""The Settings dialog's pages. Each is a group of fields with the same three steps:

- `load(settings)` shows the settings in the fields;
- `check()` validates what the fields hold, shows each problem next to its field, and returns them;
- `save(settings)` writes the fields into `settings` (and anything the page keeps elsewhere, such as
  the keyring); it returns a problem when that could not be done (shown next to its field too).

Values are validated with the settings' own validators (`beetroot_desktop.config`: one per setting, the
same ones the settings file, `beetroot config set` and the environment use), so the dialog refuses exactly
what the command line refuses. The pages add only what a form needs on top (a library location typed
here must be a full path, in a folder Beetroot can write to).

The pages: matching (settings_matching.py), Amazon Rekognition (settings_cloud.py), the library
location, and the appearance: light or dark, and the language (below).
"""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from . import item_text
from .i18n import tr, translated

if TYPE_CHECKING:
    from ..config import Settings
    from .context import LibraryContext


def error_label() -> QLabel:
    label = QLabel(objectName="FieldError")
    label.setWordWrap(True)
    label.hide()
    return label


def show_problem(label: QLabel, text: str | None) -> list[str]:
    """Show `text` under its field (or hide the label); the problem as a list, for `check()`."""
    label.setText(text or "")
    label.setVisible(bool(text))
    return [text] if text else []


def sentence(text: str | None) -> str | None:
    """A validator's message as it reads under its field, in the window's language: "aws_region must be an AWS
    region name …" (the settings file's words) becomes "Must be an AWS region name …", capitalised. A
    translation keeps the setting's name first (it is the file's key, the same in every language), so it is
    dropped there too."""
    from ..config import VALIDATORS

    if not text:
        return text
    text = translated(text)
    key, _, rest = text.partition(" ")
    if key in VALIDATORS and rest:
        text = rest
    return item_text.sentence(text)


def form_layout(box: QGroupBox) -> QFormLayout:
    form = QFormLayout(box)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    form.setContentsMargins(14, 18, 14, 12)
    return form


class SettingsPage(QGroupBox):
    """A group of settings fields with load / check / save (see the module docstring)."""

    def load(self, settings: Settings) -> None:
        raise NotImplementedError

    def check(self) -> list[str]:
        return []

    def save(self, settings: Settings) -> str | None:
        raise NotImplementedError


class LibraryPage(SettingsPage):
    """Where the library lives, whether it follows the imported folders while the app runs, and whether the
    names follow into the photos' XMP sidecars."""

    def __init__(self, settings: Settings, ctx: LibraryContext | None, *, library_override: bool = False,
                 parent: QWidget | None = None) -> None:
        from ..config import default_library_dir

        super().__init__(tr("Library"), parent)
        form = form_layout(self)
        row = QHBoxLayout()
        self.library = QLineEdit()
        self.library.setPlaceholderText(str(default_library_dir()))
        self.library.setAccessibleName(tr("Library location"))  # its row holds a button too: no buddy
        browse = QPushButton(tr("Choose…"))
        browse.setAccessibleDescription(tr("Library location"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.library, 1)
        row.addWidget(browse)
        form.addRow(tr("Location:"), row)
        self.library_error = error_label()
        form.addRow("", self.library_error)
        note = tr("Where Beetroot keeps its index and thumbnails; your photos stay where they are."
                  " A new location starts an empty library, and the current one is kept.")
        if ctx is not None:
            folder = html.escape(str(ctx.library_dir))
            if library_override:
                note += "<br>" + tr("Open now: {folder} (chosen with <nobr>--library</nobr> or"
                                    " <nobr>BEETROOT_LIBRARY</nobr>, which win over this)").format(folder=folder)
            else:
                note += "<br>" + tr("Open now: {folder}").format(folder=folder)
        label = QLabel(note, objectName="Muted")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        form.addRow(label)
        self.watch = QCheckBox(tr("Watch imported folders and import changes automatically"))
        self.watch.setToolTip(tr("New photos are imported, and moved or deleted ones followed, while Beetroot runs."
                                 " File › Sync Library looks at every imported folder now."))
        form.addRow(self.watch)
        self.xmp = QCheckBox(tr("Keep XMP sidecars up to date as names change"))
        self.xmp.setToolTip(tr("After each edit that changes names (a rename, a merge, a face added, an answer in"
                               " Review, an undo), the XMP sidecars of the photos concerned get the new names, for"
                               " other photo tools to read. Photos are never modified. File › Export Names to XMP…"
                               " writes them all once."))
        self.sidecar = QComboBox()
        self.sidecar.addItem(tr("photo.jpg.xmp (digiKam, darktable)"), "jpg.xmp")
        self.sidecar.addItem(tr("photo.xmp (Lightroom, Adobe)"), "xmp")
        self.sidecar.setToolTip(tr("The sidecar name written beside each photo"))
        form.addRow(self.xmp)
        form.addRow(tr("Sidecar name:"), self.sidecar)
        self.load(settings)

    def _browse(self) -> None:
        from .dialogs import focus_keeper

        back = focus_keeper(self)
        path = QFileDialog.getExistingDirectory(self, tr("Library location"), self.library.text() or str(Path.home()))
        back()
        if path:
            self.library.setText(path)

    def text(self) -> str:
        return self.library.text().strip()

    def load(self, settings: Settings) -> None:
        self.library.setText(settings.library_dir)
        self.watch.setChecked(settings.watch_folders)
        self.xmp.setChecked(settings.xmp_sync)
        self.sidecar.setCurrentIndex(max(0, self.sidecar.findData(settings.xmp_sidecar)))

    def check(self) -> list[str]:
        from ..config import library_dir_problem

        text = self.text()
        problem = sentence(library_dir_problem(text))
        if text and problem is None:  # what a form adds: a full path, somewhere Beetroot can write
            path = Path(text).expanduser()
            if not path.is_absolute():
                problem = tr("Give the full path of a folder")
            else:
                probe = path
                while not probe.exists() and probe.parent != probe:
                    probe = probe.parent
                if not os.access(probe, os.W_OK):
                    problem = tr("Beetroot cannot write in {folder}").format(folder=probe)
        return show_problem(self.library_error, problem)

    def save(self, settings: Settings) -> str | None:
        settings.library_dir = self.text()
        settings.watch_folders = self.watch.isChecked()
        settings.xmp_sync = self.xmp.isChecked()
        settings.xmp_sidecar = str(self.sidecar.currentData())
        return None


class AppearancePage(SettingsPage):
    """The window's colours (the desktop's light or dark scheme, or always one of them; applied at once)
    and its language (applied the next time Beetroot starts)."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        from ..config import APPEARANCES, LANGUAGES

        super().__init__(tr("Appearance"), parent)
        form = form_layout(self)
        self.appearance = QComboBox()
        names = {"system": tr("System"), "light": tr("Light"), "dark": tr("Dark")}
        for value in APPEARANCES:
            self.appearance.addItem(names.get(value, value), value)
        self.appearance.setToolTip(tr("System follows the desktop's light or dark setting"))
        form.addRow(tr("Appearance:"), self.appearance)
        self.appearance_error = error_label()
        form.addRow("", self.appearance_error)
        self.language = QComboBox()
        # Each language in its own words, as language menus show them: whoever needs it can read it.
        languages = {"system": tr("System"), "en": "English", "de": "Deutsch"}
        for value in LANGUAGES:
            self.language.addItem(languages.get(value, value), value)
        form.addRow(tr("Language:"), self.language)
        self.language_error = error_label()
        form.addRow("", self.language_error)
        note = QLabel(tr("The language changes the next time Beetroot starts."), objectName="Muted")
        note.setWordWrap(True)
        form.addRow(note)
        self.load(settings)

    def load(self, settings: Settings) -> None:
        self.appearance.setCurrentIndex(max(0, self.appearance.findData(settings.appearance)))
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))

    def check(self) -> list[str]:
        from ..config import appearance_problem, language_problem

        problems = show_problem(self.appearance_error, sentence(appearance_problem(self.appearance.currentData())))
        return problems + show_problem(self.language_error, sentence(language_problem(self.language.currentData())))

    def save(self, settings: Settings) -> str | None:
        settings.appearance = str(self.appearance.currentData())
        settings.language = str(self.language.currentData())
        return None
