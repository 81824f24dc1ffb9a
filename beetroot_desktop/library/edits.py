"""Undo and redo for every edit, kept in the library file so they work after a restart.

An edit runs in one transaction while temporary triggers on this connection write, for every row it
changes, the SQL statement that puts the row back (SQLite's classic undo log). Undoing runs those
statements newest first; the triggers, still recording, write the statements that redo the edit. Only the
user's state is recorded: which person a face is in and how sure we are of it, the people's names, hidden
flags, covers and merges, "not this person" decisions and the library's threshold. What the engine paid for
(FaceIds, descriptors, the call ledger) is never rolled back, and imports are not edits.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass

from .store import Core

HISTORY_LIMIT = 200  # edits kept for undo; older ones are forgotten
_FACE_ROW = re.compile(r"^UPDATE faces SET .* WHERE id = (\d+)$")


class NothingToUndo(LookupError):
    """Undo or redo was asked for with an empty history in that direction."""


@dataclass(frozen=True)
class EditEntry:
    id: int
    label: str
    at: float
    state: str  # "done" (can be undone) or "undone" (can be redone)


def _q(column: str, row: str) -> str:
    return f"quote({row}.{column})"


def _restore_update(table: str, key: str, columns: tuple[str, ...]) -> str:
    sets = " || ', ' || ".join(f"'{c} = ' || {_q(c, 'OLD')}" for c in columns)
    return f"'UPDATE {table} SET ' || {sets} || ' WHERE {key} = ' || {_q(key, 'OLD')}"


_PEOPLE = ("person_id", "name", "cover_face_id", "hidden", "merged_into", "created_at", "name_from")
_FACE_STATE = ("person_id", "status", "similarity", "reason", "confirmed", "matched_face_id", "not_a_face")
# A face the user draws is inserted by an edit, so its undo deletes it and its redo puts the whole row back.
_FACE_COLUMNS = ("id", "photo_id", "idx", "left", "top", "width", "height", "score", "descriptor", "engine",
             "engine_face_id", "person_id", "similarity", "status", "reason", "confirmed", "matched_face_id",
             "origin", "not_a_face")


def _insert_sql(table: str, columns: tuple[str, ...], row: str) -> str:
    values = " || ', ' || ".join(_q(c, row) for c in columns)
    return f"'INSERT OR IGNORE INTO {table}({', '.join(columns)}) VALUES (' || {values} || ')'"


# (name, event, the inverse statement as an SQL expression over NEW/OLD)
_TRIGGERS: tuple[tuple[str, str, str], ...] = (
    ("people_ins", "AFTER INSERT ON main.people",
     "'DELETE FROM people WHERE person_id = ' || quote(NEW.person_id) || ' AND NOT EXISTS (SELECT 1 FROM faces"
     " WHERE person_id = ' || quote(NEW.person_id) || ') AND NOT EXISTS (SELECT 1 FROM people WHERE merged_into"
     " = ' || quote(NEW.person_id) || ')'"),
    ("people_upd", "AFTER UPDATE OF name, cover_face_id, hidden, merged_into, name_from ON main.people",
     _restore_update("people", "person_id", ("name", "cover_face_id", "hidden", "merged_into", "name_from"))),
    ("people_del", "AFTER DELETE ON main.people", _insert_sql("people", _PEOPLE, "OLD")),
    ("faces_upd", "AFTER UPDATE OF person_id, status, similarity, reason, confirmed, matched_face_id, not_a_face"
     " ON main.faces", _restore_update("faces", "id", _FACE_STATE)),
    ("faces_ins", "AFTER INSERT ON main.faces", "'DELETE FROM faces WHERE id = ' || NEW.id"),
    ("faces_del", "AFTER DELETE ON main.faces", _insert_sql("faces", _FACE_COLUMNS, "OLD")),
    ("excl_ins", "AFTER INSERT ON main.face_exclusions",
     "'DELETE FROM face_exclusions WHERE face_id = ' || NEW.face_id || ' AND person_id = ' || quote(NEW.person_id)"),
    ("excl_del", "AFTER DELETE ON main.face_exclusions",
     _insert_sql("face_exclusions", ("face_id", "person_id"), "OLD")),
    ("pairs_ins", "AFTER INSERT ON main.people_pairs",
     "'DELETE FROM people_pairs WHERE a = ' || quote(NEW.a) || ' AND b = ' || quote(NEW.b)"),
    ("pairs_del", "AFTER DELETE ON main.people_pairs", _insert_sql("people_pairs", ("a", "b", "at"), "OLD")),
    ("skips_ins", "AFTER INSERT ON main.review_skips",
     "'DELETE FROM review_skips WHERE question = ' || quote(NEW.question)"),
    ("skips_del", "AFTER DELETE ON main.review_skips", _insert_sql("review_skips", ("question", "at"), "OLD")),
    ("meta_ins", "AFTER INSERT ON main.meta", "'DELETE FROM meta WHERE key = ' || quote(NEW.key)"),
    ("meta_upd", "AFTER UPDATE ON main.meta", _restore_update("meta", "key", ("value",))),
    ("meta_del", "AFTER DELETE ON main.meta", _insert_sql("meta", ("key", "value"), "OLD")),
)


class EditsMixin(Core):
    """`with self.edit("Rename person"):` records an undoable edit; `undo()` and `redo()` walk the history."""

    _recording_ready = False

    def _places_of(self, faces: set[int]) -> dict[int, str]:
        """Where each of these faces is before an undo or redo moves them (people.py uses it)."""
        return {}

    def _after_replay(self, places: dict[int, str]) -> None:
        """What the library re-establishes after an undo or redo moved the faces of `places` (people.py)."""

    def _prepare_recording(self) -> None:
        # Made inside the first edit's transaction: an edit rolled back takes them with it, so the flag alone
        # cannot be trusted after a rollback; one lookup in the connection's own schema settles it.
        if self._recording_ready and self.conn.execute(
                "SELECT 1 FROM temp.sqlite_master WHERE name = 'undo_target'").fetchone():
            return
        conn = self.conn
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS undo_target (edit_id INTEGER NOT NULL, phase TEXT NOT NULL)")
        for name, event, inverse in _TRIGGERS:
            conn.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS undo_{name} {event}"
                " WHEN EXISTS (SELECT 1 FROM temp.undo_target) BEGIN"
                f" INSERT INTO edit_steps(edit_id, phase, sql) SELECT edit_id, phase, {inverse}"
                " FROM temp.undo_target; END")
        self._recording_ready = True

    @contextlib.contextmanager
    def _recording(self, edit_id: int, phase: str) -> Iterator[None]:
        self._prepare_recording()
        self.conn.execute("DELETE FROM temp.undo_target")
        self.conn.execute("INSERT INTO temp.undo_target(edit_id, phase) VALUES (?, ?)", (edit_id, phase))
        try:
            yield
        finally:
            self.conn.execute("DELETE FROM temp.undo_target")

    @contextlib.contextmanager
    def edit(self, label: str) -> Iterator[int]:
        """One undoable edit in one transaction. A new edit forgets what could be redone.

        Nested edits (an edit made of smaller ones) join the outermost: one entry, one undo.
        """
        if self._depth:
            with self.transaction():
                yield -1
            return
        with self.transaction():
            edit_id = int(self.conn.execute(
                "INSERT INTO edits(label, at, state) VALUES (?, ?, 'done') RETURNING id",
                (label, time.time())).fetchone()[0])
            with self._recording(edit_id, "undo"):
                yield edit_id
            if not self.conn.execute("SELECT 1 FROM edit_steps WHERE edit_id = ? LIMIT 1", (edit_id,)).fetchone():
                self.conn.execute("DELETE FROM edits WHERE id = ?", (edit_id,))  # changed nothing: no entry,
                return  # and what could be redone still can
            self._forget_undone()
            self._trim_history()

    def _forget_undone(self) -> None:
        self.conn.execute("DELETE FROM edit_steps WHERE edit_id IN (SELECT id FROM edits WHERE state = 'undone')")
        self.conn.execute("DELETE FROM edits WHERE state = 'undone'")

    def _trim_history(self) -> None:
        old = "SELECT id FROM edits ORDER BY id DESC LIMIT -1 OFFSET ?"
        self.conn.execute(f"DELETE FROM edit_steps WHERE edit_id IN ({old})", (HISTORY_LIMIT,))
        self.conn.execute(f"DELETE FROM edits WHERE id IN ({old})", (HISTORY_LIMIT,))

    # -- history ---------------------------------------------------------------------------------------
    def next_undo(self) -> EditEntry | None:
        row = self.conn.execute(
            "SELECT id, label, at, state FROM edits WHERE state = 'done' ORDER BY id DESC LIMIT 1").fetchone()
        return EditEntry(*row) if row else None

    def next_redo(self) -> EditEntry | None:
        row = self.conn.execute(
            "SELECT id, label, at, state FROM edits WHERE state = 'undone' ORDER BY id LIMIT 1").fetchone()
        return EditEntry(*row) if row else None

    def history(self) -> list[EditEntry]:
        return [EditEntry(*r) for r in self.conn.execute("SELECT id, label, at, state FROM edits ORDER BY id")]

    def undo(self) -> EditEntry:
        """Put back the state before the last edit; raises NothingToUndo when there is none."""
        return self._replay("done", "undo", "redo", "undone")

    def redo(self) -> EditEntry:
        """Make the last undone edit again; raises NothingToUndo when there is none."""
        return self._replay("undone", "redo", "undo", "done")

    def _replay(self, state: str, run: str, record: str, new_state: str) -> EditEntry:
        with self.transaction():
            entry = self.next_undo() if state == "done" else self.next_redo()
            if entry is None:
                raise NothingToUndo(f"nothing to {run}")
            steps = [r[0] for r in self.conn.execute(
                "SELECT sql FROM edit_steps WHERE edit_id = ? AND phase = ? ORDER BY id DESC", (entry.id, run))]
            self.conn.execute("DELETE FROM edit_steps WHERE edit_id = ? AND phase = ?", (entry.id, run))
            touched = {int(m.group(1)) for sql in steps if (m := _FACE_ROW.search(sql))}
            places = self._places_of(touched)
            with self._recording(entry.id, record):
                for sql in steps:
                    self.conn.execute(sql)
                self._after_replay(places)
            self.conn.execute("UPDATE edits SET state = ? WHERE id = ?", (new_state, entry.id))
        return EditEntry(entry.id, entry.label, entry.at, new_state)
