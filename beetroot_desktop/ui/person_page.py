"""One person: their photos by date taken, and their faces (to fix wrong matches and pick the cover)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from . import icons, ops, style
from .context import LibraryContext
from .delegates import FaceDelegate, PhotoDelegate
from .dialogs import open_tracked
from .i18n import tr
from .item_text import person_name
from .models import IdRole, role
from .people_model import PeopleModel
from .photo_models import FaceGridModel, PhotoGridModel
from .thumbnails import ThumbKey
from .widgets import ElidedLabel, EmptyState, GridView, GridWithEmptyState, exec_menu, round_pixmap

AVATAR = 84
NARROW = 620  # a page narrower than this: a smaller face, Rename and Hide as icons, the Faces hint above its buttons
SPLIT_ICON = 44


class NameEdit(QLineEdit):
    """Enter keeps the new name, Escape gives up."""

    cancelled = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class PersonPage(QWidget):
    back = Signal()
    photoOpened = Signal(list, int)
    status = Signal(str)
    personChanged = Signal(str)  # the page now shows this person (after a merge moved it)
    gone = Signal()  # the person has no faces left (all removed, or regrouped away)
    peopleSplit = Signal(list)  # the people a split just made (or gave faces back to)
    togetherRequested = Signal(list)  # "With…": this person and the one chosen

    def __init__(self, ctx: LibraryContext, people: PeopleModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.people = people
        self.person_id: str | None = None
        self.hidden = False
        self._narrow: bool | None = None  # laid out for a narrow window (_fit_header)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

        header = QWidget()
        row = self.header_row = QHBoxLayout(header)
        row.setContentsMargins(16, 16, 24, 8)
        row.setSpacing(14)
        self.back_button = QToolButton()
        self.back_button.setIcon(icons.icon("back", "text", 24))
        self.back_button.setToolTip(tr("Back to People (Esc)"))
        self.back_button.setAccessibleName(tr("Back to People"))
        self.back_button.clicked.connect(self.back.emit)
        row.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.avatar = QLabel()
        self.avatar.setFixedSize(AVATAR, AVATAR)
        self.avatar.setScaledContents(True)  # smaller in a narrow window
        row.addWidget(self.avatar)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        self.name_stack = QStackedWidget()
        self.name_label = ElidedLabel(objectName="PageTitle")
        self.name_label.setToolTip(tr("Double-click or press F2 to rename"))
        self.name_edit = NameEdit(placeholderText=tr("Add a name"))
        self.name_edit.setAccessibleName(tr("Name"))
        self.name_edit.setAccessibleDescription(tr("Enter keeps the new name, Escape gives up"))
        self.name_edit.setMinimumWidth(160)
        self.name_edit.returnPressed.connect(self._commit_name)
        self.name_edit.cancelled.connect(self.cancel_rename)
        self.name_stack.addWidget(self.name_label)
        self.name_stack.addWidget(self.name_edit)
        self.name_stack.setFixedHeight(40)
        self.name_label.installEventFilter(self)
        self.subtitle = ElidedLabel(objectName="PageSubtitle")
        texts.addStretch(1)
        texts.addWidget(self.name_stack)
        texts.addWidget(self.subtitle)
        texts.addStretch(1)
        row.addLayout(texts, 1)
        self.rename_button = QPushButton(icons.icon("rename", "text", 16), tr("Rename"))
        self.rename_button.setToolTip(tr("Rename (F2)"))
        self.rename_button.clicked.connect(self.start_rename)
        self.hide_button = QPushButton(icons.icon("hide", "text", 16), tr("Hide"))
        self.rename_button.setProperty("label", tr("Rename"))
        self.hide_button.setProperty("label", tr("Hide"))
        # Named for a screen reader also when a narrow window shows their icons only (_fit_header).
        self.rename_button.setAccessibleName(tr("Rename"))
        self.hide_button.setAccessibleName(tr("Hide"))
        self.hide_button.clicked.connect(self.toggle_hidden)
        self.with_button = QPushButton(icons.icon("together", "text", 16), tr("With…"))
        self.with_button.setProperty("label", tr("With…"))
        self.with_button.setToolTip(tr("Photos of this person together with someone else"))
        self.with_button.clicked.connect(self.choose_with)
        self.more_button = QToolButton()
        self.more_button.setIcon(icons.icon("more", "text", 20))
        self.more_button.setToolTip(tr("More: Export Photos…, Forget Person…"))
        self.more_button.setAccessibleName(tr("More"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setMenu(QMenu(self.more_button))  # the window adds its actions (People menu)
        for button in (self.rename_button, self.hide_button):
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.with_dialog: QDialog | None = None  # the person chosen for "With…", while that is asked
        layout.addWidget(header)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.photos = PhotoGridModel(ctx, None, self)
        self.photo_grid = GridView(PhotoDelegate.TILE, open_on_click=True)  # a click views the photo
        self.photo_grid.setItemDelegate(PhotoDelegate(self.photo_grid))
        self.photo_grid.setModel(self.photos)
        self.photo_grid.openRequested.connect(self._open_photo)
        self.photo_grid.setAccessibleName(tr("Photos"))
        photos_stack = GridWithEmptyState(self.photo_grid, EmptyState("photos", tr("No photos"), ""))
        photos_stack.watch()
        self.tabs.addTab(photos_stack, tr("Photos"))

        faces_tab = QWidget()
        faces_layout = QVBoxLayout(faces_tab)
        faces_layout.setContentsMargins(0, 0, 0, 0)
        tools = self.faces_tools = QGridLayout()  # the hint beside the buttons, or above them when narrow
        tools.setContentsMargins(24, 10, 24, 4)
        tools.setHorizontalSpacing(8)
        hint = self.faces_hint = QLabel(tr("Select a face that is not this person and press Delete: it will never"
                                           " be grouped with them again. Split… makes the selected faces a person"
                                           " of their own. Shift+Delete: not a face at all; Ctrl+Delete: a"
                                           " stranger in the background, ignored."), objectName="Muted")
        hint.setWordWrap(True)
        tools.addWidget(hint, 0, 0)
        tools.setColumnStretch(0, 1)
        self.face_buttons = QWidget()
        buttons_row = QHBoxLayout(self.face_buttons)
        buttons_row.setContentsMargins(0, 0, 0, 0)
        self.not_button = QPushButton(tr("Not this person"))
        self.not_button.setToolTip(tr("Take the selected faces out of this person (Delete)"))
        self.not_button.clicked.connect(self.not_this_person)
        self.cover_button = QPushButton(tr("Use as cover"))
        self.cover_button.setToolTip(tr("Show this face on the person's tile"))
        self.cover_button.clicked.connect(self.use_as_cover)
        self.split_button = QPushButton(icons.icon("split", "text", 16), tr("Split…"))
        self.split_button.setToolTip(tr("Split the selected faces, or a person merged into this one, off into a"
                                        " person of their own"))
        self.split_button.clicked.connect(self.split)
        for button in (self.not_button, self.cover_button, self.split_button):
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # never cut
            buttons_row.addWidget(button)
        tools.addWidget(self.face_buttons, 0, 1)
        faces_layout.addLayout(tools)
        self.faces = FaceGridModel(ctx, parent=self)
        self.face_grid = GridView(FaceDelegate.TILE)
        self.face_grid.setItemDelegate(FaceDelegate(self.face_grid))
        self.face_grid.setModel(self.faces)
        self.face_grid.openRequested.connect(self._open_face_photo)
        self.face_grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.face_grid.customContextMenuRequested.connect(self._face_menu)
        self.face_grid.setAccessibleName(tr("Faces"))
        self.face_grid.setAccessibleDescription(tr("Delete: not this person; Shift+Delete: not a face;"
                                                   " Ctrl+Delete: ignore; Enter opens the photo"))
        faces_layout.addWidget(self.face_grid, 1)
        self.tabs.addTab(faces_tab, tr("Faces"))
        corner = QWidget()  # beside the tabs, where a narrow window still has room
        corner_row = QHBoxLayout(corner)
        corner_row.setContentsMargins(0, 0, 16, 2)
        corner_row.setSpacing(4)
        self.with_button.setStyleSheet("padding: 3px 10px;")
        corner_row.addWidget(self.with_button)
        corner_row.addWidget(self.more_button)
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        layout.addWidget(self.tabs, 1)
        # Tab goes as the eye does: Back, Rename, Hide, the tabs, With… and More beside them, then the grid.
        QWidget.setTabOrder(self.tabs.tabBar(), self.with_button)
        QWidget.setTabOrder(self.with_button, self.more_button)
        self.faces.edited.connect(self.status.emit)
        self.split_dialog: SplitDialog | None = None  # the split being chosen, if any
        self._waiting_cover: object = None
        self._cover: tuple[str, Any, Any] | None = None
        ctx.thumbs.ready.connect(self._cover_ready)

    # -- showing a person ------------------------------------------------------------------------------
    def show_person(self, person_id: str) -> None:
        self.person_id = person_id
        self.cancel_rename()
        self.tabs.setCurrentIndex(0)
        self.photos.set_person(person_id)
        self.faces.set_person(person_id)
        # What is known at once (name, cover, the grid's count) shows at once; the rest follows.
        tile = self.ctx.library.person_tiles([person_id]).get(person_id)
        counts = self.people.extra(person_id)
        self.name_label.setText(person_name(tile.name) if tile else "")
        style.set_tone(self.name_label, None if tile and tile.name else "muted")
        self.subtitle.setText(tr("%Ln photo(s)", None, counts.photos) if counts else "")
        self._name_views()
        key = PeopleModel.cover_key(tile)
        self.avatar.setPixmap(round_pixmap(self.ctx.thumbs.get(key) if key else None, AVATAR))
        self._load_header()
        self.photo_grid.setFocus()

    def reload(self) -> None:
        if self.person_id is None:
            return
        current = self.ctx.library.resolve_person(self.person_id)
        if current != self.person_id:  # merged into someone else: follow them
            self.person_id = current
            self.photos.set_person(current)
            self.faces.set_person(current)
            self.personChanged.emit(current)
        else:
            self.photos.refresh()
            self.faces.refresh()
        self._load_header()

    def _load_header(self) -> None:
        """The name, counts and cover: counted on the reader thread (a person can have 40,000 faces)."""
        pid = self.person_id
        if pid is None:
            return

        def load(lib: Any) -> tuple[Any, Any]:
            return lib.person(pid), lib.person_tiles([pid]).get(pid)

        self.ctx.read(load, lambda result: self._show_header(pid, *result))

    def _show_header(self, pid: str, summary: Any, tile: Any) -> None:
        if pid != self.person_id:
            return
        if summary is None or tile is None:  # no faces left: nothing to show
            self.name_label.setText(person_name(tile.name if tile else None))
            self.subtitle.setText(tr("No photos left"))
            self._name_views()
            self.avatar.setPixmap(round_pixmap(None, AVATAR))
            self.gone.emit()
            return
        self.hidden = summary.hidden
        self.name_label.setText(person_name(summary.name))
        style.set_tone(self.name_label, None if summary.name else "muted")
        parts = [tr("%Ln photo(s)", None, summary.photos), tr("%Ln face(s)", None, summary.faces)]
        if summary.hidden:
            parts.append(tr("hidden from People"))
        self.subtitle.setText(" · ".join(parts))
        self._name_views()
        self.hide_button.setProperty("label", tr("Show in People") if summary.hidden else tr("Hide"))
        self.hide_button.setAccessibleName(str(self.hide_button.property("label")))
        self._fit_header()
        self.hide_button.setToolTip(tr("List this person in People again (Ctrl+H)") if summary.hidden else
                                    tr("Hide this person from People (Ctrl+H)"))
        key = PeopleModel.cover_key(tile)
        pixmap = self.ctx.thumbs.get(key) if key else None
        self._waiting_cover = key if key is not None and pixmap is None else None
        self._cover = (pid, summary, tile)
        self.avatar.setPixmap(round_pixmap(pixmap, AVATAR))

    def _name_views(self) -> None:
        """The grids and the name as a screen reader announces them: whose photos and faces they are."""
        name = self.name_label.text()
        self.photo_grid.setAccessibleName(tr("Photos of {name}").format(name=name) if name else tr("Photos"))
        self.face_grid.setAccessibleName(tr("Faces of {name}").format(name=name) if name else tr("Faces"))
        self.name_label.setAccessibleName(name)
        self.name_label.setAccessibleDescription(self.subtitle.text())

    def _cover_ready(self, key: object) -> None:
        if self._waiting_cover is not None and key == self._waiting_cover and self._cover is not None:
            self._show_header(*self._cover)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # light <-> dark: the round face (or its placeholder) is a pixmap drawn in the palette of its time
        if event.type() == QEvent.Type.PaletteChange and self._cover is not None:
            self._show_header(*self._cover)

    # -- renaming --------------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_header()

    def _fit_header(self) -> None:
        """In a narrow window the face is smaller and Rename and Hide show their icons only (their tooltips
        say what they do), leaving the name room; a name that still does not fit ends in "…"."""
        narrow = self.width() < NARROW
        for button in (self.rename_button, self.hide_button):
            button.setText("" if narrow else str(button.property("label")))
        if narrow == self._narrow:
            return
        self._narrow = narrow
        for button in (self.rename_button, self.hide_button):
            button.setStyleSheet("padding: 6px 8px;" if narrow else "")
        side = AVATAR * 2 // 3 if narrow else AVATAR
        self.avatar.setFixedSize(side, side)
        self.header_row.setSpacing(8 if narrow else 14)
        self.faces_tools.removeWidget(self.face_buttons)
        if narrow:
            self.faces_tools.addWidget(self.face_buttons, 1, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            self.faces_tools.addWidget(self.face_buttons, 0, 1)
        self.header_row.setContentsMargins(8 if narrow else 16, 16, 16 if narrow else 24, 8)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.name_label and event.type() == QEvent.Type.MouseButtonDblClick:
            self.start_rename()
            return True
        return super().eventFilter(obj, event)

    @property
    def renaming(self) -> bool:
        return self.name_stack.currentWidget() is self.name_edit

    def start_rename(self) -> None:
        if self.person_id is None:
            return
        summary = self.ctx.library.person(self.person_id)
        self.name_edit.setText((summary.name or "") if summary else "")
        self.name_stack.setCurrentWidget(self.name_edit)
        self.name_edit.selectAll()
        self.name_edit.setFocus()

    def _commit_name(self) -> None:
        if self.person_id is not None:
            self.people.rename(self.person_id, self.name_edit.text())
        self.name_stack.setCurrentWidget(self.name_label)
        self.photo_grid.setFocus()

    def cancel_rename(self) -> None:
        self.name_stack.setCurrentWidget(self.name_label)

    def toggle_hidden(self) -> None:
        if self.person_id is not None:
            self.people.set_hidden([self.person_id], not self.hidden)

    # -- faces -----------------------------------------------------------------------------------------
    def selected_faces(self) -> list[int]:
        return [int(x) for x in self.face_grid.selected_ids()]  # type: ignore[call-overload]

    def not_this_person(self) -> None:
        faces = self.selected_faces()
        if not faces:
            self.tabs.setCurrentIndex(1)
            self.status.emit(tr("Select the faces that are not this person first (Faces tab)"))
            return
        self.faces.not_this_person(faces)

    def use_as_cover(self) -> None:
        faces = self.selected_faces()
        if len(faces) != 1:
            self.status.emit(tr("Select one face to use as the cover"))
            return
        self.faces.use_as_cover(faces[0])

    def split(self, *, faces_only: bool = False) -> SplitDialog | None:
        """Split the selected faces (Faces tab) into a new person, or choose formerly merged people to split
        off in a small dialog when this person has any. Returns the dialog when one opened."""
        if self.person_id is None:
            return None
        faces = self.selected_faces() if self.tabs.currentIndex() == 1 else []
        merged = [] if faces_only else self.ctx.library.merged_sources(self.person_id)
        if not faces and not merged:
            self.tabs.setCurrentIndex(1)
            self.status.emit(tr("Select the faces to split off on the Faces tab first"))
            return None
        if not merged:
            self._split(faces, [])
            return None
        dialog = SplitDialog(self.ctx, self.person_id, merged, faces, self)
        open_tracked(self, "split_dialog", dialog, lambda: self._split(dialog.chosen_faces(), dialog.chosen_people()))
        return dialog

    def _split(self, faces: list[int], people: list[str]) -> None:
        if not faces and not people:
            return
        made = self.faces.split(faces, people)
        if made:
            self.peopleSplit.emit(made)

    def _face_menu(self, pos: QPoint) -> None:
        index = self.face_grid.indexAt(pos)
        if not index.isValid():
            return
        if not self.face_grid.selectionModel().isSelected(index):
            self.face_grid.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction(tr("Open photo"), lambda: self._open_face_photo(index))
        menu.addAction(tr("Use as cover"), self.use_as_cover)
        menu.addSeparator()
        menu.addAction(tr("Not this person"), self.not_this_person)
        menu.addAction(tr("Split off into a new person"), lambda: self.split(faces_only=True))
        menu.addSeparator()
        menu.addAction(tr("Not a face"), self.not_a_face)
        menu.addAction(tr("Ignore (a stranger in the background)"), self.ignore_faces)
        exec_menu(menu, self.face_grid.viewport().mapToGlobal(pos), self.face_grid)

    def not_a_face(self) -> None:
        faces = self._chosen_faces()
        if faces:
            ops.not_a_face(self.ctx, faces, self.status.emit)

    def ignore_faces(self) -> None:
        faces = self._chosen_faces()
        if faces:
            ops.ignore_faces(self.ctx, faces, self.status.emit)

    def _chosen_faces(self) -> list[int]:
        faces = self.selected_faces() if self.tabs.currentIndex() == 1 else []
        if not faces:
            self.tabs.setCurrentIndex(1)
            self.status.emit(tr("Select the faces first (Faces tab)"))
        return faces

    def choose_with(self) -> QDialog | None:
        """"With…": pick another person; their photos together follow (`togetherRequested`)."""
        from .person_picker import PersonPicker

        pid = self.person_id
        if pid is None:
            return None
        picker = PersonPicker(self.ctx, self, title=tr("Photos together"), exclude=pid,
                              prompt=tr("Photos of {name} together with whom?").format(name=self.name_label.text()))

        def chosen() -> None:
            other = picker.chosen()
            if other:
                self.togetherRequested.emit([pid, other])

        return open_tracked(self, "with_dialog", picker, chosen)

    def _open_photo(self, index: QModelIndex) -> None:
        if index.isValid():
            self.photoOpened.emit(self.photos.ids(), index.row())

    def _open_face_photo(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        photo_id = self.faces.photo_of(int(role(index, IdRole)))
        ids = self.photos.ids()
        if photo_id in ids:
            self.photoOpened.emit(ids, ids.index(photo_id))
        elif photo_id is not None:
            self.photoOpened.emit([photo_id], 0)


class SplitDialog(QDialog):
    """Choose what to split off a person: the selected faces (as one new person) and people merged into it."""

    def __init__(self, ctx: LibraryContext, person_id: str, merged: list[str], faces: list[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(tr("Split person"))
        self.setMinimumWidth(480)
        self.faces = list(faces)
        tile = ctx.library.person_tiles([person_id]).get(person_id)
        name = person_name(tile.name) if tile else tr("this person")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        intro = QLabel(tr("Choose what to split off {name}. A person merged in before gets back the faces"
                          " their merge brought; selected faces become a new person. Edit › Undo (Ctrl+Z) puts"
                          " them back together.").format(name=name))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setAccessibleName(tr("What to split off"))
        self.list.setAccessibleDescription(tr("Space ticks or unticks the current entry"))
        self.list.setIconSize(QSize(SPLIT_ICON, SPLIT_ICON))
        self.list.setSpacing(2)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)  # the boxes say what is chosen
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self._icons: dict[tuple[object, ...], list[QListWidgetItem]] = {}
        if faces:
            item = QListWidgetItem(tr("The %Ln selected face(s), as a new person", None, len(faces)))
            item.setData(Qt.ItemDataRole.UserRole, ("faces", None))
            item.setCheckState(Qt.CheckState.Checked)
            tiles = ctx.library.face_tiles(faces[:1])
            self._set_icon(item, _face_key(tiles.get(faces[0])))
            self.list.addItem(item)
        tiles_of = ctx.library.person_tiles(merged)
        for source in merged:
            count, first = merged_faces(ctx.library, person_id, source)
            who = person_name(tiles_of[source].name if source in tiles_of else None)
            if count:
                text = tr("{name}  (%Ln face(s))", None, count).format(name=who)
            else:
                text = tr("{name}  (no faces left)").format(name=who)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, ("person", source))
            checked = not faces and len(merged) == 1
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            item.setToolTip(tr("Merged into {name} before; splitting gives {other} back the faces the merge"
                               " brought").format(name=name, other=who))
            key = _face_key(ctx.library.face_tiles([first]).get(first)) if first is not None else None
            self._set_icon(item, key)
            self.list.addItem(item)
        self.list.setFixedHeight(min(6, self.list.count()) * (SPLIT_ICON + 12) + 8)
        self.list.itemChanged.connect(lambda _item: self._update_button())
        self.list.itemActivated.connect(self._toggle)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.split_button = buttons.addButton(tr("Split"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.split_button.setObjectName("Primary")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addSpacing(6)
        layout.addWidget(buttons)
        ctx.thumbs.ready.connect(self._thumb_ready)
        self._update_button()
        self.split_button.setFocus()

    def _set_icon(self, item: QListWidgetItem, key: ThumbKey | None) -> None:
        pixmap = self.ctx.thumbs.get(key) if key is not None else None
        item.setIcon(QIcon(round_pixmap(pixmap, SPLIT_ICON)))
        if key is not None and pixmap is None:
            self._icons.setdefault(key.cache_id, []).append(item)

    def _thumb_ready(self, key: ThumbKey) -> None:
        for item in self._icons.pop(key.cache_id, []):
            item.setIcon(QIcon(round_pixmap(self.ctx.thumbs.get(key), SPLIT_ICON)))

    def _toggle(self, item: QListWidgetItem) -> None:
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _checked(self) -> list[tuple[str, str | None]]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def _update_button(self) -> None:
        self.split_button.setEnabled(bool(self._checked()))

    def chosen_faces(self) -> list[int]:
        return self.faces if any(kind == "faces" for kind, _ in self._checked()) else []

    def chosen_people(self) -> list[str]:
        return [str(pid) for kind, pid in self._checked() if kind == "person"]

    def set_checked(self, person_id: str | None, checked: bool = True) -> None:
        """Tick (or untick) a merged person, or the selected faces when `person_id` is None."""
        for i in range(self.list.count()):
            kind, pid = self.list.item(i).data(Qt.ItemDataRole.UserRole)
            if (kind == "faces" and person_id is None) or pid == person_id:
                self.list.item(i).setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


def merged_faces(library: Any, person_id: str, source: str) -> tuple[int, int | None]:
    """How many of `person_id`'s faces a split of `source` gives back, and the first of them.

    The same faces `Library.split_person` moves back: those its merge brought in and its founding face.
    """
    row = library.conn.execute(
        "SELECT count(*), min(id) FROM faces WHERE person_id = ? AND (confirmed = ? OR engine_face_id = ?)",
        (person_id, f"merge:{source}", source)).fetchone()
    return int(row[0]), (int(row[1]) if row[1] is not None else None)


def _face_key(face: Any) -> ThumbKey | None:
    if face is None or not face["sha256"]:
        return None
    return ThumbKey("face", face["sha256"], (face["left"], face["top"], face["width"], face["height"]),
                    face["path"])
