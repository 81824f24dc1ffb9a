"""A pool of photo workers: CPU-bound analysis fanned out over the cores, results back in order.

Processes, not threads: dlib's descriptor holds the GIL. The pool is started with `spawn` because
forking a process that runs Qt is unsafe, and each worker watches its parent so none outlives a killed
import holding the models in memory.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..engines.base import WorkerNeeds
from ..wording import say
from .analyze import PhotoAnalysis, PhotoJob, analyze_photo

PARENT_POLL_SECONDS = 0.5


def _watch_parent(parent_pid: int) -> None:
    while True:
        time.sleep(PARENT_POLL_SECONDS)
        if os.getppid() != parent_pid:
            os._exit(0)


def _die_with_parent() -> None:
    """On Linux, ask the kernel to kill us the moment the parent dies."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            pr_set_pdeathsig = 1
            libc.prctl(pr_set_pdeathsig, signal.SIGKILL)
        except (OSError, AttributeError):
            pass


def _init_worker(parent_pid: int, needs: WorkerNeeds, cache_dir: str | None = None) -> None:
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True, name="parent-watch").start()
    if os.getppid() != parent_pid:
        os._exit(0)
    if not needs.remote_detection:
        from ..engines.dlib_models import load_models

        load_models(cache_dir)


Analyse = Callable[[PhotoJob, WorkerNeeds, "str | None"], PhotoAnalysis]
CRASHED = say("the face detector crashed on this file")


class PhotoWorkers:
    """Runs `analyse` (analyze_photo) over jobs on `workers` processes (or inline), yielding in job order.

    `analyse` must be a module-level function (spawned workers import it by name); tests pass their own.
    """

    def __init__(self, workers: int, needs: WorkerNeeds, cache_dir: str | None = None, *,
                 analyse: Analyse = analyze_photo) -> None:
        self.workers = max(1, workers)
        self.needs = needs
        self.cache_dir = cache_dir
        self.analyse = analyse
        self._pool: ProcessPoolExecutor | None = None

    def _new_pool(self, workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(os.getpid(), self.needs, self.cache_dir),
        )

    def _ensure_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = self._new_pool(self.workers)
        return self._pool

    def run(self, jobs: Iterable[PhotoJob], *, inline: bool = False,
            should_stop: Callable[[], bool] = lambda: False) -> Iterator[PhotoAnalysis]:
        """Analyse `jobs`, keeping a small window in flight so results stream back while jobs are made."""
        if inline or self.workers == 1:
            for job in jobs:
                if should_stop():
                    return
                yield self.analyse(job, self.needs, self.cache_dir)
            return
        window: deque[tuple[PhotoJob, Future[PhotoAnalysis]]] = deque()
        it = iter(jobs)
        exhausted = False
        try:
            while True:
                while not exhausted and len(window) < self.workers * 2 and not should_stop():
                    upcoming = next(it, None)
                    if upcoming is None:
                        exhausted = True
                        break
                    job = upcoming
                    window.append((job, self._submit(job)))
                if not window or should_stop():
                    return
                job, fut = window.popleft()
                try:
                    result = fut.result()
                except BrokenProcessPool:
                    # A worker died inside native code, and the pool took every photo in flight down with it.
                    # Keep what finished; try the others one at a time in a fresh process, so only the photo
                    # that really kills its worker is listed as crashed.
                    suspects = [(job, fut), *window]
                    window.clear()
                    self._restart()
                    for suspect, done in suspects:
                        if should_stop():
                            return
                        finished = done.done() and not done.cancelled() and done.exception() is None
                        yield done.result() if finished else self._isolated(suspect)
                    continue
                yield result
        finally:
            for _, fut in window:
                fut.cancel()

    def _submit(self, job: PhotoJob) -> Future[PhotoAnalysis]:
        return self._ensure_pool().submit(self.analyse, job, self.needs, self.cache_dir)

    def _isolated(self, job: PhotoJob) -> PhotoAnalysis:
        """One photo in a process of its own: a crash there is that photo's."""
        pool = self._new_pool(1)
        try:
            return pool.submit(self.analyse, job, self.needs, self.cache_dir).result()
        except BrokenProcessPool:
            return PhotoAnalysis(job, error=CRASHED)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _restart(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> PhotoWorkers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
