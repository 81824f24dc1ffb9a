"""Editing people in the desktop app: rename, merge, "Not this person", hide, cover; through the model and
through the window's own actions; kept across a restart and a threshold change."""

from __future__ import annotations

from pathlib import Path

from ui_helpers import IMPORT_TIMEOUT_MS, open_window, person_of

from beetroot_desktop.config import Settings
from beetroot_desktop.library import Library, open_library
from beetroot_desktop.ui.jobs import RegroupJob
from beetroot_desktop.ui.models import NamedRole, role
from beetroot_desktop.ui.photo_models import FaceGridModel


def _people(lib: Library, photos_dir: Path) -> dict[str, str]:
    return {
        "obama": person_of(lib, photos_dir, "family/2019/obama.jpg"),
        "kit": person_of(lib, photos_dir, "family/2020/john1.jpeg"),
        "rose": person_of(lib, photos_dir, "family/2019/rose_img1.jpg"),
        "biden": person_of(lib, photos_dir, "family/2019/biden.jpg"),
        "alex": person_of(lib, photos_dir, "family/2020/alex_img1.jpg"),
        "lin": person_of(lib, photos_dir, "misc/lin-manuel-miranda.png"),
    }


def _face_in(lib: Library, photos_dir: Path, rel: str) -> int:
    photo = lib.photo_by_path(str(photos_dir / rel))
    assert photo is not None
    return int(lib.faces_of_photo(photo.id)[0]["id"])


def _check_edits(lib: Library, photos_dir: Path, ids: dict[str, str], removed_face: int) -> None:
    """The four edits, as the library holds them."""
    obama = lib.resolve_person(person_of(lib, photos_dir, "family/2019/obama.jpg"))
    assert lib.person(obama).name == "Barack Obama"
    assert lib.face(removed_face)["person_id"] is None and lib.face(removed_face)["status"] == "removed"
    alex = person_of(lib, photos_dir, "family/2020/alex_img1.jpg")
    assert person_of(lib, photos_dir, "misc/lin-manuel-miranda.png") == alex
    assert lib.person(alex).name == "Alex"
    biden = person_of(lib, photos_dir, "family/2019/biden.jpg")
    assert lib.person(biden).hidden


def _wait_grid(qtbot, window, names: set[str], absent: set[str]) -> None:
    model = window.people_page.model

    def shown() -> bool:
        ids = set(model.ids())
        if ids & absent:
            return False
        tiles = model.ctx.library.person_tiles(list(ids))
        return names <= {t.name for t in tiles.values()}

    qtbot.waitUntil(shown, timeout=10_000)


def test_edits_through_the_model_survive_a_restart_and_a_threshold_change(qtbot, imported_library, photos_dir):
    lib_dir = imported_library.dir
    ids = _people(imported_library, photos_dir)
    small = _face_in(imported_library, photos_dir, "misc/obama_small.jpg")
    window = open_window(qtbot, lib_dir)
    model = window.people_page.model
    obama_photos = model.extra(ids["obama"]).photos

    assert model.setData(model.index_of(ids["obama"]), "Barack Obama")
    assert role(model.index_of(ids["obama"]), NamedRole)
    model.rename(ids["alex"], "Alex")
    # A drop of Lin's tile onto Alex's asks first (as Ctrl+M does), keeping the drop target by default;
    # the merged person keeps Alex's id and name.
    data = model.mimeData([model.index_of(ids["lin"])])
    assert model.canDropMimeData(data, model.supportedDropActions(), -1, -1, model.index_of(ids["alex"]))
    assert model.dropMimeData(data, model.supportedDropActions(), -1, -1, model.index_of(ids["alex"]))
    qtbot.waitUntil(lambda: getattr(window.people_page, "merge_dialog", None) is not None, timeout=5000)
    dialog = window.people_page.merge_dialog
    assert dialog.target() == ids["alex"]
    dialog.merge_button.click()
    faces = FaceGridModel(window.ctx, person_id=ids["obama"])
    faces.not_this_person([small])
    model.set_hidden([ids["biden"]], True)
    _wait_grid(qtbot, window, {"Barack Obama", "Alex"}, {ids["lin"], ids["biden"]})
    qtbot.waitUntil(lambda: model.extra(ids["obama"]).photos == obama_photos - 1, timeout=10_000)
    qtbot.waitUntil(lambda: model.extra(ids["alex"]).photos == 4, timeout=10_000)  # 3 of Alex + 1 of Lin
    _check_edits(imported_library, photos_dir, ids, small)
    window.close()

    # A restart: a new window on the same library shows the same.
    again = open_window(qtbot, lib_dir)
    _wait_grid(qtbot, again, {"Barack Obama", "Alex"}, {ids["lin"], ids["biden"]})
    # the sidebar's counts are read apart from the grid's people
    qtbot.waitUntil(lambda: again.counts.get("hidden") == 1 and again.counts.get("unassigned") == 1, timeout=10_000)

    # A threshold change (Settings > Match threshold) regroups; the edits hold.
    with qtbot.waitSignal(again.controller.jobFinished, timeout=IMPORT_TIMEOUT_MS) as done:
        again.controller.regroup(90.0, Settings(workers=2, threshold=90.0))
    assert isinstance(done.args[0], RegroupJob)
    _check_edits(imported_library, photos_dir, ids, small)
    _wait_grid(qtbot, again, {"Barack Obama", "Alex"}, {ids["lin"], ids["biden"]})
    assert imported_library.saved_threshold() == 90.0  # kept in the library itself


def test_edits_through_the_window_actions(qtbot, imported_library, photos_dir):
    from PySide6.QtCore import QItemSelectionModel, Qt
    from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

    from beetroot_desktop.ui.pages import MergeDialog

    lib_dir = imported_library.dir
    ids = _people(imported_library, photos_dir)
    small = _face_in(imported_library, photos_dir, "misc/obama_small.jpg")
    window = open_window(qtbot, lib_dir)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    page = window.people_page
    grid, model = page.grid, page.model
    select = QItemSelectionModel.SelectionFlag

    # F2 on a tile opens the name editor; Enter keeps the name.
    grid.setFocus()
    grid.setCurrentIndex(model.index_of(ids["obama"]))
    qtbot.keyClick(grid, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "Barack Obama")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: imported_library.person(ids["obama"]).name == "Barack Obama", timeout=5000)

    # Select Alex and Lin, Ctrl+M, keep Alex.
    imported_library.rename_person(ids["alex"], "Alex")
    grid.selectionModel().clearSelection()
    grid.selectionModel().select(model.index_of(ids["lin"]), select.Select)
    grid.selectionModel().setCurrentIndex(model.index_of(ids["alex"]), select.Select)
    assert window.actions_by_name["merge"].isEnabled()
    qtbot.keyClick(grid, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(MergeDialog)
    assert dialog is not None and dialog.target() == ids["alex"]  # the named one is kept by default
    assert "cannot be undone" not in dialog.findChild(QLabel).text()
    dialog.merge_button.click()
    qtbot.waitUntil(lambda: ids["lin"] not in model.ids(), timeout=10_000)
    window.activateWindow()  # a window manager gives the focus back when the dialog closes
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)

    # Enter opens Obama; on the Faces tab, Delete takes a face out ("Not this person").
    grid.selectionModel().clearSelection()
    grid.setCurrentIndex(model.index_of(ids["obama"]))
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert window.current_page() is window.person_page
    person = window.person_page
    assert person.name_label.text() == "Barack Obama"
    person.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: small in person.faces.ids(), timeout=10_000)
    person.face_grid.setFocus()
    person.face_grid.setCurrentIndex(person.faces.index_of(small))
    qtbot.keyClick(person.face_grid, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: small not in person.faces.ids(), timeout=10_000)
    assert imported_library.face(small)["status"] == "removed"

    # "Use as cover" on the first remaining face.
    cover = person.faces.ids()[0]
    person.face_grid.setCurrentIndex(person.faces.index_of(cover))
    window.actions_by_name["cover"].trigger()
    assert imported_library.person_tiles([ids["obama"]])[ids["obama"]].cover_face_id == cover

    # Escape goes back to People; Ctrl+H hides Biden.
    qtbot.keyClick(person.face_grid, Qt.Key.Key_Escape)
    assert window.current_page() is page
    grid.setFocus()
    grid.selectionModel().clearSelection()
    grid.setCurrentIndex(model.index_of(ids["biden"]))
    qtbot.keyClick(grid, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: ids["biden"] not in model.ids(), timeout=10_000)
    # View > Show Hidden People lists Biden again, marked hidden.
    qtbot.keyClick(grid, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: ids["biden"] in model.ids(), timeout=10_000)
    assert model.extra(ids["biden"]).hidden
    _check_edits(imported_library, photos_dir, ids, small)
    window.close()

    again = open_window(qtbot, lib_dir)
    _wait_grid(qtbot, again, {"Barack Obama", "Alex"}, {ids["lin"], ids["biden"]})


def test_search_and_sort(qtbot, imported_library, photos_dir):
    ids = _people(imported_library, photos_dir)
    imported_library.rename_person(ids["rose"], "Rose Leslie")
    imported_library.rename_person(ids["biden"], "Joe Biden")
    window = open_window(qtbot, imported_library.dir)
    page = window.people_page
    model = page.model
    assert model.ids()[0] == ids["obama"]  # most photos first
    page.sort.setCurrentIndex(page.sort.findData("name"))
    qtbot.waitUntil(lambda: model.ids()[:2] == [ids["biden"], ids["rose"]], timeout=5000)
    page.search.setText("rose")
    qtbot.waitUntil(lambda: model.ids() == [ids["rose"]], timeout=5000)
    page.search.setText("nobody at all")
    qtbot.waitUntil(lambda: model.rowCount() == 0 and page.stack.currentWidget() is page.empty, timeout=5000)
    assert "nobody at all" in page.empty.title.text()


def test_live_refresh_keeps_selection_and_scroll(qtbot, imported_library, photos_dir):
    """A refresh that adds and reorders rows keeps the selected person selected (no model reset)."""
    ids = _people(imported_library, photos_dir)
    window = open_window(qtbot, imported_library.dir)
    model, grid = window.people_page.model, window.people_page.grid
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    grid.setCurrentIndex(model.index_of(ids["rose"]))
    rows = [(pid, model.extra(pid)) for pid in model.ids()]
    model.apply_rows(list(reversed(rows)))  # the order changes under the selection
    assert grid.currentIndex().row() == model.index_of(ids["rose"]).row()
    assert model.ids()[grid.currentIndex().row()] == ids["rose"]
    model.apply_rows([r for r in rows if r[0] != ids["kit"]])
    assert ids["kit"] not in model.ids() and model.ids()[grid.currentIndex().row()] == ids["rose"]
    assert not resets


def test_a_damaged_library_offers_to_start_over_and_imports_the_folders_again(qtbot, tmp_path, photos_dir):
    from PySide6.QtWidgets import QMessageBox

    from beetroot_desktop.library.recovery import remember_import_roots
    from beetroot_desktop.ui.main_window import MainWindow

    lib_dir = tmp_path / "lib"
    lib_dir.mkdir()
    (lib_dir / "library.sqlite3").write_bytes(b"this is not a database" * 100)
    remember_import_roots(lib_dir, [photos_dir / "family" / "2019"])  # what an earlier import left
    window = MainWindow(Settings(workers=2), lib_dir)
    qtbot.addWidget(window)
    window.show()
    assert not window.open_library()
    box = window.recovery_box
    assert box.isVisible() and "damaged" in box.informativeText()
    start = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    with qtbot.waitSignal(window.libraryOpened, timeout=10_000):
        start.click()
    assert window.ctx is not None and window.info_banner.isVisible()
    assert "moved to" in window.info_banner.label.text()
    assert list(lib_dir.glob("library-damaged-*.sqlite3"))  # set aside, not deleted
    with qtbot.waitSignal(window.controller.jobFinished, timeout=IMPORT_TIMEOUT_MS) as done:
        pass
    assert done.args[1].photos_new == 5
    with open_library(lib_dir) as lib:
        assert lib.integrity_check() == "ok" and lib.photo_count() == 5


def test_a_library_from_a_newer_app_is_never_rebuilt(qtbot, tmp_path):
    import sqlite3

    from beetroot_desktop.library.schema import APPLICATION_ID, SCHEMA_VERSION
    from beetroot_desktop.ui.main_window import MainWindow

    lib_dir = tmp_path / "lib"
    lib_dir.mkdir()
    conn = sqlite3.connect(lib_dir / "library.sqlite3")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    conn.commit()
    conn.close()
    window = MainWindow(Settings(), lib_dir)
    qtbot.addWidget(window)
    window.show()
    assert not window.open_library()
    assert not hasattr(window, "recovery_box")
    assert window.error_banner.isVisible() and "newer" in window.error_banner.label.text()
    assert (lib_dir / "library.sqlite3").exists()


def test_a_refresh_while_renaming_keeps_what_the_user_typed(qtbot, imported_library, photos_dir):
    from PySide6.QtWidgets import QApplication, QLineEdit

    ids = _people(imported_library, photos_dir)
    window = open_window(qtbot, imported_library.dir)
    model, grid = window.people_page.model, window.people_page.grid
    grid.setFocus()
    grid.setCurrentIndex(model.index_of(ids["rose"]))
    grid.edit(model.index_of(ids["rose"]))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "Rose")
    window.ctx.changed.emit()  # what an import does every few hundred milliseconds
    qtbot.waitUntil(lambda: not model._loading, timeout=5000)
    qtbot.wait(50)
    assert editor.text() == "Rose"


def test_an_unassigned_face_can_be_added_to_a_person(qtbot, imported_library, photos_dir):
    from beetroot_desktop.ui.pages import PersonPicker

    ids = _people(imported_library, photos_dir)
    small = _face_in(imported_library, photos_dir, "misc/obama_small.jpg")
    imported_library.remove_face_from_person(small)
    window = open_window(qtbot, imported_library.dir)
    window.show_section(2)
    page = window.unassigned_page
    qtbot.waitUntil(lambda: page.model.ids() == [small], timeout=5000)
    picker = page.assign(small)
    assert isinstance(picker, PersonPicker)
    qtbot.waitUntil(lambda: ids["obama"] in picker.model.ids(), timeout=5000)
    picker.grid.setCurrentIndex(picker.model.index_of(ids["obama"]))
    picker.accept()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5000)
    assert imported_library.face(small)["person_id"] == ids["obama"]
