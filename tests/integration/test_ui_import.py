"""The desktop app imports what is dropped on it, on a worker thread, without freezing the window."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from grouping import grouping_errors
from ui_helpers import IMPORT_TIMEOUT_MS, drop_files, expected_photo_counts, grid_counts, open_window

from beetroot_desktop.library import open_library
from beetroot_desktop.ui.jobs import ImportJob


@pytest.mark.slow
def test_dropping_folders_imports_them_and_the_grid_shows_each_person(qtbot, tmp_path, photos_dir, labels):
    window = open_window(qtbot, tmp_path / "lib")
    assert window.people_page.stack.currentWidget() is window.people_page.empty  # "drop photos here"
    folders = ("events/", "family/")
    with qtbot.waitSignal(window.controller.jobFinished, timeout=IMPORT_TIMEOUT_MS) as finished:
        assert drop_files(window, [photos_dir / "events", photos_dir / "family"])
        assert window.controller.busy
    job, report = finished.args
    assert isinstance(job, ImportJob) and not report.cancelled and report.photos_failed == 0
    expected = expected_photo_counts(labels, folders)
    qtbot.waitUntil(lambda: grid_counts(window) == expected, timeout=10_000)
    assert window.people_page.stack.currentWidget() is window.people_page.grid
    with open_library(tmp_path / "lib") as lib:
        dropped = {k: v for k, v in labels.items() if k.startswith(folders)}
        assert grouping_errors(lib, photos_dir, dropped) == []
    lines = window.activity_model.texts()
    assert any("NoMatch: idx=0" in line for line in lines) and any("Match: idx=0" in line for line in lines)


def test_a_drop_during_an_import_is_queued(qtbot, tmp_path, photos_dir):
    window = open_window(qtbot, tmp_path / "lib")
    first = window.import_paths([str(photos_dir / "events")])
    second = window.import_paths([str(photos_dir / "family" / "2019")])
    assert first is not None and second is not None
    assert window.controller.current is first and list(window.controller.queue) == [second]
    done: list[int] = []
    window.controller.jobFinished.connect(lambda job, _r: done.append(job.id))
    qtbot.waitUntil(lambda: len(done) == 2, timeout=IMPORT_TIMEOUT_MS)
    assert done == [first.id, second.id]


def test_broken_files_are_listed_and_the_import_goes_on(qtbot, tmp_path, photos_dir):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "broken.jpg").write_bytes(b"not a jpeg at all")
    (folder / "biden.jpg").write_bytes((photos_dir / "family" / "2019" / "biden.jpg").read_bytes())
    window = open_window(qtbot, tmp_path / "lib")
    with qtbot.waitSignal(window.controller.jobFinished, timeout=IMPORT_TIMEOUT_MS) as finished:
        window.import_paths([str(folder)])
    report = finished.args[1]
    assert report.photos_failed == 1 and report.faces == 1
    assert [Path(p).name for p, _ in window.failures] == ["broken.jpg"]
    assert window.failure_banner.isVisible() and "1 file could not be imported" in window.failure_banner.label.text()
    dialog = window.show_failures()
    assert dialog.findChild(type(dialog.children()[1])) is not None
    window.failure_banner.dismiss()
    assert not window.failures
    qtbot.waitUntil(lambda: grid_counts(window) == [1], timeout=10_000)


@pytest.mark.slow
def test_the_finished_import_counts_the_photos_it_added_and_the_failures_apart(qtbot, tmp_path, photos_dir):
    """Two new files, one of which cannot be read: "1 photo added", not "2 new photos"."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "broken.jpg").write_bytes(b"not a jpeg at all")
    (folder / "biden.jpg").write_bytes((photos_dir / "family" / "2019" / "biden.jpg").read_bytes())
    window = open_window(qtbot, tmp_path / "lib")
    with qtbot.waitSignal(window.controller.jobFinished, timeout=IMPORT_TIMEOUT_MS) as finished:
        window.import_paths([str(folder)])
    said = window.statusBar().currentMessage()
    assert said.startswith("Import finished: 1 photo added, 1 face,"), said
    assert "1 file could not be imported" in said and "new photos" not in said
    report = finished.args[1]
    assert (report.photos_new, report.photos_added, report.photos_failed) == (2, 1, 1)
    assert report.to_json()["photos_added"] == 1  # the JSON keeps its fields and adds this one
    line = window.activity_model.texts()[-1]
    assert line.startswith("Import finished: 1 photo added") and "1 file could not be imported" in line, line
    banner = window.failure_banner.label.text()
    assert banner == "1 file could not be imported.", banner  # the list is behind Show Details; the import is over


def test_cancel_mid_import_leaves_a_consistent_library_that_a_later_import_completes(
        qtbot, tmp_path, photos_dir, labels):
    window = open_window(qtbot, tmp_path / "lib")
    controller = window.controller
    with qtbot.waitSignal(controller.jobFinished, timeout=IMPORT_TIMEOUT_MS) as finished:
        window.import_paths([str(photos_dir)])
        qtbot.waitUntil(lambda: controller.progress.done >= 6, timeout=IMPORT_TIMEOUT_MS)
        window.cancel_import()
    report = finished.args[1]
    assert report.cancelled and report.pending > 0
    with open_library(tmp_path / "lib") as lib:
        assert lib.integrity_check() == "ok"
        # Every photo that is in is complete: recorded as done with its faces, people consistent.
        done = lib.photo_count()
        assert 0 < done < 26
        orphans = lib.conn.execute("SELECT count(*) FROM faces f LEFT JOIN people p ON p.person_id = f.person_id"
                                   " WHERE f.person_id IS NOT NULL AND p.person_id IS NULL").fetchone()[0]
        assert orphans == 0
    qtbot.waitUntil(lambda: not controller.busy, timeout=5000)
    with qtbot.waitSignal(controller.jobFinished, timeout=IMPORT_TIMEOUT_MS) as finished:
        window.import_paths([str(photos_dir)])
    second = finished.args[1]
    assert not second.cancelled and second.pending == 0 and second.photos_unchanged >= done
    with open_library(tmp_path / "lib") as lib:
        assert lib.photo_count() == 26
        assert grouping_errors(lib, photos_dir, labels) == []
    qtbot.waitUntil(lambda: grid_counts(window) == expected_photo_counts(labels, ("",)), timeout=10_000)


@pytest.mark.slow
def test_the_window_never_stalls_while_importing(qtbot, tmp_path, photos_dir, labels, record_property, capsys):
    """A heartbeat timer on the GUI thread records its largest gap while the sample library imports.

    On a loaded machine (the suite runs a test per core beside the import's worker processes) the system
    can leave the whole process waiting for its turn once in a while; that is not the window stalling. So a
    gap over the limit is measured once more, on a fresh library: work the window does on its own thread
    stalls it every time."""
    worst = _largest_stall_while_importing(qtbot, tmp_path / "first", photos_dir, labels, capsys)
    if worst >= 250.0:
        worst = min(worst, _largest_stall_while_importing(qtbot, tmp_path / "again", photos_dir, labels, capsys))
    record_property("gui_stall_ms", round(worst, 1))
    assert worst < 250.0, f"the GUI thread stalled for {worst:.0f} ms"


def _largest_stall_while_importing(qtbot, folder, photos_dir, labels, capsys) -> float:
    from PySide6.QtCore import QTimer

    window = open_window(qtbot, folder / "lib")
    beat_ms = 10
    gaps: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000.0 - beat_ms)
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(beat_ms)
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    started = time.perf_counter()
    with qtbot.waitSignal(window.controller.jobFinished, timeout=IMPORT_TIMEOUT_MS) as finished:
        assert drop_files(window, [photos_dir])
    expected = expected_photo_counts(labels, ("",))
    qtbot.waitUntil(lambda: grid_counts(window) == expected, timeout=10_000)
    qtbot.wait(300)  # thumbnails arrive and paint
    heartbeat.stop()
    seconds = time.perf_counter() - started
    worst = max(gaps)
    with capsys.disabled():
        print(f"\nGUI heartbeat while importing {finished.args[1].photos_seen} photos in {seconds:.1f} s:"
              f" largest stall {worst:.1f} ms over {len(gaps)} beats (limit 250 ms, target 50 ms)")
    assert finished.args[1].photos_failed == 0
    window.close()
    return worst


@pytest.mark.parametrize("error", ["engine", "busy", "config"])
def test_an_import_that_cannot_run_is_a_message_not_a_crash(qtbot, tmp_path, photos_dir, monkeypatch, error):
    import beetroot_desktop.pipeline as pipeline
    from beetroot_desktop.engines.base import EngineConfigError, EngineError
    from beetroot_desktop.library import LibraryBusy

    exc = {"engine": EngineError("Amazon Rekognition refused the request: check the region"),
           "busy": LibraryBusy("another Beetroot is importing into this library; try again when it is done"),
           "config": EngineConfigError("REKOGNITION_COLLECTION_ID is not set")}[error]

    def failing_ingest(*args, **kwargs):
        raise exc

    monkeypatch.setattr(pipeline, "ingest", failing_ingest)
    window = open_window(qtbot, tmp_path / "lib")
    with qtbot.waitSignal(window.controller.jobFailed, timeout=30_000) as failed:
        window.import_paths([str(photos_dir / "events")])
    assert failed.args[1] == str(exc)
    assert window.error_banner.isVisible() and str(exc) in window.error_banner.label.text()
    assert not window.controller.busy
    assert any(str(exc) in line for line in window.activity_model.texts())


def test_an_import_while_another_program_imports_says_so(qtbot, tmp_path, photos_dir):
    from beetroot_desktop.library.lock import ImportLock

    window = open_window(qtbot, tmp_path / "lib")
    # Another window or a `beetroot import` holds the library.
    with ImportLock(tmp_path / "lib"), qtbot.waitSignal(window.controller.jobFailed, timeout=30_000) as failed:
        window.import_paths([str(photos_dir / "events")])
    assert "another Beetroot" in failed.args[1] and window.error_banner.isVisible()
    with qtbot.waitSignal(window.controller.jobFinished, timeout=IMPORT_TIMEOUT_MS) as done:
        window.import_paths([str(photos_dir / "events")])  # once it is free, the same drop works
    assert done.args[1].photos_new == 6
