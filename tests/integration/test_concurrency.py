"""Concurrent access: one import at a time per library, everyone else reads and edits during it.

Design (see docs/reliability.md): an import holds `<library>/import.lock` (an OS lock, released by the
kernel even when the process is killed); readers and people edits never take it and work through SQLite
WAL plus a busy timeout; every edit is one short IMMEDIATE transaction. A second app instance on the same
library therefore works safely: it browses and edits while the first imports, and its own import is
refused with LibraryBusy until the first one ends.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PIL import Image, ImageOps
from procs import REPO

from beetroot_desktop.engines.local import LocalEngine
from beetroot_desktop.library import Library, LibraryBusy, LibraryError, open_library
from beetroot_desktop.library.lock import BUSY_MESSAGE, ImportLock, import_running
from beetroot_desktop.library.schema import SCHEMA_VERSION
from beetroot_desktop.pipeline import FaceOutcome, ImportListener, ingest

ENV = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1"}


pytestmark = pytest.mark.slow  # several processes on one library


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "beetroot_desktop", *args]


@pytest.fixture(scope="module")
def mirrored(tmp_path_factory: pytest.TempPathFactory, photos_dir: Path) -> Path:
    """New content for a library that already holds the sample photos: every photo, mirrored."""
    root = tmp_path_factory.mktemp("mirrored")
    for src in sorted(photos_dir.rglob("*")):
        if src.suffix.lower() in (".jpg", ".jpeg", ".png") and "copy" not in src.name:
            with Image.open(src) as im:
                ImageOps.exif_transpose(im).convert("RGB").transpose(Image.Transpose.FLIP_LEFT_RIGHT).save(
                    root / f"{src.stem}-mirrored.jpg", quality=90)
    return root


def wait_until(predicate, timeout: float = 30.0, what: str = "condition") -> None:
    end = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


# -- the import lock -------------------------------------------------------------------------------------


def test_import_lock_is_exclusive_within_one_process(tmp_path: Path):
    first, second = ImportLock(tmp_path), ImportLock(tmp_path)
    first.acquire()
    with pytest.raises(LibraryBusy, match="another Beetroot window or command is importing"):
        second.acquire()
    assert import_running(tmp_path)
    with open_library(tmp_path) as lib, pytest.raises(LibraryBusy) as err:
        ingest([], lib, LocalEngine(lib))
    assert str(err.value) == BUSY_MESSAGE and isinstance(err.value, LibraryError)
    first.release()
    assert not import_running(tmp_path)
    with second:
        assert second.held
    with open_library(tmp_path) as lib:
        ingest([], lib, LocalEngine(lib))  # free again


def test_import_lock_dies_with_its_process(tmp_path: Path):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from beetroot_desktop.library.lock import ImportLock;"
         " lock = ImportLock(sys.argv[1]); lock.acquire(); print('held', flush=True); time.sleep(60)", str(tmp_path)],
        env=ENV, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        assert import_running(tmp_path)
        with pytest.raises(LibraryBusy):
            ImportLock(tmp_path).acquire()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    with ImportLock(tmp_path):  # no stale lock after a crash
        pass


def test_second_import_is_refused_while_one_runs(tmp_path: Path, photos_dir: Path):
    lib_dir = tmp_path / "lib"
    first = subprocess.Popen(cli("import", str(photos_dir), "--library", str(lib_dir), "--workers", "2", "--quiet"),
                             env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_until(lambda: import_running(lib_dir) or first.poll() is not None, what="the first import")
        assert first.poll() is None, "the first import ended before the test could race it"
        second = subprocess.run(cli("import", str(photos_dir), "--library", str(lib_dir), "--quiet"),
                                env=ENV, capture_output=True, text=True, timeout=60)
        with open_library(lib_dir) as lib, pytest.raises(LibraryBusy):
            ingest([photos_dir], lib, LocalEngine(lib))
        still_running = first.poll() is None
    finally:
        _out, err = first.communicate(timeout=120)
    assert still_running, "the first import ended before the second was refused: the race was not tested"
    assert second.returncode == 2
    assert f"beetroot: {BUSY_MESSAGE}" in second.stderr and "Traceback" not in second.stderr
    assert first.returncode == 0, err
    with open_library(lib_dir) as lib:  # the refused attempts changed nothing; a later import works
        assert lib.photo_count() == 26
        report = ingest([photos_dir], lib, LocalEngine(lib), workers=1)
        assert report.photos_unchanged == 27


# -- readers and editors during writes -------------------------------------------------------------------


class Editor:
    """What a second window does while an import runs: browse the grid and edit people, nonstop."""

    def __init__(self, lib: Library) -> None:
        self.lib = lib
        self.errors: list[BaseException] = []
        self.edits = self.reads = 0
        self.versions: set[int] = set()
        self.names: dict[str, str] = {}

    def step(self, i: int) -> None:
        lib = self.lib
        try:
            people = lib.people()
            self.reads += 1
            self.versions.add(lib.data_version())
            if people:
                person = people[i % len(people)]
                lib.person_photos(person.person_id)
                name = f"Person {i}"
                lib.rename_person(person.person_id, name)
                self.names[person.person_id] = name
                lib.set_hidden(person.person_id, i % 2 == 0)
                lib.set_hidden(person.person_id, False)
                self.edits += 3
        except Exception as exc:  # "database is locked" or anything else reaching the user
            self.errors.append(exc)


def test_edits_and_reads_during_an_import_in_another_process(imported_library: Library, mirrored: Path):
    lib_dir = imported_library.dir
    proc = subprocess.Popen(cli("import", str(mirrored), "--library", str(lib_dir), "--workers", "2", "--quiet"),
                            env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    editor = Editor(imported_library)
    reader_errors: list[BaseException] = []
    stop = threading.Event()

    def reader() -> None:  # another thread with its own read-only connection: the GUI's thumbnail loader
        try:
            with open_library(lib_dir, readonly=True) as ro:
                while not stop.is_set():
                    ro.all_faces()
                    ro.people()
        except Exception as exc:
            reader_errors.append(exc)

    thread = threading.Thread(target=reader)
    thread.start()
    i = 0
    try:
        while proc.poll() is None:
            editor.step(i)
            i += 1
    finally:
        stop.set()
        thread.join(30)
        _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert editor.errors == [] and reader_errors == []
    assert editor.edits > 30 and len(editor.versions) > 3, "the edits did not overlap the import's commits"
    with open_library(lib_dir) as lib:
        assert lib.integrity_check() == "ok"
        assert lib.photo_count() == 26 + len(list(mirrored.iterdir()))
        for person_id, name in editor.names.items():  # every edit is still there after the import
            assert lib.resolve_person(person_id) != person_id or lib.person(person_id).name == name


def test_import_in_a_thread_while_the_gui_thread_reads_and_edits(tmp_path: Path, photos_dir: Path):
    """The GUI's own shape: the import on a worker thread with its own connection, the GUI thread browsing."""
    lib_dir = tmp_path / "lib"
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            with open_library(lib_dir) as lib:
                ingest([photos_dir / "family"], lib, LocalEngine(lib), workers=2)
        except BaseException as exc:
            errors.append(exc)

    with open_library(lib_dir) as gui:
        thread = threading.Thread(target=worker)
        thread.start()
        editor = Editor(gui)
        i = 0
        while thread.is_alive():
            editor.step(i)
            i += 1
        thread.join()
        assert errors == [] and editor.errors == []
        assert gui.photo_count() == 10 and editor.reads > 10


def test_merge_during_an_import_keeps_new_faces_visible(tmp_path: Path, photos_dir: Path):
    """A merge committed between the engine's answer and the photo's commit must not strand the new face.

    The import decides "this face is person A" before its transaction; if the user merges A into B in the
    meantime, the face must land in B, not in the merged-away A where no view shows it.
    """
    lib_dir = tmp_path / "lib"
    with open_library(lib_dir) as lib:
        ingest([photos_dir / "family" / "2019" / "obama.jpg", photos_dir / "family" / "2019" / "biden.jpg"],
               lib, LocalEngine(lib), workers=1)
        obama, biden = (p.person_id for p in sorted(lib.people(), key=lambda p: lib.person_photos(p.person_id)[0]
                                                                    ["path"], reverse=True))
    merged: list[str] = []

    class MergeOnMatch(ImportListener):  # runs on the importing thread, between decision and commit
        def face_outcome(self, outcome: FaceOutcome) -> None:
            if outcome.kind == "match" and not merged:
                with open_library(lib_dir) as other:  # another window
                    other.merge_people([outcome.person_id], biden if outcome.person_id == obama else obama)
                merged.append(outcome.person_id)

    with open_library(lib_dir) as lib:
        ingest([photos_dir / "family" / "2019" / "obama2.jpg"], lib, LocalEngine(lib), workers=1,
               listener=MergeOnMatch())
        assert merged == [obama]
        assert {p.person_id for p in lib.people()} == {biden}
        assert lib.person(biden).faces == 3  # biden's own, obama's, and the new photo's face
        assert all(f["person_id"] == biden for f in lib.all_faces())


def test_an_edit_waits_for_a_long_write_instead_of_failing(imported_library: Library):
    lib_dir = imported_library.dir
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1], isolation_level=None);"
         " c.execute('BEGIN IMMEDIATE'); c.execute(\"INSERT INTO meta VALUES ('held', '1')\");"
         " print('locked', flush=True); time.sleep(1.5); c.execute('COMMIT')",
         str(lib_dir / "library.sqlite3")],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        person = imported_library.people()[0]
        t0 = time.monotonic()
        imported_library.people()  # a read never waits for a writer (WAL)
        read_seconds = time.monotonic() - t0
        imported_library.rename_person(person.person_id, "Waited")  # waits for the lock, then succeeds
        write_seconds = time.monotonic() - t0
    finally:
        holder.wait(30)
    assert read_seconds < 0.5 and write_seconds > 0.5
    assert imported_library.person(person.person_id).name == "Waited"
    assert imported_library.get_meta("held") == "1"


def test_many_processes_opening_a_new_library_at_once(tmp_path: Path):
    """Two windows started together on an empty folder: the schema is created once, both open it."""
    for attempt in range(3):
        lib_dir = tmp_path / f"lib-{attempt}"
        start_at = time.time() + 1.0
        script = ("import sys, time; from beetroot_desktop.library import open_library;"
                  " time.sleep(max(0.0, float(sys.argv[2]) - time.time()));"
                  " lib = open_library(sys.argv[1]); lib.set_meta('opened', 'yes'); print(lib.people())")
        procs = [subprocess.Popen([sys.executable, "-c", script, str(lib_dir), str(start_at)], env=ENV,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(6)]
        results = [(p.wait(60), p.stderr.read()) for p in procs]
        for p in procs:
            p.stdout.close()
            p.stderr.close()
        assert all(code == 0 for code, _ in results), results
        conn = sqlite3.connect(lib_dir / "library.sqlite3")
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()


def test_two_instances_editing_the_same_people(imported_template, tmp_path: Path):
    """Two windows renaming the same people nonstop: no error reaches either, the last write wins."""
    lib_dir = tmp_path / "lib"
    shutil.copytree(imported_template[0], lib_dir)
    script = """
import sys
from beetroot_desktop.library import open_library
lib = open_library(sys.argv[1])
tag = sys.argv[2]
people = [p.person_id for p in lib.people()]
for i in range(150):
    lib.rename_person(people[i % len(people)], f"{tag}-{i}")
    if i % 10 == 0:
        lib.merge_people([], people[0])
lib.rename_person(people[0], f"{tag}-final")
print("ok")
"""
    procs = [subprocess.Popen([sys.executable, "-c", script, str(lib_dir), tag], env=ENV, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for tag in ("A", "B")]
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    with open_library(lib_dir) as lib:
        assert lib.integrity_check() == "ok"
        people = lib.people()
        assert all(p.name and p.name.split("-")[0] in ("A", "B") for p in people)
        assert people[0].name in ("A-final", "B-final")  # the last write of either window, whole
