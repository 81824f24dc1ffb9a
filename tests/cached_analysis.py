"""Photo analyses computed once per test session, replayed into imports without dlib.

`ingest()` takes the photo workers as a parameter; `CachedWorkers` answers each job with the faces the
real workers found in that content the first time (found by content hash, so copies and moved files
answer too). Imports through it run the real triage, engine searches, decisions and writes in
milliseconds: the identity state machine runs hundreds of imports that way.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from beetroot_desktop.engines.base import WorkerNeeds
from beetroot_desktop.imaging.hashing import sha256_file
from beetroot_desktop.pipeline.analyze import PhotoAnalysis, PhotoJob, analyze_photo

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png"}


def sample_files(photos_dir: Path) -> list[Path]:
    return sorted(p for p in photos_dir.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES)


def analyse_all(photos_dir: Path, needs: WorkerNeeds) -> dict[str, PhotoAnalysis]:
    """Every sample photo analysed once by the real code, by content hash."""
    found: dict[str, PhotoAnalysis] = {}
    for path in sample_files(photos_dir):
        sha = sha256_file(str(path))
        if sha not in found:
            st = os.stat(path)
            found[sha] = analyze_photo(PhotoJob(str(path), sha, st.st_size, st.st_mtime_ns), needs, None)
    return found


class CachedWorkers:
    """Stands in for PhotoWorkers: same `run`/`close`, answers from `analyses`."""

    def __init__(self, analyses: dict[str, PhotoAnalysis]) -> None:
        self.analyses = analyses
        self.jobs: list[PhotoJob] = []

    def run(self, jobs: Iterable[PhotoJob], *, inline: bool = False,
            should_stop: Callable[[], bool] = lambda: False) -> Iterator[PhotoAnalysis]:
        for job in jobs:
            if should_stop():
                return
            self.jobs.append(job)
            known = self.analyses[job.sha256]
            yield PhotoAnalysis(job, known.width, known.height, known.taken_at, copy.deepcopy(known.faces),
                                known.photo_jpeg, known.error)

    def close(self) -> None:
        pass
