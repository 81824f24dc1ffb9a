"""The job thread: jobs (jobs.py) run one after another on a worker object moved to a QThread.

The window builds one `JobController` and connects to it once; `set_library()` points it at each library
the window opens (cancelling what ran for the previous one). The GUI thread only queues jobs and
receives signals. The worker keeps one pool of photo worker processes across jobs (starting one costs
about a second). Its listener batches progress events, so a re-import that skips thousands of unchanged
files in a second sends a few signals, not thousands. Files dropped during an import wait in the queue,
and so do the folder watcher's syncs: changes reported while one waits join it (`sync()`).

Quitting never destroys a running thread (Qt aborts the process then: "QThread: Destroyed while thread
is still running", exit 134). `shutdown()` cancels the running job and waits for it; a job that outlives
the wait (a scan of a slow network folder, a cloud call in flight) keeps its thread and worker alive in
a list of parked threads, and `finish_parked()`, which `run_app` calls after the event loop, waits for it
to see its cancel before the process ends.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import threading
import time
from collections import deque
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from .i18n import tr, translated
from .jobs import ImportJob, Job, JobControl, Progress, RegroupJob, user_message, warning_line
from .sync import SyncJob

if TYPE_CHECKING:
    from ..config import Settings
    from ..pipeline.events import FaceOutcome, PhotoDone
    from ..pipeline.workers import PhotoWorkers

log = logging.getLogger("beetroot.ui.jobs")

FLUSH_SECONDS = 0.1  # the worker sends progress at most this often (plus at every slow photo)
WORKER_NICENESS = 5  # job work yields the CPU to the window first
SHUTDOWN_WAIT_MS = 15_000  # how long closing the window waits for a cancelled job
EXIT_WAIT_S = 120.0  # how long the process then waits for a job that outlived the window

_parked: list[tuple[QThread, JobWorker]] = []  # job threads still running after their window closed


class _BatchingListener:
    """An ImportListener that turns the pipeline's callbacks into a few batched signals.

    It runs on the job thread. (Duck-typed rather than subclassed so that this module does not
    load the pipeline, and with it numpy, before the window is on screen.)
    """

    def __init__(self, worker: JobWorker, job: Job) -> None:
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

    def consolidated(self, lines: list[str]) -> None:
        """The people the import's consolidation merged: lines for the Activity view."""
        self.worker.noted.emit(self.job.id, [("info", translated(line), "") for line in lines])

    def preparing_users(self, done: int, total: int) -> None:
        """Users mode: the people given their Amazon Rekognition user before the first photo, a line a batch."""
        self.worker.noted.emit(self.job.id, [("info", tr("Matching against whole people: {done} of {total} people"
                                                         " have their Amazon Rekognition user").format(
                                                             done=done, total=total), "")])

    def warned(self, warning: str) -> None:
        """What the import noticed without failing a photo (a sidecar not read, thumbnails not saved): listed
        in Activity as it happens, so an import that stops later has still said it."""
        self.worker.noted.emit(self.job.id, [warning_line(warning)])

    def flush(self, now: float | None = None) -> None:
        if self.photos or self.faces:
            photos, faces, self.photos, self.faces = self.photos, self.faces, [], []
            self.worker.progress.emit(self.job.id, photos, faces)
        self.last = now if now is not None else time.monotonic()


class JobWorker(QObject):
    """Lives on the job thread. One job at a time; every outcome goes back as a signal."""

    scanned = Signal(int, int)  # job id, photos found
    progress = Signal(int, list, list)  # job id, [PhotoDone], [FaceOutcome]
    finished = Signal(int, object)  # job id, the job's result (None: cancelled before it changed anything)
    failed = Signal(int, str)  # job id, a message for the user
    noted = Signal(int, list)  # job id, [(kind, text, tooltip)] for the Activity view

    def __init__(self) -> None:
        super().__init__()
        self._jobs = 0  # handed over and not yet ended (more than one only behind a job that ignored its cancel)
        self._jobs_changed = threading.Condition()
        self._workers: PhotoWorkers | None = None
        self._workers_key: tuple[Any, ...] | None = None

    @Slot()
    def lower_priority(self) -> None:
        """Linux niceness is per thread, and the photo worker processes inherit it from this one."""
        if hasattr(os, "nice"):
            with contextlib.suppress(OSError):
                os.nice(WORKER_NICENESS)

    def handed_over(self) -> None:
        """Called by the controller (GUI thread) as it sends a job to `run_job`."""
        with self._jobs_changed:
            self._jobs += 1

    def wait_idle(self, timeout_s: float) -> bool:
        """Wait until every job handed over has ended; whether they have."""
        with self._jobs_changed:
            return self._jobs_changed.wait_for(lambda: self._jobs == 0, timeout_s)

    @Slot(object)
    def run_job(self, job: Job) -> None:
        try:
            assert job.library_dir is not None
            control = JobControl(job, job.library_dir, _BatchingListener(self, job), self._photo_workers)
            result = job.run(control)
        except Exception as exc:  # every failure is a message for the user, never a crash
            log.exception("%s failed", job.description)
            self.failed.emit(job.id, user_message(exc))
        else:
            self.finished.emit(job.id, result)
        finally:
            with self._jobs_changed:
                self._jobs -= 1
                self._jobs_changed.notify_all()

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


class JobController(QObject):
    """The GUI thread's side: a queue of jobs, progress counters, and throttled refresh requests."""

    _run = Signal(object)
    stateChanged = Signal()  # started, finished, paused, queue changed
    progressChanged = Signal()  # at most every STATUS_MS
    libraryChanged = Signal()  # the library has new rows: views should refresh (throttled)
    activity = Signal(list)  # [(kind, text, tooltip)]
    photoFailed = Signal(str, str)  # path, reason
    jobFinished = Signal(object, object)  # Job, its result (ImportReport, RegroupPlan, None when cancelled)
    jobFailed = Signal(object, str)  # Job, message

    REFRESH_MS = 400
    STATUS_MS = 100

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library_dir: Path | None = None
        self._ids = itertools.count(1)
        self.queue: deque[Job] = deque()
        self.current: Job | None = None
        self.progress = Progress()
        self.thread: QThread | None = None  # started with the first job
        self.worker: JobWorker | None = None
        self._refresh = QTimer(self, singleShot=True, interval=self.REFRESH_MS)
        self._refresh.timeout.connect(self.libraryChanged.emit)
        self._status = QTimer(self, singleShot=True, interval=self.STATUS_MS)
        self._status.timeout.connect(self.progressChanged.emit)
        self._shut_down = False

    def _start_thread(self) -> JobWorker:
        if self.worker is None:
            self.thread = QThread()
            self.thread.setObjectName("jobs")
            self.worker = JobWorker()
            self.worker.moveToThread(self.thread)
            self.thread.started.connect(self.worker.lower_priority)
            self._run.connect(self.worker.run_job)
            self.worker.scanned.connect(self._on_scanned)
            self.worker.progress.connect(self._on_progress)
            self.worker.finished.connect(self._on_finished)
            self.worker.failed.connect(self._on_failed)
            self.worker.noted.connect(self._on_noted)
            self.thread.start()
        return self.worker

    # -- commands --------------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self.current is not None

    def set_library(self, library_dir: Path | str) -> None:
        """Run the next jobs on `library_dir`; what runs or waits for the previous library is cancelled."""
        self.stop()
        self.library_dir = Path(library_dir)

    def submit(self, job: Job) -> Job:
        """Queue `job` for the current library; it starts when the jobs before it are done."""
        if self.library_dir is None:
            raise RuntimeError("no library is open")
        job.id = next(self._ids)
        job.library_dir = self.library_dir
        self.queue.append(job)
        self._start_next()
        self.stateChanged.emit()
        return job

    def import_paths(self, paths: Sequence[str | os.PathLike[str]], settings: Settings) -> ImportJob:
        job = ImportJob(paths, settings)
        self.submit(job)
        return job

    def sync(self, folders: Sequence[str] | None, settings: Settings, *, quiet: bool = False) -> SyncJob:
        """Queue a sync of `folders` (None: every imported folder). A sync already waiting in the queue
        (behind an import or a regroup) takes them in instead: changes that come in bursts make one sync."""
        waiting = next((j for j in self.queue if isinstance(j, SyncJob)), None)
        if waiting is not None:
            waiting.merge(folders, quiet=quiet)
            self.stateChanged.emit()
            return waiting
        job = SyncJob(folders, settings, quiet=quiet)
        self.submit(job)
        return job

    def regroup(self, threshold: float, settings: Settings, *, max_index_calls: int | None = None) -> RegroupJob:
        job = RegroupJob(threshold, settings, max_index_calls=max_index_calls)
        self.submit(job)
        return job

    def pause(self) -> None:
        if self.current is not None and self.current.pausable:
            self.current.pause()
            self.progress.paused = True
            self.stateChanged.emit()

    def resume(self) -> None:
        if self.current is not None:
            self.current.resume()
            self.progress.paused = False
            self.stateChanged.emit()

    def cancel(self) -> None:
        """Stop the running job (each stops at its next safe point) and drop the queued jobs Cancel drops."""
        self.queue = deque(j for j in self.queue if not j.dropped_by_cancel)
        if self.current is not None:
            self.current.cancel()
            self.progress.paused = False
        self.stateChanged.emit()

    def stop(self, wait_ms: int | None = None) -> bool:
        """Cancel the running job and every queued one, and wait (SHUTDOWN_WAIT_MS) for the job thread to
        be idle. Returns whether it is; a job that outlives the wait ends on its own, unheard."""
        wait_ms = SHUTDOWN_WAIT_MS if wait_ms is None else wait_ms
        self.queue.clear()
        job, self.current = self.current, None
        if job is not None:
            job.cancel()
        self._refresh.stop()
        self.progress = Progress()
        idle = self.worker is None or self.worker.wait_idle(wait_ms / 1000)
        if not idle:
            log.warning("%s did not stop within %d ms of its cancel", job.description if job else "a job", wait_ms)
        if job is not None:
            self.stateChanged.emit()
        return idle

    def shutdown(self, wait_ms: int | None = None) -> None:
        """Cancel everything, end the job thread, and never let it be destroyed while it runs."""
        if self._shut_down:
            return
        self._shut_down = True
        wait_ms = SHUTDOWN_WAIT_MS if wait_ms is None else wait_ms
        self.stop(wait_ms)
        thread, worker = self.thread, self.worker
        if thread is None or worker is None:
            return
        thread.quit()
        if thread.wait(max(100, wait_ms // 10)):
            worker.close_pool()
            return
        log.warning("the job thread is still running after the window closed; the app ends once it stops")
        _parked.append((thread, worker))  # kept alive: destroying a running QThread aborts the process

    # -- the queue -----------------------------------------------------------------------------------------
    def _start_next(self) -> None:
        if self.current is not None or not self.queue or self._shut_down:
            return
        job = self.queue.popleft()
        self.current = job
        self.progress = Progress(job=job, started=time.monotonic())
        self.activity.emit([("info", tr("Started: {job}").format(job=job.description), job.details)])
        worker = self._start_thread()
        worker.handed_over()
        self._run.emit(job)

    def _finish_current(self) -> Job | None:
        job, self.current = self.current, None
        self._refresh.stop()
        self.libraryChanged.emit()
        self.progressChanged.emit()
        QTimer.singleShot(0, self._start_next)
        self.stateChanged.emit()
        return job

    def _is_current(self, job_id: int) -> bool:
        return self.current is not None and self.current.id == job_id

    # -- worker signals --------------------------------------------------------------------------------
    def _on_scanned(self, job_id: int, total: int) -> None:
        if self._is_current(job_id):
            self.progress.total = total
            self._touch_status()

    def _on_progress(self, job_id: int, photos: list[PhotoDone], faces: list[FaceOutcome]) -> None:
        if not self._is_current(job_id):
            return
        lines, failures = self.progress.add(photos, faces)
        for path, reason in failures:
            self.photoFailed.emit(path, reason)
        if lines:
            self.activity.emit(lines)
        if any(e.status == "new" for e in photos) and not self._refresh.isActive():
            self._refresh.start()
        self._touch_status()

    def _on_noted(self, job_id: int, lines: list[tuple[str, str, str]]) -> None:
        if self._is_current(job_id) and lines:
            self.activity.emit(lines)

    def _touch_status(self) -> None:
        if not self._status.isActive():
            self._status.start()

    def _on_finished(self, job_id: int, result: object) -> None:
        if not self._is_current(job_id):
            return
        job = self.current
        assert job is not None
        self.activity.emit([job.result_line(result)])
        self._finish_current()
        self.jobFinished.emit(job, result)

    def _on_failed(self, job_id: int, message: str) -> None:
        if not self._is_current(job_id):
            return
        self.activity.emit([("error", message, "")])
        job = self._finish_current()
        self.jobFailed.emit(job, message)


def parked_threads() -> int:
    """Job threads still running after their window closed."""
    return len(_parked)


def finish_parked(timeout_s: float) -> bool:
    """Wait for job threads that outlived their window; True once none runs (they can then be destroyed)."""
    deadline = time.monotonic() + timeout_s
    for thread, worker in list(_parked):
        remaining_ms = max(0, int((deadline - time.monotonic()) * 1000))
        if thread.wait(remaining_ms):
            worker.close_pool()
            _parked.remove((thread, worker))
    return not _parked
