"""Background work for the GUI: run a callable on a thread pool, get its result back on the GUI thread.

The callable never touches a widget; its result (or exception) is delivered through a queued signal, so
the GUI thread only ever does the cheap part. Database reads in the background use a connection that
belongs to the pool thread (one sqlite3 connection per thread).
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

if TYPE_CHECKING:
    from ..library import Library

log = logging.getLogger("beetroot.ui.tasks")  # under "beetroot": the app's log file (logs.py)

Callback = Callable[[Any], None]


class _Job(QRunnable):
    def __init__(self, runner: TaskRunner, task_id: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.runner, self.task_id, self.fn = runner, task_id, fn

    def run(self) -> None:
        try:
            result, ok = self.fn(), True
        except BaseException as exc:  # delivered to the caller's error callback
            result, ok = exc, False
        # RuntimeError: the runner was deleted while we worked (window closed); drop the result.
        with contextlib.suppress(RuntimeError):
            self.runner._finished.emit(self.task_id, ok, result)


class TaskRunner(QObject):
    """A small thread pool whose results come back on the thread that owns the runner."""

    _finished = Signal(int, bool, object)

    def __init__(self, threads: int = 1, parent: QObject | None = None, *, name: str = "tasks") -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self.pool.setObjectName(name)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Callback | None, Callback | None]] = {}
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def submit(self, fn: Callable[[], Any], on_done: Callback | None = None,
               on_error: Callback | None = None, *, priority: int = 0) -> int:
        task_id = next(self._ids)
        self._callbacks[task_id] = (on_done, on_error)
        self.pool.start(_Job(self, task_id, fn), priority)
        return task_id

    @property
    def busy(self) -> bool:
        return bool(self._callbacks)

    @Slot(int, bool, object)
    def _deliver(self, task_id: int, ok: bool, value: object) -> None:
        on_done, on_error = self._callbacks.pop(task_id, (None, None))
        try:
            if ok:
                if on_done is not None:
                    on_done(value)
            elif on_error is not None:
                on_error(value)
            else:
                log.error("background task failed", exc_info=value if isinstance(value, BaseException) else None)
        except RuntimeError as exc:
            if "already deleted" not in str(exc) and "has been deleted" not in str(exc):
                raise
            # The widget that asked closed while the task ran: nobody is waiting for the result.

    def shutdown(self, wait_ms: int = 5000) -> None:
        """Drop queued work, wait for running work, and forget every callback (its receiver may go away)."""
        self.pool.clear()
        self.pool.waitForDone(wait_ms)
        self._callbacks.clear()


_shared: TaskRunner | None = None


def shared_runner() -> TaskRunner:
    """A pool that lives as long as the application, for work a short-lived dialog starts (a network
    check must not make closing the dialog wait for it)."""
    global _shared
    if _shared is None:
        from PySide6.QtCore import QCoreApplication

        _shared = TaskRunner(2, QCoreApplication.instance(), name="shared")
        _shared.destroyed.connect(_forget_shared)
    return _shared


def _forget_shared(*_args: object) -> None:
    global _shared
    _shared = None


class ThreadLibraries:
    """One read connection per pool thread for a library folder, opened on first use in that thread."""

    def __init__(self, library_dir: Path) -> None:
        self.library_dir = Path(library_dir)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._opened: list[Library] = []

    def get(self) -> Library:
        lib = getattr(self._local, "library", None)
        if lib is None:
            from ..library import open_library

            lib = open_library(self.library_dir)
            self._local.library = lib
            with self._lock:
                self._opened.append(lib)
        return lib

    def close_all(self) -> None:
        """Call once the pools that used these connections are idle."""
        with self._lock:
            opened, self._opened = self._opened, []
        for lib in opened:
            with contextlib.suppress(Exception):  # closing must never stop the app from quitting
                lib.close()
