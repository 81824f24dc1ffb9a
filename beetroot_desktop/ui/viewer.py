"""The photo viewer: the photo fitted to the window with every face box drawn and labelled.

The photo is decoded on a background thread (EXIF orientation applied, as the boxes assume); the cached
thumbnail stands in until it arrives, so arrow keys feel instant even on big files. Neighbours are
decoded ahead of time.

A face the detector missed is added by drawing its box (face_drawing.py): a drag on the photo away from
the faces, or Edit › Add Face… (F) and the keys. The viewer then asks who it is (tool_dialogs.py) and adds
it through ops.py, off the GUI thread (the face is described and matched as an import would).

Each face box is also a small invisible button over the box (FaceButton, viewer_faces.py), for the keyboard and
for assistive tools: Tab from the photo goes through the faces (the arrows step between them once one has the focus),
Enter or Space opens the face's person, and the Menu key or Shift+F10 shows its menu. A face button's
accessible name is its person's name ("Unknown face" for a face that belongs to no one) and its place is the
box's, so a screen reader's focus box and a magnifier follow it. The viewer's own accessible name is the
photo's file name; its description says where the photo is, who is in it and which face has the focus.
"""

from __future__ import annotations

import sys
import time
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QApplication, QMenu, QToolButton, QWidget

from . import icons, ops, style
from .context import LibraryContext
from .dialogs import open_tracked
from .face_drawing import MIN_SIDE, BoxDrawing, pixel_box
from .i18n import tr
from .item_text import as_label, face_reason, match_text, person_name
from .tasks import TaskRunner
from .thumbnails import ThumbKey, pil_to_qimage
from .viewer_bars import BOTTOM_BAR, MARGIN, TOP_BAR, paint_bars
from .viewer_faces import FaceButton, FaceKeys
from .widgets import exec_menu

VIEW_SIDE = 2048  # decode at most this size; enough for a full-screen view on most displays
PRELOAD = 4


def decode_for_view(path: str) -> QImage:
    from ..imaging import decode_photo

    return pil_to_qimage(decode_photo(path, max_side=VIEW_SIDE).image)


class PhotoViewer(FaceKeys, QWidget):
    back = Signal()
    personOpened = Signal(str)
    status = Signal(str)

    def __init__(self, ctx: LibraryContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ids: list[int] = []
        self.position = 0
        self.photo: Any = None
        self.faces: list[Any] = []
        self.pixmap: QPixmap | None = None
        self.sharp = False
        self.error: str | None = None
        self.hover: int | None = None
        self.face_buttons: list[FaceButton] = []  # one per face, over its box (for the keys and screen readers)
        self._shown_at = 0.0  # when show_photos() last ran (monotonic)
        self._decoded: OrderedDict[int, QImage] = OrderedDict()
        self._requested: set[int] = set()
        self.drawing = BoxDrawing()
        self.face_dialog: Any = None  # who the face just drawn is, while that is asked
        self.decoder = TaskRunner(1, self, name="viewer-decode")
        self.back_button = QToolButton(self)
        self.back_button.setIcon(icons.icon("back", "stage_text", 22))
        self.back_button.setIconSize(QSize(22, 22))
        self.back_button.setToolTip(tr("Back (Esc)"))
        self.back_button.setAccessibleName(tr("Back"))
        self.back_button.setStyleSheet("QToolButton { border: none; border-radius: 6px; padding: 4px; }"
                                       f" QToolButton:hover {{ background: {style.css(style.colors().stage_hover)}; }}")
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back_button.move(MARGIN - 8, (TOP_BAR - 32) // 2)
        self.back_button.clicked.connect(self.back.emit)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAutoFillBackground(False)
        self.setAccessibleName(tr("Photo viewer"))
        ctx.thumbs.ready.connect(self._thumb_ready)

    # -- navigation ------------------------------------------------------------------------------------
    def show_photos(self, ids: list[int], position: int) -> None:
        self.ids = list(ids)
        self._shown_at = time.monotonic()
        self.go(position)

    def go(self, position: int) -> None:
        if not self.ids:
            return
        self.position = max(0, min(position, len(self.ids) - 1))
        self.drawing.cancel()
        photo_id = self.ids[self.position]
        self.photo = self.ctx.library.photo(photo_id)
        self.faces = list(self.ctx.library.faces_of_photo(photo_id)) if self.photo else []
        self.error = None
        self.hover = None
        if any(b.hasFocus() for b in self.face_buttons):  # the face that had the keys went with its photo
            self.setFocus(Qt.FocusReason.OtherFocusReason)
        self._sync_face_buttons()
        decoded = self._decoded.get(photo_id)
        if decoded is not None:
            self.pixmap, self.sharp = QPixmap.fromImage(decoded), True
        else:
            self.pixmap, self.sharp = self._thumbnail(), False
            self._decode(photo_id)
        for step in (1, -1, 2):
            neighbour = self.position + step
            if 0 <= neighbour < len(self.ids):
                self._decode(self.ids[neighbour])
        self._place_face_buttons()
        self._describe()
        self.update()

    def _thumbnail(self) -> QPixmap | None:
        if self.photo is None or not self.photo["sha256"]:
            return None
        return self.ctx.thumbs.get(ThumbKey("photo", self.photo["sha256"], None, self.photo["path"]))

    def _thumb_ready(self, key: object) -> None:
        if not self.sharp and self.photo is not None and isinstance(key, ThumbKey) and \
                key.kind == "photo" and key.sha256 == self.photo["sha256"]:
            self.pixmap = self._thumbnail()
            self._place_face_buttons()
            self.update()

    def _decode(self, photo_id: int) -> None:
        if photo_id in self._decoded or photo_id in self._requested:
            return
        row = self.ctx.library.photo(photo_id)
        if row is None:
            return
        self._requested.add(photo_id)
        path = str(row["path"])
        self.decoder.submit(lambda: decode_for_view(path), lambda image: self._decoded_ready(photo_id, image),
                            lambda exc: self._decode_failed(photo_id, exc))

    def _decoded_ready(self, photo_id: int, image: QImage) -> None:
        self._requested.discard(photo_id)
        self._decoded[photo_id] = image
        while len(self._decoded) > PRELOAD:
            self._decoded.popitem(last=False)
        if self.ids and self.ids[self.position] == photo_id:
            self.pixmap, self.sharp = QPixmap.fromImage(image), True
            self._place_face_buttons()
            self.update()

    def _decode_failed(self, photo_id: int, exc: object) -> None:
        self._requested.discard(photo_id)
        if self.ids and self.ids[self.position] == photo_id:
            self.error = tr("This photo cannot be shown: {error}").format(error=exc)
            self._describe()
            self.update()

    def reload(self) -> None:
        """Names and boxes may have changed (an edit, an import): redraw them."""
        if self.photo is not None:
            self.faces = list(self.ctx.library.faces_of_photo(self.photo["id"]))
            self._sync_face_buttons()
            self._describe()
            self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        drawn = self.drawing.key(key, bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
        if drawn is not None:
            if drawn == "done" and self.drawing.box is not None:
                self._drawn(self.drawing.box)
            elif drawn == "cancel":
                self.drawing.cancel()
                self.status.emit(tr("No face added"))
            self.update()
            event.accept()
            return
        if key == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier \
                and sys.platform != "win32":  # the context menu key where the system does not make it one
            self._keyboard_menu()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space, Qt.Key.Key_PageDown):
            self.go(self.position + 1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_Backspace, Qt.Key.Key_PageUp):
            self.go(self.position - 1)
        elif key == Qt.Key.Key_Home:
            self.go(0)
        elif key == Qt.Key.Key_End:
            self.go(len(self.ids) - 1)
        elif key == Qt.Key.Key_Escape:
            self.back.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # -- geometry --------------------------------------------------------------------------------------
    def image_rect(self) -> QRectF:
        """Where the photo is drawn: fitted inside the window below the top bar, aspect kept."""
        if self.photo is None:
            return QRectF()
        w = float(self.photo["width"] or (self.pixmap.width() if self.pixmap else 1))
        h = float(self.photo["height"] or (self.pixmap.height() if self.pixmap else 1))
        area = QRectF(MARGIN, TOP_BAR, self.width() - 2 * MARGIN, self.height() - TOP_BAR - BOTTOM_BAR)
        if w <= 0 or h <= 0 or area.width() <= 0 or area.height() <= 0:
            return QRectF()
        scale = min(area.width() / w, area.height() / h)
        return QRectF(area.x() + (area.width() - w * scale) / 2, area.y() + (area.height() - h * scale) / 2,
                      w * scale, h * scale)

    def face_rects(self) -> list[QRectF]:
        target = self.image_rect()
        if self.photo is None or target.isEmpty() or not self.photo["width"]:
            return []
        s = target.width() / float(self.photo["width"])
        return [QRectF(target.x() + f["left"] * s, target.y() + f["top"] * s, f["width"] * s, f["height"] * s)
                for f in self.faces]

    def face_at(self, pos: QPoint) -> int | None:
        for i, rect in enumerate(self.face_rects()):
            if rect.adjusted(-4, -4, 4, 4).contains(QPointF(pos)):
                return i
        return None

    def label_for(self, face: Any) -> str:
        if face["person_id"]:
            return person_name(face["person_name"])
        return face_reason(face["status"], face["reason"])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_face_buttons()

    # -- painting --------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        p.fillRect(self.rect(), style.colors().q("stage"))
        target = self.image_rect()
        if self.pixmap is not None and not target.isEmpty():
            p.drawPixmap(target, self.pixmap, QRectF(self.pixmap.rect()))
        if self.error:
            p.setPen(style.colors().q("stage_error"))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.error)
        focused = self.focused
        for i, (face, rect) in enumerate(zip(self.faces, self.face_rects(), strict=False)):
            self._paint_face(p, face, rect, i in (self.hover, focused))
            if i == focused:  # the face with the keys: a ring around its box
                p.setPen(QPen(style.colors().q("stage_text"), 1.5, Qt.PenStyle.DashLine))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRoundedRect(rect.adjusted(-5, -5, 5, 5), 9, 9)
        self.drawing.paint(p, target, self._scale())
        paint_bars(p, self)
        p.end()

    def _paint_face(self, p: QPainter, face: Any, rect: QRectF, hover: bool) -> None:
        assigned = bool(face["person_id"])
        named = bool(face["person_name"])
        colors = style.colors()
        color = colors.q("box_named" if named else ("box_assigned" if assigned else "box_unassigned"))
        pen = QPen(colors.q("box_halo"), 4.0)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(rect, 6, 6)  # a dark halo keeps the box visible on light photos
        pen = QPen(color, 3.0 if hover else 2.0)
        if not assigned:
            pen.setStyle(Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.drawRoundedRect(rect, 6, 6)
        label = self.label_for(face)
        font = QFont(self.font())
        font.setPointSizeF(max(8.5, self.font().pointSizeF() - 0.5))
        font.setWeight(QFont.Weight.DemiBold)
        p.setFont(font)
        fm = QFontMetricsF(font)
        text_w = min(fm.horizontalAdvance(label), max(rect.width() + 80, 120))
        label = fm.elidedText(label, Qt.TextElideMode.ElideRight, text_w)
        chip = QRectF(0, 0, fm.horizontalAdvance(label) + 16, fm.height() + 8)
        chip.moveLeft(rect.center().x() - chip.width() / 2)
        below = rect.bottom() + 6
        if below + chip.height() <= self.height() - BOTTOM_BAR + 30:
            chip.moveTop(below)
        else:
            chip.moveBottom(rect.top() - 6)
        chip.moveLeft(max(4.0, min(chip.left(), self.width() - chip.width() - 4)))
        path = QPainterPath()
        path.addRoundedRect(chip, chip.height() / 2, chip.height() / 2)
        bg = colors.q("accent_fill" if named else "chip")
        p.fillPath(path, bg)
        p.setPen(colors.q("chip_text" if (named or assigned) else "chip_muted"))
        p.drawText(chip, Qt.AlignmentFlag.AlignCenter, label)

    # -- mouse -----------------------------------------------------------------------------------------
    def _scale(self) -> float:
        target = self.image_rect()
        if self.photo is None or target.isEmpty() or not self.photo["width"]:
            return 0.0
        return target.width() / float(self.photo["width"])

    def to_photo(self, pos: QPointF) -> QPointF:
        """A point of the window on the photo, in pixels of the upright photo (kept inside it)."""
        target, scale = self.image_rect(), self._scale()
        if scale <= 0:
            return QPointF()
        x = min(max((pos.x() - target.x()) / scale, 0.0), float(self.photo["width"]))
        y = min(max((pos.y() - target.y()) / scale, 0.0), float(self.photo["height"]))
        return QPointF(x, y)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        on_photo = self.image_rect().contains(pos)
        if event.button() == Qt.MouseButton.LeftButton and on_photo and self.face_dialog is None and (
                self.drawing.active or self.face_at(pos.toPoint()) is None):
            self.drawing.press(pos, self.to_photo, float(self.photo["width"]), float(self.photo["height"]))
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.drawing.pressed:
            if self.drawing.move(event.position(), self.to_photo):
                self.setCursor(Qt.CursorShape.CrossCursor)
                self.update()
            return
        hover = self.face_at(event.position().toPoint())
        if hover != self.hover:
            self.hover = hover
            self.setCursor(Qt.CursorShape.PointingHandCursor if hover is not None else Qt.CursorShape.ArrowCursor)
            if hover is not None:
                face = self.faces[hover]
                self.setToolTip(self.label_for(face) + (f" · {match_text(face['similarity'])}"
                                                        if face["similarity"] is not None else ""))
            else:
                self.setToolTip("")
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.drawing.pressed:
            box = self.drawing.release(event.position(), self.to_photo)
            if box is not None:
                self.setCursor(Qt.CursorShape.ArrowCursor)
                self._drawn(box)
                return
        if event.button() == Qt.MouseButton.LeftButton and self._just_shown():
            return  # the second click of a double-click on the tile that opened the photo, not a face click
        if event.button() == Qt.MouseButton.LeftButton:
            i = self.face_at(event.position().toPoint())
            if i is not None and self.faces[i]["person_id"]:
                self.personOpened.emit(str(self.faces[i]["person_id"]))
                return
        if event.button() == Qt.MouseButton.BackButton:
            self.back.emit()
            return
        super().mouseReleaseEvent(event)

    def _just_shown(self) -> bool:
        return (time.monotonic() - self._shown_at) * 1000 < QApplication.doubleClickInterval()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:  # the Menu key: the focused face's menu
            self._keyboard_menu()
            return
        i = self.face_at(event.pos())
        if i is None and (self.photo is None or not self.image_rect().contains(QPointF(event.pos()))):
            return
        self._menu(i, event.globalPos())

    def _keyboard_menu(self) -> None:
        """The menu of the focused face (or of the photo), shown over it."""
        if self.photo is None:
            return
        rects = self.face_rects()
        i = self.focused
        i = i if i is not None and i < len(rects) else None
        where = rects[i].center() if i is not None else self.image_rect().center()
        self._menu(i, self.mapToGlobal(where.toPoint()))

    def _menu(self, i: int | None, at: QPoint) -> None:
        """The context menu of face `i`, or of the photo (Add a Face…) for None."""
        menu = QMenu(self)
        if i is None:
            menu.addAction(tr("Add a Face…"), self.start_drawing)
            exec_menu(menu, at, self)
            return
        face = self.faces[i]
        if face["person_id"]:
            pid = str(face["person_id"])
            menu.addAction(tr("Open {name}").format(name=as_label(self.label_for(face))),
                           lambda: self.personOpened.emit(pid))
            menu.addAction(tr("Use as cover"), lambda: self._use_as_cover(face))
            menu.addSeparator()
            menu.addAction(tr("Not this person"), lambda: self._not_this_person(face))
        else:
            menu.addAction(as_label(self.label_for(face))).setEnabled(False)
            menu.addSeparator()
        menu.addAction(tr("Not a face"), lambda: ops.not_a_face(self.ctx, [int(face["id"])], self.status.emit))
        menu.addAction(tr("Ignore this face (a stranger)"),
                       lambda: ops.ignore_faces(self.ctx, [int(face["id"])], self.status.emit))
        had_keys = self.focused
        exec_menu(menu, at, self)
        if had_keys is not None and QApplication.focusWidget() is self:  # the keys go back to the face
            self.focus_face(had_keys)

    # -- adding a face ---------------------------------------------------------------------------------------
    def start_drawing(self) -> None:
        """Edit › Add Face…: a box in the middle of the photo, for the keys or the mouse to place."""
        if self.photo is None or not self.photo["width"] or self.face_dialog is not None:
            return
        self.drawing.start(float(self.photo["width"]), float(self.photo["height"]))
        self.setFocus()
        self.update()

    def _drawn(self, box: QRectF) -> None:
        """A box was drawn: ask who it is, then add the face (or say why not)."""
        from .tool_dialogs import FaceNameDialog

        width, height = float(self.photo["width"]), float(self.photo["height"])
        pixels = pixel_box(box, width, height)
        if pixels[2] < MIN_SIDE or pixels[3] < MIN_SIDE:
            self.drawing.cancel()
            self.update()
            self.status.emit(tr("That box is too small for a face (at least %Ln pixel(s) of the photo)", None,
                                MIN_SIDE))
            return
        self.drawing.active = False  # the box stays drawn while the dialog asks
        path = str(self.photo["path"])
        dialog = FaceNameDialog(self.ctx, self)

        def add() -> None:
            ops.add_face(self.ctx, path, pixels, dialog.person(), self.status.emit)

        dialog.finished.connect(lambda _r: (self.drawing.cancel(), self.update()))
        open_tracked(self, "face_dialog", dialog, add)

    def _not_this_person(self, face: Any) -> None:
        ops.not_this_person(self.ctx, [int(face["id"])], self.status.emit)

    def _use_as_cover(self, face: Any) -> None:
        ops.use_as_cover(self.ctx, str(face["person_id"]), int(face["id"]), self.status.emit)
