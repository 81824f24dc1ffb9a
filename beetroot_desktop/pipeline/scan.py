"""Finding the photos under what the user dropped: recursive, loop-safe, in a stable order.

The walk keeps each file's stat (one system call per file, with the directory listing), so an import of
100,000 known photos stats every file once and reads none.
"""

from __future__ import annotations

import errno
import os
import stat as stat_mod
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..imaging import is_photo_name
from ..wording import say

INSIDE_LIBRARY = say("inside the library's own folder (its thumbnails and index are never imported)")
UNSTORABLE_NAME = "the file name is not valid text"  # how the reason below starts


@dataclass
class ScanResult:
    files: list[str] = field(default_factory=list)  # absolute paths, in a stable order, each once
    problems: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    stats: dict[str, os.stat_result] = field(default_factory=dict)  # the stat of each file, from the walk
    # Folders that could not be listed or entered: what is under them was not seen, which says nothing
    # about whether it is still there.
    unseen: list[str] = field(default_factory=list)


def scan(paths: list[str | os.PathLike[str]], exclude: Sequence[str | os.PathLike[str]] = (),
         should_stop: Callable[[], bool] = lambda: False) -> ScanResult:
    """Photos under `paths`: named files as given, folders walked recursively (symlink loops cut).

    Folders in `exclude` (the library's own folder, whose cache is full of JPEG thumbnails) and everything
    inside them are never entered or imported, however they are reached: named directly, through a link,
    or from above. `should_stop` is asked before each folder: a cancelled import does not wait for the
    walk of a large network share to end.
    """
    result = ScanResult()
    seen_files: set[str] = set()
    seen_dirs: set[tuple[int, int]] = set()
    excluded = [os.path.realpath(os.fspath(folder)) for folder in exclude]
    for folder in excluded:
        try:
            st = os.stat(folder)
        except OSError:
            continue
        seen_dirs.add((st.st_dev, st.st_ino))

    def add(path: str, st: os.stat_result) -> None:
        if path in seen_files:
            return
        seen_files.add(path)
        if not _storable(path):
            result.problems.append((path, say("the file name is not valid text (bytes of another encoding); rename"
                                              " the file (or its folder) to import it")))
            return
        result.files.append(path)
        result.stats[path] = st

    for raw in paths:
        if should_stop():
            break
        path = os.path.abspath(os.fspath(raw))
        if is_inside(path, excluded):
            result.problems.append((path, INSIDE_LIBRARY))
        elif os.path.isdir(path):
            _walk(path, add, seen_dirs, result, should_stop)
        elif os.path.isfile(path):
            if is_photo_name(path):
                add(path, os.stat(path))
            else:
                suffix = Path(path).suffix
                result.problems.append((path, say("not a photo: {suffix} files are not imported", suffix=suffix)
                                        if suffix else say("not a photo: files without an extension are not imported")))
        elif os.path.lexists(path):
            result.problems.append((path, not_a_file_reason(path)))
        else:
            result.problems.append((path, say("no such file or folder")))
    return result


def is_inside(path: str, folders: Sequence[str]) -> bool:
    """Whether `path` (resolved through links) is one of `folders` (already resolved) or inside one."""
    if not folders:
        return False
    real = os.path.realpath(path)
    return any(real == folder or real.startswith(folder.rstrip(os.sep) + os.sep) for folder in folders)


def _walk(top: str, add: Callable[[str, os.stat_result], None], seen_dirs: set[tuple[int, int]],
          result: ScanResult, should_stop: Callable[[], bool]) -> None:
    """Depth first, names sorted, hidden entries skipped, each folder once (links followed, loops cut)."""
    stack = [top]
    while stack:
        if should_stop():
            return
        folder = stack.pop()
        try:
            st = os.stat(folder)
            key = (st.st_dev, st.st_ino)
            if key in seen_dirs:  # a symlink loop, the same folder reached twice, or the library's own
                continue
            seen_dirs.add(key)
            with os.scandir(folder) as it:
                entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
        except OSError as exc:
            result.problems.append((folder, say("folder cannot be read: {error}", error=exc.strerror or str(exc))))
            result.unseen.append(folder)
            continue
        subfolders: list[str] = []
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                subfolders.append(entry.path)
                continue
            if not is_photo_name(entry.name):
                continue
            try:
                entry_st = entry.stat()
            except OSError as exc:
                # A folder that can be listed but not entered (read without search permission) names its
                # files and refuses their stat: each is listed with the reason, never skipped in silence.
                result.problems.append((entry.path, _unreadable_reason(entry.path, exc)))
                continue
            if stat_mod.S_ISREG(entry_st.st_mode):
                add(entry.path, entry_st)
            else:
                result.problems.append((entry.path, not_a_file_reason(entry.path)))
        stack.extend(reversed(subfolders))


def _unreadable_reason(path: str, exc: OSError) -> str:
    if exc.errno in (errno.ELOOP, errno.ENOENT) and os.path.islink(path):
        return not_a_file_reason(path)
    if exc.errno == errno.EACCES:
        return say("cannot be read: permission denied (the folder holding it cannot be entered)")
    return say("cannot be read: {error}", error=exc.strerror or str(exc))


def not_a_file_reason(path: str) -> str:
    """Why something that exists under a photo's name is not a file that can be read."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return say("symlink loop: the link leads back to itself")
        if exc.errno == errno.ENOENT:
            return say("broken link: the file it points to is missing")
        return say("cannot be read: {error}", error=exc.strerror or str(exc))
    # Never opened: reading a named pipe would wait forever for a writer.
    return say("not a regular file (a named pipe, socket or device): not a photo")


def _storable(path: str) -> bool:
    """POSIX names that are not valid UTF-8 arrive with surrogate escapes, which SQLite cannot store."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
