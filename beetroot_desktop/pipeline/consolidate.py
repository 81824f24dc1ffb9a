"""Consolidation: people compared by all their faces, after every import and regroup.

The upstream rule compares each new face with one founding face per person, so one person can end up as
two (a face that matches the second photo of someone but not their first founds a new person). The pairs
to look at come from the engine's stored answers (a face whose search returned the other person's
founding face just under the threshold); those people are then compared by all their faces (descriptors
of up to REPRESENTATIVES faces each):

- **strong** evidence (the closest pair of faces at or above the threshold, and the faces on average no
  more than AVERAGE_MARGIN below it) joins the two automatically, as one undoable edit with its own
  Activity line. Like the engine's own grouping (and unlike a merge the user makes) it is replayed by a
  regroup, so it follows the threshold. Only two people the user has no fact about are joined (never a
  named, hidden or merged one: those are asked about), never across a "not this person" or a "not the
  same person" the user answered, never two faces of one photo;
- **near** evidence (the closest pair within NEAR_MARGIN of the threshold) becomes a "Same person?"
  question in the review queue, as does anything strong that may not be merged automatically.

Faces whose best candidate fell just under the threshold when they were imported become "Is this NAME?"
questions. The queue is written to the library (`review_queue`), so the Review page reads it at once.
Faces smaller than MIN_FACE_SIDE pixels are too small to judge and are left out. The calibration of these
numbers is in docs/identity.md and bench/README.md.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np

from ..engines.calibration import similarity
from ..library import Library
from ..wording import say

log = logging.getLogger("beetroot.consolidate")

REPRESENTATIVES = 12  # faces per person compared: the first ones, which include the founding face
MIN_FACE_SIDE = 40  # pixels: smaller faces are not judged (background strangers, blur)
AVERAGE_MARGIN = 3.0  # strong: the average pair of faces at most this far below the threshold
NEAR_MARGIN = 5.0  # near: the closest pair at most this far below the threshold


@dataclass(frozen=True)
class Pair:
    a: str  # the person kept (more photos, or the named one)
    b: str
    best: float  # similarity of the closest pair of faces
    average: float  # mean similarity over the pairs of representative faces
    weight: int  # photos a "yes" would put together: the smaller person's

    def strong(self, threshold: float) -> bool:
        return self.best >= threshold and self.average >= threshold - AVERAGE_MARGIN


@dataclass
class Consolidation:
    merged: list[tuple[str, str, Pair]] = field(default_factory=list)  # (kept, merged away, evidence)
    questions: int = 0
    seconds: float = 0.0

    def lines(self, library: Library) -> Iterator[str]:
        """Activity lines: which people were merged and why."""
        for kept, gone, pair in self.merged:
            yield say("Consolidated: {gone} merged into {kept} (closest faces {best}, average {average})",
                      gone=_label(library, gone), kept=_label(library, kept), best=f"{pair.best:.1f}",
                      average=f"{pair.average:.1f}")


def _label(library: Library, person: str) -> str:
    row = library.conn.execute("SELECT name FROM people WHERE person_id = ?", (person,)).fetchone()
    return f"{row[0]} ({person[:8]})" if row and row[0] else person[:8]


def _candidate_pairs(library: Library, floor: float) -> dict[tuple[str, str], float]:
    """People worth comparing face by face, from what the engine already answered: a founding face whose
    search returned the founding face of another person at `floor` or above. That is how a split shows
    (the face that founded the second half nearly matched the first), and it costs one query over the
    founding faces (an index of them, schema 6), no search. Returns (a, b) with a < b -> the best such
    similarity."""
    cursor = library.conn.cursor()
    cursor.row_factory = None
    rows = cursor.execute(
        "SELECT f.person_id, o.person_id, max(fc.similarity) FROM faces f"
        " JOIN face_candidates fc ON fc.face_id = f.id"
        " JOIN faces o ON o.engine_face_id = fc.engine_face_id AND o.status = 'indexed'"
        " AND o.engine_face_id IS NOT NULL"
        " WHERE f.status = 'indexed' AND f.engine_face_id IS NOT NULL AND fc.similarity >= ?"
        " AND fc.engine_face_id <> f.engine_face_id AND f.person_id IS NOT NULL AND o.person_id IS NOT NULL"
        " AND f.person_id <> o.person_id GROUP BY f.person_id, o.person_id", (floor,))
    pairs: dict[tuple[str, str], float] = {}
    for a, b, sim in rows:
        key = (a, b) if a < b else (b, a)
        pairs[key] = max(pairs.get(key, 0.0), float(sim))
    return pairs


@dataclass(frozen=True)
class _Person:
    vectors: np.ndarray  # (n, 128): up to REPRESENTATIVES faces, the first ones (the founding face among them)
    photos: int
    named: bool


def _people(library: Library, ids: set[str]) -> dict[str, _Person]:
    """The representative faces of `ids` (only the people some pair names: never the whole library)."""
    found: dict[str, list[bytes]] = {}
    info: dict[str, tuple[int, bool]] = {}
    ordered = sorted(ids)
    cursor = library.conn.cursor()
    cursor.row_factory = None
    for lo in range(0, len(ordered), 500):
        chunk = ordered[lo:lo + 500]
        marks = ", ".join("?" for _ in chunk)
        for person, blob, photos, named in cursor.execute(
                "SELECT f.person_id, f.descriptor, p.photo_count, p.name IS NOT NULL FROM faces f"
                " JOIN people p ON p.person_id = f.person_id"
                f" WHERE f.person_id IN ({marks}) AND f.descriptor IS NOT NULL AND f.not_a_face = 0"
                f" AND f.width >= {MIN_FACE_SIDE} AND f.height >= {MIN_FACE_SIDE} ORDER BY f.person_id, f.id",
                chunk):
            blobs = found.setdefault(person, [])
            if len(blobs) < REPRESENTATIVES:
                blobs.append(blob)
            info[person] = (int(photos), bool(named))
    return {person: _Person(np.frombuffer(b"".join(blobs), dtype=np.float32).reshape(len(blobs), -1),
                            *info[person]) for person, blobs in found.items()}


def _pairs(library: Library, threshold: float) -> list[Pair]:
    floor = threshold - NEAR_MARGIN
    candidates = _candidate_pairs(library, floor)
    described = library.bound_engine() == "local"
    people = _people(library, {p for pair in candidates for p in pair})
    counts = {r[0]: (int(r[1]), bool(r[2])) for r in library.conn.execute(
        "SELECT person_id, photo_count, name IS NOT NULL FROM people WHERE merged_into IS NULL")}
    found: list[Pair] = []
    for (a, b), candidate in candidates.items():
        if a not in counts or b not in counts:
            continue
        pa, pb = people.get(a), people.get(b)
        if described and (pa is None or pb is None):
            continue  # no face of one of them is large enough to judge
        if pa is not None and pb is not None:  # descriptors (the local engine): every pair of faces
            d = np.linalg.norm(pa.vectors[:, None, :] - pb.vectors[None, :, :], axis=2)
            sims = np.asarray(similarity(d))
            best, average = float(sims.max()), float(sims.mean())
        else:  # no descriptors (the cloud engine): the engine's own answer, a question at most
            best, average = candidate, -1.0
        if best < floor:
            continue
        keep, other = (a, b) if counts[a] >= counts[b] else (b, a)
        found.append(Pair(keep, other, best, average, min(counts[a][0], counts[b][0])))
    return sorted(found, key=lambda p: (-p.best, -p.average, p.a, p.b))


def _different(library: Library, a: str, b: str) -> bool:
    ta, tb = library.merge_tree(a), library.merge_tree(b)
    marks_a, marks_b = ", ".join("?" for _ in ta), ", ".join("?" for _ in tb)
    return library.conn.execute(
        f"SELECT 1 FROM people_pairs WHERE (a IN ({marks_a}) AND b IN ({marks_b})) OR (a IN ({marks_b}) AND"
        f" b IN ({marks_a})) LIMIT 1", (*ta, *tb, *tb, *ta)).fetchone() is not None


def consolidate(library: Library, threshold: float, *, merge: bool = True, record: bool = True) -> Consolidation:
    """Join the people the evidence says are one, and refresh the review queue. Call under the import lock
    (an import or a regroup calls it at its end).

    With `record` the joins are one undoable edit (inside a regroup's, they join it); an import passes
    False: like its matches, its joins are the engine's doing, not an edit to undo.
    """
    started = time.perf_counter()
    result = Consolidation()
    pairs = _pairs(library, threshold)
    gone: set[str] = set()
    asked: list[Pair] = []
    anchored = library.anchored_people()
    writing = library.edit("Consolidate people") if record else library.transaction()
    with writing:  # one undo takes back every join of this consolidation
        for pair in pairs:
            if pair.a in gone or pair.b in gone or _different(library, pair.a, pair.b):
                continue
            # Only people the user has no fact about are joined: a named, hidden or merged person keeps
            # its founding face at every threshold, and a joined face must never become that.
            keep, other = pair.a, pair.b
            if (merge and pair.strong(threshold) and keep not in anchored and other not in anchored
                    and _join(library, other, keep)):
                gone.add(other)
                result.merged.append((keep, other, pair))
                continue
            asked.append(pair)
    result.questions = _write_queue(library, asked, threshold, gone)
    result.seconds = time.perf_counter() - started
    for line in result.lines(library):
        log.info("%s", line)
    return result


def _join(library: Library, other: str, keep: str) -> bool:
    """Move every face of `other` into `keep`, as the engine would have grouped them: an engine decision,
    not the user's (no face is confirmed, `other` is not kept as a merged person), so a regroup replays it
    from the faces and consolidates again at its own threshold. Only a person the user has no fact about
    (library.anchored_people) is moved; never two faces of one photo, never a face the user took out of
    `keep`. Returns whether it moved them."""
    shared = library.conn.execute(
        "SELECT 1 FROM faces a JOIN faces b ON a.photo_id = b.photo_id WHERE a.person_id = ? AND b.person_id = ?"
        " LIMIT 1", (other, keep)).fetchone()
    tree = library.merge_tree(keep)
    marks = ", ".join("?" for _ in tree)
    excluded = library.conn.execute(
        f"SELECT 1 FROM face_exclusions x JOIN faces f ON f.id = x.face_id WHERE f.person_id = ?"
        f" AND x.person_id IN ({marks}) LIMIT 1", (other, *tree)).fetchone()
    if shared or excluded:
        return False
    library.conn.execute("UPDATE faces SET person_id = ? WHERE person_id = ?", (keep, other))
    library.conn.execute("DELETE FROM people WHERE person_id = ? AND name IS NULL AND merged_into IS NULL"
                         " AND NOT EXISTS (SELECT 1 FROM people m WHERE m.merged_into = ?)", (other, other))
    return True


def _write_queue(library: Library, pairs: list[Pair], threshold: float, gone: set[str]) -> int:
    """The questions, most useful first: people pairs by photos a yes would put together, then faces."""
    now = time.time()
    rows: list[tuple[object, ...]] = []
    for pair in pairs:
        a, b = sorted((pair.a, pair.b))
        rows.append((f"people:{a}:{b}", "people", None, pair.b, pair.a, round(pair.best, 2), pair.weight, now))
    asked_people = {(r[3], r[4]) for r in rows}
    for face_id, person, candidate, sim in _face_candidates(library, threshold):
        if candidate in gone or person in gone or (person, candidate) in asked_people:
            continue
        if person is not None and _different(library, person, candidate):
            continue  # the user said these two are not one person: not asked again face by face
        rows.append((f"face:{face_id}:{candidate}", "face", face_id, person, candidate, round(sim, 2), 1, now))
    with library.transaction():
        library.set_meta("consolidated_at", str(now))
        library.conn.execute("DELETE FROM review_queue")
        library.conn.executemany(
            "INSERT OR IGNORE INTO review_queue(question, kind, face_id, person_id, candidate_person_id,"
            " similarity, weight, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return len(rows)


def _face_candidates(library: Library, threshold: float) -> Iterator[tuple[int, str | None, str, float]]:
    """Faces in no person, or alone in an unnamed one, whose best candidate fell just under the threshold:
    (face, its person, the candidate's person now, similarity). Never a person the face was taken out of,
    never one already in the photo."""
    rows = library.conn.execute(
        "SELECT f.id, f.person_id, f.photo_id, fc.engine_face_id, fc.similarity FROM face_candidates fc"
        " JOIN faces f ON f.id = fc.face_id LEFT JOIN people p ON p.person_id = f.person_id"
        " WHERE f.not_a_face = 0 AND f.width >= ? AND f.height >= ? AND fc.similarity >= ? AND fc.similarity < ?"
        " AND (f.person_id IS NULL OR (p.face_count = 1 AND p.name IS NULL))"
        " ORDER BY f.id, fc.similarity DESC", (MIN_FACE_SIDE, MIN_FACE_SIDE, threshold - NEAR_MARGIN, threshold))
    asked: set[int] = set()
    banned = library.exclusions()
    for face_id, person, photo_id, engine_face_id, sim in rows:
        if face_id in asked:
            continue
        candidate = library.person_for_engine_face(engine_face_id)
        if candidate is None or candidate == person or any((face_id, p) in banned
                                                           for p in library.merge_tree(candidate)):
            continue
        if library.conn.execute("SELECT 1 FROM faces WHERE photo_id = ? AND person_id = ? LIMIT 1",
                                (photo_id, candidate)).fetchone():
            continue
        asked.add(face_id)
        yield face_id, person, candidate, float(sim)
