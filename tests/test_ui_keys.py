"""Everything reachable without a mouse, checked fast (no dlib: an empty library, or a synthetic one):

- Help › Keyboard Shortcuts (F1) lists every shortcut the window has (its actions' and any other);
- every action of the window is in a menu, and Alt + the menu's letter opens each menu;
- Tab reaches the sidebar, whose arrows walk every section while it keeps the keys; Tab goes through a page's
  controls in the order they are read;
- every control has a ring in both palettes while it has the keys, and so has a grid's current tile;
- the People grid by keys: Enter opens a person, F2 renames, Esc comes back to the tile, Shift+F10 opens the
  tile's menu, Ctrl+M and Enter merge the selected people, Ctrl+Shift+M (Merge Into…, what dragging tiles onto
  a tile does) merges them into a person chosen with the arrows.

The whole session on the real photos is tests/integration/test_keyboard_only.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from keyboard import (
    CTRL,
    SHIFT,
    activate,
    describe,
    focused,
    go_to,
    in_front,
    in_order,
    is_in,
    press,
    tab_cycle,
    tab_to,
    type_text,
)
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QTreeWidget
from synthetic_library import people_library as synthetic_people
from ui_helpers import open_window, restored_look

from beetroot_desktop.ui.models import IdRole, role

K = Qt.Key
NATIVE = QKeySequence.SequenceFormat.NativeText


def menu_actions(menu: QMenu) -> list[QAction]:
    """The actions of `menu` and of its submenus."""
    found: list[QAction] = []
    for action in menu.actions():
        if action.menu() is not None:
            found.extend(menu_actions(action.menu()))
        elif not action.isSeparator():
            found.append(action)
    return found


def mnemonic(text: str) -> str | None:
    """The letter after the single "&" in a menu text ("&File" -> "f"), or None."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].lower() if 0 <= at < len(plain) - 1 else None


def test_f1_lists_every_shortcut_the_window_has(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path / "library")
    activate(qtbot, window)
    press(qtbot, K.Key_F1)
    (dialog,) = [d for d in window.findChildren(QDialog) if d.isVisible()]
    in_front(qtbot, dialog)
    tree = dialog.findChild(QTreeWidget)
    listed = {keys.strip() for i in range(tree.topLevelItemCount())
              for keys in tree.topLevelItem(i).text(0).split(" / ")}
    owners: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            owners.setdefault(sequence.toString(NATIVE), action.text())
    for shortcut in window.findChildren(QShortcut):
        owners.setdefault(shortcut.key().toString(NATIVE), f"a QShortcut of {describe(shortcut.parent())}")
    assert len(owners) > 20
    missing = {keys: owner for keys, owner in owners.items() if keys and keys not in listed}
    assert missing == {}, f"shortcuts the F1 list does not show: {missing}"
    rows = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    for keys in ("Tab / Shift+Tab", "Shift+arrows, Ctrl+Space", "Shift+F10 / Menu key", "Tab in the viewer"):
        assert keys in rows  # what the keys do without an action: moving, selecting, the menus, the faces
    press(qtbot, K.Key_Escape)
    qtbot.waitUntil(lambda: not [d for d in window.findChildren(QDialog) if d.isVisible()], timeout=5000)


def test_every_action_is_in_a_menu_and_alt_opens_each_menu(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path / "library")
    activate(qtbot, window)
    bar = window.menuBar()
    menus = [a.menu() for a in bar.actions() if a.menu() is not None]
    in_menus = {id(a) for menu in menus for a in menu_actions(menu)}
    outside = [a.text() for a in window.actions_by_name.values() if id(a) not in in_menus]
    assert outside == [], f"actions no menu offers (unreachable without their shortcut): {outside}"
    shortcut_only = [a.text() for a in window.findChildren(QAction)
                     if not a.shortcut().isEmpty() and id(a) not in in_menus]
    assert shortcut_only == [], f"actions with a shortcut but in no menu: {shortcut_only}"
    letters = [mnemonic(m.title()) for m in menus]
    assert None not in letters and len(set(letters)) == len(letters), [m.title() for m in menus]

    for menu, letter in zip(menus, letters, strict=True):
        assert letter is not None
        press(qtbot, Qt.Key(ord(letter.upper())), Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda menu=menu: QApplication.activePopupWidget() is menu, timeout=3000)
        press(qtbot, K.Key_Escape)
        qtbot.waitUntil(lambda menu=menu: not menu.isVisible(), timeout=3000)
        if bar.activeAction() is not None:  # the first Escape leaves the menu bar highlighted
            press(qtbot, K.Key_Escape)
    assert QApplication.activePopupWidget() is None


def test_tab_reaches_the_sidebar_and_its_arrows_walk_every_section(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path / "library")
    activate(qtbot, window)
    nav = window.nav
    tab_to(qtbot, lambda w: w is nav)
    assert window.current_page() is window.people_page
    cycle = tab_cycle(qtbot)
    assert cycle[:2] == [nav, window.sidebar.import_button], [describe(w) for w in cycle]
    assert all(w is nav or w is window.sidebar.import_button or window.people_page.isAncestorOf(w) for w in cycle), \
        [describe(w) for w in cycle]  # the sidebar, then the page: nothing hidden, nothing outside the window
    press(qtbot, K.Key_Tab)
    assert focused() is window.sidebar.import_button, describe(focused())  # then Import Folder…
    press(qtbot, K.Key_Tab)
    assert is_in(window.people_page)(focused()), f"Tab from the sidebar goes to {describe(focused())}"
    tab_to(qtbot, lambda w: w is nav, backwards=True)

    visible = [row for row in range(nav.count()) if not nav.isRowHidden(row)]
    assert nav.currentRow() == visible[0]
    for row in visible[1:]:
        press(qtbot, K.Key_Down)
        assert nav.currentRow() == row
        assert window.current_page() is window.section_pages[row]
        assert focused() is nav, f"showing section {row} took the keys to {describe(focused())}"
    press(qtbot, K.Key_Home)
    assert window.current_page() is window.people_page and focused() is nav


PHOTOS = {"p-ann": 6, "p-bob": 5, "p-cy": 4, "p-dee": 3}


@pytest.fixture
def people_library(tmp_path: Path) -> Iterator[Path]:
    """Four people seen in 3 to 6 photos each (synthetic faces: no dlib), none named."""
    with synthetic_people(tmp_path / "people", PHOTOS) as folder:
        yield folder


def test_the_people_grid_with_the_keys_only(qtbot, people_library):
    window = open_window(qtbot, people_library)
    activate(qtbot, window)
    page = window.people_page
    grid = page.grid
    lib = window.ctx.library
    qtbot.waitUntil(lambda: page.model.ids() == list(PHOTOS), timeout=5000)
    tab_to(qtbot, lambda w: w is grid)

    press(qtbot, K.Key_Home)
    press(qtbot, K.Key_Return)  # Enter opens the person
    assert window.current_page() is window.person_page and window.person_page.person_id == "p-ann"
    person = window.person_page
    assert focused() is person.photo_grid, describe(focused())
    cycle = tab_cycle(qtbot)  # the page's controls in the order the eye reads them, then the sidebar
    assert in_order(cycle, [person.back_button, person.rename_button, person.hide_button, person.tabs.tabBar(),
                            person.with_button, person.more_button, person.photo_grid, window.nav]), \
        [describe(w) for w in cycle]
    press(qtbot, K.Key_F2)
    assert focused() is window.person_page.name_edit, describe(focused())
    type_text(qtbot, "Ann")
    press(qtbot, K.Key_Return)
    qtbot.waitUntil(lambda: lib.person("p-ann").name == "Ann", timeout=5000)
    press(qtbot, K.Key_Escape)  # back to People, on Ann's tile, with the keys
    assert window.current_page() is page
    assert focused() is grid, describe(focused())
    assert role(grid.currentIndex(), IdRole) == "p-ann"

    press(qtbot, K.Key_Right)
    assert role(grid.currentIndex(), IdRole) == "p-bob"
    menus: list[list[str]] = []

    def read_menu() -> None:
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            menus.append([a.text() for a in menu.actions() if not a.isSeparator()])
            menu.close()
        elif len(menus) < 1 and not getattr(read_menu, "gave_up", False):
            QTimer.singleShot(20, read_menu)

    QTimer.singleShot(0, read_menu)
    QTimer.singleShot(3000, lambda: setattr(read_menu, "gave_up", True))
    # Shift+F10, the keyboard's right-click (the menu key sends it too where the platform has one): the tile's menu
    press(qtbot, K.Key_F10, SHIFT)
    qtbot.waitUntil(lambda: bool(menus) or getattr(read_menu, "gave_up", False), timeout=5000)
    assert menus and "Open" in menus[0] and any("Rename" in text for text in menus[0]), menus
    assert focused() is grid and role(grid.currentIndex(), IdRole) == "p-bob"

    press(qtbot, K.Key_Right, CTRL)  # Ctrl+arrows move without selecting, Ctrl+Space adds a tile
    press(qtbot, K.Key_Right, CTRL)
    press(qtbot, K.Key_Space, CTRL)
    assert set(page.selected_ids()) == {"p-bob", "p-dee"}
    press(qtbot, K.Key_Space, CTRL)  # and takes it out again
    press(qtbot, K.Key_Left, times=2)
    press(qtbot, K.Key_Right, SHIFT)  # Bob and Cy
    assert set(page.selected_ids()) == {"p-bob", "p-cy"}
    press(qtbot, K.Key_M, CTRL)
    dialog = in_front(qtbot, page.merge_dialog)
    assert page.merge_dialog.target() == "p-bob"  # more photos: kept by default
    press(qtbot, K.Key_Return)
    qtbot.waitUntil(lambda: lib.resolve_person("p-cy") == "p-bob", timeout=5000)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: focused() is grid, timeout=5000)

    # Merge Into… (Ctrl+Shift+M), what dragging a tile onto another does: the person to merge into is chosen
    # in a list with the arrows, Enter; the merge is confirmed with Enter, keeping that person.
    press(qtbot, K.Key_End)
    assert page.selected_ids() == ["p-dee"]
    press(qtbot, K.Key_M, CTRL | SHIFT)
    picker = in_front(qtbot, page.merge_picker)
    assert focused() is page.merge_picker.grid, describe(focused())
    # the picker lists the people once its model has loaded them (off the window's thread)
    qtbot.waitUntil(lambda: page.merge_picker.model.index_of("p-ann").isValid(), timeout=5000)
    go_to(qtbot, page.merge_picker.grid, page.merge_picker.model.index_of("p-ann"))
    press(qtbot, K.Key_Return)
    dialog = in_front(qtbot, page.merge_dialog)
    assert not picker.isVisible() and page.merge_dialog.target() == "p-ann"
    press(qtbot, K.Key_Return)
    qtbot.waitUntil(lambda: lib.resolve_person("p-dee") == "p-ann", timeout=5000)
    qtbot.waitUntil(lambda: focused() is grid, timeout=5000)


# -- the focus ring --------------------------------------------------------------------------------------------
@pytest.fixture
def look(qtbot) -> Iterator[QApplication]:
    """The app's look (apply_style), put back as it was after the test (other tests share the application)."""
    with restored_look() as app:
        yield app


def _near(colour: object, target: str, distance: int = 60) -> bool:
    from PySide6.QtGui import QColor

    a, b = QColor(colour), QColor(target)  # type: ignore[call-overload]
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) <= distance


def _ring_pixels(before: object, after: object, colour: str) -> int:
    """Pixels that changed to (about) `colour` when the widget took the focus."""
    return sum(1 for x in range(after.width()) for y in range(after.height())  # type: ignore[attr-defined]
               if before.pixel(x, y) != after.pixel(x, y) and _near(after.pixelColor(x, y), colour))  # type: ignore[attr-defined]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_control_with_the_keys_has_a_ring_in_both_palettes(qtbot, look, scheme):
    """Reached with Tab, every kind of control the window has shows an outline in the accent colour (on a
    filled button, the text colour): WCAG 2.4.7, focus visible."""
    from PySide6.QtWidgets import (
        QCheckBox,
        QComboBox,
        QHBoxLayout,
        QLineEdit,
        QListWidget,
        QPushButton,
        QRadioButton,
        QSlider,
        QTabBar,
        QToolButton,
        QWidget,
    )

    from beetroot_desktop.ui import icons, style

    style.apply_style(look, scheme)
    c = style.colors()
    holder = QWidget()
    qtbot.addWidget(holder)
    row = QHBoxLayout(holder)
    start = QLineEdit()
    tool = QToolButton()
    tool.setIcon(icons.icon("back", "text", 24))
    nav = QListWidget(objectName="Nav")
    nav.addItems(["People", "Review"])
    nav.setCurrentRow(0)
    tabs = QTabBar()
    tabs.addTab("Photos")
    tabs.addTab("Faces")
    combo = QComboBox()
    combo.addItem("Most photos")
    checked = QPushButton("One at a time")
    checked.setCheckable(True)
    checked.setChecked(True)
    controls = {"button": (QPushButton("Rename"), c.accent),
                "primary": (QPushButton("Save", objectName="Primary"), c.text), "checked button": (checked, c.text),
                "tool button": (tool, c.accent), "sidebar": (nav, c.accent),
                "tab": (tabs, c.accent), "slider": (QSlider(Qt.Orientation.Horizontal), c.accent),
                "combo box": (combo, c.accent), "check box": (QCheckBox("Keep"), c.accent),
                "radio button": (QRadioButton("Keep"), c.accent), "text field": (QLineEdit("x"), c.accent)}
    row.addWidget(start)
    for widget, _colour in controls.values():
        row.addWidget(widget)
    holder.show()
    activate(qtbot, holder)
    faint = {}
    for name, (widget, colour) in controls.items():
        start.setFocus()
        before = widget.grab().toImage()
        tab_to(qtbot, is_in(widget))
        ring = _ring_pixels(before, widget.grab().toImage(), colour)
        if ring < 40:
            faint[name] = ring
    assert faint == {}, f"controls whose focus cannot be seen in the {scheme} look (ring pixels): {faint}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_current_tile_of_a_grid_with_the_keys_has_a_ring(qtbot, look, scheme):
    from PySide6.QtGui import QImage, QPainter, QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    from beetroot_desktop.ui import style
    from beetroot_desktop.ui.delegates import FaceDelegate, PersonDelegate, PhotoDelegate

    style.apply_style(look, scheme)
    model = QStandardItemModel()
    model.appendRow(QStandardItem("Ann"))
    for delegate in (PersonDelegate(), PhotoDelegate(), FaceDelegate()):
        images = []
        for state in (QStyle.StateFlag.State_Enabled, QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_HasFocus):
            image = QImage(delegate.TILE, QImage.Format.Format_ARGB32)
            image.fill(style.colors().q("surface"))
            option = QStyleOptionViewItem()
            option.rect = image.rect()
            option.state = state
            painter = QPainter(image)
            delegate.paint(painter, option, model.index(0, 0))
            painter.end()
            images.append(image)
        assert _ring_pixels(images[0], images[1], style.colors().accent) > 200, type(delegate).__name__
