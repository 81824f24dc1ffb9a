"""Syncing: the library looks again at folders it imported, and follows what changed on disk.

A `SyncJob` is an import of folders already imported (`ingest(folders, …, remember=False)`), or of every
imported folder (File › Sync Library: `ingest(None, …)`). The folder watcher (watching.py) queues one for
the folders where photos changed; a sync that waits behind an import or a regroup takes in the folders
reported meanwhile (`merge`), so a burst of changes is one sync. Its result says what it picked up:
photos added, moved, gone missing, out of reach or back, counted from the library before and after.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .jobs import CountingListener, ImportJob, JobControl, Line, Outcome, _window_words
from .words import plural

if TYPE_CHECKING:
    from ..config import Settings
    from ..pipeline.events import ImportReport


@dataclass
class SyncResult:
    """What a sync did: the import's report and the library's counts before and after it."""

    report: ImportReport
    paths: list[str]  # what it looked at
    before: dict[str, int] = field(default_factory=dict)
    after: dict[str, int] = field(default_factory=dict)
    busy: bool = False  # another program was importing: nothing was looked at (the watcher's sync waits)
    repeated: int = 0  # files that failed again as before (the user was told then)

    def change(self, key: str) -> int:
        return max(0, self.after.get(key, 0) - self.before.get(key, 0))

    @property
    def back(self) -> int:
        """Photos that were out of reach and can be reached again."""
        return max(0, self.before.get("offline", 0) - self.after.get("offline", 0))

    def parts(self) -> list[str]:
        """What changed, in words; empty when nothing did."""
        r = self.report
        parts = [f"{plural(r.photos_added, 'new photo')}"] if r.photos_added else []
        for n, what in ((r.photos_moved, "moved"), (self.change("missing"), "missing"),
                        (self.change("offline"), "offline"), (self.back, "back")):
            if n:
                parts.append(f"{plural(n, 'photo')} {what}")
        if r.photos_failed > self.repeated:
            parts.append(f"{plural(r.photos_failed - self.repeated, 'file')} could not be imported")
        return parts


def shown_path(path: str) -> str:
    """A folder as the status bar names it: under the home folder as ~/…"""
    home = str(Path.home())
    if path == home or path.startswith(home.rstrip(os.sep) + os.sep):
        return "~" + path[len(home):]
    return path


class SyncJob(ImportJob):
    """Look at imported folders again: new photos are imported, moved ones followed, gone ones marked.

    `folders` None looks at every imported folder (File › Sync Library). A `quiet` sync (the watcher's)
    says nothing when nothing changed, and waits when another program holds the library.
    """

    noun = "the sync"
    dropped_by_cancel = False  # the changes it was queued for are still to be looked at
    adds_roots = False

    def __init__(self, folders: Sequence[str] | None, settings: Settings, *, quiet: bool = False) -> None:
        super().__init__(list(folders or []), settings)
        self.whole = folders is None
        self.quiet = quiet

    def merge(self, folders: Sequence[str] | None, *, quiet: bool = True) -> None:
        """Take in more folders (None: all of them) while waiting in the queue."""
        self.whole = self.whole or folders is None
        self.paths = [] if self.whole else list(dict.fromkeys([*self.paths, *(folders or [])]))
        self.quiet = self.quiet and quiet

    @property
    def description(self) -> str:
        if self.whole:
            return "Sync of the library"
        names = ", ".join(Path(p).name or p for p in self.paths[:3])
        more = f" and {len(self.paths) - 3} more" if len(self.paths) > 3 else ""
        return f"Sync of {names}{more}"

    @property
    def details(self) -> str:
        return "Every imported folder" if self.whole else "\n".join(self.paths)

    def run(self, control: JobControl) -> SyncResult:
        from ..library import LibraryBusy, open_library
        from ..library.recovery import import_roots
        from ..pipeline.events import ImportReport
        from ..pipeline.watch import as_roots, rescan_targets

        with open_library(control.library_dir) as library:
            roots = import_roots(control.library_dir)
            # Folders reported a while ago may be gone since: their nearest existing ancestor is looked at.
            paths = roots if self.whole else rescan_targets([(p, True) for p in self.paths], as_roots(roots))
            before = library.library_counts()
            if not paths:
                return SyncResult(ImportReport(), [], before, before)
            listener = CountingListener(control.listener, dict(library.failed_photos()))
            try:
                report = self.ingest(control, library, None if self.whole else paths, remember=False,
                                     listener=listener)
            except LibraryBusy:
                if not self.quiet:
                    raise
                return SyncResult(ImportReport(), paths, before, before, busy=True)
            return SyncResult(report, paths, before, library.library_counts(), repeated=listener.repeated)

    # -- words for the user -------------------------------------------------------------------------------
    @property
    def cancel_label(self) -> str:
        return "&Cancel Sync"

    def cancelling_text(self) -> str:
        return "Cancelling the sync…"

    def where(self, result: SyncResult) -> str:
        paths = result.paths or self.paths
        if self.whole or len(paths) != 1:
            return "your imported folders" if self.whole else f"{len(paths)} folders"
        return shown_path(paths[0])

    def summary(self, result: SyncResult) -> str:
        """The status bar's sentence; empty for a quiet sync that changed nothing."""
        parts = result.parts()
        if self.whole:
            return f"Library synced: {'; '.join(parts) if parts else 'nothing changed'}"
        if not parts:
            return "" if self.quiet else f"Synced {self.where(result)}: nothing changed"
        if result.report.photos_added:
            rest = "".join(f"; {p}" for p in parts[1:])
            return f"Picked up {parts[0]} in {self.where(result)}{rest}"
        return f"Picked up changes in {self.where(result)}: {'; '.join(parts)}"

    def result_line(self, result: SyncResult) -> Line:
        report = result.report
        if result.busy:
            return ("info", f"{self.description}: waiting (another program is importing)", "")
        if report.cancelled:
            return ("info", f"{self.description}: cancelled", "")
        if report.paused_reason:
            return ("info", f"{self.description}: paused: {_window_words(report.paused_reason)}", "")
        parts = result.parts()
        text = "; ".join(parts) if parts else "nothing changed"
        return ("info", f"{self.description}: {text} ({report.seconds:.1f} s)", "\n".join(result.paths))

    def outcome(self, result: Any) -> Outcome:
        report = result.report
        if result.busy:
            return Outcome("")
        if report.cancelled:
            return Outcome("Sync cancelled: the folders are looked at again at the next change or sync")
        if report.paused_reason:
            return Outcome(f"The sync stopped: {_window_words(report.paused_reason)}.", error=True)
        return Outcome(self.summary(result))
