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

from .i18n import engine_words, number, tr
from .jobs import CountingListener, ImportJob, JobControl, Line, Outcome

if TYPE_CHECKING:
    from ..config import Settings
    from ..pipeline.events import ImportReport

LIST_SEPARATOR = "; "  # between the changes a sync lists ("1 new photo; 2 photos moved")


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
        parts = [tr("%Ln new photo(s)", None, r.photos_added)] if r.photos_added else []
        if r.photos_moved:
            parts.append(tr("%Ln photo(s) moved", None, r.photos_moved))
        if self.change("missing"):
            parts.append(tr("%Ln photo(s) missing", None, self.change("missing")))
        if self.change("offline"):
            parts.append(tr("%Ln photo(s) offline", None, self.change("offline")))
        if self.back:
            parts.append(tr("%Ln photo(s) back", None, self.back))
        if r.photos_failed > self.repeated:
            parts.append(tr("%Ln file(s) could not be imported", None, r.photos_failed - self.repeated))
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
            return tr("Sync of the library")
        names = ", ".join(Path(p).name or p for p in self.paths[:3])
        if len(self.paths) > 3:
            return tr("Sync of {folders} and %Ln more", None, len(self.paths) - 3).format(folders=names)
        return tr("Sync of {folders}").format(folders=names)

    @property
    def details(self) -> str:
        return tr("Every imported folder") if self.whole else "\n".join(self.paths)

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
        return tr("&Cancel Sync")

    def cancelling_text(self) -> str:
        return tr("Cancelling the sync…")

    def where(self, result: SyncResult) -> str:
        paths = result.paths or self.paths
        if self.whole or len(paths) != 1:
            return tr("your imported folders") if self.whole else tr("%Ln folder(s)", None, len(paths))
        return shown_path(paths[0])

    def summary(self, result: SyncResult) -> str:
        """The status bar's sentence; empty for a quiet sync that changed nothing."""
        parts = result.parts()
        if self.whole:
            return tr("Library synced: {changes}").format(changes=LIST_SEPARATOR.join(parts) if parts else
                                                          tr("nothing changed"))
        if not parts:
            return "" if self.quiet else tr("Synced {folders}: nothing changed").format(folders=self.where(result))
        if result.report.photos_added:
            rest = "".join(LIST_SEPARATOR + p for p in parts[1:])
            return tr("Picked up {new_photos} in {folders}{more_changes}").format(
                new_photos=parts[0], folders=self.where(result), more_changes=rest)
        return tr("Picked up changes in {folders}: {changes}").format(folders=self.where(result),
                                                                     changes=LIST_SEPARATOR.join(parts))

    def result_line(self, result: SyncResult) -> Line:
        report = result.report
        if result.busy:
            return ("info", tr("{job}: waiting (another program is importing)").format(job=self.description), "")
        if report.cancelled:
            return ("info", tr("{job}: cancelled").format(job=self.description), "")
        if report.paused_reason:
            return ("info", tr("{job}: paused: {reason}").format(job=self.description,
                                                                  reason=engine_words(report.paused_reason)), "")
        parts = result.parts()
        text = LIST_SEPARATOR.join(parts) if parts else tr("nothing changed")
        return ("info", tr("{job}: {changes} ({seconds} s)").format(job=self.description, changes=text,
                                                                    seconds=number(report.seconds, 1)),
                "\n".join(result.paths))

    def outcome(self, result: Any) -> Outcome:
        report = result.report
        if result.busy:
            return Outcome("")
        if report.cancelled:
            return Outcome(tr("Sync cancelled: the folders are looked at again at the next change or sync"))
        if report.paused_reason:
            return Outcome(tr("The sync stopped: {reason}.").format(reason=engine_words(report.paused_reason)),
                           error=True)
        return Outcome(self.summary(result))
