"""The People grid's per-person counts (kept by triggers) always equal a count over the faces."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from PIL import Image

from beetroot_desktop.engines.local import LocalEngine
from beetroot_desktop.library import Library, open_library
from beetroot_desktop.library.schema import APPLICATION_ID, MIGRATIONS
from beetroot_desktop.pipeline import ingest


def counted(lib: Library) -> dict[str, tuple[int, int]]:
    """person -> (faces, photos), counted the slow way."""
    return {r[0]: (r[1], r[2]) for r in lib.conn.execute(
        "SELECT f.person_id, count(*), count(DISTINCT f.photo_id) FROM faces f JOIN people p"
        " ON p.person_id = f.person_id WHERE p.merged_into IS NULL GROUP BY f.person_id")}


def shown(lib: Library) -> dict[str, tuple[int, int]]:
    """What both the People list and the desktop grid's rows say; they must agree."""
    listed = {p.person_id: (p.faces, p.photos) for p in lib.people()}
    assert {r.person_id: (r.faces, r.photos) for r in lib.person_rows()} == listed
    return listed


def test_counts_follow_every_edit(imported_library: Library, photos_dir: Path, tmp_path: Path):
    lib = imported_library
    assert shown(lib) == counted(lib) and len(shown(lib)) >= 7
    people = lib.people()
    biggest, second, third = people[0], people[1], people[2]

    lib.merge_people([second.person_id], biggest.person_id)
    assert shown(lib) == counted(lib)
    assert shown(lib)[biggest.person_id][0] == biggest.faces + second.faces

    face_id = lib.person_faces(biggest.person_id)[0]["id"]
    lib.remove_face_from_person(face_id)
    assert shown(lib) == counted(lib)

    lib.assign_face(face_id, third.person_id)
    assert shown(lib) == counted(lib)
    summary = lib.person(third.person_id)
    assert summary is not None and (summary.faces, summary.photos) == counted(lib)[third.person_id]

    # A photo whose content changed loses its faces (and an emptied person disappears from the grid).
    target = tmp_path / "photos" / "rose.jpg"
    target.parent.mkdir()
    Image.open(photos_dir / "family" / "2019" / "rose_img2.jpg").save(target, quality=85)
    engine = LocalEngine(lib)
    ingest([target], lib, engine, workers=1)
    assert shown(lib) == counted(lib)
    Image.open(photos_dir / "misc" / "obama_small.jpg").save(target, quality=85)
    ingest([target], lib, engine, workers=1)
    assert shown(lib) == counted(lib)
    assert all(faces > 0 for faces, _ in shown(lib).values())


def test_two_faces_of_one_person_in_one_photo_count_one_photo(imported_library: Library):
    """Edits refuse to make one person two faces of a photo, but a library from before that rule may hold it."""
    lib = imported_library
    photo = lib.conn.execute(
        "SELECT photo_id FROM faces GROUP BY photo_id HAVING count(*) >= 2 LIMIT 1").fetchone()[0]
    a, b = (r["id"] for r in lib.faces_of_photo(photo)[:2])
    person = lib.conn.execute("SELECT person_id FROM faces WHERE id = ?", (a,)).fetchone()[0]
    before = shown(lib)[person]
    lib.conn.execute("UPDATE faces SET person_id = ? WHERE id = ?", (person, b))
    assert shown(lib)[person] == (before[0] + 1, before[1])
    assert shown(lib) == counted(lib)


def test_migration_fills_the_counts_of_an_existing_library(tmp_path: Path):
    conn = sqlite3.connect(tmp_path / "library.sqlite3", isolation_level=None)
    MIGRATIONS[0](conn)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    now = time.time()
    conn.executemany("INSERT INTO photos(id, path, status, imported_at) VALUES (?, ?, 'done', ?)",
                     [(1, "/a.jpg", now), (2, "/b.jpg", now)])
    conn.executemany("INSERT INTO people(person_id, created_at) VALUES (?, ?)", [("p1", now), ("p2", now + 1)])
    conn.executemany(
        "INSERT INTO faces(photo_id, idx, left, top, width, height, engine, person_id, status)"
        " VALUES (?, ?, 0, 0, 10, 10, 'local', ?, 'matched')",
        [(1, 0, "p1"), (1, 1, "p1"), (2, 0, "p1"), (2, 1, "p2")])
    conn.close()
    with open_library(tmp_path) as lib:
        assert shown(lib) == {"p1": (3, 2), "p2": (1, 1)}
        assert [p.person_id for p in lib.people()] == ["p1", "p2"]
        assert lib.people()[0].cover_face_id == 1
