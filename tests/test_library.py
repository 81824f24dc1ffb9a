"""The SQLite index on real files: schema, transactions, records and people edits."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

from beetroot_desktop.library import EditRefused, FaceRecord, ForeignDatabaseError, LibraryError, db_path, open_library
from beetroot_desktop.library.schema import SCHEMA_VERSION


def _face(idx: int, person: str | None, status: str = "indexed") -> FaceRecord:
    return FaceRecord(idx=idx, bbox=(10, 20, 30, 40), score=1.5, engine="local", status=status,
                      descriptor=np.arange(128, dtype=np.float32), person_id=person,
                      engine_face_id=person if status == "indexed" else None)


def _photo(lib, name: str, faces: list[FaceRecord]) -> int:
    return lib.record_photo(f"/photos/{name}", sha256=name * 8, size=10, mtime_ns=1, width=100, height=80,
                            taken_at=None, faces=faces)


def test_new_library_has_schema_wal_and_foreign_keys(tmp_path: Path):
    with open_library(tmp_path / "lib") as lib:
        assert lib.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert lib.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert lib.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert lib.integrity_check() == "ok"
    with open_library(tmp_path / "lib") as again:  # reopening migrates nothing and keeps data
        assert again.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_foreign_and_damaged_files_are_refused_clearly(tmp_path: Path):
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    conn = sqlite3.connect(db_path(foreign))
    conn.execute("CREATE TABLE notes(x)")
    conn.commit()
    conn.close()
    with pytest.raises(ForeignDatabaseError, match="another program"):
        open_library(foreign)
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    db_path(damaged).write_bytes(b"this is not a database" * 100)
    with pytest.raises(LibraryError, match="damaged or not a database"):
        open_library(damaged)


def test_photo_and_faces_commit_together(tmp_path: Path):
    with open_library(tmp_path / "lib") as lib:
        with pytest.raises(RuntimeError), lib.transaction():
            _photo(lib, "a", [_face(0, "p1")])
            raise RuntimeError("crash in the middle of a photo")
        assert lib.photo_by_path("/photos/a") is None and lib.face_count() == 0
        _photo(lib, "a", [_face(0, "p1"), _face(1, "p1", "matched")])
        assert lib.face_count() == 2
        stored = lib.faces_of_photo(lib.photo_by_path("/photos/a").id)
        assert np.frombuffer(stored[0]["descriptor"], dtype=np.float32)[5] == 5.0


def test_reprocessing_a_changed_photo_replaces_its_faces(tmp_path: Path):
    with open_library(tmp_path / "lib") as lib:
        _photo(lib, "a", [_face(0, "p1")])
        _photo(lib, "a", [_face(0, "p2")])  # other content at the same path: the old photo is left with none
        assert [p.person_id for p in lib.people()] == ["p2"]  # out of every view and count at once
        old = lib.pathless_photos()
        assert len(old) == 1 and lib.photo(old[0])["presence"] == "missing"
        assert lib.remove_photos(old) == 1  # what an import that finished does with it
        assert lib.face_count() == 1 and lib.person("p1") is None


def test_people_edits(tmp_path: Path):
    with open_library(tmp_path / "lib") as lib:
        _photo(lib, "a", [_face(0, "p1"), _face(1, "p2")])
        _photo(lib, "b", [_face(0, "p1", "matched")])
        _photo(lib, "c", [_face(0, "p3"), _face(1, "p4")])
        _photo(lib, "d", [_face(0, "p2", "matched"), _face(1, "p5")])
        lib.rename_person("p1", "  Ada  ")
        with pytest.raises(EditRefused, match="appear together"):  # one person is never two faces of a photo
            lib.merge_people(["p2"], "p1")
        lib.remove_face_from_person(lib.person_faces("p2")[0]["id"])
        assert lib.person("p1").name == "Ada"
        lib.merge_people(["p2"], "p1")
        assert lib.person("p2") is None and lib.person("p1").faces == 3
        assert lib.resolve_person("p2") == "p1" and lib.person_for_engine_face("p2") is None  # its face left
        assert lib.person_for_engine_face("p1") == "p1"
        lib.merge_people(["p1"], "p3")  # merging a merge target forwards the earlier merge too
        assert lib.resolve_person("p2") == "p3" and lib.person("p3").name == "Ada"
        face = lib.person_faces("p3")[0]["id"]
        assert lib.remove_face_from_person(face) == "p3"
        assert lib.face(face)["status"] == "removed" and (face, "p3") in lib.exclusions()
        assert lib.unassigned_faces()[0]["id"] == face
        lib.set_hidden("p3", True)
        assert "p3" not in {p.person_id for p in lib.people(include_hidden=False)} and lib.person("p3").hidden
        other = lib.person_faces("p3")[0]["id"]
        lib.set_cover("p3", other)
        assert lib.person("p3").cover_face_id == other
        with pytest.raises(ValueError):
            lib.set_cover("p3", face)
        lib.assign_face(face, "p3")
        assert lib.face(face)["person_id"] == "p3" and (face, "p3") not in lib.exclusions()


def test_edits_survive_reopening(tmp_path: Path):
    with open_library(tmp_path / "lib") as lib:
        _photo(lib, "a", [_face(0, "p1")])
        _photo(lib, "b", [_face(0, "p2")])
        lib.rename_person("p1", "Grace")
        lib.merge_people(["p2"], "p1")
    with open_library(tmp_path / "lib") as lib:
        assert [(p.person_id, p.name, p.faces) for p in lib.people()] == [("p1", "Grace", 2)]


def test_edits_on_unknown_people_fail_without_changes(tmp_path: Path):
    with open_library(tmp_path / "lib") as lib:
        _photo(lib, "a", [_face(0, "p1")])
        with pytest.raises(KeyError):
            lib.merge_people(["nobody"], "p1")
        with pytest.raises(KeyError):
            lib.rename_person("nobody", "x")
        assert lib.person("p1").faces == 1


def test_ledger_counts_calls(tmp_path: Path):
    with open_library(tmp_path / "lib") as lib:
        lib.log_call("rekognition", "SearchFacesByImage", "ok", latency_ms=12.0)
        lib.log_call("rekognition", "IndexFaces", "ok")
        lib.log_call("rekognition", "SearchFacesByImage", "throttled")
        assert lib.call_counts() == {"SearchFacesByImage": 2, "IndexFaces": 1} and lib.total_calls() == 3


def test_read_only_opening_survives_uri_characters_in_the_folder_name(tmp_path: Path):
    folder = tmp_path / "photos?of#100%"
    with open_library(folder) as lib:
        _photo(lib, "a", [_face(0, "p1")])
    with open_library(folder, readonly=True) as lib:
        assert [p.person_id for p in lib.people()] == ["p1"]
    with open_library(folder, readonly=True, immutable=True) as lib:
        assert lib.photo_count() == 1
