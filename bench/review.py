"""Consolidation and the Review page at scale, on the synthetic library of `scale.py` (300,000 faces).

- Consolidation: `consolidate()` as an import runs it at its end (without merging, so the cached library
  stays as built): every person's representative faces loaded, people compared, the queue written.
- The Review page: its first page of questions read on a fresh connection, with 5,000 questions waiting
  (the synthetic people are far apart, so the bench adds the questions itself, between real people).
"""

from __future__ import annotations

import logging
import statistics
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from beetroot_desktop.library import open_library
from beetroot_desktop.pipeline.consolidate import consolidate

QUESTIONS = 5_000
PAGE = 60  # what the page shows at once


@dataclass
class ReviewFigures:
    faces: int = 0
    people: int = 0
    consolidate_s: list[float] = field(default_factory=list)
    page_ms: list[float] = field(default_factory=list)
    questions: int = 0

    def to_json(self) -> dict[str, object]:
        return asdict(self) | {"consolidate_median_s": statistics.median(self.consolidate_s),
                               "page_median_ms": statistics.median(self.page_ms)}


def measure(folder: Path, repeats: int = 3) -> ReviewFigures:
    logging.getLogger("beetroot").setLevel(logging.WARNING)
    figures = ReviewFigures()
    for _ in range(repeats):
        with open_library(folder) as lib:
            t = time.perf_counter()
            consolidate(lib, 95.0, merge=False)
            figures.consolidate_s.append(time.perf_counter() - t)
    with open_library(folder) as lib:
        figures.faces = int(lib.conn.execute("SELECT count(*) FROM faces").fetchone()[0])
        people = [r[0] for r in lib.conn.execute(
            "SELECT person_id FROM people WHERE merged_into IS NULL AND face_count > 0 ORDER BY rowid")]
        figures.people = len(people)
        now = time.time()
        with lib.transaction():
            lib.conn.execute("DELETE FROM review_queue")
            lib.conn.executemany(
                "INSERT OR IGNORE INTO review_queue(question, kind, face_id, person_id, candidate_person_id,"
                " similarity, weight, created_at) VALUES (?, 'people', NULL, ?, ?, ?, ?, ?)",
                ((f"people:{a}:{b}", a, b, 90.0 + (i % 50) / 10, 1 + i % 40, now)
                 for i, (a, b) in enumerate(zip(people[0:2 * QUESTIONS:2], people[1:2 * QUESTIONS:2], strict=False))))
        figures.questions = int(lib.conn.execute("SELECT count(*) FROM review_queue").fetchone()[0])
    for _ in range(repeats):
        with open_library(folder) as lib:  # a fresh connection, as the page gets when it opens
            t = time.perf_counter()
            page = lib.review_questions(limit=PAGE)
            figures.page_ms.append((time.perf_counter() - t) * 1000)
            assert len(page) == min(PAGE, figures.questions)
    with open_library(folder) as lib, lib.transaction():
        lib.conn.execute("DELETE FROM review_queue")  # the cached library stays as it was built
    return figures
