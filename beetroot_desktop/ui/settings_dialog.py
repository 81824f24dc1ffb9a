"""Settings: engine, match threshold (with a live preview of the number of people), Amazon Rekognition,
credentials, library location, appearance and language. Invalid values are refused with a message next to
the field; secrets go to the system keyring only, never to the settings file.

The dialog is its pages (settings_pages.py: each loads, checks and saves its own fields) on three tabs,
plus the one rule that spans two pages: a library keeps the engine it was built with. The Amazon
Rekognition page is used (checked and saved) only when it is the chosen engine; otherwise it is disabled
and the settings file keeps its values.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFrame,
    QLabel,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..config import ConfigError, Settings
from .i18n import tr, translated
from .settings_cloud import CloudPage
from .settings_matching import ENGINE_LABELS, MatchingPage
from .settings_pages import AppearancePage, LibraryPage, SettingsPage, error_label, show_problem

if TYPE_CHECKING:
    from .context import LibraryContext

GENERAL_TAB, CLOUD_TAB, APPEARANCE_TAB = 0, 1, 2


@dataclass
class SettingsChange:
    old: Settings
    new: Settings
    regroup_at: float | None = None  # the open library's new threshold: regroup it
    index_calls: int | None = None  # the paid IndexFaces calls the preview announced for that regroup

    @property
    def threshold_changed(self) -> bool:
        return abs(self.old.threshold - self.new.threshold) > 1e-9

    @property
    def library_changed(self) -> bool:
        return self.old.library_dir != self.new.library_dir

    @property
    def watch_changed(self) -> bool:
        return self.old.watch_folders != self.new.watch_folders

    @property
    def appearance_changed(self) -> bool:
        return self.old.appearance != self.new.appearance


class _TabScroll(QScrollArea):
    """A tab's pages, scrolled when the screen is smaller than they are (big fonts, a small screen): each text
    wraps in full and Save stays on the screen, where a squeezed tab cut texts in half and pushed Save off it.
    As big as its pages when the screen allows (a QScrollArea alone asks for less)."""

    def sizeHint(self) -> QSize:
        inner = self.widget()
        return inner.sizeHint() if inner is not None else super().sizeHint()


def _tab(*pages: QWidget, note: QLabel | None = None) -> QWidget:
    tab = QWidget()
    layout = QVBoxLayout(tab)
    layout.setContentsMargins(4, 10, 4, 4)
    if note is not None:
        layout.addWidget(note)
    for page in pages:
        layout.addWidget(page)
    layout.addStretch(1)
    scroll = _TabScroll()
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields; the view follows the focused one
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(tab)
    return scroll


class SettingsDialog(QDialog):
    """Opens with `open()` (never blocks the window); `applied(SettingsChange)` once saved."""

    applied = Signal(object)

    def __init__(self, settings: Settings, ctx: LibraryContext | None = None, *, library_override: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Settings"))
        self.original = copy.deepcopy(settings)
        self.ctx = ctx
        self.saving = False  # the keyring is being written (Save waits for it)
        self.matching = MatchingPage(settings, ctx)
        self.library_page = LibraryPage(settings, ctx, library_override=library_override)
        self.cloud = CloudPage(settings)
        self.appearance_page = AppearancePage(settings)
        self.cloud_note = QLabel(tr("These settings are used when the face engine (General) is Amazon"
                                    " Rekognition."), objectName="Muted")
        self.cloud_note.setWordWrap(True)
        self.pages: list[SettingsPage] = [self.matching, self.cloud, self.library_page, self.appearance_page]

        root = QVBoxLayout(self)
        root.setContentsMargins(20, 16, 20, 14)
        root.setSpacing(10)
        self.tabs = QTabWidget()
        self.tabs.addTab(_tab(self.matching, self.library_page), tr("General"))
        self.tabs.addTab(_tab(self.cloud, note=self.cloud_note), tr("Amazon Rekognition"))
        self.tabs.addTab(_tab(self.appearance_page), tr("Appearance"))
        root.addWidget(self.tabs)
        self.general_error = error_label()
        root.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        save.setObjectName("Primary")
        save.setText(tr("Save"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        root.addWidget(self.buttons)
        self.matching.engineChanged.connect(self._engine_changed)
        self._engine_changed(self.matching.engine_key())
        area = self.screen().availableGeometry()  # never wider or taller than the screen (640 x 600 fits)
        self.setMinimumWidth(min(620, area.width()))
        size = self.sizeHint().expandedTo(QSize(660, 0)).boundedTo(area.size())
        self.resize(size)

    # The fields the window and the screenshots script reach for.
    @property
    def spin(self) -> QDoubleSpinBox:
        return self.matching.spin

    @property
    def preview(self) -> QLabel:
        return self.matching.preview

    def threshold(self) -> float:
        return self.matching.threshold()

    def _engine_changed(self, engine: str) -> None:
        cloud = engine == "rekognition"
        self.cloud.setEnabled(cloud)
        self.cloud_note.setVisible(not cloud)

    def _cloud_used(self) -> bool:
        return self.matching.engine_key() == "rekognition"

    def _binding_problem(self) -> str | None:
        """One library cannot mix engines: another engine needs another library location."""
        bound, engine = self.matching.bound_engine, self.matching.engine_key()
        if bound and engine != bound and self.library_page.text() == self.original.library_dir:
            other = tr(ENGINE_LABELS[bound]) if bound in ENGINE_LABELS else bound
            return tr("This library's people were found with the “{engine}” engine, and one library cannot mix"
                      " engines. Choose a new library location below to use this engine.").format(engine=other)
        return None

    def validate(self) -> bool:
        """Check every page (each shows its problems next to its fields); show the tab that needs fixing."""
        general = self.matching.check()
        if not self.matching.engine_error.isVisible():  # the engine is valid: is it this library's?
            general += self.matching.show_binding_problem(self._binding_problem())
        general += self.library_page.check()
        cloud = self.cloud.check() if self._cloud_used() else []
        look = self.appearance_page.check()
        if general:
            self.tabs.setCurrentIndex(GENERAL_TAB)
        elif cloud:
            self.tabs.setCurrentIndex(CLOUD_TAB)
        elif look:
            self.tabs.setCurrentIndex(APPEARANCE_TAB)
        if general or cloud or look:  # grow to show the messages rather than squeeze the fields
            self.resize(self.width(), max(self.height(), self.sizeHint().height()))
        return not (general or cloud or look)

    def collect(self) -> Settings:
        """The settings as the form shows them (not validated; nothing saved)."""
        settings = copy.deepcopy(self.original)
        self.matching.save(settings)
        if self._cloud_used():
            self.cloud.fields(settings)
        self.library_page.save(settings)
        self.appearance_page.save(settings)
        return settings

    def save(self) -> bool:
        """Check every page and save. False when something was refused (shown next to its field). True
        once saved, or, when the keyring changes (a key typed, or a saved key removed), once that started:
        it runs on a pool thread, then the settings are saved and `applied` follows (or the keyring's
        refusal is shown next to the key, and the dialog stays open)."""
        show_problem(self.general_error, None)
        if self.saving or not self.validate():
            return False
        new = copy.deepcopy(self.original)
        for page in self.pages:
            if page is self.cloud and not self._cloud_used():
                continue  # disabled, so not checked: its fields keep the values the file has

            problem = page.save(new)
            if problem:
                self.tabs.setCurrentIndex(CLOUD_TAB if page is self.cloud else GENERAL_TAB)
                return False
        change = self.cloud.keyring_change() if self._cloud_used() else None
        if change is None:
            return self._write(new)
        self._set_saving(True)
        self.cloud.runner.submit(change, lambda _r: self._keyring_saved(new), self._keyring_refused)
        return True

    def _set_saving(self, saving: bool) -> None:
        """While the keyring is written: no second Save, and no Cancel (it would not undo the write)."""
        self.saving = saving
        self.buttons.setEnabled(not saving)
        self.tabs.setEnabled(not saving)

    def _keyring_saved(self, new: Settings) -> None:
        self._set_saving(False)
        self._write(new)

    def _keyring_refused(self, exc: object) -> None:
        self._set_saving(False)
        self.tabs.setCurrentIndex(CLOUD_TAB)
        show_problem(self.cloud.secret_error, translated(exc) or type(exc).__name__)

    def reject(self) -> None:
        if not self.saving:  # Cancel, Escape or the close button while the keyring is written: wait for it
            super().reject()

    def _write(self, new: Settings) -> bool:
        """Save the settings file and announce the change."""
        from ..config import save_settings

        try:
            save_settings(new)
        except (ConfigError, OSError) as exc:
            # The settings' refusal joins its problems into one English text: each of them, translated.
            parts = new.problems() if isinstance(exc, ConfigError) else []
            error = "; ".join(translated(part) for part in parts) if parts else translated(exc)
            if isinstance(exc, OSError) and exc.filename and exc.strerror:  # the file, then the system's words
                error = tr("{file}: {message}").format(file=exc.filename, message=exc.strerror)
            show_problem(self.general_error, tr("The settings could not be saved: {error}").format(error=error))
            return False
        change = SettingsChange(self.original, new)
        if self.matching.regroups():
            change.regroup_at = self.matching.threshold()
            if self.matching.bound_engine == "rekognition":
                change.index_calls = self.matching.index_calls(self.matching.plan_for_threshold())
        self.applied.emit(change)
        self.accept()
        return True
