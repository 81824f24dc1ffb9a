"""The main window: sidebar (People, All Photos, Unassigned faces, Activity), pages, import status bar.

The window appears before the library is opened (first paint never waits for it); `open_library()`
then builds the pages. Files and folders dropped anywhere on the window are imported on a background
thread; the window only receives signals, and refreshes its views from a short timer.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from . import icons, style
from .widgets import Banner

if TYPE_CHECKING:
    from ..config import Settings
    from ..library import Library
    from .activity import ActivityModel, ActivityPage
    from .context import LibraryContext
    from .importer import ImportController, Job
    from .pages import PeoplePage, PhotosPage, UnassignedPage
    from .person_page import PersonPage
    from .settings_dialog import SettingsChange, SettingsDialog
    from .viewer import PhotoViewer

log = logging.getLogger(__name__)

POLL_MS = 1500  # how often the window looks for changes made by another window or a command
MAX_LABEL = 48  # characters of an edit's name shown in the Undo / Redo menu items

SECTIONS = (("people", "People", "people"), ("photos", "All Photos", "photos"),
            ("unassigned", "Unassigned faces", "unknown"), ("activity", "Activity", "activity"))

SHORTCUTS = (
    ("Drop photos or folders on the window", "import them (files already imported are skipped)"),
    ("Ctrl+O", "Import a folder"),
    ("Ctrl+Shift+O", "Import photos"),
    ("Ctrl+Z", "Undo the last edit (rename, merge, split, not this person, hide, cover, regroup)"),
    ("Ctrl+Shift+Z", "Redo the edit just undone"),
    ("Ctrl+1 … Ctrl+4", "People, All Photos, Unassigned faces, Activity"),
    ("Enter / double-click", "Open a person or a photo"),
    ("F2 / double-click the name", "Rename a person"),
    ("Ctrl+M", "Merge the selected people (or drag one tile onto another)"),
    ("Ctrl+H", "Hide or show the selected people"),
    ("Ctrl+Shift+H", "Show hidden people in the grid"),
    ("Delete", "Not this person (on a person's Faces tab)"),
    ("Ctrl+F", "Search people by name"),
    ("← →, Home, End", "Previous / next photo in the viewer"),
    ("Esc, Alt+←", "Back"),
    ("Ctrl+,", "Settings"),
    ("Ctrl+Q", "Quit"),
)


class NavDelegate(QStyledItemDelegate):
    """Sidebar rows with a muted count on the right (counts kept here, by row)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts: dict[int, int] = {}

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        count = self.counts.get(index.row())
        if not count:  # nothing to count: no number, like a mail client's empty folder
            return
        painter.save()
        painter.setPen(QColor(style.MUTED))
        rect = option.rect.adjusted(0, 0, -22, 0)
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{count:,}")
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), 38))


class DropOverlay(QWidget):
    """Shown while files are dragged over the window: says what a drop will do."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(247, 246, 248, 225))
        pen = QPen(QColor(style.ACCENT), 3, Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.drawRoundedRect(self.rect().adjusted(16, 16, -16, -16), 18, 18)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() + 8)
        font.setWeight(font.Weight.DemiBold)
        p.setFont(font)
        p.setPen(QColor(style.ACCENT))
        p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Drop to import")
        p.end()


class ImportStatus(QWidget):
    """The right side of the status bar while a job runs: progress, counters, ETA, Pause and Cancel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(10)
        self.bar = QProgressBar()
        self.bar.setFixedWidth(180)
        self.bar.setTextVisible(False)
        self.label = QLabel()
        self.pause = QPushButton(icons.icon("pause", style.TEXT, 14), "Pause")
        self.cancel = QPushButton(icons.icon("cancel", style.TEXT, 14), "Cancel")
        for button in (self.pause, self.cancel):
            button.setFixedHeight(26)
            button.setStyleSheet("padding: 2px 10px;")
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.pause)
        layout.addWidget(self.cancel)
        self.hide()


class MainWindow(QMainWindow):
    libraryOpened = Signal()

    def __init__(self, settings: Settings, library_dir: Path, *, library_override: bool = False) -> None:
        super().__init__()
        self.settings = settings
        self.library_dir = Path(library_dir)
        self.library_override = library_override
        self.ctx: LibraryContext | None = None
        self.controller: ImportController | None = None
        self.failures: list[tuple[str, str]] = []
        self.history: list[QWidget] = []
        self._stale: set[int] = set()
        self._pending_paths: list[str] = []
        self.settings_dialog: SettingsDialog | None = None
        self._history_state: tuple[Any, Any] = (None, None)  # the next undo and redo (EditEntry or None)
        self._data_version: int | None = None
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self._poll_library)
        self.setWindowTitle("Beetroot")
        self.resize(1180, 780)
        self.setMinimumSize(760, 520)
        self.setAcceptDrops(True)
        self._build_shell()
        self._build_actions()

    # -- the shell (no library needed) -------------------------------------------------------------------
    def _build_shell(self) -> None:
        central = QWidget()
        outer = QHBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        sidebar = QWidget(objectName="Sidebar")
        sidebar.setFixedWidth(236)
        side = QVBoxLayout(sidebar)
        side.setContentsMargins(0, 18, 0, 14)
        side.setSpacing(6)
        brand = QHBoxLayout()
        brand.setContentsMargins(18, 0, 18, 8)
        logo = QLabel()
        logo.setPixmap(self._app_icon_pixmap(30))
        brand.addWidget(logo)
        title = QLabel("Beetroot", objectName="AppTitle")
        brand.addWidget(title)
        brand.addStretch(1)
        side.addLayout(brand)
        self.nav = QListWidget(objectName="Nav")
        self.nav_delegate = NavDelegate(self.nav)
        self.nav.setItemDelegate(self.nav_delegate)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for _key, label, icon_name in SECTIONS:
            item = QListWidgetItem(icons.icon(icon_name, style.TEXT, 20), label)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._nav_changed)
        side.addWidget(self.nav, 1)
        self.import_button = QPushButton(icons.icon("import", "#ffffff", 18), "  Import Folder…", objectName="Primary")
        self.import_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.import_button.clicked.connect(self.choose_folder)
        import_row = QHBoxLayout()
        import_row.setContentsMargins(16, 0, 16, 0)
        import_row.addWidget(self.import_button)
        side.addLayout(import_row)
        self.library_label = QLabel(objectName="LibraryLabel")
        self.library_label.setWordWrap(True)
        self.library_label.setContentsMargins(18, 6, 18, 0)
        self.library_label.setText(f"Library: {self.library_dir}")
        self.library_label.setToolTip(str(self.library_dir))
        side.addWidget(self.library_label)
        outer.addWidget(sidebar)

        content = QWidget()
        self.content_layout = QVBoxLayout(content)
        self.content_layout.setContentsMargins(0, 0, 0, 0)
        self.content_layout.setSpacing(0)
        banners = QVBoxLayout()
        banners.setContentsMargins(16, 8, 16, 0)
        banners.setSpacing(6)
        self.error_banner = Banner("error")
        self.failure_banner = Banner("warning")
        self.failure_banner.actionTriggered.connect(self.show_failures)
        self.failure_banner.dismissed.connect(self.failures.clear)
        self.info_banner = Banner("info")
        for banner in (self.error_banner, self.failure_banner, self.info_banner):
            banners.addWidget(banner)
        self.banner_box = QWidget()
        self.banner_box.setLayout(banners)
        self.content_layout.addWidget(self.banner_box)
        self.pages = QStackedWidget()
        self.loading = QLabel("Opening your library…", alignment=Qt.AlignmentFlag.AlignCenter,
                              objectName="EmptyText")
        self.pages.addWidget(self.loading)
        self.content_layout.addWidget(self.pages, 1)
        outer.addWidget(content, 1)
        self.setCentralWidget(central)
        self.overlay = DropOverlay(central)

        self.import_status = ImportStatus()
        self.statusBar().addPermanentWidget(self.import_status)
        self.statusBar().setSizeGripEnabled(False)

    def _app_icon_pixmap(self, size: int) -> Any:
        from PySide6.QtGui import QIcon

        from ..assets import resource_path

        try:
            return QIcon(str(resource_path("beetroot.png"))).pixmap(size, size)
        except FileNotFoundError:
            return icons.icon("people", style.ACCENT, size).pixmap(size, size)

    def _action(self, text: str, slot: Any, shortcut: str | QKeySequence | None = None, *,
                tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self.actions_by_name = {}
        a["undo"] = self._action("&Undo", self.undo, "Ctrl+Z")
        a["redo"] = self._action("&Redo", self.redo, "Ctrl+Shift+Z")
        a["undo"].setIcon(icons.icon("undo", style.TEXT, 16))
        a["redo"].setIcon(icons.icon("redo", style.TEXT, 16))
        a["import_folder"] = self._action("Import &Folder…", self.choose_folder, "Ctrl+O")
        a["import_files"] = self._action("Import &Photos…", self.choose_files, "Ctrl+Shift+O")
        a["pause"] = self._action("&Pause Import", self.toggle_pause)
        a["cancel"] = self._action("&Cancel Import", self.cancel_import)
        a["settings"] = self._action("&Settings…", self.open_settings, "Ctrl+,")
        a["quit"] = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        a["rename"] = self._action("&Rename Person", self.rename, "F2")
        a["merge"] = self._action("&Merge People…", self.merge, "Ctrl+M")
        a["split"] = self._action("&Split Person…", self.split)
        a["hide"] = self._action("&Hide / Show Person", self.toggle_hidden, "Ctrl+H")
        a["not_this"] = self._action("&Not This Person", self.not_this_person, QKeySequence.StandardKey.Delete)
        a["cover"] = self._action("Use as &Cover", self.use_as_cover)
        a["find"] = self._action("&Find Person", self.find, QKeySequence.StandardKey.Find)
        a["back"] = self._action("&Back", self.back, "Alt+Left")
        a["show_hidden"] = self._action("Show &Hidden People", self.toggle_show_hidden, "Ctrl+Shift+H")
        a["show_hidden"].setCheckable(True)
        a["sort_count"] = self._action("Sort by Number of &Photos", lambda: self.set_sort("count"))
        a["sort_name"] = self._action("Sort by &Name", lambda: self.set_sort("name"))
        for i, (key, label, _icon) in enumerate(SECTIONS):
            a[f"go_{key}"] = self._action(label, lambda i=i: self.show_section(i), f"Ctrl+{i + 1}")
        a["shortcuts"] = self._action("&Keyboard Shortcuts", self.show_shortcuts, "F1")
        a["about"] = self._action("&About Beetroot", self.show_about)

        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        for name in ("import_folder", "import_files", None, "pause", "cancel", None, "settings", None, "quit"):
            file_menu.addSeparator() if name is None else file_menu.addAction(a[name])
        edit = bar.addMenu("&Edit")
        for name in ("undo", "redo", None, "rename", "merge", "split", "hide", None, "not_this", "cover", None,
                     "find"):
            edit.addSeparator() if name is None else edit.addAction(a[name])
        view = bar.addMenu("&View")
        for name in ("go_people", "go_photos", "go_unassigned", "go_activity", None, "show_hidden",
                     "sort_count", "sort_name", None, "back"):
            view.addSeparator() if name is None else view.addAction(a[name])
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(a["shortcuts"])
        help_menu.addAction(a["about"])
        self._update_actions()

    # -- the library ---------------------------------------------------------------------------------------
    def open_library_soon(self) -> None:
        """Load the heavy modules (numpy, Pillow, the pipeline) on a worker thread, then open the library.

        Importing them takes a few hundred milliseconds; done here on the GUI thread it would be the one
        moment the fresh window does not answer.
        """
        from .tasks import TaskRunner

        self._warmer = TaskRunner(1, self, name="warm-up")
        self._warmer.submit(warm_up, lambda _r: self.open_library(), lambda _e: self.open_library())

    def open_library(self) -> bool:
        """Open the library folder (on the GUI thread: opening is quick) and build the pages."""
        from ..library import LibraryError, NewerSchemaError, open_library

        try:
            library = open_library(self.library_dir)
        except NewerSchemaError as exc:  # never rebuild: that would drop what the newer app wrote
            self.error_banner.show_message(f"The library at {self.library_dir} cannot be opened: {exc}.")
            return False
        except LibraryError as exc:
            self._offer_start_over(str(exc))
            return False
        except OSError as exc:
            self.error_banner.show_message(f"The library folder {self.library_dir} cannot be used: {exc}."
                                           " Choose another location in Settings.")
            return False
        self.set_library(library)
        return True

    def set_library(self, library: Library) -> None:
        from .activity import ActivityModel, ActivityPage
        from .context import LibraryContext
        from .importer import ImportController
        from .pages import PeoplePage, PhotosPage, UnassignedPage
        from .person_page import PersonPage
        from .viewer import PhotoViewer

        self._close_library()
        self.library_dir = Path(library.dir)
        self.library_label.setText(f"Library: {self.library_dir}")
        self.library_label.setToolTip(str(self.library_dir))
        ctx = self.ctx = LibraryContext(library, self.settings, self)
        ctx.changed.connect(self._library_changed)
        ctx.refused.connect(self._edit_refused)
        self.controller = ImportController(self.library_dir, self)
        c = self.controller
        c.stateChanged.connect(self._update_import_status)
        c.progressChanged.connect(self._update_import_status)
        c.libraryChanged.connect(ctx.changed.emit)
        c.photoFailed.connect(self._photo_failed)
        c.jobFinished.connect(self._job_finished)
        c.jobFailed.connect(self._job_failed)
        self.import_status.pause.clicked.connect(self.toggle_pause)
        self.import_status.cancel.clicked.connect(self.cancel_import)

        self.activity_model: ActivityModel = getattr(self, "activity_model", None) or ActivityModel(self)
        c.activity.connect(self.activity_model.add)
        self.people_page: PeoplePage = PeoplePage(ctx)
        self.photos_page: PhotosPage = PhotosPage(ctx)
        self.unassigned_page: UnassignedPage = UnassignedPage(ctx)
        self.activity_page: ActivityPage = ActivityPage(self.activity_model)
        self.person_page: PersonPage = PersonPage(ctx, self.people_page.model)
        self.viewer: PhotoViewer = PhotoViewer(ctx)
        self.people_page.menu_actions = {k: self.actions_by_name[k] for k in ("rename", "merge", "hide")}
        self.people_page.personOpened.connect(self.open_person)
        self.people_page.importRequested.connect(self.choose_folder)
        self.people_page.status.connect(self.flash)
        self.people_page.grid.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.photos_page.photoOpened.connect(self.open_photos)
        self.photos_page.importRequested.connect(self.choose_folder)
        self.unassigned_page.photoOpened.connect(self.open_photos)
        self.unassigned_page.status.connect(self.flash)
        self.person_page.back.connect(self.back)
        self.person_page.photoOpened.connect(self.open_photos)
        self.person_page.status.connect(self.flash)
        self.person_page.personChanged.connect(lambda _pid: self._update_actions())
        self.person_page.gone.connect(self._person_gone)
        self.person_page.peopleSplit.connect(self.people_page.select_when_shown)
        self.viewer.back.connect(self.back)
        self.viewer.personOpened.connect(self.open_person)
        self.viewer.status.connect(self.flash)
        for page in (self.people_page, self.photos_page, self.unassigned_page, self.activity_page,
                     self.person_page, self.viewer):
            self.pages.addWidget(page)
        self.section_pages: list[QWidget] = [self.people_page, self.photos_page, self.unassigned_page,
                                             self.activity_page]
        self.pages.currentChanged.connect(lambda _i: self._page_shown())
        self.show_section(0)
        self._stale = {id(p) for p in self.section_pages}
        self._refresh_current()
        self._refresh_counts()
        self._data_version = library.data_version()
        self._refresh_history()
        self._poll.start()
        self.libraryOpened.emit()
        if self._pending_paths:
            paths, self._pending_paths = self._pending_paths, []
            self.import_paths(paths)

    def _close_library(self) -> None:
        self._poll.stop()
        self._history_state = (None, None)
        if self.controller is not None:
            self.controller.shutdown()
            self.controller.deleteLater()
            self.controller = None
        if self.ctx is not None:
            # Leaving the pages first ends any rename in progress, while the library can still save it.
            self.pages.blockSignals(True)
            self.pages.setCurrentWidget(self.loading)
            ctx, self.ctx = self.ctx, None
            self.viewer.decoder.shutdown()
            ctx.close()  # before the pages go: no background result may reach a page that is going away
            for page in self._all_pages():
                self.pages.removeWidget(page)
                page.deleteLater()
            self.pages.blockSignals(False)
            ctx.deleteLater()
            self.section_pages = []
            self.history = []
        self._update_actions()

    def _offer_start_over(self, message: str) -> QMessageBox:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("The library cannot be opened")
        box.setText("Beetroot cannot open your library.")
        box.setInformativeText(
            f"{message}\n\nBeetroot can start over: the damaged file is moved aside (not deleted), a new"
            " library is created, and the folders you imported before are imported again.")
        start = box.addButton("Start Over", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(start)

        def finished() -> None:
            if box.clickedButton() is start:
                self.start_over()
            else:
                self.close()

        box.finished.connect(lambda _r: finished())
        box.open()
        self.recovery_box = box
        return box

    def start_over(self) -> None:
        from ..library import LibraryError

        try:
            from ..library.recovery import set_aside
        except ImportError:
            self.error_banner.show_message(
                f"Move the folder {self.library_dir} away (or choose another library location in Settings),"
                " then start Beetroot again.")
            return
        try:
            moved_to, roots = set_aside(self.library_dir)
        except (LibraryError, OSError) as exc:
            self.error_banner.show_message(f"The damaged library could not be moved aside: {exc}")
            return
        if not self.open_library():
            return
        existing = [r for r in roots if os.path.exists(r)]
        note = f"The damaged library file was moved to {moved_to}."
        if existing:
            note += f" Importing your {len(existing)} folder(s) again…"
            self.import_paths(existing)
        self.info_banner.show_message(note)

    # -- navigation ------------------------------------------------------------------------------------
    def show_section(self, row: int) -> None:
        if not getattr(self, "section_pages", None):
            return
        self.history = [self.section_pages[row]]
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)
        self.pages.setCurrentWidget(self.section_pages[row])
        self._update_actions()

    def _nav_changed(self, row: int) -> None:
        if row >= 0 and getattr(self, "section_pages", None) and (
                not self.history or self.history[0] is not self.section_pages[row] or len(self.history) > 1):
            self.show_section(row)

    def _push(self, page: QWidget) -> None:
        if self.history and self.history[-1] is page:
            pass
        else:
            self.history.append(page)
        self.pages.setCurrentWidget(page)
        self._update_actions()

    def open_person(self, person_id: str) -> None:
        self.person_page.show_person(person_id)
        if self.viewer in self.history:  # from the viewer: replace the trail after the section
            self.history = self.history[:1]
        self._push(self.person_page)

    def open_photos(self, ids: list[int], position: int) -> None:
        if not ids:
            return
        self.viewer.show_photos(ids, position)
        self._push(self.viewer)
        self.viewer.setFocus()

    def _person_gone(self) -> None:
        if self.person_page in self.history:
            self.history = self.history[:1]
            self.pages.setCurrentWidget(self.history[0])
            self._update_actions()
            self.flash("That person has no photos left")

    def back(self) -> None:
        if len(self.history) <= 1:
            return
        self.history.pop()
        self.pages.setCurrentWidget(self.history[-1])
        self._update_actions()

    def current_page(self) -> QWidget:
        return self.pages.currentWidget()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and len(self.history) > 1:
            self.back()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- refreshing ------------------------------------------------------------------------------------
    def _library_changed(self) -> None:
        """Something wrote to the library: refresh what is on screen now, the rest when it is shown."""
        self._stale = {id(p) for p in self._all_pages()}
        self._refresh_current()
        self._refresh_counts()
        self._refresh_history()

    def _poll_library(self) -> None:
        """Another window or a command (beetroot rename, undo, …) may have changed the library: look."""
        if self.ctx is None:
            return
        try:
            version = self.ctx.library.data_version()
        except Exception:  # a library going away under us is reported by whatever reads it next
            log.debug("data_version failed", exc_info=True)
            return
        if version == self._data_version:
            return
        self._data_version = version
        if self.controller is not None and self.controller.busy:
            self._refresh_history()  # the job refreshes the views itself (and when it finishes)
        else:
            self.ctx.changed.emit()

    def _all_pages(self) -> list[QWidget]:
        return [*self.section_pages, self.person_page, self.viewer]

    def _page_shown(self) -> None:
        if self.ctx is None:
            return
        page = self.pages.currentWidget()
        if id(page) in self._stale:
            self._refresh_current()

    def _refresh_current(self) -> None:
        page = self.pages.currentWidget()
        self._stale.discard(id(page))
        if page is getattr(self, "people_page", None):
            self.people_page.model.refresh()
        elif page is getattr(self, "photos_page", None):
            self.photos_page.model.refresh()
        elif page is getattr(self, "unassigned_page", None):
            self.unassigned_page.model.refresh()
        elif page is getattr(self, "person_page", None):
            self.person_page.reload()
            self._stale.add(id(self.people_page))
        elif page is getattr(self, "viewer", None):
            self.viewer.reload()

    def _refresh_counts(self) -> None:
        if self.ctx is not None:
            self.ctx.read(lambda lib: lib.library_counts(), self._got_counts)

    def _got_counts(self, counts: dict[str, int]) -> None:
        if self.ctx is None:
            return
        self.counts = counts
        for row, key in enumerate(("people", "photos", "unassigned")):
            self.nav_delegate.counts[row] = counts.get(key, 0)
        self.people_page.set_counts(counts)
        self.nav.viewport().update()

    # -- importing -------------------------------------------------------------------------------------
    def choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Import a folder of photos", str(Path.home()))
        if path:
            self.import_paths([path])

    def choose_files(self) -> None:
        from ..imaging.decode import PHOTO_SUFFIXES

        pattern = " ".join(f"*{s}" for s in sorted(PHOTO_SUFFIXES))
        paths, _ = QFileDialog.getOpenFileNames(self, "Import photos", str(Path.home()),
                                                f"Photos ({pattern});;All files (*)")
        if paths:
            self.import_paths(paths)

    def import_paths(self, paths: list[str]) -> Job | None:
        paths = [p for p in paths if p]
        if not paths:
            return None
        if self.controller is None:  # the library is still opening
            self._pending_paths.extend(paths)
            return None
        queued = self.controller.busy
        job = self.controller.import_paths(paths, self.settings)
        if queued:
            self.flash(f"Queued: {len(paths)} item(s) will be imported after the current import")
        self.error_banner.hide()
        return job

    @staticmethod
    def local_paths(urls: list[QUrl]) -> list[str]:
        return [u.toLocalFile() for u in urls if u.isLocalFile() and u.toLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.local_paths(event.mimeData().urls()):
            event.acceptProposedAction()
            self.overlay.setGeometry(self.centralWidget().rect())
            self.overlay.raise_()
            self.overlay.show()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.overlay.hide()

    def dropEvent(self, event: QDropEvent) -> None:
        self.overlay.hide()
        paths = self.local_paths(event.mimeData().urls()) if event.mimeData().hasUrls() else []
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_paths(paths)

    def toggle_pause(self) -> None:
        c = self.controller
        if c is None or not c.busy:
            return
        if c.progress.paused:
            c.resume()
        else:
            c.pause()

    def cancel_import(self) -> None:
        c = self.controller
        if c is None or not c.busy or c.current is None:
            return
        regrouping = c.current.kind == "regroup"
        c.cancel()
        if regrouping:
            self.flash("Cancelling the regroup: nothing changes…")
        else:
            self.flash("Cancelling: the photo being analysed is finished first…")

    def _update_import_status(self) -> None:
        c = self.controller
        status = self.import_status
        if c is None or not c.busy or c.current is None:
            status.hide()
            self._update_actions()
            return
        p = c.progress
        status.show()
        job = c.current
        queued = len(c.queue)
        more = f" · {queued} more queued" if queued else ""
        if job.kind == "regroup":
            status.bar.setRange(0, 0)
            doing = "Cancelling the regroup" if job.control.cancelled else f"Regrouping people at {job.threshold:g} %"
            status.label.setText(f"{doing}…{more}")
            status.pause.hide()
            status.cancel.show()
            status.cancel.setEnabled(not job.control.cancelled)
            self._update_actions()
            return
        status.pause.show()
        status.cancel.show()
        status.cancel.setEnabled(True)
        if p.total == 0:
            status.bar.setRange(0, 0)
            status.label.setText(f"Looking for photos…{more}")
        else:
            status.bar.setRange(0, p.total)
            status.bar.setValue(p.done)
            parts = [f"{p.done:,} of {p.total:,} photos", f"{p.faces:,} faces", f"{p.new_people:,} new people"]
            if p.failed:
                parts.append(f"{p.failed:,} failed")
            eta = p.eta_seconds()
            if p.paused:
                parts.insert(0, "Paused")
            elif job.control.cancelled:
                parts.insert(0, "Cancelling")
            elif eta is not None:
                parts.append(f"about {_duration(eta)} left")
            status.label.setText(" · ".join(parts) + more)
        status.pause.setText("Resume" if p.paused else "Pause")
        status.pause.setIcon(icons.icon("resume" if p.paused else "pause", style.TEXT, 14))
        self._update_actions()

    def _photo_failed(self, path: str, reason: str) -> None:
        self.failures.append((path, reason))
        n = len(self.failures)
        self.failure_banner.show_message(
            f"{n:,} file{'s' if n != 1 else ''} could not be imported. The import goes on.",
            action="Show Details")

    def show_failures(self) -> QDialog:
        dialog = QDialog(self)
        dialog.setWindowTitle("Files that could not be imported")
        dialog.resize(780, 420)
        layout = QVBoxLayout(dialog)
        tree = QTreeWidget()
        tree.setHeaderLabels(["File", "Reason"])
        tree.setRootIsDecorated(False)
        tree.setAlternatingRowColors(True)
        for path, reason in self.failures:
            item = QTreeWidgetItem([path, reason])
            item.setToolTip(0, path)
            item.setToolTip(1, reason)
            tree.addTopLevelItem(item)
        tree.resizeColumnToContents(0)
        tree.setColumnWidth(0, min(tree.columnWidth(0), 430))
        layout.addWidget(tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _job_finished(self, job: Job, result: Any) -> None:
        if job.kind == "regroup":
            if result is None:  # cancelled before it wrote anything
                self.flash(f"Regrouping at {job.threshold:g} % cancelled: nothing changed", 10000)
            elif not getattr(result, "applied", True):
                self.error_banner.show_message(
                    f"The library was not regrouped at {job.threshold:g} %: it now needs"
                    f" {result.index_calls:,} Amazon Rekognition IndexFaces calls, more than Settings announced."
                    " Open Settings again to see the new estimate.")
            else:
                self.flash(f"Regrouped at {job.threshold:g} %: {result.people} people (Ctrl+Z undoes it)", 10000)
            return
        report = result
        if report.cancelled:
            self.flash(f"Import cancelled. {report.pending:,} photos were left; import the folder again to"
                       " finish them.", 10000)
        elif report.paused_reason:
            self.error_banner.show_message(f"The import stopped: {report.paused_reason}. The remaining"
                                           f" {report.pending:,} photos are imported next time.")
        else:
            self.flash(f"Import finished: {report.photos_new:,} new photos, {report.faces:,} faces,"
                       f" {report.new_people:,} new people", 10000)

    def _job_failed(self, job: Job, message: str) -> None:
        what = "Regrouping" if job.kind == "regroup" else "The import"
        self.error_banner.show_message(f"{what} could not run: {message}")

    # -- editing people (menu actions act on the current page) ------------------------------------------
    def _on_people(self) -> bool:
        return self.ctx is not None and self.pages.currentWidget() is self.people_page

    def _on_person(self) -> bool:
        return self.ctx is not None and self.pages.currentWidget() is self.person_page

    def rename(self) -> None:
        if self._on_people():
            self.people_page.rename_current()
        elif self._on_person():
            self.person_page.start_rename()

    def merge(self) -> None:
        if self._on_people():
            self.people_page.merge_selected()

    def split(self) -> None:
        if self._on_person():
            self.person_page.split()

    def undo(self) -> None:
        self._step_history("undo")

    def redo(self) -> None:
        self._step_history("redo")

    def _step_history(self, which: str) -> None:
        """Undo or redo the library's last edit (the history lives in the library file)."""
        from ..library import NothingToUndo

        if self.ctx is None:
            return
        if self._regrouping():
            self.flash("Wait for the regroup to finish, or cancel it")
            return
        library = self.ctx.library
        self._end_rename()
        try:
            ok, entry = self.ctx.try_edit(f"Could not {which}", library.undo if which == "undo" else library.redo)
        except NothingToUndo:
            self.flash(f"Nothing to {which}")
            self._refresh_history()
            return
        if ok:
            self.flash(f"{'Undone' if which == 'undo' else 'Redone'}: {entry.label}")
            self.ctx.changed.emit()

    def _end_rename(self) -> None:
        """A name being typed on a person's page is given up before the history moves under it."""
        if getattr(self, "person_page", None) is not None and self.person_page.renaming:
            self.person_page._cancel_name()

    def _regrouping(self) -> bool:
        c = self.controller
        return c is not None and c.current is not None and c.current.kind == "regroup"

    def _refresh_history(self) -> None:
        """Read what Undo and Redo would do now (quick: the newest rows of a small table)."""
        if self.ctx is None:
            self._history_state = (None, None)
        else:
            try:
                library = self.ctx.library
                self._history_state = (library.next_undo(), library.next_redo())
            except Exception:  # never let the menu break the window; the next change reads it again
                log.debug("reading the edit history failed", exc_info=True)
                self._history_state = (None, None)
        self._update_actions()

    def _edit_refused(self, message: str) -> None:
        self.error_banner.show_message(message)

    def toggle_hidden(self) -> None:
        if self._on_people():
            self.people_page.toggle_hidden_selected()
        elif self._on_person():
            self.person_page.toggle_hidden()

    def not_this_person(self) -> None:
        if self._on_person():
            self.person_page.not_this_person()

    def use_as_cover(self) -> None:
        if self._on_person():
            self.person_page.use_as_cover()

    def find(self) -> None:
        if self.ctx is None:
            return
        self.show_section(0)
        self.people_page.search.setFocus()
        self.people_page.search.selectAll()

    def toggle_show_hidden(self) -> None:
        if self.ctx is not None:
            self.people_page.model.set_view_options(include_hidden=self.actions_by_name["show_hidden"].isChecked())

    def set_sort(self, order: str) -> None:
        if self.ctx is not None:
            combo = self.people_page.sort
            combo.setCurrentIndex(combo.findData(order))

    def _update_actions(self) -> None:
        a = getattr(self, "actions_by_name", None)
        if not a:
            return
        on_people, on_person = self._on_people(), self._on_person()
        selected = len(self.people_page.selected_ids()) if on_people else 0
        a["rename"].setEnabled((on_people and selected >= 1) or on_person)
        a["merge"].setEnabled(on_people and selected >= 2)
        a["split"].setEnabled(on_person)
        a["hide"].setEnabled((on_people and selected >= 1) or on_person)
        a["not_this"].setEnabled(on_person)
        a["cover"].setEnabled(on_person)
        busy = self.controller is not None and self.controller.busy
        regrouping = self._regrouping()
        a["pause"].setEnabled(busy and not regrouping)  # a regroup can be cancelled, not paused
        a["cancel"].setEnabled(busy)
        a["cancel"].setText("&Cancel Regroup" if regrouping else "&Cancel Import")
        if busy and self.controller is not None:
            a["pause"].setText("&Resume Import" if self.controller.progress.paused else "&Pause Import")
        a["back"].setEnabled(len(self.history) > 1)
        for key, entry, verb in (("undo", self._history_state[0], "Undo"),
                                 ("redo", self._history_state[1], "Redo")):
            action = a[key]
            if entry is None:
                action.setText(f"&{verb}")
                action.setStatusTip("")
            else:
                label = entry.label if len(entry.label) <= MAX_LABEL else entry.label[:MAX_LABEL - 1] + "…"
                action.setText(f"&{verb} {label.replace('&', '&&')}")
                action.setStatusTip(f"{verb} “{entry.label}”")
            action.setEnabled(entry is not None and self.ctx is not None and not regrouping)

    # -- settings --------------------------------------------------------------------------------------
    def open_settings(self) -> SettingsDialog:
        from .settings_dialog import SettingsDialog

        if self.settings_dialog is not None:
            self.settings_dialog.raise_()
            return self.settings_dialog
        dialog = SettingsDialog(self.settings, self.ctx, library_override=self.library_override, parent=self)
        dialog.applied.connect(self.apply_settings)
        dialog.finished.connect(lambda _r: self._settings_closed())
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def _settings_closed(self) -> None:
        if self.settings_dialog is not None:
            self.settings_dialog.deleteLater()
        self.settings_dialog = None

    def apply_settings(self, change: SettingsChange) -> None:
        self.settings = change.new
        if self.ctx is not None:
            self.ctx.settings = change.new
        if change.regroup_at is not None and self.controller is not None:
            # The open library regroups and keeps the threshold itself; other libraries are not touched.
            self.controller.regroup(change.regroup_at, change.new, max_index_calls=change.index_calls)
        if change.library_changed and not self.library_override:
            from ..config import resolve_library_dir

            new_dir = resolve_library_dir(None, change.new)
            if self.controller is not None and self.controller.busy:
                self.info_banner.show_message(f"The library at {new_dir} is opened the next time Beetroot starts.")
            elif new_dir != self.library_dir:
                self.library_dir = new_dir
                self.open_library()

    # -- help ------------------------------------------------------------------------------------------
    def show_shortcuts(self) -> QDialog:
        dialog = QDialog(self)
        dialog.setWindowTitle("Keyboard shortcuts")
        layout = QVBoxLayout(dialog)
        tree = QTreeWidget()
        tree.setHeaderLabels(["Keys", "Does"])
        tree.setRootIsDecorated(False)
        for keys, does in SHORTCUTS:
            tree.addTopLevelItem(QTreeWidgetItem([keys, does]))
        tree.resizeColumnToContents(0)
        layout.addWidget(tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        dialog.resize(640, 460)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        from .. import __version__

        QMessageBox.about(self, "About Beetroot",
                          f"<b>Beetroot {__version__}</b><p>Organize a photo library by the people in it."
                          "<p>Faces are found and matched on this computer by default; Amazon Rekognition is"
                          " available in Settings.")

    # -- status and shutdown ---------------------------------------------------------------------------
    def flash(self, text: str, ms: int = 6000) -> None:
        self.statusBar().showMessage(text, ms)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.overlay.isVisible():
            self.overlay.setGeometry(QRect(self.centralWidget().rect()))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.controller is not None and self.controller.busy:
            self.flash("Stopping the import…")
        self._close_library()
        event.accept()


def warm_up() -> None:
    """Import what opening a library needs (runs on a worker thread; imports are thread-safe)."""
    import importlib

    for name in ("numpy", "PIL.Image", "beetroot_desktop.library", "beetroot_desktop.pipeline.events",
                 "beetroot_desktop.imaging.thumbnails", "beetroot_desktop.library.recovery"):
        importlib.import_module(name)


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{max(1, round(seconds))} s"
    if seconds < 3600:
        return f"{round(seconds / 60)} min"
    return f"{seconds / 3600:.1f} h"
