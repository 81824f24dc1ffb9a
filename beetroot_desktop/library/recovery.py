"""A damaged library: set the file aside and rebuild it from the photos, which are never touched.

The library database is an index of the user's photos, so losing it loses time (and the names and merges
made since), never a photo. To rebuild even when the database cannot be read at all, every import also
records the paths it was given in a plain sidecar file, `<library>/import-roots.txt` (one absolute path
per line, de-duplicated, written atomically). `set_aside()` moves the damaged or foreign file (and its
-wal, -shm or -journal) to a timestamped name next to it, nothing is deleted, and returns the remembered
roots so the caller (the CLI's `beetroot rebuild`, the GUI's "Rebuild") can import them again.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from ..wording import say
from .lock import ImportLock
from .store import DB_NAME, LibraryError, db_path, library_error_from

IMPORT_ROOTS_NAME = "import-roots.txt"
SET_ASIDE_PREFIX = "library-damaged-"
_SIDE_FILES = ("-wal", "-shm", "-journal")
# Paths are written as the OS gave them: undecodable POSIX bytes survive a round trip.
_ENCODING, _ERRORS = "utf-8", "surrogateescape"


def import_roots_path(library_dir: Path | str) -> Path:
    return Path(library_dir) / IMPORT_ROOTS_NAME


def import_roots(library_dir: Path | str) -> list[str]:
    """The files and folders ever imported into this library, oldest first."""
    try:
        text = import_roots_path(library_dir).read_text(encoding=_ENCODING, errors=_ERRORS)
    except FileNotFoundError:
        return []
    return [line for line in text.split("\n") if line]


def remember_import_roots(library_dir: Path | str, paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Add `paths` (made absolute) to the library's import roots; returns the whole list.

    Only paths that exist are remembered, so a typo never comes back at rebuild time. A path holding a
    line break cannot be written one per line and is skipped (its photos import normally).
    """
    roots = import_roots(library_dir)
    known = set(roots)
    for raw in paths:
        path = os.path.abspath(os.fspath(raw))
        if path in known or "\n" in path or "\r" in path or not os.path.lexists(path):
            continue
        roots.append(path)
        known.add(path)
    if len(roots) != len(import_roots(library_dir)):
        _write_atomically(import_roots_path(library_dir), "".join(f"{r}\n" for r in roots))
    return roots


def under(path: str, root: str) -> bool:
    """Whether `path` is `root` or inside it (as text: both absolute, neither resolved)."""
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def root_of(path: str, roots: Iterable[str]) -> str | None:
    """The deepest of `roots` that holds `path`."""
    return max((root for root in roots if under(path, root)), key=len, default=None)


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding=_ENCODING, errors=_ERRORS, newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def check_library(library_dir: Path | str) -> LibraryError | None:
    """Open the library and read every page (`PRAGMA quick_check`): None when healthy, else the problem."""
    from . import open_library

    path = db_path(Path(library_dir))
    if not path.exists():
        return None
    try:
        with open_library(library_dir) as lib:
            result = lib.conn.execute("PRAGMA quick_check").fetchall()
    except LibraryError as exc:
        return exc
    except sqlite3.Error as exc:
        return library_error_from(exc, path)
    problems = [str(r[0]) for r in result if str(r[0]) != "ok"]
    if problems:
        from .store import LibraryDamaged

        return LibraryDamaged(say("the library file {path} is damaged ({problems})", path=str(path),
                                  problems="; ".join(problems[:3])))
    return None


def set_aside(library_dir: Path | str) -> tuple[Path, list[str]]:
    """Move the library file (and its -wal/-shm/-journal) to `library-damaged-<time>.sqlite3` beside it.

    Returns the new path of the file and the remembered import roots. Holds the import lock while it
    moves, so it never pulls a file from under a running import (LibraryBusy instead).
    """
    library_dir = Path(library_dir)
    source = db_path(library_dir)
    with ImportLock(library_dir):
        if not source.exists():
            raise LibraryError(say("there is no library file at {path} to set aside", path=str(source)))
        target = _free_name(library_dir)
        try:
            # Side files first: a -wal left behind without its database would be replayed into the new one.
            for suffix in _SIDE_FILES:
                side = Path(f"{source}{suffix}")
                if side.exists():
                    os.replace(side, f"{target}{suffix}")
            os.replace(source, target)
        except OSError as exc:
            raise LibraryError(say(
                "cannot move {path} aside ({error}); close every Beetroot window using this library and try again",
                path=str(source), error=exc.strerror or str(exc))) from exc
        with contextlib.suppress(OSError):  # make the renames durable before a rebuild writes a new file
            fd = os.open(library_dir, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    return target, import_roots(library_dir)


def _free_name(library_dir: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    suffix = Path(DB_NAME).suffix
    for n in range(1, 1000):
        name = f"{SET_ASIDE_PREFIX}{stamp}{'' if n == 1 else f'-{n}'}{suffix}"
        candidate = library_dir / name
        if not any(Path(f"{candidate}{s}").exists() for s in ("", *_SIDE_FILES)):
            return candidate
    raise LibraryError(say("too many set-aside library files in {folder}; remove some", folder=str(library_dir)))
