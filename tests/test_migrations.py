"""Schema migrations, tested on real files built from a fixture of every released schema version.

`tests/schemas/v<N>.sql` is a small real library (schema and data) as version N wrote it; released
fixtures are never edited. Each test builds a file at version N exactly as an older Beetroot left it on a
user's disk, opens it with today's code and checks that every row survives and the library still works.
When you add migration N+1: write it in schema.py, then `make_fixture.py tests/schemas/v<N+1>.sql`.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from beetroot_desktop.engines.local import LocalEngine
from beetroot_desktop.library import LibraryError, NewerSchemaError, open_library, store
from beetroot_desktop.library.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from beetroot_desktop.pipeline import ingest

SCHEMAS = Path(__file__).parent / "schemas"
FIXTURES = sorted(SCHEMAS.glob("v*.sql"), key=lambda p: int(p.stem[1:]))
PLACEHOLDER = "/photos"


def version_of(fixture: Path) -> int:
    return int(fixture.stem[1:])


def build(fixture: Path, lib_dir: Path) -> Path:
    """A library file exactly as the version that wrote the fixture left it."""
    lib_dir.mkdir(parents=True, exist_ok=True)
    path = lib_dir / "library.sqlite3"
    conn = sqlite3.connect(path)
    try:
        conn.executescript(fixture.read_text(encoding="utf-8"))
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {version_of(fixture)}")
        conn.commit()
    finally:
        conn.close()
    return path


def rows(path: Path) -> dict[str, tuple[list[str], list[tuple[object, ...]]]]:
    """Every table's columns and rows, in a stable order."""
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        out = {}
        for table in tables:
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            out[table] = (cols, sorted(conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr))
        return out
    finally:
        conn.close()


def schema_shape(path: Path) -> dict[str, object]:
    """What the code relies on: tables with their columns (type, not null, default, key) and indexes."""
    conn = sqlite3.connect(path)
    try:
        shape: dict[str, object] = {}
        for (table,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"):
            cols = sorted((r[1], r[2].upper(), r[3], r[4], r[5]) for r in conn.execute(f"PRAGMA table_info({table})"))
            fks = sorted(tuple(r[2:]) for r in conn.execute(f"PRAGMA foreign_key_list({table})"))
            indexes = sorted(
                (bool(r[2]), tuple(c[2] for c in conn.execute(f"PRAGMA index_info('{r[1]}')")))
                for r in conn.execute(f"PRAGMA index_list({table})"))
            shape[table] = (cols, fks, indexes)
        return shape
    finally:
        conn.close()


def test_there_is_a_fixture_for_every_released_version():
    assert [version_of(f) for f in FIXTURES] == list(range(1, SCHEMA_VERSION + 1)), (
        "add tests/schemas/v<N>.sql for the new schema version (see make_fixture.py)")


def test_latest_fixture_is_what_the_current_code_creates(tmp_path: Path):
    with open_library(tmp_path / "fresh"):
        pass
    latest = build(FIXTURES[-1], tmp_path / "fixture")
    assert schema_shape(latest) == schema_shape(tmp_path / "fresh" / "library.sqlite3")


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda f: f.stem)
def test_every_released_version_migrates_with_its_data(fixture: Path, tmp_path: Path):
    path = build(fixture, tmp_path / "lib")
    before = rows(path)
    with open_library(path.parent) as lib:
        assert lib.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert lib.integrity_check() == "ok"
        assert lib.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    after = rows(path)
    if version_of(fixture) < 4:  # version 4 split photos into contents (photos) and paths (files)
        _check_photos_split(before.pop("photos"), after)
    for table, (cols, old_rows) in before.items():
        assert table in after, f"migrating v{version_of(fixture)} lost table {table}"
        new_cols, new_rows = after[table]
        assert set(cols) <= set(new_cols), f"{table} lost columns {set(cols) - set(new_cols)}"
        keep = [new_cols.index(c) for c in cols]
        assert sorted((tuple(r[i] for i in keep) for r in new_rows), key=repr) == old_rows, table
    with open_library(tmp_path / "fresh"):
        pass
    assert schema_shape(path) == schema_shape(tmp_path / "fresh" / "library.sqlite3")


def _check_photos_split(photos: tuple[list[str], list[tuple[object, ...]]],
                        after: dict[str, tuple[list[str], list[tuple[object, ...]]]]) -> None:
    """Every processed photo keeps its id, path and content; every path (copies and failures too) is a file
    row pointing at the photo it held, with its stat and its failure kept."""
    cols, old_rows = photos
    old = [dict(zip(cols, r, strict=True)) for r in old_rows]
    new_photos = {r["id"]: r for r in (dict(zip(after["photos"][0], row, strict=True)) for row in after["photos"][1])}
    assert set(new_photos) == {r["id"] for r in old if r["status"] == "done"}
    for r in old:
        if r["status"] == "done":
            assert {k: new_photos[r["id"]][k] for k in ("path", "sha256", "width", "height", "taken_at")} == \
                {k: r[k] for k in ("path", "sha256", "width", "height", "taken_at")}
    files = {f["path"]: f for f in (dict(zip(after["files"][0], row, strict=True)) for row in after["files"][1])}
    assert set(files) == {r["path"] for r in old}
    for r in old:
        f = files[r["path"]]
        assert (f["size"], f["mtime_ns"]) == (r["size"], r["mtime_ns"])
        assert f["photo_id"] == {"done": r["id"], "duplicate": r["duplicate_of"]}.get(r["status"])
        assert f["error"] == (r["error"] if r["status"] == "failed" else None)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda f: f.stem)
def test_a_migrated_library_keeps_working(fixture: Path, tmp_path: Path, photos_dir: Path):
    """Names, hidden people, "Not this person" and the engine's collection all still do their job."""
    path = build(fixture, tmp_path / "lib")
    with open_library(path.parent) as lib:
        people = {p.name: p for p in lib.people()}
        assert {"Barack", "Joe", None} <= set(people)
        assert people[None].hidden and not people["Barack"].hidden
        assert lib.exclusions()  # the removed face stays out of Barack
        barack = people["Barack"].person_id
        report = ingest([photos_dir / "family" / "2019" / "obama2.jpg"], lib, LocalEngine(lib), workers=1)
        assert report.matches == 1 and report.new_people == 0  # matched through the migrated descriptors
        assert lib.person(barack).faces == people["Barack"].faces + 1
        assert lib.failed_photos() == [(f"{PLACEHOLDER}/broken.jpg",
                                        "not an image in a supported format (the file is empty)")]


def test_a_failing_migration_leaves_the_file_at_its_old_version(tmp_path: Path, monkeypatch):
    """A migration runs in one transaction: an error (or a crash) halfway leaves version N, intact."""
    path = build(FIXTURES[-1], tmp_path / "lib")
    before = rows(path)

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE people ADD COLUMN nickname TEXT")
        conn.execute("UPDATE people SET nickname = name")
        raise RuntimeError("disk pulled out mid-migration")

    monkeypatch.setattr(store, "MIGRATIONS", [*MIGRATIONS, broken])
    monkeypatch.setattr(store, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(RuntimeError, match="mid-migration"):
        open_library(path.parent)
    monkeypatch.undo()
    assert rows(path) == before
    with open_library(path.parent) as lib:
        assert lib.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_the_machinery_applies_each_later_migration_once(tmp_path: Path, monkeypatch):
    """Two more versions on top of today's: both run, in order, once, and the data comes along."""
    path = build(FIXTURES[-1], tmp_path / "lib")
    calls: list[int] = []

    def add_nickname(conn: sqlite3.Connection) -> None:
        calls.append(SCHEMA_VERSION + 1)
        conn.execute("ALTER TABLE people ADD COLUMN nickname TEXT")
        conn.execute("UPDATE people SET nickname = upper(name)")

    def add_index(conn: sqlite3.Connection) -> None:
        calls.append(SCHEMA_VERSION + 2)
        conn.execute("CREATE INDEX people_nickname ON people(nickname)")

    monkeypatch.setattr(store, "MIGRATIONS", [*MIGRATIONS, add_nickname, add_index])
    monkeypatch.setattr(store, "SCHEMA_VERSION", SCHEMA_VERSION + 2)
    for _ in range(2):
        with open_library(path.parent) as lib:
            assert lib.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 2
            assert lib.conn.execute("SELECT nickname FROM people WHERE name = 'Barack'").fetchone()[0] == "BARACK"
    assert calls == [SCHEMA_VERSION + 1, SCHEMA_VERSION + 2]


def test_a_newer_library_is_refused_and_left_untouched(tmp_path: Path):
    path = build(FIXTURES[-1], tmp_path / "lib")
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerSchemaError, match="newer Beetroot") as err:
        open_library(path.parent)
    assert isinstance(err.value, LibraryError)
    assert path.read_bytes() == before


def test_fixtures_hold_no_machine_paths():
    for fixture in FIXTURES:
        paths = re.findall(r"'(/[^']*\.(?:jpe?g|png))'", fixture.read_text(encoding="utf-8"))
        assert paths and all(p.startswith(PLACEHOLDER + "/") for p in paths), fixture

