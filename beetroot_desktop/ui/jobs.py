"""Jobs: the slow work the window hands to the job thread (job_runner.py), one at a time.

Each kind of work is a class with the same shape: `run(control)` does the work on the job thread and
returns its result, `cancel()` asks it to stop (thread-safe, from the GUI thread), and `description`
names it for the status bar and the Activity view. The texts the window shows about a job (its status
line, what its result means, how it failed) are the job's own methods too, so the window and the
controller never ask which kind of job they hold. An import and a regroup are here, a sync (an import of
folders already imported) in sync.py, and the XMP export, the photo export, forgetting a person and
deleting the cloud collection in tool_jobs.py.

`run` gets a `JobControl`: the library folder, the cancel/pause state the pipeline checks between
steps, a listener that turns pipeline events into batched progress signals, and the pool of photo
worker processes the job thread keeps across jobs. Jobs load the pipeline (and numpy) only when they run.
"""

from __future__ import annotations

import copy
import functools
import os
import re
import string
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from ..wording import Said
from .i18n import QT_TR_NOOP, decimal, engine_words, number, tr, translated

if TYPE_CHECKING:
    from ..config import Settings
    from ..pipeline.events import FaceOutcome, ImportControl, ImportReport, PhotoDone
    from ..pipeline.workers import PhotoWorkers

Line = tuple[str, str, str]  # an Activity line: (kind, text, tooltip)

# What the window says when a job cannot run, by the job's `noun` (whole sentences, for the translators).
FAILED = {
    "the job": QT_TR_NOOP("The job could not run: {message}"),
    "the import": QT_TR_NOOP("The import could not run: {message}"),
    "the sync": QT_TR_NOOP("The sync could not run: {message}"),
    "regrouping": QT_TR_NOOP("Regrouping could not run: {message}"),
}
CANCELLING = {  # jobs whose class says nothing of its own (an import, a sync, a regroup do)
    "the job": QT_TR_NOOP("Cancelling the job…"),
}


@dataclass
class Outcome:
    """What the window tells the user when a job ends: a status-bar note, or an error banner."""

    text: str
    error: bool = False


class JobControl:
    """What a running job gets from the job thread (see the module docstring)."""

    def __init__(self, job: Job, library_dir: Path, listener: Any, pool: Any) -> None:
        self.job = job
        self.library_dir = library_dir
        self.listener = listener  # pipeline ImportListener: scan_finished / photo_done / face_outcome
        self._pool = pool

    @property
    def state(self) -> ImportControl:
        """The cancel/pause flags the pipeline checks between photos (and a regroup before it writes)."""
        return self.job.state

    @property
    def cancelled(self) -> bool:
        return self.job.state.cancelled

    def photo_workers(self, count: int, needs: Any, cache_dir: str) -> PhotoWorkers:
        """The job thread's pool of photo worker processes (kept across jobs: starting one takes a second)."""
        return self._pool(count, needs, cache_dir)  # type: ignore[no-any-return]


class Job:
    """One piece of background work on the open library."""

    noun: ClassVar[str] = "the job"  # English, a key of FAILED / CANCELLING: "The import could not run: …"
    pausable: ClassVar[bool] = False
    blocks_history: ClassVar[bool] = False  # Undo/Redo wait for it (it rewrites what the history replays)
    dropped_by_cancel: ClassVar[bool] = False  # Cancel also drops queued jobs of this kind
    adds_roots: ClassVar[bool] = False  # it imports new paths: the folder watcher follows them once it ends

    def __init__(self, settings: Settings) -> None:
        from ..pipeline.events import ImportControl

        self.id = 0  # given by the controller when queued
        self.library_dir: Path | None = None  # the library it was queued for
        self.settings = copy.deepcopy(settings)  # a snapshot: the dialog may change them while it waits
        self.state = ImportControl()

    @property
    def description(self) -> str:
        raise NotImplementedError

    @property
    def details(self) -> str:
        """More about the job, for the Activity line's tooltip (an import's folders)."""
        return ""

    # -- on the job thread ---------------------------------------------------------------------------------
    def run(self, control: JobControl) -> Any:
        """Do the work; return the result (None: cancelled before anything changed)."""
        raise NotImplementedError

    # -- from the GUI thread --------------------------------------------------------------------------------
    def cancel(self) -> None:
        self.state.cancel()

    def pause(self) -> None:
        if self.pausable:
            self.state.pause()

    def resume(self) -> None:
        self.state.resume()

    @property
    def cancelled(self) -> bool:
        return self.state.cancelled

    # -- words for the user -------------------------------------------------------------------------------
    @property
    def cancel_label(self) -> str:
        """The File menu's Cancel item while this job runs."""
        return tr("&Cancel")

    def cancelling_text(self) -> str:
        return tr(CANCELLING.get(self.noun, CANCELLING["the job"]))  # an English noun never enters a sentence

    def status_text(self, progress: Progress) -> str:
        """The status bar's line while the job runs (the progress bar is indeterminate unless it counts)."""
        return tr("Cancelling…") if self.cancelled else tr("{job}…").format(job=self.description)

    def result_line(self, result: Any) -> Line:
        """The Activity line for the job's end."""
        return ("info", tr("{job}: done").format(job=self.description), "")

    def outcome(self, result: Any) -> Outcome:
        return Outcome(tr("{job}: done").format(job=self.description), False)

    def failed_text(self, message: str) -> str:
        return tr(FAILED.get(self.noun, FAILED["the job"])).format(message=message)


class ImportJob(Job):
    """Import photos and folders: find the faces, match them, group them into people."""

    noun = "the import"
    pausable = True
    dropped_by_cancel = True
    adds_roots = True

    def __init__(self, paths: Sequence[str | os.PathLike[str]], settings: Settings) -> None:
        super().__init__(settings)
        self.paths = [os.fspath(p) for p in paths]

    @property
    def description(self) -> str:
        names = ", ".join(Path(p).name or p for p in self.paths[:3])
        if len(self.paths) > 3:
            return tr("Import of {names} and %Ln more", None, len(self.paths) - 3).format(names=names)
        return tr("Import of {names}").format(names=names)

    @property
    def details(self) -> str:
        return "\n".join(self.paths)

    def run(self, control: JobControl) -> ImportReport:
        from ..library import open_library

        with open_library(control.library_dir) as library:
            return self.ingest(control, library, self.paths)

    def ingest(self, control: JobControl, library: Any, paths: list[str] | None, *, remember: bool = True,
               listener: CountingListener | None = None) -> ImportReport:
        """Import `paths` (None: every imported folder again) into the open `library`."""
        from ..engines import create_engine
        from ..imaging.thumbnails import cache_dir_for
        from ..pipeline import ingest

        listener = listener or CountingListener(control.listener)
        engine = create_engine(self.settings, library)
        try:
            workers = control.photo_workers(self.settings.effective_workers(), engine.needs,
                                            str(cache_dir_for(control.library_dir)))
            report = ingest(paths, library, engine, threshold=import_threshold(self.settings, library),
                            listener=listener, control=control.state, photo_workers=workers, remember=remember)
        finally:
            control.listener.flush()
            engine.close()
        return report

    @property
    def cancel_label(self) -> str:
        return tr("&Cancel Import")

    def cancelling_text(self) -> str:
        return tr("Cancelling: the photo being analysed is finished first…")

    def status_text(self, progress: Progress) -> str:
        p = progress
        if p.total == 0:
            return tr("Cancelling…") if self.cancelled else tr("Looking for photos…")
        # The status bar's items, one phrase each, shown side by side with " · " between them.
        parts = [tr("{done} of %Ln photo(s)", None, p.total).format(done=number(p.done)),
                 tr("%Ln face(s)", None, p.faces), tr("%Ln new person(s)", None, p.new_people)]
        if p.failed:
            parts.append(tr("%Ln failed", None, p.failed))
        eta = p.eta_seconds()
        if p.paused:
            parts.insert(0, tr("Paused"))
        elif self.cancelled:
            parts.insert(0, tr("Cancelling"))
        elif eta is not None:
            parts.append(tr("about {time} left").format(time=duration(eta)))
        return " · ".join(parts)

    def result_line(self, report: ImportReport) -> Line:
        if report.cancelled:
            text = tr("Import cancelled: %Ln photo(s) left for the next import", None, report.pending)
        elif report.paused_reason:
            text = tr("Import paused: {reason}").format(reason=engine_words(report.paused_reason))
        else:
            text = tr("{summary} ({seconds} s)").format(summary=self._finished_text(report),
                                                        seconds=number(report.seconds, 1))
        return ("info", text, "")

    def outcome(self, report: ImportReport) -> Outcome:
        if report.cancelled:
            return Outcome(tr("Import cancelled. %Ln photo(s) was(were) left; import the folder again to finish"
                              " them.", None, report.pending))
        if report.paused_reason:
            return Outcome(tr("The import stopped: {reason}. The remaining %Ln photo(s) is(are) imported next time.",
                              None, report.pending).format(reason=engine_words(report.paused_reason)), error=True)
        if report.warnings:  # listed in Activity as they came: the status bar says where to look
            return Outcome(tr("{finished}; %Ln warning(s) in Activity", None, len(report.warnings)).format(
                finished=self._finished_text(report)))
        return Outcome(self._finished_text(report))

    @staticmethod
    def _finished_text(report: ImportReport) -> str:
        """What the import added; the files it could not import apart (the failure banner lists them)."""
        counts = {"photos": tr("%Ln photo(s)", None, report.photos_added),
                  "faces": tr("%Ln face(s)", None, report.faces),
                  "people": tr("%Ln new person(s)", None, report.new_people)}
        if report.photos_failed:
            return tr("Import finished: {photos} added, {faces}, {people}; %Ln file(s) could not be imported", None,
                      report.photos_failed).format(**counts)
        return tr("Import finished: {photos} added, {faces}, {people}").format(**counts)


class CountingListener:
    """Passes the import's events on (the photos it added are the report's `photos_added`).

    With `known_failures` (path -> reason, as the library recorded them before), a file that fails again
    for the same reason is passed on as unchanged and counted in `repeated`: a sync does not list again,
    at every change in its folder, a file the user was already told about.
    """

    def __init__(self, listener: Any, known_failures: dict[str, str] | None = None) -> None:
        self.listener = listener
        self.known_failures = known_failures or {}
        self.repeated = 0

    def scan_finished(self, total: int) -> None:
        self.listener.scan_finished(total)

    def photo_done(self, event: PhotoDone) -> None:
        if event.status == "failed" and self.known_failures.get(event.path) == event.reason:
            self.repeated += 1
            event = replace(event, status="unchanged", reason=None)
        self.listener.photo_done(event)

    def face_outcome(self, outcome: FaceOutcome) -> None:
        self.listener.face_outcome(outcome)

    def consolidated(self, lines: list[str]) -> None:
        self.listener.consolidated(lines)

    def preparing_users(self, done: int, total: int) -> None:
        report = getattr(self.listener, "preparing_users", None)
        if report is not None:
            report(done, total)

    def warned(self, warning: str) -> None:
        self.listener.warned(warning)


class RegroupJob(Job):
    """Group every face again at a new match threshold; the library keeps the threshold (one undoable edit).

    It is the pipeline's own `regroup()`, the one `beetroot regroup` runs: it takes the import lock and
    can be cancelled until it writes (then it changes nothing), not paused.
    """

    noun = "regrouping"
    blocks_history = True

    def __init__(self, threshold: float, settings: Settings, *, max_index_calls: int | None = None) -> None:
        super().__init__(settings)
        self.threshold = float(threshold)
        self.max_index_calls = max_index_calls  # the paid IndexFaces calls the user agreed to (None: any)

    @property
    def description(self) -> str:
        return tr("Regrouping people at {threshold} %").format(threshold=decimal(self.threshold))

    def run(self, control: JobControl) -> Any:
        from ..engines import create_engine
        from ..library import open_library
        from ..pipeline import regroup
        from ..pipeline.regroup import RegroupCancelled

        limit = self.max_index_calls
        with open_library(control.library_dir) as library:
            try:
                return regroup(
                    library, self.threshold,
                    # New faces join the library's own collection, whatever engine the settings name now.
                    engine_factory=lambda bound: create_engine(replace(self.settings, engine=bound), library),
                    # Settings announced the paid calls; a library that changed since may need more: ask again.
                    confirm=(lambda p: p.index_calls <= limit) if limit is not None else None,
                    control=control.state)
            except RegroupCancelled:
                return None

    @property
    def cancel_label(self) -> str:
        return tr("&Cancel Regroup")

    def cancelling_text(self) -> str:
        return tr("Cancelling the regroup: nothing changes…")

    def status_text(self, progress: Progress) -> str:
        return tr("Cancelling the regroup…") if self.cancelled else tr("{job}…").format(job=self.description)

    def result_line(self, plan: Any) -> Line:
        if plan is None:
            return ("info", tr("Regroup cancelled: nothing changed"), "")
        if getattr(plan, "applied", True):
            people = getattr(plan, "people", None)
            return ("info", tr("Regrouped: %Ln person(s)", None, people) if isinstance(people, int)
                    else tr("Regrouped"), "")
        return ("warning", tr("Regroup not made: it needs more paid calls than announced"), "")

    def outcome(self, plan: Any) -> Outcome:
        threshold = decimal(self.threshold)
        if plan is None:  # cancelled before it wrote anything
            return Outcome(tr("Regrouping at {threshold} % cancelled: nothing changed").format(threshold=threshold))
        if not getattr(plan, "applied", True):
            return Outcome(tr("The library was not regrouped at {threshold} %: it now needs %Ln Amazon Rekognition"
                              " IndexFaces call(s), more than Settings announced. Open Settings again to see the new"
                              " estimate.", None, plan.index_calls).format(threshold=threshold), error=True)
        return Outcome(tr("Regrouped at {threshold} %: %Ln person(s) (Ctrl+Z undoes it)", None, plan.people)
                       .format(threshold=threshold))


@dataclass
class Progress:
    """What the status bar shows about the running job (counted from the import's events)."""

    job: Job | None = None
    total: int = 0
    done: int = 0
    faces: int = 0
    matches: int = 0
    new_people: int = 0
    failed: int = 0
    processed: int = 0  # photos that needed real work (not skipped as unchanged or duplicate)
    started: float = 0.0
    work_started: float | None = None
    paused: bool = False

    def eta_seconds(self) -> float | None:
        if self.work_started is None or self.processed < 3 or self.total <= self.done:
            return None
        rate = (time.monotonic() - self.work_started) / self.processed
        return rate * (self.total - self.done)

    def add(self, photos: list[PhotoDone], faces: list[FaceOutcome]) -> tuple[list[Line], list[tuple[str, str]]]:
        """Count a batch of events: the Activity lines it makes, and the (path, reason) of failed files."""
        lines: list[Line] = []
        failures: list[tuple[str, str]] = []
        for outcome in faces:
            self.faces += 1
            self.matches += outcome.kind == "match"
            # Upstream, a NoMatch is announced before IndexFaces runs and makes the new person; count
            # it then (the final report has the exact figure, which differs only if indexing fails).
            self.new_people += outcome.kind == "nomatch" or (outcome.new_person and outcome.kind != "nomatch")
            kind = outcome.kind if outcome.kind in ("match", "nomatch") else "warning"
            lines.append((kind, tr("{file}: {message}").format(file=Path(outcome.path).name,
                                                               message=outcome.upstream_line()), outcome.path))
        for event in photos:
            self.done = event.done
            self.total = max(self.total, event.total)
            if event.status in ("new", "failed"):
                if self.work_started is None:
                    self.work_started = time.monotonic()
                else:
                    self.processed += 1
            if event.status == "failed":
                self.failed += 1
                reason = failure_reason(event.reason) if event.reason else tr("could not be imported")
                lines.append(("error", tr("{file}: {message}").format(file=Path(event.path).name, message=reason),
                              event.path))
                failures.append((event.path, reason))
        return lines, failures


def import_threshold(settings: Settings, library: Any) -> float:
    """The threshold an import into `library` uses: FACE_MATCH_THRESHOLD when set, else the library's own
    (kept by its last regroup), else the settings' (the default for libraries without one). As the CLI."""
    from ..config import env_source

    if env_source("threshold"):
        return settings.threshold
    saved = library.saved_threshold()
    return float(saved) if saved is not None else settings.threshold


def warning_line(warning: str) -> Line:
    """An import's warning as Activity lists it: a photo by its file name, as its failures are (the whole
    path in the tooltip), in the window's language."""
    path = warning.args.get("path") if isinstance(warning, Said) else None
    if not isinstance(path, str):
        return ("warning", translated(warning), "")
    return ("warning", translated(Said(warning.template, {**warning.args, "path": Path(path).name})), path)


def user_message(exc: BaseException) -> str:
    """Our own errors already speak to the user; anything else gets its type named. In the window's language."""
    from ..config import ConfigError
    from ..engines.base import EngineError
    from ..library import LibraryError

    if isinstance(exc, EngineError):
        return engine_words(exc)  # "in Settings", not a command to run
    if isinstance(exc, (LibraryError, ConfigError)):
        return translated(exc)
    prefix = f"[Errno {exc.errno}] " if isinstance(exc, OSError) else ""
    if isinstance(exc, OSError) and isinstance(exc.strerror, Said) and str(exc) == prefix + exc.strerror:
        # ExportError(errno, message): the message in the window's language, the rest as Python says it
        return f"{type(exc).__name__}: {prefix}{translated(exc.strerror)}"
    return f"{type(exc).__name__}: {translated(exc)}"


def failure_reason(reason: str) -> str:
    """Why a file was not imported, in the window's language: a message of this import, or one the library
    saved in English at an earlier import and gives back for a file that has not changed since. Those are
    looked up whole, and a saved reason with arguments is read back by the template that made it
    (pipeline/analyze.py, SAVED_REASONS); its arguments (a decoder's own words) stay as they were."""
    if isinstance(reason, Said):
        return translated(reason)
    from ..pipeline.analyze import SAVED_REASONS

    for template in SAVED_REASONS:
        match = _reason_pattern(template).fullmatch(reason)
        if match:  # an argument that is itself a message ("the file is empty") is looked up too
            return translated(Said(template, {key: Said(value) for key, value in match.groupdict().items()}))
    return translated(reason)


@functools.cache
def _reason_pattern(template: str) -> re.Pattern[str]:
    """The texts `template` makes, with a group for each argument ("cannot read the file: (?P<error>.*?)")."""
    parts = [re.escape(text) + (f"(?P<{name}>.*?)" if name else "")
             for text, name, _spec, _conversion in string.Formatter().parse(template)]
    return re.compile("".join(parts), re.DOTALL)


def duration(seconds: float) -> str:
    if seconds < 60:
        return tr("{seconds} s").format(seconds=number(max(1, round(seconds))))
    if seconds < 3600:
        return tr("{minutes} min").format(minutes=number(round(seconds / 60)))
    return tr("{hours} h").format(hours=number(seconds / 3600, 1))


