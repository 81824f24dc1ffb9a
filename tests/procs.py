"""Helpers for tests that run the app in other processes: privileges, process trees, file snapshots."""

from __future__ import annotations

import ctypes
import functools
import hashlib
import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2


def drop_root_file_access() -> None:
    """In a child before exec: drop the capabilities that let root read any file, so chmod 000 works.

    Everything else stays root's: the files the test made are root's own, so only the permission bits
    decide, exactly as for an ordinary user and a file they cannot read.
    """
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


@functools.cache
def can_drop_root_file_access() -> bool:
    """Whether `drop_root_file_access` works here and really makes a chmod 000 file unreadable."""
    if not sys.platform.startswith("linux"):
        return False
    with tempfile.TemporaryDirectory() as tmp:
        locked = Path(tmp) / "locked"
        locked.write_bytes(b"x")
        locked.chmod(0)
        try:
            probe = subprocess.run([sys.executable, "-c", f"open({str(locked)!r}).read()"],
                                   preexec_fn=drop_root_file_access, capture_output=True, text=True)
        except (subprocess.SubprocessError, OSError):
            return False
    return probe.returncode != 0 and "PermissionError" in probe.stderr


def tree_snapshot(root: Path) -> dict[str, tuple[object, ...]]:
    """Every entry under `root` (links not followed): kind, size, mtime, mode and content hash or target.

    Folder mtimes are included: a file written next to a photo and removed again still changes them.
    """
    out: dict[str, tuple[object, ...]] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in [*dirnames, *filenames]:
            full = os.path.join(dirpath, name)
            st = os.lstat(full)
            rel = os.path.relpath(full, root)
            if stat.S_ISLNK(st.st_mode):
                out[rel] = ("link", os.readlink(full))
            elif stat.S_ISREG(st.st_mode):
                out[rel] = ("file", st.st_size, st.st_mtime_ns, st.st_mode, _sha(full))
            else:
                out[rel] = ("other", st.st_mode, st.st_mtime_ns)
        dirnames[:] = [d for d in dirnames if not os.path.islink(os.path.join(dirpath, d))]
    top = os.stat(root)
    out["."] = ("dir", top.st_mtime_ns, top.st_mode)
    return out


def _sha(path: str) -> str | None:
    try:
        with open(path, "rb") as fh:
            return hashlib.sha256(fh.read()).hexdigest()
    except PermissionError:
        return None


def children(pid: int) -> set[int]:
    """Direct children of `pid`, from every one of its threads (Linux /proc)."""
    found: set[int] = set()
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/children") as fh:
                found.update(int(x) for x in fh.read().split())
        except OSError:
            continue
    return found


def descendants(pid: int) -> set[int]:
    out: set[int] = set()
    todo = [pid]
    while todo:
        for child in children(todo.pop()):
            if child not in out:
                out.add(child)
                todo.append(child)
    return out


def running(pid: int) -> bool:
    """Alive and not a zombie (a zombie holds no memory or CPU; only its parent can reap it)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            state = fh.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")
