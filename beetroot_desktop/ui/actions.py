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

from . import icons
from .i18n import QT_TR_NOOP, tr

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
    MERGE_INTO = "merge_into"
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
    text: str  # marked with QT_TR_NOOP; `tr()` where the action is made
    slot: str  # the MainWindow method the action calls
    args: tuple[Any, ...] = ()
    shortcut: Shortcut | None = None
    does: str = ""  # its line in the shortcut list ("" leaves it out)
    also: str = ""  # another way to do it, shown with the keys ("double-click the name")
    icon: str | None = None
    checkable: bool = False


A = MainAction
ACTIONS: dict[MainAction, ActionSpec] = {
    A.IMPORT_FOLDER: ActionSpec(QT_TR_NOOP("Import &Folder…"), "choose_folder", shortcut="Ctrl+O",
                                does=QT_TR_NOOP("Import a folder")),
    A.IMPORT_FILES: ActionSpec(QT_TR_NOOP("Import &Photos…"), "choose_files", shortcut="Ctrl+Shift+O",
                               does=QT_TR_NOOP("Import photos")),
    A.SYNC: ActionSpec(QT_TR_NOOP("S&ync Library"), "sync_library", shortcut="F5",
                       does=QT_TR_NOOP("Look at every imported folder again: new photos in, moved and deleted ones"
                                       " followed")),
    A.PAUSE: ActionSpec(QT_TR_NOOP("P&ause Import"), "toggle_pause"),
    A.CANCEL: ActionSpec(QT_TR_NOOP("&Cancel Import"), "cancel_import"),
    A.EXPORT_XMP: ActionSpec(QT_TR_NOOP("Export &Names to XMP…"), "export_xmp", shortcut="Ctrl+Shift+E",
                             does=QT_TR_NOOP("Write the names into XMP sidecars beside the photos (File menu; photos"
                                    " untouched)")),
    A.DELETE_COLLECTION: ActionSpec(QT_TR_NOOP("&Delete Cloud Collection…"), "delete_collection"),
    A.UNDO: ActionSpec(QT_TR_NOOP("&Undo"), "undo", shortcut="Ctrl+Z", icon="undo",
                       does=QT_TR_NOOP("Undo the last edit (rename, merge, split, not this person, hide, cover,"
                                       " regroup)")),
    A.REDO: ActionSpec(QT_TR_NOOP("&Redo"), "redo", shortcut="Ctrl+Shift+Z", icon="redo",
                       does=QT_TR_NOOP("Redo the edit just undone")),
    A.RENAME: ActionSpec(QT_TR_NOOP("Rename &Person"), "rename", shortcut="F2",
                         also=QT_TR_NOOP("double-click the name"),
                         does=QT_TR_NOOP("Rename a person")),
    A.MERGE: ActionSpec(QT_TR_NOOP("&Merge People…"), "merge", shortcut="Ctrl+M",
                        does=QT_TR_NOOP("Merge the selected people (or drag one tile onto another)")),
    A.MERGE_INTO: ActionSpec(QT_TR_NOOP("Merge In&to…"), "merge_into", shortcut="Ctrl+Shift+M",
                             does=QT_TR_NOOP("Merge the selected people into a person chosen from a list (as"
                                             " dragging their tiles onto that person does)")),
    A.SPLIT: ActionSpec(QT_TR_NOOP("&Split Person…"), "split"),
    A.HIDE: ActionSpec(QT_TR_NOOP("&Hide / Show Person"), "toggle_hidden", shortcut="Ctrl+H",
                       does=QT_TR_NOOP("Hide or show the selected people")),
    A.NOT_THIS: ActionSpec(QT_TR_NOOP("&Not This Person"), "not_this_person", shortcut=QKeySequence.StandardKey.Delete,
                           does=QT_TR_NOOP("Not this person (on a person's Faces tab)")),
    A.NOT_A_FACE: ActionSpec(QT_TR_NOOP("Not a &Face"), "not_a_face", shortcut="Shift+Del",
                             does=QT_TR_NOOP("Not a face: a false detection (the selected faces)")),
    A.IGNORE_FACE: ActionSpec(QT_TR_NOOP("&Ignore Face"), "ignore_face", shortcut="Ctrl+Del",
                              does=QT_TR_NOOP("Ignore the selected faces: strangers in the background")),
    A.ADD_FACE: ActionSpec(QT_TR_NOOP("&Add Face…"), "add_face", shortcut="F",
                           also=QT_TR_NOOP("drag a box on the photo"),
                           does=QT_TR_NOOP("Add a face the detector missed (in the viewer; arrows move the box,"
                                           " Shift+arrows size it, Enter keeps it, Esc cancels)")),
    A.COVER: ActionSpec(QT_TR_NOOP("Use as &Cover"), "use_as_cover"),
    A.REVIEW_YES: ActionSpec(QT_TR_NOOP("Answer &Yes"), "review_answer", ("yes",), shortcut="Y",
                             does=QT_TR_NOOP("Review: yes, the same person (in the list, every selected question)")),
    A.REVIEW_NO: ActionSpec(QT_TR_NOOP("Answer N&o"), "review_answer", ("no",), shortcut="N",
                            does=QT_TR_NOOP("Review: no, not the same person")),
    A.REVIEW_SKIP: ActionSpec(QT_TR_NOOP("S&kip Question"), "review_answer", ("skip",), shortcut="S",
                              does=QT_TR_NOOP("Review: skip the question (it is asked again last)")),
    A.FIND: ActionSpec(QT_TR_NOOP("Fin&d Person"), "find", shortcut=QKeySequence.StandardKey.Find,
                       does=QT_TR_NOOP("Search people by name")),
    A.TOGETHER: ActionSpec(QT_TR_NOOP("Photos &Together…"), "photos_together", shortcut="Ctrl+T",
                           does=QT_TR_NOOP("Photos in which all the selected people appear (With… on a person's"
                                           " page)")),
    A.EXPORT_PHOTOS: ActionSpec(QT_TR_NOOP("&Export Photos…"), "export_photos", shortcut="Ctrl+E",
                                does=QT_TR_NOOP("Copy (or link) a person's photos into a folder")),
    A.FORGET: ActionSpec(QT_TR_NOOP("&Forget Person…"), "forget_person"),
    A.GO_PEOPLE: ActionSpec(QT_TR_NOOP("People"), "show_section", (0,), shortcut="Ctrl+1",
                            does=QT_TR_NOOP("Show People")),
    A.GO_PHOTOS: ActionSpec(QT_TR_NOOP("All Photos"), "show_section", (1,), shortcut="Ctrl+2",
                            does=QT_TR_NOOP("Show All Photos")),
    A.GO_UNASSIGNED: ActionSpec(QT_TR_NOOP("Unassigned faces"), "show_section", (2,), shortcut="Ctrl+3",
                                does=QT_TR_NOOP("Show Unassigned faces")),
    A.GO_REVIEW: ActionSpec(QT_TR_NOOP("Review"), "show_section", (3,), shortcut="Ctrl+4",
                            does=QT_TR_NOOP("Show Review: the questions Beetroot could not answer alone")),
    A.GO_ACTIVITY: ActionSpec(QT_TR_NOOP("Activity"), "show_section", (4,), shortcut="Ctrl+5",
                              does=QT_TR_NOOP("Show Activity")),
    A.GO_MISSING: ActionSpec(QT_TR_NOOP("Missing Photos"), "show_section", (5,), shortcut="Ctrl+6",
                             does=QT_TR_NOOP("Show Missing photos (when some are)")),
    A.SHOW_HIDDEN: ActionSpec(QT_TR_NOOP("Show &Hidden People"), "toggle_show_hidden", shortcut="Ctrl+Shift+H",
                              checkable=True, does=QT_TR_NOOP("Show hidden people in the grid")),
    A.SORT_COUNT: ActionSpec(QT_TR_NOOP("Sort by Number of &Photos"), "set_sort", ("count",)),
    A.SORT_NAME: ActionSpec(QT_TR_NOOP("Sort by &Name"), "set_sort", ("name",)),
    A.BACK: ActionSpec(QT_TR_NOOP("&Back"), "back", shortcut="Alt+Left", also=QT_TR_NOOP("Esc"),
                       does=QT_TR_NOOP("Back")),
    A.SETTINGS: ActionSpec(QT_TR_NOOP("&Settings…"), "open_settings", shortcut="Ctrl+,", does=QT_TR_NOOP("Settings")),
    A.SHORTCUTS: ActionSpec(QT_TR_NOOP("&Keyboard Shortcuts"), "show_shortcuts", shortcut="F1",
                            does=QT_TR_NOOP("This list")),
    A.ABOUT: ActionSpec(QT_TR_NOOP("&About Beetroot"), "show_about"),
    A.QUIT: ActionSpec(QT_TR_NOOP("&Quit"), "close", shortcut=QKeySequence.StandardKey.Quit, does=QT_TR_NOOP("Quit")),
}

MENUS: tuple[tuple[str, tuple[MainAction | None, ...]], ...] = (  # None: a separator
    (QT_TR_NOOP("&File"), (A.IMPORT_FOLDER, A.IMPORT_FILES, A.SYNC, None, A.EXPORT_XMP, None, A.PAUSE, A.CANCEL, None,
                  A.SETTINGS, A.DELETE_COLLECTION, None, A.QUIT)),
    (QT_TR_NOOP("&Edit"), (A.UNDO, A.REDO, None, A.RENAME, A.MERGE, A.MERGE_INTO, A.SPLIT, A.HIDE, None, A.NOT_THIS,
                  A.NOT_A_FACE, A.IGNORE_FACE, A.ADD_FACE, A.COVER, None, A.REVIEW_YES, A.REVIEW_NO, A.REVIEW_SKIP,
                  None, A.FIND)),
    (QT_TR_NOOP("&People"), (A.TOGETHER, A.EXPORT_PHOTOS, None, A.FORGET)),
    (QT_TR_NOOP("&View"), (A.GO_PEOPLE, A.GO_PHOTOS, A.GO_UNASSIGNED, A.GO_REVIEW, A.GO_ACTIVITY, A.GO_MISSING, None,
                  A.SHOW_HIDDEN, A.SORT_COUNT, A.SORT_NAME, None, A.BACK)),
    (QT_TR_NOOP("&Help"), (A.SHORTCUTS, A.ABOUT)),
)

# What the mouse and the keys do without a menu action (listed with the actions' shortcuts).
GESTURES_FIRST = (
    (QT_TR_NOOP("Drop photos or folders on the window"),
     QT_TR_NOOP("Import them (files already imported are skipped)")),
    (QT_TR_NOOP("Click a photo"), QT_TR_NOOP("View it")),
    (QT_TR_NOOP("Enter / double-click"), QT_TR_NOOP("Open a person (or the selected photo)")),
)
GESTURES_LAST = (
    (QT_TR_NOOP("Tab / Shift+Tab"),
     QT_TR_NOOP("The next / previous control: the sidebar (↑ ↓ choose the section), then the page's buttons and grid")),
    (QT_TR_NOOP("Shift+arrows, Ctrl+Space"),
     QT_TR_NOOP("Select several tiles, to merge or hide them together (Ctrl+arrows move without selecting)")),
    (QT_TR_NOOP("Shift+F10 / Menu key"),
     QT_TR_NOOP("The menu of the current tile or face, as a right-click opens it")),
    (QT_TR_NOOP("Tab in the viewer"),
     QT_TR_NOOP("Go through the faces in the photo: Enter opens that person, Shift+F10 shows the face's menu")),
    (QT_TR_NOOP("← →, Home, End"),
     QT_TR_NOOP("Previous / next photo in the viewer, previous / next question in Review")),
    (QT_TR_NOOP("Click a face in the viewer"), QT_TR_NOOP("Open that person (right-click: Not a face, Ignore, …)")),
)


def create_actions(window: QWidget) -> dict[MainAction, QAction]:
    """Every declared action, added to `window` (so its shortcut works anywhere in it)."""
    actions: dict[MainAction, QAction] = {}
    for key, spec in ACTIONS.items():
        action = QAction(tr(spec.text), window)
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        if spec.icon:
            action.setIcon(icons.icon(spec.icon, "text", 16))
        action.setCheckable(spec.checkable)
        slot, args = getattr(window, spec.slot), spec.args
        action.triggered.connect(lambda _checked=False, slot=slot, args=args: slot(*args))
        window.addAction(action)
        actions[key] = action
    return actions


def build_menus(bar: QMenuBar, actions: dict[MainAction, QAction]) -> None:
    for title, keys in MENUS:
        menu = bar.addMenu(tr(title))
        for key in keys:
            if key is None:
                menu.addSeparator()
            else:
                menu.addAction(actions[key])


def shortcut_rows(actions: dict[MainAction, QAction]) -> list[tuple[str, str]]:
    """(keys, what they do) for Help › Keyboard Shortcuts, from the actions' own (current) shortcuts: every
    action with a line of its own or a shortcut (one without a line is described by its menu text)."""
    rows: list[tuple[str, str]] = [(tr(keys), tr(does)) for keys, does in GESTURES_FIRST]
    for key, spec in ACTIONS.items():
        keys = actions[key].shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if not spec.does and not keys:
            continue
        does = tr(spec.does) if spec.does else menu_text(actions[key].text())
        rows.append((" / ".join(k for k in (keys, tr(spec.also) if spec.also else "") if k), does))
    rows.extend((tr(keys), tr(does)) for keys, does in GESTURES_LAST)
    return rows


def menu_text(text: str) -> str:
    """A menu item's text without its accelerator and its "…" ("&Merge People…" -> "Merge People")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("…")

