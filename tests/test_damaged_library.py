"""A damaged or foreign library file: a clear message and a way to rebuild from the photos, never a traceback."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from grouping import grouping_errors
from procs import REPO

from beetroot_desktop.engines.local import LocalEngine
from beetroot_desktop.library import (
    ForeignDatabaseError,
    LibraryBusy,
    LibraryDamaged,
    LibraryError,
    NewerSchemaError,
    is_damage,
    open_library,
)
from beetroot_desktop.library.lock import ImportLock
from beetroot_desktop.library.recovery import (
    check_library,
    import_roots,
    import_roots_path,
    remember_import_roots,
    set_aside,
)
from beetroot_desktop.library.schema import SCHEMA_VERSION
from beetroot_desktop.pipeline import ingest

ENV = {**os.environ, "PYTHONPATH": str(REPO)}
REBUILD_HINT = "beetroot rebuild --library"


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "beetroot_desktop", *args], env=ENV, capture_output=True,
                          text=True, timeout=300)


# -- ways a library file goes bad ------------------------------------------------------------------------


def random_bytes(db: Path) -> None:
    db.write_bytes(random.Random(1).randbytes(64 * 1024))


def text_file(db: Path) -> None:
    db.write_text("these are not the pages you are looking for\n" * 100)


def zeroed_header(db: Path) -> None:
    data = bytearray(db.read_bytes())
    data[:100] = bytes(100)
    db.write_bytes(bytes(data))


def truncated(db: Path) -> None:
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 3])


def scribbled_pages(db: Path) -> None:
    """Random bytes over every page after the first: the header and schema still read fine."""
    rng = random.Random(2)
    data = bytearray(db.read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536
    for start in range(2 * page, len(data), page):
        data[start + 8: start + page] = rng.randbytes(page - 8)
    db.write_bytes(bytes(data))


def foreign(db: Path) -> None:
    db.unlink()
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE recipes (name TEXT, beetroots INTEGER)")
    conn.execute("INSERT INTO recipes VALUES ('borscht', 4)")
    conn.commit()
    conn.close()


DAMAGE: dict[str, Callable[[Path], None]] = {
    "random-bytes": random_bytes,
    "text": text_file,
    "zeroed-header": zeroed_header,
    "truncated": truncated,
    "scribbled-pages": scribbled_pages,
    "foreign": foreign,
}


@pytest.fixture
def damaged(request, imported_library) -> Path:
    lib_dir = imported_library.dir
    imported_library.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    imported_library.close()
    DAMAGE[request.param](lib_dir / "library.sqlite3")
    return lib_dir


@pytest.mark.parametrize("damaged", list(DAMAGE), indirect=True)
def test_cli_explains_a_damaged_library_and_how_to_rebuild(damaged: Path):
    for command in (["people"], ["faces", "--json"], ["import", str(damaged.parent / "nothing-here")]):
        proc = cli(*command, "--library", str(damaged))
        assert proc.returncode == 2, (command, proc.stdout, proc.stderr)
        assert "Traceback" not in proc.stderr
        assert f"{REBUILD_HINT} {damaged}" in proc.stderr, proc.stderr
        assert "Your photos are not affected" in proc.stderr


@pytest.mark.parametrize("damaged", list(DAMAGE), indirect=True)
def test_check_library_names_the_problem(damaged: Path):
    problem = check_library(damaged)
    assert isinstance(problem, (LibraryDamaged, ForeignDatabaseError)), problem
    assert str(damaged / "library.sqlite3") in str(problem) or "another program" in str(problem)


@pytest.mark.parametrize("damaged", ["random-bytes", "text", "zeroed-header", "foreign"], indirect=True)
def test_open_refuses_without_touching_the_file(damaged: Path):
    db = damaged / "library.sqlite3"
    before = db.read_bytes()
    with pytest.raises((LibraryDamaged, ForeignDatabaseError)):
        open_library(damaged)
    assert db.read_bytes() == before
    assert not Path(f"{db}-wal").exists()


def test_a_healthy_library_passes_the_check(imported_library):
    assert check_library(imported_library.dir) is None


# -- set aside and rebuild -------------------------------------------------------------------------------


@pytest.mark.slow
def test_rebuild_sets_the_file_aside_and_imports_the_remembered_photos(imported_library, photos_dir: Path,
                                                                       labels):
    lib_dir = imported_library.dir
    imported_library.close()
    assert import_roots(lib_dir) == [str(photos_dir)]  # remembered by the import that made the library
    scribbled_pages(lib_dir / "library.sqlite3")
    damaged_bytes = (lib_dir / "library.sqlite3").read_bytes()
    proc = cli("rebuild", "--library", str(lib_dir), "--quiet", "--workers", "2")
    assert proc.returncode == 0, proc.stderr
    aside = [p for p in lib_dir.iterdir() if p.name.startswith("library-damaged-")]
    assert len(aside) == 1 and aside[0].read_bytes() == damaged_bytes  # kept, byte for byte
    assert f"Set the old library file aside as {aside[0]}" in proc.stdout
    with open_library(lib_dir) as lib:
        assert lib.integrity_check() == "ok"
        assert grouping_errors(lib, photos_dir, labels) == []
        assert lib.photo_count() == 26


def test_rebuild_refuses_a_healthy_library_without_force(imported_library):
    lib_dir = imported_library.dir
    imported_library.close()
    proc = cli("rebuild", "--library", str(lib_dir))
    assert proc.returncode == 2 and "healthy" in proc.stderr and "--force" in proc.stderr
    assert not [p for p in lib_dir.iterdir() if p.name.startswith("library-damaged-")]


def test_rebuild_refuses_a_newer_library(imported_library):
    lib_dir = imported_library.dir
    imported_library.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    imported_library.close()
    assert isinstance(check_library(lib_dir), NewerSchemaError)
    proc = cli("rebuild", "--library", str(lib_dir))
    assert proc.returncode == 2 and "newer Beetroot" in proc.stderr and "not damaged" in proc.stderr
    people = cli("people", "--library", str(lib_dir))
    assert people.returncode == 2 and "update the app" in people.stderr and "rebuild" not in people.stderr


def test_rebuild_without_remembered_photos_says_what_to_do(tmp_path: Path):
    lib_dir = tmp_path / "lib"
    lib_dir.mkdir()
    random_bytes(lib_dir / "library.sqlite3")
    proc = cli("rebuild", "--library", str(lib_dir))
    assert proc.returncode == 1
    assert "No imported photos are remembered" in proc.stderr and "beetroot import PATH" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="Windows cannot rename a file another connection holds open")
def test_set_aside_moves_the_wal_and_shm_along(imported_library, photos_dir: Path):
    lib_dir = imported_library.dir
    imported_library.rename_person(imported_library.people()[0].person_id, "Only in the WAL")
    other = open_library(lib_dir)  # a reader keeps the -wal and -shm in place
    try:
        assert Path(f"{lib_dir / 'library.sqlite3'}-wal").exists()
        imported_library.close()
        aside, roots = set_aside(lib_dir)
    finally:
        other.close()
    assert roots == [str(photos_dir)]
    assert not (lib_dir / "library.sqlite3").exists()
    assert not any(Path(f"{lib_dir / 'library.sqlite3'}{s}").exists() for s in ("-wal", "-shm"))
    conn = sqlite3.connect(aside)  # the set-aside file still holds everything, WAL included
    assert conn.execute("SELECT count(*) FROM people WHERE name = 'Only in the WAL'").fetchone()[0] == 1
    conn.close()


def test_set_aside_waits_for_no_import(imported_library):
    with ImportLock(imported_library.dir), pytest.raises(LibraryBusy):
        set_aside(imported_library.dir)
    assert (imported_library.dir / "library.sqlite3").exists()


def test_set_aside_without_a_file(tmp_path: Path):
    with pytest.raises(LibraryError, match="no library file"):
        set_aside(tmp_path)


def test_gui_flow_set_aside_then_import_the_roots(tmp_path: Path, photos_dir: Path):
    """What the GUI does after "Rebuild": set_aside(), then an ordinary import of the returned roots."""
    lib_dir = tmp_path / "lib"
    with open_library(lib_dir) as lib:
        ingest([photos_dir / "events"], lib, LocalEngine(lib), workers=2)
        groups = {frozenset((f["path"], f["idx"]) for f in lib.person_faces(p.person_id)) for p in lib.people()}
    truncated(lib_dir / "library.sqlite3")
    try:  # the open or the first query that reads a missing page finds the damage
        with open_library(lib_dir) as lib:
            lib.all_faces()
    except LibraryDamaged:
        pass
    except sqlite3.DatabaseError as exc:
        assert is_damage(exc)
    else:
        raise AssertionError("the truncated library read as healthy")
    aside, roots = set_aside(lib_dir)
    assert roots == [str(photos_dir / "events")] and aside.exists()
    with open_library(lib_dir) as lib:
        report = ingest(roots, lib, LocalEngine(lib), workers=2)
        assert report.photos_failed == 0
        assert {frozenset((f["path"], f["idx"]) for f in lib.person_faces(p.person_id))
                for p in lib.people()} == groups


# -- the remembered import roots -------------------------------------------------------------------------


def test_import_roots_are_absolute_unique_and_existing(tmp_path: Path, monkeypatch):
    lib = tmp_path / "lib"
    photos = tmp_path / "Fotos de família 📷"
    photos.mkdir()
    one = photos / "a.jpg"
    one.write_bytes(b"x")
    monkeypatch.chdir(tmp_path)
    remember_import_roots(lib, [photos.name, str(photos), one, tmp_path / "typo", "./" + photos.name])
    assert import_roots(lib) == [str(photos), str(one)]
    remember_import_roots(lib, [one])
    assert import_roots(lib) == [str(photos), str(one)]
    newline = tmp_path / "two\nlines"
    newline.mkdir()
    remember_import_roots(lib, [newline])  # cannot be one line: not remembered, never corrupts the file
    assert import_roots(lib) == [str(photos), str(one)]
    if sys.platform.startswith("linux"):
        raw = os.fsencode(tmp_path) + b"/latin1-\xe9"
        os.mkdir(raw)
        remember_import_roots(lib, [os.fsdecode(raw)])
        assert import_roots(lib)[-1] == os.fsdecode(raw)


def test_every_import_remembers_its_roots(tmp_path: Path, photos_dir: Path):
    lib_dir = tmp_path / "lib"
    with open_library(lib_dir) as lib:
        ingest([photos_dir / "events"], lib, LocalEngine(lib), workers=1)
        ingest([photos_dir / "events", photos_dir / "family" / "2019" / "rose_img1.jpg"], lib, LocalEngine(lib),
               workers=1)
    assert import_roots(lib_dir) == [str(photos_dir / "events"), str(photos_dir / "family" / "2019" / "rose_img1.jpg")]
    text = import_roots_path(lib_dir).read_text(encoding="utf-8")
    assert text.endswith("\n") and not [f for f in lib_dir.iterdir() if f.name.endswith(".part")]


def test_rebuilt_library_is_independent_of_the_aside_file(imported_library):
    """A rebuild never reads the damaged file again: deleting it later loses nothing."""
    lib_dir = imported_library.dir
    imported_library.close()
    random_bytes(lib_dir / "library.sqlite3")
    aside, _ = set_aside(lib_dir)
    with open_library(lib_dir) as lib:
        assert lib.people() == []
    aside.unlink()
    shutil.rmtree(lib_dir / "cache")
    with open_library(lib_dir) as lib:
        assert lib.integrity_check() == "ok"
