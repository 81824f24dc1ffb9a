"""The window's actions, declared once: text, shortcut, icon, the window method each one calls, its menu,
and the line it gets in Help › Keyboard Shortcuts (which is generated from these declarations).

Keyed by `MainAction`, as Picard keys its actions; the shortcut list follows the order of ACTIONS.
The keys are also plain strings ("undo"), so `window.actions_by_name["undo"]` finds the same action as
`window.actions_by_name[MainAction.UNDO]`. Whether an action is enabled depends on what the window
shows; `MainWindow._update_actions` decides it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar, QWidget

from . import icons, style

Shortcut = str | QKeySequence.StandardKey


class MainAction(str, Enum):
    IMPORT_FOLDER = "import_folder"
    IMPORT_FILES = "import_files"
    SYNC = "sync"
    PAUSE = "pause"
    CANCEL = "cancel"
    SETTINGS = "settings"
    QUIT = "quit"
    UNDO = "undo"
    REDO = "redo"
    RENAME = "rename"
    MERGE = "merge"
    SPLIT = "split"
    HIDE = "hide"
    NOT_THIS = "not_this"
    NOT_A_FACE = "not_a_face"
    IGNORE_FACE = "ignore_face"
    ADD_FACE = "add_face"
    COVER = "cover"
    REVIEW_YES = "review_yes"
    REVIEW_NO = "review_no"
    REVIEW_SKIP = "review_skip"
    FIND = "find"
    TOGETHER = "together"
    EXPORT_PHOTOS = "export_photos"
    FORGET = "forget"
    EXPORT_XMP = "export_xmp"
    DELETE_COLLECTION = "delete_collection"
    GO_PEOPLE = "go_people"
    GO_PHOTOS = "go_photos"
    GO_UNASSIGNED = "go_unassigned"
    GO_REVIEW = "go_review"
    GO_ACTIVITY = "go_activity"
    GO_MISSING = "go_missing"
    SHOW_HIDDEN = "show_hidden"
    SORT_COUNT = "sort_count"
    SORT_NAME = "sort_name"
    BACK = "back"
    SHORTCUTS = "shortcuts"
    ABOUT = "about"


@dataclass(frozen=True)
class ActionSpec:
    text: str
    slot: str  # the MainWindow method the action calls
    args: tuple[Any, ...] = ()
    shortcut: Shortcut | None = None
    does: str = ""  # its line in the shortcut list ("" leaves it out)
    also: str = ""  # another way to do it, shown with the keys ("double-click the name")
    icon: str | None = None
    checkable: bool = False


A = MainAction
ACTIONS: dict[MainAction, ActionSpec] = {
    A.IMPORT_FOLDER: ActionSpec("Import &Folder…", "choose_folder", shortcut="Ctrl+O", does="Import a folder"),
    A.IMPORT_FILES: ActionSpec("Import &Photos…", "choose_files", shortcut="Ctrl+Shift+O", does="Import photos"),
    A.SYNC: ActionSpec("S&ync Library", "sync_library", shortcut="F5",
                       does="Look at every imported folder again: new photos in, moved and deleted ones followed"),
    A.PAUSE: ActionSpec("&Pause Import", "toggle_pause"),
    A.CANCEL: ActionSpec("&Cancel Import", "cancel_import"),
    A.EXPORT_XMP: ActionSpec("Export &Names to XMP…", "export_xmp", shortcut="Ctrl+Shift+E",
                             does="Write the names into XMP sidecars beside the photos (File menu; photos untouched)"),
    A.DELETE_COLLECTION: ActionSpec("&Delete Cloud Collection…", "delete_collection"),
    A.UNDO: ActionSpec("&Undo", "undo", shortcut="Ctrl+Z", icon="undo",
                       does="Undo the last edit (rename, merge, split, not this person, hide, cover, regroup)"),
    A.REDO: ActionSpec("&Redo", "redo", shortcut="Ctrl+Shift+Z", icon="redo", does="Redo the edit just undone"),
    A.RENAME: ActionSpec("&Rename Person", "rename", shortcut="F2", also="double-click the name",
                         does="Rename a person"),
    A.MERGE: ActionSpec("&Merge People…", "merge", shortcut="Ctrl+M",
                        does="Merge the selected people (or drag one tile onto another)"),
    A.SPLIT: ActionSpec("&Split Person…", "split"),
    A.HIDE: ActionSpec("&Hide / Show Person", "toggle_hidden", shortcut="Ctrl+H",
                       does="Hide or show the selected people"),
    A.NOT_THIS: ActionSpec("&Not This Person", "not_this_person", shortcut=QKeySequence.StandardKey.Delete,
                           does="Not this person (on a person's Faces tab)"),
    A.NOT_A_FACE: ActionSpec("Not a &Face", "not_a_face", shortcut="Shift+Del",
                             does="Not a face: a false detection (the selected faces)"),
    A.IGNORE_FACE: ActionSpec("&Ignore Face", "ignore_face", shortcut="Ctrl+Del",
                              does="Ignore the selected faces: strangers in the background"),
    A.ADD_FACE: ActionSpec("&Add Face…", "add_face", shortcut="F", also="drag a box on the photo",
                           does="Add a face the detector missed (in the viewer; arrows move the box, Shift+arrows"
                                " size it, Enter keeps it, Esc cancels)"),
    A.COVER: ActionSpec("Use as &Cover", "use_as_cover"),
    A.REVIEW_YES: ActionSpec("Answer &Yes", "review_answer", ("yes",), shortcut="Y",
                             does="Review: yes, the same person (in the list, every selected question)"),
    A.REVIEW_NO: ActionSpec("Answer N&o", "review_answer", ("no",), shortcut="N",
                            does="Review: no, not the same person"),
    A.REVIEW_SKIP: ActionSpec("S&kip Question", "review_answer", ("skip",), shortcut="S",
                              does="Review: skip the question (it is asked again last)"),
    A.FIND: ActionSpec("&Find Person", "find", shortcut=QKeySequence.StandardKey.Find, does="Search people by name"),
    A.TOGETHER: ActionSpec("Photos &Together…", "photos_together", shortcut="Ctrl+T",
                           does="Photos in which all the selected people appear (With… on a person's page)"),
    A.EXPORT_PHOTOS: ActionSpec("&Export Photos…", "export_photos", shortcut="Ctrl+E",
                                does="Copy (or link) a person's photos into a folder"),
    A.FORGET: ActionSpec("&Forget Person…", "forget_person"),
    A.GO_PEOPLE: ActionSpec("People", "show_section", (0,), shortcut="Ctrl+1", does="Show People"),
    A.GO_PHOTOS: ActionSpec("All Photos", "show_section", (1,), shortcut="Ctrl+2", does="Show All Photos"),
    A.GO_UNASSIGNED: ActionSpec("Unassigned faces", "show_section", (2,), shortcut="Ctrl+3",
                                does="Show Unassigned faces"),
    A.GO_REVIEW: ActionSpec("Review", "show_section", (3,), shortcut="Ctrl+4",
                            does="Show Review: the questions Beetroot could not answer alone"),
    A.GO_ACTIVITY: ActionSpec("Activity", "show_section", (4,), shortcut="Ctrl+5", does="Show Activity"),
    A.GO_MISSING: ActionSpec("Missing Photos", "show_section", (5,), shortcut="Ctrl+6",
                             does="Show Missing photos (when some are)"),
    A.SHOW_HIDDEN: ActionSpec("Show &Hidden People", "toggle_show_hidden", shortcut="Ctrl+Shift+H", checkable=True,
                              does="Show hidden people in the grid"),
    A.SORT_COUNT: ActionSpec("Sort by Number of &Photos", "set_sort", ("count",)),
    A.SORT_NAME: ActionSpec("Sort by &Name", "set_sort", ("name",)),
    A.BACK: ActionSpec("&Back", "back", shortcut="Alt+Left", also="Esc", does="Back"),
    A.SETTINGS: ActionSpec("&Settings…", "open_settings", shortcut="Ctrl+,", does="Settings"),
    A.SHORTCUTS: ActionSpec("&Keyboard Shortcuts", "show_shortcuts", shortcut="F1", does="This list"),
    A.ABOUT: ActionSpec("&About Beetroot", "show_about"),
    A.QUIT: ActionSpec("&Quit", "close", shortcut=QKeySequence.StandardKey.Quit, does="Quit"),
}

MENUS: tuple[tuple[str, tuple[MainAction | None, ...]], ...] = (  # None: a separator
    ("&File", (A.IMPORT_FOLDER, A.IMPORT_FILES, A.SYNC, None, A.EXPORT_XMP, None, A.PAUSE, A.CANCEL, None,
               A.SETTINGS, A.DELETE_COLLECTION, None, A.QUIT)),
    ("&Edit", (A.UNDO, A.REDO, None, A.RENAME, A.MERGE, A.SPLIT, A.HIDE, None, A.NOT_THIS, A.NOT_A_FACE,
               A.IGNORE_FACE, A.ADD_FACE, A.COVER, None, A.REVIEW_YES, A.REVIEW_NO, A.REVIEW_SKIP, None, A.FIND)),
    ("&People", (A.TOGETHER, A.EXPORT_PHOTOS, None, A.FORGET)),
    ("&View", (A.GO_PEOPLE, A.GO_PHOTOS, A.GO_UNASSIGNED, A.GO_REVIEW, A.GO_ACTIVITY, A.GO_MISSING, None,
               A.SHOW_HIDDEN, A.SORT_COUNT, A.SORT_NAME, None, A.BACK)),
    ("&Help", (A.SHORTCUTS, A.ABOUT)),
)

# What the mouse and the keys do without a menu action (listed with the actions' shortcuts).
GESTURES_FIRST = (
    ("Drop photos or folders on the window", "Import them (files already imported are skipped)"),
    ("Click a photo", "View it"),
    ("Enter / double-click", "Open a person (or the selected photo)"),
)
GESTURES_LAST = (
    ("← →, Home, End", "Previous / next photo in the viewer, previous / next question in Review"),
    ("Click a face in the viewer", "Open that person (right-click: Not a face, Ignore, …)"),
)


def create_actions(window: QWidget) -> dict[MainAction, QAction]:
    """Every declared action, added to `window` (so its shortcut works anywhere in it)."""
    actions: dict[MainAction, QAction] = {}
    for key, spec in ACTIONS.items():
        action = QAction(spec.text, window)
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        if spec.icon:
            action.setIcon(icons.icon(spec.icon, style.TEXT, 16))
        action.setCheckable(spec.checkable)
        slot, args = getattr(window, spec.slot), spec.args
        action.triggered.connect(lambda _checked=False, slot=slot, args=args: slot(*args))
        window.addAction(action)
        actions[key] = action
    return actions


def build_menus(bar: QMenuBar, actions: dict[MainAction, QAction]) -> None:
    for title, keys in MENUS:
        menu = bar.addMenu(title)
        for key in keys:
            if key is None:
                menu.addSeparator()
            else:
                menu.addAction(actions[key])


def shortcut_rows(actions: dict[MainAction, QAction]) -> list[tuple[str, str]]:
    """(keys, what they do) for Help › Keyboard Shortcuts, from the actions' own (current) shortcuts."""
    rows: list[tuple[str, str]] = list(GESTURES_FIRST)
    for key, spec in ACTIONS.items():
        if not spec.does:
            continue
        keys = actions[key].shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        rows.append((" / ".join(k for k in (keys, spec.also) if k), spec.does))
    rows.extend(GESTURES_LAST)
    return rows

