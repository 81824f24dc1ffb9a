"""The photo viewer's top and bottom bars (see viewer.py): the photo's name, when it was taken and where it is
in the list above the photo; the faces found and hints for the keys and the mouse below it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter

from . import style
from .i18n import number, tr
from .item_text import taken_text

TOP_BAR = 52
BOTTOM_BAR = 36
MARGIN = 20


def paint_bars(p: QPainter, viewer: Any) -> None:
    """The top bar (the photo's name; when it was taken and where it is in the list) and the bottom bar
    (the faces found, and hints for the keys and the mouse) of `viewer`, a PhotoViewer."""
    if viewer.photo is None:
        return
    p.setPen(style.colors().q("stage_text"))
    font = QFont(viewer.font())
    font.setPointSizeF(viewer.font().pointSizeF() + 1)
    font.setWeight(QFont.Weight.DemiBold)
    p.setFont(font)
    top = QRectF(MARGIN, 0, viewer.width() - 2 * MARGIN, TOP_BAR)
    name = Path(str(viewer.photo["path"])).name
    title = top.adjusted(34, 0, 0, 0)  # after the back button
    p.drawText(title, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
               QFontMetricsF(font).elidedText(name, Qt.TextElideMode.ElideMiddle, top.width() * 0.6))
    small = QFont(viewer.font())
    p.setFont(small)
    p.setPen(style.colors().q("stage_muted"))
    taken = taken_text(viewer.photo["taken_at"])
    info = tr("{position} of {count}").format(position=number(viewer.position + 1), count=number(len(viewer.ids)))
    if taken:
        info = f"{taken}   ·   {info}"
    p.drawText(top, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, info)
    bottom = QRectF(MARGIN, viewer.height() - BOTTOM_BAR, viewer.width() - 2 * MARGIN, BOTTOM_BAR)
    n = len(viewer.faces)
    faces = tr("no faces found") if n == 0 else tr("%Ln face(s)", None, n)
    parts = [faces, tr("← → browse"), tr("click a face to open the person"), tr("drag a box to add a face"),
             tr("Tab steps through the faces"), tr("Esc back")]
    focused = viewer.focused
    if focused is not None:
        face = viewer.faces[focused]
        parts = [tr("Face {number} of {count}: {name}").format(
                     number=number(focused + 1), count=number(n), name=viewer.label_for(face)),
                 tr("Enter opens the person") if face["person_id"] else tr("Enter shows what to do with it"),
                 tr("Tab: next face"), tr("Esc back")]
    if viewer.drawing.active:
        parts = [tr("Drag a box around the face, or move it with the arrows (Shift: size)"), tr("Enter keeps it"),
                 tr("Esc cancels")]
    metrics = QFontMetricsF(small)
    while len(parts) > 1 and metrics.horizontalAdvance("   ·   ".join(parts)) > bottom.width():
        parts.pop()  # a narrow window keeps what fits, from the left: never a hint cut in the middle
    p.drawText(bottom, Qt.AlignmentFlag.AlignCenter, "   ·   ".join(parts))
