"""Undo and redo, split, drag-to-merge in the real view, refused edits and regrouping, in the desktop app.

The edit history lives in the library file (library/edits.py); the window names the next edit in
Edit › Undo / Redo, follows changes other windows and commands make, and never raises on an edit the
library refuses.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from ui_helpers import IMPORT_TIMEOUT_MS, ScriptedDrag, face_in, open_window, person_of

from beetroot_desktop.config import Settings
from beetroot_desktop.library import Library, open_library


def _ids(lib: Library, photos_dir: Path) -> dict[str, str]:
    return {
        "obama": person_of(lib, photos_dir, "family/2019/obama.jpg"),
        "kit": person_of(lib, photos_dir, "family/2020/john1.jpeg"),
        "rose": person_of(lib, photos_dir, "family/2019/rose_img1.jpg"),
        "alex": person_of(lib, photos_dir, "family/2020/alex_img1.jpg"),
        "lin": person_of(lib, photos_dir, "misc/lin-manuel-miranda.png"),
    }


def _grouping(lib: Library) -> dict[int, str | None]:
    return {int(f["id"]): f["person_id"] for f in lib.all_faces()}


def _activate(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)


def test_undo_and_redo_name_the_edit_and_survive_a_restart(qtbot, imported_library, photos_dir):
    from PySide6.QtCore import Qt

    ids = _ids(imported_library, photos_dir)
    window = open_window(qtbot, imported_library.dir)
    _activate(qtbot, window)
    undo, redo = window.actions_by_name["undo"], window.actions_by_name["redo"]
    assert undo.shortcut().toString() == "Ctrl+Z" and redo.shortcut().toString() == "Ctrl+Shift+Z"
    assert not undo.isEnabled() and not redo.isEnabled()  # an import is not an edit: nothing to undo yet
    page, model = window.people_page, window.people_page.model

    # Rename: Edit › Undo names it; undoing clears the name in the grid, redoing brings it back.
    assert model.rename(ids["obama"], "Ann")
    assert undo.isEnabled() and undo.text() == "&Undo Rename to “Ann”"
    assert not redo.isEnabled() and redo.text() == "&Redo"
    undo.trigger()
    assert imported_library.person(ids["obama"]).name is None
    qtbot.waitUntil(lambda: page.model.tile(page.model.index_of(ids["obama"]).row()).name is None, timeout=5000)
    assert not undo.isEnabled() and redo.text() == "&Redo Rename to “Ann”"
    redo.trigger()
    assert imported_library.person(ids["obama"]).name == "Ann"
    assert undo.text() == "&Undo Rename to “Ann”" and not redo.isEnabled()

    # Merge, then Ctrl+Z in the grid: Lin is back, with the People count in the sidebar.
    assert model.merge([ids["lin"]], ids["alex"])
    qtbot.waitUntil(lambda: ids["lin"] not in model.ids() and window.counts.get("people") == 6, timeout=10_000)
    assert undo.text() == "&Undo Merge people"
    page.grid.setFocus()
    qtbot.keyClick(page.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert imported_library.resolve_person(ids["lin"]) == ids["lin"]
    qtbot.waitUntil(lambda: ids["lin"] in model.ids() and window.counts.get("people") == 7, timeout=10_000)
    assert model.extra(ids["alex"]).photos == 3
    assert undo.text() == "&Undo Rename to “Ann”" and redo.text() == "&Redo Merge people"
    window.close()

    # The history is in the library file: a new window offers the same, and redoes the merge.
    again = open_window(qtbot, imported_library.dir)
    _activate(qtbot, again)
    undo, redo = again.actions_by_name["undo"], again.actions_by_name["redo"]
    assert undo.text() == "&Undo Rename to “Ann”" and redo.text() == "&Redo Merge people"
    again.people_page.grid.setFocus()
    qtbot.keyClick(again.people_page.grid, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert imported_library.resolve_person(ids["lin"]) == ids["alex"]
    qtbot.waitUntil(lambda: ids["lin"] not in again.people_page.model.ids(), timeout=10_000)
    assert again.people_page.model.extra(ids["alex"]).photos == 4
    assert undo.text() == "&Undo Merge people" and not redo.isEnabled()


def test_edits_made_elsewhere_show_up_in_the_window_and_its_undo_menu(qtbot, imported_library, photos_dir):
    ids = _ids(imported_library, photos_dir)
    window = open_window(qtbot, imported_library.dir)
    undo = window.actions_by_name["undo"]
    assert not undo.isEnabled()
    with open_library(imported_library.dir) as other:  # another window, or `beetroot rename`
        other.rename_person(ids["kit"], "Kit")
    qtbot.waitUntil(lambda: undo.text() == "&Undo Rename to “Kit”", timeout=5000)
    model = window.people_page.model
    qtbot.waitUntil(lambda: model.tile(model.index_of(ids["kit"]).row()).name == "Kit", timeout=5000)
    undo.trigger()
    assert imported_library.person(ids["kit"]).name is None


def test_shortcut_list_names_undo_and_redo(qtbot, imported_library):
    from PySide6.QtWidgets import QTreeWidget

    window = open_window(qtbot, imported_library.dir)
    dialog = window.show_shortcuts()
    tree = dialog.findChild(QTreeWidget)
    rows = {tree.topLevelItem(i).text(0): tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())}
    assert "Undo" in rows["Ctrl+Z"] and "Redo" in rows["Ctrl+Shift+Z"]
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    texts = [a.text() for a in edit_menu.actions()]
    assert texts[:2] == ["&Undo", "&Redo"] and "&Split Person…" in texts


def test_split_selected_faces_into_a_new_person_then_undo(qtbot, imported_library, photos_dir):
    ids = _ids(imported_library, photos_dir)
    wrong = [face_in(imported_library, photos_dir, rel) for rel in ("misc/obama-240p.jpg", "misc/obama-480p.jpg")]
    window = open_window(qtbot, imported_library.dir)
    window.open_person(ids["obama"])
    person = window.person_page
    split = window.actions_by_name["split"]
    assert split.isEnabled()
    split.trigger()  # nothing selected and nobody merged in: the Faces tab says what to do
    assert person.tabs.currentIndex() == 1 and person.split_button.isVisible()
    qtbot.waitUntil(lambda: set(wrong) <= set(person.faces.ids()), timeout=10_000)
    selection = person.face_grid.selectionModel()
    from PySide6.QtCore import QItemSelectionModel

    for face in wrong:
        selection.select(person.faces.index_of(face), QItemSelectionModel.SelectionFlag.Select)
    person.split_button.click()  # no one merged in: the faces are split off at once, no dialog
    made = imported_library.face(wrong[0])["person_id"]
    assert made not in (None, ids["obama"]) and imported_library.face(wrong[1])["person_id"] == made
    assert imported_library.person(made).faces == 2
    qtbot.waitUntil(lambda: not set(wrong) & set(person.faces.ids()), timeout=10_000)
    assert window.actions_by_name["undo"].text() == "&Undo Split person"
    # Back in People, the new person is there and selected.
    window.back()
    page = window.people_page
    qtbot.waitUntil(lambda: page.selected_ids() == [made], timeout=10_000)

    window.undo()
    assert {imported_library.face(f)["person_id"] for f in wrong} == {ids["obama"]}
    qtbot.waitUntil(lambda: made not in page.model.ids(), timeout=10_000)


def test_split_a_formerly_merged_person_off_in_the_dialog(qtbot, imported_library, photos_dir):
    from beetroot_desktop.ui.person_page import SplitDialog

    ids = _ids(imported_library, photos_dir)
    imported_library.rename_person(ids["alex"], "Alex")
    imported_library.rename_person(ids["lin"], "Lin")
    imported_library.merge_people([ids["lin"]], ids["alex"])
    window = open_window(qtbot, imported_library.dir)
    window.open_person(ids["alex"])
    person = window.person_page
    qtbot.waitUntil(lambda: person.faces.rowCount() == 4, timeout=10_000)

    dialog = person.split()
    assert isinstance(dialog, SplitDialog) and dialog.isVisible()
    assert dialog.list.count() == 1 and "Lin" in dialog.list.item(0).text()
    assert dialog.chosen_people() == [ids["lin"]] and dialog.chosen_faces() == []  # the only one: ticked
    dialog.set_checked(ids["lin"], False)
    assert not dialog.split_button.isEnabled()
    dialog.set_checked(ids["lin"])
    dialog.split_button.click()
    assert imported_library.resolve_person(ids["lin"]) == ids["lin"]
    assert imported_library.person(ids["lin"]).faces == 1 and imported_library.person(ids["lin"]).name == "Lin"
    assert imported_library.person(ids["alex"]).faces == 3
    qtbot.waitUntil(lambda: person.faces.rowCount() == 3, timeout=10_000)
    assert imported_library.merged_sources(ids["alex"]) == []
    window.back()  # People lists Lin again, selected
    qtbot.waitUntil(lambda: window.people_page.selected_ids() == [ids["lin"]], timeout=10_000)
    window.open_person(ids["alex"])

    # Selected faces and a merged person: the dialog offers both, the faces ticked.
    imported_library.merge_people([ids["lin"]], ids["alex"])
    window.ctx.changed.emit()
    qtbot.waitUntil(lambda: person.faces.rowCount() == 4, timeout=10_000)
    person.tabs.setCurrentIndex(1)
    alex_face = face_in(imported_library, photos_dir, "misc/alex-lacamoire.png")
    person.face_grid.setCurrentIndex(person.faces.index_of(alex_face))
    dialog = person.split()
    assert dialog is not None and dialog.list.count() == 2
    assert dialog.chosen_faces() == [alex_face] and dialog.chosen_people() == []
    dialog.reject()


def test_dragging_a_tile_onto_another_in_the_real_view_asks_then_merges(qtbot, imported_library, photos_dir,
                                                                         monkeypatch):
    """Press, move and release on the People grid's viewport, as a mouse does.

    Before the fix the view's drag setup was undone by QListView (a Static icon view switches dragging
    off), so the same moves drew a rubber band over the tiles and nothing was dragged or merged.
    """
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    ids = _ids(imported_library, photos_dir)
    imported_library.rename_person(ids["alex"], "Alex")
    window = open_window(qtbot, imported_library.dir)
    page = window.people_page
    grid, model = page.grid, page.model
    viewport = grid.viewport()
    start = grid.visualRect(model.index_of(ids["lin"])).center()
    end = grid.visualRect(model.index_of(ids["alex"])).center()
    beyond = QPoint(QApplication.startDragDistance() + 6, 0)
    # The window system carries the drag over Lin's own tile (no drop there), then onto Alex's.
    drag = ScriptedDrag(viewport, [start + beyond, (start + end) / 2, end]).install(monkeypatch)

    none, left = Qt.KeyboardModifier.NoModifier, Qt.MouseButton.LeftButton
    QTest.mousePress(viewport, left, none, start)
    QTest.mouseMove(viewport, start + QPoint(3, 0))
    QTest.mouseMove(viewport, start + beyond)  # the view starts the drag; the window system takes over
    QTest.mouseRelease(viewport, left, none, end)  # and hands the release back after the drop

    assert drag.started == [[ids["lin"]]]  # a drag of Lin's tile, not a rubber band
    assert drag.accepted[0] is False and drag.accepted[-1] is True
    assert drag.result == Qt.DropAction.MoveAction
    assert ids["alex"] not in page.selected_ids()
    # Like Ctrl+M, a drop asks first; the tile it was dropped on is kept by default.
    qtbot.waitUntil(lambda: getattr(page, "merge_dialog", None) is not None, timeout=5000)
    dialog = page.merge_dialog
    assert dialog.isVisible() and dialog.target() == ids["alex"] and len(dialog.person_ids) == 2
    assert ids["lin"] in model.ids()  # nothing merged before the answer
    dialog.merge_button.click()
    qtbot.waitUntil(lambda: ids["lin"] not in model.ids(), timeout=10_000)
    assert imported_library.resolve_person(ids["lin"]) == ids["alex"]
    assert imported_library.person(ids["alex"]).name == "Alex" and model.extra(ids["alex"]).photos == 4


def test_a_drop_that_is_cancelled_merges_nothing(qtbot, imported_library, photos_dir, monkeypatch):
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    ids = _ids(imported_library, photos_dir)
    window = open_window(qtbot, imported_library.dir)
    page = window.people_page
    grid, model = page.grid, page.model
    viewport = grid.viewport()
    start = grid.visualRect(model.index_of(ids["lin"])).center()
    end = grid.visualRect(model.index_of(ids["alex"])).center()
    ScriptedDrag(viewport, [start + QPoint(30, 0), end]).install(monkeypatch)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, start + QPoint(3, 0))
    QTest.mouseMove(viewport, start + QPoint(30, 0))  # the drag runs to the drop
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    qtbot.waitUntil(lambda: getattr(page, "merge_dialog", None) is not None, timeout=5000)
    page.merge_dialog.reject()
    qtbot.wait(100)
    assert imported_library.resolve_person(ids["lin"]) == ids["lin"] and ids["lin"] in model.ids()
    assert imported_library.next_undo() is None


def test_an_edit_the_library_refuses_is_a_message_not_an_exception(qtbot, imported_library, photos_dir):
    ids = _ids(imported_library, photos_dir)
    window = open_window(qtbot, imported_library.dir)
    model = window.people_page.model
    # Kit and Rose are in one photo together: the library refuses to make them one person.
    assert not model.merge([ids["rose"]], ids["kit"])
    banner = window.error_banner
    assert banner.isVisible() and banner.label.text().startswith("Could not merge:")
    assert "kit_with_rose.jpg" in banner.label.text()
    assert imported_library.resolve_person(ids["rose"]) == ids["rose"]
    banner.dismiss()
    assert not model.rename(ids["kit"], "K" * 300)
    assert banner.isVisible() and "200 characters" in banner.label.text()
    assert imported_library.person(ids["kit"]).name is None
    assert imported_library.next_undo() is None


def test_a_regroup_cancelled_from_the_status_bar_changes_nothing(qtbot, imported_library, monkeypatch):
    import importlib

    regroup_module = importlib.import_module("beetroot_desktop.pipeline.regroup")
    before = _grouping(imported_library)
    planning, go_on = threading.Event(), threading.Event()
    real_plan = regroup_module.plan_regroup

    def slow_plan(library, threshold):  # type: ignore[no-untyped-def]
        planning.set()
        go_on.wait(10)  # the user presses Cancel while the regroup works
        return real_plan(library, threshold)

    monkeypatch.setattr(regroup_module, "plan_regroup", slow_plan)
    window = open_window(qtbot, imported_library.dir)
    job = window.controller.regroup(99.5, Settings(workers=2))
    cancel = window.import_status.cancel
    assert cancel.isVisible() and cancel.isEnabled()
    assert "Regrouping people at 99.5 %" in window.import_status.label.text()
    assert not window.actions_by_name["undo"].isEnabled()
    assert planning.wait(10)
    with qtbot.waitSignal(window.controller.jobFinished, timeout=IMPORT_TIMEOUT_MS) as done:
        cancel.click()
        go_on.set()
    assert done.args == [job, None]
    assert _grouping(imported_library) == before
    assert imported_library.saved_threshold() is None and imported_library.next_undo() is None
    assert "cancelled" in window.statusBar().currentMessage()
    assert not window.error_banner.isVisible()


def test_a_regroup_while_another_import_runs_is_refused_with_a_message(qtbot, imported_library):
    from beetroot_desktop.library.lock import ImportLock

    window = open_window(qtbot, imported_library.dir)
    with ImportLock(imported_library.dir), qtbot.waitSignal(window.controller.jobFailed, timeout=60_000):
        window.controller.regroup(99.5, Settings(workers=2))
    assert window.error_banner.isVisible()
    assert "importing into this library" in window.error_banner.label.text()
    assert imported_library.saved_threshold() is None


def test_an_import_uses_the_threshold_the_library_keeps(qtbot, tmp_path, photos_dir):
    lib_dir = tmp_path / "lib"
    with open_library(lib_dir) as lib:
        lib.set_meta("threshold", "97.5")  # what a regroup of this library left
    window = open_window(qtbot, lib_dir, Settings(workers=2, threshold=95.0))
    with qtbot.waitSignal(window.controller.jobFinished, timeout=IMPORT_TIMEOUT_MS):
        window.import_paths([str(photos_dir / "family" / "2019")])
    lines = [line for line in window.activity_model.texts() if "NoMatch" in line]
    assert lines and all("threshold=97.5" in line for line in lines)


def test_a_cloud_regroup_that_needs_more_paid_calls_than_announced_is_not_made(qtbot, imported_library):
    from beetroot_desktop.engines.rekognition import FLOOR_META

    imported_library.set_meta("engine", "rekognition")  # its faces now need IndexFaces calls to found people
    imported_library.set_meta(FLOOR_META, "80")
    before = _grouping(imported_library)
    window = open_window(qtbot, imported_library.dir)
    with qtbot.waitSignal(window.controller.jobFinished, timeout=60_000) as done:
        window.controller.regroup(99.5, Settings(workers=2), max_index_calls=0)  # Settings announced none
    plan = done.args[1]
    assert plan is not None and not plan.applied and plan.index_calls > 0
    assert "more than Settings announced" in window.error_banner.label.text()
    assert _grouping(imported_library) == before and imported_library.next_undo() is None


# -- two windows on one library: a merge confirmed after the other window changed the people ----------------
def _merge_dialog_in(window, sources: list[str], target: str):  # type: ignore[no-untyped-def]
    dialog = window.people_page.confirm_merge(sources, target)
    assert dialog is not None and dialog.target() == target
    return dialog



@pytest.mark.parametrize("change", ["merged elsewhere", "renamed elsewhere", "emptied elsewhere"])
def test_a_merge_confirmed_after_another_window_changed_the_people_is_refused(qtbot, imported_library, photos_dir,
                                                                              change):
    ids = _ids(imported_library, photos_dir)
    imported_library.rename_person(ids["alex"], "Alex")
    first = open_window(qtbot, imported_library.dir)
    second = open_window(qtbot, imported_library.dir)  # the other window, on the same library file
    dialog = _merge_dialog_in(first, [ids["lin"]], ids["alex"])
    before = _grouping(imported_library)
    if change == "merged elsewhere":  # Lin was merged into Obama in the other window
        assert second.people_page.model.merge([ids["lin"]], ids["obama"])
    elif change == "renamed elsewhere":
        assert second.people_page.model.rename(ids["alex"], "Alexandra")
    else:  # every face of Lin's was taken out of them
        from beetroot_desktop.ui import ops

        lin_faces = [int(f["id"]) for f in imported_library.all_faces() if f["person_id"] == ids["lin"]]
        assert ops.not_this_person(second.ctx, lin_faces)
    changed = _grouping(imported_library)
    dialog.merge_button.click()
    banner = first.error_banner
    assert banner.isVisible() and "these people changed since you chose them" in banner.label.text(), (
        banner.label.text())
    assert (changed == before) == (change == "renamed elsewhere")
    assert _grouping(imported_library) == changed  # the first window merged nothing
    assert imported_library.resolve_person(ids["alex"]) == ids["alex"]
    assert not first.statusBar().currentMessage().startswith("Merged")


def test_a_merge_of_people_already_merged_elsewhere_is_refused_before_the_dialog(qtbot, imported_library,
                                                                                 photos_dir):
    """The grid can be a moment behind the other window (it looks every 1.5 s): asking is refused at once."""
    ids = _ids(imported_library, photos_dir)
    window = open_window(qtbot, imported_library.dir)
    with open_library(imported_library.dir) as other:  # a `beetroot merge` from a terminal
        other.merge_people([ids["lin"]], ids["obama"])
    assert window.people_page.confirm_merge([ids["lin"]], ids["alex"]) is None
    assert "these people changed since you chose them" in window.error_banner.label.text()
    assert "was merged into" in window.error_banner.label.text()


def test_the_merge_status_names_the_merged_person_as_the_library_has_them_now(qtbot, imported_library, photos_dir):
    """Keeping an unnamed person who takes the name of the one merged into them: the status says that name."""
    ids = _ids(imported_library, photos_dir)
    imported_library.rename_person(ids["lin"], "Lin-Manuel")
    window = open_window(qtbot, imported_library.dir)
    dialog = _merge_dialog_in(window, [ids["lin"]], ids["alex"])  # Alex has no name
    dialog.merge_button.click()
    assert imported_library.resolve_person(ids["lin"]) == ids["alex"]
    assert imported_library.person(ids["alex"]).name == "Lin-Manuel"
    said = window.statusBar().currentMessage()
    assert said.startswith("Merged 2 people into Lin-Manuel"), said
