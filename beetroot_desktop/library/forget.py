"""Forgetting a person: every trace of their faces and of them in the library file, for good (docs/identity.md).

`forget_plan` says what would go. `erase_person` deletes it in one transaction, with SQLite's
`secure_delete` on so the deleted rows are overwritten, not only unlinked: the person and everyone merged
into it, their face rows (with the descriptors), the candidates and "not this person" facts that name them,
their entries in the local engine's collection, the FaceIds in the call ledger, and the edits in the undo
history that mention them. `scrub_file` then rebuilds the file (VACUUM) and empties the WAL: secure_delete
alone leaves copies of index keys (the person's id) in interior b-tree pages. The cloud collection and the
thumbnail cache are the pipeline's part (pipeline/forget.py). Not an edit: it cannot be undone.

The photos stay, with their other faces. A face row is deleted rather than kept as a marker: a known photo
is never analysed again (its content is known), so no import or sync brings the face back, and nothing of
it remains to match against.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from ..wording import say
from .people import EditRefused, PeopleMixin

Box = tuple[int, int, int, int]
FORGOTTEN = "(forgotten)"  # what the call ledger shows instead of a forgotten FaceId
_LITERAL = re.compile(r"'((?:[^']|'')*)'")  # the quoted strings of a recorded undo statement
# Face row ids in a recorded statement (a review question about a face is "face:<id>:<person>").
_FACE_REF = re.compile(r"(?:WHERE id = |face_id = |cover_face_id = |VALUES \(|'face:)(\d+)")
_LEDGER_FACE_ID = re.compile(r"face_id=([0-9A-Za-z-]+)")


@dataclass(frozen=True)
class ForgetPlan:
    """Everything forgetting a person deletes from the library file, and where its other traces are."""

    person_id: str
    name: str | None
    people: tuple[str, ...]  # the person and everyone merged into it
    names: tuple[str, ...]  # every name among them
    faces: tuple[int, ...]  # their face rows
    photos: int  # photos holding those faces (they stay)
    engine_face_ids: tuple[str, ...]  # the collection's entries for those faces
    face_boxes: tuple[tuple[str, Box], ...]  # (photo content hash, box) of each face: its cached thumbnails


@dataclass(frozen=True)
class Erased:
    plan: ForgetPlan
    history_dropped: int  # edits taken out of the undo history because they mention the person


class PersonChanged(EditRefused):
    """The person gained or lost faces or people after the plan was made: plan and confirm again."""

    @classmethod
    def check(cls, plan: ForgetPlan, now: ForgetPlan) -> None:
        """Refuse when the person is no longer what the user was shown (`now`: the plan made again)."""
        if set(now.faces) != set(plan.faces) or set(now.people) != set(plan.people):
            raise cls(say("the person changed since it was shown ({now} faces now, not {then}); nothing was"
                          " deleted: forget it again", now=len(now.faces), then=len(plan.faces)))


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" for _ in values)


def _mentions(sql: str | None, words: set[str], faces: set[int]) -> bool:
    """Whether a recorded undo statement names one of `words` (as an SQL string) or one of the face rows."""
    if sql is None:
        return False
    return (any(m.replace("''", "'") in words for m in _LITERAL.findall(sql))
            or any(int(m) in faces for m in _FACE_REF.findall(sql)))


class ForgetMixin(PeopleMixin):
    def forget_plan(self, person_id: str) -> ForgetPlan:
        """What forgetting `person_id` (merges followed) deletes. Raises KeyError when there is no such person."""
        person_id = self.resolve_person(person_id)
        self._require_person(person_id)
        tree = self.merge_tree(person_id)
        name = self.conn.execute("SELECT name FROM people WHERE person_id = ?", (person_id,)).fetchone()[0]
        names = [r[0] for r in self.conn.execute(
            f"SELECT DISTINCT name FROM people WHERE person_id IN ({_marks(tree)}) AND name IS NOT NULL", tree)]
        rows = self.conn.execute(
            "SELECT f.id, f.photo_id, f.engine_face_id, f.left, f.top, f.width, f.height, ph.sha256"
            f" FROM faces f JOIN photos ph ON ph.id = f.photo_id WHERE f.person_id IN ({_marks(tree)}) ORDER BY f.id",
            tree).fetchall()
        return ForgetPlan(
            person_id=person_id, name=name, people=tuple(tree), names=tuple(names),
            faces=tuple(int(r["id"]) for r in rows), photos=len({r["photo_id"] for r in rows}),
            engine_face_ids=tuple(dict.fromkeys(str(r["engine_face_id"]) for r in rows if r["engine_face_id"])),
            face_boxes=tuple((str(r["sha256"]), (int(r["left"]), int(r["top"]), int(r["width"]), int(r["height"])))
                             for r in rows))

    def erase_person(self, plan: ForgetPlan) -> Erased:
        """Delete everything `plan` names, in one transaction with secure_delete on. Refuses (PersonChanged)
        when the person's faces or merged people are no longer exactly the plan's: the user confirmed those."""
        with self._secure_delete(), self.transaction():
            now = self.forget_plan(plan.person_id)
            PersonChanged.check(plan, now)
            try:
                self._fill_temp(now)
                self._erase_rows()
            finally:
                for table in ("forget_faces", "forget_face_ids", "forget_external", "forget_people"):
                    self.conn.execute(f"DROP TABLE IF EXISTS temp.{table}")
            self._scrub_ledger(set(now.engine_face_ids))
            dropped = self._drop_history(now)
        return Erased(now, dropped)

    def scrub_file(self) -> str | None:
        """Rebuild the file without the freed pages and empty the WAL, so deleted bytes leave the disk files.

        Returns why some may still be there (another connection keeps old pages until it closes, or the
        rebuild could not run), or None.
        """
        try:
            self.conn.execute("VACUUM")
            busy = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        except sqlite3.OperationalError as exc:  # a full disk (VACUUM needs a copy's room), a busy writer
            return say("the library file could not be rebuilt ({error}): what was deleted is overwritten, but"
                       " copies earlier edits left in its free space stay until it is (the next forget tries again)",
                       error=str(exc))
        if busy:
            return say("another Beetroot window or command has the library open: the file keeps old copies of the"
                       " deleted data until that one closes")
        return None

    # -- the parts -------------------------------------------------------------------------------------
    @contextlib.contextmanager
    def _secure_delete(self) -> Iterator[None]:
        before = int(self.conn.execute("PRAGMA secure_delete").fetchone()[0])
        self.conn.execute("PRAGMA secure_delete = ON")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA secure_delete = {before}")

    def _fill_temp(self, plan: ForgetPlan) -> None:
        """Temporary tables (never in the library file) of what goes: one join per table, whatever the count."""
        exts = [r[0] for r in self.conn.execute(
            f"SELECT ph.sha256 || ':' || f.idx FROM faces f JOIN photos ph ON ph.id = f.photo_id"
            f" WHERE f.person_id IN ({_marks(plan.people)})", plan.people)]
        tables: tuple[tuple[str, str, Iterable[object]], ...] = (
            ("forget_faces", "INTEGER", plan.faces), ("forget_face_ids", "TEXT", plan.engine_face_ids),
            ("forget_external", "TEXT", exts), ("forget_people", "TEXT", plan.people))
        for table, kind, values in tables:
            self.conn.execute(f"CREATE TEMP TABLE {table} (id {kind} PRIMARY KEY)")
            self.conn.executemany(f"INSERT OR IGNORE INTO temp.{table}(id) VALUES (?)", [(v,) for v in values])

    def _erase_rows(self) -> None:
        faces, fids = "SELECT id FROM temp.forget_faces", "SELECT id FROM temp.forget_face_ids"
        people = "SELECT id FROM temp.forget_people"
        sql = self.conn.execute
        # Candidates and "not this person" facts that name them, on any face: a regroup must not find them.
        sql(f"DELETE FROM face_candidates WHERE face_id IN ({faces}) OR engine_face_id IN ({fids})")
        sql(f"DELETE FROM face_exclusions WHERE face_id IN ({faces}) OR person_id IN ({people})")
        sql(f"DELETE FROM local_collection WHERE face_id IN ({fids})"
            " OR external_image_id IN (SELECT id FROM temp.forget_external)")
        # Other faces keep no pointer to what is gone (a FaceId returned twice, a founding face matched).
        sql(f"UPDATE faces SET matched_face_id = NULL WHERE matched_face_id IN ({fids}) AND id NOT IN ({faces})")
        sql(f"UPDATE faces SET engine_face_id = NULL WHERE engine_face_id IN ({fids}) AND id NOT IN ({faces})")
        sql(f"UPDATE faces SET confirmed = 'user' WHERE confirmed IN (SELECT 'merge:' || id FROM temp.forget_people)"
            f" AND id NOT IN ({faces})")
        sql(f"UPDATE people SET name_from = NULL WHERE name_from IN ({people})")
        self._erase_review(faces, people)
        sql(f"DELETE FROM faces WHERE id IN ({faces})")  # before the people: faces.person_id references them
        sql(f"DELETE FROM people WHERE person_id IN ({people})")

    def _erase_review(self, faces: str, people: str) -> None:
        """The grouping review's questions and answers about them (schema 6), where the library has them."""
        wheres = {  # table -> (column, condition on it)
            "review_queue": (("face_id", f"face_id IN ({faces})"), ("person_id", f"person_id IN ({people})"),
                             ("candidate_person_id", f"candidate_person_id IN ({people})")),
            "people_pairs": (("a", f"a IN ({people})"), ("b", f"b IN ({people})")),
            # A skipped question is known by its text: "people:<a>:<b>", "face:<face>:<person>".
            "review_skips": (("question", "EXISTS (SELECT 1 FROM temp.forget_people fp"
                                          " WHERE instr(question, fp.id) > 0)"),
                             ("question", "EXISTS (SELECT 1 FROM temp.forget_faces ff"
                                          " WHERE question LIKE 'face:' || ff.id || ':%')")),
        }
        for table, conditions in wheres.items():
            columns = {r[1] for r in self.conn.execute(f"PRAGMA main.table_info({table})")}
            usable = [condition for column, condition in conditions if column in columns]
            if usable:
                self.conn.execute(f"DELETE FROM {table} WHERE {' OR '.join(usable)}")

    def _scrub_ledger(self, face_ids: set[str]) -> None:
        """The ledger keeps its calls (what was paid for) but not the FaceIds IndexFaces returned for them."""
        if not face_ids:
            return
        for row_id, detail in self.conn.execute(
                "SELECT id, detail FROM engine_calls WHERE detail LIKE '%face_id=%'").fetchall():
            clean = _LEDGER_FACE_ID.sub(lambda m: f"face_id={FORGOTTEN}" if m.group(1) in face_ids else m.group(0),
                                        detail)
            if clean != detail:
                self.conn.execute("UPDATE engine_calls SET detail = ? WHERE id = ?", (clean, row_id))

    def _drop_history(self, plan: ForgetPlan) -> int:
        """Take out of the undo history every edit that mentions the person, and every edit before the last
        of them (undo goes back in order: the older ones could no longer be undone as recorded), and what
        could be redone. Undoing them would bring the person back, or fail on rows that are gone."""
        words = {*plan.people, *plan.names, *plan.engine_face_ids, *(f"merge:{p}" for p in plan.people)}
        faces = set(plan.faces)
        mentioned: set[int] = set()
        for edit_id, label, sql in self.conn.execute(
                "SELECT e.id, e.label, s.sql FROM edits e LEFT JOIN edit_steps s ON s.edit_id = e.id"
                " WHERE e.state = 'done'"):
            if edit_id not in mentioned and (any(name in label for name in plan.names) or _mentions(sql, words, faces)):
                mentioned.add(edit_id)
        last = max(mentioned, default=None)
        cut = "state = 'undone'" + (" OR id <= ?" if last is not None else "")
        args = (last,) if last is not None else ()
        self.conn.execute(f"DELETE FROM edit_steps WHERE edit_id IN (SELECT id FROM edits WHERE {cut})", args)
        return int(self.conn.execute(f"DELETE FROM edits WHERE {cut}", args).rowcount)
