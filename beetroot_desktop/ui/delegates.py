"""How grid tiles are painted: round face covers for people and faces, square crops for photos."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QLineEdit, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from . import style
from .i18n import tr
from .models import FocusRole, HiddenRole, NamedRole, OfflineRole, StatusRole, SubtitleRole, ThumbFailedRole, role

Index = QModelIndex | QPersistentModelIndex
OFFLINE_OPACITY = 0.4  # a photo whose folder or drive is out of reach: still listed, dimmed


def cover_crop(source: QRectF, target: QRectF, focus: tuple[float, float] | None = None) -> QRectF:
    """The part of `source` that fills `target`, centred on `focus` (fractions of `source`) where it fits."""
    scale = max(target.width() / source.width(), target.height() / source.height())
    w, h = target.width() / scale, target.height() / scale
    fx, fy = focus if focus is not None else (0.5, 0.5)
    left = min(max(source.left() + fx * source.width() - w / 2, source.left()), source.right() - w)
    top = min(max(source.top() + fy * source.height() - h / 2, source.top()), source.bottom() - h)
    return QRectF(left, top, w, h)


def draw_cover(painter: QPainter, target: QRectF, pixmap: QPixmap | None, *, circle: bool,
               radius: float = 8.0, failed: bool = False, focus: tuple[float, float] | None = None) -> None:
    """The pixmap scaled to fill `target` (cropped around `focus`, else the centre), clipped to a circle
    or a rounded rect."""
    path = QPainterPath()
    if circle:
        path.addEllipse(target)
    else:
        path.addRoundedRect(target, radius, radius)
    painter.save()
    painter.setClipPath(path)
    if pixmap is None or pixmap.isNull():
        painter.fillRect(target, style.colors().q("placeholder"))
        _placeholder(painter, target, failed)
    else:
        crop = cover_crop(QRectF(pixmap.rect()), target, focus)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(target, pixmap, crop)
    painter.restore()


def _placeholder(painter: QPainter, target: QRectF, failed: bool) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = style.colors().q("placeholder_mark")
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    c = target.center()
    s = min(target.width(), target.height())
    if failed:
        painter.setPen(QPen(color, max(2.0, s / 30)))
        painter.drawLine(QPointF(c.x() - s * 0.12, c.y() - s * 0.12), QPointF(c.x() + s * 0.12, c.y() + s * 0.12))
        painter.drawLine(QPointF(c.x() + s * 0.12, c.y() - s * 0.12), QPointF(c.x() - s * 0.12, c.y() + s * 0.12))
    else:
        painter.drawEllipse(QPointF(c.x(), c.y() - s * 0.08), s * 0.14, s * 0.14)
        body = QPainterPath()
        body.addEllipse(QPointF(c.x(), c.y() + s * 0.3), s * 0.28, s * 0.22)
        painter.drawPath(body)
    painter.restore()


def _tile_background(painter: QPainter, option: QStyleOptionViewItem, rect: QRectF) -> None:
    selected = bool(option.state & QStyle.StateFlag.State_Selected)
    hover = bool(option.state & QStyle.StateFlag.State_MouseOver)
    if not (selected or hover):
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if selected:
        painter.setBrush(style.colors().q("accent_soft"))
        painter.setPen(QPen(style.colors().q("accent"), 1.5))
    else:
        painter.setBrush(style.colors().q("tile_hover"))
        painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 12, 12)
    painter.restore()


def _focus_ring(painter: QPainter, option: QStyleOptionViewItem, rect: QRectF, radius: float) -> None:
    """The tile with the keys (the grid's current tile while the grid has the focus): a ring around it, apart
    from the selection's edge, so the arrows can be followed (also with Ctrl+arrows, which select nothing)."""
    if option.state & QStyle.StateFlag.State_HasFocus:
        style.focus_ring(painter, rect.adjusted(-3, -3, 3, 3), radius + 3, 2.0)


def _offline_label(painter: QPainter, option: QStyleOptionViewItem, rect: QRectF) -> None:
    """"Offline" in a small dark label at the tile's bottom left (the tooltip names the drive)."""
    font = QFont(option.font)
    font.setPointSizeF(max(7.5, option.font.pointSizeF() - 1.5))
    font.setWeight(QFont.Weight.DemiBold)
    text = "Offline"
    width = QFontMetrics(font).horizontalAdvance(text) + 14
    label = QRectF(rect.left() + 8, rect.bottom() - 28, width, 20)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(style.colors().q("scrim"))
    painter.drawRoundedRect(label, 10, 10)
    painter.setFont(font)
    painter.setPen(style.colors().q("scrim_text"))
    painter.drawText(label, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


class PersonDelegate(QStyledItemDelegate):
    """A person tile: round cover face, the name (or "Unnamed person"), the photo count."""

    TILE = QSize(176, 214)
    AVATAR = 132

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return self.TILE

    def avatar_rect(self, rect: QRect) -> QRectF:
        return QRectF(rect.x() + (rect.width() - self.AVATAR) / 2, rect.y() + 14, self.AVATAR, self.AVATAR)

    def name_rect(self, rect: QRect) -> QRect:
        top = rect.y() + 14 + self.AVATAR + 10
        return QRect(rect.x() + 8, top, rect.width() - 16, 24)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(option.rect).adjusted(4, 4, -4, -4)
        _tile_background(painter, option, rect)
        hidden = bool(role(index, HiddenRole))
        if hidden:
            painter.setOpacity(0.45)
        avatar = self.avatar_rect(option.rect)
        draw_cover(painter, avatar, role(index, Qt.ItemDataRole.DecorationRole), circle=True,
                   failed=bool(role(index, ThumbFailedRole)))
        painter.setOpacity(1.0)
        named = bool(role(index, NamedRole))
        name_font = style.bold(option.font) if named else QFont(option.font)
        name_font.setPointSizeF(option.font.pointSizeF() + 0.5)
        painter.setFont(name_font)
        painter.setPen(style.colors().q("text" if named else "muted"))
        name_rect = self.name_rect(option.rect)
        name = str(role(index, Qt.ItemDataRole.DisplayRole) or "")
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(name_font).elidedText(name, Qt.TextElideMode.ElideRight, name_rect.width()))
        sub_font = QFont(option.font)
        sub_font.setPointSizeF(max(7.5, option.font.pointSizeF() - 1))
        painter.setFont(sub_font)
        painter.setPen(style.colors().q("muted"))
        subtitle = str(role(index, SubtitleRole) or "")
        if hidden:
            subtitle = tr("{subtitle} · hidden").format(subtitle=subtitle) if subtitle else tr("hidden")
        sub_rect = QRect(name_rect.x(), name_rect.bottom() + 1, name_rect.width(), 20)
        painter.drawText(sub_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, subtitle)
        _focus_ring(painter, option, rect.adjusted(1, 1, -1, -1), 12)
        painter.restore()

    # -- renaming in place ------------------------------------------------------------------------------
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setPlaceholderText(tr("Add a name"))
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        editor.setFrame(True)
        editor.setObjectName("NameEditor")
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        if editor.isModified():  # the grid refreshed (an import runs) while the user types: keep the typing
            return
        editor.setText(str(role(index, Qt.ItemDataRole.EditRole) or ""))
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: object, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        if editor.text().strip() != str(role(index, Qt.ItemDataRole.EditRole) or "").strip():
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)  # type: ignore[attr-defined]

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: Index) -> None:
        rect = self.name_rect(option.rect).adjusted(-2, -3, 2, 5)
        editor.setGeometry(rect)


class PhotoDelegate(QStyledItemDelegate):
    """A photo tile: the photo cropped to a square with rounded corners."""

    TILE = QSize(180, 180)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return self.TILE

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(option.rect).adjusted(5, 5, -5, -5)
        offline = bool(role(index, OfflineRole))
        if offline:
            painter.setOpacity(OFFLINE_OPACITY)
        draw_cover(painter, rect, role(index, Qt.ItemDataRole.DecorationRole), circle=False, radius=8,
                   failed=bool(role(index, ThumbFailedRole)), focus=role(index, FocusRole))
        painter.setOpacity(1.0)
        if offline:
            _offline_label(painter, option, rect)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(QPen(style.colors().q("accent"), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1.5, 1.5, -1.5, -1.5), 8, 8)
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, style.colors().q("photo_hover"))
        _focus_ring(painter, option, rect, 8)
        painter.restore()


class FaceDelegate(QStyledItemDelegate):
    """A face tile: the round face, a caption (why it is unassigned, or which photo), a detail line."""

    TILE = QSize(156, 190)
    AVATAR = 108

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return self.TILE

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(option.rect).adjusted(4, 4, -4, -4)
        _tile_background(painter, option, rect)
        r = option.rect
        avatar = QRectF(r.x() + (r.width() - self.AVATAR) / 2, r.y() + 14, self.AVATAR, self.AVATAR)
        if role(index, OfflineRole):
            painter.setOpacity(OFFLINE_OPACITY)
        elif role(index, StatusRole) == "removed":
            painter.setOpacity(0.55)
        draw_cover(painter, avatar, role(index, Qt.ItemDataRole.DecorationRole), circle=True,
                   failed=bool(role(index, ThumbFailedRole)))
        painter.setOpacity(1.0)
        title_rect = QRect(r.x() + 8, int(avatar.bottom()) + 8, r.width() - 16, 20)
        font = style.bold(option.font)
        painter.setFont(font)
        painter.setPen(style.colors().q("text"))
        title = str(role(index, Qt.ItemDataRole.DisplayRole) or "")
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(font).elidedText(title, Qt.TextElideMode.ElideMiddle, title_rect.width()))
        sub_font = QFont(option.font)
        sub_font.setPointSizeF(max(7.5, option.font.pointSizeF() - 1))
        painter.setFont(sub_font)
        painter.setPen(style.colors().q("muted"))
        sub_rect = QRect(title_rect.x(), title_rect.bottom() + 2, title_rect.width(), 18)
        subtitle = str(role(index, SubtitleRole) or "")
        painter.drawText(sub_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                         QFontMetrics(sub_font).elidedText(subtitle, Qt.TextElideMode.ElideMiddle, sub_rect.width()))
        _focus_ring(painter, option, rect.adjusted(1, 1, -1, -1), 12)
        painter.restore()
