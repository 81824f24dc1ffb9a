"""The viewer's faces for the keyboard and assistive tools (see viewer.py): a small invisible button over each
face box (FaceButton), and the viewer's part that keeps them (FaceKeys): one button per face in the tab order,
named for its person and placed over its box, which face has the keys, and the viewer's accessible name and
description.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent, QFocusEvent, QKeyEvent, QPaintEvent
from PySide6.QtWidgets import QAbstractButton, QWidget

from .i18n import number, tr
from .item_text import face_reason, name_list, person_name, taken_text


class FaceKeys:
    """PhotoViewer's faces from the keyboard, mixed into the viewer: it holds the photo (`photo`, `ids`,
    `position`, `error`), its `faces` and their boxes (`face_rects`), and the face menu (`_keyboard_menu`)."""

    faces: list[Any]
    face_buttons: list[FaceButton]

    def spoken_name(self, face: Any) -> str:
        """A face as a screen reader names it: its person's name, or "Unknown face" when it belongs to no one."""
        return person_name(face["person_name"]) if face["person_id"] else tr("Unknown face")

    @property
    def focused(self) -> int | None:
        """The face whose button has the keyboard focus (an index into `faces`), if any."""
        for i, button in enumerate(self.face_buttons[:len(self.faces)]):
            if button.hasFocus():
                return i
        return None

    def focus_face(self, index: int | None) -> None:
        """Give the keyboard focus to the face at `index` of `faces` (None, or no such face: to the photo)."""
        if index is not None and 0 <= index < min(len(self.faces), len(self.face_buttons)):
            self.face_buttons[index].setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _sync_face_buttons(self) -> None:
        """One button per face, named for it, in the tab order after the photo in the faces' order."""
        while len(self.face_buttons) > len(self.faces):
            button = self.face_buttons.pop()
            if button.hasFocus():
                self.setFocus(Qt.FocusReason.OtherFocusReason)
            button.hide()
            button.deleteLater()
        while len(self.face_buttons) < len(self.faces):
            self.face_buttons.append(FaceButton(self, len(self.face_buttons)))
        previous: QWidget = self
        for i, (button, face) in enumerate(zip(self.face_buttons, self.faces, strict=True)):
            button.setAccessibleName(self.spoken_name(face))
            more = tr("Enter opens the person") if face["person_id"] else face_reason(face["status"], face["reason"])
            button.setAccessibleDescription(tr("Face {number} of {count}. {more}.").format(
                number=number(i + 1), count=number(len(self.faces)), more=more))
            button.show()
            QWidget.setTabOrder(previous, button)
            previous = button
        self._place_face_buttons()

    def _place_face_buttons(self) -> None:
        """Each face's button over its box, as the photo is fitted to the window now."""
        rects = self.face_rects()
        for i, button in enumerate(self.face_buttons):
            if i < len(rects):
                button.setGeometry(rects[i].toAlignedRect())

    def face_focus_changed(self) -> None:
        """A face button took or gave up the keys: the ring around its box, the hints and the description."""
        self._describe()
        self.update()

    def _activate_face(self, index: int) -> None:
        """Enter on a face: its person opens; a face that belongs to no one shows what can be done with it."""
        face = self.faces[index]
        if face["person_id"]:
            self.personOpened.emit(str(face["person_id"]))
        else:
            self._keyboard_menu()

    def _describe(self) -> None:
        """The viewer's accessible name (the photo's file name) and description: which face has the keys (its
        person's name), where the photo is in the list, when it was taken and who is in it."""
        if self.photo is None:
            self.setAccessibleName(tr("Photo viewer"))
            self.setAccessibleDescription("")
            return
        file = Path(str(self.photo["path"])).name
        where = tr("Photo {position} of {count}").format(position=number(self.position + 1),
                                                            count=number(len(self.ids)))
        self.setAccessibleName(file)
        if self.error:
            self.setAccessibleDescription(self.error)
            return
        taken = taken_text(self.photo["taken_at"])
        if self.faces:
            faces = tr("%Ln face(s): {names}", None, len(self.faces)).format(
                names=name_list([self.spoken_name(f) for f in self.faces]))
        else:
            faces = tr("no faces found")
        parts = [where, *([taken] if taken else []), faces]
        focused = self.focused
        if focused is not None:
            parts.insert(0, tr("Face {number} of {count} in {file}: {name}").format(
                number=number(focused + 1), count=number(len(self.faces)), file=file,
                name=self.spoken_name(self.faces[focused])))
        self.setAccessibleDescription(". ".join(parts) + ".")


class FaceButton(QAbstractButton):
    """A face of the viewer's photo for the keyboard and assistive tools: over the face's box, drawn by the
    viewer (this paints nothing) and left to the viewer by the mouse.

    Enter or Space opens the face's person (the menu, for a face that belongs to no one), the arrows step to
    the previous or next face, the Menu key or Shift+F10 shows the face's menu; other keys (Esc, Page Up/Down,
    Home, End) are the viewer's."""

    def __init__(self, viewer: FaceKeys, index: int) -> None:
        super().__init__(viewer)
        self.viewer, self.index = viewer, index
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.clicked.connect(lambda: viewer._activate_face(self.index))

    def paintEvent(self, event: QPaintEvent) -> None:
        pass  # the viewer draws the box, and the ring around it while this has the focus

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, plain = event.key(), event.modifiers() == Qt.KeyboardModifier.NoModifier
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up) and plain:
            self.viewer.focus_face(max(0, self.index - 1))
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down) and plain:
            self.viewer.focus_face(min(len(self.viewer.faces) - 1, self.index + 1))
        elif key == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier \
                and sys.platform != "win32":
            self.viewer._keyboard_menu()
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Select):
            super().keyPressEvent(event)  # a button's own: clicked when the key comes up
            return
        else:
            event.ignore()  # the viewer's: it gets the key next
            return
        event.accept()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.viewer._keyboard_menu()  # only the Menu key comes here: the mouse goes to the viewer

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewer.face_focus_changed()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewer.face_focus_changed()
