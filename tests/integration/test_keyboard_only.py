"""The whole of a first session with the keyboard only (the issue's "keyboard-only test"): import the sample
photos, open a person, rename them, merge two people, answer a review question, change the match threshold.

Every action is a key sent to the widget with the focus (tests/keyboard.py): File › Import Folder… by its
shortcut and the folder typed into Qt's own file dialog, Tab to the People grid, the arrows to a tile,
Enter to open it, F2 and Enter to rename, Esc to come back, Shift+arrow to select a second tile, Alt+E and M
for Edit › Merge People… (Ctrl+M: the keyboard's way to merge, where the mouse drags one tile onto another)
with the person kept chosen by the arrows, Shift+Tab to the sidebar and the arrows to Review, Y to answer,
Ctrl+, for Settings, Tab to the threshold, the arrows to change it and Enter to save. Reading the state to
check each step is fine.

The window starts at threshold 99 on an empty library: the sample photos then leave one review question
(Alex Lacamoire's two photos are just under 99 % alike, tests/integration/test_review.py), made by the
import itself, not put in the library by the test.
"""

from __future__ import annotations

import itertools
import time

import pytest
from keyboard import (
    ALT,
    CTRL,
    SHIFT,
    FileDialogByKeys,
    activate,
    describe,
    focused,
    go_to,
    in_front,
    is_in,
    press,
    tab_to,
    type_text,
)
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMenu
from ui_helpers import IMPORT_TIMEOUT_MS, open_window

from beetroot_desktop.config import Settings
from beetroot_desktop.ui.jobs import ImportJob, RegroupJob
from beetroot_desktop.ui.models import IdRole, role

K = Qt.Key


@pytest.fixture
def qt_file_dialogs(qapp):  # type: ignore[no-untyped-def]
    """Qt's own file dialog, whose fields take keys from the test, instead of the desktop's."""
    attribute = Qt.ApplicationAttribute.AA_DontUseNativeDialogs
    before = QCoreApplication.testAttribute(attribute)
    QCoreApplication.setAttribute(attribute, True)
    yield
    QCoreApplication.setAttribute(attribute, before)


def test_import_rename_merge_review_and_threshold_with_the_keyboard_only(
        qtbot, tmp_path, photos_dir, qt_file_dialogs, record_property, capsys):
    started = time.perf_counter()
    window = open_window(qtbot, tmp_path / "library", Settings(workers=2, threshold=99.0))
    activate(qtbot, window)
    people = window.people_page
    grid = people.grid
    lib = window.ctx.library
    assert people.stack.currentWidget() is people.empty and lib.photo_count() == 0

    # File › Import Folder… (Ctrl+O): the sample folder typed into the file dialog, Enter.
    with qtbot.waitSignal(window.controller.jobFinished, timeout=IMPORT_TIMEOUT_MS) as finished:
        dialog = FileDialogByKeys(qtbot, str(photos_dir))
        press(qtbot, K.Key_O, CTRL)
        assert dialog.problem is None, dialog.problem
        assert dialog.title == "Import a folder of photos"
    job, report = finished.args
    assert isinstance(job, ImportJob) and job.paths == [str(photos_dir)]
    assert report.photos_failed == 0 and lib.photo_count() == 26
    imported = time.perf_counter()
    (question,) = lib.review_questions()  # "Is this the same person?" about Alex's two halves
    asked = {question.person_id, question.candidate_person_id}
    qtbot.waitUntil(lambda: people.stack.currentWidget() is grid and grid.model().rowCount() >= 4, timeout=10_000)

    # Tab to the People grid; Home, then Enter opens the first person.
    tab_to(qtbot, lambda w: w is grid)
    press(qtbot, K.Key_Home)
    first = str(role(grid.currentIndex(), IdRole))
    press(qtbot, K.Key_Return)
    assert window.current_page() is window.person_page and window.person_page.person_id == first

    # F2 renames in place: type the name, Enter keeps it.
    press(qtbot, K.Key_F2)
    assert focused() is window.person_page.name_edit, describe(focused())
    type_text(qtbot, "Keyboard Person")
    press(qtbot, K.Key_Return)
    qtbot.waitUntil(lambda: lib.person(first).name == "Keyboard Person", timeout=5000)
    qtbot.waitUntil(lambda: window.person_page.name_label.text() == "Keyboard Person", timeout=5000)

    # Esc goes back to People, to the tile just opened, with the keys.
    press(qtbot, K.Key_Escape)
    assert window.current_page() is people
    assert focused() is grid, f"after Esc the keys are on {describe(focused())}, not the People grid"
    assert str(role(grid.currentIndex(), IdRole)) == first

    # Two people side by side (neither one the question is about): the arrows to the first, Shift+Right adds
    # the second. Edit › Merge People… asks who stays (the arrows choose, as dropping on a tile would), Enter merges.
    ids = people.model.ids()
    pairs = [(a, b) for a, b in itertools.pairwise(ids) if not {a, b} & asked
             and grid.visualRect(people.model.index_of(a)).top() == grid.visualRect(people.model.index_of(b)).top()]
    assert pairs, "no two people side by side to merge"
    source, keep = pairs[0]
    go_to(qtbot, grid, people.model.index_of(source))
    press(qtbot, K.Key_Right, SHIFT)
    assert set(people.selected_ids()) == {source, keep}
    press(qtbot, K.Key_E, ALT)  # the Edit menu, then M: Merge People… (Ctrl+M)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=3000)
    press(qtbot, K.Key_M)
    merge = in_front(qtbot, people.merge_dialog)
    for _ in range(3):
        if people.merge_dialog.target() == keep:
            break
        press(qtbot, K.Key_Down)
    assert people.merge_dialog.target() == keep, f"the arrows do not choose who stays ({describe(focused())})"
    press(qtbot, K.Key_Return)
    qtbot.waitUntil(lambda: lib.resolve_person(source) == keep, timeout=5000)
    assert not merge.isVisible()
    qtbot.waitUntil(lambda: focused() is grid, timeout=5000)  # the keys are back where they were

    # Shift+Tab to the sidebar, the arrows down to Review, Y: yes, Alex's halves are one person.
    tab_to(qtbot, lambda w: w is window.nav, backwards=True)
    for _ in range(window.nav.count()):
        if window.current_page() is window.review_page:
            break
        press(qtbot, K.Key_Down)
    assert window.current_page() is window.review_page
    assert focused() is window.nav, describe(focused())  # the sidebar keeps the keys; Y works from anywhere
    qtbot.waitUntil(lambda: window.review_page.current_id == question.id, timeout=10_000)
    press(qtbot, K.Key_Y)
    qtbot.waitUntil(lambda: lib.review_questions() == [], timeout=5000)
    assert lib.resolve_person(question.person_id) == lib.resolve_person(question.candidate_person_id)

    # Settings (Ctrl+,): Tab to the threshold, Down twice (99 % -> 98 %), Enter saves and regroups the library.
    press(qtbot, K.Key_Comma, CTRL)
    settings = in_front(qtbot, window.settings_dialog)
    spin = window.settings_dialog.spin
    assert spin.value() == 99.0
    tab_to(qtbot, is_in(spin))
    with qtbot.waitSignal(window.controller.jobFinished, timeout=IMPORT_TIMEOUT_MS) as regrouped:
        press(qtbot, K.Key_Down, times=2)
        assert spin.value() == 98.0
        press(qtbot, K.Key_Return)
        assert not settings.isVisible()
    assert isinstance(regrouped.args[0], RegroupJob)
    assert lib.saved_threshold() == 98.0
    assert lib.person(lib.resolve_person(first)).name == "Keyboard Person"  # the regroup kept the edits
    assert lib.resolve_person(source) == lib.resolve_person(keep)
    qtbot.waitUntil(lambda: window.settings_dialog is None and window.isActiveWindow(), timeout=5000)

    seconds = time.perf_counter() - started
    record_property("keyboard_only_s", round(seconds, 1))
    with capsys.disabled():
        print(f"\nkeyboard-only session: {seconds:.1f} s ({imported - started:.1f} s to import the sample photos)")
