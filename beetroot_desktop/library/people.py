"""People: the grid's rows, a person's photos, and every edit a user makes to them.

Edits are written at once, each in one transaction, so a crash leaves an edit either fully done or not at
all. Merges are remembered (`merged_into`) rather than deleted, so a face that later matches the merged
person's FaceId lands in the surviving person, and so regrouping at another threshold keeps the merge.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from .photos import PhotosMixin


@dataclass(frozen=True)
class PersonSummary:
    person_id: str
    name: str | None
    faces: int
    photos: int
    cover_face_id: int | None
    hidden: bool

    @property
    def display_name(self) -> str:
        return self.name or "Unnamed person"


_SUMMARY_SQL = """
SELECT p.person_id, coalesce(p.name, (
           -- an unnamed group that holds a named person's first face shows that name (after regrouping)
           SELECT n.name FROM faces sf JOIN people n ON n.person_id = sf.engine_face_id
           WHERE sf.person_id = p.person_id AND n.name IS NOT NULL ORDER BY sf.id LIMIT 1)) AS name,
       count(f.id) AS faces, count(DISTINCT f.photo_id) AS photos,
       coalesce(p.cover_face_id, min(f.id)) AS cover, p.hidden
FROM people p JOIN faces f ON f.person_id = p.person_id
WHERE p.merged_into IS NULL {where}
GROUP BY p.person_id
"""


class PeopleMixin(PhotosMixin):
    # -- reads -----------------------------------------------------------------------------------------
    def resolve_person(self, person_id: str) -> str:
        """Follow merges to the person that stands for `person_id` now."""
        seen = {person_id}
        current = person_id
        while True:
            row = self.conn.execute("SELECT merged_into FROM people WHERE person_id = ?", (current,)).fetchone()
            if row is None or row[0] is None or row[0] in seen:
                return current
            current = row[0]
            seen.add(current)

    def person_for_engine_face(self, engine_face_id: str) -> str | None:
        """Which person a FaceId returned by the engine belongs to, or None if the library never saw it."""
        if self.conn.execute("SELECT 1 FROM people WHERE person_id = ?", (engine_face_id,)).fetchone():
            return self.resolve_person(engine_face_id)
        row = self.conn.execute(
            "SELECT person_id FROM faces WHERE engine_face_id = ? AND person_id IS NOT NULL LIMIT 1",
            (engine_face_id,),
        ).fetchone()
        return self.resolve_person(row[0]) if row else None

    def people(self, *, include_hidden: bool = True) -> list[PersonSummary]:
        where = "" if include_hidden else "AND p.hidden = 0"
        rows = self.conn.execute(_SUMMARY_SQL.format(where=where) + " ORDER BY faces DESC, p.created_at")
        return [PersonSummary(r[0], r[1], r[2], r[3], r[4], bool(r[5])) for r in rows]

    def person(self, person_id: str) -> PersonSummary | None:
        row = self.conn.execute(
            _SUMMARY_SQL.format(where="AND p.person_id = ?"), (person_id,)
        ).fetchone()
        return PersonSummary(row[0], row[1], row[2], row[3], row[4], bool(row[5])) if row else None

    def person_photos(self, person_id: str) -> list[sqlite3.Row]:
        """A person's photos, oldest first by date taken (photos without a date last, by path)."""
        return self.conn.execute(
            "SELECT DISTINCT ph.* FROM photos ph JOIN faces f ON f.photo_id = ph.id"
            " WHERE f.person_id = ? ORDER BY ph.taken_at IS NULL, ph.taken_at, ph.path",
            (person_id,),
        ).fetchall()

    def person_faces(self, person_id: str) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT f.*, ph.path AS path FROM faces f JOIN photos ph ON ph.id = f.photo_id"
            " WHERE f.person_id = ? ORDER BY f.id",
            (person_id,),
        ).fetchall()

    def exclusions(self) -> set[tuple[int, str]]:
        return {(r[0], r[1]) for r in self.conn.execute("SELECT face_id, person_id FROM face_exclusions")}

    # -- edits -----------------------------------------------------------------------------------------
    def rename_person(self, person_id: str, name: str | None) -> None:
        clean = (name or "").strip() or None
        with self.transaction():
            self._require_person(person_id)
            self.conn.execute("UPDATE people SET name = ? WHERE person_id = ?", (clean, person_id))

    def merge_people(self, sources: list[str], target: str) -> None:
        """Move every face of `sources` into `target`; the target keeps its id and its name."""
        with self.transaction():
            target = self.resolve_person(target)
            self._require_person(target)
            for source in sources:
                source = self.resolve_person(source)
                if source == target:
                    continue
                self._require_person(source)
                self.conn.execute("UPDATE faces SET person_id = ? WHERE person_id = ?", (target, source))
                self.conn.execute("UPDATE people SET merged_into = ? WHERE merged_into = ?", (target, source))
                self.conn.execute("UPDATE people SET merged_into = ? WHERE person_id = ?", (target, source))
                # A face the user took out of the source must not come back through the merge either.
                self.conn.execute(
                    "INSERT OR IGNORE INTO face_exclusions(face_id, person_id)"
                    " SELECT face_id, ? FROM face_exclusions WHERE person_id = ?", (target, source))
                self.conn.execute(
                    "UPDATE people SET name = (SELECT name FROM people WHERE person_id = ?)"
                    " WHERE person_id = ? AND name IS NULL", (source, target))

    def remove_face_from_person(self, face_id: int) -> str | None:
        """"Not this person": the face leaves its person and never joins that person again."""
        with self.transaction():
            row = self.conn.execute("SELECT person_id FROM faces WHERE id = ?", (face_id,)).fetchone()
            if row is None:
                raise KeyError(f"no face {face_id}")
            person_id = row[0]
            if person_id is None:
                return None
            self.conn.execute(
                "INSERT OR IGNORE INTO face_exclusions(face_id, person_id) VALUES (?, ?)", (face_id, person_id))
            self.conn.execute(
                "UPDATE faces SET person_id = NULL, status = 'removed', reason = 'removed by you' WHERE id = ?",
                (face_id,))
            self.conn.execute(
                "UPDATE people SET cover_face_id = NULL WHERE person_id = ? AND cover_face_id = ?",
                (person_id, face_id))
            return str(person_id)

    def assign_face(self, face_id: int, person_id: str) -> None:
        """Put a face into a person by hand (also lifts an earlier "Not this person" for that pair)."""
        with self.transaction():
            person_id = self.resolve_person(person_id)
            self._require_person(person_id)
            self.conn.execute(
                "DELETE FROM face_exclusions WHERE face_id = ? AND person_id = ?", (face_id, person_id))
            self.conn.execute(
                "UPDATE faces SET person_id = ?, status = CASE WHEN status = 'removed' THEN 'matched'"
                " ELSE status END, reason = NULL WHERE id = ?",
                (person_id, face_id))

    def set_hidden(self, person_id: str, hidden: bool) -> None:
        with self.transaction():
            self._require_person(person_id)
            self.conn.execute("UPDATE people SET hidden = ? WHERE person_id = ?", (int(hidden), person_id))

    def set_cover(self, person_id: str, face_id: int) -> None:
        with self.transaction():
            row = self.conn.execute("SELECT person_id FROM faces WHERE id = ?", (face_id,)).fetchone()
            if row is None or row[0] != person_id:
                raise ValueError("the cover must be one of the person's own faces")
            self.conn.execute("UPDATE people SET cover_face_id = ? WHERE person_id = ?", (face_id, person_id))

    def _require_person(self, person_id: str) -> None:
        if not self.conn.execute("SELECT 1 FROM people WHERE person_id = ?", (person_id,)).fetchone():
            raise KeyError(f"no person {person_id}")
