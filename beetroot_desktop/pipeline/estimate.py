"""What an import would do, without doing it: `beetroot import --dry-run`.

The same checks as a real import decide which photos are new (path, size and modification time
unchanged -> skipped; content already known or seen earlier in the folder -> duplicate), reading the
library without writing to it. Faces are counted by running the local dlib detector on the new photos
in the worker processes: it is free, offline, and it is the detector the cloud engine's `detector =
local` setting uses. On very big folders only an evenly spaced sample of the new photos is analysed and
the face count is extrapolated, so an estimate of 20,000 photos takes about a minute, not an hour.
Rekognition's own detector may find a few more small or turned faces than dlib's in crowded photos.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from ..engines.base import WorkerNeeds
from ..imaging.hashing import sha256_file
from .analyze import PhotoJob
from .scan import scan
from .triage import FAILED, UNCHANGED, content_verdict, stat_verdict
from .workers import PhotoWorkers

if TYPE_CHECKING:
    from ..library import Library

SAMPLE_LIMIT = 400  # new photos analysed at most; beyond that the face count is extrapolated


@dataclass
class ImportEstimate:
    photos_seen: int = 0
    photos_new: int = 0
    photos_unchanged: int = 0
    photos_duplicate: int = 0
    photos_unreadable: int = 0  # cannot be read or decoded: an import records them as failed, at no cost
    photos_to_process: int = 0  # new photos that decode: the ones an import sends to the engine
    photos_analysed: int = 0  # new photos the local detector ran on
    faces_found: int = 0  # faces in the analysed photos
    faces: int = 0  # estimated faces in all new photos
    extrapolated: bool = False

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def estimate_import(paths: Sequence[str | os.PathLike[str]], library: Library | None, *, workers: int = 1,
                    sample_limit: int = SAMPLE_LIMIT) -> ImportEstimate:
    """Count what an import of `paths` into `library` (None: an empty library) would process. Writes nothing."""
    est = ImportEstimate()
    scanned = scan(list(paths), exclude=[library.dir] if library is not None else ())  # as the import does
    est.photos_seen = len(scanned.files)
    est.photos_unreadable = len(scanned.problems)
    known = library.known_files() if library is not None else {}
    seen_shas: set[str] = set()
    new_jobs: list[PhotoJob] = []
    for path in scanned.files:
        try:
            st = scanned.stats.get(path) or os.stat(path)
        except OSError:
            est.photos_unreadable += 1
            continue
        verdict = stat_verdict(known, path, st)
        if verdict == FAILED:
            est.photos_unreadable += 1
            continue
        if verdict == UNCHANGED:
            est.photos_unchanged += 1
            continue
        try:
            sha = sha256_file(path)
        except OSError:
            est.photos_unreadable += 1
            continue
        seen = content_verdict(library, path, sha)
        if seen is not None:
            if seen[0] == UNCHANGED:
                est.photos_unchanged += 1
            else:
                est.photos_duplicate += 1
            continue
        if sha in seen_shas:
            est.photos_duplicate += 1
            continue
        seen_shas.add(sha)
        new_jobs.append(PhotoJob(path, sha, st.st_size, st.st_mtime_ns))
    est.photos_new = len(new_jobs)
    sample = _evenly_spaced(new_jobs, sample_limit)
    est.extrapolated = len(sample) < len(new_jobs)
    undecodable = 0
    if sample:
        with PhotoWorkers(max(1, workers), WorkerNeeds(), None) as pool:
            for analysis in pool.run(iter(sample), inline=len(sample) <= 1):
                est.photos_analysed += 1
                if analysis.error is not None:
                    undecodable += 1
                    continue
                est.faces_found += len(analysis.faces)
    est.faces = est.faces_found
    if est.extrapolated:  # the rest of the new photos look like the sample
        scale = len(new_jobs) / len(sample)
        undecodable = round(undecodable * scale)
        est.faces = round(est.faces_found * scale)
    est.photos_unreadable += undecodable
    est.photos_to_process = est.photos_new - undecodable
    return est


def _evenly_spaced(items: list[PhotoJob], limit: int) -> list[PhotoJob]:
    if len(items) <= limit:
        return items
    step = len(items) / limit
    return [items[int(i * step)] for i in range(limit)]
