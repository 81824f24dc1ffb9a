"""The main window: sidebar (People, All Photos, Unassigned faces, Review, Activity, and Missing photos while
some are), pages, job status bar.

The window appears before the library is opened (first paint never waits for it); `open_library()`
then builds the pages. Files and folders dropped anywhere on the window are imported on the job thread;
the window only receives signals, and refreshes its views from a short timer.

Its parts: the frame (shell.py), the actions and menus (actions.py), opening the library and what it says
when it cannot (window_open.py), the job side (window_jobs.py), the Edit and View commands
(window_edits.py), following the disk (window_disk.py), Review and the People menu's commands
(window_tools.py), small dialogs (dialogs.py).
Everything built once (the frame, the actions, the job controller, the folder watcher) is connected once,
here; each library gets new pages and a new context.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from . import dialogs
from .actions import build_menus, create_actions, shortcut_rows
from .activity import ActivityModel, ActivityPage
from .i18n import tr
from .job_runner import JobController
from .shell import Banners, DropOverlay, ImportStatus, Sidebar, announce
from .window_disk import DiskMixin
from .window_edits import EditsMixin
from .window_jobs import JobsMixin
from .window_open import OpeningMixin
from .window_tools import ToolsMixin

if TYPE_CHECKING:
    from ..config import Settings
    from ..library import Library
    from .context import LibraryContext
    from .missing_page import MissingPage
    from .pages import PeoplePage, PhotosPage, UnassignedPage
    from .person_page import PersonPage
    from .review_page import ReviewPage
    from .settings_dialog import SettingsChange, SettingsDialog
    from .together_page import TogetherPage
    from .viewer import PhotoViewer

log = logging.getLogger("beetroot.ui.window")

POLL_MS = 1500  # how often the window looks for changes made by another window or a command
START_SIZE = QSize(1180, 780)
MIN_SIZE = QSize(600, 440)
NARROW_WINDOW = 820  # below this width the sidebar gives the pages some of its room


class MainWindow(OpeningMixin, EditsMixin, JobsMixin, DiskMixin, ToolsMixin, QMainWindow):
    libraryOpened = Signal()

    def __init__(self, settings: Settings, library_dir: Path, *, library_override: bool = False) -> None:
        super().__init__()
        self.settings = settings
        self.library_dir = Path(library_dir)
        self.library_override = library_override
        self.ctx: LibraryContext | None = None
        self.failures: list[tuple[str, str]] = []
        self.history: list[QWidget] = []
        self.section_pages: list[QWidget] = []
        self.counts: dict[str, int] = {}
        self._stale: set[int] = set()
        self._pending_paths: list[str] = []
        self.settings_dialog: SettingsDialog | None = None
        self._history_state: tuple[Any, Any] = (None, None)  # the next undo and redo (EditEntry or None)
        self._data_version: int | None = None
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self._poll_library)
        self.setWindowTitle(tr("Beetroot"))
        self._fit_screen()
        self.setAcceptDrops(True)
        self.activity_model = ActivityModel(self)  # kept across libraries: the session's log
        self.activity_page = ActivityPage(self.activity_model)  # so is its page (built once, like the frame)
        self.controller = JobController(self)  # one, pointed at each library the window opens
        self._build_shell()
        self.actions_by_name = create_actions(self)
        build_menus(self.menuBar(), self.actions_by_name)
        self._connect_jobs()
        self._connect_disk()
        self._connect_tools()
        self._update_actions()

    def _build_shell(self) -> None:
        central = QWidget()
        outer = QHBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.sidebar = Sidebar()
        self.nav = self.sidebar.nav
        self.nav.currentRowChanged.connect(self._nav_changed)  # the arrows move from section to section
        for opened in (self.nav.activated, self.nav.clicked):  # Enter (or a click) opens the section again
            opened.connect(lambda index: self.show_section(index.row()))
        self.sidebar.import_button.clicked.connect(self.choose_folder)
        self.sidebar.set_library(self.library_dir)
        outer.addWidget(self.sidebar)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banners = Banners()
        self.error_banner, self.failure_banner, self.info_banner = (
            self.banners.error, self.banners.failure, self.banners.info)
        self.failure_banner.actionTriggered.connect(self.show_failures)
        self.failure_banner.dismissed.connect(self.failures.clear)
        self.error_banner.actionTriggered.connect(self._open_again)  # Try Again: a library that could not open
        layout.addWidget(self.banners)
        self.pages = QStackedWidget()
        self.loading = QLabel(tr("Opening your library…"), alignment=Qt.AlignmentFlag.AlignCenter,
                              objectName="EmptyText")
        self.pages.addWidget(self.loading)
        self.pages.addWidget(self.activity_page)
        self.pages.currentChanged.connect(lambda _i: self._page_shown())
        layout.addWidget(self.pages, 1)
        outer.addWidget(content, 1)
        self.setCentralWidget(central)
        self.overlay = DropOverlay(central)
        self.import_status = ImportStatus()
        self.statusBar().addPermanentWidget(self.import_status)
        self.statusBar().setSizeGripEnabled(False)

    # -- the library ---------------------------------------------------------------------------------------
    def open_library_soon(self) -> None:
        """Load the heavy modules (numpy, Pillow, the pipeline) on a worker thread, then open the library.

        Importing them takes a few hundred milliseconds; done here on the GUI thread it would be the one
        moment the fresh window does not answer.
        """
        from .tasks import TaskRunner

        self._warmer = TaskRunner(1, self, name="warm-up")
        self._warmer.submit(warm_up, lambda _r: self.open_library(), lambda _e: self.open_library())

    def set_library(self, library: Library) -> None:
        from .context import LibraryContext
        from .missing_page import MissingPage
        from .pages import PeoplePage, PhotosPage, UnassignedPage
        from .person_page import PersonPage
        from .viewer import PhotoViewer

        self._close_library()
        self.library_dir = Path(library.dir)
        self.sidebar.set_library(self.library_dir)
        self.controller.set_library(self.library_dir)
        ctx = self.ctx = LibraryContext(library, self.settings, self)
        ctx.changed.connect(self._library_changed)
        ctx.refused.connect(self.error_banner.show_message)

        self.people_page: PeoplePage = PeoplePage(ctx)
        self.photos_page: PhotosPage = PhotosPage(ctx)
        self.unassigned_page: UnassignedPage = UnassignedPage(ctx)
        self.person_page: PersonPage = PersonPage(ctx, self.people_page.model)
        self.viewer: PhotoViewer = PhotoViewer(ctx)
        self.missing_page: MissingPage = MissingPage(ctx)
        self.people_page.menu_actions = {k: self.actions_by_name[k] for k in ("rename", "merge", "merge_into", "hide")}
        self.review_page: ReviewPage
        self.together_page: TogetherPage
        self._build_tool_pages(ctx)
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
        self.missing_page.locateRequested.connect(self.locate_missing)
        self.missing_page.status.connect(self.flash)
        self.section_pages = [self.people_page, self.photos_page, self.unassigned_page, self.review_page,
                              self.activity_page, self.missing_page]
        for page in self._library_pages():
            self.pages.addWidget(page)
        self.show_section(0)
        self._stale = {id(p) for p in self.section_pages}
        self._refresh_current()
        self._refresh_counts()
        self._data_version = library.data_version()
        self._refresh_history()
        self._poll.start()
        self._follow_disk()
        self.libraryOpened.emit()
        if self._pending_paths:
            paths, self._pending_paths = self._pending_paths, []
            self.import_paths(paths)

    def _close_library(self) -> None:
        self._poll.stop()
        self._history_state = (None, None)
        if self.ctx is not None:
            # Leaving the pages first ends any rename in progress, while the library can still save it.
            self.pages.blockSignals(True)
            self.pages.setCurrentWidget(self.loading)
            ctx, self.ctx = self.ctx, None
            self.viewer.decoder.shutdown()
            self._close_tools()
            ctx.close()  # before the pages go: no background result may reach a page that is going away
            for page in self._library_pages():
                self.pages.removeWidget(page)
                page.deleteLater()
            self.pages.blockSignals(False)
            ctx.deleteLater()
            self.section_pages = []
            self.history = []
        self._update_actions()

    # -- navigation ------------------------------------------------------------------------------------
    def show_section(self, row: int) -> None:
        if not self.section_pages:
            return
        self.history = [self.section_pages[row]]
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)
        self.pages.setCurrentWidget(self.section_pages[row])
        self.sidebar.set_counts(self.counts)  # Missing photos, left with none, is no longer listed
        self._update_actions()

    def _nav_changed(self, row: int) -> None:
        if row >= 0 and self.section_pages and (
                not self.history or self.history[0] is not self.section_pages[row] or len(self.history) > 1):
            walking = self.nav.hasFocus()  # the arrows walk the sections: the sidebar keeps the keys
            self.show_section(row)
            if walking and not self.nav.hasFocus():  # a page that takes the keys when shown (Review) gives them back
                self.nav.setFocus(Qt.FocusReason.OtherFocusReason)

    def _push(self, page: QWidget) -> None:
        if not self.history or self.history[-1] is not page:
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
            dialogs.give_keys_to(self.history[0])
            self._update_actions()
            self.flash(tr("That person has no photos left"))

    def back(self) -> None:
        if len(self.history) <= 1:
            return
        self.history.pop()
        self.pages.setCurrentWidget(self.history[-1])
        dialogs.give_keys_to(self.history[-1])  # back on the tile it left, with the keys
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
    def _library_written(self) -> None:
        """A job or another program wrote to the library: announce it as an edit would (ops.py)."""
        if self.ctx is not None:
            self.ctx.changed.emit()

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
        if self.controller.busy:
            self._refresh_history()  # the job refreshes the views itself (and when it finishes)
        else:
            self._library_written()

    def _all_pages(self) -> list[QWidget]:
        return [*self.section_pages, self.person_page, self.together_page, self.viewer] if self.section_pages else []

    def _library_pages(self) -> list[QWidget]:
        """The pages of the open library (built for it, deleted with it; Activity stays)."""
        return [p for p in self._all_pages() if p is not self.activity_page]

    def _page_shown(self) -> None:
        if self.ctx is not None and id(self.pages.currentWidget()) in self._stale:
            self._refresh_current()

    def _refresh_current(self) -> None:
        page = self.pages.currentWidget()
        self._stale.discard(id(page))
        if page in (self.people_page, self.photos_page, self.unassigned_page):
            page.model.refresh()
        elif page is self.person_page:
            self.person_page.reload()
            self._stale.add(id(self.people_page))
        elif page is self.viewer:
            self.viewer.reload()
        elif page is self.missing_page:
            self.missing_page.refresh()
        elif page in (self.review_page, self.together_page):
            page.refresh()

    def _refresh_counts(self) -> None:
        if self.ctx is not None:
            self.ctx.read(lambda lib: lib.library_counts(), self._got_counts)
            self.review_page.refresh_count()  # the Review badge: counted apart, at its own pace

    def _got_counts(self, counts: dict[str, int]) -> None:
        if self.ctx is None:
            return
        self.counts = {**counts, "review": self.counts.get("review", 0)}
        self.sidebar.set_counts(self.counts)
        self.people_page.set_counts(counts)
        self._update_actions()  # Missing Photos in the View menu

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
        dialogs.open_dialog(dialog)  # the keys come back to the window when it closes
        return dialog

    def _settings_closed(self) -> None:
        if self.settings_dialog is not None:
            self.settings_dialog.deleteLater()
        self.settings_dialog = None

    def apply_settings(self, change: SettingsChange) -> None:
        self.settings = change.new
        if self.ctx is not None:
            self.ctx.settings = change.new
            if change.regroup_at is not None:
                # The open library regroups and keeps the threshold itself; other libraries are not touched.
                self.controller.regroup(change.regroup_at, change.new, max_index_calls=change.index_calls)
        if change.watch_changed:
            self._follow_disk()
        if self.ctx is not None:
            self.xmp_sync.follow(change.new.xmp_sync, change.new.xmp_sidecar)
        if change.appearance_changed:  # light or dark at once (the language waits for the next start)
            from PySide6.QtWidgets import QApplication

            from .style import apply_style

            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_style(app, change.new.appearance)
        if change.library_changed and not self.library_override:
            from ..config import resolve_library_dir

            new_dir = resolve_library_dir(None, change.new)
            if self.controller.busy:
                self.info_banner.show_message(
                    tr("The library at {path} is opened the next time Beetroot starts.").format(path=new_dir))
            elif new_dir != self.library_dir:
                self.library_dir = new_dir
                self.open_library()

    # -- help, status, shutdown ------------------------------------------------------------------------
    def show_shortcuts(self) -> QDialog:
        return dialogs.shortcuts_dialog(self, shortcut_rows(self.actions_by_name))

    def show_about(self) -> None:
        dialogs.about(self)

    def flash(self, text: str, ms: int = 6000) -> None:
        self.statusBar().showMessage(text, ms)
        announce(self, text)  # a screen reader hears it where the keys are

    def _fit_screen(self) -> None:
        """The window's first size: roomy, but never larger than the screen (a 640 x 600 screen shows it
        all); the pages fit down to the minimum width (their headers wrap: widgets.PageHeader)."""
        area = self.screen().availableGeometry()
        self.setMinimumSize(min(MIN_SIZE.width(), area.width()), min(MIN_SIZE.height(), area.height()))
        self.resize(min(START_SIZE.width(), area.width()), min(START_SIZE.height(), area.height()))

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.sidebar.set_narrow(self.width() < NARROW_WINDOW)
        if self.overlay.isVisible():
            self.overlay.setGeometry(QRect(self.centralWidget().rect()))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Cancel the running job and wait for it (job_runner.py: a job that outlives the wait is never
        destroyed while it runs), then close the library."""
        self._stop_following()  # first: no sync is queued while the jobs stop
        if self.controller.current is not None:
            self.flash(self.controller.current.cancelling_text())
        self.controller.shutdown()
        self._close_library()
        event.accept()


def warm_up() -> None:
    """Import what opening a library needs (runs on a worker thread; imports are thread-safe)."""
    import importlib

    for name in ("numpy", "PIL.Image", "beetroot_desktop.library", "beetroot_desktop.pipeline.events",
                 "beetroot_desktop.imaging.thumbnails", "beetroot_desktop.library.recovery"):
        importlib.import_module(name)

