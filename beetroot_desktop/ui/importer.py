"""Imports (and regroupings) on a worker object moved to a QThread; the GUI thread only gets signals.

A regroup is the pipeline's own `regroup()` (the one the CLI runs): it takes the import lock, writes one
undoable edit and keeps the threshold in the library; the job's ImportControl lets Cancel stop it before
it writes anything.

The worker opens its own library connection and creates the engine on its own thread for every job, and
keeps one pool of photo worker processes across jobs (starting one costs about a second). Its listener
batches progress events, so a re-import that skips thousands of unchanged files in a second sends a few
signals, not thousands. Jobs run one after another: files dropped during an import wait in the queue.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

if TYPE_CHECKING:
    from ..config import Settings
    from ..pipeline.events import FaceOutcome, ImportControl, ImportReport, PhotoDone
    from ..pipeline.workers import PhotoWorkers

log = logging.getLogger(__name__)

FLUSH_SECONDS = 0.1  # the worker sends progress at most this often (plus at every slow photo)
WORKER_NICENESS = 5  # import work yields the CPU to the window first


@dataclass
class Job:
    id: int
    kind: str  # "import" | "regroup"
    settings: Settings
    paths: list[str] = field(default_factory=list)
    threshold: float | None = None
    control: ImportControl = field(default_factory=lambda: _new_control())
    max_index_calls: int | None = None  # regroup: the paid IndexFaces calls the user agreed to (None: any)


def _new_control() -> ImportControl:
    from ..pipeline.events import ImportControl

    return ImportControl()


@dataclass
class Progress:
    """What the status bar shows about the running job."""

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


class _BatchingListener:
    """An ImportListener that turns the pipeline's callbacks into a few batched signals.

    It runs on the worker thread. (Duck-typed rather than subclassed so that this module does not
    load the pipeline, and with it numpy, before the window is on screen.)
    """

    def __init__(self, worker: ImportWorker, job: Job) -> None:
        self.worker, self.job = worker, job
        self.photos: list[PhotoDone] = []
        self.faces: list[FaceOutcome] = []
        self.last = 0.0

    def scan_finished(self, total: int) -> None:
        self.worker.scanned.emit(self.job.id, total)

    def photo_done(self, event: PhotoDone) -> None:
        self.photos.append(event)
        now = time.monotonic()
        if event.status in ("new", "failed") or now - self.last >= FLUSH_SECONDS:
            self.flush(now)

    def face_outcome(self, outcome: FaceOutcome) -> None:
        self.faces.append(outcome)

    def flush(self, now: float | None = None) -> None:
        if self.photos or self.faces:
            photos, faces, self.photos, self.faces = self.photos, self.faces, [], []
            self.worker.progress.emit(self.job.id, photos, faces)
        self.last = now if now is not None else time.monotonic()


class ImportWorker(QObject):
    """Lives on the import thread. One job at a time; every outcome goes back as a signal."""

    scanned = Signal(int, int)  # job id, photos found
    progress = Signal(int, list, list)  # job id, [PhotoDone], [FaceOutcome]
    finished = Signal(int, object)  # job id, ImportReport
    regrouped = Signal(int, object)  # job id, the RegroupPlan (applied, or refused for its paid calls)
    cancelled = Signal(int)  # job id: a regroup stopped before it wrote anything
    failed = Signal(int, str)  # job id, a message for the user

    def __init__(self, library_dir: Path) -> None:
        super().__init__()
        self.library_dir = Path(library_dir)
        self._workers: PhotoWorkers | None = None
        self._workers_key: tuple[Any, ...] | None = None

    @Slot()
    def lower_priority(self) -> None:
        """Linux niceness is per thread, and the photo worker processes inherit it from this one."""
        if hasattr(os, "nice"):
            with contextlib.suppress(OSError):
                os.nice(WORKER_NICENESS)

    @Slot(object)
    def run_job(self, job: Job) -> None:
        from ..pipeline.regroup import RegroupCancelled

        try:
            if job.kind == "regroup":
                self._regroup(job)
            else:
                self._import(job)
        except RegroupCancelled:
            self.cancelled.emit(job.id)
        except Exception as exc:  # every failure is a message for the user, never a crash
            log.exception("%s job failed", job.kind)
            self.failed.emit(job.id, user_message(exc))

    def _import(self, job: Job) -> None:
        from ..engines import create_engine
        from ..imaging.thumbnails import cache_dir_for
        from ..library import open_library
        from ..pipeline import ingest

        listener = _BatchingListener(self, job)
        with open_library(self.library_dir) as library:
            engine = create_engine(job.settings, library)
            try:
                workers = self._photo_workers(job.settings.effective_workers(), engine.needs,
                                              str(cache_dir_for(self.library_dir)))
                report = ingest(job.paths, library, engine, threshold=import_threshold(job.settings, library),
                                listener=listener, control=job.control, photo_workers=workers)
            finally:
                listener.flush()
                engine.close()
        self.finished.emit(job.id, report)

    def _regroup(self, job: Job) -> None:
        from ..engines import create_engine
        from ..library import open_library
        from ..pipeline import regroup

        assert job.threshold is not None
        limit = job.max_index_calls
        with open_library(self.library_dir) as library:
            plan = regroup(
                library, job.threshold,
                # New faces join the library's own collection, whatever engine the settings name now.
                engine_factory=lambda bound: create_engine(replace(job.settings, engine=bound), library),
                # Settings announced the paid calls; a library that changed since may need more: ask again.
                confirm=(lambda p: p.index_calls <= limit) if limit is not None else None,
                control=job.control)
        self.regrouped.emit(job.id, plan)

    def _photo_workers(self, count: int, needs: Any, cache_dir: str) -> PhotoWorkers:
        from ..pipeline import PhotoWorkers

        key = (count, needs, cache_dir)
        if self._workers is None or self._workers_key != key:
            self.close_pool()
            self._workers = PhotoWorkers(count, needs, cache_dir)
            self._workers_key = key
        return self._workers

    def close_pool(self) -> None:
        if self._workers is not None:
            self._workers.close()
            self._workers = None


def import_threshold(settings: Settings, library: Any) -> float:
    """The threshold an import into `library` uses: FACE_MATCH_THRESHOLD when set, else the library's own
    (kept by its last regroup), else the settings' (the default for libraries without one). As the CLI."""
    from ..config import env_source

    if env_source("threshold"):
        return settings.threshold
    saved = library.saved_threshold()
    return float(saved) if saved is not None else settings.threshold


def user_message(exc: BaseException) -> str:
    """Our own errors already speak to the user; anything else gets its type named."""
    from ..engines.base import EngineError
    from ..library import LibraryError

    if isinstance(exc, (EngineError, LibraryError)):
        return str(exc)
    try:
        from ..config import ConfigError

        if isinstance(exc, ConfigError):
            return str(exc)
    except ImportError:  # pragma: no cover
        pass
    return f"{type(exc).__name__}: {exc}"


class ImportController(QObject):
    """The GUI thread's side: a queue of jobs, progress counters, and throttled refresh requests."""

    _run = Signal(object)
    stateChanged = Signal()  # started, finished, paused, queue changed
    progressChanged = Signal()  # at most every REFRESH_MS
    libraryChanged = Signal()  # the library has new rows: views should refresh (throttled)
    activity = Signal(list)  # [(kind, text, tooltip)]
    photoFailed = Signal(str, str)  # path, reason
    jobFinished = Signal(object, object)  # Job, ImportReport | RegroupPlan | None
    jobFailed = Signal(object, str)  # Job, message

    REFRESH_MS = 400
    STATUS_MS = 100

    def __init__(self, library_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library_dir = Path(library_dir)
        self._ids = itertools.count(1)
        self.queue: deque[Job] = deque()
        self.current: Job | None = None
        self.progress = Progress()
        self.last_report: ImportReport | None = None
        self.thread = QThread()
        self.thread.setObjectName("import")
        self.worker = ImportWorker(self.library_dir)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.lower_priority)
        self._run.connect(self.worker.run_job)
        self.worker.scanned.connect(self._on_scanned)
        self.worker.progress.connect(self._on_progress)
        self.worker.finished.connect(self._on_finished)
        self.worker.regrouped.connect(self._on_regrouped)
        self.worker.cancelled.connect(self._on_cancelled)
        self.worker.failed.connect(self._on_failed)
        self._refresh = QTimer(self, singleShot=True, interval=self.REFRESH_MS)
        self._refresh.timeout.connect(self.libraryChanged.emit)
        self._status = QTimer(self, singleShot=True, interval=self.STATUS_MS)
        self._status.timeout.connect(self.progressChanged.emit)
        self.thread.start()
        self._shut_down = False

    # -- commands --------------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self.current is not None

    def import_paths(self, paths: Sequence[str | os.PathLike[str]], settings: Settings) -> Job:
        job = Job(next(self._ids), "import", _copy_settings(settings), [os.fspath(p) for p in paths])
        self.queue.append(job)
        self._start_next()
        self.stateChanged.emit()
        return job

    def regroup(self, threshold: float, settings: Settings, *, max_index_calls: int | None = None) -> Job:
        job = Job(next(self._ids), "regroup", _copy_settings(settings), threshold=threshold,
                  max_index_calls=max_index_calls)
        self.queue.append(job)
        self._start_next()
        self.stateChanged.emit()
        return job

    def pause(self) -> None:
        if self.current is not None and self.current.kind == "import":
            self.current.control.pause()
            self.progress.paused = True
            self.stateChanged.emit()

    def resume(self) -> None:
        if self.current is not None:
            self.current.control.resume()
            self.progress.paused = False
            self.stateChanged.emit()

    def cancel(self) -> None:
        """Stop the running job (an import after the photo in flight; a regroup before it writes anything),
        and drop the imports waiting behind it."""
        self.queue = deque(j for j in self.queue if j.kind != "import")
        if self.current is not None:
            self.current.control.cancel()
            self.progress.paused = False
        self.stateChanged.emit()

    def shutdown(self, wait_ms: int = 15000) -> None:
        if self._shut_down:
            return
        self._shut_down = True
        self.queue.clear()
        if self.current is not None:
            self.current.control.cancel()
        self.thread.quit()
        if not self.thread.wait(wait_ms):
            log.warning("the import thread did not stop in time")
            return
        self.worker.close_pool()

    # -- the queue -----------------------------------------------------------------------------------------
    def _start_next(self) -> None:
        if self.current is not None or not self.queue or self._shut_down:
            return
        job = self.queue.popleft()
        self.current = job
        self.progress = Progress(job=job, started=time.monotonic())
        if job.kind == "import":
            names = ", ".join(Path(p).name or p for p in job.paths[:3])
            more = f" and {len(job.paths) - 3} more" if len(job.paths) > 3 else ""
            self.activity.emit([("info", f"Import started: {names}{more}", "\n".join(job.paths))])
        else:
            self.activity.emit([("info", f"Regrouping at threshold {job.threshold:g}", "")])
        self._run.emit(job)

    def _finish_current(self) -> Job | None:
        job, self.current = self.current, None
        self._refresh.stop()
        self.libraryChanged.emit()
        self.progressChanged.emit()
        QTimer.singleShot(0, self._start_next)
        self.stateChanged.emit()
        return job

    # -- worker signals --------------------------------------------------------------------------------
    def _on_scanned(self, job_id: int, total: int) -> None:
        if self.current is None or self.current.id != job_id:
            return
        self.progress.total = total
        self._touch_status()

    def _on_progress(self, job_id: int, photos: list[PhotoDone], faces: list[FaceOutcome]) -> None:
        if self.current is None or self.current.id != job_id:
            return
        p = self.progress
        lines: list[tuple[str, str, str]] = []
        for outcome in faces:
            p.faces += 1
            p.matches += outcome.kind == "match"
            # Upstream, a NoMatch is announced before IndexFaces runs and makes the new person; count
            # it then (the final report has the exact figure, which differs only if indexing fails).
            p.new_people += outcome.kind == "nomatch" or (outcome.new_person and outcome.kind != "nomatch")
            kind = outcome.kind if outcome.kind in ("match", "nomatch") else "warning"
            lines.append((kind, f"{Path(outcome.path).name}: {outcome.upstream_line()}", outcome.path))
        for event in photos:
            p.done = event.done
            p.total = max(p.total, event.total)
            if event.status in ("new", "failed"):
                if p.work_started is None:
                    p.work_started = time.monotonic()
                else:
                    p.processed += 1
            if event.status == "failed":
                p.failed += 1
                reason = event.reason or "could not be imported"
                lines.append(("error", f"{Path(event.path).name}: {reason}", event.path))
                self.photoFailed.emit(event.path, reason)
        if lines:
            self.activity.emit(lines)
        if any(e.status == "new" for e in photos) and not self._refresh.isActive():
            self._refresh.start()
        self._touch_status()

    def _touch_status(self) -> None:
        if not self._status.isActive():
            self._status.start()

    def _on_finished(self, job_id: int, report: ImportReport) -> None:
        if self.current is None or self.current.id != job_id:
            return
        self.last_report = report
        self.progress.new_people = report.new_people
        if report.cancelled:
            text = f"Import cancelled: {report.pending:,} photos left for the next import"
        elif report.paused_reason:
            text = f"Import paused: {report.paused_reason}"
        else:
            text = (f"Import finished: {report.photos_new:,} new photos, {report.faces:,} faces,"
                    f" {report.new_people:,} new people, {report.photos_failed:,} failed"
                    f" ({report.seconds:.1f} s)")
        self.activity.emit([("info", text, "")])
        job = self._finish_current()
        self.jobFinished.emit(job, report)

    def _on_regrouped(self, job_id: int, plan: object) -> None:
        if self.current is None or self.current.id != job_id:
            return
        if getattr(plan, "applied", True):
            self.activity.emit([("info", f"Regrouped: {getattr(plan, 'people', '?')} people", "")])
        else:
            self.activity.emit([("warning", "Regroup not made: it needs more paid calls than announced", "")])
        job = self._finish_current()
        self.jobFinished.emit(job, plan)

    def _on_cancelled(self, job_id: int) -> None:
        if self.current is None or self.current.id != job_id:
            return
        self.activity.emit([("info", "Regroup cancelled: nothing changed", "")])
        job = self._finish_current()
        self.jobFinished.emit(job, None)

    def _on_failed(self, job_id: int, message: str) -> None:
        if self.current is None or self.current.id != job_id:
            return
        self.activity.emit([("error", message, "")])
        job = self._finish_current()
        self.jobFailed.emit(job, message)


def _copy_settings(settings: Settings) -> Settings:
    """A snapshot: the dialog may change the GUI's settings while a queued job waits."""
    import copy

    return copy.deepcopy(settings)
