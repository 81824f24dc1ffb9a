"""Everything the views share about the open library: connections, background readers, thumbnails."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from .tasks import TaskRunner, ThreadLibraries
from .thumbnails import ThumbnailCache

if TYPE_CHECKING:
    from ..config import Settings
    from ..library import Library


class LibraryContext(QObject):
    """The open library as the GUI sees it.

    `library` is the GUI thread's own connection (quick lookups by id and the user's edits); `reader`
    runs the heavier list queries on a background thread with its own connection; `thumbs` decodes
    thumbnails off the GUI thread. `changed` is emitted after anything wrote to the library (an edit,
    an import batch, a regrouping), and every view refreshes from it. `refused` carries a sentence for
    the user when an edit was not made (it would break a rule the library keeps, or the person is gone).
    """

    changed = Signal()
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
        self._closed = False

    def read(self, fn, on_done, on_error=None) -> int:  # type: ignore[no-untyped-def]
        """Run `fn(library)` on the reader thread's connection; `on_done(result)` on the GUI thread."""
        libs = self.reader_libraries
        return self.reader.submit(lambda: fn(libs.get()), on_done, on_error)

    def try_edit(self, what: str, fn: Callable[[], Any]) -> tuple[bool, Any]:
        """Run an edit on the GUI thread's connection: (True, its result), or (False, None) after `refused`.

        `what` starts the sentence the user reads ("Could not merge"); the library's own reason follows.
        """
        with self.refusals(what) as outcome:
            return True, fn()
        return False, outcome

    @contextlib.contextmanager
    def refusals(self, what: str) -> Iterator[None]:
        """Turn an edit the library refuses into a `refused` message instead of an exception."""
        import sqlite3

        from ..library import EditRefused, LibraryError, is_busy

        try:
            yield None
        except EditRefused as exc:
            self.refused.emit(f"{what}: {_sentence(str(exc))}")
        except KeyError:  # another window or a command changed the person or face meanwhile
            self.refused.emit(f"{what}: that person or face has changed meanwhile (another window or command"
                              " edited it). The view is up to date now; try again.")
            self.changed.emit()
        except LibraryError as exc:
            self.refused.emit(f"{what}: {_sentence(str(exc))}")
        except sqlite3.OperationalError as exc:
            if not is_busy(exc):
                raise
            self.refused.emit(f"{what}: the library is busy (an import is writing to it). Try again in a moment.")

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.thumbs.shutdown()
        self.reader.shutdown()
        self.reader_libraries.close_all()
        self.library.close()


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."
