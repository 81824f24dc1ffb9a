"""Facts about single faces that come from outside the grouping: a name another tool wrote in the photo's
metadata, a face the user drew by hand, and a detection the user says is not a face.

A name from metadata is the user's own word (written by them in digiKam, Lightroom, Picasa, ...), so it is
kept as a user fact: the face is confirmed in the person of that name. It never overrides what the user
already decided in Beetroot: a face confirmed elsewhere, or a person the user named otherwise, is left as
it is and the disagreement is reported.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..wording import say
from .people import MAX_NAME_LENGTH, PLACEHOLDER_NAME, PeopleMixin
from .photos import FaceRecord

NOT_A_FACE = "not a face (marked by you)"
IGNORED = "ignored by you (a stranger in the background)"


@dataclass(frozen=True)
class NameOutcome:
    face_id: int
    name: str
    person_id: str | None  # the person the face is confirmed in; None when the name was not applied
    note: str | None = None  # why not, or what was done (a new person, a person named)


class FaceFactsMixin(PeopleMixin):
    def name_face(self, face_id: int, raw_name: str) -> NameOutcome:
        """Confirm a face in the person called `raw_name` (a name from the photo's metadata). Call inside a
        transaction; this is part of an import, not an undoable edit of its own."""
        printable = "".join(ch for ch in raw_name if unicodedata.category(ch) != "Cc" or ch.isspace())
        name = " ".join(printable.split())[:MAX_NAME_LENGTH]
        row = self.conn.execute(
            "SELECT f.photo_id, f.person_id, f.confirmed, p.name FROM faces f"
            " LEFT JOIN people p ON p.person_id = f.person_id WHERE f.id = ?", (face_id,)).fetchone()
        if row is None:
            raise KeyError(f"no face {face_id}")
        photo_id, current, confirmed, current_name = row
        if not name or name.casefold() == PLACEHOLDER_NAME.casefold():
            return NameOutcome(face_id, name, None, "not a name")
        if current is not None and current_name == name:
            self._confirm(face_id, current)
            return NameOutcome(face_id, name, current)
        if confirmed is not None or (current is not None and current_name is not None):
            return NameOutcome(face_id, name, None, say("kept in {person}: the photo's metadata says otherwise",
                                                        person=current_name or say("the person you chose")))
        named = [p for p in self._named(name) if p != current]
        taken = {r[0] for r in self.conn.execute(
            "SELECT person_id FROM faces WHERE photo_id = ? AND id <> ? AND person_id IS NOT NULL",
            (photo_id, face_id))}
        target = next((p for p in named if p not in taken), None)
        if named and target is None:
            return NameOutcome(face_id, name, None, say("{name} is already another face of this photo", name=name))
        if target is not None:
            self._confirm(face_id, target)
            if current is not None:
                self._keep_founded(current)
            return NameOutcome(face_id, name, target)
        if current is not None:  # an unnamed person: it takes the name
            self.conn.execute("UPDATE people SET name = ?, name_from = NULL WHERE person_id = ?", (name, current))
            self._confirm(face_id, current)
            return NameOutcome(face_id, name, current, "named")
        person = self._new_person_for(face_id)
        self.ensure_person(person)
        self.conn.execute("UPDATE people SET name = ? WHERE person_id = ?", (name, person))
        self._confirm(face_id, person)
        return NameOutcome(face_id, name, person, "new person")

    def _named(self, name: str) -> list[str]:
        """People called `name` (never a person id: a name from metadata is a name), the exact spelling first,
        then the same name in other letter case."""
        rows = self.conn.execute(
            "SELECT person_id, name = ? FROM people WHERE merged_into IS NULL AND face_count > 0"
            " AND lower(name) = lower(?) ORDER BY name = ? DESC, person_id", (name, name, name)).fetchall()
        return [r[0] for r in rows if r[1]] or [r[0] for r in rows]

    def _confirm(self, face_id: int, person_id: str) -> None:
        tree = self.merge_tree(person_id)
        self.conn.execute(
            f"DELETE FROM face_exclusions WHERE face_id = ? AND person_id IN ({', '.join('?' for _ in tree)})",
            (face_id, *tree))
        self._stop_founding(face_id, person_id)
        self.conn.execute(
            "UPDATE faces SET person_id = ?, status = CASE WHEN status = 'removed' THEN 'matched' ELSE status END,"
            " reason = NULL, confirmed = 'user', matched_face_id = NULL WHERE id = ?", (person_id, face_id))
        self._keep_founded(person_id)
        self.conn.execute("UPDATE people SET cover_face_id = ? WHERE person_id = ? AND cover_face_id IS NULL",
                          (face_id, person_id))

    def add_hand_face(self, photo_id: int, record: FaceRecord, person_id: str | None) -> int:
        """Store a face the user drew (`record` as the engine left it), confirmed in `person_id` when given."""
        with self.edit("Add face"):
            idx = int(self.conn.execute(
                "SELECT coalesce(max(idx), -1) + 1 FROM faces WHERE photo_id = ?", (photo_id,)).fetchone()[0])
            face_id = self.add_face(photo_id, FaceRecord(**{**record.__dict__, "idx": idx, "origin": "hand",
                                                             "person_id": None}))
            target = person_id if person_id is not None else record.person_id
            if target is not None:
                self.ensure_person(target)
                if person_id is not None:
                    self._confirm(face_id, self.resolve_person(target))
                else:
                    self.conn.execute("UPDATE faces SET person_id = ? WHERE id = ?", (target, face_id))
            return face_id

    def ignore_face(self, face_id: int) -> str | None:
        """"Ignore this face": a stranger in the background leaves its person and every list, like a false
        detection (undoable, like any edit)."""
        return self.mark_not_a_face(face_id, reason=IGNORED, label="Ignore face")

    def mark_not_a_face(self, face_id: int, *, reason: str = NOT_A_FACE, label: str = "Not a face") -> str | None:
        """"Not a face": a false detection (a poster, a pattern) leaves its person and every list for good.

        The photo keeps the row, marked, so the detection is not made again and no regroup or import puts
        it anywhere. Undoable, like any edit. Returns the person it was in.
        """
        row = self.conn.execute("SELECT person_id, not_a_face FROM faces WHERE id = ?", (face_id,)).fetchone()
        if row is None:
            raise KeyError(f"no face {face_id}")
        person_id = row[0]
        if row[1]:
            return None
        with self.edit(label):
            self._stop_founding(face_id, None)
            self.conn.execute(
                "UPDATE faces SET person_id = NULL, status = 'removed', reason = ?, confirmed = NULL,"
                " matched_face_id = NULL, not_a_face = 1 WHERE id = ?", (reason, face_id))
            if person_id is not None:
                self._keep_founded(person_id)
            self.drop_stale_covers()
        return str(person_id) if person_id is not None else None

    def not_a_face_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM faces WHERE not_a_face = 1").fetchone()[0])
