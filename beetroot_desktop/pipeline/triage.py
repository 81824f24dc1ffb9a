"""Which files an import has to work on: the read-only checks the import and its dry run share.

First the stat (same path, size and modification time as recorded: no work), then, for the files that
changed or are new, the content (already found at this path: touched only; a known photo at another
path: the same photo, moved or copied; else new). Nothing here writes to the library.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..library import KnownFile, KnownPhoto, Library

UNCHANGED = "unchanged"
FAILED = "failed"
RETRY = "retry"
KNOWN = "known"  # a known photo's content at a path it was not recorded at: it moved, or this is a copy


def stat_verdict(known: Mapping[str, KnownFile], path: str, st: os.stat_result) -> str | None:
    """UNCHANGED or FAILED (as recorded) when the file is on disk as the library saw it; RETRY when it
    failed for a reason of the environment (try again); None: read it."""
    k = known.get(path)
    if k is None or k.size != st.st_size or k.mtime_ns != st.st_mtime_ns or (k.ino and k.ino != st.st_ino):
        return RETRY if k is not None and k.error is not None and k.retry else None
    if k.error is not None:
        return RETRY if k.retry else FAILED
    if k.photo_id is not None:
        return UNCHANGED
    return None  # an earlier import stopped before this photo


def content_verdict(library: Library | None, path: str, sha: str) -> tuple[str, KnownPhoto] | None:
    """(UNCHANGED, photo) when this path already holds that photo, (KNOWN, photo) when the photo was
    recorded elsewhere; None for content the library has not processed."""
    photo = library.photo_by_sha(sha) if library is not None else None
    if photo is None:
        return None
    at_path = library.photo_by_path(path) if library is not None else None
    return (UNCHANGED if at_path is not None and at_path.id == photo.id else KNOWN), photo
