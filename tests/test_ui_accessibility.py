"""What a screen reader meets in the window, read through Qt's accessibility interface (QAccessible), as the
platform bridge (AT-SPI on Linux, UI Automation on Windows, NSAccessibility on macOS) hands it on.

Every page (People, a person, the viewer, All Photos, Unassigned, Review in both modes, Activity, Missing
photos, Photos together), the Settings dialog (both tabs) and the other dialogs are walked: no showing
control that takes a click or the keys may be without a name, every dialog has one, a person's tile reads
"Barack Obama, 14 photos", a face in the viewer reads its person's name, and the import's progress is
announced. tools/atspi_check.py applies the same rule to the running app through AT-SPI, under Xvfb.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ui_helpers import face_in, open_window, person_of

from beetroot_desktop.ui.shell import REVIEW_ROW, SECTIONS

# The roles of things a user acts on: a name is what a screen reader says for them. (A scroll bar says its
# orientation itself; a static text, a picture or a pane is read through the controls around it.)
INTERACTIVE_ROLES = (
    "Button", "CheckBox", "RadioButton", "ComboBox", "EditableText", "SpinBox", "Slider", "Dial", "List",
    "ListItem", "Table", "Cell", "Tree", "TreeItem", "PageTab", "MenuItem", "ButtonMenu", "ButtonDropDown",
    "ButtonDropGrid", "Link", "HotkeyField", "Switch",
)
MAX_DEPTH = 40


def _roles() -> frozenset[Any]:
    from PySide6.QtGui import QAccessible

    return frozenset(getattr(QAccessible.Role, name) for name in INTERACTIVE_ROLES)


def _describe(iface: Any) -> str:
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QWidget

    text = iface.role().name
    name = iface.text(QAccessible.Text.Name)
    if name:
        text += f" {name[:40]!r}"
    obj = iface.object()
    if isinstance(obj, QWidget):
        text += f" <{type(obj).__name__}{'#' + obj.objectName() if obj.objectName() else ''}>"
    return text


def _showing(iface: Any) -> bool:
    state = iface.state()
    return not (state.invisible or state.offscreen)


def walk(iface: Any, path: tuple[str, ...] = (), *, showing_only: bool = True) -> Iterator[tuple[Any, tuple[str, ...]]]:
    """Every accessible element under `iface` (itself included) with the path to it, skipping what is not
    showing (a hidden page, a row scrolled out of view) unless `showing_only` is false."""
    if iface is None or not iface.isValid() or len(path) > MAX_DEPTH:
        return
    if showing_only and not _showing(iface):
        return
    here = (*path, _describe(iface))
    yield iface, here
    for i in range(iface.childCount()):
        yield from walk(iface.child(i), here, showing_only=showing_only)


def interactive(iface: Any) -> bool:
    """A control by its role, or anything that takes the keyboard focus itself (a page that acts on keys;
    a widget that hands the focus on to another, as a tab widget to its tab bar, is not read)."""
    from PySide6.QtWidgets import QWidget

    if iface.role() in _roles():
        return True
    obj = iface.object()
    return bool(iface.state().focusable) and not (isinstance(obj, QWidget) and obj.focusProxy() is not None)


def nameless(widget: Any, *, showing_only: bool = True) -> list[str]:
    """The interactive elements under `widget` that a screen reader would announce without a name."""
    from PySide6.QtGui import QAccessible

    found = []
    for iface, path in walk(QAccessible.queryAccessibleInterface(widget), showing_only=showing_only):
        if interactive(iface) and not iface.text(QAccessible.Text.Name).strip():
            found.append(" > ".join(path))
    return found


def menu_items_without_names(window: Any) -> list[str]:
    """The menus' items (checked closed: a menu's items are read when it opens), separators aside."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QMenu

    found = []
    for menu in window.findChildren(QMenu):
        iface = QAccessible.queryAccessibleInterface(menu)
        for i in range(iface.childCount()):
            item = iface.child(i)
            if item is not None and item.role() == QAccessible.Role.MenuItem and \
                    not item.text(QAccessible.Text.Name).strip():
                found.append(f"{menu.title() or menu.objectName() or type(menu).__name__} > item {i}")
    return found


def named_elements(widget: Any) -> dict[str, Any]:
    """The showing elements under `widget` by name (the first of each name)."""
    from PySide6.QtGui import QAccessible

    found: dict[str, Any] = {}
    for iface, _path in walk(QAccessible.queryAccessibleInterface(widget)):
        found.setdefault(iface.text(QAccessible.Text.Name), iface)
    return found


def settle(qtbot: Any, ms: int = 150) -> None:
    qtbot.wait(ms)


class Audit:
    """What each screen was found missing, reported together at the end."""

    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot
        self.problems: dict[str, list[str]] = {}
        self.checked: dict[str, int] = {}

    def check(self, label: str, widget: Any) -> None:
        from PySide6.QtGui import QAccessible

        settle(self.qtbot)
        self.checked[label] = sum(interactive(iface) for iface, _ in walk(QAccessible.queryAccessibleInterface(widget)))
        missing = nameless(widget)
        if missing:
            self.problems[label] = missing

    def check_dialog(self, label: str, dialog: Any) -> None:
        from PySide6.QtGui import QAccessible

        assert dialog is not None, label
        self.qtbot.waitUntil(dialog.isVisible, timeout=5000)
        iface = QAccessible.queryAccessibleInterface(dialog)
        if not iface.text(QAccessible.Text.Name).strip():
            self.problems.setdefault(label, []).append(f"the dialog itself ({type(dialog).__name__}) has no name")
        self.check(label, dialog)
        dialog.reject()
        self.qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)

    def report(self) -> str:
        lines = []
        for label, missing in self.problems.items():
            lines.append(f"{label}:")
            lines.extend(f"    {path}" for path in missing)
        return "\n".join(lines)


def _open_dialog(window: Any) -> Any:
    """The dialog the window just opened (one opened by a function that does not return it)."""
    from PySide6.QtWidgets import QApplication, QDialog

    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    assert len(shown) == 1, shown
    return shown[0]


def ask(lib: Any, kind: str, face_id: int | None, person: str | None, candidate: str) -> None:
    """A question in the review queue, as consolidation leaves one."""
    question = f"face:{face_id}:{candidate}" if kind == "face" else f"people:{person}:{candidate}"
    with lib.transaction():
        lib.conn.execute(
            "INSERT INTO review_queue(question, kind, face_id, person_id, candidate_person_id, similarity, weight,"
            " created_at) VALUES (?, ?, ?, ?, ?, 93.0, 1, 0)", (question, kind, face_id, person, candidate))


def test_every_showing_control_of_every_page_and_dialog_has_a_name(qtbot, imported_library, photos_dir):
    lib = imported_library
    obama = person_of(lib, photos_dir, "family/2019/obama.jpg")
    biden = person_of(lib, photos_dir, "family/2019/biden.jpg")
    lib.rename_person(obama, "Barack Obama")
    alex = person_of(lib, photos_dir, "family/2020/alex_img1.jpg")
    rose = person_of(lib, photos_dir, "family/2019/rose_img2.jpg")
    lib.merge_people([person_of(lib, photos_dir, "misc/lin-manuel-miranda.png")], alex)  # for the Split dialog
    ask(lib, "face", face_in(lib, photos_dir, "family/2019/rose_img2.jpg"), rose, alex)  # for Review
    ask(lib, "people", None, biden, obama)
    window = open_window(qtbot, lib.dir)
    audit = Audit(qtbot)

    audit.check("the main window (People)", window)
    assert menu_items_without_names(window) == []

    window.open_person(obama)
    page = window.person_page
    qtbot.waitUntil(lambda: page.photos.rowCount() > 0, timeout=10_000)
    audit.check("a person's page (Photos tab)", window)
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.faces.rowCount() > 0, timeout=10_000)
    audit.check("a person's page (Faces tab)", window)
    page.tabs.setCurrentIndex(0)
    audit.check_dialog("the Export Photos dialog", window.export_photos())
    audit.check_dialog("the Forget dialog", window.forget_person())
    audit.check_dialog("the 'Photos together with' picker", page.choose_with())

    window.open_photos(page.photos.ids(), 0)
    viewer = window.viewer
    qtbot.waitUntil(lambda: viewer.sharp, timeout=10_000)
    audit.check("the photo viewer", window)
    viewer.start_drawing()
    qtbot.keyClick(viewer, "\r")
    audit.check_dialog("the face name dialog", viewer.face_dialog)

    for row, (key, _label, _icon) in enumerate(SECTIONS):
        window.show_section(row)
        current = window.current_page()
        if row == REVIEW_ROW:
            qtbot.waitUntil(lambda: window.review_page.loaded and bool(window.review_page.questions), timeout=10_000)
        audit.check(f"the {key} section", window)
        if row == REVIEW_ROW:
            current.set_batch(True)
            audit.check("the review section, several questions at once", window)
            current.set_batch(False)

    window.show_section(0)
    people = window.people_page
    audit.check_dialog("the Merge dialog", people.confirm_merge([obama, biden], None))
    audit.check_dialog("the Merge Into picker", people.merge_into([obama]))
    window.open_together([obama, biden])
    audit.check("the Photos together page", window)
    window.show_section(0)
    window.open_person(alex)
    audit.check_dialog("the Split dialog", window.person_page.split())
    window.show_section(0)

    dialog = window.open_settings()
    for tab in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(tab)
        audit.check(f"the Settings dialog ({dialog.tabs.tabText(tab)})", dialog)
    dialog.tabs.setCurrentIndex(0)
    audit.check_dialog("the Settings dialog", dialog)
    audit.check_dialog("the shortcut list", window.show_shortcuts())
    audit.check_dialog("the XMP export dialog", window.export_xmp())
    window.failures = [(str(photos_dir / "broken.jpg"), "not an image")]
    window.show_failures()
    audit.check_dialog("the list of files that could not be imported", _open_dialog(window))
    window.show_about()
    audit.check_dialog("About Beetroot", _open_dialog(window))

    assert not audit.problems, "controls a screen reader would meet without a name:\n" + audit.report()
    assert all(audit.checked.values()), audit.checked  # every screen had controls to check


def test_a_person_tile_reads_the_name_and_the_photos(qtbot, imported_library, photos_dir):
    from PySide6.QtGui import QAccessible

    obama = person_of(imported_library, photos_dir, "family/2019/obama.jpg")
    imported_library.rename_person(obama, "Barack Obama")
    window = open_window(qtbot, imported_library.dir)
    photos = window.people_page.model.extra(obama).photos
    assert photos > 1
    tiles = {iface.text(QAccessible.Text.Name): iface
             for iface, _ in walk(QAccessible.queryAccessibleInterface(window.people_page.grid))
             if iface.role() == QAccessible.Role.ListItem}
    assert f"Barack Obama, {photos} photos" in tiles, sorted(tiles)


def test_a_face_in_the_viewer_reads_its_persons_name(qtbot, imported_library, photos_dir):
    lib = imported_library
    obama = person_of(lib, photos_dir, "family/2019/obama.jpg")
    lib.rename_person(obama, "Barack Obama")
    photo = lib.photo_by_path(str(photos_dir / "family/2019/obama.jpg"))
    assert photo is not None
    window = open_window(qtbot, lib.dir)
    window.open_photos([photo.id], 0)
    settle(qtbot)
    found = named_elements(window.viewer)
    face = next((iface for name, iface in found.items() if name.startswith("Barack Obama")), None)
    assert face is not None, sorted(found)
    assert face.role() in _roles()  # a face takes the keys and a click: it opens the person
    # Where the face is drawn: a screen reader's focus box (and a magnifier) follows it.
    box = window.viewer.face_rects()[0].toRect()
    rect = face.rect()
    assert rect.contains(window.viewer.mapToGlobal(box.center()))


def test_the_import_progress_is_announced(qtbot, tmp_path, photos_dir, monkeypatch):
    """A screen reader hears how an import goes, without moving the focus to the status bar."""
    from PySide6.QtGui import QAccessible

    sent: list[tuple[str, str]] = []
    real = QAccessible.updateAccessibility

    def record(event: Any) -> None:
        kind = type(event).__name__
        text = event.message() if hasattr(event, "message") else ""
        sent.append((kind, text))
        real(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", record)
    window = open_window(qtbot, tmp_path / "lib")
    status = window.import_status
    seen: list[tuple[int, int]] = []  # the progress the status line was given (a fast import may skip quarters)
    tell = status.tell_progress
    monkeypatch.setattr(status, "tell_progress", lambda done, total: (seen.append((done, total)), tell(done, total)))
    window.import_paths([str(photos_dir / "family" / "2019")])
    qtbot.waitUntil(lambda: not window.controller.busy, timeout=180_000)
    announced = [text for kind, text in sent if kind == "QAccessibleAnnouncementEvent"]
    assert announced, sent[:20]
    assert announced[0] == "Looking for photos…"  # the job starts
    on_its_way = [text for text in announced if re.match(r"\d+ of \d+ photos · ", text)]
    quarters = {done * 4 // total for done, total in seen if total and 0 < done * 4 // total < 4}
    assert len(on_its_way) == len(quarters), (announced, seen)  # each quarter the line reached, once
    assert announced[-1].startswith("Import finished: "), announced  # and its end
    # The quarters themselves, whatever the machine's speed: told once each, never at the start or the end
    status.show()  # a job starts (its own announcement is sent from the event loop, after the quarters)
    sent.clear()
    status.label.setText("2 of 8 photos · 1 face")
    for done in (0, 1, 2, 3, 4, 6, 7, 8):
        status.tell_progress(done, 8)
    assert [text for kind, text in sent if kind == "QAccessibleAnnouncementEvent"] == ["2 of 8 photos · 1 face"] * 3
    # The progress bar and the status line say it too, to a screen reader that reads them.
    bar = QAccessible.queryAccessibleInterface(window.import_status.bar)
    assert bar.role() == QAccessible.Role.ProgressBar and bar.text(QAccessible.Text.Name)

