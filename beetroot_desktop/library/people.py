"""People: the grid's rows, a person's photos, and every edit a user makes to them (docs/identity.md).

A person is an entity with a stable id: the FaceId of the face that founded it (the upstream rule), or a
new id for a person the user split off. Names, hidden flags, covers and merges belong to the entity. Every
edit is a face-level fact that no automatic step overrides: a face the user put in a person is *confirmed*
there (`faces.confirmed`), "Not this person" is a cannot-link (`face_exclusions`), a merge is kept as
`merged_into` and confirms the faces it brought. Two faces of one photo are never one person. Each edit is
one undoable transaction (library/edits.py).
"""

from __future__ import annotations

import sqlite3
import unicodedata
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from ..wording import say
from .edits import EditsMixin
from .photos import PhotosMixin

MAX_NAME_LENGTH = 200
PLACEHOLDER_NAME = "Unnamed person"  # what the views show for a person without a name


class EditRefused(ValueError):
    """The edit would break a rule the library keeps; the message says which and what to do instead."""


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
        return self.name or PLACEHOLDER_NAME


# face_count and photo_count are kept by triggers (schema version 2): no counting over faces here.
_SUMMARY_SQL = """
SELECT p.person_id, p.name, p.face_count AS faces, p.photo_count AS photos,
       coalesce(p.cover_face_id, (SELECT min(f.id) FROM faces f WHERE f.person_id = p.person_id)) AS cover,
       p.hidden
FROM people p
WHERE p.merged_into IS NULL AND p.face_count > 0 {where}
"""

# People the user has said something about: their founding face keeps founding them whatever the threshold.
ANCHORED_SQL = """
SELECT person_id FROM people WHERE name IS NOT NULL OR hidden = 1 OR merged_into IS NOT NULL
UNION SELECT merged_into FROM people WHERE merged_into IS NOT NULL
UNION SELECT DISTINCT person_id FROM faces WHERE confirmed IS NOT NULL AND person_id IS NOT NULL
"""


class PeopleMixin(EditsMixin, PhotosMixin):
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
        """The person a FaceId the engine returned stands for *now*, or None when it stands for no one.

        Only a face that founds a group now (status "indexed": the NoMatch of the upstream rule) stands for
        someone, and it stands for the person it is in today (after regroups, merges and edits), not for the
        person it once founded. A FaceId a regroup made for a face that now matches another (a stricter
        threshold indexed it, a looser one matched it again) stands for no one, exactly as if it had never
        been indexed, and so does a face the user took out of its person. When the face is gone (its photo
        changed) the person it founded still answers for it.
        """
        row = self.conn.execute(
            "SELECT person_id, status FROM faces WHERE engine_face_id = ?"
            " ORDER BY status <> 'indexed', person_id IS NULL, id LIMIT 1", (engine_face_id,)).fetchone()
        if row is not None:
            return self.resolve_person(row[0]) if row[0] is not None and row[1] == "indexed" else None
        founded = self.conn.execute("SELECT 1 FROM people WHERE person_id = ?", (engine_face_id,)).fetchone()
        # A FaceId the library never saw (a rebuilt library's, another library's in a shared collection) is a
        # person of its own, as in the upstream pipeline: personId == FaceId.
        return self.resolve_person(engine_face_id) if founded else engine_face_id

    def person_of_indexed_match(self, engine_face_id: str) -> str | None:
        """The person a face matched to it and indexed as well is in (users mode indexes up to 99 such faces a
        person, for its Rekognition user), or None. A FaceId that founded a person, or whose face the user
        took out of every person, gives None: person_for_engine_face answers for those."""
        if self.conn.execute("SELECT 1 FROM people WHERE person_id = ?", (engine_face_id,)).fetchone():
            return None
        row = self.conn.execute(
            "SELECT person_id FROM faces WHERE engine_face_id = ? AND status = 'matched' AND person_id IS NOT NULL"
            " AND not_a_face = 0 ORDER BY id LIMIT 1", (engine_face_id,)).fetchone()
        return self.resolve_person(row[0]) if row is not None else None

    def find_people(self, ref: str) -> list[str]:
        """People a user's reference names: a person id (merged ids follow the merge), else an exact name."""
        if self.conn.execute("SELECT 1 FROM people WHERE person_id = ?", (ref,)).fetchone():
            return [self.resolve_person(ref)]
        rows = self.conn.execute(
            "SELECT person_id FROM people WHERE merged_into IS NULL AND face_count > 0 AND name = ?"
            " ORDER BY person_id", (ref,))
        return [r[0] for r in rows]

    def anchored_people(self) -> set[str]:
        return {r[0] for r in self.conn.execute(ANCHORED_SQL)}

    def people(self, *, include_hidden: bool = True) -> list[PersonSummary]:
        where = "" if include_hidden else "AND p.hidden = 0"
        rows = self.conn.execute(_SUMMARY_SQL.format(where=where) + " ORDER BY p.face_count DESC, p.created_at")
        return [PersonSummary(r[0], r[1], r[2], r[3], r[4], bool(r[5])) for r in rows]

    def person(self, person_id: str) -> PersonSummary | None:
        row = self.conn.execute(
            _SUMMARY_SQL.format(where="AND p.person_id = ?"), (person_id,)
        ).fetchone()
        return PersonSummary(row[0], row[1], row[2], row[3], row[4], bool(row[5])) if row else None

    def person_photos(self, person_id: str) -> list[sqlite3.Row]:
        """A person's photos, oldest first by date taken (photos without a date last, by path); present and
        offline ones, never missing ones."""
        return self.conn.execute(
            "SELECT DISTINCT ph.* FROM photos ph JOIN faces f ON f.photo_id = ph.id"
            " WHERE f.person_id = ? AND ph.presence <> 'missing' ORDER BY ph.taken_at IS NULL, ph.taken_at, ph.path",
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
        clean = " ".join((name or "").split()) or None
        if clean is not None and any(unicodedata.category(ch) == "Cc" for ch in clean):
            # Control characters (escape sequences, NUL) make a name that no file format or terminal keeps;
            # format characters (bidi marks that right-to-left names need) are kept.
            raise EditRefused(say("a name cannot hold control characters"))
        if clean is not None and len(clean) > MAX_NAME_LENGTH:
            raise EditRefused(say("a name can have at most {count} characters", count=MAX_NAME_LENGTH))
        if clean is not None and clean.casefold() == PLACEHOLDER_NAME.casefold():
            raise EditRefused(say("“{name}” is what people without a name are shown as", name=PLACEHOLDER_NAME))
        person_id = self.resolve_person(person_id)
        self._require_person(person_id)
        if clean is not None and clean != person_id and self.conn.execute(
                "SELECT 1 FROM people WHERE person_id = lower(?)", (clean,)).fetchone():
            raise EditRefused(say("that is another person's id; a name must not be mistaken for it"))
        label = f"Rename to \u201c{clean}\u201d" if clean else "Clear name"
        with self.edit(label):
            self.conn.execute("UPDATE people SET name = ?, name_from = NULL WHERE person_id = ?"
                              " AND (name IS NOT ? OR name_from IS NOT NULL)", (clean, person_id, clean))

    def merge_people(self, sources: Sequence[str], target: str) -> None:
        """Move every face of `sources` into `target`; the target keeps its id and its name.

        Every face of the merged people is confirmed in the target; the sources stay merged into it
        (`merged_into`, a tree: what was merged into a source stays with that source) so a face that later
        matches one of their FaceIds joins the target, until the user undoes or splits the merge. A target
        without a name takes the first source's name, and gives it back when that source is split off.
        """
        target = self.resolve_person(target)
        self._require_person(target)
        merging = [s for s in dict.fromkeys(self.resolve_person(s) for s in sources) if s != target]
        if not merging:
            return  # nothing to merge: no edit
        for source in merging:
            self._require_person(source)
        self._refuse_shared_photos([target, *merging])
        self._refuse_rejected([target, *merging])
        with self.edit(f"Merge {len(merging) + 1} people" if len(merging) > 1 else "Merge people"):
            # The user saw every face of these people and said they are one: all of them are confirmed.
            self.conn.execute("UPDATE faces SET confirmed = 'user' WHERE person_id = ? AND confirmed IS NULL",
                              (target,))
            for source in merging:
                # A face keeps the merge that first brought it in (merge:X for people merged into the source
                # before), so splitting the source off later takes back exactly its own tree.
                self.conn.execute(
                    "UPDATE faces SET person_id = ?, confirmed = CASE WHEN confirmed IS NULL OR confirmed = 'user'"
                    " THEN ? ELSE confirmed END WHERE person_id = ?", (target, f"merge:{source}", source))
                self.conn.execute("UPDATE people SET merged_into = ? WHERE person_id = ?", (target, source))
                self.conn.execute(
                    "UPDATE people SET name = (SELECT name FROM people WHERE person_id = ?), name_from = ?"
                    " WHERE person_id = ? AND name IS NULL"
                    " AND (SELECT name FROM people WHERE person_id = ?) IS NOT NULL", (source, source, target, source))
            self.drop_stale_covers()

    def merged_sources(self, person_id: str) -> list[str]:
        """The people merged into `person_id` directly (each keeps the people merged into it before)."""
        return [r[0] for r in self.conn.execute(
            "SELECT person_id FROM people WHERE merged_into = ? ORDER BY rowid", (person_id,))]

    def merge_tree(self, person_id: str) -> list[str]:
        """`person_id` and everyone merged into it, directly or through others."""
        rows = self.conn.execute(
            "WITH RECURSIVE t(id) AS (SELECT ? UNION SELECT p.person_id FROM people p JOIN t ON p.merged_into = t.id)"
            " SELECT id FROM t", (person_id,))
        return [r[0] for r in rows]

    def split_person(self, person_id: str, *, face_ids: Sequence[int] = (), people: Sequence[str] = ()) -> list[str]:
        """Split faces, or formerly merged people, off `person_id`. Returns the people that now hold them.

        Faces split off together become one new person, confirmed there and never grouped with `person_id`
        again. A formerly merged person gets back the faces its merge brought in (with everything merged
        into it before), its founding face, the faces that matched those since, and its name if it lent it.
        """
        person_id = self.resolve_person(person_id)
        self._require_person(person_id)
        merged = self.merged_sources(person_id)
        sources = list(dict.fromkeys(people))
        for source in sources:
            if source not in merged:
                raise EditRefused(say("{person} was not merged into this person; split its faces instead",
                                      person=source))
        faces = [int(f) for f in dict.fromkeys(face_ids)]
        for face_id in faces:
            row = self.conn.execute(
                "SELECT f.person_id, f.idx, ph.path FROM faces f JOIN photos ph ON ph.id = f.photo_id WHERE f.id = ?",
                (face_id,)).fetchone()
            if row is None:
                raise KeyError(f"no face {face_id}")
            if row[0] != person_id:
                raise EditRefused(say("face {face} of {photo} is not one of this person's faces", face=row[1],
                                      photo=row[2]))
        if not faces and not sources:
            raise EditRefused(say("choose faces or formerly merged people to split off"))
        if faces and len(faces) >= self.conn.execute(
                "SELECT face_count FROM people WHERE person_id = ?", (person_id,)).fetchone()[0]:
            raise EditRefused(say("that is every face of the person: rename it instead of splitting it"))
        made: list[str] = []
        with self.edit("Split person"):
            for source in sources:
                tree = self.merge_tree(source)
                marks = ", ".join("?" for _ in tree)
                self.conn.execute("UPDATE people SET merged_into = NULL WHERE person_id = ?", (source,))
                self.conn.execute(
                    f"UPDATE faces SET person_id = ?, confirmed = CASE WHEN confirmed = ? THEN 'user' ELSE confirmed"
                    f" END WHERE person_id = ? AND (confirmed IN ({marks}) OR engine_face_id IN ({marks}))",
                    (source, f"merge:{source}", person_id, *(f"merge:{t}" for t in tree), *tree))
                self.conn.execute("UPDATE people SET name = NULL, name_from = NULL WHERE person_id = ?"
                                  " AND name_from = ?", (person_id, source))
                made.append(source)
            if faces:
                new_id = self._new_person_for(faces[0])
                self.ensure_person(new_id)
                for face_id in faces:
                    self._stop_founding(face_id, new_id)
                    self.conn.execute("UPDATE faces SET person_id = ?, confirmed = 'user' WHERE id = ?",
                                      (new_id, face_id))
                    self.conn.execute("INSERT OR IGNORE INTO face_exclusions(face_id, person_id) VALUES (?, ?)",
                                      (face_id, person_id))
                made.append(new_id)
            self._keep_founded(person_id)
            if sources:  # faces imported while merged follow the founding faces the split gave back
                marks = ", ".join("?" for _ in sources)
                self.follow_founders({r[0]: person_id for r in self.conn.execute(
                    f"SELECT id FROM faces WHERE person_id IN ({marks}) AND status = 'indexed'", sources)})
            self.drop_stale_covers()
        return made

    def _new_person_for(self, face_id: int) -> str:
        """A person founded by hand takes its first face's FaceId when it founds nobody yet, else a new id."""
        row = self.conn.execute("SELECT engine_face_id FROM faces WHERE id = ?", (face_id,)).fetchone()
        fid = row[0] if row else None
        if fid and not self.conn.execute("SELECT 1 FROM people WHERE person_id = ?", (fid,)).fetchone():
            return str(fid)
        return str(uuid.uuid4())

    def _stop_founding(self, face_id: int, new_person: str | None) -> None:
        """A founding face the user moves out of the person its FaceId founded stops standing for anyone.

        The user corrected that one face; faces that were matched against it are not dragged along (the
        person keeps them, and gets another founding face: _keep_founded).
        """
        row = self.conn.execute("SELECT status, engine_face_id FROM faces WHERE id = ?", (face_id,)).fetchone()
        if row is None or row[0] != "indexed" or row[1] is None:
            return
        home = row[1] if self.conn.execute("SELECT 1 FROM people WHERE person_id = ?", (row[1],)).fetchone() else None
        if new_person is not None and home is not None and self.resolve_person(home) == new_person:
            return  # back where it founded: it keeps founding
        self.conn.execute("UPDATE faces SET status = 'matched', similarity = NULL WHERE id = ?", (face_id,))

    def _keep_founded(self, person_id: str) -> None:
        """A person that lost its founding face takes an indexed face of its own as the new one, if it has one
        (the next import indexes one otherwise: pipeline/ingest.py, reanchor)."""
        if self._founders(person_id):
            return
        for face_id, fid in self.conn.execute(
                "SELECT id, engine_face_id FROM faces WHERE person_id = ? AND engine_face_id IS NOT NULL"
                " AND status = 'matched' ORDER BY id", (person_id,)).fetchall():
            home = self.conn.execute("SELECT 1 FROM people WHERE person_id = ?", (fid,)).fetchone()
            if home is not None and self.resolve_person(fid) != person_id:
                continue  # moved here from the person it founded: it must not drag that person's faces along
            self.conn.execute("UPDATE faces SET status = 'indexed', similarity = NULL, matched_face_id = NULL"
                              " WHERE id = ?", (face_id,))
            return

    def _founders(self, person_id: str) -> int:
        return int(self.conn.execute(
            "SELECT count(*) FROM faces WHERE person_id = ? AND status = 'indexed' AND engine_face_id IS NOT NULL",
            (person_id,)).fetchone()[0])

    def unfounded_people(self) -> list[str]:
        """People with faces but no founding face: new faces could not be matched to them."""
        return [r[0] for r in self.conn.execute(
            "SELECT p.person_id FROM people p WHERE p.merged_into IS NULL AND p.face_count > 0 AND NOT EXISTS"
            " (SELECT 1 FROM faces f WHERE f.person_id = p.person_id AND f.status = 'indexed'"
            " AND f.engine_face_id IS NOT NULL) ORDER BY p.rowid")]

    def follow_founders(self, founders: dict[int, str]) -> int:
        """Engine-matched faces follow the founding face they matched to where it is now.

        `founders` maps founding faces that were just moved (by an undo, a redo or a split) to the person
        they were in before; only the faces that were with them there follow, so an undo with nothing
        imported since gives back exactly the state before the edit, while faces imported in between go
        with their founding face. Never into a person the face was taken out of, nor one already in its
        photo. Returns how many moved.
        """
        rows = []
        for founder, before in founders.items():
            rows += self.conn.execute(
                "SELECT f.id, f.photo_id, fo.person_id FROM faces fo JOIN faces f"
                " ON f.matched_face_id = fo.engine_face_id AND f.person_id = ?"
                " WHERE fo.id = ? AND fo.status = 'indexed' AND fo.person_id IS NOT NULL AND fo.person_id <> ?"
                " AND f.confirmed IS NULL AND f.status = 'matched'", (before, founder, before)).fetchall()
        moved = 0
        for face_id, photo_id, person in sorted(tuple(r) for r in rows):
            tree = set(self.merge_tree(person))
            banned = {r[0] for r in self.conn.execute(
                "SELECT person_id FROM face_exclusions WHERE face_id = ?", (face_id,))}
            if banned & tree or self.conn.execute(
                    "SELECT 1 FROM faces WHERE photo_id = ? AND person_id = ? AND id <> ?",
                    (photo_id, person, face_id)).fetchone():
                continue
            self.conn.execute("UPDATE faces SET person_id = ? WHERE id = ?", (person, face_id))
            moved += 1
        return moved

    def _places_of(self, faces: set[int]) -> dict[int, str]:
        places: dict[int, str] = {}
        for face_id in faces:
            row = self.conn.execute("SELECT person_id FROM faces WHERE id = ?", (face_id,)).fetchone()
            if row is not None and row[0] is not None:
                places[face_id] = row[0]
        return places

    def _after_replay(self, places: dict[int, str]) -> None:
        self.follow_founders(places)

    def remove_face_from_person(self, face_id: int) -> str | None:
        """"Not this person": the face leaves its person and never joins that person again."""
        row = self.conn.execute("SELECT person_id FROM faces WHERE id = ?", (face_id,)).fetchone()
        if row is None:
            raise KeyError(f"no face {face_id}")
        person_id = row[0]
        if person_id is None:
            return None
        with self.edit("Not this person"):
            self.conn.execute(
                "INSERT OR IGNORE INTO face_exclusions(face_id, person_id) VALUES (?, ?)", (face_id, person_id))
            self._stop_founding(face_id, None)
            self.conn.execute(
                "UPDATE faces SET person_id = NULL, status = 'removed', reason = 'removed by you', confirmed = NULL,"
                " matched_face_id = NULL WHERE id = ?", (face_id,))
            self._keep_founded(person_id)
            self.drop_stale_covers()
        return str(person_id)

    def assign_face(self, face_id: int, person_id: str) -> None:
        """Put a face into a person by hand (also lifts an earlier "Not this person" for that pair)."""
        person_id = self.resolve_person(person_id)
        self._require_person(person_id)
        row = self.conn.execute("SELECT photo_id, person_id, confirmed FROM faces WHERE id = ?", (face_id,)).fetchone()
        if row is None:
            raise KeyError(f"no face {face_id}")
        if row[1] == person_id and row[2] is not None:
            return  # already there, by the user's own decision
        other = self.conn.execute(
            "SELECT idx FROM faces WHERE photo_id = ? AND person_id = ? AND id <> ?",
            (row[0], person_id, face_id)).fetchone()
        if other is not None:
            raise EditRefused(say("this person is already face {face} of that photo; one person cannot be two"
                                  " faces of one photo: take that face out first (Not this person)", face=other[0]))
        tree = self.merge_tree(person_id)
        with self.edit("Add face to person" if row[1] != person_id else "Confirm face"):
            self.conn.execute(
                f"DELETE FROM face_exclusions WHERE face_id = ? AND person_id IN ({', '.join('?' for _ in tree)})",
                (face_id, *tree))
            self._stop_founding(face_id, person_id)
            self.conn.execute(
                "UPDATE faces SET person_id = ?, status = CASE WHEN status = 'removed' THEN 'matched'"
                " ELSE status END, reason = NULL, confirmed = 'user', matched_face_id = NULL WHERE id = ?",
                (person_id, face_id))
            if row[1] is not None and row[1] != person_id:
                self._keep_founded(row[1])
            self.drop_stale_covers()

    def set_hidden(self, person_id: str, hidden: bool) -> None:
        person_id = self.resolve_person(person_id)
        self._require_person(person_id)
        with self.edit("Hide person" if hidden else "Show person"):
            self.conn.execute("UPDATE people SET hidden = ? WHERE person_id = ? AND hidden <> ?",
                              (int(hidden), person_id, int(hidden)))

    def set_cover(self, person_id: str, face_id: int) -> None:
        person_id = self.resolve_person(person_id)
        row = self.conn.execute("SELECT person_id FROM faces WHERE id = ?", (face_id,)).fetchone()
        if row is None or row[0] != person_id:
            raise EditRefused(say("the cover must be one of the person's own faces"))
        with self.edit("Use as cover"):
            self.conn.execute("UPDATE people SET cover_face_id = ? WHERE person_id = ? AND cover_face_id IS NOT ?",
                              (face_id, person_id, face_id))

    def drop_stale_covers(self) -> int:
        """Covers that are no longer one of their person's faces are forgotten; returns how many."""
        return self.conn.execute(
            "UPDATE people SET cover_face_id = NULL WHERE cover_face_id IS NOT NULL AND person_id IS NOT"
            " (SELECT person_id FROM faces WHERE faces.id = people.cover_face_id)").rowcount

    def _refuse_shared_photos(self, people: Sequence[str]) -> None:
        """One person is never two faces of one photo: refuse to merge people who appear together."""
        if len(people) < 2:
            return
        marks = ", ".join("?" for _ in people)
        row = self.conn.execute(
            f"SELECT ph.path FROM faces f JOIN photos ph ON ph.id = f.photo_id WHERE f.person_id IN ({marks})"
            " GROUP BY f.photo_id HAVING count(DISTINCT f.person_id) > 1 LIMIT 1", tuple(people)).fetchone()
        if row is not None:
            raise EditRefused(say("these people appear together in {photo}, so they are not one person; take the"
                                  " wrong face out of one of them first (Not this person)", photo=row[0]))

    def _refuse_rejected(self, people: Sequence[str]) -> None:
        """A face the user took out of one of them while it sits in another would break that decision."""
        trees = {p: self.merge_tree(p) for p in people}
        for holder in people:
            for other in people:
                if other == holder:
                    continue
                marks = ", ".join("?" for _ in trees[other])
                row = self.conn.execute(
                    f"SELECT ph.path, f.idx FROM face_exclusions x JOIN faces f ON f.id = x.face_id"
                    f" JOIN photos ph ON ph.id = f.photo_id WHERE f.person_id = ? AND x.person_id IN ({marks})"
                    " LIMIT 1", (holder, *trees[other])).fetchone()
                if row is not None:
                    raise EditRefused(say("face {face} of {photo} was taken out of one of these people by you and"
                                          " is in another: put it back or take it out first", face=row[1],
                                          photo=row[0]))

    def _require_person(self, person_id: str) -> None:
        if not self.conn.execute("SELECT 1 FROM people WHERE person_id = ?", (person_id,)).fetchone():
            raise KeyError(f"no person {person_id}")
