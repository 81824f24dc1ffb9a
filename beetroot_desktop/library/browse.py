"""Queries the desktop views page through: ids (and counts) up front, a tile's details per visible row.

At 100,000 photos a view cannot load every row's details at start-up; it loads the ordered ids in one
cheap query and asks for the details of the rows it is about to paint, a few dozen at a time.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from .store import Core

PERSON_ORDERS = ("count", "name")
_BATCH = 500  # SQLite's default limit on host parameters is 999 (older builds)


@dataclass(frozen=True)
class PersonRow:
    """What the People grid needs for every person before it paints anything."""

    person_id: str
    photos: int
    faces: int
    hidden: bool


@dataclass(frozen=True)
class PersonTile:
    """What one People tile shows: the name and the cover face (photo content hash + box)."""

    person_id: str
    name: str | None
    hidden: bool
    cover_face_id: int | None
    cover_sha256: str | None
    cover_path: str | None
    cover_box: tuple[int, int, int, int] | None

    @property
    def display_name(self) -> str:
        return self.name or "Unnamed person"


def _chunks(ids: Sequence[object]) -> list[Sequence[object]]:
    return [ids[i:i + _BATCH] for i in range(0, len(ids), _BATCH)]


class BrowseMixin(Core):
    def suggested_min_photos(self) -> int:
        """The People grid's default "in at least N photos": 2 when people seen once swamp the grid (at
        least 100 people, more than half of them in a single photo: strangers in the background, as real
        libraries have them), else 1 (a small or curated library shows everyone)."""
        total, once = self.conn.execute(
            "SELECT count(*), coalesce(sum(photo_count = 1), 0) FROM people"
            " WHERE merged_into IS NULL AND face_count > 0 AND hidden = 0").fetchone()
        return 2 if total >= 100 and once * 2 > total else 1

    def person_rows(self, *, include_hidden: bool = True, name_filter: str = "",
                    order: str = "count", min_photos: int = 1) -> list[PersonRow]:
        """Every person with at least one face: id, photo and face counts, hidden flag; in grid order.

        `min_photos` keeps the people seen in at least that many photos (named people always stay).

        `order` is "count" (most photos first) or "name" (named people A-Z, then unnamed by count).
        `name_filter` keeps people whose shown name contains the text (case-insensitive).
        """
        if order not in PERSON_ORDERS:
            raise ValueError(f"order must be one of {', '.join(PERSON_ORDERS)}")
        hidden_sql = "" if include_hidden else " AND p.hidden = 0"
        if min_photos > 1:
            hidden_sql += f" AND (p.photo_count >= {int(min_photos)} OR p.name IS NOT NULL)"
        # photo_count and face_count are kept by triggers (schema v2): no count over every face here.
        rows = self.conn.execute(
            "SELECT p.person_id, p.photo_count AS photos, p.face_count AS faces, p.hidden, p.name"
            f" FROM people p WHERE p.merged_into IS NULL AND p.face_count > 0{hidden_sql}"
            " ORDER BY photos DESC, faces DESC, p.created_at, p.person_id").fetchall()
        needle = name_filter.strip().casefold()
        if needle or order == "name":
            shown = {r[0]: r[4] for r in rows}
            if needle:
                rows = [r for r in rows if needle in (shown[r[0]] or "").casefold()]
            if order == "name":  # stable: people with the same name keep the photo-count order
                rows.sort(key=lambda r: (shown[r[0]] is None, (shown[r[0]] or "").casefold()))
        return [PersonRow(r[0], r[1], r[2], bool(r[3])) for r in rows]

    def person_tiles(self, person_ids: Sequence[str]) -> dict[str, PersonTile]:
        """Shown name and cover face of each person (the chosen cover, else their first face)."""
        found: dict[str, PersonTile] = {}
        for chunk in _chunks(person_ids):
            marks = ", ".join("?" for _ in chunk)
            rows = self.conn.execute(
                "WITH c AS (SELECT person_id, name, hidden, coalesce(cover_face_id,"
                "   (SELECT min(id) FROM faces WHERE faces.person_id = people.person_id)) AS face_id"
                f"   FROM people WHERE person_id IN ({marks}))"
                " SELECT c.person_id, c.name, c.hidden, c.face_id, ph.sha256, ph.path,"
                " f.left, f.top, f.width, f.height"
                " FROM c LEFT JOIN faces f ON f.id = c.face_id LEFT JOIN photos ph ON ph.id = f.photo_id",
                tuple(chunk)).fetchall()
            for r in rows:
                box = (r[6], r[7], r[8], r[9]) if r[6] is not None else None
                found[r[0]] = PersonTile(r[0], r[1], bool(r[2]), r[3], r[4], r[5], box)
        return found

    def photo_ids(self, person_id: str | None = None) -> list[int]:
        """Imported photos (all, or one person's) by date taken; photos without a date last, by path."""
        if person_id is None:
            rows = self.conn.execute(
                "SELECT id FROM photos WHERE presence <> 'missing' ORDER BY taken_at IS NULL, taken_at, path")
        else:
            rows = self.conn.execute(
                "SELECT ph.id FROM photos ph WHERE ph.id IN (SELECT photo_id FROM faces WHERE person_id = ?)"
                " AND ph.presence <> 'missing' ORDER BY ph.taken_at IS NULL, ph.taken_at, ph.path", (person_id,))
        return [r[0] for r in rows]

    def photo_tiles(self, photo_ids: Sequence[int], person_id: str | None = None) -> dict[int, sqlite3.Row]:
        """id, path, sha256, width, height, taken_at, presence and face count of each photo, and its focus.

        The focus (focus_x, focus_y, as fractions of the photo's size) is the centre of its faces, or of
        `person_id`'s faces when given, so a square tile crops around the people rather than the middle.
        """
        found: dict[int, sqlite3.Row] = {}
        focus = ("(SELECT avg(({axis} + {size} / 2.0) / ph.{dim}) FROM faces f"
                 " WHERE f.photo_id = ph.id AND (?1 IS NULL OR f.person_id = ?1))")
        for chunk in _chunks(photo_ids):
            marks = ", ".join(f"?{i + 2}" for i in range(len(chunk)))
            for r in self.conn.execute(
                    "SELECT ph.id, ph.path, ph.sha256, ph.width, ph.height, ph.taken_at, ph.presence,"
                    " (SELECT count(*) FROM faces f WHERE f.photo_id = ph.id AND f.not_a_face = 0) AS faces, "
                    + focus.format(axis="f.left", size="f.width", dim="width") + " AS focus_x, "
                    + focus.format(axis="f.top", size="f.height", dim="height") + " AS focus_y"
                    f" FROM photos ph WHERE ph.id IN ({marks})", (person_id, *chunk)):
                found[r["id"]] = r
        return found

    def face_ids(self, *, person_id: str | None = None, unassigned: bool = False) -> list[int]:
        """One person's faces, or the faces that belong to no one (too small, unsearchable, removed)."""
        if unassigned:
            rows = self.conn.execute(
                "SELECT f.id FROM faces f JOIN photos ph ON ph.id = f.photo_id"
                " WHERE f.person_id IS NULL AND f.not_a_face = 0 AND ph.presence <> 'missing' ORDER BY f.id")
        elif person_id is not None:
            rows = self.conn.execute(
                "SELECT f.id FROM faces f JOIN photos ph ON ph.id = f.photo_id"
                " WHERE f.person_id = ? AND ph.presence <> 'missing' ORDER BY f.id", (person_id,))
        else:
            raise ValueError("give a person_id or unassigned=True")
        return [r[0] for r in rows]

    def face_tiles(self, face_ids: Sequence[int]) -> dict[int, sqlite3.Row]:
        """Each face with its box, status, reason, person (and name) and its photo's path and hash."""
        found: dict[int, sqlite3.Row] = {}
        for chunk in _chunks(face_ids):
            marks = ", ".join("?" for _ in chunk)
            for r in self.conn.execute(
                    "SELECT f.id, f.photo_id, f.idx, f.left, f.top, f.width, f.height, f.status, f.reason,"
                    " f.person_id, f.similarity, p.name AS person_name, ph.path, ph.sha256, ph.presence"
                    " FROM faces f JOIN photos ph ON ph.id = f.photo_id"
                    " LEFT JOIN people p ON p.person_id = f.person_id"
                    f" WHERE f.id IN ({marks})", tuple(chunk)):
                found[r["id"]] = r
        return found

    def library_counts(self) -> dict[str, int]:
        """Totals for the sidebar: photos, people (visible and hidden), unassigned faces, failed files, and
        photos out of reach (missing: gone from their folder; offline: their folder or drive unreachable)."""
        row = self.conn.execute(
            "SELECT (SELECT count(*) FROM photos WHERE presence <> 'missing'),"
            " (SELECT count(*) FROM people p WHERE p.merged_into IS NULL AND p.hidden = 0 AND p.face_count > 0),"
            " (SELECT count(*) FROM people p WHERE p.merged_into IS NULL AND p.hidden = 1 AND p.face_count > 0),"
            " (SELECT count(*) FROM faces f JOIN photos ph ON ph.id = f.photo_id"
            "   WHERE f.person_id IS NULL AND f.not_a_face = 0 AND ph.presence <> 'missing'),"
            " (SELECT count(*) FROM files WHERE error IS NOT NULL),"
            " (SELECT count(*) FROM photos WHERE presence = 'missing'),"
            " (SELECT count(*) FROM photos WHERE presence = 'offline')").fetchone()
        return {"photos": row[0], "people": row[1], "hidden": row[2], "unassigned": row[3], "failed": row[4],
                "missing": row[5], "offline": row[6]}
