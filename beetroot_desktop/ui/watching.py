"""The window's folder watcher: the core's `FolderWatcher` (pipeline/watch.py), heard on the GUI thread.

The watcher runs on threads of its own and never touches a widget: what it reports (the folders to look at
again, a folder the system refused to watch) crosses to the GUI thread as queued signals. `follow()`
points it at a library's imported roots, or stops it when the setting is off; `refresh_roots()` re-reads
them after an import added some; `stop()` ends it when the window closes.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from .i18n import translated

if TYPE_CHECKING:
    from ..pipeline.watch import FolderWatcher

log = logging.getLogger("beetroot.ui.watch")

# Seconds of quiet before changes are reported, the longest a change waits, how often roots are looked at.
TIMING: tuple[float, float, float] = (2.0, 10.0, 5.0)


class FolderWatch(QObject):
    foldersChanged = Signal(list)  # folders to look at again
    problemChanged = Signal(str)  # what cannot be watched, in the window's words ("" once everything is watched)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.watcher: FolderWatcher | None = None
        self.library_dir: Path | None = None

    @property
    def active(self) -> bool:
        return self.watcher is not None and self.watcher.running

    @property
    def problem(self) -> str | None:
        return self.watcher.problem if self.watcher is not None else None

    def follow(self, library_dir: Path, enabled: bool) -> None:
        """Watch `library_dir`'s imported roots (or stop, when the setting is off)."""
        self.library_dir = Path(library_dir)
        if not enabled:
            self.stop()
            return
        from ..library.recovery import import_roots

        roots = import_roots(self.library_dir)
        if self.watcher is None:
            from ..pipeline.watch import FolderWatcher

            quiet, longest, poll = TIMING
            self.watcher = FolderWatcher(self._report, library_dir=self.library_dir, quiet_s=quiet,
                                         max_wait_s=longest, poll_s=poll, on_problem=self._problem)
            self.watcher.start(roots)
        else:
            self.watcher.retarget(roots, library_dir=self.library_dir)

    def refresh_roots(self) -> None:
        """An import added roots: watch them too."""
        if self.watcher is not None and self.watcher.running and self.library_dir is not None:
            from ..library.recovery import import_roots

            self.watcher.retarget(import_roots(self.library_dir))

    def stop(self) -> None:
        watcher, self.watcher = self.watcher, None
        # Its threads are daemons: one still setting up the watches of a huge tree ends with the app.
        if watcher is not None and not watcher.stop(timeout=1.0):
            log.warning("the folder watcher did not stop in time; it ends with the app")

    # -- from the watcher's thread ------------------------------------------------------------------------
    def _report(self, folders: list[str]) -> None:
        with contextlib.suppress(RuntimeError):  # the window is gone: nothing to tell
            self.foldersChanged.emit(list(folders))

    def _problem(self, problem: str | None) -> None:
        # Put into the window's language here: the text loses its template once it is a signal's argument.
        watcher = self.watcher
        parts = watcher.problems if watcher is not None and problem else []
        text = "; ".join(translated(part) for part in parts) if parts else (problem or "")
        with contextlib.suppress(RuntimeError):
            self.problemChanged.emit(text)
