"""Photo tiles crop around the people in them, not blindly around the middle."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF

from beetroot_desktop.library import Library
from beetroot_desktop.ui.delegates import cover_crop


def test_cover_crop_centres_on_the_focus_and_stays_inside():
    wide = QRectF(0, 0, 400, 100)
    square = QRectF(0, 0, 50, 50)
    assert cover_crop(wide, square) == QRectF(150, 0, 100, 100)  # no focus: the middle
    assert cover_crop(wide, square, (0.1, 0.5)) == QRectF(0, 0, 100, 100)  # clamped to the left edge
    assert cover_crop(wide, square, (0.6, 0.5)) == QRectF(190, 0, 100, 100)
    tall = QRectF(0, 0, 100, 300)
    assert cover_crop(tall, square, (0.5, 0.2)) == QRectF(0, 10, 100, 100)


def test_photo_tiles_focus_on_the_persons_face(imported_library: Library, photos_dir: Path):
    group = imported_library.photo_by_path(str(photos_dir / "events" / "obama_and_biden.jpg")).id
    faces = imported_library.faces_of_photo(group)
    width = imported_library.photo(group)["width"]
    everyone = imported_library.photo_tiles([group])[group]
    per_face = []
    for face in faces:
        tile = imported_library.photo_tiles([group], face["person_id"])[group]
        assert tile["focus_x"] == pytest.approx((face["left"] + face["width"] / 2) / width)
        per_face.append(tile["focus_x"])
    assert len(set(per_face)) == 3 and min(per_face) < everyone["focus_x"] < max(per_face)
    empty = imported_library.photo_tiles([group], "nobody")[group]
    assert empty["focus_x"] is None and empty["faces"] == 3
