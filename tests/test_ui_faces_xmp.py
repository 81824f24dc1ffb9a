"""Faces and names in the desktop app: the People grid's "in at least N photos", Not a face and Ignore, a face
drawn by hand in the viewer (mouse and keys), names out to XMP sidecars (from the menu, and kept up to
date as names change), Photos Together, exporting a person's photos, and forgetting a person."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from ui_helpers import face_in, open_window, person_of

from beetroot_desktop.config import Settings
from beetroot_desktop.library import Library, open_library
from beetroot_desktop.ui import ops

COPIED = ("events/two_people.jpg", "family/2019/obama.jpg", "family/2019/biden.jpg")  # Obama and Biden


def wait_edit(qtbot: Any, window: Any) -> None:
    """An edit running on the writer thread (adding a face) has been made."""
    qtbot.waitUntil(lambda: not window.ctx.edit_running, timeout=60_000)


def run_job(qtbot: Any, window: Any, start: Any) -> Any:
    """Start a job from the window (`start()`) and wait for it; returns (job, result)."""
    with qtbot.waitSignal(window.controller.jobFinished, timeout=120_000) as done:
        start()
    return done.args


def activate(qtbot: Any, window: Any) -> None:
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)


def key(qtbot: Any, window: Any, which: Any, modifier: Any = None) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    qtbot.keyClick(QApplication.focusWidget() or window, which, modifier or Qt.KeyboardModifier.NoModifier)


@pytest.fixture
def copied_library(photos_dir: Path, tmp_path: Path) -> Any:
    """A library of copies of three sample photos (sidecars are written beside them, never in tests/data)."""
    from beetroot_desktop.engines.local import LocalEngine
    from beetroot_desktop.pipeline import ingest

    folder = tmp_path / "photos"
    for rel in COPIED:
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(photos_dir / rel, folder / rel)
    lib = open_library(tmp_path / "library")
    ingest([folder], lib, LocalEngine(lib), threshold=95.0, workers=1)
    yield lib, folder
    lib.close()


def sidecar_names(path: Path) -> list[str]:
    """The names in a sidecar, read by exiftool when it is installed, else by the app's own parser."""
    if shutil.which("exiftool"):
        out = subprocess.run(["exiftool", "-q", "-m", "-j", "-struct", "-RegionInfo", str(path)], check=True,
                             capture_output=True, text=True).stdout
        regions = json.loads(out)[0].get("RegionInfo", {}).get("RegionList", [])
        return sorted(r["Name"] for r in regions if r.get("Name"))
    from beetroot_desktop.imaging.xmp_regions import parse_regions

    return sorted({r.name for r in parse_regions(path.read_bytes()) if r.name})


# -- the People grid's filter ----------------------------------------------------------------------------------
def test_people_seen_in_fewer_photos_leave_the_grid_and_named_people_stay(qtbot, imported_library, photos_dir,
                                                                          monkeypatch):
    from beetroot_desktop.library import Library as LibraryClass

    lib = imported_library
    lin = person_of(lib, photos_dir, "misc/lin-manuel-miranda.png")  # in one photo
    alex = person_of(lib, photos_dir, "family/2020/alex_img1.jpg")  # in three
    window = open_window(qtbot, lib.dir)
    page = window.people_page
    assert lin in page.model.ids() and page.least.currentData() == 1  # a small library: everyone
    assert "strangers in the background" in page.least.toolTip() and "named people always show" in page.least.toolTip()
    page.least.setCurrentIndex(page.least.findData(2))
    page.least.activated.emit(page.least.currentIndex())  # as a choice in the box makes it
    qtbot.waitUntil(lambda: lin not in page.model.ids(), timeout=10_000)
    assert alex in page.model.ids()
    assert all(page.model.extra(pid).photos >= 2 for pid in page.model.ids())
    assert page.model.rename(lin, "Lin-Manuel Miranda")  # a name: shown whatever the filter
    qtbot.waitUntil(lambda: lin in page.model.ids(), timeout=10_000)
    window.close()

    # A library whose people are mostly seen once starts at 2 (library.suggested_min_photos says when).
    monkeypatch.setattr(LibraryClass, "suggested_min_photos", lambda self: 2)
    with open_library(lib.dir) as other:
        other.rename_person(lin, None)
    window = open_window(qtbot, lib.dir)
    page = window.people_page
    qtbot.waitUntil(lambda: page.least.currentData() == 2, timeout=10_000)
    assert lin not in page.model.ids() and alex in page.model.ids()
    assert "most people in this library are seen only once" in page.least.toolTip()


# -- Not a face, Ignore ---------------------------------------------------------------------------------------
def test_not_a_face_and_ignore_from_the_faces_tab_and_unassigned_faces(qtbot, imported_library, photos_dir):
    from PySide6.QtCore import QItemSelectionModel, Qt

    lib = imported_library
    obama = person_of(lib, photos_dir, "family/2019/obama.jpg")
    small = face_in(lib, photos_dir, "misc/obama_small.jpg")
    partial = face_in(lib, photos_dir, "misc/obama_partial_face.jpg")
    window = open_window(qtbot, lib.dir)
    window.open_person(obama)
    person = window.person_page
    person.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: small in person.faces.ids(), timeout=10_000)
    person.face_grid.selectionModel().select(person.faces.index_of(small), QItemSelectionModel.SelectionFlag.Select)
    activate(qtbot, window)
    person.face_grid.setFocus()
    key(qtbot, window, Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier)  # Edit › Not a Face
    face = lib.face(small)
    assert face["not_a_face"] == 1 and face["person_id"] is None
    assert lib.next_undo().label == "Not a face"
    assert small not in lib.face_ids(unassigned=True)  # in no list any more
    window.undo()
    assert lib.face(small)["person_id"] == obama and lib.face(small)["not_a_face"] == 0

    # Unassigned faces: a face taken out of its person, then ignored (a stranger in the background).
    assert ops.not_this_person(window.ctx, [partial])
    window.show_section(2)
    unassigned = window.unassigned_page
    qtbot.waitUntil(lambda: partial in unassigned.model.ids(), timeout=10_000)
    unassigned.grid.selectionModel().select(unassigned.model.index_of(partial),
                                            QItemSelectionModel.SelectionFlag.Select)
    unassigned.grid.setFocus()
    key(qtbot, window, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)  # Edit › Ignore Face
    assert lib.face(partial)["reason"].startswith("ignored by you")
    assert lib.next_undo().label == "Ignore face"
    qtbot.waitUntil(lambda: partial not in unassigned.model.ids(), timeout=10_000)
    assert not window.error_banner.isVisible()


# -- a face drawn by hand -------------------------------------------------------------------------------------
def _viewer_on(qtbot: Any, window: Any, lib: Library, path: Path) -> Any:
    from PySide6.QtWidgets import QApplication

    photo = lib.photo_by_path(str(path))
    window.open_photos([photo.id], 0)
    viewer = window.viewer
    qtbot.waitUntil(lambda: viewer.sharp, timeout=20_000)
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # not the second click of the double-click that opened it
    return viewer


def _on_screen(viewer: Any, x: float, y: float) -> Any:
    """Where a point of the photo (upright pixels) is in the viewer."""
    from PySide6.QtCore import QPoint

    target, scale = viewer.image_rect(), viewer._scale()
    return QPoint(round(target.x() + x * scale), round(target.y() + y * scale))


def test_a_face_drawn_with_the_mouse_in_the_viewer_is_added_by_hand(qtbot, imported_library, photos_dir):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    lib = imported_library
    obama = person_of(lib, photos_dir, "family/2019/obama.jpg")
    window = open_window(qtbot, lib.dir)
    assert window.people_page.model.rename(obama, "Barack Obama")
    path = photos_dir / "events/kit_with_rose.jpg"  # Obama is not in it: he can be a face of it
    viewer = _viewer_on(qtbot, window, lib, path)
    before = {f["id"] for f in viewer.faces}
    width, height = viewer.photo["width"], viewer.photo["height"]
    start, end = _on_screen(viewer, width * 0.05, height * 0.55), _on_screen(viewer, width * 0.22, height * 0.8)
    QTest.mousePress(viewer, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewer, start + (end - start) / 2)
    QTest.mouseMove(viewer, end)
    QTest.mouseRelease(viewer, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    qtbot.waitUntil(lambda: viewer.face_dialog is not None, timeout=5000)
    dialog = viewer.face_dialog
    assert "Barack Obama" in dialog.people  # the completer knows the names
    dialog.name.setText("barack obama")
    dialog.add_button.click()
    wait_edit(qtbot, window)
    added = [f for f in lib.faces_of_photo(lib.photo_by_path(str(path)).id) if f["id"] not in before]
    assert len(added) == 1
    face = lib.face(added[0]["id"])
    assert face["origin"] == "hand" and face["person_id"] == obama
    assert abs(face["left"] - width * 0.05) < width * 0.02 and abs(face["width"] - width * 0.17) < width * 0.03
    assert lib.next_undo().label == "Add face"
    qtbot.waitUntil(lambda: any(f["id"] == face["id"] for f in viewer.faces), timeout=10_000)  # drawn now
    assert window.statusBar().currentMessage().startswith("Face added to Barack Obama")
    assert not window.error_banner.isVisible()


def test_a_face_placed_with_the_keys_and_escape_cancels(qtbot, imported_library, photos_dir):
    from PySide6.QtCore import Qt

    lib = imported_library
    path = photos_dir / "family/2019/rose_img1.jpg"
    window = open_window(qtbot, lib.dir)
    viewer = _viewer_on(qtbot, window, lib, path)
    activate(qtbot, window)
    viewer.setFocus()
    key(qtbot, window, Qt.Key.Key_F)  # Edit › Add Face…: a box in the middle
    assert viewer.drawing.active and viewer.drawing.box is not None
    key(qtbot, window, Qt.Key.Key_Escape)  # gives up; the viewer stays
    assert not viewer.drawing.showing and window.current_page() is viewer
    key(qtbot, window, Qt.Key.Key_F)
    first = viewer.drawing.box
    for _ in range(3):
        key(qtbot, window, Qt.Key.Key_Left)
    key(qtbot, window, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)  # taller
    box = viewer.drawing.box
    assert box.x() < first.x() and box.height() > first.height() and box.width() == first.width()
    key(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: viewer.face_dialog is not None, timeout=5000)
    viewer.face_dialog.name.setText("")  # empty: the engine matches it, as an import would
    viewer.face_dialog.add_button.click()
    wait_edit(qtbot, window)
    hand = [f for f in lib.faces_of_photo(lib.photo_by_path(str(path)).id) if lib.face(f["id"])["origin"] == "hand"]
    assert len(hand) == 1
    assert not window.error_banner.isVisible()


# -- names out to XMP sidecars --------------------------------------------------------------------------------
def test_names_exported_to_xmp_from_the_menu_and_kept_up_to_date(qtbot, copied_library):
    lib, folder = copied_library
    obama = person_of(lib, folder, "family/2019/obama.jpg")
    biden = person_of(lib, folder, "family/2019/biden.jpg")
    photo = folder / "events/two_people.jpg"
    before = photo.read_bytes()
    window = open_window(qtbot, lib.dir)
    assert window.people_page.model.rename(obama, "Barack Obama")
    window.actions_by_name["export_xmp"].trigger()  # File › Export Names to XMP…
    dialog = window.xmp_dialog
    assert dialog.convention() == "jpg.xmp"
    _job, report = run_job(qtbot, window, dialog.export_button.click)
    assert report.written == 2 and report.skipped == []  # two_people.jpg and obama.jpg name Obama
    assert sidecar_names(Path(f"{photo}.xmp")) == ["Barack Obama"]
    assert photo.read_bytes() == before  # the photo itself is never touched
    assert "Wrote 2 XMP sidecars" in window.statusBar().currentMessage()
    assert not (folder / "family/2019/biden.jpg.xmp").exists()

    # Keep them up to date: the next renames reach the sidecars of those photos only.
    settings = Settings(**{**window.settings.to_json(), "xmp_sync": True})
    from beetroot_desktop.ui.settings_dialog import SettingsChange

    window.apply_settings(SettingsChange(window.settings, settings))
    qtbot.waitUntil(lambda: not window.xmp_sync.busy, timeout=10_000)  # the names as they are, noted
    assert window.people_page.model.rename(biden, "Joe Biden")
    qtbot.waitUntil(lambda: sidecar_names(Path(f"{photo}.xmp")) == ["Barack Obama", "Joe Biden"], timeout=20_000)
    assert sidecar_names(folder / "family/2019/biden.jpg.xmp") == ["Joe Biden"]
    assert window.people_page.model.rename(biden, "Joseph Biden")  # the region of his face gets the new name
    qtbot.waitUntil(lambda: sidecar_names(Path(f"{photo}.xmp")) == ["Barack Obama", "Joseph Biden"], timeout=20_000)
    assert sidecar_names(folder / "family/2019/biden.jpg.xmp") == ["Joseph Biden"]
    assert sidecar_names(folder / "family/2019/obama.jpg.xmp") == ["Barack Obama"]
    window.undo()  # an undo is an edit like any other
    qtbot.waitUntil(lambda: sidecar_names(folder / "family/2019/biden.jpg.xmp") == ["Joe Biden"], timeout=20_000)
    assert photo.read_bytes() == before


# -- photos together, export, forget ---------------------------------------------------------------------------
def test_photos_together_from_the_grid_and_with_from_a_person(qtbot, imported_library, photos_dir):
    from PySide6.QtCore import QItemSelectionModel, Qt

    lib = imported_library
    obama = person_of(lib, photos_dir, "family/2019/obama.jpg")
    biden = person_of(lib, photos_dir, "family/2019/biden.jpg")
    together = {lib.photo_by_path(str(photos_dir / rel)).id for rel in ("events/obama_and_biden.jpg",
                                                                        "events/two_people.jpg")}
    window = open_window(qtbot, lib.dir)
    grid = window.people_page.grid
    model = window.people_page.model
    for pid in (obama, biden):
        grid.selectionModel().select(model.index_of(pid), QItemSelectionModel.SelectionFlag.Select)
    activate(qtbot, window)
    grid.setFocus()
    key(qtbot, window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)  # People › Photos Together
    page = window.together_page
    assert window.current_page() is page
    qtbot.waitUntil(lambda: set(page.model.ids()) == together, timeout=10_000)
    assert page.header.subtitle.text() == "2 photos together"
    page.only.setChecked(True)  # the child in obama_and_biden.jpg is someone else
    qtbot.waitUntil(lambda: page.model.ids() == [lib.photo_by_path(str(photos_dir / "events/two_people.jpg")).id],
                    timeout=10_000)
    key(qtbot, window, Qt.Key.Key_Escape)
    assert window.current_page() is window.people_page

    window.open_person(obama)
    window.person_page.with_button.click()  # "With…": pick Biden
    picker = window.person_page.with_dialog
    qtbot.waitUntil(lambda: picker.model.index_of(biden).isValid(), timeout=10_000)
    assert not picker.model.index_of(obama).isValid()  # not with himself
    picker.grid.setCurrentIndex(picker.model.index_of(biden))
    picker.accept()
    assert window.current_page() is page
    qtbot.waitUntil(lambda: set(page.model.ids()) == together, timeout=10_000)


def test_export_a_persons_photos_from_the_person_page(qtbot, imported_library, photos_dir, tmp_path):
    lib = imported_library
    biden = person_of(lib, photos_dir, "family/2019/biden.jpg")
    window = open_window(qtbot, lib.dir)
    window.open_person(biden)
    window.actions_by_name["export_photos"].trigger()  # People › Export Photos… (also in the page's ⋯ menu)
    dialog = window.export_dialog
    assert window.actions_by_name["export_photos"] in window.person_page.more_button.menu().actions()
    dialog.folder.setText(str(tmp_path / "Biden"))
    run_job(qtbot, window, dialog.export_button.click)
    names = sorted(p.name for p in (tmp_path / "Biden").iterdir())
    assert names == ["biden.jpg", "biden2.jpg", "obama_and_biden.jpg", "two_people.jpg"]
    assert (tmp_path / "Biden" / "biden.jpg").read_bytes() == (photos_dir / "family/2019/biden.jpg").read_bytes()
    assert window.statusBar().currentMessage().startswith("Copied 4 photos of Unnamed person to")
    _, again = run_job(qtbot, window, lambda: (window.export_photos(), window.export_dialog.folder.setText(
        str(tmp_path / "Biden")), window.export_dialog.export_button.click()))
    assert all(e.how == "already there" for e in again.exported)  # exporting again adds only what is new


def test_forget_a_person_after_saying_exactly_what_goes(qtbot, imported_library, photos_dir):
    from PySide6.QtWidgets import QDialogButtonBox

    lib = imported_library
    lin = person_of(lib, photos_dir, "misc/lin-manuel-miranda.png")
    window = open_window(qtbot, lib.dir)
    assert window.people_page.model.rename(lin, "Lin-Manuel Miranda")
    window.open_person(lin)
    dialog = window.forget_person()
    text = dialog.text.text()
    assert "1 face in 1 photo, with their face descriptors and face thumbnails" in text
    assert "the name “Lin-Manuel Miranda”" in text and "The photos stay" in text and "cannot be undone" in text
    cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.isDefault() and not dialog.confirm_button.isDefault()  # Enter does not forget
    dialog.reject()
    assert lib.person(lin) is not None  # nothing without the confirmation

    dialog = window.forget_person()
    _job, report = run_job(qtbot, window, dialog.confirm_button.click)
    assert report.faces == 1 and lib.person(lin) is None and lib.find_people("Lin-Manuel Miranda") == []
    photo = lib.photo_by_path(str(photos_dir / "misc/lin-manuel-miranda.png"))
    assert photo is not None and lib.faces_of_photo(photo.id) == []  # the photo stays, without the face
    assert window.current_page() is window.people_page
    qtbot.waitUntil(lambda: lin not in window.people_page.model.ids(), timeout=10_000)
    assert window.statusBar().currentMessage().startswith("Forgot Lin-Manuel Miranda: deleted 1 face")
    assert not window.error_banner.isVisible()


def test_on_a_cloud_library_forget_deletes_their_faces_there_and_the_collection_can_be_deleted(
        qtbot, cloud_library, monkeypatch):
    from cloud_helpers import fake_aws_env

    lib, fake = cloud_library
    lin = next(f["person_id"] for f in lib.all_faces() if f["path"].endswith("lin-manuel-miranda.png"))
    plan = lib.forget_plan(lin)
    assert plan.engine_face_ids and all(fid in fake.collections["beetroot-faces"] for fid in plan.engine_face_ids)
    with fake_aws_env(fake, monkeypatch):
        window = open_window(qtbot, lib.dir, Settings(engine="rekognition", aws_region="us-east-1", workers=2,
                                                      rate_limit=1000.0))
        window.open_person(lin)
        dialog = window.forget_person()
        assert "in the Amazon Rekognition collection beetroot-faces" in dialog.text.text()
        _job, report = run_job(qtbot, window, dialog.confirm_button.click)
        assert report.cloud_faces == len(plan.engine_face_ids)
        assert not any(fid in fake.collections["beetroot-faces"] for fid in plan.engine_face_ids)

        assert window.actions_by_name["delete_collection"].isEnabled()
        window.actions_by_name["delete_collection"].trigger()  # File › Delete Cloud Collection…
        qtbot.waitUntil(lambda: getattr(window, "delete_collection_dialog", None) is not None, timeout=20_000)
        dialog = window.delete_collection_dialog
        assert "beetroot-faces" in dialog.text.text() and "cannot be undone" in dialog.text.text()
        _job, result = run_job(qtbot, window, dialog.confirm_button.click)
        assert result.existed and "beetroot-faces" not in fake.collections
        assert window.statusBar().currentMessage().startswith("Deleted the Amazon Rekognition collection")
        assert window.info_banner.isVisible()  # what that means for new photos
