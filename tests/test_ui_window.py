"""The window's parts: a click on a photo opens it, the shortcut list comes from the actions, a failed
thumbnail is tried again, and an unexpected error is logged and shown with the log file's location."""

from __future__ import annotations

import logging
import shutil
import sys
import threading
from pathlib import Path

import pytest
from ui_helpers import open_window, person_of

from beetroot_desktop.ui.actions import ACTIONS, MainAction


def test_a_click_on_a_photo_views_it_as_the_readme_says(qtbot, imported_library, photos_dir):
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    window = open_window(qtbot, imported_library.dir)
    window.show_section(1)  # All Photos
    page = window.photos_page
    qtbot.waitUntil(lambda: page.model.rowCount() == imported_library.photo_count(), timeout=10_000)
    grid = page.grid
    index = page.model.index(2)
    centre = grid.visualRect(index).center()
    QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, centre)
    assert window.current_page() is page  # Ctrl+click selects, as in any list
    QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    assert window.current_page() is window.viewer
    assert window.viewer.ids == page.model.ids() and window.viewer.position == 2

    # The second click of a double-click lands on the viewer: it must not open the face under it.
    window.back()
    obama = person_of(imported_library, photos_dir, "family/2019/obama.jpg")
    window.open_person(obama)
    person = window.person_page
    qtbot.waitUntil(lambda: person.photos.rowCount() > 0, timeout=10_000)
    tile = person.photo_grid.visualRect(person.photos.index(0)).center()
    QTest.mouseClick(person.photo_grid.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, tile)
    viewer = window.viewer
    assert window.current_page() is viewer
    viewer.resize(900, 700)
    face = viewer.face_rects()[0].center().toPoint()
    opened: list[str] = []
    viewer.personOpened.connect(opened.append)
    QTest.mouseClick(viewer, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, face)
    assert opened == []
    qtbot.wait(QApplication.doubleClickInterval() + 50)
    QTest.mouseClick(viewer, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, face + QPoint(1, 1))
    assert opened == [viewer.faces[0]["person_id"]]  # a click of its own on a face opens the person


def test_the_shortcut_list_is_made_from_the_actions(qtbot, tmp_path):
    from PySide6.QtWidgets import QTreeWidget

    window = open_window(qtbot, tmp_path / "lib")
    actions = window.actions_by_name
    assert actions["undo"] is actions[MainAction.UNDO]  # the enum's values are the actions' names
    actions[MainAction.FIND].setShortcut("Ctrl+K")
    dialog = window.show_shortcuts()
    tree = dialog.findChild(QTreeWidget)
    rows = {tree.topLevelItem(i).text(0): tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())}
    for key, spec in ACTIONS.items():
        if spec.does:
            keys = actions[key].shortcut().toString()
            assert any(k.startswith(keys) and does == spec.does for k, does in rows.items()), (key, rows)
    assert rows["Ctrl+K"] == "Search people by name" and rows["F1"] == "This list"
    assert rows["F2 / double-click the name"] == "Rename a person"
    assert "Click a photo" in rows


def test_a_thumbnail_that_failed_is_tried_again(qtbot, tmp_path, photos_dir, monkeypatch):
    import beetroot_desktop.ui.thumbnails as thumbnails
    from beetroot_desktop.ui.thumbnails import ThumbKey, ThumbnailCache

    cache = ThumbnailCache(tmp_path / "cache")
    photo = tmp_path / "photos" / "obama.jpg"  # on a drive that is not mounted yet
    key = ThumbKey("photo", "0" * 64, None, str(photo))
    with qtbot.waitSignal(cache.ready, timeout=10_000):
        assert cache.get(key) is None
    assert cache.failed(key)
    photo.parent.mkdir()
    shutil.copy(photos_dir / "family" / "2019" / "obama.jpg", photo)
    assert cache.get(key) is None  # a recent failure is not asked for again at every paint
    cache.clear_failures()  # the window does this when an import finishes
    with qtbot.waitSignal(cache.ready, timeout=10_000):
        assert cache.get(key) is None
    assert cache.get(key) is not None

    later = ThumbKey("photo", "1" * 64, None, str(tmp_path / "later.jpg"))
    with qtbot.waitSignal(cache.ready, timeout=10_000):
        cache.get(later)
    shutil.copy(photo, tmp_path / "later.jpg")
    now = thumbnails.time.monotonic()
    monkeypatch.setattr(thumbnails.time, "monotonic", lambda: now + thumbnails.RETRY_AFTER_S + 1)
    assert not cache.failed(later)  # long enough ago: the next request tries again
    with qtbot.waitSignal(cache.ready, timeout=10_000):
        assert cache.get(later) is None
    assert cache.get(later) is not None
    cache.shutdown()


def test_an_unexpected_error_is_logged_and_shown_with_the_log_files_location(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from beetroot_desktop.logs import LOG_NAME
    from beetroot_desktop.ui import crash

    shown: list[QMessageBox] = []

    class RecordingBox(QMessageBox):
        def open(self) -> None:  # recorded, not shown: the test never waits for a click
            shown.append(self)

    monkeypatch.setattr(crash, "QMessageBox", RecordingBox)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(logging.getLogger("beetroot"), "handlers", [])  # a log file in this test's folder
    crash.install()
    log_file = tmp_path / "logs" / LOG_NAME

    def slot_with_a_bug() -> None:
        raise ValueError("a fake bug in a slot")

    QTimer.singleShot(0, slot_with_a_bug)  # raised inside Qt's event loop, as a bug in a slot would be
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=5000)
    box = shown[0]
    assert "ValueError: a fake bug in a slot" in box.text()
    assert str(log_file) in box.informativeText()
    assert "slot_with_a_bug" in box.detailedText()
    log_text = log_file.read_text()
    assert "Traceback" in log_text and "ValueError: a fake bug in a slot" in log_text

    worker = threading.Thread(target=lambda: 1 / 0, name="a-worker")
    worker.start()
    worker.join()
    qtbot.wait(50)
    assert len(shown) == 1  # one dialog at a time; the log has every error
    assert "ZeroDivisionError" in log_file.read_text() and "a-worker" in log_file.read_text()
    box.done(0)
    try:
        raise KeyError("another")
    except KeyError:
        sys.excepthook(*sys.exc_info())
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=5000)
    assert "KeyError" in shown[1].text()
    for handler in logging.getLogger("beetroot").handlers:
        handler.close()


def test_the_window_and_the_settings_dialog_are_parts_under_500_lines():
    """(tests/test_layers.py keeps every module under 600.)"""
    import beetroot_desktop.ui as ui

    root = Path(ui.__file__).parent
    parts = ("main_window.py", "window_jobs.py", "window_edits.py", "shell.py", "actions.py", "dialogs.py",
             "settings_dialog.py", "settings_pages.py", "settings_matching.py", "settings_cloud.py")
    sizes = {name: len((root / name).read_text(encoding="utf-8").splitlines()) for name in parts}
    assert {name: n for name, n in sizes.items() if n >= 500} == {}


def test_the_merge_button_in_the_people_header_asks_like_ctrl_m(qtbot, imported_library, photos_dir):
    """It was never connected: a click did nothing."""
    from PySide6.QtCore import QItemSelectionModel, Qt

    from beetroot_desktop.ui.pages import MergeDialog

    window = open_window(qtbot, imported_library.dir)
    page = window.people_page
    alex = person_of(imported_library, photos_dir, "family/2020/alex_img1.jpg")
    lin = person_of(imported_library, photos_dir, "misc/lin-manuel-miranda.png")
    for pid in (alex, lin):
        page.grid.selectionModel().select(page.model.index_of(pid), QItemSelectionModel.SelectionFlag.Select)
    assert page.merge_button.isEnabled()
    qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    dialog = page.merge_dialog
    assert isinstance(dialog, MergeDialog) and set(dialog.person_ids) == {alex, lin}
    dialog.merge_button.click()
    assert imported_library.resolve_person(lin) == alex


def _app_style() -> None:
    """The app's fonts and stylesheet (sizes depend on them), as `beetroot` starts with."""
    from PySide6.QtWidgets import QApplication

    from beetroot_desktop.ui.style import apply_style

    apply_style(QApplication.instance())


@pytest.mark.parametrize("width", [600, 640, 760, 900, 1180])
def test_the_people_header_fits_a_narrow_window_without_cutting_a_tool(qtbot, imported_library, width):
    """At 640 px the header cut the search box ("Search r") and the sort box ("Most phc"): its tools go on
    a line of their own when the title and they do not fit on one, and none shrinks below its text."""
    from PySide6.QtCore import QPoint

    _app_style()
    window = open_window(qtbot, imported_library.dir)
    window.resize(width, 600)
    page = window.people_page
    qtbot.waitUntil(lambda: page.sort.isVisible(), timeout=5000)
    qtbot.wait(50)  # the layouts settle
    assert window.width() == width
    header = page.header
    assert header.mapTo(window, QPoint(header.width(), 0)).x() <= window.width()  # the header is all on screen
    for tool in (page.search, page.sort, page.merge_button):
        left, right = tool.mapTo(header, QPoint(0, 0)).x(), tool.mapTo(header, QPoint(tool.width(), 0)).x()
        assert left >= 0 and right <= header.width() - 16, (tool, left, right, header.width())
        assert tool.width() >= tool.minimumSizeHint().width()
    assert page.sort.width() >= page.sort.sizeHint().width()  # "Most photos" whole
    assert page.merge_button.width() >= page.merge_button.sizeHint().width()
    metrics = page.search.fontMetrics()
    assert page.search.width() >= metrics.horizontalAdvance(page.search.placeholderText()) + 48  # "Search names"
    title_right = page.header.title.mapTo(header, QPoint(page.header.title.width(), 0)).x()
    wrapped = getattr(header, "wrapped", False)
    if wrapped:  # the tools under the title, or beside it when there is room
        assert page.search.mapTo(header, QPoint(0, 0)).y() > page.header.title.mapTo(header, QPoint(0, 0)).y()
    else:
        assert page.search.mapTo(header, QPoint(0, 0)).x() > title_right
    if width <= 640:
        assert wrapped
    if width == 1180:
        assert not wrapped and page.search.width() == 220  # one line, as before


@pytest.mark.parametrize("width", [600, 640, 1180])
def test_the_person_page_fits_a_narrow_window_without_cutting_a_button(qtbot, imported_library, photos_dir, width):
    from PySide6.QtCore import QPoint

    _app_style()
    window = open_window(qtbot, imported_library.dir)
    window.resize(width, 600)
    window.open_person(person_of(imported_library, photos_dir, "family/2019/obama.jpg"))
    person = window.person_page
    person.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: person.name_label.text() == "Unnamed person", timeout=5000)
    qtbot.wait(50)
    assert window.width() == width
    if width >= 640:
        assert person.name_label.width() >= person.name_label.sizeHint().width()  # the whole name, at 640 too
    for button in (person.rename_button, person.hide_button, person.not_button, person.cover_button,
                   person.split_button):
        right = button.mapTo(person, QPoint(button.width(), 0)).x()
        assert button.width() >= button.sizeHint().width() and right <= person.width(), (button.text(), right)
    assert (person.rename_button.text() == "") == (width < 1180)  # icons only when narrow (tooltips say)
