#!/usr/bin/env python3
"""Beetroot as a screen reader meets it: through AT-SPI, the Linux accessibility bus.

Finds the running Beetroot on the AT-SPI bus, walks the tree of each of its screens and lists every showing
control without a name (what Orca would announce as just "push button" or "list item"). The rule is the
one tests/test_ui_accessibility.py applies through QAccessible offscreen: an element that is showing and
either has the role of a control (button, check box, combo box, text field, spin box, slider, list, list
item, table, cell, tree, page tab, menu item, link) or takes the keyboard focus itself needs a name; so
does every dialog. The menus' items are checked closed (a menu is read when it opens).

With --tour it goes through the screens the way a keyboard and screen reader user would, through AT-SPI
only: the View menu's items (People, All Photos, Unassigned faces, Review in both modes, Activity), Enter
on the first person (their page, both tabs), Enter on their first photo (the viewer), then Settings (both
tabs), Keyboard Shortcuts, Export Names to XMP and About, each closed with its own button. Menu items are
found by their shortcut (the same in every language; About, which has none, as the Help menu's last item).

Runs with the system's python3 and pyatspi (apt-get install python3-pyatspi at-spi2-core), against an app
started with QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 on an X display; tools/atspi_check.sh sets all that up
under Xvfb and a private D-Bus session. Exit status: 0 when every control has a name, 1 when some have
none, 2 when the app was not found or a step of the tour could not be taken.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pyatspi

MAX_DEPTH = 40


def _roles(*names: str) -> frozenset[int]:
    return frozenset(getattr(pyatspi, name) for name in names if hasattr(pyatspi, name))


INTERACTIVE = _roles(
    "ROLE_PUSH_BUTTON", "ROLE_PUSH_BUTTON_MENU", "ROLE_TOGGLE_BUTTON", "ROLE_CHECK_BOX", "ROLE_RADIO_BUTTON",
    "ROLE_COMBO_BOX", "ROLE_TEXT", "ROLE_ENTRY", "ROLE_PASSWORD_TEXT", "ROLE_SPIN_BUTTON", "ROLE_SLIDER",
    "ROLE_DIAL", "ROLE_LIST", "ROLE_LIST_BOX", "ROLE_LIST_ITEM", "ROLE_TABLE", "ROLE_TABLE_CELL", "ROLE_TREE",
    "ROLE_TREE_TABLE", "ROLE_TREE_ITEM", "ROLE_PAGE_TAB", "ROLE_MENU", "ROLE_MENU_ITEM", "ROLE_CHECK_MENU_ITEM",
    "ROLE_RADIO_MENU_ITEM", "ROLE_LINK", "ROLE_SWITCH",
)
WINDOWS = _roles("ROLE_FRAME", "ROLE_DIALOG", "ROLE_ALERT", "ROLE_WINDOW", "ROLE_FILE_CHOOSER")
MENU_ITEMS = _roles("ROLE_MENU_ITEM", "ROLE_CHECK_MENU_ITEM", "ROLE_RADIO_MENU_ITEM", "ROLE_MENU")
KEY_RETURN, KEY_ESCAPE = 0xFF0D, 0xFF1B


class TourError(RuntimeError):
    pass


# -- reading the tree ---------------------------------------------------------------------------------------
def states(acc: Any) -> Any:
    return acc.getState()


def showing(acc: Any) -> bool:
    st = states(acc)
    return st.contains(pyatspi.STATE_SHOWING) and st.contains(pyatspi.STATE_VISIBLE)


def children(acc: Any) -> Iterator[Any]:
    for i in range(acc.childCount):
        try:
            child = acc.getChildAtIndex(i)
        except Exception:  # a child that went away while we read (a list refilled)
            continue
        if child is not None:
            yield child


def describe(acc: Any) -> str:
    text = acc.getRoleName()
    if acc.name:
        text += f" {acc.name[:40]!r}"
    return text


def walk(acc: Any, path: tuple[str, ...] = (), *, showing_only: bool = True) -> Iterator[tuple[Any, tuple[str, ...]]]:
    """Every element under `acc` (itself included) with the path to it; what is not showing (a hidden page,
    a closed popup, a row scrolled away) is left out with everything under it."""
    if acc is None or len(path) > MAX_DEPTH:
        return
    try:
        if showing_only and not showing(acc):
            return
        here = (*path, describe(acc))
    except Exception:  # gone while we read
        return
    yield acc, here
    for child in children(acc):
        yield from walk(child, here, showing_only=showing_only)


def interactive(acc: Any) -> bool:
    """A control by its role, or anything else that takes the keyboard focus itself. (A tab widget is
    focusable but hands the focus to its tab bar, the page tab list under it: the tabs are what is read.)"""
    if acc.getRole() in INTERACTIVE:
        return True
    if not states(acc).contains(pyatspi.STATE_FOCUSABLE):
        return False
    return not any(child.getRole() == pyatspi.ROLE_PAGE_TAB_LIST for child in children(acc))


def nameless(acc: Any) -> bool:
    return not (acc.name or "").strip()


@dataclass
class Screen:
    label: str
    elements: int = 0
    interactive: int = 0
    missing: list[str] = field(default_factory=list)


def audit_window(window: Any, screen: Screen) -> None:
    for acc, path in walk(window):
        screen.elements += 1
        if acc.getRole() in WINDOWS:
            if nameless(acc):
                screen.missing.append(" > ".join(path) + "  (a window without a title)")
            continue
        if interactive(acc):
            screen.interactive += 1
            if nameless(acc):
                screen.missing.append(" > ".join(path))


def audit_menus(frame: Any, screen: Screen) -> None:
    """The menu bar's menus and their items, read closed."""
    for bar in find_all(frame, lambda a: a.getRole() == pyatspi.ROLE_MENU_BAR):
        for acc, path in walk(bar, showing_only=False):
            if acc.getRole() in MENU_ITEMS:
                screen.elements += 1
                screen.interactive += 1
                if nameless(acc):
                    screen.missing.append(" > ".join(path))


# -- finding things ----------------------------------------------------------------------------------------
def find_app(name: str, timeout: float) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in children(desktop):
            try:
                if app.name == name and any(showing(w) for w in children(app)):
                    return app
            except Exception:
                continue
        if time.monotonic() > deadline:
            raise TourError(f"no application named {name!r} with a window on the AT-SPI bus")
        time.sleep(0.5)


def find_all(root: Any, pred: Callable[[Any], bool], *, showing_only: bool = False) -> list[Any]:
    found = []
    for acc, _path in walk(root, showing_only=showing_only):
        try:
            if pred(acc):
                found.append(acc)
        except Exception:
            continue
    return found


def windows(app: Any) -> list[Any]:
    return [w for w in children(app) if showing(w)]


def wait_until(what: str, pred: Callable[[], Any], timeout: float = 10.0) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        try:
            result = pred()
        except Exception:
            result = None
        if result:
            return result
        if time.monotonic() > deadline:
            raise TourError(f"timed out waiting for {what}")
        time.sleep(0.2)


def settle(seconds: float = 0.8) -> None:
    time.sleep(seconds)  # the app loads a page's items on a background thread


class App:
    """The running Beetroot, driven through AT-SPI only."""

    def __init__(self, acc: Any) -> None:
        self.acc = acc

    @property
    def frame(self) -> Any:
        frames = [w for w in windows(self.acc) if w.getRole() == pyatspi.ROLE_FRAME]
        if not frames:
            raise TourError("the main window is not showing")
        return frames[0]

    def dialogs(self) -> list[Any]:
        return [w for w in windows(self.acc) if w.getRole() != pyatspi.ROLE_FRAME]

    def menu_item(self, keys: str) -> Any:
        """The menu bar's item with this shortcut ("Ctrl+1")."""
        for item in find_all(self.frame, lambda a: a.getRole() == pyatspi.ROLE_MENU_ITEM):
            try:
                action = item.queryAction()
            except NotImplementedError:
                continue
            if any(action.getKeyBinding(i) == keys for i in range(action.nActions)):
                return item
        raise TourError(f"no menu item with the shortcut {keys}")

    def last_menu_item(self) -> Any:
        """The last item of the last menu (Help › About Beetroot, which has no shortcut)."""
        bars = find_all(self.frame, lambda a: a.getRole() == pyatspi.ROLE_MENU_BAR)
        menus = list(children(bars[0])) if bars else []
        if not menus:
            raise TourError("the window has no menus")
        items = find_all(menus[-1], lambda a: a.getRole() == pyatspi.ROLE_MENU_ITEM)[1:]
        if not items:
            raise TourError(f"the menu {menus[-1].name!r} has no items")
        return items[-1]

    def trigger(self, keys: str) -> None:
        """The menu item with this shortcut, or with keys "last" the last item of the last menu."""
        item = self.last_menu_item() if keys == "last" else self.menu_item(keys)
        if not states(item).contains(pyatspi.STATE_ENABLED):
            raise TourError(f"the menu item {item.name!r} ({keys}) is disabled")
        press(item)

    def activate(self) -> None:
        """Make the main window the active one, as a window manager does when it opens (Xvfb has none):
        a click on the app's title in the sidebar, which does nothing else."""
        frame = self.frame
        if states(frame).contains(pyatspi.STATE_ACTIVE):
            return
        labels = find_all(frame, lambda a: a.getRole() == pyatspi.ROLE_LABEL and a.name, showing_only=True)
        target = labels[0] if labels else frame
        ext = target.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        pyatspi.Registry.generateMouseEvent(ext.x + ext.width // 2, ext.y + ext.height // 2, "b1c")
        wait_until("the main window to become active", lambda: states(self.frame).contains(pyatspi.STATE_ACTIVE))

    def page_list(self) -> Any:
        """The grid of the page on screen: the last showing list with items (the sidebar's comes first)."""
        lists = [a for a in find_all(self.frame, lambda a: a.getRole() == pyatspi.ROLE_LIST, showing_only=True)
                 if a.childCount > 0]
        if len(lists) < 2:
            raise TourError("no list of items on the page")
        return lists[-1]

    def open_first_item(self) -> None:
        """Tab to the page's grid and press Enter on its first item, as a keyboard user opens it."""
        grid = self.page_list()
        self.activate()
        grid.queryComponent().grabFocus()
        wait_until("the grid to take the focus", lambda: states(grid).contains(pyatspi.STATE_FOCUSED))
        key(KEY_RETURN)
        wait_until("the item to open", lambda: not showing(grid))
        settle()

    def tabs(self, root: Any) -> list[Any]:
        return find_all(root, lambda a: a.getRole() == pyatspi.ROLE_PAGE_TAB, showing_only=True)


def press(acc: Any) -> None:
    action = acc.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    for wanted in ("Press", "press", "click", "Toggle", "ShowMenu"):
        if wanted in names:
            action.doAction(names.index(wanted))
            return
    if not names:
        raise TourError(f"{describe(acc)} has no action")
    action.doAction(0)


def key(keysym: int) -> None:
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
    time.sleep(0.3)


def close_dialog(app: App, dialog: Any) -> None:
    """Its Cancel / Close / OK button (the last push button of the dialog's button row)."""
    buttons = find_all(dialog, lambda a: a.getRole() == pyatspi.ROLE_PUSH_BUTTON and
                       states(a).contains(pyatspi.STATE_ENABLED), showing_only=True)
    by_name = {b.name.replace("&", "").lower(): b for b in buttons}
    for name in ("cancel", "close", "ok", "abbrechen", "schließen"):
        if name in by_name:
            press(by_name[name])
            break
    else:
        dialog.queryComponent().grabFocus()
        key(KEY_ESCAPE)
    wait_until("the dialog to close", lambda: not app.dialogs())


# -- the tour ---------------------------------------------------------------------------------------------
class Tour:
    def __init__(self, app: App) -> None:
        self.app = app
        self.screens: list[Screen] = []
        self.skipped: list[str] = []
        self.notes: list[str] = []

    def check(self, label: str, window: Any = None) -> Screen:
        """Audit `window`, or every window of the app that is showing."""
        settle(0.3)
        screen = Screen(label)
        for each in [window] if window is not None else windows(self.app.acc):
            audit_window(each, screen)
        self.screens.append(screen)
        return screen

    def step(self, label: str, do: Callable[[], None], *, optional: bool = False) -> None:
        """Take one step of the tour; one that fails is reported (and fails the check unless `optional`:
        a screen the library has nothing for, as Missing photos with no photo missing)."""
        try:
            do()
        except TourError as exc:
            (self.notes if optional else self.skipped).append(f"{label}: {exc}")
        except Exception as exc:  # an AT-SPI call that failed: say which step
            self.skipped.append(f"{label}: {type(exc).__name__}: {exc}")

    def dialog(self, label: str, keys: str, *, tabs: bool = False) -> None:
        def do() -> None:
            if self.app.dialogs():
                raise TourError("a dialog is still open")
            self.app.trigger(keys)
            dialog = wait_until(f"the {label} dialog", lambda: next(iter(self.app.dialogs()), None))
            settle()
            self.check(label, dialog)
            if tabs:
                for i, tab in enumerate(self.app.tabs(dialog)[1:], start=2):
                    press(tab)
                    settle()
                    self.check(f"{label}, tab {i} ({tab.name})", dialog)
            close_dialog(self.app, dialog)

        self.step(label, do)

    def run(self) -> None:
        app = self.app
        self.check("People")
        menus = Screen("the menus (read closed)")
        audit_menus(app.frame, menus)
        self.screens.append(menus)
        for keys, label in (("Ctrl+2", "All Photos"), ("Ctrl+3", "Unassigned faces"), ("Ctrl+4", "Review"),
                            ("Ctrl+5", "Activity"), ("Ctrl+6", "Missing photos")):
            def go(keys: str = keys, label: str = label) -> None:
                app.trigger(keys)
                settle()
                self.check(label)
                if keys == "Ctrl+4":
                    self.review_modes()

            self.step(label, go, optional=keys == "Ctrl+6")

        def person() -> None:
            app.trigger("Ctrl+1")
            settle()
            app.open_first_item()
            self.check("a person's page (Photos tab)")
            tabs = app.tabs(app.frame)
            if len(tabs) < 2:
                raise TourError("the person's page has no Faces tab")
            press(tabs[1])
            settle()
            self.check(f"a person's page ({tabs[1].name} tab)")
            press(app.tabs(app.frame)[0])
            settle()
            app.open_first_item()
            self.check("the photo viewer")
            app.trigger("Alt+Left")
            settle()

        self.step("a person and the viewer", person)
        self.step("back to People", lambda: (app.trigger("Ctrl+1"), settle()))
        self.dialog("Settings", "Ctrl+,", tabs=True)
        self.dialog("Keyboard Shortcuts", "F1")
        self.dialog("Export Names to XMP", "Ctrl+Shift+E")
        self.dialog("About Beetroot", "last")

    def review_modes(self) -> None:
        """Review's two modes: its checkable mode buttons (One at a time, Several at once)."""
        app = self.app
        modes = find_all(app.frame, lambda a: a.getRole() in (pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_TOGGLE_BUTTON),
                         showing_only=True)
        if len(modes) < 2:
            raise TourError("Review shows no mode buttons")
        press(modes[1])
        settle()
        self.check("Review, several questions at once")
        press(modes[0])
        settle()


def report(screens: list[Screen], skipped: list[str], notes: list[str], out: Any = sys.stdout) -> int:
    width = max((len(s.label) for s in screens), default=10)
    print("Beetroot through AT-SPI, as a screen reader reads it:", file=out)
    for s in screens:
        print(f"  {s.label:<{width}}  {s.elements:5} showing, {s.interactive:4} controls, "
              f"{len(s.missing)} without a name", file=out)
    missing = [(s.label, m) for s in screens for m in s.missing]
    if missing:
        print("\nControls without a name:", file=out)
        for label, path in missing:
            print(f"  [{label}] {path}", file=out)
    for note in skipped:
        print(f"\nnot checked (a step of the tour failed): {note}", file=out)
    for note in notes:
        print(f"\nnot checked: {note}", file=out)
    elements = sum(s.elements for s in screens)
    controls = sum(s.interactive for s in screens)
    print(f"\n{len(screens)} screens, {elements} elements, {controls} controls checked; "
          f"{len(missing)} without a name", file=out)
    if missing:
        return 1
    return 2 if skipped else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--app", default="Beetroot", help="the application's name on the bus (default: Beetroot)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for the app to appear")
    parser.add_argument("--tour", action="store_true", help="go through every screen (else: what is on screen)")
    args = parser.parse_args(argv)
    try:
        app = App(find_app(args.app, args.timeout))
    except TourError as exc:
        print(f"atspi_check: {exc}", file=sys.stderr)
        return 2
    settle(1.5)  # the first page's items arrive from a background thread
    tour = Tour(app)
    if args.tour:
        tour.run()
    else:
        tour.check("on screen")
    return report(tour.screens, tour.skipped, tour.notes)


if __name__ == "__main__":
    sys.exit(main())
