"""The main window's side of following the disk: the folder watcher, Sync Library, and the Missing photos
page's Locate….

A mixin of MainWindow. While the app runs with the watch_folders setting on, the folder watcher
(watching.py) reports the imported folders where photos changed, and each report becomes a quiet sync
(sync.py) on the job thread: behind an import or a regroup it waits, and later reports join it. The
status bar then says what it picked up. The watcher follows the open library, and the roots each import
adds; it stops when the setting is turned off and when the window closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog

from . import dialogs
from .i18n import tr
from .sync import SyncResult
from .watching import FolderWatch

if TYPE_CHECKING:
    from .jobs import Job

BUSY_RETRY_MS = 5000  # a quiet sync that found the library busy (another program imports) tries again


class DiskMixin:
    """Needs from the window: controller, ctx, settings, library_dir, info_banner, flash(), import_paths()."""

    def _connect_disk(self: Any) -> None:
        self.folder_watch = FolderWatch(self)
        self.folder_watch.foldersChanged.connect(self._folders_changed)
        self.folder_watch.problemChanged.connect(self._watch_problem)
        self.controller.jobFinished.connect(self._disk_job_finished)
        self._watch_problem_shown = ""

    def _follow_disk(self: Any) -> None:
        """Watch the open library's imported folders, or stop watching when the setting is off."""
        if self.ctx is not None:
            self.folder_watch.follow(self.library_dir, self.settings.watch_folders)

    def _stop_following(self: Any) -> None:
        self.folder_watch.stop()

    def _disk_actions(self: Any, a: dict[Any, Any]) -> None:
        from .actions import MainAction
        from .shell import section_count

        a[MainAction.SYNC].setEnabled(self.ctx is not None)
        a[MainAction.GO_MISSING].setEnabled(self.ctx is not None and section_count("missing", self.counts) > 0)

    def _folders_changed(self: Any, folders: list[str]) -> None:
        if self.ctx is None or not self.settings.watch_folders or not folders:
            return
        self.controller.sync(folders, self.settings, quiet=True)

    def sync_library(self: Any) -> Job | None:
        """File › Sync Library: look at every imported folder again."""
        if self.ctx is None:
            return None
        waits = self.controller.busy
        if not waits and not self.ctx.import_roots():  # an import under way is about to add its folders
            self.flash(tr("Nothing to sync yet: import a folder first"))
            return None
        job = self.controller.sync(None, self.settings)
        if waits:
            self.flash(tr("The library is synced once the current job is done"))
        return job  # type: ignore[no-any-return]

    def _disk_job_finished(self: Any, job: Job, result: Any) -> None:
        if job.adds_roots:
            self.folder_watch.refresh_roots()
        if isinstance(result, SyncResult) and result.busy:
            folders = None if getattr(job, "whole", False) else list(getattr(job, "paths", []))
            QTimer.singleShot(BUSY_RETRY_MS, lambda: self._retry_sync(folders))

    def _retry_sync(self: Any, folders: list[str] | None) -> None:
        if self.ctx is not None and self.settings.watch_folders:
            self.controller.sync(folders, self.settings, quiet=True)

    def _watch_problem(self: Any, text: str) -> None:
        """Say once what cannot be watched (the system's limit on watched folders, a folder refused)."""
        if text and text != self._watch_problem_shown:
            self.info_banner.show_message(tr("Some imported folders are not watched for changes: {problem}."
                                             " File › Sync Library (F5) looks at every folder now.").format(
                                                 problem=text))
        self._watch_problem_shown = text

    def locate_missing(self: Any, start: str = "") -> None:
        """Missing photos › Locate…: import the folder the photos are in now (the import follows them by
        their content, with no face work)."""
        back = dialogs.focus_keeper(self)
        path = QFileDialog.getExistingDirectory(self, tr("Locate: choose the folder the missing photos are in now"),
                                                start)
        back()
        if path:
            self.import_paths([path])
