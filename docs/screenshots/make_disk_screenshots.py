"""Regenerate the screenshots of a library that follows the disk: photos out of reach, and Missing photos.

Run under a virtual X server (Linux), from the repository root:

    xvfb-run -s "-screen 0 1280x800x24" python docs/screenshots/make_disk_screenshots.py [PHOTOS_DIR]

It copies the sample photos (tests/data/photos by default) into a scratch home folder, ~/Pictures, and
onto a scratch "USB drive", starts Beetroot the way `beetroot` does on a fresh library, imports both and
names the people from labels.csv. Then the disk changes under it: two photos are deleted, one is moved
to the desktop, and the drive is unplugged (renamed away). File › Sync Library follows; the pictures are
a person whose photos on the drive are dimmed, with the tooltip naming the drive (offline.png), and the
Missing photos page (missing.png).
"""

from __future__ import annotations

import csv
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from make_screenshots import NAMES  # noqa: E402

DRIVE_FILES = ("misc/obama-720p.jpg", "misc/obama_32bit.png", "misc/obama-480p.jpg", "misc/alex-lacamoire.png")


def stage(photos: Path, work: Path) -> tuple[Path, Path, dict[str, Path]]:
    """The sample photos copied to ~/Pictures (events, family) and to a drive (a few of misc)."""
    home = work / "home"
    pictures, drive = home / "Pictures", work / "media" / "usb" / "Photos"
    where: dict[str, Path] = {}
    with open(photos / "labels.csv", newline="") as fh:
        for row in csv.DictReader(fh):
            rel = row["file"]
            if rel.startswith(("events/", "family/")):
                target = pictures / rel
            elif rel in DRIVE_FILES:
                target = drive / Path(rel).name
            else:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(photos / rel, target)
            where[rel] = target
    (home / "Desktop").mkdir(parents=True)
    return pictures, drive, where


def main() -> int:
    photos = Path(sys.argv[1] if len(sys.argv) > 1 else REPO / "tests" / "data" / "photos").resolve()
    if not (photos / "labels.csv").exists():
        print(f"no sample photos at {photos}", file=sys.stderr)
        return 2
    if not os.environ.get("DISPLAY") and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        print("run under xvfb-run (or set DISPLAY)", file=sys.stderr)
        return 2
    work = Path(tempfile.gettempdir()) / "beetroot-demo"  # short paths for the pictures
    shutil.rmtree(work, ignore_errors=True)
    pictures, drive, where = stage(photos, work)
    os.environ["HOME"] = str(work / "home")
    os.environ["BEETROOT_CONFIG_DIR"] = str(work / "config")
    os.environ["BEETROOT_LIBRARY"] = str(work / "library")

    from PySide6.QtCore import QPoint, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QToolTip

    from beetroot_desktop.ui.app import create_application, create_main_window
    from beetroot_desktop.ui.models import OfflineRole, role
    from beetroot_desktop.ui.shell import MISSING_ROW

    app = create_application()
    window, _problem = create_main_window()
    window.setGeometry(QGuiApplication.primaryScreen().geometry())
    window.show()
    QTimer.singleShot(0, window.open_library_soon)

    def shoot(name: str) -> None:
        app.processEvents()
        QGuiApplication.primaryScreen().grabWindow(0).save(str(HERE / f"{name}.png"), "PNG")
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
        QTimer.singleShot(settle, lambda: (action(), QTimer.singleShot(50, run_steps)))

    idle = lambda: not window.controller.busy and not window.controller.queue  # noqa: E731

    def change_the_disk() -> None:
        for rel in ("family/2020/biden2.jpg", "family/2020/john2.jpeg"):
            where[rel].unlink()
        shutil.move(str(where["family/2019/rose_img2.jpg"]), str(work / "home" / "Desktop" / "rose_img2.jpg"))
        drive.rename(drive.parent / "Photos-unplugged")

    def offline_tip() -> None:
        grid, model = window.person_page.photo_grid, window.person_page.photos
        row = next(r for r in range(model.rowCount()) if role(model.index(r), OfflineRole))
        rect = grid.visualRect(model.index(row))
        grid.scrollTo(model.index(row))
        QToolTip.showText(grid.viewport().mapToGlobal(rect.bottomLeft() + QPoint(30, 14)),
                          str(model.data(model.index(row), 3)), grid.viewport())

    then(lambda: window.ctx is not None and window.people_page.model.loaded,
         lambda: window.import_paths([str(pictures), str(drive)]), 0)
    then(idle, lambda: name_people(window, photos, where), 800)
    then(lambda: idle() and window.people_page.model.rowCount() > 0, change_the_disk, 800)
    then(idle, lambda: window.sync_library(), 400)
    then(lambda: idle() and window.counts.get("offline", 0) > 0, lambda: window.open_person(obama(window, where)), 800)
    then(lambda: window.person_page.photos.rowCount() > 0, lambda: window.person_page.tabs.setCurrentIndex(0), 1500)
    then(lambda: True, offline_tip, 600)
    then(lambda: True, lambda: shoot("offline"), 900)
    then(lambda: True, lambda: (QToolTip.hideText(), window.show_section(MISSING_ROW)), 0)
    then(lambda: window.missing_page.model.rowCount() > 0,
         lambda: window.missing_page.select([window.missing_page.rows[0].photo_id]), 1200)
    then(lambda: True, lambda: shoot("missing"), 600)

    QTimer.singleShot(0, run_steps)
    QTimer.singleShot(240_000, app.quit)  # never hang a build
    code = app.exec()
    window.close()
    return code


def name_people(window: object, photos: Path, where: dict[str, Path]) -> None:
    """Name each person after the labels of their single-face sample photos."""
    lib = window.ctx.library  # type: ignore[attr-defined]
    model = window.people_page.model  # type: ignore[attr-defined]
    with open(photos / "labels.csv", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["faces"] == "1" and r["file"] in where]
    done: set[str] = set()
    for row in rows:
        name = NAMES.get(row["people"])
        photo = lib.photo_by_path(str(where[row["file"]]))
        if not name or name in done or photo is None:
            continue
        faces = lib.faces_of_photo(photo.id)
        if len(faces) == 1 and faces[0]["person_id"]:
            model.rename(lib.resolve_person(faces[0]["person_id"]), name)
            done.add(name)


def obama(window: object, where: dict[str, Path]) -> str:
    lib = window.ctx.library  # type: ignore[attr-defined]
    photo = lib.photo_by_path(str(where["family/2019/obama.jpg"]))
    return str(lib.resolve_person(lib.faces_of_photo(photo.id)[0]["person_id"]))


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()
    sys.exit(main())
