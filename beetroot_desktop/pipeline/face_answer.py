"""The engine's answer for one face, shared by the import and by faces the user draws (pipeline/hand_faces.py).

The upstream rule: search the face; the best candidate at or above the threshold that stands for a person
not already in the photo is a Match, anything else a NoMatch that is indexed and founds a new person
(personId == FaceId). An engine that keeps a vector per person (Rekognition users) is told about both: a
Match may add the face to the person's vector (its FaceId is then recorded with the face), a new person
gets one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from ..engines.base import Candidate, FaceCrop, FaceEngine, FaceUnsearchable, person_vectors
from ..library import FaceRecord, Library


@dataclass(frozen=True)
class FaceAnswer:
    record: FaceRecord  # the face as it is to be stored
    kind: str  # "match", "nomatch" or "unsearchable"
    person: str | None = None
    similarity: float | None = None
    new_person: bool = False


def candidate_person(library: Library, face_id: str, *, vectors: bool) -> str | None:
    """The person a candidate stands for now. Face by face, a face matched to its person and indexed as well
    (users mode adds up to 99 to each person's user) stands for that person too: a search can return only
    such faces of a person (16 candidates at most) and miss its founding face."""
    person = library.person_for_engine_face(face_id)
    if person is None and not vectors:
        person = library.person_of_indexed_match(face_id)
    return person


def best_match(library: Library, candidates: Sequence[Candidate], threshold: float, taken: set[str], *,
               vectors: bool) -> tuple[Candidate | None, str | None]:
    """The upstream Match: the best candidate at or above the threshold, and the person it stands for now.

    A candidate whose face the user took out of every person stands for no one, and a person already in
    the photo cannot be matched twice: both are passed over for the next candidate.
    """
    for candidate in candidates:
        if candidate.similarity < threshold:
            break
        person = candidate_person(library, candidate.face_id, vectors=vectors)
        if person is not None and person not in taken:
            return candidate, person
    return None, None


def answer_face(library: Library, engine: FaceEngine, crop: FaceCrop, base: FaceRecord, threshold: float, *,
                ext: str, photo_sha: str, taken: set[str], created: set[str],
                on_nomatch: Callable[[], None] | None = None) -> FaceAnswer:
    """Search `crop` (of the photo `photo_sha`), then Match it or index it (see the module docstring). `taken`
    (the people already in
    the photo) and `created` (the people this photo made) are updated; `on_nomatch` is called before
    the IndexFaces of a NoMatch."""
    vectors = person_vectors(engine)
    try:
        result = engine.search(crop, threshold)
    except FaceUnsearchable as exc:
        return FaceAnswer(replace(base, status="unsearchable", reason=str(exc)), "unsearchable")
    candidates = tuple((c.face_id, c.similarity) for c in result.candidates)
    match, person = best_match(library, result.candidates, threshold, taken, vectors=vectors is not None)
    if match is not None and person is not None:
        own = match.external_image_id == ext  # our own face, indexed by an interrupted run
        face_id = match.face_id if own else None
        if vectors is not None and not own:
            face_id = vectors.join(crop, ext, match.face_id, match.similarity, threshold)
            own = face_id == match.face_id  # the person's own founding face, found again
        new = person == match.face_id and not library.person(person) and person not in created
        created.add(person)
        taken.add(person)
        record = replace(base, status="indexed" if own else "matched", person_id=person, engine_face_id=face_id,
                         matched_face_id=None if own else match.face_id, similarity=match.similarity,
                         candidates=candidates, reason=None)
        return FaceAnswer(record, "match", person, match.similarity, new)
    if on_nomatch is not None:
        on_nomatch()
    indexed = engine.index(crop, ext)
    if indexed.face_id is None:
        reason = ", ".join(indexed.reasons) or "the engine did not index the face"
        return FaceAnswer(replace(base, status="unindexed", reason=reason, candidates=candidates), "nomatch")
    person = library.person_for_engine_face(indexed.face_id)  # a new FaceId stands for a new person: itself
    if person is None or person in taken:
        person = indexed.face_id if indexed.face_id not in taken else None
    if person is None:  # the FaceId already stands for someone else in this photo: leave it unassigned
        return FaceAnswer(replace(base, status="unindexed", engine_face_id=indexed.face_id,
                                  reason="the engine returned a face of a person already in this photo",
                                  candidates=candidates), "nomatch")
    new = not library.person(person) and person not in created
    created.add(person)
    taken.add(person)
    if vectors is not None and person == indexed.face_id:
        vectors.found(indexed.face_id, photo_sha)
    record = replace(base, status="indexed", person_id=person, engine_face_id=indexed.face_id, similarity=None,
                     candidates=candidates, reason=None)
    return FaceAnswer(record, "nomatch", person, None, new)
