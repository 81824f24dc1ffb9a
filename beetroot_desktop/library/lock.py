"""The import lock: one import at a time per library, across windows, commands and machines sharing a disk.

An import keeps the engine's collection in memory (the local engine's face matrix, the faces a Rekognition
run has just indexed); two imports into one library would each miss the other's new faces and could create
the same person twice. So `ingest()` holds an exclusive, non-blocking OS lock on `<library>/import.lock`
for its whole run. Readers and people edits never take it: SQLite's WAL lets them work during an import.

The lock is an OS lock on an open file (flock on POSIX, LockFileEx through msvcrt on Windows), so it is
released by the kernel when the process dies, even by SIGKILL: a crashed import never leaves a stale lock.
The file itself stays (deleting lock files races with the next locker) and holds nothing.
"""

from __future__ import annotations

import contextlib
import errno
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ..wording import say
from .store import LibraryBusy, LibraryError

LOCK_NAME = "import.lock"
BUSY_MESSAGE = say("another Beetroot window or command is importing into this library; wait for it to finish")
_BUSY_ERRNOS = {errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK, getattr(errno, "EDEADLOCK", errno.EDEADLK)}


def lock_path(library_dir: Path | str) -> Path:
    return Path(library_dir) / LOCK_NAME


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fh: IO[bytes]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(fh: IO[bytes]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    # flock, not lockf: flock locks belong to the open file, so two imports in one process (two threads,
    # two Library objects) exclude each other too; POSIX record locks would not.
    def _try_lock(fh: IO[bytes]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fh: IO[bytes]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


class ImportLock:
    """Exclusive, non-blocking: `acquire()` raises LibraryBusy at once when someone else holds it."""

    def __init__(self, library_dir: Path | str) -> None:
        self.path = lock_path(library_dir)
        self._fh: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        return self._fh is not None

    def acquire(self) -> None:
        if self._fh is not None:
            raise LibraryBusy(BUSY_MESSAGE)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fh = open(self.path, "a+b")  # noqa: SIM115 - held open for as long as the lock is
        except OSError as exc:
            raise LibraryError(say("cannot create the import lock {path}: {error}", path=str(self.path),
                                    error=exc.strerror or str(exc))) from exc
        try:
            _try_lock(fh)
        except OSError as exc:
            fh.close()
            if exc.errno in _BUSY_ERRNOS:
                raise LibraryBusy(BUSY_MESSAGE) from exc
            raise LibraryError(say("cannot lock {path}: {error}", path=str(self.path),
                                    error=exc.strerror or str(exc))) from exc
        self._fh = fh

    def release(self) -> None:
        fh, self._fh = self._fh, None
        if fh is not None:
            with contextlib.suppress(OSError):
                _unlock(fh)
            fh.close()

    def __enter__(self) -> ImportLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


@contextlib.contextmanager
def import_lock(library_dir: Path | str) -> Iterator[ImportLock]:
    """Hold the library's import lock for the `with` block, or raise LibraryBusy now."""
    with ImportLock(library_dir) as lock:
        yield lock


def import_running(library_dir: Path | str) -> bool:
    """Whether an import holds the lock right now (a hint for the UI; it may change a moment later)."""
    if not lock_path(library_dir).exists():
        return False
    probe = ImportLock(library_dir)
    try:
        probe.acquire()
    except LibraryBusy:
        return True
    probe.release()
    return False


__all__ = ["BUSY_MESSAGE", "LOCK_NAME", "ImportLock", "import_lock", "import_running", "lock_path"]
