"""The main window's side of jobs: importing what is chosen or dropped, the status bar while a job runs
(Pause, Cancel), and what the window says when a job ends or fails.

A mixin of MainWindow. The one JobController is built with the window and connected here once
(`_connect_jobs`); opening another library only points it elsewhere, so Pause and Cancel keep one
connection each whatever the user opens. Nothing here asks which kind of job runs: the job says.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QDialog, QFileDialog

from . import dialogs
from .actions import MainAction
from .i18n import tr

if TYPE_CHECKING:
    from .jobs import Job


class JobsMixin:
    """Needs from the window: controller, ctx, settings, import_status, banners, flash(), failures."""

    # -- wiring (once) -----------------------------------------------------------------------------------
    def _connect_jobs(self: Any) -> None:
        c = self.controller
        c.stateChanged.connect(self._update_import_status)
        c.progressChanged.connect(self._update_import_status)
        c.libraryChanged.connect(self._library_written)
        c.photoFailed.connect(self._photo_failed)
        c.jobFinished.connect(self._job_finished)
        c.jobFailed.connect(self._job_failed)
        c.activity.connect(self.activity_model.add)
        self.import_status.pause.clicked.connect(self.toggle_pause)
        self.import_status.cancel.clicked.connect(self.cancel_import)

    # -- importing -----------------------------------------------------------------------------------------
    def choose_folder(self: Any) -> None:
        back = dialogs.focus_keeper(self)
        path = QFileDialog.getExistingDirectory(self, tr("Import a folder of photos"), str(Path.home()))
        back()
        if path:
            self.import_paths([path])

    def choose_files(self: Any) -> None:
        from ..imaging.decode import PHOTO_SUFFIXES

        pattern = " ".join(f"*{s}" for s in sorted(PHOTO_SUFFIXES))
        back = dialogs.focus_keeper(self)
        filters = ";;".join((tr("Photos ({patterns})").format(patterns=pattern), tr("All files (*)")))
        paths, _ = QFileDialog.getOpenFileNames(self, tr("Import photos"), str(Path.home()), filters)
        back()
        if paths:
            self.import_paths(paths)

    def import_paths(self: Any, paths: list[str]) -> Job | None:
        paths = [p for p in paths if p]
        if not paths:
            return None
        if self.ctx is None:  # the library is still opening
            self._pending_paths.extend(paths)
            return None
        queued = self.controller.busy
        job = self.controller.import_paths(paths, self.settings)
        if queued:
            self.flash(tr("Queued: %Ln item(s) will be imported after the current import", None, len(paths)))
        self.error_banner.hide()
        return job  # type: ignore[no-any-return]

    @staticmethod
    def local_paths(urls: list[QUrl]) -> list[str]:
        return [u.toLocalFile() for u in urls if u.isLocalFile() and u.toLocalFile()]

    def dragEnterEvent(self: Any, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.local_paths(event.mimeData().urls()):
            event.acceptProposedAction()
            self.overlay.setGeometry(self.centralWidget().rect())
            self.overlay.raise_()
            self.overlay.show()
        else:
            event.ignore()

    def dragMoveEvent(self: Any, event: QDragMoveEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self: Any, event: QDragLeaveEvent) -> None:
        self.overlay.hide()

    def dropEvent(self: Any, event: QDropEvent) -> None:
        self.overlay.hide()
        paths = self.local_paths(event.mimeData().urls()) if event.mimeData().hasUrls() else []
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_paths(paths)

    # -- the running job -------------------------------------------------------------------------------
    def toggle_pause(self: Any) -> None:
        c = self.controller
        if not c.busy:
            return
        if c.progress.paused:
            c.resume()
        else:
            c.pause()

    def cancel_import(self: Any) -> None:
        c = self.controller
        if c.current is None:
            return
        job = c.current
        c.cancel()
        self.flash(job.cancelling_text())

    def _update_import_status(self: Any) -> None:
        c, status = self.controller, self.import_status
        job = c.current
        if job is None:
            status.hide()
            self._update_actions()
            return
        p = c.progress
        queued = len(c.queue)
        text = job.status_text(p)
        status.show()
        status.label.setText(tr("{status} · %Ln more queued", None, queued).format(status=text) if queued else text)
        if p.total:
            status.bar.setRange(0, p.total)
            status.bar.setValue(p.done)
            status.tell_progress(p.done, p.total)
        else:
            status.bar.setRange(0, 0)  # busy, with nothing to count yet
        status.pause.setVisible(job.pausable)
        status.show_paused(p.paused)
        status.cancel.setEnabled(not job.cancelled)
        self._update_actions()

    def _job_actions(self: Any, a: dict[Any, Any]) -> None:
        """Pause and Cancel in the File menu follow the running job."""
        job = self.controller.current
        a[MainAction.PAUSE].setEnabled(job is not None and job.pausable)
        a[MainAction.CANCEL].setEnabled(job is not None)
        a[MainAction.CANCEL].setText(job.cancel_label if job is not None else tr("&Cancel Import"))
        a[MainAction.PAUSE].setText(tr("&Resume Import") if job is not None and self.controller.progress.paused
                                    else tr("P&ause Import"))

    def _blocks_history(self: Any) -> bool:
        job = self.controller.current
        return job is not None and job.blocks_history

    def _photo_failed(self: Any, path: str, reason: str) -> None:
        self.failures.append((path, reason))
        self._show_failures_banner()

    def _show_failures_banner(self: Any) -> None:
        n = len(self.failures)
        text = (tr("%Ln file(s) could not be imported. The import goes on.", None, n) if self.controller.busy
                else tr("%Ln file(s) could not be imported.", None, n))
        self.failure_banner.show_message(text, action=tr("Show Details"))

    def show_failures(self: Any) -> QDialog:
        return dialogs.failures_dialog(self, self.failures)

    def _job_finished(self: Any, job: Job, result: Any) -> None:
        if self.ctx is not None:
            self.ctx.thumbs.clear_failures()  # the job may have made thumbnails that were missing
        if self.failures and self.failure_banner.isVisible():
            self._show_failures_banner()  # the import is over: no longer "goes on"
        outcome = job.outcome(result)
        if outcome.error:
            self.error_banner.show_message(outcome.text)
        elif outcome.text:  # a quiet sync that changed nothing says nothing
            self.flash(outcome.text, 10000)

    def _job_failed(self: Any, job: Job, message: str) -> None:
        self.error_banner.show_message(job.failed_text(message))
