"""Finding the photos under what the user dropped: recursive, loop-safe, in a stable order."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..imaging import is_photo_name


@dataclass
class ScanResult:
    files: list[str] = field(default_factory=list)  # absolute paths, in a stable order, each once
    problems: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)


def scan(paths: list[str | os.PathLike[str]], exclude: Sequence[str | os.PathLike[str]] = (),
         should_stop: Callable[[], bool] = lambda: False) -> ScanResult:
    """Photos under `paths`: named files as given, folders walked recursively (symlink loops cut).

    Folders in `exclude` (the library's own folder, whose cache is full of JPEG thumbnails) are never
    entered, however they are reached. `should_stop` is asked before each folder: a cancelled import
    does not wait for the walk of a large network share to end.
    """
    result = ScanResult()
    seen_files: set[str] = set()
    seen_dirs: set[tuple[int, int]] = set()
    for folder in exclude:
        try:
            st = os.stat(folder)
        except OSError:
            continue
        seen_dirs.add((st.st_dev, st.st_ino))

    def add(path: str) -> None:
        if path in seen_files:
            return
        seen_files.add(path)
        if not _storable(path):
            result.problems.append((path, "the file name is not valid text (bytes of another encoding);"
                                          " rename the file to import it"))
            return
        result.files.append(path)

    for raw in paths:
        if should_stop():
            break
        path = os.path.abspath(os.fspath(raw))
        if os.path.isdir(path):
            _walk(path, add, seen_dirs, result.problems, should_stop)
        elif os.path.isfile(path):
            if is_photo_name(path):
                add(path)
            else:
                kind = Path(path).suffix or "files without an extension"
                result.problems.append((path, f"not a photo: {kind} files are not imported"))
        elif os.path.lexists(path):
            result.problems.append((path, not_a_file_reason(path)))
        else:
            result.problems.append((path, "no such file or folder"))
    return result


def _walk(top: str, add: Callable[[str], None], seen_dirs: set[tuple[int, int]],
          problems: list[tuple[str, str]], should_stop: Callable[[], bool] = lambda: False) -> None:
    def on_error(err: OSError) -> None:
        problems.append((err.filename or top, f"folder cannot be read: {err.strerror or err}"))

    for dirpath, dirnames, filenames in os.walk(top, onerror=on_error, followlinks=True):
        if should_stop():
            return
        try:
            st = os.stat(dirpath)
        except OSError as exc:
            problems.append((dirpath, f"folder cannot be read: {exc.strerror or exc}"))
            dirnames[:] = []
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:  # a symlink loop, or the same folder reached twice
            dirnames[:] = []
            continue
        seen_dirs.add(key)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or not is_photo_name(name):
                continue
            full = os.path.join(dirpath, name)
            if os.path.isfile(full):
                add(full)
            elif os.path.lexists(full):
                problems.append((full, not_a_file_reason(full)))


def not_a_file_reason(path: str) -> str:
    """Why something that exists under a photo's name is not a file that can be read."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symlink loop: the link leads back to itself"
        if exc.errno == errno.ENOENT:
            return "broken link: the file it points to is missing"
        return f"cannot be read: {exc.strerror or exc}"
    # Never opened: reading a named pipe would wait forever for a writer.
    return "not a regular file (a named pipe, socket or device): not a photo"


def _storable(path: str) -> bool:
    """POSIX names that are not valid UTF-8 arrive with surrogate escapes, which SQLite cannot store."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
