"""Which recorded photos an import's walk did not meet, and why: gone (missing) or out of reach (offline).

A photo's *root* is the deepest imported path (folder, drive or single file) that holds it. When the
root can be reached and the file is not under it any more, the photo is missing: it leaves every view and
count, and `beetroot prune` (or Remove from library) takes it out for good. When the root cannot be
reached (an unplugged drive, an unmounted share, a folder renamed away) the photo is offline: it stays
listed, and comes back as it was, with no engine work, when the root does. Nothing here ever deletes a
photo: the worst a wrong guess can do is list a photo as missing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..imaging import is_photo_name
from ..library import KnownFile, Library
from .scan import ScanResult


@dataclass
class Presence:
    """What the walk found about the recorded files under the roots it was given."""

    unreachable: list[str] = field(default_factory=list)  # roots out of reach: their photos are offline
    missing: list[str] = field(default_factory=list)  # recorded files gone from a reachable root
    offline: list[str] = field(default_factory=list)  # recorded files under an unreachable root
    vanished_failures: list[str] = field(default_factory=list)  # files that failed and are gone now


# Entries a file system or an OS leaves in a mount point or on an unmounted drive's folder: they do not
# make a folder one that holds photos.
_HOUSEKEEPING = {"lost+found", "System Volume Information", "$RECYCLE.BIN", "Thumbs.db", "desktop.ini"}


def holds_nothing(folder: str) -> bool:
    """Whether `folder` holds no photo and no folder (what an unmounted drive's mount point looks like)."""
    try:
        with os.scandir(folder) as it:
            for entry in it:
                if entry.name.startswith(".") or entry.name in _HOUSEKEEPING:
                    continue
                if is_photo_name(entry.name) or entry.is_dir():
                    return False
    except OSError:
        return True  # a folder that cannot be listed is out of reach as well
    return True


def reachable(root: str, known_under: int, *, file_root: bool = False) -> bool:
    """Whether the folder, drive or file `root` can be reached at all.

    A folder root is reachable when it exists and can be listed; a folder that held photos when we last
    looked and holds none now (empty, or only what a file system leaves there) is taken for an unmounted
    drive's mount point, never for thousands of deleted photos. A single-file root is reachable when its
    folder is.
    """
    if file_root:
        folder = os.path.dirname(root)
        return os.path.isdir(folder) and not (not os.path.lexists(root) and holds_nothing(folder))
    if not os.path.isdir(root):
        return os.path.isfile(root)
    return not known_under or not holds_nothing(root)


def out_of_reach_below(path: str, root: str) -> bool:
    """A file gone from under a reachable root: was it on something out of reach below the root?

    The deepest folder of its path that is still there decides: a dangling link (a drive that a link led
    to), or a folder holding nothing (a mount point below the root), is out of reach; anything else means
    the file itself is gone.
    """
    folder = os.path.dirname(path)
    top = root.rstrip(os.sep)
    while len(folder) > len(top) and folder.startswith(top + os.sep):
        if os.path.lexists(folder):
            return not os.path.isdir(folder) or holds_nothing(folder)
        folder = os.path.dirname(folder)
    return False


def unreachable_roots(roots: Iterable[str], known: Mapping[str, KnownFile]) -> list[str]:
    """The roots an import should not walk: out of reach, with recorded photos under them."""
    counts = dict.fromkeys(set(roots), 0)
    deepest = _deepest_of(list(counts))
    for path, k in known.items():
        if k.photo_id is None:
            continue
        root = deepest(path)
        if root is not None:
            counts[root] += 1
    return [root for root, n in counts.items()
            if n and not reachable(root, n, file_root=root in known)]


def _deepest_of(roots: list[str]) -> Callable[[str], str | None]:
    """root_of for many paths and few roots: plain prefix tests, deepest root first."""
    ordered = [(root, root.rstrip(os.sep) + os.sep) for root in sorted(roots, key=len, reverse=True)]

    def deepest(path: str) -> str | None:
        for root, prefix in ordered:
            if path.startswith(prefix) or path == root:
                return root
        return None

    return deepest


def look_for(roots: Sequence[str], unreachable: Sequence[str], scanned: ScanResult,
             known: Mapping[str, KnownFile], protected: Iterable[int] = ()) -> Presence:
    """Sort the recorded files under `roots` that the walk did not meet into missing and offline.

    `protected` photos were seen on disk under a name that cannot be recorded: never missing.
    """
    result = Presence(unreachable=list(unreachable))
    root_of_path, in_unseen = _deepest_of(list(roots)), _deepest_of(scanned.unseen)
    out_of_reach, keep = set(unreachable), set(protected)
    met = set(scanned.files)
    met.update(path for path, _ in scanned.problems if os.path.lexists(path))
    for path, k in known.items():
        if path in met:
            continue
        root = root_of_path(path)
        if root is None or in_unseen(path) is not None:
            continue  # not looked for, or under a folder that could not be read: nothing is known
        if k.photo_id is None:
            if root not in out_of_reach and not os.path.lexists(path):
                result.vanished_failures.append(path)
        elif root in out_of_reach:
            result.offline.append(path)
        elif k.photo_id in keep:
            continue
        elif not os.path.lexists(path):  # one check per unmet file: a cancelled walk meets fewer
            (result.offline if out_of_reach_below(path, root) else result.missing).append(path)
    return result


def settle(library: Library, presence: Presence) -> None:
    """Record what `look_for` found, in one transaction."""
    library.mark_gone(presence.missing, presence.offline)
    library.forget_files(presence.vanished_failures)


def out_of_reach_under(library: Library, roots: Sequence[str]) -> tuple[int, int]:
    """How many photos under `roots` are missing and offline now."""
    root_of_path = _deepest_of(list(roots))
    missing = offline = 0
    for path, presence in library.conn.execute("SELECT path, presence FROM photos WHERE presence <> 'present'"):
        if root_of_path(path) is None:
            continue
        missing += presence == "missing"
        offline += presence == "offline"
    return missing, offline
