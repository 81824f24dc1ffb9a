"""What the Review page shows of a question, and the widgets that show it: faces drawn large from their
thumbnails, one side of a question (a face, or a person and a few of their faces), and the list of the
questions about one person (answered several at once).

What a question shows is read on the context's reader thread (`load_shown`, `load_tiles`): names, photo
counts and a few face ids per person, a handful of indexed queries whatever the size of the library.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from .delegates import draw_cover
from .i18n import number, tr
from .item_text import person_name
from .models import IdRole, StatusRole, SubtitleRole, ThumbFailedRole
from .thumbnails import ThumbKey
from .widgets import ElidedLabel

if TYPE_CHECKING:
    from ..library import Library, Question
    from .context import LibraryContext

Index = QModelIndex | QPersistentModelIndex
SIDE_FACES = 5  # faces shown of each person: one large, the others in a strip under it


@dataclass(frozen=True)
class Side:
    """One side of a question: the face asked about, or a person with a few of their faces."""

    person_id: str | None
    name: str
    named: bool
    caption: str  # "12 photos", or the photo a face is in
    faces: tuple[ThumbKey | None, ...]  # the first is shown large


@dataclass(frozen=True)
class Shown:
    """A question as the page shows it."""

    question: Question
    left: Side
    right: Side
    photo_id: int | None  # the photo of the face asked about ("Is this NAME?")


def alike(similarity: float) -> str:
    """"93.0 % alike", in the user's locale."""
    return tr("{percent} % alike").format(percent=number(float(similarity), 1))


def question_text(question: Question, name: str | None = None) -> str:
    """What `question` asks: "Same person?", "Is this NAME?" (with the person's `name`), or "Is this the same
    person?"."""
    if question.kind == "people":
        return tr("Same person?")
    return tr("Is this {name}?").format(name=name) if name else tr("Is this the same person?")


def face_key(row: Any) -> ThumbKey | None:
    if row is None or not row["sha256"]:
        return None
    return ThumbKey("face", row["sha256"], (row["left"], row["top"], row["width"], row["height"]), row["path"])


def person_faces(library: Library, person_id: str, limit: int, first: int | None = None) -> list[int]:
    """`limit` of a person's faces on photos that are not missing: `first` (their cover) first, then the
    closest matches."""
    rows = library.conn.execute(
        "SELECT f.id FROM faces f JOIN photos ph ON ph.id = f.photo_id WHERE f.person_id = ?"
        " AND ph.presence <> 'missing' AND f.not_a_face = 0 AND f.id IS NOT ?"
        " ORDER BY f.similarity IS NULL, f.similarity DESC, f.id LIMIT ?", (person_id, first, limit)).fetchall()
    return ([first] if first is not None else []) + [int(r[0]) for r in rows][:limit - (first is not None)]


def person_side(library: Library, person_id: str, *, leading: int | None = None) -> Side:
    """A person as one side of a question; `leading` is a face shown first instead of their cover."""
    summary = library.person(person_id)
    tile = library.person_tiles([person_id]).get(person_id)
    first = leading if leading is not None else (tile.cover_face_id if tile else None)
    ids = person_faces(library, person_id, SIDE_FACES, first)
    tiles = library.face_tiles(ids)
    name = person_name(summary.name if summary else (tile.name if tile else None))
    caption = tr("%Ln photo(s)", None, summary.photos) if summary else ""
    return Side(person_id, name, bool(summary and summary.name), caption, tuple(face_key(tiles.get(i)) for i in ids))


def load_shown(library: Library, question: Question) -> Shown:
    """What the page shows of `question` (runs on the reader thread)."""
    right = person_side(library, question.candidate_person_id)
    if question.kind == "people" and question.person_id is not None:
        return Shown(question, person_side(library, question.person_id, leading=question.face_id), right, None)
    row = library.face_tiles([question.face_id]).get(question.face_id) if question.face_id is not None else None
    file = Path(row["path"]).name if row is not None else ""
    person = library.person(question.person_id) if question.person_id else None
    if person is not None and person.name:
        caption = (tr("now in {name}, in {file}").format(name=person.name, file=file) if file
                   else tr("now in {name}").format(name=person.name))
    else:
        caption = tr("in {file}").format(file=file) if file else ""
    left = Side(question.person_id, tr("This face"), False, caption, (face_key(row),))
    return Shown(question, left, right, int(row["photo_id"]) if row is not None else None)


def load_tiles(library: Library, questions: Sequence[Question]) -> dict[str, tuple[ThumbKey | None, str]]:
    """For the list of questions: each one's face and its caption (the photo, or the person asked about)."""
    faces = library.face_tiles([q.face_id for q in questions if q.face_id is not None])
    people = library.person_tiles([q.person_id for q in questions if q.kind == "people" and q.person_id])
    found: dict[str, tuple[ThumbKey | None, str]] = {}
    for q in questions:
        row = faces.get(q.face_id) if q.face_id is not None else None
        if q.kind == "people" and q.person_id in people:
            caption = person_name(people[q.person_id].name)
        else:
            caption = Path(row["path"]).name if row is not None else ""
        found[q.id] = (face_key(row), caption)
    return found


class FaceView(QWidget):
    """A face thumbnail drawn at any size (a rounded square), loaded in the background; a double-click
    emits `activated`."""

    activated = Signal()

    def __init__(self, ctx: LibraryContext, side: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.key: ThumbKey | None = None
        self.setFixedSize(side, side)
        ctx.thumbs.ready.connect(self._ready)

    def set_key(self, key: ThumbKey | None) -> None:
        self.key = key
        self.setVisible(True)
        self.update()

    def _ready(self, key: object) -> None:
        if isinstance(key, ThumbKey) and self.key is not None and key.cache_id == self.key.cache_id:
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pixmap = self.ctx.thumbs.get(self.key) if self.key is not None else None
        failed = self.key is not None and self.ctx.thumbs.failed(self.key)
        radius = max(6.0, self.width() / 12)
        draw_cover(painter, QRectF(self.rect()), pixmap, circle=False, radius=radius, failed=failed)
        painter.end()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.activated.emit()


class SidePanel(QWidget):
    """One side of a question: a large face, a strip of more faces of the same person, the name, a caption."""

    activated = Signal()  # the large face was double-clicked

    LARGE, SMALL = 220, 52

    def __init__(self, ctx: LibraryContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.large = FaceView(ctx, self.LARGE)
        self.large.activated.connect(self.activated.emit)
        layout.addWidget(self.large, 0, Qt.AlignmentFlag.AlignHCenter)
        strip_row = QWidget()
        strip_row.setFixedHeight(self.SMALL)  # the names line up whether a side has more faces or not
        strip = QHBoxLayout(strip_row)
        strip.setContentsMargins(0, 0, 0, 0)
        strip.setSpacing(6)
        strip.addStretch(1)
        self.small = [FaceView(ctx, self.SMALL) for _ in range(SIDE_FACES - 1)]
        for view in self.small:
            strip.addWidget(view)
        strip.addStretch(1)
        layout.addWidget(strip_row)
        self.name = ElidedLabel(objectName="ReviewName", alignment=Qt.AlignmentFlag.AlignCenter)
        self.caption = ElidedLabel(objectName="Muted", alignment=Qt.AlignmentFlag.AlignCenter)
        for label in (self.name, self.caption):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            layout.addWidget(label)
        self.setMinimumWidth(self.LARGE + 20)

    def show_side(self, side: Side, question: str | None = None) -> None:
        """Show `side`; a screen reader names its large face `question` (what is asked about it), else the
        person's name, and every other face the person's name."""
        self.large.set_key(side.faces[0] if side.faces else None)
        self.large.setAccessibleName(question or side.name)
        about = (side.name, side.caption) if question else (side.caption,)
        self.large.setAccessibleDescription("\n".join(text for text in about if text))
        for i, view in enumerate(self.small):
            key = side.faces[i + 1] if i + 1 < len(side.faces) else None
            view.set_key(key)
            view.setVisible(key is not None)
            view.setAccessibleName(side.name)
        self.name.setText(side.name)
        self.caption.setText(side.caption)
        self.setToolTip(f"{side.name}\n{side.caption}" if side.caption else side.name)


class QuestionListModel(QAbstractListModel):
    """The questions about one person, as face tiles (FaceDelegate): the face, a caption, how alike."""

    def __init__(self, ctx: LibraryContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.questions: list[Question] = []
        self.tiles: dict[str, tuple[ThumbKey | None, str]] = {}
        self.name = ""  # the person asked about, when named ("Is this NAME?" for a screen reader)
        ctx.thumbs.ready.connect(self._thumb_ready)

    def set_questions(self, questions: list[Question], tiles: dict[str, tuple[ThumbKey | None, str]],
                      name: str = "") -> None:
        self.beginResetModel()
        self.questions, self.tiles, self.name = list(questions), dict(tiles), name
        self.endResetModel()

    def remove(self, question_ids: Sequence[str]) -> None:
        gone = set(question_ids)
        for row in reversed(range(len(self.questions))):
            if self.questions[row].id in gone:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.questions[row]
                self.endRemoveRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.questions)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.questions):
            return None
        q = self.questions[index.row()]
        key, caption = self.tiles.get(q.id, (None, ""))
        if role == IdRole:
            return q.id
        if role == Qt.ItemDataRole.DisplayRole:
            return caption
        if role in (SubtitleRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            if q.skipped:
                return tr("{percent} % alike · skipped").format(percent=number(float(q.similarity), 1))
            return alike(q.similarity)
        if role == Qt.ItemDataRole.AccessibleTextRole:  # "Is this Alex? IMG_0042.jpg"
            question = question_text(q, self.name)
            return f"{question} {caption}" if caption else question
        if role == StatusRole:
            return "removed" if q.skipped else "matched"  # a skipped question is drawn dimmed
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{question_text(q)}\n{caption}\n{alike(q.similarity)}"
        if role == Qt.ItemDataRole.DecorationRole:
            return self.ctx.thumbs.get(key) if key is not None else None
        if role == ThumbFailedRole:
            return key is not None and self.ctx.thumbs.failed(key)
        return None

    def _thumb_ready(self, key: object) -> None:
        if not isinstance(key, ThumbKey):
            return
        for row, q in enumerate(self.questions):
            mine = self.tiles.get(q.id, (None, ""))[0]
            if mine is not None and mine.cache_id == key.cache_id:
                self.dataChanged.emit(self.index(row), self.index(row))
