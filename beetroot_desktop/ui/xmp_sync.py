"""Keeping the photos' XMP sidecars up to date as names change (the xmp_sync setting, off by default).

After each edit of the user's (the context's `edit_made`: a rename, a merge, a face added or taken out, an
answer in Review, an undo) and after the jobs that change names (forgetting a person), the named faces of
every photo are read again on a thread of its own and compared with what they were: only the photos whose
names changed get their sidecars written (pipeline/xmp_export.py with `photo_ids`, merged as every export
is: a region Beetroot has no named face for stays as it was). Edits made in a burst make one pass
(DELAY_MS). The photos themselves are never touched, and nothing is written while the setting is off.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from .tasks import TaskRunner, ThreadLibraries

if TYPE_CHECKING:
    from .context import LibraryContext

log = logging.getLogger("beetroot.ui.xmp")

DELAY_MS = 600  # edits within this long of each other are written together


class XmpSync(QObject):
    """Follows one library's names into its sidecars while `enabled`."""

    synced = Signal(object)  # the XmpExport of a pass that wrote or skipped something

    def __init__(self, ctx: LibraryContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = TaskRunner(1, self, name="xmp-sync")
        self.runner.pool.setExpiryTimeout(-1)  # its thread keeps its connection
        self.libraries = ThreadLibraries(ctx.library_dir)
        self._before: dict[int, Any] | None = None  # touched on the runner's one thread only
        self.enabled = False
        self.convention = "jpg.xmp"
        self._timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self._timer.timeout.connect(self._pass)
        ctx.edit_made.connect(self.names_may_have_changed)

    def follow(self, enabled: bool, convention: str) -> None:
        """Turn following on (noting the names as they are now) or off."""
        was = self.enabled
        self.enabled, self.convention = enabled, convention
        if enabled and not was:
            self.runner.submit(self._note_names, None, lambda exc: log.warning("reading the names failed: %s", exc))
        elif not enabled:
            self._timer.stop()

    def names_may_have_changed(self) -> None:
        if self.enabled:
            self._timer.start()

    @property
    def busy(self) -> bool:
        return self._timer.isActive() or self.runner.busy

    def _note_names(self) -> None:
        from ..pipeline.xmp_export import named_faces

        self._before = named_faces(self.libraries.get())

    def _pass(self) -> None:
        convention = self.convention

        def write() -> Any:
            from ..pipeline.xmp_export import export_xmp, named_faces

            library = self.libraries.get()
            now = named_faces(library)
            before = self._before if self._before is not None else now
            changed = {pid for pid in now.keys() | before.keys() if now.get(pid) != before.get(pid)}
            self._before = now
            return export_xmp(library, convention, photo_ids=changed) if changed else None

        def done(report: Any) -> None:
            if report is not None and (report.written or report.skipped):
                self.synced.emit(report)

        self.runner.submit(write, done, lambda exc: log.warning("keeping the XMP sidecars up to date failed: %s", exc))

    def close(self) -> None:
        self._timer.stop()
        self.runner.shutdown(-1)  # a sidecar being written is finished
        self.libraries.close_all()
