"""Regrouping: the engine's decisions made again at another threshold, under every fact the user gave.

The import decided Match or NoMatch face by face, in order, against the faces that founded people so far.
Regrouping replays exactly that from what the library stored (the local engine's descriptors, or the
cloud engine's candidates: every face above the floor that SearchFacesByImage returned), so it costs no
new search and gives the same grouping every time it is asked for the same threshold. Only the engine's
own decisions are made again; the user's facts (docs/identity.md) hold throughout:

- a confirmed face (assigned, merged or split by the user) stays where the user put it;
- the founding face of a person the user named, hid or merged keeps founding that person, so named people
  never dissolve into another and two named people are never joined by a threshold;
- a face never joins a person it was taken out of ("Not this person"), nor a person that already has a
  face in the same photo;
- a face that founds a group again founds the person entity it founded before (names come back with it).

A regroup is one undoable edit; the FaceIds it had to index (cloud: paid IndexFaces calls) are kept even
when the regroup is undone or cancelled.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from ..engines.base import EngineConfigError, FaceCrop, FaceEngine, external_image_id
from ..engines.calibration import similarity as local_similarity
from ..engines.local import LocalCollection
from ..library import Library, blob_to_descriptor
from ..library.lock import ImportLock
from ..wording import say
from .consolidate import consolidate
from .events import ImportControl

if TYPE_CHECKING:
    import sqlite3

PENDING = "pending:"  # placeholder person id for a face that still needs a FaceId
REGROUPED = ("matched", "indexed")
MAX_NEIGHBOURS = 16  # enough to step past people a face was taken out of


class RegroupCancelled(Exception):
    """The user cancelled the regroup before it wrote anything (FaceIds already paid for are kept)."""


@dataclass
class RegroupPlan:
    threshold: float
    people: int = 0  # people the library would have
    changed_faces: int = 0  # faces whose person changes
    index_calls: int = 0  # faces that turn into NoMatch and have no FaceId yet (IndexFaces calls)
    assignments: dict[int, str] = field(default_factory=dict)  # face row id -> person id (or PENDING+id)
    similarities: dict[int, float | None] = field(default_factory=dict)
    statuses: dict[int, str] = field(default_factory=dict)  # face row id -> "matched" or "indexed"
    matched: dict[int, str] = field(default_factory=dict)  # face row id -> the founding FaceId it matched
    to_index: list[int] = field(default_factory=list)  # face row ids that need a FaceId, in order
    applied: bool = False


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
        # Rounded as the local engine rounds what it returns, so a replay decides exactly as the import did.
        rounded = [(self.collection.face_ids[i], round(float(s), 4)) for i, s in zip(idxs, sims, strict=True)]
        return [(fid, s) for fid, s in rounded if s >= floor]


class _StoredCandidates:
    """Cloud engine: the candidates SearchFacesByImage returned at import time."""

    def __init__(self, library: Library) -> None:
        self.by_face: dict[int, list[tuple[str, float]]] = {}
        # Ties keep the order the search returned them in (rowid), so a replay is the same every time.
        for face_id, fid, sim in library.conn.execute(
                "SELECT face_id, engine_face_id, similarity FROM face_candidates"
                " ORDER BY face_id, similarity DESC, rowid"):
            self.by_face.setdefault(face_id, []).append((fid, sim))

    def add(self, face_id: str, vec: np.ndarray | None) -> None:
        pass

    def candidates(self, face: sqlite3.Row, vec: np.ndarray | None, floor: float) -> list[tuple[str, float]]:
        return [c for c in self.by_face.get(face["id"], []) if c[1] >= floor]


def _replay_faces(library: Library) -> list[sqlite3.Row]:
    return library.conn.execute(
        "SELECT f.id, f.photo_id, f.idx, f.status, f.engine_face_id, f.person_id, f.descriptor, f.confirmed,"
        " f.similarity, f.matched_face_id, ph.sha256 FROM faces f JOIN photos ph ON ph.id = f.photo_id ORDER BY f.id"
    ).fetchall()


class _Replay:
    """The state of one replay: who each founding FaceId stands for, and who is in which photo."""

    def __init__(self, library: Library, faces: list[sqlite3.Row]) -> None:
        self.library = library
        self._resolved: dict[str, str] = {}
        self.anchored = {self.resolve(p) for p in library.anchored_people()}
        self.entities = {r[0] for r in library.conn.execute("SELECT person_id FROM people")}
        self.banned: dict[int, set[str]] = {}
        for face_id, person_id in library.exclusions():
            self.banned.setdefault(face_id, set()).add(self.resolve(person_id))
        self.owner: dict[str, str] = {}  # founding FaceId -> the person it stands for in this replay
        self.claimed: set[str] = set()  # person entities that have a founding face in this replay
        self.in_photo: dict[int, set[str]] = {}
        self.pins: dict[int, str] = {}  # face row id -> person the user's facts keep it in
        self.founding: set[int] = set()  # pinned faces that found their person in this replay
        founded: set[str] = set()
        for face in faces:
            pin = self.pin_of(face)
            if pin is not None:
                self.pins[face["id"]] = pin
                self.in_photo.setdefault(face["photo_id"], set()).add(pin)
                if face["confirmed"] is None or (face["status"] == "indexed" and face["engine_face_id"]):
                    self.founding.add(face["id"])
                    founded.add(pin)
            elif face["status"] not in REGROUPED and face["person_id"]:
                self.in_photo.setdefault(face["photo_id"], set()).add(self.resolve(face["person_id"]))
        # A person the user named, hid or merged whose founding face the user took out or moved: its first
        # face founds it again, at every threshold, so it keeps its name and the faces like that one.
        for face in faces:
            current = self.resolve(face["person_id"]) if face["person_id"] else None
            own = face["engine_face_id"]
            elsewhere = own is not None and own in self.entities and self.resolve(own) != current
            if (current in self.anchored and current not in founded and face["status"] in REGROUPED
                    and current not in self.banned.get(face["id"], set()) and not elsewhere):
                # (A face whose FaceId founded another person was moved here by the user: it is not made to
                # stand for this one, or every face like it would follow.)
                assert current is not None
                self.pins[face["id"]] = current
                self.founding.add(face["id"])
                self.in_photo.setdefault(face["photo_id"], set()).add(current)
                founded.add(current)

    def resolve(self, person_id: str) -> str:
        if person_id.startswith(PENDING):
            return person_id
        if person_id not in self._resolved:
            self._resolved[person_id] = self.library.resolve_person(person_id)
        return self._resolved[person_id]

    def pin_of(self, face: sqlite3.Row) -> str | None:
        if face["person_id"] is None:
            return None
        current = self.resolve(face["person_id"])
        if face["confirmed"] is not None:
            return current
        own = face["engine_face_id"]
        if (face["status"] in REGROUPED and own is not None and own in self.entities
                and self.resolve(own) == current and current in self.anchored):
            return current  # the founding face of a person the user named, hid or merged
        return None

    def founder_of(self, face: sqlite3.Row) -> str:
        """The person a face founds when it matches no one (see the module docstring)."""
        own = face["engine_face_id"]
        taken = self.in_photo.get(face["photo_id"], set())
        banned = self.banned.get(face["id"], set())
        current = self.resolve(face["person_id"]) if face["person_id"] else None
        if (current is not None and current in self.anchored and current not in self.claimed
                and current not in taken and current not in banned):
            # A person the user named, hid or merged, whose founding face the user took out or moved: the
            # first of its faces that matches no one founds it again, so it keeps its name and its faces.
            return current
        if own is not None and own in self.entities:
            home = self.resolve(own)
            if home not in taken and home not in banned:
                return home
        if own is not None and own not in self.entities:
            return str(own)
        return f"{PENDING}{face['id']}"


def plan_regroup(library: Library, threshold: float) -> RegroupPlan:
    """What the library would look like at `threshold`. Reads only; fast enough for a live preview."""
    plan = RegroupPlan(threshold)
    faces = _replay_faces(library)
    local = library.bound_engine() == "local"
    source: _Descriptors | _StoredCandidates = _Descriptors() if local else _StoredCandidates(library)
    replay = _Replay(library, faces)
    people: set[str] = set()
    for face in faces:
        row_id = face["id"]
        pin = replay.pins.get(row_id)
        if pin is None and face["status"] not in REGROUPED:
            if face["person_id"]:
                people.add(replay.resolve(face["person_id"]))
            continue
        vec = blob_to_descriptor(face["descriptor"])
        own = face["engine_face_id"]
        if pin is not None and row_id in replay.founding:  # a founding face the user's facts keep founding
            person, status, sim, founder = pin, "indexed", None, True
            if own is None:
                own = f"{PENDING}{row_id}"
                plan.to_index.append(row_id)
        elif pin is not None:
            person, status, sim = pin, face["status"], face["similarity"]
            founder = status == "indexed" and own is not None
            if face["matched_face_id"] is not None:
                plan.matched[row_id] = face["matched_face_id"]
        else:
            taken = replay.in_photo.setdefault(face["photo_id"], set())
            banned = replay.banned.get(row_id, set())
            chosen: tuple[str, float, str] | None = None
            for fid, candidate_sim in source.candidates(face, vec, threshold):
                owner = replay.owner.get(fid)
                if owner is not None and owner not in banned and owner not in taken:
                    chosen = (owner, candidate_sim, fid)
                    break
            if chosen is not None:
                person, sim, status, founder = chosen[0], round(chosen[1], 4), "matched", False
                plan.matched[row_id] = chosen[2]
            else:
                person, sim, status, founder = replay.founder_of(face), None, "indexed", True
                if own is None:
                    own = f"{PENDING}{row_id}"
                    plan.to_index.append(row_id)
            taken.add(person)
        if founder and own is not None:
            replay.owner[own] = person
            replay.claimed.add(person)
            source.add(own, vec)
        plan.assignments[row_id] = person
        plan.similarities[row_id] = sim
        plan.statuses[row_id] = status
        people.add(person)
        if face["person_id"] is None or replay.resolve(face["person_id"]) != person:
            plan.changed_faces += 1
    plan.index_calls = len(plan.to_index)
    plan.people = len(people)
    return plan


def apply_regroup(library: Library, plan: RegroupPlan, engine: FaceEngine | None = None,
                  control: ImportControl | None = None) -> RegroupPlan:
    """Write `plan` as one undoable edit: index the faces that need a FaceId, move faces, save the threshold.

    Raises RegroupCancelled when `control` is cancelled before the write (FaceIds already made are kept).
    """
    if plan.to_index and engine is None:
        if library.bound_engine() != "local":
            raise ValueError("this regrouping needs IndexFaces calls: pass the cloud engine")
        from ..engines.local import LocalEngine

        engine = LocalEngine(library)
    faces = {r["id"]: r for r in _replay_faces(library)}
    new_ids: dict[str, str] = {}
    failed: set[str] = set()
    try:
        for row_id in plan.to_index:
            assert engine is not None
            if control is not None and control.cancelled:
                raise RegroupCancelled("the regroup was cancelled; nothing changed")
            face = faces[row_id]
            crop = _crop_for(library, face, engine)
            result = engine.index(crop, external_image_id(face["sha256"], face["idx"]))
            key = f"{PENDING}{row_id}"
            if result.face_id is None:
                failed.add(key)
            else:
                new_ids[key] = result.face_id
        if control is not None and control.cancelled:
            raise RegroupCancelled("the regroup was cancelled; nothing changed")
    except BaseException:
        # Keep the FaceIds already paid for: the next attempt plans without indexing these faces again.
        _record_face_ids(library, engine, new_ids)
        raise
    changed = 0
    before = _grouping(library)
    try:
        changed = _write_plan(library, plan, engine, faces, failed, new_ids, before)
        if not changed and library.saved_threshold() != float(plan.threshold):
            # Nothing moved: the library only remembers the threshold, with nothing for undo to take back.
            library.set_meta("threshold", str(float(plan.threshold)))
    except BaseException:
        if engine is not None:
            engine.discard()
        raise
    plan.applied = True
    # The people it has now: the replay's, less those consolidation joined (what the preview cannot know).
    plan.people = int(library.conn.execute(
        "SELECT count(*) FROM people WHERE merged_into IS NULL AND face_count > 0").fetchone()[0])
    return plan


class _NothingMoved(Exception):
    """Rolls a regroup's edit back when it would leave every face where it was."""


def _write_plan(library: Library, plan: RegroupPlan, engine: FaceEngine | None, faces: dict[int, sqlite3.Row],
                failed: set[str], new_ids: dict[str, str], before: str) -> int:
    """Write the plan and consolidate, as one undoable edit; returns how many faces moved (0: no edit)."""
    changed = 0
    try:
        with library.edit(f"Regroup at {plan.threshold:g} %"):
            if engine is not None:
                engine.persist(library)
            conn = library.conn
            for row_id, person in plan.assignments.items():
                face = faces[row_id]
                if person in failed:
                    conn.execute("UPDATE faces SET person_id = NULL, status = 'unindexed', reason = ? WHERE id = ?",
                                 ("the engine did not index the face", row_id))
                    changed += 1
                    continue
                person = new_ids.get(person, person)
                own = new_ids.get(f"{PENDING}{row_id}")
                sim, status = plan.similarities.get(row_id), plan.statuses[row_id]
                matched = plan.matched.get(row_id)
                if matched is not None and matched.startswith(PENDING):
                    matched = new_ids.get(matched)
                if (own is None and face["person_id"] == person and face["status"] == status
                        and face["similarity"] == sim and face["matched_face_id"] == matched):
                    continue  # unchanged: no write, nothing for undo to carry
                library.ensure_person(person)
                conn.execute(
                    "UPDATE faces SET person_id = ?, similarity = ?, status = ?, matched_face_id = ?,"
                    " engine_face_id = coalesce(?, engine_face_id) WHERE id = ?",
                    (person, sim, status, matched, own, row_id))
                changed += 1
            changed += library.drop_stale_covers()
            # People compared by all their faces again, as after an import: the replay decided face by face
            # and undid the joins consolidation had made (engine decisions); consolidation makes them again.
            consolidate(library, plan.threshold)
            if _grouping(library) == before:
                raise _NothingMoved  # the replay and consolidation met where they started: no edit at all
            library.set_meta("threshold", str(float(plan.threshold)))
            library.set_meta("regrouped_at", str(time.time()))
            return max(changed, 1)
    except _NothingMoved:
        return 0


def _grouping(library: Library) -> str:
    """A digest of who is in which person: every face's place and state, every person's row."""
    digest = hashlib.blake2b(digest_size=16)
    cursor = library.conn.cursor()
    cursor.row_factory = None
    for row in cursor.execute("SELECT id, person_id, status, similarity, matched_face_id, engine_face_id"
                              " FROM faces ORDER BY id"):
        digest.update(repr(row).encode())
    for row in cursor.execute("SELECT person_id, name, hidden, merged_into, cover_face_id, name_from FROM people"
                              " ORDER BY person_id"):
        digest.update(repr(row).encode())
    return digest.hexdigest()


EngineFactory = Callable[[str], FaceEngine]


def regroup(library: Library, threshold: float, *, engine_factory: EngineFactory | None = None,
            confirm: Callable[[RegroupPlan], bool] | None = None,
            control: ImportControl | None = None) -> RegroupPlan:
    """The one regroup operation the CLI and the GUI share.

    Holds the import lock (no import or other regroup runs meanwhile), refuses a cloud threshold below the
    stored candidates' floor, asks `confirm` before any paid IndexFaces call (a refusal leaves the plan
    unapplied), makes the calls with the library's own engine (`engine_factory(bound engine name)`), and
    writes one undoable edit. Raises LibraryBusy, EngineConfigError or RegroupCancelled.
    """
    with ImportLock(library.dir):
        bound = library.bound_engine()
        if bound == "rekognition":
            from ..engines.rekognition import candidate_floor

            floor = candidate_floor(library)
            if threshold < floor:
                raise EngineConfigError(say(
                    "this library's searches kept candidates down to {floor} %: regrouping below that needs"
                    " new searches; choose a threshold of {floor} % or more", floor=f"{floor:g}"))
        plan = plan_regroup(library, threshold)
        if plan.index_calls and bound != "local" and confirm is not None and not confirm(plan):
            return plan
        engine: FaceEngine | None = None
        if plan.index_calls and engine_factory is not None:
            engine = engine_factory(bound)
        try:
            return apply_regroup(library, plan, engine, control)
        finally:
            if engine is not None:
                engine.close()


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
