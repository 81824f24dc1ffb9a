"""Moving the match threshold without importing again.

The import decided Match or NoMatch face by face, in order, against the engine's collection as it was at
that moment. Regrouping replays exactly that, from what the library stored: the local engine's
descriptors, or the cloud engine's candidates (every face above the floor that SearchFacesByImage
returned). The collection only grows: a face indexed at some threshold keeps its FaceId and stands for
whichever person it belongs to after the replay, just as the engine would still return it.

User edits survive: "Not this person" faces stay out, merges are followed (`merged_into`), and names stay
on their person id (the FaceId of the person's first face). When a looser threshold puts a named person's
first face into an unnamed group, the People list shows that name for the group (derived, see
library/people.py), and the person comes back under its own name when the threshold does.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from ..engines.base import FaceCrop, FaceEngine, external_image_id
from ..engines.calibration import similarity as local_similarity
from ..engines.local import LocalCollection
from ..library import Library, blob_to_descriptor

if TYPE_CHECKING:
    import sqlite3

PENDING = "pending:"  # placeholder person id for a face that still needs a FaceId
REGROUPED = ("matched", "indexed")
MAX_NEIGHBOURS = 16  # enough to step past people a face was taken out of


@dataclass
class RegroupPlan:
    threshold: float
    people: int = 0  # people the library would have
    changed_faces: int = 0  # faces whose person changes
    index_calls: int = 0  # faces that turn into NoMatch and have no FaceId yet (IndexFaces calls)
    assignments: dict[int, str] = field(default_factory=dict)  # face row id -> person id (or PENDING+id)
    similarities: dict[int, float | None] = field(default_factory=dict)
    to_index: list[int] = field(default_factory=list)  # face row ids that need a FaceId, in order


class _Descriptors:
    """Local engine: similarities computed from stored descriptors against the collection so far."""

    def __init__(self) -> None:
        self.collection = LocalCollection()

    def add(self, face_id: str, vec: np.ndarray | None) -> None:
        if vec is not None:
            self.collection.add(face_id, face_id, vec)

    def candidates(self, face: sqlite3.Row, vec: np.ndarray | None, floor: float) -> list[tuple[str, float]]:
        if vec is None:
            return []
        idxs, dists = self.collection.nearest(vec, k=MAX_NEIGHBOURS)
        sims = np.atleast_1d(local_similarity(dists))
        return [(self.collection.face_ids[i], float(s)) for i, s in zip(idxs, sims, strict=True) if s >= floor]


class _StoredCandidates:
    """Cloud engine: the candidates SearchFacesByImage returned at import time."""

    def __init__(self, library: Library) -> None:
        self.by_face: dict[int, list[tuple[str, float]]] = {}
        for face_id, fid, sim in library.conn.execute(
                "SELECT face_id, engine_face_id, similarity FROM face_candidates ORDER BY face_id, similarity DESC"):
            self.by_face.setdefault(face_id, []).append((fid, sim))

    def add(self, face_id: str, vec: np.ndarray | None) -> None:
        pass

    def candidates(self, face: sqlite3.Row, vec: np.ndarray | None, floor: float) -> list[tuple[str, float]]:
        return [c for c in self.by_face.get(face["id"], []) if c[1] >= floor]


def _replay_faces(library: Library) -> list[sqlite3.Row]:
    return library.conn.execute(
        "SELECT f.id, f.idx, f.status, f.engine_face_id, f.person_id, f.descriptor, ph.sha256"
        " FROM faces f JOIN photos ph ON ph.id = f.photo_id ORDER BY f.id"
    ).fetchall()


def plan_regroup(library: Library, threshold: float) -> RegroupPlan:
    """What the library would look like at `threshold`. Reads only; fast enough for a live preview."""
    plan = RegroupPlan(threshold)
    faces = _replay_faces(library)
    local = library.get_meta("engine", "local") == "local"
    source: _Descriptors | _StoredCandidates = _Descriptors() if local else _StoredCandidates(library)
    exclusions: dict[int, set[str]] = {}
    for face_id, person_id in library.exclusions():
        exclusions.setdefault(face_id, set()).add(library.resolve_person(person_id))
    resolved: dict[str, str] = {}

    def resolve(person_id: str) -> str:
        if person_id not in resolved:
            resolved[person_id] = library.resolve_person(person_id) if not person_id.startswith(PENDING) else person_id
        return resolved[person_id]

    owner: dict[str, str] = {}  # FaceId in the collection -> the person it stands for now
    people: set[str] = set()
    for face in faces:
        if face["status"] not in REGROUPED:
            if face["person_id"]:
                people.add(resolve(face["person_id"]))
            continue
        vec = blob_to_descriptor(face["descriptor"])
        banned = exclusions.get(face["id"], set())
        chosen: tuple[str, float] | None = None
        for fid, sim in source.candidates(face, vec, threshold):
            person = owner.get(fid)
            if person is not None and person not in banned:
                chosen = (person, sim)
                break
        own = face["engine_face_id"]
        if chosen is not None:
            person, sim = chosen
            plan.similarities[face["id"]] = round(sim, 4)
        else:
            if own is None:
                own = f"{PENDING}{face['id']}"
                plan.to_index.append(face["id"])
            person = resolve(own)
            plan.similarities[face["id"]] = None
        if own is not None:
            owner[own] = person
            source.add(own, vec)
        plan.assignments[face["id"]] = person
        people.add(person)
        if face["person_id"] is None or resolve(face["person_id"]) != person:
            plan.changed_faces += 1
    plan.index_calls = len(plan.to_index)
    plan.people = len(people)
    return plan


def apply_regroup(library: Library, plan: RegroupPlan, engine: FaceEngine | None = None) -> RegroupPlan:
    """Write `plan`: index the faces that need a FaceId, move faces, carry names over, save the threshold."""
    if plan.to_index and engine is None:
        if library.get_meta("engine", "local") != "local":
            raise ValueError("this regrouping needs IndexFaces calls: pass the cloud engine")
        from ..engines.local import LocalEngine

        engine = LocalEngine(library)
    faces = {r["id"]: r for r in _replay_faces(library)}
    new_ids: dict[str, str] = {}
    failed: set[str] = set()
    try:
        for row_id in plan.to_index:
            assert engine is not None
            face = faces[row_id]
            crop = _crop_for(library, face, engine)
            result = engine.index(crop, external_image_id(face["sha256"], face["idx"]))
            key = f"{PENDING}{row_id}"
            if result.face_id is None:
                failed.add(key)
            else:
                new_ids[key] = result.face_id
    except BaseException:
        # Keep the FaceIds already paid for: the next attempt plans without indexing these faces again.
        _record_face_ids(library, engine, new_ids)
        raise
    new_people = {row_id: new_ids.get(p, p) for row_id, p in plan.assignments.items() if p not in failed}
    try:
        with library.transaction():
            if engine is not None:
                engine.persist(library)
            conn = library.conn
            for row_id, person in plan.assignments.items():
                if person in failed:
                    conn.execute("UPDATE faces SET person_id = NULL, status = 'unindexed', reason = ? WHERE id = ?",
                                 ("the engine did not index the face", row_id))
                    continue
                person = new_people[row_id]
                own = new_ids.get(f"{PENDING}{row_id}")
                library.ensure_person(person)
                sim = plan.similarities.get(row_id)
                status = "indexed" if own or (sim is None) else "matched"
                conn.execute(
                    "UPDATE faces SET person_id = ?, similarity = ?, status = ?,"
                    " engine_face_id = coalesce(?, engine_face_id) WHERE id = ?",
                    (person, sim, status, own, row_id))
            conn.execute("UPDATE people SET cover_face_id = NULL WHERE cover_face_id IS NOT NULL AND person_id IS NOT"
                         " (SELECT person_id FROM faces WHERE faces.id = people.cover_face_id)")
            conn.execute("INSERT INTO meta(key, value) VALUES ('threshold', ?)"
                         " ON CONFLICT(key) DO UPDATE SET value = excluded.value", (str(plan.threshold),))
            conn.execute("INSERT INTO meta(key, value) VALUES ('regrouped_at', ?)"
                         " ON CONFLICT(key) DO UPDATE SET value = excluded.value", (str(time.time()),))
    except BaseException:
        if engine is not None:
            engine.discard()
        raise
    return plan


def _record_face_ids(library: Library, engine: FaceEngine | None, new_ids: dict[str, str]) -> None:
    with library.transaction():
        if engine is not None:
            engine.persist(library)
        library.conn.executemany(
            "UPDATE faces SET engine_face_id = ? WHERE id = ? AND engine_face_id IS NULL",
            [(face_id, int(key.removeprefix(PENDING))) for key, face_id in new_ids.items()])


def _crop_for(library: Library, face: sqlite3.Row, engine: FaceEngine) -> FaceCrop:
    """The crop to index: the local engine needs only the stored descriptor; the cloud one needs pixels."""
    row = library.conn.execute(
        "SELECT f.idx, f.left, f.top, f.width, f.height, f.score, f.descriptor, ph.path FROM faces f"
        " JOIN photos ph ON ph.id = f.photo_id WHERE f.id = ?", (face["id"],)).fetchone()
    box = (row["left"], row["top"], row["width"], row["height"])
    descriptor = blob_to_descriptor(row["descriptor"])
    if engine.needs.descriptors and descriptor is not None:
        return FaceCrop(row["idx"], box, row["score"], b"", descriptor)
    from ..imaging import crop_face, decode_photo, encode_jpeg

    decoded = decode_photo(row["path"], max_side=2048)
    s = decoded.scale
    scaled = (round(box[0] * s), round(box[1] * s), max(1, round(box[2] * s)), max(1, round(box[3] * s)))
    return FaceCrop(row["idx"], box, row["score"], encode_jpeg(crop_face(decoded.image, scaled)), descriptor)
