"""A face box drawn on a photo in the viewer: with the mouse (press, drag, release), or with the keys once
Edit › Add Face… (F) has put a box in the middle of the photo (arrows move it, Shift+arrows size it, Enter
keeps it, Escape gives up). The box is kept in pixels of the upright photo, as faces are, so a window that
resizes meanwhile leaves it where it was on the photo."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QApplication

from . import style

MIN_SIDE = 12  # pixels of the photo (pipeline/hand_faces.py): a smaller box is a click, not a face
KEY_STEP = 0.02  # of the photo's shorter side, per arrow key

ToPhoto = Callable[[QPointF], QPointF]


class BoxDrawing:
    """The box being drawn, if any (`box`, in photo pixels), and whether the keys draw it (`active`)."""

    def __init__(self) -> None:
        self.active = False  # Add Face… started it: the keys move and size the box
        self.box: QRectF | None = None
        self.size = (0.0, 0.0)  # the photo's upright width and height
        self._pressed_at: QPointF | None = None  # where the mouse went down (window coordinates)
        self._anchor: QPointF | None = None  # the same point on the photo
        self.dragging = False

    @property
    def showing(self) -> bool:
        return self.box is not None

    def start(self, width: float, height: float) -> None:
        """Put a box in the middle of the photo for the keys (or the mouse) to place."""
        self.size = (float(width), float(height))
        side = max(float(MIN_SIDE), min(width, height) * 0.25)
        self.box = QRectF((width - side) / 2, (height - side) / 2, side, side)
        self.active = True

    def cancel(self) -> None:
        self.active = False
        self.box = None
        self._pressed_at = self._anchor = None
        self.dragging = False

    # -- the mouse ----------------------------------------------------------------------------------------
    def press(self, pos: QPointF, to_photo: ToPhoto, width: float, height: float) -> None:
        self.size = (float(width), float(height))
        self._pressed_at = QPointF(pos)
        self._anchor = to_photo(pos)

    def move(self, pos: QPointF, to_photo: ToPhoto) -> bool:
        """Follow the mouse; True once a box is being dragged (a short move is still a click)."""
        if self._pressed_at is None or self._anchor is None:
            return False
        if not self.dragging and (pos - self._pressed_at).manhattanLength() < QApplication.startDragDistance():
            return False
        self.dragging = True
        self.box = QRectF(self._anchor, to_photo(pos)).normalized()
        return True

    def release(self, pos: QPointF, to_photo: ToPhoto) -> QRectF | None:
        """The box a drag ended with, or None (the press was a click)."""
        dragged = self.move(pos, to_photo) and self.dragging
        self._pressed_at = self._anchor = None
        self.dragging = False
        return QRectF(self.box) if dragged and self.box is not None else None

    @property
    def pressed(self) -> bool:
        return self._pressed_at is not None

    # -- the keys -------------------------------------------------------------------------------------------
    def key(self, key: int, shift: bool) -> str | None:
        """"moved", "done" (Enter), "cancel" (Escape), or None for a key the box does not use."""
        if not self.active or self.box is None:
            return None
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return "done"
        if key == Qt.Key.Key_Escape:
            return "cancel"
        steps = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        if key not in steps:
            return None
        dx, dy = steps[key]  # type: ignore[index]
        width, height = self.size
        step = max(1.0, min(width, height) * KEY_STEP)
        box = QRectF(self.box)
        if shift:  # the size, from the top left corner
            box.setWidth(max(float(MIN_SIDE), box.width() + dx * step))
            box.setHeight(max(float(MIN_SIDE), box.height() + dy * step))
        else:
            box.translate(dx * step, dy * step)
        self.box = fit(box, width, height)
        return "moved"

    # -- drawing ---------------------------------------------------------------------------------------------
    def paint(self, painter: QPainter, target: QRectF, scale: float) -> None:
        if self.box is None or scale <= 0:
            return
        rect = QRectF(target.x() + self.box.x() * scale, target.y() + self.box.y() * scale,
                      self.box.width() * scale, self.box.height() * scale)
        painter.save()
        colors = style.colors()
        painter.setBrush(colors.q("box_draft_fill"))
        painter.setPen(QPen(colors.q("box_draft_halo"), 4.0))
        painter.drawRect(rect)
        pen = QPen(colors.q("box_draft"), 2.0, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRect(rect)
        painter.restore()


def fit(box: QRectF, width: float, height: float) -> QRectF:
    """`box` moved (and if need be shrunk) to lie inside a photo of this size."""
    w, h = min(box.width(), width), min(box.height(), height)
    x = min(max(box.x(), 0.0), width - w)
    y = min(max(box.y(), 0.0), height - h)
    return QRectF(x, y, w, h)


def pixel_box(box: QRectF, width: float, height: float) -> tuple[int, int, int, int]:
    """The box in whole pixels, inside the photo."""
    inside = fit(box, width, height)
    left, top = round(inside.x()), round(inside.y())
    right = min(int(width), round(inside.x() + inside.width()))
    bottom = min(int(height), round(inside.y() + inside.height()))
    return left, top, max(0, right - left), max(0, bottom - top)
