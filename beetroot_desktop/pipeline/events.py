"""What an import tells its caller while it runs (the GUI turns these into signals) and when it ends."""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class FaceOutcome:
    """One face's decision, printed in the upstream format."""

    path: str
    idx: int
    kind: str  # match | nomatch | unsearchable | unindexed
    threshold: float
    person_id: str | None = None
    similarity: float | None = None
    new_person: bool = False
    reason: str | None = None

    def upstream_line(self) -> str:
        if self.kind == "match":
            return f"Match: idx={self.idx} personId={self.person_id} similarity={self.similarity:.1f}"
        if self.kind == "nomatch":
            return f"NoMatch: idx={self.idx} threshold={self.threshold:.1f} -> indexing"
        return f"Unsearchable: idx={self.idx} reason={self.reason}"

    def log_line(self) -> str:
        return f"{self.path}: {self.upstream_line()}"


@dataclass(frozen=True)
class PhotoDone:
    path: str
    done: int  # photos finished so far in this import, all kinds
    total: int
    status: str  # new | unchanged | duplicate | moved | failed
    faces: int = 0
    reason: str | None = None


@dataclass
class ImportReport:
    photos_seen: int = 0
    photos_new: int = 0
    photos_unchanged: int = 0
    photos_duplicate: int = 0
    photos_failed: int = 0
    failed: list[dict[str, str]] = field(default_factory=list)
    # The library follows the disk: photos found at a new path (their old one gone), photos under the
    # imported paths that are missing (gone from a reachable folder) or offline (folder or drive out of
    # reach) after this import, and files that failed before for a reason of the environment and were
    # tried again.
    photos_moved: int = 0
    photos_missing: int = 0
    photos_offline: int = 0
    photos_retried: int = 0
    # not a photo's fault: thumbnails not written, a sidecar not read (`say` messages: the window translates them)
    warnings: list[str] = field(default_factory=list)
    named_from_metadata: int = 0  # faces named by the face regions other tools wrote in the photos' XMP
    people_merged: int = 0  # people consolidation found to be one (pipeline/consolidate.py)
    review_questions: int = 0  # questions waiting in the review queue after this import
    consolidated: list[str] = field(default_factory=list)  # one line per merge: who and why
    faces: int = 0
    matches: int = 0
    new_people: int = 0
    engine_calls: int = 0
    seconds: float = 0.0
    cancelled: bool = False
    paused_reason: str | None = None  # the engine became unreachable: the rest stays pending
    pending: int = 0
    # `photos_new` counts the new photos the import started on, including those that then failed or were
    # left pending (a pause, a stop). This counts the ones it added to the library: one per photo finished
    # with status "new".
    photos_added: int = 0

    def add_failure(self, path: str, reason: str) -> None:
        self.photos_failed += 1
        self.failed.append({"path": path, "reason": reason})

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["seconds"] = round(self.seconds, 3)
        return data

    def _added(self) -> str:
        """" (1 added)" when fewer new photos were saved than started on (a pause or a stop)."""
        return "" if self.photos_added == self.photos_new else f" ({self.photos_added} added)"

    def summary(self) -> str:
        parts = [
            f"{self.photos_seen} photos seen",
            f"{self.photos_new} new{self._added()}",
            f"{self.photos_unchanged} unchanged",
            f"{self.photos_duplicate} duplicates",
            f"{self.photos_failed} failed",
            *([f"{self.photos_moved} moved"] if self.photos_moved else []),
            *([f"{self.photos_missing} missing"] if self.photos_missing else []),
            *([f"{self.photos_offline} offline"] if self.photos_offline else []),
            *([f"{self.photos_retried} retried"] if self.photos_retried else []),
            f"{self.faces} faces",
            f"{self.matches} matches",
            f"{self.new_people} new people",
            *([f"{self.people_merged} merged by consolidation"] if self.people_merged else []),
            f"{self.engine_calls} engine calls",
            f"{self.seconds:.2f} s",
        ]
        text = "Imported: " + ", ".join(parts)
        for warning in self.warnings:
            text += f"\nWarning: {warning}"
        if self.cancelled:
            text += f"\nCancelled: {self.pending} photos left for the next import"
        if self.paused_reason:
            text += f"\nPaused: {self.paused_reason}; {self.pending} photos left pending for the next import"
        return text


class ImportListener:
    """Callbacks an import makes on the thread that runs it; override what you need."""

    def scan_finished(self, total: int) -> None:
        pass

    def photo_done(self, event: PhotoDone) -> None:
        pass

    def face_outcome(self, outcome: FaceOutcome) -> None:
        pass

    def consolidated(self, lines: list[str]) -> None:
        """The people consolidation merged at the end of the import, one line each (who and why)."""

    def preparing_users(self, done: int, total: int) -> None:
        """Users mode, before the first photo: `done` of the `total` people without a Rekognition user have
        one now (told every few dozen people and at the end)."""

    def warned(self, warning: str) -> None:
        """Something the user should know that cost no photo (a sidecar not read, thumbnails not saved), as
        it happens; the report's `warnings` keep it too."""


class ImportControl:
    """Cancel and pause, checked by the import between photos (thread-safe)."""

    def __init__(self) -> None:
        self._cancel = threading.Event()
        self._running = threading.Event()
        self._running.set()

    def cancel(self) -> None:
        self._cancel.set()
        self._running.set()

    def pause(self) -> None:
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    def wait_while_paused(self) -> None:
        while not self._running.wait(0.1):
            pass
