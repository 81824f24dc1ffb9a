"""Which files an import has to work on: the read-only checks the import and its dry run share.

First the stat (same path, size and modification time as recorded: no work), then, for the files that
changed or are new, the content (already known under this path: touched only; under another path: a
duplicate). Nothing here writes to the library.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..library import KnownPhoto, Library

UNCHANGED = "unchanged"
FAILED = "failed"
DUPLICATE = "duplicate"


def stat_verdict(known: Mapping[str, KnownPhoto], path: str, st: os.stat_result) -> str | None:
    """UNCHANGED or FAILED (as recorded) when the file is on disk as the library saw it; None: read it."""
    k = known.get(path)
    if k is None or k.size != st.st_size or k.mtime_ns != st.st_mtime_ns:
        return None
    if k.status == "failed":
        return FAILED
    if k.status in ("done", "duplicate"):
        return UNCHANGED
    return None  # pending: an earlier import stopped before this photo


def content_verdict(library: Library | None, path: str, sha: str) -> tuple[str, KnownPhoto] | None:
    """(UNCHANGED, photo) when this path holds known content, (DUPLICATE, original) when another path
    does; None for content the library has not processed."""
    original = library.photo_by_sha(sha) if library is not None else None
    if original is None:
        return None
    return (UNCHANGED if original.path == path else DUPLICATE), original
