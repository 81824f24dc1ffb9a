"""Keyboard traps found by a hostile pass: the Review page's own focus ring, Tab out of every page and back to
the sidebar, Shift+Tab backwards (synthetic library: no dlib)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from keyboard import CTRL, SHIFT, activate, describe, focused, is_in, press, tab_cycle, tab_to
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from synthetic_library import people_library as synthetic_people
from ui_helpers import open_window, restored_look

K = Qt.Key


@pytest.fixture
def people_library(tmp_path: Path) -> Iterator[Path]:
    with synthetic_people(tmp_path / "people", {"p-ann": 4, "p-bob": 3, "p-cy": 2}) as folder:
        yield folder


def test_tab_from_every_page_comes_back_to_the_sidebar_both_ways(qtbot, people_library):
    window = open_window(qtbot, people_library)
    activate(qtbot, window)
    nav = window.nav
    tab_to(qtbot, lambda w: w is nav)
    for row in [r for r in range(nav.count()) if not nav.isRowHidden(r)]:
        nav.setCurrentRow(row)
        qtbot.waitUntil(lambda: window.current_page() is window.section_pages[row], timeout=5000)  # noqa: B023
        nav.setFocus(Qt.FocusReason.TabFocusReason)
        cycle = tab_cycle(qtbot)  # fails when Tab stays in a widget that eats it
        page = window.current_page()
        assert all(w is nav or w is window.sidebar.import_button or page.isAncestorOf(w) for w in cycle), \
            (row, [describe(w) for w in cycle])
        assert all(w.isVisible() and w.isEnabled() for w in cycle), (row, [describe(w) for w in cycle])
        press(qtbot, K.Key_Tab, times=2)  # past Import Folder…, into the page (or back to the sidebar)
        first = focused()
        press(qtbot, K.Key_Backtab, SHIFT)  # Shift+Tab from the page's first control: back to Import Folder…
        assert focused() is window.sidebar.import_button or (first is nav and is_in(page)(focused())), \
            (row, describe(first), describe(focused()))
        press(qtbot, K.Key_Backtab, SHIFT)
        assert focused() is nav or is_in(page)(focused()), (row, describe(focused()))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_review_page_with_the_keys_has_a_ring(qtbot, people_library, scheme):
    from beetroot_desktop.ui import style

    with restored_look() as app:
        style.apply_style(app, scheme)
        window = open_window(qtbot, people_library)
        activate(qtbot, window)
        page = window.review_page
        press(qtbot, K.Key_4, CTRL)
        qtbot.waitUntil(lambda: window.current_page() is page and page.loaded, timeout=5000)
        assert not page.batch and focused() is page, describe(focused())
        qtbot.waitUntil(page.focus_ring.isVisible, timeout=2000)
        image = page.grab().toImage()
        accent = style.colors().q("accent")
        edge = [image.pixelColor(x, image.height() // 2) for x in (0, 1, image.width() - 1, image.width() - 2)]
        assert any(abs(c.red() - accent.red()) + abs(c.green() - accent.green()) + abs(c.blue() - accent.blue())
                   < 60 for c in edge), [c.name() for c in edge]
        press(qtbot, K.Key_1, CTRL)  # another page: the ring goes with the focus
        assert not page.focus_ring.isVisible()
        QApplication.processEvents()


def test_esc_closes_only_the_dialog_and_gives_the_keys_back(qtbot, people_library):
    from PySide6.QtWidgets import QDialog

    window = open_window(qtbot, people_library)
    activate(qtbot, window)
    grid = window.people_page.grid
    tab_to(qtbot, lambda w: w is grid)
    for keys in ((K.Key_F1, Qt.KeyboardModifier.NoModifier), (K.Key_Comma, CTRL)):
        press(qtbot, *keys)
        qtbot.waitUntil(lambda: isinstance(QApplication.activeWindow(), QDialog), timeout=5000)
        dialog = QApplication.activeWindow()
        press(qtbot, K.Key_Escape)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)  # noqa: B023
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window and focused() is grid, timeout=5000)
        assert window.isVisible() and grid.isVisible() and grid.isEnabled(), keys
