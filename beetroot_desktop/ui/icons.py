"""Small line icons drawn with QPainter: crisp at any scale, no icon theme or image files needed.

An icon is drawn when it is shown, at the size and device pixel ratio asked for, in a colour of the active
palette (style.colors(), named by its field: "text", "muted", "accent", "on_accent", ...): so it is sharp on a
high-DPI screen and follows the light or dark scheme, also when that changes while the app runs. Disabled,
it takes the palette's disabled colour.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPainterPath, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from . import style

Draw = Callable[[QPainter, float], None]


def _people(p: QPainter, s: float) -> None:
    p.drawEllipse(QPointF(s * 0.38, s * 0.34), s * 0.14, s * 0.14)
    path = QPainterPath()
    path.moveTo(s * 0.12, s * 0.84)
    path.cubicTo(s * 0.12, s * 0.56, s * 0.64, s * 0.56, s * 0.64, s * 0.84)
    p.drawPath(path)
    p.drawEllipse(QPointF(s * 0.68, s * 0.30), s * 0.11, s * 0.11)
    path = QPainterPath()
    path.moveTo(s * 0.60, s * 0.54)
    path.cubicTo(s * 0.78, s * 0.50, s * 0.90, s * 0.60, s * 0.90, s * 0.76)
    p.drawPath(path)


def _photos(p: QPainter, s: float) -> None:
    p.drawRoundedRect(QRectF(s * 0.12, s * 0.2, s * 0.76, s * 0.6), s * 0.08, s * 0.08)
    path = QPainterPath()
    path.moveTo(s * 0.16, s * 0.74)
    path.lineTo(s * 0.40, s * 0.48)
    path.lineTo(s * 0.56, s * 0.64)
    path.lineTo(s * 0.66, s * 0.54)
    path.lineTo(s * 0.84, s * 0.74)
    p.drawPath(path)
    p.drawEllipse(QPointF(s * 0.66, s * 0.36), s * 0.05, s * 0.05)


def _unknown_face(p: QPainter, s: float) -> None:
    p.drawEllipse(QPointF(s * 0.5, s * 0.5), s * 0.36, s * 0.36)
    path = QPainterPath()
    path.moveTo(s * 0.40, s * 0.40)
    path.cubicTo(s * 0.40, s * 0.28, s * 0.60, s * 0.28, s * 0.60, s * 0.40)
    path.cubicTo(s * 0.60, s * 0.50, s * 0.50, s * 0.48, s * 0.50, s * 0.60)
    p.drawPath(path)
    p.drawPoint(QPointF(s * 0.5, s * 0.71))


def _missing_photo(p: QPainter, s: float) -> None:
    """A photo frame with a question mark: a photo the library cannot find."""
    p.drawRoundedRect(QRectF(s * 0.12, s * 0.2, s * 0.76, s * 0.6), s * 0.08, s * 0.08)
    path = QPainterPath()
    path.moveTo(s * 0.42, s * 0.40)
    path.cubicTo(s * 0.42, s * 0.30, s * 0.58, s * 0.30, s * 0.58, s * 0.40)
    path.cubicTo(s * 0.58, s * 0.48, s * 0.50, s * 0.47, s * 0.50, s * 0.56)
    p.drawPath(path)
    p.drawPoint(QPointF(s * 0.5, s * 0.66))


def _activity(p: QPainter, s: float) -> None:
    path = QPainterPath()
    path.moveTo(s * 0.08, s * 0.52)
    path.lineTo(s * 0.30, s * 0.52)
    path.lineTo(s * 0.40, s * 0.24)
    path.lineTo(s * 0.56, s * 0.80)
    path.lineTo(s * 0.66, s * 0.52)
    path.lineTo(s * 0.92, s * 0.52)
    p.drawPath(path)


def _folder_in(p: QPainter, s: float) -> None:
    path = QPainterPath()
    path.moveTo(s * 0.1, s * 0.28)
    path.lineTo(s * 0.38, s * 0.28)
    path.lineTo(s * 0.46, s * 0.36)
    path.lineTo(s * 0.9, s * 0.36)
    path.lineTo(s * 0.9, s * 0.82)
    path.lineTo(s * 0.1, s * 0.82)
    path.closeSubpath()
    p.drawPath(path)
    p.drawLine(QPointF(s * 0.5, s * 0.46), QPointF(s * 0.5, s * 0.72))
    p.drawLine(QPointF(s * 0.39, s * 0.61), QPointF(s * 0.5, s * 0.72))
    p.drawLine(QPointF(s * 0.61, s * 0.61), QPointF(s * 0.5, s * 0.72))


def _gear(p: QPainter, s: float) -> None:
    c = QPointF(s * 0.5, s * 0.5)
    path = QPainterPath()
    teeth = 8
    for i in range(teeth * 2):
        angle = math.pi * 2 * i / (teeth * 2)
        r = s * (0.40 if i % 2 == 0 else 0.31)
        for da in (-0.17, 0.17):
            point = QPointF(c.x() + r * math.cos(angle + da), c.y() + r * math.sin(angle + da))
            if path.elementCount() == 0:
                path.moveTo(point)
            else:
                path.lineTo(point)
    path.closeSubpath()
    p.drawPath(path)
    p.drawEllipse(c, s * 0.12, s * 0.12)


def _pause(p: QPainter, s: float) -> None:
    p.drawLine(QPointF(s * 0.38, s * 0.28), QPointF(s * 0.38, s * 0.72))
    p.drawLine(QPointF(s * 0.62, s * 0.28), QPointF(s * 0.62, s * 0.72))


def _play(p: QPainter, s: float) -> None:
    path = QPainterPath()
    path.moveTo(s * 0.36, s * 0.26)
    path.lineTo(s * 0.74, s * 0.5)
    path.lineTo(s * 0.36, s * 0.74)
    path.closeSubpath()
    p.drawPath(path)


def _cross(p: QPainter, s: float) -> None:
    p.drawLine(QPointF(s * 0.3, s * 0.3), QPointF(s * 0.7, s * 0.7))
    p.drawLine(QPointF(s * 0.7, s * 0.3), QPointF(s * 0.3, s * 0.7))


def _search(p: QPainter, s: float) -> None:
    p.drawEllipse(QPointF(s * 0.44, s * 0.44), s * 0.22, s * 0.22)
    p.drawLine(QPointF(s * 0.60, s * 0.60), QPointF(s * 0.82, s * 0.82))


def _merge(p: QPainter, s: float) -> None:
    p.drawLine(QPointF(s * 0.2, s * 0.2), QPointF(s * 0.5, s * 0.5))
    p.drawLine(QPointF(s * 0.2, s * 0.8), QPointF(s * 0.5, s * 0.5))
    p.drawLine(QPointF(s * 0.5, s * 0.5), QPointF(s * 0.86, s * 0.5))
    p.drawLine(QPointF(s * 0.72, s * 0.38), QPointF(s * 0.86, s * 0.5))
    p.drawLine(QPointF(s * 0.72, s * 0.62), QPointF(s * 0.86, s * 0.5))


def _split(p: QPainter, s: float) -> None:
    p.drawLine(QPointF(s * 0.14, s * 0.5), QPointF(s * 0.46, s * 0.5))
    p.drawLine(QPointF(s * 0.46, s * 0.5), QPointF(s * 0.8, s * 0.2))
    p.drawLine(QPointF(s * 0.46, s * 0.5), QPointF(s * 0.8, s * 0.8))
    for tip, head in ((0.2, 0.38), (0.8, 0.62)):  # arrow heads: one line back, one towards the middle
        p.drawLine(QPointF(s * 0.8, s * tip), QPointF(s * 0.62, s * tip))
        p.drawLine(QPointF(s * 0.8, s * tip), QPointF(s * 0.8, s * head))


def _undo(p: QPainter, s: float) -> None:
    path = QPainterPath()
    path.moveTo(s * 0.24, s * 0.42)
    path.lineTo(s * 0.62, s * 0.42)
    path.cubicTo(s * 0.92, s * 0.42, s * 0.92, s * 0.82, s * 0.62, s * 0.82)
    path.lineTo(s * 0.40, s * 0.82)
    p.drawPath(path)
    p.drawLine(QPointF(s * 0.24, s * 0.42), QPointF(s * 0.40, s * 0.26))
    p.drawLine(QPointF(s * 0.24, s * 0.42), QPointF(s * 0.40, s * 0.58))


def _redo(p: QPainter, s: float) -> None:
    p.save()
    p.translate(s, 0)
    p.scale(-1, 1)
    _undo(p, s)
    p.restore()


def _back(p: QPainter, s: float) -> None:
    p.drawLine(QPointF(s * 0.58, s * 0.24), QPointF(s * 0.32, s * 0.5))
    p.drawLine(QPointF(s * 0.32, s * 0.5), QPointF(s * 0.58, s * 0.76))


def _eye_off(p: QPainter, s: float) -> None:
    path = QPainterPath()
    path.moveTo(s * 0.1, s * 0.5)
    path.cubicTo(s * 0.3, s * 0.22, s * 0.7, s * 0.22, s * 0.9, s * 0.5)
    path.cubicTo(s * 0.7, s * 0.78, s * 0.3, s * 0.78, s * 0.1, s * 0.5)
    p.drawPath(path)
    p.drawEllipse(QPointF(s * 0.5, s * 0.5), s * 0.1, s * 0.1)
    p.drawLine(QPointF(s * 0.2, s * 0.82), QPointF(s * 0.8, s * 0.18))


def _pencil(p: QPainter, s: float) -> None:
    path = QPainterPath()
    path.moveTo(s * 0.22, s * 0.78)
    path.lineTo(s * 0.26, s * 0.60)
    path.lineTo(s * 0.66, s * 0.20)
    path.lineTo(s * 0.80, s * 0.34)
    path.lineTo(s * 0.40, s * 0.74)
    path.closeSubpath()
    p.drawPath(path)


def _review(p: QPainter, s: float) -> None:
    """Two faces side by side with a question between them: is this the same person?"""
    p.drawEllipse(QPointF(s * 0.27, s * 0.42), s * 0.15, s * 0.15)
    p.drawEllipse(QPointF(s * 0.73, s * 0.42), s * 0.15, s * 0.15)
    path = QPainterPath()
    path.moveTo(s * 0.08, s * 0.86)
    path.cubicTo(s * 0.08, s * 0.66, s * 0.46, s * 0.66, s * 0.46, s * 0.86)
    path.moveTo(s * 0.54, s * 0.86)
    path.cubicTo(s * 0.54, s * 0.66, s * 0.92, s * 0.66, s * 0.92, s * 0.86)
    p.drawPath(path)
    p.drawLine(QPointF(s * 0.44, s * 0.16), QPointF(s * 0.56, s * 0.16))
    p.drawLine(QPointF(s * 0.44, s * 0.24), QPointF(s * 0.56, s * 0.24))


def _together(p: QPainter, s: float) -> None:
    """A photo frame holding two people."""
    p.drawRoundedRect(QRectF(s * 0.10, s * 0.16, s * 0.80, s * 0.68), s * 0.08, s * 0.08)
    p.drawEllipse(QPointF(s * 0.38, s * 0.42), s * 0.09, s * 0.09)
    p.drawEllipse(QPointF(s * 0.62, s * 0.42), s * 0.09, s * 0.09)
    path = QPainterPath()
    path.moveTo(s * 0.24, s * 0.76)
    path.cubicTo(s * 0.24, s * 0.58, s * 0.52, s * 0.58, s * 0.52, s * 0.76)
    path.moveTo(s * 0.48, s * 0.76)
    path.cubicTo(s * 0.48, s * 0.58, s * 0.76, s * 0.58, s * 0.76, s * 0.76)
    p.drawPath(path)


def _export(p: QPainter, s: float) -> None:
    """An arrow leaving a tray."""
    path = QPainterPath()
    path.moveTo(s * 0.18, s * 0.56)
    path.lineTo(s * 0.18, s * 0.82)
    path.lineTo(s * 0.82, s * 0.82)
    path.lineTo(s * 0.82, s * 0.56)
    path.moveTo(s * 0.50, s * 0.64)
    path.lineTo(s * 0.50, s * 0.16)
    path.moveTo(s * 0.34, s * 0.32)
    path.lineTo(s * 0.50, s * 0.16)
    path.lineTo(s * 0.66, s * 0.32)
    p.drawPath(path)


def _more(p: QPainter, s: float) -> None:
    """Three dots: more actions."""
    p.save()
    p.setBrush(p.pen().color())
    for x in (0.25, 0.5, 0.75):
        p.drawEllipse(QPointF(s * x, s * 0.5), s * 0.06, s * 0.06)
    p.restore()


DRAWINGS: dict[str, Draw] = {
    "review": _review,
    "together": _together,
    "export": _export,
    "more": _more,
    "people": _people,
    "photos": _photos,
    "unknown": _unknown_face,
    "activity": _activity,
    "missing": _missing_photo,
    "import": _folder_in,
    "settings": _gear,
    "pause": _pause,
    "resume": _play,
    "cancel": _cross,
    "search": _search,
    "merge": _merge,
    "split": _split,
    "undo": _undo,
    "redo": _redo,
    "back": _back,
    "hide": _eye_off,
    "rename": _pencil,
}

_cache: dict[tuple[str, str, int], QIcon] = {}


def color_of(color: str, mode: QIcon.Mode = QIcon.Mode.Normal) -> QColor:
    """`color` (a palette field, or a literal colour) in the active palette, for an icon in `mode`."""
    palette = style.colors()
    if mode == QIcon.Mode.Disabled:
        return palette.q("disabled")
    if mode == QIcon.Mode.Selected and color == "text":  # a selected row's text is accent coloured
        return palette.q("accent")
    return palette.q(color) if hasattr(palette, color) else QColor(color)


def render(name: str, color: QColor, side: int) -> QPixmap:
    """The drawing `name` on a transparent square of `side` device pixels."""
    pixmap = QPixmap(max(1, side), max(1, side))
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(color, max(1.6, side / 14))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    DRAWINGS[name](p, float(side))
    p.end()
    return pixmap


class _Engine(QIconEngine):
    """Draws one icon when asked, at the size and scale asked, in the active palette's colour."""

    def __init__(self, name: str, color: str, size: int) -> None:
        super().__init__()
        self.name, self.color, self.size = name, color, size

    def clone(self) -> QIconEngine:
        return _Engine(self.name, self.color, self.size)

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        side = min(size.width(), size.height())
        return QSize(side, side)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        side = min(size.width(), size.height())
        pixmap = render(self.name, color_of(self.color, mode), round(side * max(scale, 1.0)))
        pixmap.setDevicePixelRatio(max(scale, 1.0))
        return pixmap

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        side = min(rect.width(), rect.height())
        square = QRect(0, 0, side, side)
        square.moveCenter(rect.center())
        painter.drawPixmap(square, self.scaledPixmap(square.size(), mode, state, ratio))

    def availableSizes(self, mode: QIcon.Mode = QIcon.Mode.Normal,
                       state: QIcon.State = QIcon.State.Off) -> list[QSize]:
        return [QSize(self.size, self.size), QSize(self.size * 2, self.size * 2)]


def icon(name: str, color: str = "text", size: int = 32) -> QIcon:
    """The icon `name` in the palette colour `color` ("text", "muted", "accent", "on_accent", ...), drawn
    at whatever size and device pixel ratio it is shown at (`size` is its usual size)."""
    if name not in DRAWINGS:
        raise KeyError(f"no icon {name!r}")
    key = (name, color, size)
    cached = _cache.get(key)
    if cached is not None:
        return cached
    result = QIcon(_Engine(name, color, size))
    _cache[key] = result
    return result


class IconLabel(QLabel):
    """An icon shown on its own (an empty page's picture), drawn at the screen's pixel ratio and in the
    active palette's colours."""

    def __init__(self, name: str, color: str = "accent", size: int = 32, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = icon(name, color, size)
        self.side = size
        self.setMinimumSize(size, size)

    def sizeHint(self) -> QSize:
        return QSize(self.side, self.side)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        square = QRect(0, 0, self.side, self.side)
        square.moveCenter(self.rect().center())
        mode = QIcon.Mode.Normal if self.isEnabled() else QIcon.Mode.Disabled
        self.icon.paint(painter, square, Qt.AlignmentFlag.AlignCenter, mode)
        painter.end()
