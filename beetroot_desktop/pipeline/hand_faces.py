"""A face the detector missed, drawn by the user: measured like any other face, so it helps later matching.

The box is in pixels of the upright photo. The face gets its crop and (for the local engine) its
descriptor from the photo as the import would compute them, then the engine's answer like an imported
face: with a person given it is confirmed there (the user's word); without one, a match joins that person
and no match founds a new one.
"""

from __future__ import annotations

from dataclasses import replace

from ..engines.base import FaceCrop, FaceEngine, external_image_id
from ..imaging import DecodeError, crop_face, decode_photo, encode_jpeg
from ..library import EditRefused, FaceRecord, Library
from ..wording import message_of, say
from .analyze import WORKING_SIDE
from .face_answer import answer_face
from .regions import iou as _iou

MIN_SIDE = 12  # pixels: smaller is a click, not a face


def add_face(library: Library, engine: FaceEngine, photo_path: str, box: tuple[int, int, int, int], *,
             person_id: str | None = None, threshold: float = 95.0) -> int:
    """Add a face to the photo at `photo_path`; returns the new face's id. EditRefused for a box that is not
    inside the photo, a photo not in the library, or a person already in that photo."""
    photo = library.photo_by_path(photo_path)
    if photo is None:
        raise EditRefused(say("{path} is not in the library (see `beetroot photos`)", path=photo_path))
    row = library.photo(photo.id)
    width, height = int(row["width"]), int(row["height"])  # type: ignore[index]
    left, top, w, h = box
    if w < MIN_SIDE or h < MIN_SIDE:
        raise EditRefused(say("a face must be at least {side} pixels wide and high", side=MIN_SIDE))
    if left < 0 or top < 0 or left + w > width or top + h > height:
        raise EditRefused(say("the box {left},{top} {w}x{h} is not inside the photo ({width}x{height} upright)",
                              left=left, top=top, w=w, h=h, width=width, height=height))
    if person_id is not None:
        person_id = library.resolve_person(person_id)
        other = library.conn.execute("SELECT idx FROM faces WHERE photo_id = ? AND person_id = ?",
                                     (photo.id, person_id)).fetchone()
        if other is not None:
            raise EditRefused(say("this person is already face {idx} of that photo; one person cannot be two"
                                  " faces of one photo", idx=other[0]))
    for face in library.faces_of_photo(photo.id):
        if not face["not_a_face"] and _iou(box, (face["left"], face["top"], face["width"], face["height"])) >= 0.7:
            raise EditRefused(say("face {idx} of that photo is already there", idx=face["idx"]))
    try:
        decoded = decode_photo(photo.path, max_side=WORKING_SIDE)
    except DecodeError as exc:
        raise EditRefused(say("the photo cannot be read now ({error}); a face is added to a photo that is there",
                              error=message_of(exc))) from exc
    s = decoded.scale
    scaled = (round(left * s), round(top * s), max(1, round(w * s)), max(1, round(h * s)))
    crop = FaceCrop(-1, box, None, encode_jpeg(crop_face(decoded.image, scaled)), photo_sha=photo.sha256,
                    origin="hand")
    if engine.needs.descriptors:
        from ..engines.dlib_models import describe_faces

        crop.descriptor = next(describe_faces(decoded.image, [scaled]))
    idx = int(library.conn.execute("SELECT coalesce(max(idx), -1) + 1 FROM faces WHERE photo_id = ?",
                                   (photo.id,)).fetchone()[0])
    crop.idx = idx
    record = FaceRecord(idx=idx, bbox=box, score=None, engine=engine.name, status="unindexed",
                        descriptor=crop.descriptor, origin="hand")
    taken = {r[0] for r in library.conn.execute(
        "SELECT person_id FROM faces WHERE photo_id = ? AND person_id IS NOT NULL", (photo.id,))}
    try:
        if person_id is None:  # the user's word needs no engine call; without it, ask as the import would
            record = _engine_answer(library, engine, crop, record, threshold, taken)
        else:
            record = replace(record, status="matched")
        with library.edit("Add face"):  # undoable; the engine's new FaceId, like every FaceId, stays
            engine.persist(library)
            return library.add_hand_face(photo.id, record, person_id)
    except BaseException:
        engine.discard()
        raise


def _engine_answer(library: Library, engine: FaceEngine, crop: FaceCrop, record: FaceRecord, threshold: float,
                   taken: set[str]) -> FaceRecord:
    """What the import would make of this face (the same function): a Match, or an indexed face founding a new
    person; in users mode the face joins the person's user, or its new person gets one."""
    sha = crop.photo_sha or ""
    return answer_face(library, engine, crop, record, threshold, ext=external_image_id(sha, crop.idx), photo_sha=sha,
                       taken=set(taken), created=set()).record
