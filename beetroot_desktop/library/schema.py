"""The library's SQLite schema and its migrations.

`PRAGMA user_version` holds the schema version. Each migration takes the database from version N-1 to N
inside one transaction, so a library is always at exactly one known version. Never edit a released
migration: add a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

APPLICATION_ID = 0x42545244  # "BTRD": tells our files from any other SQLite database

V1 = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE photos (
    id           INTEGER PRIMARY KEY,
    path         TEXT NOT NULL UNIQUE,
    sha256       TEXT,
    size         INTEGER,
    mtime_ns     INTEGER,
    width        INTEGER,
    height       INTEGER,
    taken_at     TEXT,
    status       TEXT NOT NULL CHECK (status IN ('done', 'failed', 'duplicate', 'pending')),
    error        TEXT,
    duplicate_of INTEGER REFERENCES photos(id) ON DELETE SET NULL,
    imported_at  REAL NOT NULL
);
CREATE INDEX photos_sha256 ON photos(sha256);

CREATE TABLE people (
    person_id     TEXT PRIMARY KEY,
    name          TEXT,
    cover_face_id INTEGER REFERENCES faces(id) ON DELETE SET NULL,
    hidden        INTEGER NOT NULL DEFAULT 0,
    merged_into   TEXT REFERENCES people(person_id),
    created_at    REAL NOT NULL
);

CREATE TABLE faces (
    id             INTEGER PRIMARY KEY,
    photo_id       INTEGER NOT NULL REFERENCES photos(id) ON DELETE CASCADE,
    idx            INTEGER NOT NULL,
    left           INTEGER NOT NULL,
    top            INTEGER NOT NULL,
    width          INTEGER NOT NULL,
    height         INTEGER NOT NULL,
    score          REAL,
    descriptor     BLOB,
    engine         TEXT NOT NULL,
    engine_face_id TEXT,
    person_id      TEXT REFERENCES people(person_id),
    similarity     REAL,
    status         TEXT NOT NULL
        CHECK (status IN ('matched', 'indexed', 'unsearchable', 'unindexed', 'removed')),
    reason         TEXT,
    UNIQUE (photo_id, idx)
);
CREATE INDEX faces_person ON faces(person_id);
CREATE INDEX faces_engine_face ON faces(engine_face_id);

-- Every candidate the engine returned above the floor: lets the threshold move without new calls.
CREATE TABLE face_candidates (
    face_id        INTEGER NOT NULL REFERENCES faces(id) ON DELETE CASCADE,
    engine_face_id TEXT NOT NULL,
    similarity     REAL NOT NULL,
    PRIMARY KEY (face_id, engine_face_id)
);

-- "Not this person": the face never joins that person again, whatever the threshold.
CREATE TABLE face_exclusions (
    face_id   INTEGER NOT NULL REFERENCES faces(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL,
    PRIMARY KEY (face_id, person_id)
);

-- The local engine's collection: the offline twin of a Rekognition collection.
CREATE TABLE local_collection (
    face_id           TEXT PRIMARY KEY,
    external_image_id TEXT NOT NULL UNIQUE,
    descriptor        BLOB NOT NULL,
    created_at        REAL NOT NULL
);

CREATE TABLE engine_calls (
    id         INTEGER PRIMARY KEY,
    at         REAL NOT NULL,
    engine     TEXT NOT NULL,
    operation  TEXT NOT NULL,
    photo_sha  TEXT,
    outcome    TEXT NOT NULL,
    latency_ms REAL,
    detail     TEXT
);
CREATE INDEX engine_calls_operation ON engine_calls(operation);
"""

# Version 2: the People grid reads per-person counts kept up to date by triggers instead of counting
# 300,000 faces on every load (1.3 s -> tens of ms on a 30,000-person library), and one covering index
# on (person_id, photo_id) replaces the index on person_id alone.
_PHOTO_GAINED = ("NOT EXISTS (SELECT 1 FROM faces WHERE person_id = NEW.person_id AND photo_id = NEW.photo_id"
                 " AND id <> NEW.id)")
_PHOTO_LOST = "NOT EXISTS (SELECT 1 FROM faces WHERE person_id = OLD.person_id AND photo_id = OLD.photo_id)"
_ADD_NEW = (f"UPDATE people SET face_count = face_count + 1, photo_count = photo_count + {_PHOTO_GAINED}"
            " WHERE person_id = NEW.person_id;")
_REMOVE_OLD = (f"UPDATE people SET face_count = face_count - 1, photo_count = photo_count - {_PHOTO_LOST}"
               " WHERE person_id = OLD.person_id;")
V2 = [
    "ALTER TABLE people ADD COLUMN face_count INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE people ADD COLUMN photo_count INTEGER NOT NULL DEFAULT 0",
    "CREATE INDEX faces_person_photo ON faces(person_id, photo_id)",
    "DROP INDEX faces_person",
    # The People grid shows a regrouped person under the name of the person whose FaceId it holds.
    "CREATE INDEX faces_person_indexed ON faces(person_id, id, engine_face_id) WHERE engine_face_id IS NOT NULL",
    "UPDATE people SET"
    " face_count = (SELECT count(*) FROM faces f WHERE f.person_id = people.person_id),"
    " photo_count = (SELECT count(DISTINCT photo_id) FROM faces f WHERE f.person_id = people.person_id)",
    f"CREATE TRIGGER faces_count_insert AFTER INSERT ON faces WHEN NEW.person_id IS NOT NULL BEGIN {_ADD_NEW} END",
    f"CREATE TRIGGER faces_count_delete AFTER DELETE ON faces WHEN OLD.person_id IS NOT NULL BEGIN {_REMOVE_OLD} END",
    "CREATE TRIGGER faces_count_update AFTER UPDATE OF person_id, photo_id ON faces"
    " WHEN OLD.person_id IS NOT NEW.person_id OR OLD.photo_id IS NOT NEW.photo_id"
    f" BEGIN {_REMOVE_OLD} {_ADD_NEW} END",
]

# Version 3: the identity model (docs/identity.md). A face the user put in a person is *confirmed* there
# ('user', or 'merge:<person>' for a face a merge brought in) and no automatic step moves it; every edit is
# recorded as the SQL that undoes it (and, once undone, the SQL that redoes it), so undo survives a restart.
V3 = [
    "ALTER TABLE faces ADD COLUMN confirmed TEXT",
    # The founding FaceId an engine-decided face matched: when that founding face moves to another person
    # (a merge undone, a person split off), the faces that matched it follow it.
    "ALTER TABLE faces ADD COLUMN matched_face_id TEXT",
    # The person whose name a merge gave this one (it had none): splitting that person off takes it back.
    "ALTER TABLE people ADD COLUMN name_from TEXT",
    "CREATE TABLE edits ("
    " id INTEGER PRIMARY KEY,"
    " label TEXT NOT NULL,"
    " at REAL NOT NULL,"
    " state TEXT NOT NULL CHECK (state IN ('done', 'undone')))",
    "CREATE TABLE edit_steps ("
    " id INTEGER PRIMARY KEY,"
    " edit_id INTEGER NOT NULL REFERENCES edits(id) ON DELETE CASCADE,"
    " phase TEXT NOT NULL CHECK (phase IN ('undo', 'redo')),"
    " sql TEXT NOT NULL)",
    "CREATE INDEX edit_steps_edit ON edit_steps(edit_id, phase, id)",
]

# Version 4: a photo is its content, and paths are where it lives now (docs/reliability.md, "The library
# follows the disk"). `photos` holds one row per imported content, its faces hang off it, and `path` is
# where it is shown from (a present copy, else the last place it was seen); `files` holds every path an
# import met: the photo found there, the stat that lets the next import skip it, or why it failed and
# whether that was the file's fault (sticks) or the environment's (retried). `presence` says whether a
# photo can be reached: a missing photo (gone from a reachable folder) leaves every view and count; an
# offline one (its folder or drive out of reach) stays.
_COUNTED_NEW = "NOT EXISTS (SELECT 1 FROM photos WHERE id = NEW.photo_id AND presence = 'missing')"
_COUNTED_OLD = "NOT EXISTS (SELECT 1 FROM photos WHERE id = OLD.photo_id AND presence = 'missing')"
_ADD_NEW_V4 = _ADD_NEW.replace(" WHERE person_id = NEW.person_id;",
                               f" WHERE person_id = NEW.person_id AND {_COUNTED_NEW};")
_REMOVE_OLD_V4 = _REMOVE_OLD.replace(" WHERE person_id = OLD.person_id;",
                                     f" WHERE person_id = OLD.person_id AND {_COUNTED_OLD};")
_SIGN = "(CASE WHEN NEW.presence = 'missing' THEN -1 ELSE 1 END)"
V4 = [
    "CREATE TABLE photos_v4 ("
    " id          INTEGER PRIMARY KEY,"
    " path        TEXT NOT NULL,"
    " sha256      TEXT NOT NULL,"
    " width       INTEGER,"
    " height      INTEGER,"
    " taken_at    TEXT,"
    " presence    TEXT NOT NULL DEFAULT 'present' CHECK (presence IN ('present', 'missing', 'offline')),"
    " imported_at REAL NOT NULL)",
    "INSERT INTO photos_v4(id, path, sha256, width, height, taken_at, imported_at)"
    " SELECT id, path, sha256, width, height, taken_at, imported_at FROM photos"
    " WHERE status = 'done' AND sha256 IS NOT NULL",
    "CREATE TABLE files ("
    " path     TEXT PRIMARY KEY,"
    " photo_id INTEGER REFERENCES photos(id) ON DELETE CASCADE,"
    " size     INTEGER,"
    " mtime_ns INTEGER,"
    " error    TEXT,"
    " retry    INTEGER NOT NULL DEFAULT 0,"
    " seen_at  REAL NOT NULL)",
    # Failures that came from the environment (permissions, a file that vanished, a thumbnail that could
    # not be written) were kept for good before; they are tried again now.
    "INSERT INTO files(path, photo_id, size, mtime_ns, error, retry, seen_at)"
    " SELECT path,"
    "  CASE status WHEN 'done' THEN id WHEN 'duplicate' THEN duplicate_of END,"
    "  size, mtime_ns,"
    "  CASE WHEN status = 'failed' THEN coalesce(error, 'could not be imported') END,"
    "  status = 'failed' AND (error IS NULL OR error LIKE 'cannot read the file%'"
    "   OR error LIKE 'permission denied%' OR error LIKE 'the file disappeared%'"
    "   OR error LIKE 'face detection failed%'),"
    "  imported_at"
    " FROM photos WHERE status IN ('done', 'duplicate', 'failed')",
    "DROP TABLE photos",
    "ALTER TABLE photos_v4 RENAME TO photos",
    "CREATE INDEX photos_sha256 ON photos(sha256)",
    "CREATE INDEX files_photo ON files(photo_id)",
    "DROP TRIGGER faces_count_insert",
    "DROP TRIGGER faces_count_delete",
    "DROP TRIGGER faces_count_update",
    f"CREATE TRIGGER faces_count_insert AFTER INSERT ON faces WHEN NEW.person_id IS NOT NULL BEGIN {_ADD_NEW_V4} END",
    f"CREATE TRIGGER faces_count_delete AFTER DELETE ON faces WHEN OLD.person_id IS NOT NULL BEGIN {_REMOVE_OLD_V4}"
    " END",
    "CREATE TRIGGER faces_count_update AFTER UPDATE OF person_id, photo_id ON faces"
    " WHEN OLD.person_id IS NOT NEW.person_id OR OLD.photo_id IS NOT NEW.photo_id"
    f" BEGIN {_REMOVE_OLD_V4} {_ADD_NEW_V4} END",
    # A photo going missing takes its faces out of their people's counts; coming back puts them in again.
    "CREATE TRIGGER photos_presence_counts AFTER UPDATE OF presence ON photos"
    " WHEN (OLD.presence = 'missing') <> (NEW.presence = 'missing') BEGIN"
    f" UPDATE people SET face_count = face_count + {_SIGN} * (SELECT count(*) FROM faces f"
    "   WHERE f.photo_id = NEW.id AND f.person_id = people.person_id),"
    f"  photo_count = photo_count + {_SIGN}"
    " WHERE person_id IN (SELECT person_id FROM faces WHERE photo_id = NEW.id AND person_id IS NOT NULL);"
    " END",
]

# Version 5: faces that did not come from the detector (drawn by the user, or read from a named region in
# the photo's XMP metadata) say so, and a detection the user marked "Not a face" stays out of every list.
V5 = [
    "ALTER TABLE faces ADD COLUMN origin TEXT NOT NULL DEFAULT 'detector'"
    " CHECK (origin IN ('detector', 'hand', 'metadata'))",
    "ALTER TABLE faces ADD COLUMN not_a_face INTEGER NOT NULL DEFAULT 0",
]

# Version 6: finishing the grouping. Consolidation (pipeline/consolidate.py) compares people by all their
# faces and leaves the questions it cannot answer alone in `review_queue` (read by the Review page as it
# is, so it opens at once on any library); the user's "not the same person" is kept in `people_pairs`
# (ordered a < b, honoured through merges), a skipped question in `review_skips`.
V6 = [
    "CREATE TABLE review_queue ("
    " question            TEXT PRIMARY KEY,"
    " kind                TEXT NOT NULL CHECK (kind IN ('face', 'people')),"
    " face_id             INTEGER REFERENCES faces(id) ON DELETE CASCADE,"
    " person_id           TEXT,"
    " candidate_person_id TEXT NOT NULL,"
    " similarity          REAL NOT NULL,"
    " weight              INTEGER NOT NULL,"
    " created_at          REAL NOT NULL)",
    "CREATE INDEX review_queue_order ON review_queue(weight DESC, similarity DESC)",
    "CREATE TABLE people_pairs ("
    " a  TEXT NOT NULL,"
    " b  TEXT NOT NULL,"
    " at REAL NOT NULL,"
    " PRIMARY KEY (a, b),"
    " CHECK (a < b))",
    # The file's inode beside its size and time: two files swapped by name with the same size and time
    # (uncompressed formats, coarse FAT times) are told apart without reading them.
    "ALTER TABLE files ADD COLUMN ino INTEGER",
    # merge_tree (asked for every question shown) walks merged_into: without an index, a scan of every person.
    "CREATE INDEX people_merged_into ON people(merged_into) WHERE merged_into IS NOT NULL",
    # The founding faces alone (one per person): consolidation reads their candidates without touching the
    # 300,000 other rows and their descriptors.
    "CREATE INDEX faces_founding ON faces(engine_face_id, person_id)"
    " WHERE status = 'indexed' AND engine_face_id IS NOT NULL",
    "CREATE TABLE review_skips ("
    " question TEXT PRIMARY KEY,"
    " at       REAL NOT NULL)",
]

Migration = Callable[[sqlite3.Connection], None]


def _v1(conn: sqlite3.Connection) -> None:
    for statement in V1.split(";\n"):
        if statement.strip():
            conn.execute(statement)


def _v2(conn: sqlite3.Connection) -> None:
    for statement in V2:
        conn.execute(statement)


def _v3(conn: sqlite3.Connection) -> None:
    for statement in V3:
        conn.execute(statement)
    # Version 2 showed an unnamed group under the name of the named person whose first face it held;
    # names now belong to their person, so that group's faces move to the named person the user saw.
    shown = conn.execute(
        "SELECT sf.person_id, n.person_id FROM people n JOIN faces sf ON sf.engine_face_id = n.person_id"
        " WHERE n.name IS NOT NULL AND n.merged_into IS NULL AND sf.person_id IS NOT NULL"
        " AND sf.person_id <> n.person_id ORDER BY sf.id").fetchall()
    moved: set[str] = set()
    for group, named in shown:
        unnamed = conn.execute("SELECT name IS NULL FROM people WHERE person_id = ?", (group,)).fetchone()
        if group in moved or named in moved or not (unnamed and unnamed[0]):
            continue
        conn.execute("UPDATE faces SET person_id = ? WHERE person_id = ?", (named, group))
        moved.add(group)
    # Faces that merges brought into a person are the user's decision; which merge brought which face was
    # not recorded before, so every face of a merge target counts as confirmed there. (Version 2 kept
    # merges flat, every merged person pointing at the survivor; version 3 keeps the same shape.)
    conn.execute(
        "UPDATE faces SET confirmed = 'user' WHERE person_id IN"
        " (SELECT DISTINCT merged_into FROM people WHERE merged_into IS NOT NULL)")


def _v4(conn: sqlite3.Connection) -> None:
    for statement in V4:
        conn.execute(statement)


def _v5(conn: sqlite3.Connection) -> None:
    for statement in V5:
        conn.execute(statement)


def _v6(conn: sqlite3.Connection) -> None:
    for statement in V6:
        conn.execute(statement)


MIGRATIONS: list[Migration] = [_v1, _v2, _v3, _v4, _v5, _v6]
SCHEMA_VERSION = len(MIGRATIONS)
