"""Write the fixture of the current schema version: a small real library, dumped as SQL.

Run once when a schema version is released, never again for that version (released fixtures are frozen,
they stand for files already on users' disks):

    PYTHONPATH=. python tests/schemas/make_fixture.py tests/schemas/v<N>.sql

It imports a few sample photos with the local engine (real descriptors, so a migrated library can still
match new faces), makes one edit of each kind, and stores photo paths under the placeholder root /photos.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from beetroot_desktop.engines.local import LocalEngine
from beetroot_desktop.library import open_library
from beetroot_desktop.library.schema import SCHEMA_VERSION
from beetroot_desktop.pipeline import ingest

PHOTOS = Path(__file__).resolve().parents[1] / "data" / "photos"
PLACEHOLDER = "/photos"
SOURCES = ["family/2019/obama.jpg", "family/2019/biden.jpg", "events/two_people.jpg", "family/2019/rose_img1.jpg",
           "misc/obama_copy.jpg"]


def build(lib_dir: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        broken = Path(tmp) / "broken.jpg"
        broken.write_bytes(b"")
        with open_library(lib_dir) as lib:
            ingest([PHOTOS / s for s in SOURCES] + [broken], lib, LocalEngine(lib), workers=1, thumbnails=False)
            by_photo = {Path(p["path"]).name: p for p in lib.all_photos()}
            obama = lib.faces_of_photo(by_photo["obama.jpg"]["id"])[0]["person_id"]
            biden = lib.faces_of_photo(by_photo["biden.jpg"]["id"])[0]["person_id"]
            rose = lib.faces_of_photo(by_photo["rose_img1.jpg"]["id"])[0]["person_id"]
            lib.rename_person(obama, "Barack")
            lib.rename_person(biden, "Joe")
            lib.set_hidden(rose, True)
            lib.log_call("local", "SearchFacesByImage", "match", photo_sha=by_photo["obama.jpg"]["sha256"],
                         latency_ms=1.5, detail="fixture")
            lib.remove_face_from_person(lib.faces_of_photo(by_photo["two_people.jpg"]["id"])[0]["id"])
            for table in ("photos", "files"):
                lib.conn.execute(f"UPDATE {table} SET path = replace(path, ?, ?)", (str(PHOTOS), PLACEHOLDER))
                lib.conn.execute(f"UPDATE {table} SET path = ? WHERE path = ?",
                                 (f"{PLACEHOLDER}/broken.jpg", str(broken)))
            lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def dump(db: Path) -> str:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        lines = [line for line in conn.iterdump() if line not in ("BEGIN TRANSACTION;", "COMMIT;")]
    finally:
        conn.close()
    return f"-- Beetroot library schema version {SCHEMA_VERSION}, with data (made by make_fixture.py)\n" + \
        "\n".join(lines) + "\n"


def main(out: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp))
        Path(out).write_text(dump(Path(tmp) / "library.sqlite3"), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
