"""Everything the views share about the open library: connections, background readers, thumbnails."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from .i18n import tr
from .tasks import TaskRunner, ThreadLibraries
from .thumbnails import ThumbnailCache

if TYPE_CHECKING:
    from ..config import Settings
    from ..library import Library


class LibraryContext(QObject):
    """The open library as the GUI sees it.

    `library` is the GUI thread's own connection (quick lookups by id, and the user's edits, which go
    through `ops.run_edit` only); `reader` runs the heavier list queries on a background thread with its
    own connection; `thumbs` decodes thumbnails off the GUI thread. `changed` is the one announcement that
    the library was written (by an edit, through ops.py; by a job or another program, through the main
    window), and every view refreshes from it. `refused` carries a sentence for the window's error banner
    when an edit was not made (it would break a rule the library keeps, or the person is gone).
    """

    changed = Signal()
    edit_made = Signal()  # after `changed`, for an edit of the user's (ops.py), not a job's or another program's
    refused = Signal(str)

    def __init__(self, library: Library, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from ..imaging.thumbnails import cache_dir_for

        self.library = library
        self.settings = settings
        self.library_dir = Path(library.dir)
        self.reader = TaskRunner(1, self, name="library-reader")
        self.reader.pool.setExpiryTimeout(-1)  # keep the reader thread, and with it its connection
        self.reader_libraries = ThreadLibraries(self.library_dir)
        self.thumbs = ThumbnailCache(cache_dir_for(self.library_dir), parent=self)
        self.writer: TaskRunner | None = None  # made for the first edit that runs off the GUI thread
        self.writer_libraries = ThreadLibraries(self.library_dir)
        self.edit_running = False  # an edit runs on the writer thread (ops.run_edit takes no other)
        self._closed = False
        self._roots: tuple[int | None, list[str]] = (None, [])  # the imported roots, by the file's mtime

    def import_roots(self) -> list[str]:
        """The library's imported roots (a small file, read again when it changed)."""
        from ..library.recovery import import_roots, import_roots_path

        try:
            stamp: int | None = import_roots_path(self.library_dir).stat().st_mtime_ns
        except OSError:
            stamp = None
        if stamp is None or stamp != self._roots[0]:
            self._roots = (stamp, import_roots(self.library_dir))
        return self._roots[1]

    def offline_note(self, path: str) -> str:
        """A tooltip's line for a photo out of reach: which imported folder or drive is not connected."""
        import os

        from ..library.recovery import root_of

        root = root_of(path, self.import_roots()) or os.path.dirname(path)
        return "\n" + tr("On {root}, which is not connected").format(root=root)

    def read(self, fn, on_done, on_error=None) -> int:  # type: ignore[no-untyped-def]
        """Run `fn(library)` on the reader thread's connection; `on_done(result)` on the GUI thread."""
        libs = self.reader_libraries
        return self.reader.submit(lambda: fn(libs.get()), on_done, on_error)

    def write(self, fn, on_done, on_error) -> int:  # type: ignore[no-untyped-def]
        """Run the edit `fn(library)` on the writer thread's connection (ops.run_edit only)."""
        if self.writer is None:
            self.writer = TaskRunner(1, self, name="library-writer")
            self.writer.pool.setExpiryTimeout(-1)  # keep the thread, and with it its connection
        libs = self.writer_libraries
        return self.writer.submit(lambda: fn(libs.get()), on_done, on_error)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.thumbs.shutdown()
        self.reader.shutdown()
        if self.writer is not None:
            self.writer.shutdown(-1)  # an edit in progress is finished (a transaction; seconds at most)
        self.reader_libraries.close_all()
        self.writer_libraries.close_all()
        self.library.close()

