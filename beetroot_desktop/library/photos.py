"""Photos and faces: what the import pipeline writes and what the views read."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from ..wording import say
from .store import Core

FACE_STATUSES = ("matched", "indexed", "unsearchable", "unindexed", "removed")


@dataclass(frozen=True)
class KnownPhoto:
    """One imported photo (one content): where it is shown from and whether it can be reached."""

    id: int
    path: str
    sha256: str
    presence: str  # present | missing | offline


class KnownFile(NamedTuple):
    """One path an import met, as the next import checks it: one stat, no query (a tuple: a sync reads
    100,000 of them at once)."""

    path: str
    photo_id: int | None  # the photo found there; None when it could not be imported
    size: int | None
    mtime_ns: int | None
    error: str | None  # why the file is not imported
    retry: bool  # the error came from the environment (permissions, a vanished file): try it again
    presence: str | None  # the photo's presence
    ino: int | None = None  # the inode it had: a swap by name keeps size and time, never the inode


@dataclass
class LocationChange:
    """What recording a path did: the photo it displaced (its content changed there), the paths it left."""

    displaced: int | None = None
    moved_from: list[str] = field(default_factory=list)


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
    origin: str = "detector"  # detector | hand (drawn by the user) | metadata (a named region in the photo's XMP)


LISTING_STATUSES = ("present", "missing", "offline", "failed", "duplicate")


@dataclass(frozen=True)
class PhotoListing:
    """One path as `beetroot photos` lists it."""

    path: str
    status: str  # one of LISTING_STATUSES
    faces: int
    reason: str | None
    other_paths: list[str]
    photo_id: int | None  # None for a file that failed

    def to_json(self) -> dict[str, object]:
        return {"path": self.path, "status": self.status, "faces": self.faces, "reason": self.reason,
                "other_paths": self.other_paths}


def descriptor_to_blob(vec: np.ndarray | None) -> bytes | None:
    return None if vec is None else np.asarray(vec, dtype=np.float32).tobytes()


def blob_to_descriptor(blob: bytes | None) -> np.ndarray | None:
    return None if blob is None else np.frombuffer(blob, dtype=np.float32)


class PhotosMixin(Core):
    # -- reads the import relies on --------------------------------------------------------------------
    def known_files(self) -> dict[str, KnownFile]:
        """Every recorded path in one query: re-import checks thousands of files without a query each."""
        cursor = self.conn.cursor()
        cursor.row_factory = None  # plain tuples: a third of the time of sqlite3.Row at this count
        rows = cursor.execute(
            "SELECT fi.path, fi.photo_id, fi.size, fi.mtime_ns, fi.error, fi.retry, ph.presence, fi.ino"
            " FROM files fi LEFT JOIN photos ph ON ph.id = fi.photo_id")
        return {r[0]: KnownFile._make(r) for r in rows}

    def photo_by_sha(self, sha256: str) -> KnownPhoto | None:
        """The imported photo with this content, wherever it is now (present, missing or offline)."""
        row = self.conn.execute(
            "SELECT id, path, sha256, presence FROM photos WHERE sha256 = ? ORDER BY id LIMIT 1", (sha256,)
        ).fetchone()
        return KnownPhoto(*row) if row else None

    def photo_by_path(self, path: str) -> KnownPhoto | None:
        """The photo whose content was found at `path` when it was last looked at."""
        row = self.conn.execute(
            "SELECT ph.id, ph.path, ph.sha256, ph.presence FROM files fi JOIN photos ph ON ph.id = fi.photo_id"
            " WHERE fi.path = ?", (path,)).fetchone()
        return KnownPhoto(*row) if row else None

    def failure_reason(self, path: str) -> str:
        row = self.conn.execute("SELECT error FROM files WHERE path = ?", (path,)).fetchone()
        return (row[0] if row else None) or "could not be imported"

    def locations(self, photo_id: int) -> list[str]:
        """Every path the photo was found at, the one it is shown from first."""
        return [r[0] for r in self.conn.execute(
            "SELECT fi.path FROM files fi JOIN photos ph ON ph.id = fi.photo_id WHERE fi.photo_id = ?"
            " ORDER BY fi.path <> ph.path, fi.path", (photo_id,))]

    # -- writes ----------------------------------------------------------------------------------------
    def _set_file(self, path: str, photo_id: int | None, *, size: int | None, mtime_ns: int | None,
                  error: str | None = None, retry: bool = False, ino: int | None = None) -> int | None:
        """Record what is at `path` now; returns the photo that was there before when it was another one."""
        row = self.conn.execute("SELECT photo_id FROM files WHERE path = ?", (path,)).fetchone()
        before = row[0] if row else None
        self.conn.execute(
            "INSERT INTO files(path, photo_id, size, mtime_ns, error, retry, seen_at, ino)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(path) DO UPDATE SET photo_id = excluded.photo_id, size = excluded.size,"
            " mtime_ns = excluded.mtime_ns, error = excluded.error, retry = excluded.retry,"
            " seen_at = excluded.seen_at, ino = excluded.ino",
            (path, photo_id, size, mtime_ns, error, int(retry), time.time(), ino))
        if before is None or before == photo_id:
            return None
        self._follow_locations(before)
        return int(before)

    def _follow_locations(self, photo_id: int) -> None:
        """Show the photo from a path it is still recorded at; with none left it is missing (for now)."""
        row = self.conn.execute(
            "SELECT fi.path, fi.path = ph.path FROM files fi JOIN photos ph ON ph.id = fi.photo_id"
            " WHERE fi.photo_id = ? ORDER BY fi.path = ph.path DESC, fi.path LIMIT 1", (photo_id,)).fetchone()
        if row is None:
            self.conn.execute("UPDATE photos SET presence = 'missing' WHERE id = ?", (photo_id,))
        elif not row[1]:
            self.conn.execute("UPDATE photos SET path = ? WHERE id = ?", (row[0], photo_id))

    def touch_file(self, path: str, size: int, mtime_ns: int, ino: int | None = None) -> None:
        """The file was touched but its content is the same: remember the new stat, redo nothing."""
        with self.transaction():
            self.conn.execute("UPDATE files SET size = ?, mtime_ns = ?, ino = ?, seen_at = ? WHERE path = ?",
                              (size, mtime_ns, ino, time.time(), path))

    def record_failed(self, path: str, reason: str, *, retry: bool = False, size: int | None = None,
                      mtime_ns: int | None = None, ino: int | None = None) -> LocationChange:
        """`path` could not be imported; `retry` when that was the environment's doing, not the file's."""
        with self.transaction():
            return LocationChange(self._set_file(path, None, size=size, mtime_ns=mtime_ns, error=reason,
                                                 retry=retry, ino=ino))

    def record_location(self, path: str, photo_id: int, *, size: int, mtime_ns: int,
                        ino: int | None = None) -> LocationChange:
        """Known content found at `path`: the same photo, no work. Recorded paths of it that are gone from
        the disk, or hold other content now (their stat changed: two files swapped), are dropped (the photo
        moved); ones still as they were stay as its other copies."""
        with self.transaction():
            change = LocationChange(self._set_file(path, photo_id, size=size, mtime_ns=mtime_ns, ino=ino))
            for other, other_size, other_mtime in self.conn.execute(
                    "SELECT path, size, mtime_ns FROM files WHERE photo_id = ? AND path <> ?",
                    (photo_id, path)).fetchall():
                try:
                    st = os.stat(other)
                    left = (st.st_size, st.st_mtime_ns) != (other_size, other_mtime)
                except FileNotFoundError:
                    left = True
                except OSError:
                    left = False  # out of reach or unreadable: nothing is known, the copy stays
                if left:
                    self.conn.execute("DELETE FROM files WHERE path = ?", (other,))
                    change.moved_from.append(other)
            current = self.conn.execute("SELECT path, presence FROM photos WHERE id = ?", (photo_id,)).fetchone()
            if current["presence"] != "present" or current["path"] in change.moved_from:
                self.conn.execute("UPDATE photos SET path = ?, presence = 'present' WHERE id = ?", (path, photo_id))
            return change

    def record_photo(self, path: str, *, sha256: str, size: int, mtime_ns: int, width: int, height: int,
                     taken_at: str | None, faces: list[FaceRecord], ino: int | None = None) -> int:
        """Store one newly processed photo, its faces and its path. Call inside the photo's transaction."""
        with self.transaction():
            photo_id = int(self.conn.execute(
                "INSERT INTO photos(path, sha256, width, height, taken_at, imported_at)"
                " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                (path, sha256, width, height, taken_at, time.time())).fetchone()[0])
            for face in faces:
                self.add_face(photo_id, face)
            self._set_file(path, photo_id, size=size, mtime_ns=mtime_ns, ino=ino)
            return photo_id

    def add_face(self, photo_id: int, face: FaceRecord) -> int:
        if face.person_id is not None:
            self.ensure_person(face.person_id)
        left, top, width, height = face.bbox
        face_id = int(self.conn.execute(
            "INSERT INTO faces(photo_id, idx, left, top, width, height, score, descriptor, engine,"
            " engine_face_id, person_id, similarity, status, reason, matched_face_id, origin)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (photo_id, face.idx, left, top, width, height, face.score, descriptor_to_blob(face.descriptor),
             face.engine, face.engine_face_id, face.person_id, face.similarity, face.status, face.reason,
             face.matched_face_id, face.origin),
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

    def mark_gone(self, missing: Sequence[str], offline: Sequence[str] = ()) -> None:
        """Recorded paths an import did not find: `missing` are gone from a reachable folder, `offline` are
        under a folder or drive out of reach. A photo with a copy still on disk stays present; one whose
        every path is gone is missing (its last path kept, for Locate and the Missing view), or offline
        when one of them is only out of reach. Nothing is deleted but the paths of copies that are gone."""
        out_of_reach = set(offline)
        touched: set[int] = set()
        with self.transaction():
            for path in [*missing, *offline]:
                row = self.conn.execute("SELECT photo_id FROM files WHERE path = ?", (path,)).fetchone()
                if row is None or row[0] is None:
                    continue
                touched.add(row[0])
                if path not in out_of_reach and self.conn.execute(
                        "SELECT 1 FROM files WHERE photo_id = ? AND path <> ?", (row[0], path)).fetchone():
                    self.conn.execute("DELETE FROM files WHERE path = ?", (path,))
            for photo_id in touched:
                paths = [r[0] for r in self.conn.execute(  # the path it is shown from first
                    "SELECT fi.path FROM files fi JOIN photos ph ON ph.id = fi.photo_id WHERE fi.photo_id = ?"
                    " ORDER BY fi.path <> ph.path, fi.path", (photo_id,))]
                here = next((p for p in paths if os.path.lexists(p)), None)
                if here is not None:
                    self.conn.execute("UPDATE photos SET presence = 'present', path = ? WHERE id = ?",
                                      (here, photo_id))
                    continue
                state = "offline" if any(p in out_of_reach for p in paths) else "missing"
                self.conn.execute("UPDATE photos SET presence = ? WHERE id = ?", (state, photo_id))
                self._follow_locations(photo_id)

    def mark_present(self, photo_ids: Sequence[int]) -> int:
        """Photos found again where they were (a drive plugged back in): back in every view, no work."""
        with self.transaction():
            return sum(self.conn.execute(
                "UPDATE photos SET presence = 'present' WHERE id = ? AND presence <> 'present'", (pid,)).rowcount
                for pid in photo_ids)

    def forget_files(self, paths: Sequence[str]) -> None:
        """Paths of files that never became photos (they failed) and are gone: nothing to list any more."""
        with self.transaction():
            self.conn.executemany("DELETE FROM files WHERE path = ? AND photo_id IS NULL", [(p,) for p in paths])

    def pathless_photos(self) -> list[int]:
        """Photos recorded at no path: their only file now holds other content (edited in place)."""
        return [r[0] for r in self.conn.execute(
            "SELECT id FROM photos ph WHERE NOT EXISTS (SELECT 1 FROM files fi WHERE fi.photo_id = ph.id)")]

    def remove_photos(self, photo_ids: list[int]) -> int:
        """Take photos out of the library for good (their files are never touched): faces, paths, and the
        unnamed people left with nothing. Returns how many were removed."""
        removed = 0
        with self.transaction():
            for photo_id in photo_ids:
                touched = [r[0] for r in self.conn.execute(
                    "SELECT DISTINCT person_id FROM faces WHERE photo_id = ? AND person_id IS NOT NULL",
                    (photo_id,))]
                # Faces first, while the photo row still says whether they were counted (schema v4).
                self.conn.execute("DELETE FROM faces WHERE photo_id = ?", (photo_id,))
                removed += self.conn.execute("DELETE FROM photos WHERE id = ?", (photo_id,)).rowcount
                for person_id in touched:
                    self.conn.execute(
                        "DELETE FROM people WHERE person_id = ? AND name IS NULL AND merged_into IS NULL"
                        " AND NOT EXISTS (SELECT 1 FROM faces WHERE person_id = ?)"
                        " AND NOT EXISTS (SELECT 1 FROM people WHERE merged_into = ?)",
                        (person_id, person_id, person_id),
                    )
        return removed

    # -- reads for views and the CLI -------------------------------------------------------------------
    def photo_count(self) -> int:
        """Photos the views show: present and offline ones (a missing photo is counted nowhere)."""
        return int(self.conn.execute("SELECT count(*) FROM photos WHERE presence <> 'missing'").fetchone()[0])

    def failed_photos(self) -> list[tuple[str, str]]:
        return [(r[0], r[1]) for r in self.conn.execute(
            "SELECT path, error FROM files WHERE error IS NOT NULL ORDER BY path")]

    def all_photos(self) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT * FROM photos WHERE presence <> 'missing' ORDER BY coalesce(taken_at, ''), path").fetchall()

    def photo(self, photo_id: int) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self.conn.execute("SELECT * FROM photos WHERE id = ?", (photo_id,)).fetchone()
        return row

    def photo_listing(self, status: str | None = None) -> list[PhotoListing]:
        """Every path the library knows, each once, by path: a photo (present, missing or offline) under
        the path it is shown from, its other copies as duplicates, and the files that failed."""
        from .recovery import import_roots, root_of

        if status is not None and status not in LISTING_STATUSES:
            raise ValueError(f"status must be one of {', '.join(LISTING_STATUSES)}")
        rows = self.conn.execute(
            "SELECT fi.path, fi.error, ph.id, ph.path AS shown, ph.presence,"
            " (SELECT count(*) FROM faces f WHERE f.photo_id = ph.id AND f.not_a_face = 0) AS faces"
            " FROM files fi LEFT JOIN photos ph ON ph.id = fi.photo_id"
            " UNION ALL"  # photos no file row holds any more (their file now holds other content)
            " SELECT ph.path, NULL, ph.id, ph.path, ph.presence,"
            " (SELECT count(*) FROM faces f WHERE f.photo_id = ph.id AND f.not_a_face = 0)"
            " FROM photos ph WHERE NOT EXISTS (SELECT 1 FROM files fi WHERE fi.photo_id = ph.id)"
            " ORDER BY 1").fetchall()
        paths: dict[int, list[str]] = {}
        for r in rows:
            if r["id"] is not None:
                paths.setdefault(r["id"], []).append(r["path"])
        roots = import_roots(self.dir)
        listing = []
        for r in rows:
            if r["id"] is None:
                kind, reason = "failed", r["error"] or say("could not be imported")
            elif r["path"] != r["shown"]:
                kind, reason = "duplicate", None
            else:
                kind = r["presence"]
                reason = {"missing": "the file is gone from its folder",
                          "offline": f"out of reach: {root_of(r['path'], roots) or os.path.dirname(r['path'])}"
                                     " cannot be reached (an unplugged drive or a folder renamed away)"}.get(kind)
            if status is not None and kind != status:
                continue
            others = [p for p in paths.get(r["id"], []) if p != r["path"]] if r["id"] is not None else []
            if kind == "duplicate":
                others = [r["shown"], *[p for p in others if p != r["shown"]]]
            listing.append(PhotoListing(r["path"], kind, r["faces"] or 0, reason, others, r["id"]))
        return listing

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
        """Every face of the photos the views show (present and offline), by path."""
        return self.conn.execute(
            "SELECT f.*, ph.path AS path FROM faces f JOIN photos ph ON ph.id = f.photo_id"
            " WHERE ph.presence <> 'missing' ORDER BY ph.path, f.idx"
        ).fetchall()

    def unassigned_faces(self) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT f.*, ph.path AS path FROM faces f JOIN photos ph ON ph.id = f.photo_id"
            " WHERE f.person_id IS NULL AND f.not_a_face = 0 AND ph.presence <> 'missing' ORDER BY f.id"
        ).fetchall()

    def face_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM faces").fetchone()[0])
