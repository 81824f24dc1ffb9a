"""The import pipeline end to end on the real sample photos with the local engine."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from grouping import grouping_errors

from beetroot_desktop.engines.base import WorkerNeeds
from beetroot_desktop.engines.local import LocalEngine
from beetroot_desktop.library import Library, open_library
from beetroot_desktop.pipeline import FaceOutcome, ImportControl, ImportListener, PhotoDone, PhotoWorkers, ingest


def test_sample_library_groups_every_label_into_one_person(imported_template, photos_dir, labels):
    lib_dir, report = imported_template
    assert report.photos_seen == 27
    assert report.photos_new == 26
    assert report.photos_duplicate == 1
    assert report.photos_failed == 0
    assert report.faces == 30
    with open_library(lib_dir) as lib:
        assert grouping_errors(lib, photos_dir, labels) == []
        assert len(lib.people()) == len({p for ps in labels.values() for p in ps})
        assert report.new_people == len(lib.people())


def test_exact_duplicate_is_recorded_as_such(imported_library: Library, photos_dir: Path):
    """Two files with one content are one photo at two paths: faces once, both paths listed."""
    copy_path, original_path = str(photos_dir / "misc" / "obama_copy.jpg"), str(photos_dir / "family/2019/obama.jpg")
    dup = imported_library.photo_by_path(copy_path)
    original = imported_library.photo_by_path(original_path)
    assert dup is not None and original is not None
    assert dup == original  # the same photo, shown from one of its paths
    assert sorted(imported_library.locations(dup.id)) == sorted([copy_path, original_path])
    assert len(imported_library.faces_of_photo(dup.id)) == 1
    listing = {e.path: e for e in imported_library.photo_listing()}
    shown, other = (original_path, copy_path) if dup.path == original_path else (copy_path, original_path)
    assert listing[shown].status == "present" and listing[shown].other_paths == [other]
    assert listing[other].status == "duplicate" and listing[other].other_paths == [shown]


def test_reimport_makes_no_engine_call_and_no_detection(imported_library: Library, photos_dir: Path, monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("a known photo was analysed again")

    # The import's own workers, with an analyse step that fails the test if a known photo reaches it.
    workers = PhotoWorkers(1, WorkerNeeds(descriptors=True), analyse=forbidden)  # one worker: in this process
    engine = LocalEngine(imported_library)
    calls_before = imported_library.total_calls()
    report = ingest([photos_dir], imported_library, engine, photo_workers=workers)
    assert report.engine_calls == 0
    assert sum(engine.calls.values()) == 0
    assert imported_library.total_calls() == calls_before
    assert report.photos_unchanged == 27 and report.photos_new == 0


def test_copy_at_new_path_costs_nothing(imported_library: Library, photos_dir: Path, tmp_path: Path):
    copy = tmp_path / "elsewhere" / "same.jpg"
    copy.parent.mkdir()
    shutil.copy(photos_dir / "family" / "2020" / "john1.jpeg", copy)
    engine = LocalEngine(imported_library)
    report = ingest([copy], imported_library, engine, workers=1)
    assert report.photos_duplicate == 1 and report.engine_calls == 0
    photo = imported_library.photo_by_path(str(copy))
    assert photo is not None and photo.path == str(photos_dir / "family" / "2020" / "john1.jpeg")
    assert [e.status for e in imported_library.photo_listing() if e.path == str(copy)] == ["duplicate"]


def test_touched_file_is_not_reprocessed(imported_library: Library, photos_dir: Path, tmp_path: Path):
    from PIL import Image

    src = tmp_path / "p" / "rose.jpg"
    src.parent.mkdir()
    Image.open(photos_dir / "family" / "2019" / "rose_img2.jpg").save(src, quality=80)  # new content
    engine = LocalEngine(imported_library)
    ingest([src], imported_library, engine, workers=1)
    before = dict(engine.calls)
    os.utime(src, ns=(1_000_000_000, 1_000_000_000))
    report = ingest([src], imported_library, engine, workers=1)
    assert before and report.photos_unchanged == 1 and dict(engine.calls) == before


def test_broken_files_are_listed_and_the_rest_imports(tmp_path: Path, photos_dir: Path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "empty.jpg").write_bytes(b"")
    (folder / "notes.png").write_text("this is not a picture")
    (folder / "random.jpg").write_bytes(os.urandom(4096))
    good = (photos_dir / "family" / "2019" / "biden.jpg").read_bytes()
    (folder / "truncated.jpg").write_bytes(good[: len(good) // 3])
    shutil.copy(photos_dir / "family" / "2019" / "biden.jpg", folder / "biden.jpg")
    with open_library(tmp_path / "lib") as lib:
        report = ingest([folder], lib, LocalEngine(lib), workers=2)
        reasons = {Path(f["path"]).name: f["reason"] for f in report.failed}
        assert set(reasons) == {"empty.jpg", "notes.png", "random.jpg", "truncated.jpg"}
        assert "empty" in reasons["empty.jpg"]
        assert "text" in reasons["notes.png"]
        assert report.photos_new == 5 and report.faces == 1
        assert lib.failed_photos() and len(lib.people()) == 1


def test_listener_sees_every_photo_and_face(tmp_path: Path, photos_dir: Path):
    events: list[PhotoDone] = []
    faces: list[FaceOutcome] = []

    class Recorder(ImportListener):
        def photo_done(self, event: PhotoDone) -> None:
            events.append(event)

        def face_outcome(self, outcome: FaceOutcome) -> None:
            faces.append(outcome)

    with open_library(tmp_path / "lib") as lib:
        ingest([photos_dir / "events"], lib, LocalEngine(lib), workers=2, listener=Recorder())
    assert [e.done for e in events] == list(range(1, 7)) and events[-1].total == 6
    assert len(faces) == 10
    assert faces[0].log_line().endswith("NoMatch: idx=0 threshold=95.0 -> indexing")
    matches = [f for f in faces if f.kind == "match"]
    assert matches and all(f.similarity >= 95.0 for f in matches)


def test_cancel_between_photos_then_resume_completes(tmp_path: Path, photos_dir: Path, labels):
    control = ImportControl()

    class CancelAfterFive(ImportListener):
        def photo_done(self, event: PhotoDone) -> None:
            if event.done == 5:
                control.cancel()

    with open_library(tmp_path / "lib") as lib:
        first = ingest([photos_dir], lib, LocalEngine(lib), workers=2, listener=CancelAfterFive(), control=control)
        assert first.cancelled and first.pending > 0
        assert lib.integrity_check() == "ok"
        second = ingest([photos_dir], lib, LocalEngine(lib), workers=2)
        assert not second.cancelled and second.pending == 0
        assert second.photos_unchanged >= 5
        assert grouping_errors(lib, photos_dir, labels) == []


def test_other_engine_on_same_library_is_refused(imported_library: Library):
    from beetroot_desktop.engines import EngineConfigError

    class Other(LocalEngine):
        name = "rekognition"

    with pytest.raises(EngineConfigError, match="local engine"):
        ingest([], imported_library, Other(imported_library))
