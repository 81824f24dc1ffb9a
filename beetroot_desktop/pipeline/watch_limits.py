"""The operating system's limits on watching folders, and what to say when they are reached.

On Linux each watched folder takes one inotify watch, and a user has fs.inotify.max_user_watches of them
(8,192 on older systems; other programs use some). watchdog watches a root's subfolders one by one and
leaves out, without a word, those the system refuses; `make_observer` gives it an inotify instance that
tells `LimitReport` about each refusal first, so the folders that cannot be watched are known and the
rest are still watched. Other systems watch a whole tree at once: a refusal there is the root's.
"""

from __future__ import annotations

import errno
import logging
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..library.recovery import under
from ..wording import say

if TYPE_CHECKING:
    from watchdog.observers.api import BaseObserver

log = logging.getLogger("beetroot.watch")

LIMIT_ERRORS = (errno.ENOSPC, errno.EMFILE)  # too many watches; too many inotify instances
Refused = Callable[[str, OSError], None]


def _inotify_setting(name: str) -> int | None:
    try:
        return int(Path("/proc/sys/fs/inotify", name).read_text().strip())
    except (OSError, ValueError):
        return None


def limit_words(code: int | None) -> str:
    """Why the system refused a watch, and what lifts the limit."""
    if code == errno.ENOSPC:
        limit = _inotify_setting("max_user_watches")
        value = f" = {limit:,}" if limit is not None else ""
        return say("the system's limit on watched folders is reached (fs.inotify.max_user_watches{value});"
                   " raising it lets them be watched", value=value)
    if code == errno.EMFILE:
        limit = _inotify_setting("max_user_instances")
        value = f" = {limit:,}" if limit is not None else ""
        return say("the system's limit on programs watching folders is reached (fs.inotify.max_user_instances"
                   "{value}); closing other programs that watch folders helps", value=value)
    return os.strerror(code) if code else say("the system refused to watch it")


class LimitReport:
    """Folders the system refused to watch (any thread records; `describe` puts it in words)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._folders: dict[str, int] = {}  # folder -> errno, for the system's limits
        self._roots: dict[str, OSError] = {}  # a root that could not be watched at all, and why

    def refused(self, folder: str, exc: OSError) -> None:
        if exc.errno in LIMIT_ERRORS:
            with self._lock:
                self._folders[folder] = exc.errno or 0

    def refused_root(self, folder: str, exc: OSError) -> None:
        with self._lock:
            self._roots[folder] = exc

    def forget_under(self, folder: str) -> None:
        """The folder is watched again, or no longer wanted: forget what was refused under it."""
        with self._lock:
            self._folders = {f: c for f, c in self._folders.items() if not under(f, folder)}
            self._roots = {f: e for f, e in self._roots.items() if not under(f, folder)}

    def describe(self) -> str | None:
        return "; ".join(self.problems()) or None

    def problems(self) -> list[str]:
        """What `describe` joins, one part each (a `say` message where one template fits any count)."""
        with self._lock:
            folders = {f: c for f, c in self._folders.items() if f not in self._roots}
            roots = dict(self._roots)
        parts: list[str] = []
        for code in sorted(set(folders.values())):
            n = sum(1 for c in folders.values() if c == code)
            parts.append(f"{n:,} {'folder is' if n == 1 else 'folders are'} not watched: {limit_words(code)}")
        for folder, exc in sorted(roots.items()):
            why = limit_words(exc.errno) if exc.errno in LIMIT_ERRORS else (exc.strerror or str(exc))
            parts.append(say("{folder} is not watched: {why}", folder=folder, why=why))
        return parts


def make_observer(refused: Refused) -> BaseObserver:
    """watchdog's observer for this system; on Linux one that reports each folder the system refuses."""
    if sys.platform.startswith("linux"):
        try:
            return _inotify_observer(refused)
        except (ImportError, AttributeError, TypeError):  # another watchdog: its own observer, unreported
            log.debug("inotify observer with limit reports unavailable", exc_info=True)
    from watchdog.observers import Observer

    return Observer()


def _inotify_observer(refused: Refused) -> BaseObserver:
    from watchdog.observers.api import DEFAULT_OBSERVER_TIMEOUT, BaseObserver
    from watchdog.observers.inotify import InotifyEmitter, InotifyObserver
    from watchdog.observers.inotify_c import CallbackId, InotifyFD, Mask, WatchCallback, WatchDescriptor

    class ReportingFD(InotifyFD):
        def add_callback(self, path: bytes, mask: Mask, callback: WatchCallback,
                         id_: CallbackId) -> WatchDescriptor:
            try:
                return super().add_callback(path, mask, callback, id_)
            except OSError as exc:
                refused(os.fsdecode(path), exc)
                raise

    class ReportingObserver(InotifyObserver):
        def __init__(self) -> None:  # InotifyObserver's, with our inotify instance
            self._inotify_fd = ReportingFD()
            self._inotify_fd.start()
            BaseObserver.__init__(self, InotifyEmitter, timeout=DEFAULT_OBSERVER_TIMEOUT,
                                  inotify_fd=self._inotify_fd)

    return ReportingObserver()
