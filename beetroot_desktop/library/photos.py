"""Photos and faces: what the import pipeline writes and what the views read."""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass

import numpy as np

from .store import Core

FACE_STATUSES = ("matched", "indexed", "unsearchable", "unindexed", "removed")


@dataclass(frozen=True)
class KnownPhoto:
    id: int
    path: str
    sha256: str | None
    size: int | None
    mtime_ns: int | None
    status: str


@dataclass(frozen=True)
class FaceRecord:
    """One face as the pipeline stores it."""

    idx: int
    bbox: tuple[int, int, int, int]  # left, top, width, height in pixels of the upright photo
    score: float | None
    engine: str
    status: str
    descriptor: np.ndarray | None = None
    engine_face_id: str | None = None
    person_id: str | None = None
    similarity: float | None = None
    reason: str | None = None
    candidates: tuple[tuple[str, float], ...] = ()
    matched_face_id: str | None = None  # the founding FaceId a Match joined


def descriptor_to_blob(vec: np.ndarray | None) -> bytes | None:
    return None if vec is None else np.asarray(vec, dtype=np.float32).tobytes()


def blob_to_descriptor(blob: bytes | None) -> np.ndarray | None:
    return None if blob is None else np.frombuffer(blob, dtype=np.float32)


class PhotosMixin(Core):
    # -- reads the import relies on --------------------------------------------------------------------
    def photo_by_path(self, path: str) -> KnownPhoto | None:
        row = self.conn.execute(
            "SELECT id, path, sha256, size, mtime_ns, status FROM photos WHERE path = ?", (path,)
        ).fetchone()
        return KnownPhoto(*row) if row else None

    def known_paths(self) -> dict[str, KnownPhoto]:
        """Every recorded path in one query: re-import checks thousands of files without a query each."""
        rows = self.conn.execute("SELECT id, path, sha256, size, mtime_ns, status FROM photos")
        return {r["path"]: KnownPhoto(*r) for r in rows}

    def photo_by_sha(self, sha256: str) -> KnownPhoto | None:
        """The processed photo with this content, if any (the original, never a duplicate row)."""
        row = self.conn.execute(
            "SELECT id, path, sha256, size, mtime_ns, status FROM photos"
            " WHERE sha256 = ? AND status = 'done' ORDER BY id LIMIT 1",
            (sha256,),
        ).fetchone()
        return KnownPhoto(*row) if row else None

    def failure_reason(self, path: str) -> str:
        row = self.conn.execute("SELECT error FROM photos WHERE path = ?", (path,)).fetchone()
        return (row[0] if row else None) or "could not be imported"

    # -- writes ----------------------------------------------------------------------------------------
    def _upsert_photo(self, path: str, **cols: object) -> int:
        cols = {**cols, "imported_at": time.time()}
        names = ", ".join(cols)
        marks = ", ".join("?" for _ in cols)
        updates = ", ".join(f"{k} = excluded.{k}" for k in cols)
        row = self.conn.execute(
            f"INSERT INTO photos(path, {names}) VALUES (?, {marks})"
            f" ON CONFLICT(path) DO UPDATE SET {updates} RETURNING id",
            (path, *cols.values()),
        ).fetchone()
        return int(row[0])

    def touch_photo(self, path: str, size: int, mtime_ns: int) -> None:
        """The file was touched but its content is the same: remember the new stat, redo nothing."""
        with self.transaction():
            self.conn.execute("UPDATE photos SET size = ?, mtime_ns = ? WHERE path = ?", (size, mtime_ns, path))

    def record_failed(self, path: str, reason: str, *, size: int | None = None,
                      mtime_ns: int | None = None, sha256: str | None = None) -> int:
        with self.transaction():
            self._drop_faces_of_path(path)
            return self._upsert_photo(path, sha256=sha256, size=size, mtime_ns=mtime_ns, status="failed",
                                      error=reason, duplicate_of=None, width=None, height=None, taken_at=None)

    def record_duplicate(self, path: str, original_id: int, *, sha256: str, size: int, mtime_ns: int) -> int:
        with self.transaction():
            self._drop_faces_of_path(path)
            return self._upsert_photo(path, sha256=sha256, size=size, mtime_ns=mtime_ns, status="duplicate",
                                      error=None, duplicate_of=original_id, width=None, height=None,
                                      taken_at=None)

    def record_photo(self, path: str, *, sha256: str, size: int, mtime_ns: int, width: int, height: int,
                     taken_at: str | None, faces: list[FaceRecord]) -> int:
        """Store one processed photo and its faces. Call inside the photo's transaction."""
        with self.transaction():
            self._drop_faces_of_path(path)
            photo_id = self._upsert_photo(path, sha256=sha256, size=size, mtime_ns=mtime_ns, status="done",
                                          error=None, duplicate_of=None, width=width, height=height,
                                          taken_at=taken_at)
            for face in faces:
                self.add_face(photo_id, face)
            return photo_id

    def add_face(self, photo_id: int, face: FaceRecord) -> int:
        if face.person_id is not None:
            self.ensure_person(face.person_id)
        left, top, width, height = face.bbox
        face_id = int(self.conn.execute(
            "INSERT INTO faces(photo_id, idx, left, top, width, height, score, descriptor, engine,"
            " engine_face_id, person_id, similarity, status, reason, matched_face_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (photo_id, face.idx, left, top, width, height, face.score, descriptor_to_blob(face.descriptor),
             face.engine, face.engine_face_id, face.person_id, face.similarity, face.status, face.reason,
             face.matched_face_id),
        ).fetchone()[0])
        self.conn.executemany(
            "INSERT OR REPLACE INTO face_candidates(face_id, engine_face_id, similarity) VALUES (?, ?, ?)",
            [(face_id, fid, sim) for fid, sim in face.candidates],
        )
        if face.person_id is not None:
            self.conn.execute(
                "UPDATE people SET cover_face_id = ? WHERE person_id = ? AND cover_face_id IS NULL",
                (face_id, face.person_id),
            )
        return face_id

    def ensure_person(self, person_id: str) -> None:
        self.conn.execute(
            "INSERT OR IGNORE INTO people(person_id, created_at) VALUES (?, ?)", (person_id, time.time())
        )

    def _drop_faces_of_path(self, path: str) -> None:
        """A photo whose content changed loses its old faces; people left empty and unnamed go too."""
        row = self.conn.execute("SELECT id FROM photos WHERE path = ?", (path,)).fetchone()
        if row is None:
            return
        touched = [r[0] for r in self.conn.execute(
            "SELECT DISTINCT person_id FROM faces WHERE photo_id = ? AND person_id IS NOT NULL", (row[0],))]
        self.conn.execute("DELETE FROM faces WHERE photo_id = ?", (row[0],))
        for person_id in touched:
            self.conn.execute(
                "DELETE FROM people WHERE person_id = ? AND name IS NULL AND merged_into IS NULL"
                " AND NOT EXISTS (SELECT 1 FROM faces WHERE person_id = ?)"
                " AND NOT EXISTS (SELECT 1 FROM people WHERE merged_into = ?)",
                (person_id, person_id, person_id),
            )

    # -- reads for views and the CLI -------------------------------------------------------------------
    def photo_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM photos WHERE status = 'done'").fetchone()[0])

    def failed_photos(self) -> list[tuple[str, str]]:
        return [(r[0], r[1]) for r in self.conn.execute(
            "SELECT path, error FROM photos WHERE status = 'failed' ORDER BY path")]

    def all_photos(self) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT * FROM photos WHERE status = 'done' ORDER BY coalesce(taken_at, ''), path").fetchall()

    def photo(self, photo_id: int) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self.conn.execute("SELECT * FROM photos WHERE id = ?", (photo_id,)).fetchone()
        return row

    def faces_of_photo(self, photo_id: int) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT f.*, p.name AS person_name FROM faces f LEFT JOIN people p ON p.person_id = f.person_id"
            " WHERE f.photo_id = ? ORDER BY f.idx",
            (photo_id,),
        ).fetchall()

    def face(self, face_id: int) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self.conn.execute(
            "SELECT f.*, ph.path AS path, ph.sha256 AS sha256 FROM faces f JOIN photos ph ON ph.id = f.photo_id"
            " WHERE f.id = ?",
            (face_id,),
        ).fetchone()
        return row

    def all_faces(self) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT f.*, ph.path AS path FROM faces f JOIN photos ph ON ph.id = f.photo_id"
            " ORDER BY ph.path, f.idx"
        ).fetchall()

    def unassigned_faces(self) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT f.*, ph.path AS path FROM faces f JOIN photos ph ON ph.id = f.photo_id"
            " WHERE f.person_id IS NULL ORDER BY f.id"
        ).fetchall()

    def face_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM faces").fetchone()[0])
