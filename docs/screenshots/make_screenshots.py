"""Regenerate the README screenshots from the real app on the sample photos.

Run under a virtual X server (Linux), from the repository root:

    xvfb-run -s "-screen 0 1280x800x24" python docs/screenshots/make_screenshots.py [PHOTOS_DIR]
    ... make_screenshots.py --appearance dark --only dark       # dark.png: the People grid in the dark scheme
    ... make_screenshots.py --language de --only german         # german.png: the People grid in German

PHOTOS_DIR defaults to the sample photos in tests/data/photos. With --only NAME it stops after the People
grid and saves it as NAME.png, in the --appearance and --language given (saved as the settings would be).

It starts Beetroot the way `beetroot` does (same application, window and library opening) on a fresh
temporary library, drops the sample photos on it, and takes pictures of the screen along the way:
the empty window, the import in progress, the People grid, a person, the viewer, Settings and Activity;
then it merges two people and pictures Edit › Undo naming that merge, and the Split dialog on the merged
person. People are named the way a user would (F2 on a tile), from the sample library's labels.csv.

Last, it opens a second library and imports the photos again at a match threshold of 99 %, where Alex
Lacamoire's photos make two people and Beetroot asks whether they are the same person: the Review page
(review.png), and the People grid showing the people in at least 2 photos (people-filter.png).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))

NAMES = {
    "barack_obama": "Barack Obama", "joe_biden": "Joe Biden", "kit_harington": "Kit Harington",
    "rose_leslie": "Rose Leslie", "alex_lacamoire": "Alex Lacamoire", "lin_manuel_miranda": "Lin-Manuel Miranda",
}


def main() -> int:
    parser = argparse.ArgumentParser(description="Regenerate the README screenshots.")
    parser.add_argument("photos", nargs="?", default=str(REPO / "tests" / "data" / "photos"))
    parser.add_argument("--appearance", choices=("system", "light", "dark"), default="light")
    parser.add_argument("--language", default="en")
    parser.add_argument("--only", metavar="NAME", help="only the People grid, saved as NAME.png")
    args = parser.parse_args()
    photos = Path(args.photos).resolve()
    if not (photos / "labels.csv").exists():
        print(f"no sample photos at {photos}", file=sys.stderr)
        return 2
    if not os.environ.get("DISPLAY") and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        print("run under xvfb-run (or set DISPLAY)", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="beetroot-shots-"))
    os.environ["BEETROOT_CONFIG_DIR"] = str(work / "config")
    os.environ["BEETROOT_LIBRARY"] = str(work / "library")
    (work / "config").mkdir(parents=True)
    (work / "config" / "settings.json").write_text(
        json.dumps({"appearance": args.appearance, "language": args.language}), encoding="utf-8")

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication

    from beetroot_desktop.ui.app import create_application, create_main_window
    from beetroot_desktop.ui.shell import ACTIVITY_ROW, REVIEW_ROW

    app = create_application()
    window, _problem = create_main_window()
    screen = QGuiApplication.primaryScreen().geometry()
    window.setGeometry(screen)
    window.show()
    QTimer.singleShot(0, window.open_library_soon)

    def shoot(name: str) -> None:
        if args.only and name != args.only:
            return
        window.statusBar().clearMessage()  # a transient "Named …" note is not part of the view
        app.processEvents()  # repainted before the screen is read
        pixmap = QGuiApplication.primaryScreen().grabWindow(0)  # the whole screen, as X shows it
        pixmap.save(str(HERE / f"{name}.png"), "PNG")
        print(f"saved docs/screenshots/{name}.png", flush=True)

    def shoot_dialog(name: str, dialog: object) -> None:
        """Xvfb has no window manager to draw a dialog's frame: dim the window behind and outline the
        dialog the way a desktop would, around the dialog exactly as Qt drew it."""
        from PySide6.QtCore import QRect, Qt
        from PySide6.QtGui import QColor, QPainter, QPen

        screen = QGuiApplication.primaryScreen().grabWindow(0)
        geometry = dialog.frameGeometry()  # type: ignore[attr-defined]
        painter = QPainter(screen)
        painter.fillRect(screen.rect(), QColor(20, 18, 24, 90))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for spread in range(14, 0, -2):  # a soft shadow
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(0, 0, 0, 10))
            painter.drawRoundedRect(geometry.adjusted(-spread, -spread + 6, spread, spread + 6), 12, 12)
        painter.drawPixmap(geometry.topLeft(), dialog.grab())  # type: ignore[attr-defined]
        painter.setPen(QPen(QColor("#c9c4cf"), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRect(geometry.topLeft(), geometry.size()).adjusted(0, 0, -1, -1))
        painter.end()
        screen.save(str(HERE / f"{name}.png"), "PNG")
        print(f"saved docs/screenshots/{name}.png", flush=True)

    steps: list[tuple[Callable[[], bool], Callable[[], None], int]] = []

    def then(ready: Callable[[], bool], action: Callable[[], None], settle_ms: int = 600) -> None:
        steps.append((ready, action, settle_ms))

    def run_steps() -> None:
        if not steps:
            app.quit()
            return
        ready, action, settle = steps[0]
        if not ready():
            QTimer.singleShot(100, run_steps)
            return
        steps.pop(0)

        def act() -> None:
            action()
            QTimer.singleShot(50, run_steps)

        QTimer.singleShot(settle, act)

    people = lambda: window.people_page.model  # noqa: E731

    # 1. First run: the empty state.
    then(lambda: window.ctx is not None and people().loaded, lambda: shoot("empty"))
    # 2. Drop the sample photos; picture the import half way.
    then(lambda: True, lambda: window.import_paths([str(photos)]), 0)
    then(lambda: window.controller.progress.done >= 12 and people().rowCount() >= 4,
         lambda: (window.controller.pause(), None)[1], 0)
    then(lambda: True, lambda: shoot("import"), 1200)
    then(lambda: True, lambda: window.controller.resume(), 0)
    # 3. Name people as a user would, then the People grid.
    then(lambda: not window.controller.busy, lambda: name_people(window, photos), 800)
    then(lambda: all(people().tile(r) and people().tile(r).name for r in range(min(5, people().rowCount()))),
         lambda: shoot(args.only or "people"), 1500)
    if args.only:
        then(lambda: True, app.quit, 0)
    # 4. A person: Barack Obama.
    then(lambda: True, lambda: window.open_person(people().ids()[0]), 0)
    then(lambda: window.person_page.photos.rowCount() > 0, lambda: shoot("person"), 1800)
    # 5. The viewer on a photo with three faces.
    then(lambda: True, lambda: open_photo(window, photos / "events" / "obama_and_biden.jpg"), 0)
    then(lambda: window.viewer.sharp, lambda: shoot("viewer"), 800)
    # 6. Activity, then Settings over the People grid.
    then(lambda: True, lambda: window.show_section(ACTIVITY_ROW), 0)
    then(lambda: True, lambda: shoot("activity"), 600)
    then(lambda: True, lambda: window.show_section(0), 0)
    then(lambda: True, lambda: window.open_settings().spin.setValue(97.0), 400)
    then(lambda: "people (now" in (window.settings_dialog.preview.text() if window.settings_dialog else ""),
         lambda: shoot_dialog("settings", window.settings_dialog), 600)
    # 7. Merge Lin-Manuel Miranda into Alex Lacamoire: Edit › Undo names the merge; Split offers it back.
    then(lambda: True, lambda: (window.settings_dialog.reject(), merge_two(window)), 0)
    then(lambda: window.actions_by_name["undo"].text().startswith("&Undo Merge"), lambda: show_edit_menu(window), 800)
    then(lambda: True, lambda: (shoot("edit-menu"), close_menus(window)), 600)
    then(lambda: True, lambda: open_merged(window), 0)
    then(lambda: window.person_page.faces.rowCount() > 1, lambda: window.person_page.tabs.setCurrentIndex(1), 600)
    then(lambda: True, lambda: window.person_page.split(), 300)
    then(lambda: getattr(window.person_page, "split_dialog", None) is not None,
         lambda: shoot_dialog("split", window.person_page.split_dialog), 1200)
    # 8. A second library imported at 99 %: a question in Review, and the People grid's filter.
    then(lambda: True, lambda: (window.person_page.split_dialog.reject(), strict_library(window, work, photos)), 0)
    then(lambda: window.ctx is not None and not window.controller.busy and window.counts.get("photos", 0) > 20,
         lambda: name_people(window, photos), 1500)
    then(lambda: window.sidebar.nav_delegate.counts.get(REVIEW_ROW, 0) > 0,
         lambda: window.show_section(REVIEW_ROW), 800)
    then(lambda: window.review_page.right.name.text() != "", lambda: shoot("review"), 1500)
    then(lambda: True, lambda: filter_people(window), 0)
    then(lambda: window.people_page.model.least_photos == 2 and people().loaded, lambda: shoot("people-filter"), 1500)

    QTimer.singleShot(0, run_steps)
    QTimer.singleShot(300_000, app.quit)  # never hang a build
    code = app.exec()
    window.close()
    return code


def name_people(window: object, photos: Path) -> None:
    """Give each person the name its single-face sample photos are labelled with."""
    lib = window.ctx.library  # type: ignore[attr-defined]
    model = window.people_page.model  # type: ignore[attr-defined]
    with open(photos / "labels.csv", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["faces"] == "1"]
    done: set[str] = set()
    for row in rows:
        name = NAMES.get(row["people"])
        photo = lib.photo_by_path(str(photos / row["file"]))
        if not name or name in done or photo is None:
            continue
        faces = lib.faces_of_photo(photo.id)
        if len(faces) == 1 and faces[0]["person_id"]:
            model.rename(lib.resolve_person(faces[0]["person_id"]), name)
            done.add(name)


def person_named(window: object, name: str) -> str:
    lib = window.ctx.library  # type: ignore[attr-defined]
    found = lib.find_people(name)
    return str(found[0])


def merge_two(window: object) -> None:
    model = window.people_page.model  # type: ignore[attr-defined]
    model.merge([person_named(window, "Lin-Manuel Miranda")], person_named(window, "Alex Lacamoire"))


def show_edit_menu(window: object) -> None:
    """Open Edit as a click on the menu bar does."""
    bar = window.menuBar()  # type: ignore[attr-defined]
    action = next(a for a in bar.actions() if a.text() == "&Edit")
    bar.setActiveAction(action)


def close_menus(window: object) -> None:
    for action in window.menuBar().actions():  # type: ignore[attr-defined]
        if action.menu() is not None:
            action.menu().hide()


def open_merged(window: object) -> None:
    window.open_person(person_named(window, "Alex Lacamoire"))  # type: ignore[attr-defined]


def strict_library(window: object, work: Path, photos: Path) -> None:
    """A second library, the sample photos imported at 99 %: Alex Lacamoire is two people, and asked about."""
    from dataclasses import replace

    window.library_dir = work / "library-99"  # type: ignore[attr-defined]
    window.open_library()  # type: ignore[attr-defined]
    strict = replace(window.settings, threshold=99.0)  # type: ignore[attr-defined]
    window.controller.import_paths([str(photos)], strict)  # type: ignore[attr-defined]


def filter_people(window: object) -> None:
    """People, in at least 2 photos, chosen in the box under the title as a user would."""
    window.show_section(0)  # type: ignore[attr-defined]
    least = window.people_page.least  # type: ignore[attr-defined]
    least.setCurrentIndex(least.findData(2))
    least.activated.emit(least.currentIndex())


def open_photo(window: object, path: Path) -> None:
    lib = window.ctx.library  # type: ignore[attr-defined]
    photo = lib.photo_by_path(str(path))
    ids = window.person_page.photos.ids()  # type: ignore[attr-defined]
    if photo is not None and photo.id in ids:
        window.open_photos(ids, ids.index(photo.id))  # type: ignore[attr-defined]
    elif photo is not None:
        window.open_photos([photo.id], 0)  # type: ignore[attr-defined]


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()
    sys.exit(main())
