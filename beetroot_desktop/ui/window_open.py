"""Opening the window's library, and what the window says when it cannot: Start Over (the file set aside,
the folders imported again) for a damaged file only; Try Again for a cause that may pass (a drive not
connected, a lock held); a location that is a file named as such. A mixin of MainWindow.
"""

from __future__ import annotations

import os
from typing import Any

from . import dialogs
from .i18n import tr, translated
from .item_text import sentence


class OpeningMixin:
    """Needs from the window: library_dir, ctx, loading, error_banner, info_banner, set_library(),
    import_paths()."""

    def open_library(self: Any) -> bool:
        """Open the library folder (on the GUI thread: opening is quick) and build the pages. When it cannot
        be opened, the empty window says no library is open (not that one is being opened)."""
        self.loading.setText(tr("Opening your library…"))
        opened = self._try_open()
        if not opened:
            self.loading.setText(tr("No library is open."))
        return bool(opened)

    def _try_open(self: Any) -> bool:
        from ..config import library_dir_problem
        from ..library import ForeignDatabaseError, LibraryDamaged, LibraryError, NewerSchemaError, open_library

        try:
            library = open_library(self.library_dir)
        except LibraryDamaged as exc:  # the file's pages cannot be trusted: it can be set aside
            self.recovery_box = dialogs.start_over_box(self, sentence(translated(exc)), self.start_over, self.close)
            return False
        except LibraryError as exc:
            # A newer app's file, another program's, a lock held, a drive not connected: never set aside (that
            # would take what is in it from its owner). Said; Try Again once the cause may be gone.
            passing = not isinstance(exc, (NewerSchemaError, ForeignDatabaseError))
            self.error_banner.show_message(
                tr("The library at {path} cannot be opened: {error}.").format(path=self.library_dir,
                                                                              error=translated(exc)),
                action=tr("Try Again") if passing else None)
            return False
        except OSError as exc:  # a file where the folder should be says so, not the system's errno
            problem = library_dir_problem(str(self.library_dir))
            self.error_banner.show_message(tr("The library folder {path} cannot be used: {error}. Choose another"
                                              " location in Settings.").format(path=self.library_dir,
                                                                               error=translated(problem or exc)))
            return False
        self.set_library(library)
        return True

    def _open_again(self: Any) -> None:
        if self.ctx is None:
            self.error_banner.dismiss()
            self.open_library()

    def start_over(self: Any) -> None:
        from ..library import LibraryError
        from ..library.recovery import set_aside

        try:
            moved_to, roots = set_aside(self.library_dir)
        except (LibraryError, OSError) as exc:
            self.error_banner.show_message(
                tr("The damaged library could not be moved aside: {error}").format(error=translated(exc)))
            return
        if not self.open_library():
            return
        existing = [r for r in roots if os.path.exists(r)]
        note = tr("The damaged library file was moved to {path}.").format(path=moved_to)
        if existing:
            note = tr("The damaged library file was moved to {path}. Importing your %Ln folder(s) again…", None,
                      len(existing)).format(path=moved_to)
            self.import_paths(existing)
        self.info_banner.show_message(note)
