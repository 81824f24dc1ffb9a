"""Forget a person, and delete the cloud collection: the one way the CLI and the GUI do either.

Forgetting deletes, for good, everything the library holds of a person's faces and of the person: in the
cloud collection first (exactly their FaceIds, `DeleteFaces`), then in the library file (library/forget.py),
then their face thumbnails in the cache. The photos stay. The cloud goes first so that a failure there
(network, permissions) leaves the library as it was and forgetting again finishes the job; the reverse
would leave faces in AWS that nothing in the library points to any more.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ..engines.base import EngineConfigError
from ..engines.rekognition import FacesDeleted
from ..imaging.thumbnails import cache_dir_for, face_thumb_path
from ..library import Library
from ..library.forget import Box, ForgetPlan, PersonChanged
from ..library.lock import ImportLock
from ..library.recovery import SET_ASIDE_PREFIX
from ..wording import say


class FaceEraser(Protocol):
    """What forgetting needs of a cloud engine (engines/rekognition.py)."""

    collection_id: str

    def delete_faces(self, face_ids: Sequence[str]) -> FacesDeleted: ...

    def close(self) -> None: ...


@dataclass
class ForgetReport:
    person_id: str
    name: str | None
    people: list[str]  # the person and everyone merged into it: all deleted
    faces: int
    photos: int  # photos that held them (they stay)
    cloud_faces: int = 0  # FaceIds deleted from the cloud collection (or already gone from it)
    collection_missing: bool = False  # the collection was gone: nothing of them was left there
    thumbnails: int = 0  # face thumbnail files deleted
    history_dropped: int = 0  # edits taken out of the undo history
    notes: list[str] = field(default_factory=list)  # where something of them may still be, and other news

    def to_json(self) -> dict[str, object]:
        return {"person_id": self.person_id, "name": self.name, "people": self.people, "faces": self.faces,
                "photos": self.photos, "cloud_faces": self.cloud_faces, "thumbnails": self.thumbnails,
                "history_dropped": self.history_dropped, "notes": self.notes}


def is_cloud(library: Library) -> bool:
    return library.bound_engine() == "rekognition"


def forget_person(library: Library, plan: ForgetPlan,
                  eraser_factory: Callable[[], FaceEraser] | None = None) -> ForgetReport:
    """Forget the person of `plan` (the plan the user confirmed). Not undoable.

    Holds the import lock (no import adds a face to them meanwhile; LibraryBusy otherwise). On a cloud
    library `eraser_factory` makes the engine whose collection holds their FaceIds; its errors
    (EngineConfigError, EngineUnavailable, EngineError) leave the library unchanged. PersonChanged when the
    person's faces changed after `plan` was made.
    """
    with ImportLock(library.dir):
        PersonChanged.check(plan, library.forget_plan(plan.person_id))
        report = ForgetReport(plan.person_id, plan.name, list(plan.people), len(plan.faces), plan.photos)
        if is_cloud(library) and plan.engine_face_ids:
            if eraser_factory is None:
                raise EngineConfigError(say("this library's faces are in an Amazon Rekognition collection:"
                                            " forgetting needs the cloud engine to delete them there"))
            eraser = eraser_factory()
            try:
                result = eraser.delete_faces(plan.engine_face_ids)
            finally:
                eraser.close()
            report.cloud_faces = len(plan.engine_face_ids)
            report.collection_missing = result.collection_missing
            if result.collection_missing:
                report.notes.append(say("the collection {collection!r} does not exist any more: nothing of them was"
                                        " left there", collection=eraser.collection_id))
            elif len(result.not_found) == len(plan.engine_face_ids):
                report.notes.append(say(
                    "none of their faces were in the collection {collection!r}: an earlier try deleted them, or this"
                    " library's faces are in another collection (collection_id in `beetroot config show`)",
                    collection=eraser.collection_id))
        erased = library.erase_person(plan)
        report.history_dropped = erased.history_dropped
        report.thumbnails, kept = delete_face_thumbnails(library.dir, plan.face_boxes)
        problem = library.scrub_file()
    if problem is not None:
        report.notes.append(problem)
    if kept:
        report.notes.append(say("{count} face thumbnails could not be deleted from {folder} (permissions?): delete"
                                " the folder `faces` there; it is made again as needed", count=kept,
                                folder=str(cache_dir_for(library.dir))))
    aside = sorted(p.name for p in Path(library.dir).glob(f"{SET_ASIDE_PREFIX}*"))
    if aside:
        report.notes.append(say("older library files set aside by `beetroot rebuild` still hold this person:"
                                " {files} in {folder}; delete them if you no longer need them",
                                files=", ".join(aside), folder=str(library.dir)))
    return report


def delete_face_thumbnails(library_dir: Path | str, boxes: Sequence[tuple[str, Box]]) -> tuple[int, int]:
    """Delete every cached tile of these faces, at every size the views made. Returns (deleted, kept) files."""
    cache = cache_dir_for(Path(library_dir))
    removed = kept = 0
    for sha, box in boxes:
        # The size is the last part of the name (face_thumb_path): any size of this face's tile goes.
        pattern = face_thumb_path(cache, sha, box, 0).name.replace("-0.jpg", "-*.jpg")
        for path in face_thumb_path(cache, sha, box).parent.glob(pattern):
            try:
                path.unlink()
                removed += 1
            except FileNotFoundError:
                pass  # another window cleaned up first
            except OSError:
                kept += 1
    return removed, kept
