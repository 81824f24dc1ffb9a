"""What the Rekognition engine's user-vector mode (`rekognition_mode = users`) remembers of the collection.

A person is a Rekognition user whose UserId is the FaceId of the face that founded the person, so a user
stands for whatever person its founding face is in now (library/people.py, person_for_engine_face), exactly
as that FaceId does face by face: merges, splits and regroups need no call to AWS to stay consistent. The
book below is the library's record of the users it made and the FaceIds associated with each, one `meta` row
per user (`rekognition_user:<UserId>` -> {"faces": [...], "full": false, "gen": 3}); no schema change, and the
record of a forgotten person goes with it (engines/rekognition.py, delete_faces).

The book follows the library's transactions like the local engine's collection does: what a photo's calls
changed is written with the photo (`persist`) and dropped when the photo is not saved (`discard`); the
calls themselves are idempotent (IndexFaces by ExternalImageId, CreateUser by ClientRequestToken and a
ConflictException for a user that exists, AssociateFaces ignores a face already associated), so an
interrupted import finds the same users again on the next run.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..library import Library

USER_META = "rekognition_user:"
_USER_META_END = "rekognition_user;"  # the next key after every "rekognition_user:..." (':' + 1 == ';')
MAX_USER_FACES = 100  # a user holds at most 100 faces; AssociateFaces takes at most 100 a call
USER_ID = re.compile(r"[a-zA-Z0-9_.\-:]{1,128}")
FACE_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")  # the service's FaceId pattern


@dataclass(frozen=True)
class UserRecord:
    faces: tuple[str, ...] = ()  # associated FaceIds, the founding face first
    full: bool = False  # the service said the user holds all it can (ServiceQuotaExceededException)
    closed: bool = False  # deleted again for good: its founding face is gone from the collection
    generation: int = 0  # counts the changes to `faces`: part of each AssociateFaces/DisassociateFaces token

    def has_room(self) -> bool:
        return not self.full and not self.closed and len(self.faces) < MAX_USER_FACES

    def with_faces(self, faces: tuple[str, ...], *, full: bool | None = None) -> UserRecord:
        """The record after a change to its faces (the next call's tokens differ from the last one's)."""
        return UserRecord(faces, self.full if full is None else full, self.closed, self.generation + 1)


class UserBook:
    """The users of one library, with the changes of the photo in flight kept apart until it is saved."""

    def __init__(self, library: Library | None) -> None:
        self.saved: dict[str, UserRecord] = _read(library) if library is not None else {}
        self.pending: dict[str, UserRecord | None] = {}  # None: deleted
        self._owners: dict[str, str] | None = None  # FaceId -> its user, built on first use and kept up to date

    def get(self, user_id: str) -> UserRecord | None:
        if user_id in self.pending:
            return self.pending[user_id]
        return self.saved.get(user_id)

    def put(self, user_id: str, record: UserRecord) -> None:
        self._unown(user_id)
        self.pending[user_id] = record
        if self._owners is not None:
            self._owners.update(dict.fromkeys(record.faces, user_id))

    def drop(self, user_id: str) -> None:
        self._unown(user_id)
        self.pending[user_id] = None

    def owner_of(self, face_id: str) -> str | None:
        """The user `face_id` is associated with, if any."""
        if self._owners is None:
            self._owners = self.owners()
        return self._owners.get(face_id)

    def _unown(self, user_id: str) -> None:
        old = self.get(user_id)
        if self._owners is not None and old is not None:
            for face in old.faces:
                if self._owners.get(face) == user_id:
                    del self._owners[face]

    def users(self) -> dict[str, UserRecord]:
        merged = dict(self.saved)
        for user_id, record in self.pending.items():
            if record is None:
                merged.pop(user_id, None)
            else:
                merged[user_id] = record
        return merged

    def owners(self) -> dict[str, str]:
        """FaceId -> the user it is associated with."""
        return {face: user for user, record in self.users().items() for face in record.faces}

    def persist(self, library: Library) -> None:
        """Write the pending changes (inside the caller's transaction)."""
        for user_id, record in self.pending.items():
            key = USER_META + user_id
            if record is None:
                library.conn.execute("DELETE FROM meta WHERE key = ?", (key,))
                self.saved.pop(user_id, None)
                continue
            data: dict[str, object] = {"faces": list(record.faces), "full": record.full, "gen": record.generation}
            if record.closed:
                data["closed"] = True
            value = json.dumps(data, separators=(",", ":"))
            library.conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET"
                                 " value = excluded.value", (key, value))
            self.saved[user_id] = record
        self.pending.clear()

    def commit(self, library: Library | None) -> None:
        """Write the pending changes now, in a transaction of their own (users made outside a photo)."""
        if library is None:
            self.saved = self.users()
            self.pending.clear()
            return
        with library.transaction():
            self.persist(library)

    def discard(self) -> None:
        if self.pending:
            self._owners = None
        self.pending.clear()


def _read(library: Library) -> dict[str, UserRecord]:
    found: dict[str, UserRecord] = {}
    for key, value in library.conn.execute(
            "SELECT key, value FROM meta WHERE key >= ? AND key < ?", (USER_META, _USER_META_END)):
        try:
            data = json.loads(value)
            found[key[len(USER_META):]] = UserRecord(tuple(str(f) for f in data.get("faces", [])),
                                                     bool(data.get("full", False)), bool(data.get("closed", False)),
                                                     int(data.get("gen", 0)))
        except (ValueError, TypeError, AttributeError):
            continue  # an unreadable record: the user is made again (CreateUser answers that it exists)
    return found


def founders_without_users(library: Library, book: UserBook | None = None) -> list[str]:
    """FaceIds that found a person now and are no user of the book yet (people found face by face before
    the mode was chosen, people a regroup or a split founded again): the next import in users mode makes
    their users first (CreateUser and AssociateFaces each)."""
    book = book if book is not None else UserBook(library)
    users = book.users()
    rows = library.conn.execute(
        "SELECT engine_face_id FROM faces WHERE status = 'indexed' AND engine_face_id IS NOT NULL"
        " AND person_id IS NOT NULL GROUP BY engine_face_id ORDER BY min(id)")
    return [r[0] for r in rows if FACE_ID.fullmatch(r[0] or "") and not _complete(users.get(r[0]), r[0])]


def _complete(record: UserRecord | None, user_id: str) -> bool:
    """A user is made once it holds its founding face (AssociateFaces can refuse it, e.g. FACE_NOT_FOUND):
    until then it has no vector, no search returns it, and the next import associates the face again."""
    return record is not None and (user_id in record.faces or record.full or record.closed)


def stray_faces(library: Library, book: UserBook | None = None) -> dict[str, list[str]]:
    """The faces each user of the book holds that are no longer in the person the user stands for: the user
    took them out of it (Not this person, Split, Not a face, Ignore, or moved them elsewhere). The next
    users-mode import takes them out of the user (DisassociateFaces), or new photos of whoever they show would
    keep matching the old person. A FaceId the library holds no face of any more is left where it is."""
    book = book if book is not None else UserBook(library)
    users = {u: r for u, r in book.users().items() if r.faces and not r.closed}
    if not users:
        return {}
    where: dict[str, set[str | None]] = {}
    resolved: dict[str, str] = {}
    for fid, person, not_a_face in library.conn.execute(
            "SELECT engine_face_id, person_id, not_a_face FROM faces WHERE engine_face_id IS NOT NULL"):
        if person is not None and not not_a_face:
            if person not in resolved:
                resolved[person] = library.resolve_person(person)
            where.setdefault(fid, set()).add(resolved[person])
        else:
            where.setdefault(fid, set()).add(None)
    stray: dict[str, list[str]] = {}
    for user_id, record in users.items():
        person = library.person_for_engine_face(user_id)
        gone = [f for f in record.faces if f in where and (person is None or person not in where[f])]
        if gone:
            stray[user_id] = gone
    return stray


def disassociations(library: Library) -> int:
    """The DisassociateFaces calls (up to MAX_USER_FACES faces each) the next users-mode import makes first
    (`stray_faces`). Reads the library only."""
    return sum(-(-len(faces) // MAX_USER_FACES) for faces in stray_faces(library).values())


def people_without_users(library: Library) -> int:
    """People of a cloud library that have no Rekognition user yet: what the next users-mode import makes
    first (a CreateUser and an AssociateFaces each). Reads the library only."""
    return len(founders_without_users(library))
