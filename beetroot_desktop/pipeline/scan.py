"""Finding the photos under what the user dropped: recursive, loop-safe, in a stable order."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..imaging import is_photo_name


@dataclass
class ScanResult:
    files: list[str] = field(default_factory=list)  # absolute paths, in a stable order, each once
    problems: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)


def scan(paths: list[str | os.PathLike[str]]) -> ScanResult:
    """Photos under `paths`: named files as given, folders walked recursively (symlink loops cut)."""
    result = ScanResult()
    seen_files: set[str] = set()
    seen_dirs: set[tuple[int, int]] = set()

    def add(path: str) -> None:
        if path not in seen_files:
            seen_files.add(path)
            result.files.append(path)

    for raw in paths:
        path = os.path.abspath(os.fspath(raw))
        if os.path.isdir(path):
            _walk(path, add, seen_dirs, result.problems)
        elif os.path.isfile(path):
            if is_photo_name(path):
                add(path)
            else:
                kind = Path(path).suffix or "files without an extension"
                result.problems.append((path, f"not a photo: {kind} files are not imported"))
        elif os.path.lexists(path):
            result.problems.append((path, "broken link or special file: not a photo"))
        else:
            result.problems.append((path, "no such file or folder"))
    return result


def _walk(top: str, add: Callable[[str], None], seen_dirs: set[tuple[int, int]],
          problems: list[tuple[str, str]]) -> None:
    def on_error(err: OSError) -> None:
        problems.append((err.filename or top, f"folder cannot be read: {err.strerror or err}"))

    for dirpath, dirnames, filenames in os.walk(top, onerror=on_error, followlinks=True):
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
                problems.append((full, "broken link: the file it points to is missing"))
