"""The window follows the disk: photos copied into an imported folder appear under their person without a
click, deleted ones leave People and wait in Missing photos (Remove, Locate…), and photos on a drive that
is out of reach stay listed, dimmed, until it is back (with no face work)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from ui_helpers import IMPORT_TIMEOUT_MS, open_window

import beetroot_desktop.ui.watching as watching
from beetroot_desktop.config import Settings
from beetroot_desktop.ui.jobs import ImportJob
from beetroot_desktop.ui.models import OfflineRole, role
from beetroot_desktop.ui.shell import MISSING_ROW
from beetroot_desktop.ui.sync import SyncJob

SYNC_TIMEOUT_MS = 60_000


@pytest.fixture(autouse=True)
def quick_watch(monkeypatch: pytest.MonkeyPatch) -> None:
    """Changes are reported after 0.2 s of quiet (2 s in the app) and roots looked at every 0.3 s."""
    monkeypatch.setattr(watching, "TIMING", (0.2, 2.0, 0.3))


def person_at(library, path: Path) -> str:
    photo = library.photo_by_path(str(path))
    assert photo is not None, path
    faces = library.faces_of_photo(photo.id)
    assert len(faces) == 1 and faces[0]["person_id"], path
    return str(library.resolve_person(str(faces[0]["person_id"])))


def copy_photos(photos_dir: Path, folder: Path, *rels: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for rel in rels:
        shutil.copy2(photos_dir / rel, folder / Path(rel).name)


def imported(qtbot, tmp_path: Path, folder: Path, settings: Settings | None = None):
    """A window on a new library with `folder` imported, its watcher watching it."""
    window = open_window(qtbot, tmp_path / "lib", settings or Settings(workers=2))
    with qtbot.waitSignal(window.controller.jobFinished, timeout=IMPORT_TIMEOUT_MS) as done:
        window.import_paths([str(folder)])
    assert isinstance(done.args[0], ImportJob) and done.args[1].photos_failed == 0
    if window.folder_watch.watcher is not None:
        assert window.folder_watch.watcher.wait_watching(10)
        qtbot.waitUntil(lambda: window.folder_watch.watcher.watched == [str(folder)], timeout=10_000)
    return window


def is_sync(job, _result) -> bool:
    return isinstance(job, SyncJob)


def is_import(job, _result) -> bool:
    return isinstance(job, ImportJob) and not isinstance(job, SyncJob)


def settled(window) -> bool:
    """No job runs or waits (a change may have been reported in two parts: both are synced)."""
    return not window.controller.busy and not window.controller.queue


def test_a_photo_copied_into_an_imported_folder_joins_its_person_and_a_deleted_one_leaves(
        qtbot, tmp_path, photos_dir):
    trip = tmp_path / "Pictures" / "Trip"
    copy_photos(photos_dir, trip, "family/2019/obama.jpg", "family/2019/biden.jpg")
    window = imported(qtbot, tmp_path, trip)
    lib = window.ctx.library
    obama, biden = person_at(lib, trip / "obama.jpg"), person_at(lib, trip / "biden.jpg")
    window.open_person(obama)
    person = window.person_page
    qtbot.waitUntil(lambda: person.photos.rowCount() == 1, timeout=10_000)

    # A new photo of Obama lands in the folder: no click, no import.
    with qtbot.waitSignal(window.controller.jobFinished, timeout=SYNC_TIMEOUT_MS, check_params_cb=is_sync) as done:
        shutil.copy2(photos_dir / "family/2020/obama3.jpg", trip / "obama3.jpg")
    job, result = done.args
    assert job.quiet and job.paths == [str(trip)] and result.report.photos_added == 1
    said = window.statusBar().currentMessage()
    assert said == f"Picked up 1 new photo in {trip}", said
    qtbot.waitUntil(lambda: person.photos.rowCount() == 2, timeout=10_000)
    assert person_at(lib, trip / "obama3.jpg") == obama
    window.back()
    qtbot.waitUntil(lambda: window.people_page.model.extra(obama).photos == 2, timeout=10_000)

    # Biden's only photo is deleted: he leaves People, and Missing photos appears in the sidebar.
    assert window.nav.isRowHidden(MISSING_ROW)
    with qtbot.waitSignal(window.controller.jobFinished, timeout=SYNC_TIMEOUT_MS, check_params_cb=is_sync) as done:
        (trip / "biden.jpg").unlink()
    assert window.statusBar().currentMessage() == f"Picked up changes in {trip}: 1 photo missing"
    qtbot.waitUntil(lambda: biden not in window.people_page.model.ids(), timeout=10_000)
    assert obama in window.people_page.model.ids()
    qtbot.waitUntil(lambda: not window.nav.isRowHidden(MISSING_ROW), timeout=10_000)
    assert window.sidebar.nav_delegate.counts[MISSING_ROW] == 1
    assert window.actions_by_name["go_missing"].isEnabled()
    assert any("Sync of Trip: 1 photo missing" in line for line in window.activity_model.texts())


def test_the_missing_page_removes_photos_for_good_and_locate_follows_moved_ones(
        qtbot, tmp_path, photos_dir, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    trip = tmp_path / "Pictures" / "Trip"
    copy_photos(photos_dir, trip, "family/2019/obama.jpg", "family/2019/biden.jpg", "family/2019/rose_img1.jpg")
    window = imported(qtbot, tmp_path, trip)
    lib = window.ctx.library
    obama, biden = person_at(lib, trip / "obama.jpg"), person_at(lib, trip / "biden.jpg")
    elsewhere, attic = tmp_path / "Elsewhere", tmp_path / "Attic"  # neither imported
    elsewhere.mkdir()
    attic.mkdir()
    with qtbot.waitSignal(window.controller.jobFinished, timeout=SYNC_TIMEOUT_MS, check_params_cb=is_sync):
        shutil.move(str(trip / "obama.jpg"), str(elsewhere / "obama.jpg"))
        shutil.move(str(trip / "biden.jpg"), str(attic / "biden.jpg"))
    qtbot.waitUntil(lambda: window.counts.get("missing") == 2 and settled(window), timeout=SYNC_TIMEOUT_MS)

    window.show_section(MISSING_ROW)
    page = window.missing_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)
    rows = {page.texts(i)[0]: i for i in range(2)}
    assert sorted(rows) == ["biden.jpg", "obama.jpg"]
    _name, status, folder, why = page.texts(rows["biden.jpg"])
    assert status == "Missing" and folder == str(trip) and "gone from its folder" in why
    assert page.header.subtitle.text() == "2 photos missing"
    assert not page.remove_button.isEnabled()  # nothing chosen yet

    # Remove from Library: asked first, with the count of photos and faces, the files left alone.
    attic_bytes = (attic / "biden.jpg").read_bytes()
    page.select([page.rows[rows["biden.jpg"]].photo_id])
    assert page.selected_ids() == [lib.photo_by_path(str(trip / "biden.jpg")).id]
    box = page.remove_selected()
    assert isinstance(box, QMessageBox) and page.confirm_box is box
    assert box.text() == "Remove 1 photo and its 1 face from the library?"
    assert "not touched" in box.informativeText()
    box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    assert (attic / "biden.jpg").read_bytes() == attic_bytes
    assert lib.photo_by_path(str(trip / "biden.jpg")) is None and lib.person(biden) is None
    assert window.statusBar().currentMessage().startswith("Removed 1 photo from the library")

    # Locate…: the folder Obama's photo is in now is imported; the import knows the photo by its content.
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(elsewhere))
    with qtbot.waitSignal(window.controller.jobFinished, timeout=IMPORT_TIMEOUT_MS, check_params_cb=is_import) as done:
        page.locate_button.click()
    job, report = done.args
    assert isinstance(job, ImportJob) and job.paths == [str(elsewhere)]
    assert report.photos_moved == 1 and report.photos_added == 0 and report.engine_calls == 0
    assert person_at(lib, elsewhere / "obama.jpg") == obama
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.empty, timeout=10_000)
    assert page.empty.title.text() == "Nothing is missing"
    window.show_section(0)
    # left with none, it is no longer listed (once the window's counts, read off its thread, say so)
    qtbot.waitUntil(lambda: window.nav.isRowHidden(MISSING_ROW), timeout=10_000)
    qtbot.waitUntil(lambda: window.people_page.model.extra(obama) is not None, timeout=10_000)
    # The folder Locate… imported is watched from now on.
    qtbot.waitUntil(lambda: str(elsewhere) in window.folder_watch.watcher.watched, timeout=10_000)


def test_photos_on_a_drive_out_of_reach_stay_listed_dimmed_and_come_back_without_face_work(
        qtbot, tmp_path, photos_dir):
    drive = tmp_path / "media" / "usb" / "Photos"
    copy_photos(photos_dir, drive, "family/2019/obama.jpg", "family/2019/obama2.jpg")
    window = imported(qtbot, tmp_path, drive, Settings(workers=2, watch_folders=False))
    assert window.folder_watch.watcher is None  # the setting is off: File › Sync Library only
    lib = window.ctx.library
    obama = person_at(lib, drive / "obama.jpg")

    unplugged = tmp_path / "media" / "usb" / "Photos-unplugged"
    drive.rename(unplugged)  # the drive is gone (a folder renamed away reads the same)
    with qtbot.waitSignal(window.controller.jobFinished, timeout=SYNC_TIMEOUT_MS) as done:
        assert window.sync_library() is not None
    job, result = done.args
    assert job.whole and result.report.photos_offline == 2 and result.report.engine_calls == 0
    assert window.statusBar().currentMessage() == "Library synced: 2 photos offline"

    window.show_section(1)  # All Photos: both still listed, dimmed, the tooltip names the drive
    grid = window.photos_page.model
    qtbot.waitUntil(lambda: grid.rowCount() == 2 and all(role(grid.index(r), OfflineRole) for r in range(2)),
                    timeout=10_000)
    from PySide6.QtCore import Qt

    tip = role(grid.index(0), Qt.ItemDataRole.ToolTipRole)
    assert f"On {drive}, which is not connected" in tip
    window.open_person(obama)  # the person keeps them too
    person = window.person_page.photos
    qtbot.waitUntil(lambda: person.rowCount() == 2 and role(person.index(0), OfflineRole), timeout=10_000)
    assert obama in window.people_page.model.ids()
    qtbot.waitUntil(lambda: window.sidebar.nav_delegate.counts[MISSING_ROW] == 2, timeout=10_000)
    window.show_section(MISSING_ROW)
    page = window.missing_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)
    _name, status, _folder, why = page.texts(0)
    assert status == "Offline" and why == f"On {drive}, which is not connected"
    assert page.header.subtitle.text() == "2 photos offline"

    unplugged.rename(drive)  # plugged back in
    with qtbot.waitSignal(window.controller.jobFinished, timeout=SYNC_TIMEOUT_MS) as done:
        window.sync_library()
    result = done.args[1]
    assert result.report.engine_calls == 0 and result.report.photos_added == 0 and result.back == 2
    assert window.statusBar().currentMessage() == "Library synced: 2 photos back"
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.empty, timeout=10_000)
    window.show_section(1)
    qtbot.waitUntil(lambda: grid.rowCount() == 2 and not any(role(grid.index(r), OfflineRole) for r in range(2)),
                    timeout=10_000)


def test_while_watching_an_unplugged_drive_goes_offline_and_comes_back_by_itself(qtbot, tmp_path, photos_dir):
    drive = tmp_path / "usb" / "Photos"
    copy_photos(photos_dir, drive, "family/2019/rose_img1.jpg")
    window = imported(qtbot, tmp_path, drive)
    with qtbot.waitSignal(window.controller.jobFinished, timeout=SYNC_TIMEOUT_MS, check_params_cb=is_sync) as done:
        drive.rename(tmp_path / "usb" / "away")
    assert done.args[1].report.photos_offline == 1
    assert window.statusBar().currentMessage() == f"Picked up changes in {drive}: 1 photo offline"
    with qtbot.waitSignal(window.controller.jobFinished, timeout=SYNC_TIMEOUT_MS, check_params_cb=is_sync) as done:
        (tmp_path / "usb" / "away").rename(drive)
    assert done.args[1].back == 1 and done.args[1].report.engine_calls == 0
    assert window.statusBar().currentMessage() == f"Picked up changes in {drive}: 1 photo back"


def test_changes_reported_during_an_import_wait_for_it_in_one_sync(qtbot, tmp_path, photos_dir):
    window = open_window(qtbot, tmp_path / "lib")
    controller = window.controller
    first = window.import_paths([str(photos_dir / "events")])
    assert controller.current is first
    window._folders_changed([str(tmp_path / "A")])
    window._folders_changed([str(tmp_path / "B"), str(tmp_path / "A")])
    waiting = [j for j in controller.queue if isinstance(j, SyncJob)]
    assert len(waiting) == 1 and waiting[0].paths == [str(tmp_path / "A"), str(tmp_path / "B")]
    window.sync_library()  # File › Sync Library joins it: every folder
    assert len(controller.queue) == 1 and waiting[0].whole and not waiting[0].quiet
    finished: list[object] = []
    controller.jobFinished.connect(lambda job, _r: finished.append(job))
    qtbot.waitUntil(lambda: len(finished) == 2, timeout=IMPORT_TIMEOUT_MS)
    assert finished == [first, waiting[0]]


def test_sync_library_and_the_setting(qtbot, tmp_path, photos_dir):
    from beetroot_desktop.ui.settings_dialog import SettingsChange

    window = open_window(qtbot, tmp_path / "lib")
    sync = window.actions_by_name["sync"]
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    assert sync in file_menu.actions() and sync.text() == "S&ync Library" and sync.isEnabled()
    assert window.sync_library() is None
    assert window.statusBar().currentMessage() == "Nothing to sync yet: import a folder first"

    trip = tmp_path / "Trip"
    copy_photos(photos_dir, trip, "family/2019/rose_img1.jpg")
    with qtbot.waitSignal(window.controller.jobFinished, timeout=IMPORT_TIMEOUT_MS):
        window.import_paths([str(trip)])
    qtbot.waitUntil(lambda: window.folder_watch.active and window.folder_watch.watcher.watched == [str(trip)],
                    timeout=10_000)

    old = window.settings
    off = Settings(**{**old.to_json(), "watch_folders": False})
    window.apply_settings(SettingsChange(old, off))
    assert not window.folder_watch.active
    copy_photos(photos_dir, trip, "family/2019/rose_img2.jpg")
    qtbot.wait(800)  # four times the quiet the test gives the watcher
    assert not window.controller.busy and not window.controller.queue
    with qtbot.waitSignal(window.controller.jobFinished, timeout=SYNC_TIMEOUT_MS) as done:
        sync.trigger()
    assert done.args[1].report.photos_added == 1
    assert window.statusBar().currentMessage() == "Library synced: 1 new photo"

    window.apply_settings(SettingsChange(off, Settings(**{**off.to_json(), "watch_folders": True})))
    assert window.folder_watch.active
    watcher = window.folder_watch.watcher
    window.close()  # quitting stops the watcher's threads
    assert not watcher.running and window.folder_watch.watcher is None


def test_the_settings_dialog_offers_watching_on_the_library_page(qtbot, tmp_path):
    from beetroot_desktop.config import load_settings

    window = open_window(qtbot, tmp_path / "lib")
    dialog = window.open_settings()
    box = dialog.library_page.watch
    assert box.text() == "Watch imported folders and import changes automatically" and box.isChecked()
    box.setChecked(False)
    assert dialog.save()
    assert load_settings().watch_folders is False and window.settings.watch_folders is False
    assert not window.folder_watch.active


def test_what_cannot_be_watched_is_said_once(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path / "lib")
    text = "1 folder is not watched: the system's limit on watched folders is reached"
    window.folder_watch.problemChanged.emit(text)
    assert window.info_banner.isVisible() and text in window.info_banner.label.text()
    assert "Sync Library" in window.info_banner.label.text()
    window.info_banner.dismiss()
    window.folder_watch.problemChanged.emit(text)  # the same problem again: not shown again
    assert not window.info_banner.isVisible()


def test_a_sync_never_lists_again_a_file_it_already_said_it_could_not_import(qtbot, tmp_path):
    folder = tmp_path / "Mixed"
    folder.mkdir()
    (folder / "broken.jpg").write_bytes(b"not a jpeg at all")
    window = open_window(qtbot, tmp_path / "lib", Settings(workers=2, watch_folders=False))
    with qtbot.waitSignal(window.controller.jobFinished, timeout=IMPORT_TIMEOUT_MS):
        window.import_paths([str(folder)])
    assert window.failure_banner.isVisible()
    window.failure_banner.dismiss()
    with qtbot.waitSignal(window.controller.jobFinished, timeout=SYNC_TIMEOUT_MS) as done:
        window.sync_library()
    assert done.args[1].repeated == 1 and done.args[1].parts() == []
    assert not window.failure_banner.isVisible() and window.failures == []
    assert window.statusBar().currentMessage() == "Library synced: nothing changed"
    (folder / "broken2.jpg").write_bytes(b"not a jpeg either")  # a new one is said, once
    with qtbot.waitSignal(window.controller.jobFinished, timeout=SYNC_TIMEOUT_MS):
        window.sync_library()
    assert [Path(p).name for p, _ in window.failures] == ["broken2.jpg"]
    assert window.statusBar().currentMessage() == "Library synced: 1 file could not be imported"


def test_the_watcher_follows_the_library_the_window_opens(qtbot, tmp_path):
    from beetroot_desktop.library.recovery import remember_import_roots

    first, second = tmp_path / "First", tmp_path / "Second"
    first.mkdir()
    second.mkdir()
    remember_import_roots(tmp_path / "lib-a", [first])
    remember_import_roots(tmp_path / "lib-b", [second])
    window = open_window(qtbot, tmp_path / "lib-a")
    watcher = window.folder_watch.watcher
    qtbot.waitUntil(lambda: watcher.watched == [str(first)], timeout=10_000)
    window.library_dir = tmp_path / "lib-b"
    assert window.open_library()
    assert window.folder_watch.watcher is watcher  # one watcher, pointed elsewhere
    qtbot.waitUntil(lambda: watcher.watched == [str(second)], timeout=10_000)
    with qtbot.waitSignal(window.folder_watch.foldersChanged, timeout=10_000) as told:
        (first / "old.jpg").write_bytes(b"o")  # the first library's folder: not watched any more
        (second / "new.jpg").write_bytes(b"n")
    assert told.args[0] == [str(second)]
