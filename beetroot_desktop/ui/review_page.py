"""Review: the questions Beetroot could not answer alone (library/review.py), one at a time and large, or
several at once.

"Is this NAME?" shows the face asked about beside a few of NAME's faces; "Same person?" shows both people
side by side. Keyboard first: Y yes, N no, S skip (window actions, actions.py), ← → move between the
questions without answering. "Several at once" lists the questions about one person as face tiles: select
some (Ctrl+A: all) and answer them together, as one edit. Every answer goes through ops.py (undoable); the
page refreshes from the context's `changed`, and a question brought back by Edit › Undo is shown again.

The page reads the stored queue: the first QUESTIONS_PAGE questions when it opens (tens of milliseconds with
thousands waiting: the figure is in tests/test_ui_review.py), more as the arrows reach them, and every
question only for "Several at once". The sidebar's count (`countChanged`) is read apart, on a thread and a
connection of its own (it settles every question, so it is slower than a page of them: it never delays the
page or the grids), and never more often than COUNT_SPACING times its own duration.
"""

from __future__ import annotations

import dataclasses
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPainter, QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from . import ops
from .delegates import FaceDelegate
from .i18n import QT_TR_NOOP, number, tr
from .item_text import person_name
from .review_parts import (
    FaceView,
    QuestionListModel,
    Shown,
    SidePanel,
    alike,
    load_shown,
    load_tiles,
    person_side,
    question_text,
)
from .style import focus_ring
from .tasks import TaskRunner, ThreadLibraries
from .widgets import EmptyState, GridView, PageHeader

if TYPE_CHECKING:
    from ..library import Question
    from .context import LibraryContext

QUESTIONS_PAGE = 200  # questions read at a time for "one at a time"
COUNT_SPACING = 3  # the badge's count waits at least this many times its last duration before the next
EMPTY_TEXT = QT_TR_NOOP("When Beetroot is not sure whether two faces are the same person, it asks here instead"
                        " of guessing. Imports and regroups add questions; your answers are kept, and never asked"
                        " again.")


class FocusRing(QWidget):
    """The outline of a page that takes the keys itself (Review, one at a time): drawn over its children, like
    the ring style.py draws around a focused control, in the accent colour of either palette."""

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        focus_ring(painter, QRectF(self.rect()), radius=6.0)
        painter.end()


class ReviewPage(QWidget):
    photoOpened = Signal(list, int)
    personOpened = Signal(str)
    status = Signal(str)
    countChanged = Signal(int)
    stateChanged = Signal()  # what Y, N and S would answer changed (the window enables them)

    def __init__(self, ctx: LibraryContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.questions: list[Question] = []
        self.position = 0
        self.limit = QUESTIONS_PAGE
        self.count: int | None = None
        self.loaded = False
        self.batch = False
        self.current_id: str | None = None
        self._shown: dict[str, Shown] = {}
        self._answered: list[tuple[str, str]] = []  # (question, answer), newest last: an undo brings one back
        self._generation = 0
        self._counting = False
        self._count_again = False
        self._count_s = 0.0
        self._count_done = 0.0
        self.counter = TaskRunner(1, self, name="review-count")
        self.counter.pool.setExpiryTimeout(-1)  # its thread keeps its connection
        self.count_libraries = ThreadLibraries(ctx.library_dir)
        self._count_timer = QTimer(self, singleShot=True)
        self._count_timer.timeout.connect(self.refresh_count)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the arrows, Enter (Y, N and S are the window's)
        self.setAccessibleName(tr("Review"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = PageHeader(tr("Review"))
        self.one_button = QPushButton(tr("One at a time"))
        self.several_button = QPushButton(tr("Several at once"))
        self.one_button.setToolTip(tr("One question at a time, large (Y yes, N no, S skip, ← → move)"))
        self.several_button.setToolTip(tr("The questions about one person as a list: select several, then Y, N or S"))
        modes = QButtonGroup(self)
        for button in (self.one_button, self.several_button):
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reached with Tab; a click leaves the keys to the page
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            modes.addButton(button)
            self.header.add_tool(button)
        self.one_button.setChecked(True)
        self.one_button.clicked.connect(lambda: self.set_batch(False))
        self.several_button.clicked.connect(lambda: self.set_batch(True))
        layout.addWidget(self.header)
        self.stack = QStackedWidget()
        self.loading = QLabel(tr("Reading the questions…"), alignment=Qt.AlignmentFlag.AlignCenter,
                              objectName="EmptyText")
        self.single = self._build_single()
        self.several = self._build_several()
        self.empty = EmptyState("review", tr("Nothing to review"), tr(EMPTY_TEXT))
        for widget in (self.loading, self.single, self.several, self.empty):
            self.stack.addWidget(widget)
        layout.addWidget(self.stack, 1)
        self.focus_ring = FocusRing(self)  # the page has the keys (one at a time): shown, as a control's ring is

    # -- building -------------------------------------------------------------------------------------------
    def _build_single(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 8, 24, 16)
        layout.addStretch(1)
        self.title = QLabel(objectName="ReviewTitle", alignment=Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(objectName="Muted", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addSpacing(18)
        sides = QHBoxLayout()
        sides.setSpacing(28)
        self.left = SidePanel(self.ctx)
        self.right = SidePanel(self.ctx)
        self.left.activated.connect(lambda: self._open_side(left=True))
        self.right.activated.connect(lambda: self._open_side(left=False))
        self.versus = QLabel("?", objectName="ReviewVersus", alignment=Qt.AlignmentFlag.AlignCenter)
        sides.addStretch(1)
        sides.addWidget(self.left, 0, Qt.AlignmentFlag.AlignTop)
        sides.addWidget(self.versus, 0, Qt.AlignmentFlag.AlignTop)
        sides.addWidget(self.right, 0, Qt.AlignmentFlag.AlignTop)
        sides.addStretch(1)
        layout.addLayout(sides)
        layout.addSpacing(22)
        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        buttons.addStretch(1)
        self.prev_button = QToolButton(text="‹")
        self.prev_button.setToolTip(tr("Previous question (←)"))
        self.prev_button.setAccessibleName(tr("Previous question"))
        self.prev_button.clicked.connect(lambda: self.go(self.position - 1))
        self.next_button = QToolButton(text="›")
        self.next_button.setToolTip(tr("Next question, without answering (→)"))
        self.next_button.setAccessibleName(tr("Next question"))
        self.next_button.clicked.connect(lambda: self.go(self.position + 1))
        self.yes_button = QPushButton(tr("Yes   Y"), objectName="Primary")
        self.no_button = QPushButton(tr("No   N"))
        self.skip_button = QPushButton(tr("Skip   S"))
        self.yes_button.setToolTip(tr("Yes, the same person (Y)"))
        self.no_button.setToolTip(tr("No, not the same person: never asked or grouped together again (N)"))
        self.skip_button.setToolTip(tr("Not sure: ask again after the others (S)"))
        self.yes_button.setAccessibleName(tr("Yes"))
        self.no_button.setAccessibleName(tr("No"))
        self.skip_button.setAccessibleName(tr("Skip"))
        for button, answer in ((self.yes_button, "yes"), (self.no_button, "no"), (self.skip_button, "skip")):
            button.setMinimumWidth(104)
            button.clicked.connect(lambda _c=False, a=answer: self.answer(a))
        for arrow in (self.prev_button, self.next_button):
            arrow.setStyleSheet("font-size: 20pt; padding: 0 10px;")
        for button in (self.prev_button, self.yes_button, self.no_button, self.skip_button, self.next_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the arrows stay the page's
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.where = QLabel(objectName="Muted", alignment=Qt.AlignmentFlag.AlignCenter)
        layout.addSpacing(6)
        layout.addWidget(self.where)
        layout.addStretch(2)
        return page

    def _build_several(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 4, 24, 0)
        row = QHBoxLayout()
        row.setSpacing(10)
        self.about = QComboBox()
        self.about.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.about.setToolTip(tr("The person the listed questions ask about"))
        self.about.currentIndexChanged.connect(lambda _i: self._fill_list())
        about_label = QLabel(tr("Questions about"))
        about_label.setBuddy(self.about)  # names the list for a screen reader
        row.addWidget(about_label)
        row.addWidget(self.about)
        self.strip = [FaceView(self.ctx, 44) for _ in range(5)]
        for view in self.strip:
            row.addWidget(view)
        row.addStretch(1)
        layout.addLayout(row)
        self.list_hint = QLabel(tr("Select the faces that are this person (Ctrl+A selects all) and press Y; N says"
                                   " they are not, S skips them. One answer, one Undo."), objectName="Muted")
        self.list_hint.setWordWrap(True)
        layout.addWidget(self.list_hint)
        self.list_model = QuestionListModel(self.ctx, self)
        self.grid = GridView(FaceDelegate.TILE)
        self.grid.setItemDelegate(FaceDelegate(self.grid))
        self.grid.setModel(self.list_model)
        self.grid.openRequested.connect(lambda index: self._open_question(self.list_model.questions[index.row()]))
        self.grid.selectionModel().selectionChanged.connect(lambda *_: self.stateChanged.emit())
        self.grid.setAccessibleName(tr("Questions"))
        layout.addWidget(self.grid, 1)
        QWidget.setTabOrder(self.about, self.grid)
        return page

    # -- loading -------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the questions again (the library changed, or the page is shown)."""
        self._generation += 1
        generation, limit, batch = self._generation, (None if self.batch else self.limit), self.batch

        def load(lib: Any) -> tuple[list[Question], dict[str, str]]:
            questions = lib.review_questions(limit=limit)
            names: dict[str, str] = {}
            if batch:
                tiles = lib.person_tiles(list(dict.fromkeys(q.candidate_person_id for q in questions)))
                names = {pid: person_name(tile.name) for pid, tile in tiles.items()}
            return questions, names

        self.ctx.read(load, lambda result: self._got(generation, *result))
        self.refresh_count()

    def _got(self, generation: int, questions: list[Question], names: dict[str, str]) -> None:
        if generation != self._generation:
            return
        old = [q.id for q in self.questions]
        old_position = self.position
        self.questions = list(questions)
        self._shown.clear()  # names and faces may have changed with the edit that brought us here
        self.loaded = True
        if self.batch:
            self._fill_people(names)
        elif self.questions:
            self.go(self._target(old, old_position), reload=False)
        self._update_state()

    def _target(self, old: list[str], old_position: int) -> int:
        """Where to be after a reload: a question Edit › Undo brought back, else the one shown, else the
        next one that is still asked."""
        ids = [q.id for q in self.questions]
        by_id = {q.id: q for q in self.questions}
        for i in reversed(range(len(self._answered))):
            question_id, answer = self._answered[i]
            back = by_id.get(question_id)
            if back is not None and (answer != "skip" or not back.skipped):
                del self._answered[i:]
                return ids.index(question_id)
        if self.current_id in by_id:
            return ids.index(self.current_id)
        for question_id in old[old_position + 1:]:
            if question_id in by_id:
                return ids.index(question_id)
        return min(old_position, len(ids) - 1)

    def refresh_count(self) -> None:
        """Count the questions waiting (for the sidebar), spaced by COUNT_SPACING times the last count."""
        if self._counting:
            self._count_again = True
            return
        if self._count_timer.isActive():
            return
        wait_ms = int((self._count_s * COUNT_SPACING - (time.monotonic() - self._count_done)) * 1000)
        if wait_ms > 50:
            self._count_timer.start(wait_ms)
            return
        self._counting = True
        started = time.monotonic()

        def done(count: int) -> None:
            self._counting = False
            self._count_done = time.monotonic()
            self._count_s = self._count_done - started
            self.count = int(count)
            self.countChanged.emit(self.count)
            self._update_texts()
            if self._count_again:
                self._count_again = False
                self.refresh_count()

        def failed(_exc: object) -> None:
            self._counting = False

        libraries = self.count_libraries
        self.counter.submit(lambda: libraries.get().review_count(), done, failed)

    def close_library(self) -> None:
        """The library is closing: no count is started or delivered any more, and its connection closes."""
        self._count_timer.stop()
        self.counter.shutdown(-1)
        self.count_libraries.close_all()

    # -- one at a time ------------------------------------------------------------------------------------
    def current(self) -> Question | None:
        if self.batch or not self.questions or not 0 <= self.position < len(self.questions):
            return None
        return self.questions[self.position]

    def go(self, position: int, *, reload: bool = True) -> None:
        """Show the question at `position` (clamped); past the questions read so far, read more."""
        if not self.questions:
            return
        if position >= len(self.questions) and len(self.questions) >= self.limit and reload:
            self.limit += QUESTIONS_PAGE
            self.current_id = self.questions[-1].id
            self.refresh()
            return
        self.position = max(0, min(position, len(self.questions) - 1))
        question = self.questions[self.position]
        self.current_id = question.id
        self._show(question)
        for ahead in (self.position + 1, self.position - 1):  # the neighbours are ready before they are asked for
            if 0 <= ahead < len(self.questions):
                self._load(self.questions[ahead])
        self._update_state()

    def _load(self, question: Question, then: Any = None) -> None:
        if question.id in self._shown:
            if then is not None:
                then(self._shown[question.id])
            return
        generation = self._generation

        def done(shown: Shown) -> None:
            if generation == self._generation:
                self._shown[question.id] = shown
                if then is not None:
                    then(shown)

        self.ctx.read(lambda lib: load_shown(lib, question), done, lambda _exc: None)

    def _show(self, question: Question) -> None:
        self._set_question(question_text(question), alike(question.similarity))
        self._update_texts()
        self._load(question, lambda shown: self._display(shown) if shown.question.id == self.current_id else None)

    def _display(self, shown: Shown) -> None:
        q, left, right = shown.question, shown.left, shown.right
        title = question_text(q, right.name if right.named else None)
        percent = number(float(q.similarity), 1)
        if q.kind == "people":
            keeps = right.name if right.named else left.name if left.named else ""
            if keeps:
                hint = tr("{percent} % alike. Yes merges them ({name} keeps the name); no keeps them apart for"
                          " good.").format(percent=percent, name=keeps)
            else:
                hint = tr("{percent} % alike. Yes merges them; no keeps them apart for good.").format(percent=percent)
            keys = tr("Enter opens {name}, Shift+Enter opens {other}.").format(name=left.name, other=right.name)
        else:
            hint = tr("{percent} % alike. Yes puts this face with {name}; no keeps it out for good. Double-click a"
                      " face to see its photo.").format(percent=percent, name=right.name)
            keys = tr("Enter opens the photo of this face, Shift+Enter opens {name}.").format(name=right.name)
        self._set_question(title, hint, keys)
        self.left.show_side(left, title)
        self.right.show_side(right)
        self._update_texts()

    def _set_question(self, title: str, hint: str, keys: str = "") -> None:
        """The question and its hint, shown and told to a screen reader (the page holds the focus), with the
        keys that open its sides."""
        self.title.setText(title)
        self.hint.setText(hint)
        self.setAccessibleName(title)
        self.setAccessibleDescription(f"{hint}\n{keys}" if keys else hint)

    def _update_texts(self) -> None:
        waiting = self.count if self.count is not None else sum(not q.skipped for q in self.questions)
        self.header.subtitle.setText(tr("%Ln question(s) waiting", None, waiting) if self.loaded else "")
        question = self.current()
        if question is not None:
            more = "+" if len(self.questions) >= self.limit else ""
            position, total = number(self.position + 1), number(len(self.questions)) + more
            if question.skipped:
                where = tr("{position} of {total} · skipped before   ·   ← → move")
            else:
                where = tr("{position} of {total}   ·   ← → move")
            self.where.setText(where.format(position=position, total=total))
            self.prev_button.setEnabled(self.position > 0)
            self.next_button.setEnabled(self.position < len(self.questions) - 1 or bool(more))

    def _update_state(self) -> None:
        if not self.loaded:
            self.stack.setCurrentWidget(self.loading)
        elif not self.questions:
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.several if self.batch else self.single)
        if self.stack.currentWidget() is not self.single:  # no question asked: the page is just "Review"
            self.setAccessibleName(tr("Review"))
            self.setAccessibleDescription("")
        self._update_texts()
        self.stateChanged.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        steps = {Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1}
        if self.batch or not self.questions:
            super().keyPressEvent(event)
        elif key in steps:
            self.go(self.position + steps[key])
        elif key == Qt.Key.Key_Home:
            self.go(0)
        elif key == Qt.Key.Key_End:
            self.go(len(self.questions) - 1, reload=False)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # what a double-click on a side does
            self._open_side(left=not event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        else:
            super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        (self.grid if self.batch else self).setFocus()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        # Like style.py's rings: none after a click, which leaves the keys to the page without pointing at it.
        if event.reason() != Qt.FocusReason.MouseFocusReason:
            self.focus_ring.setGeometry(self.rect())
            self.focus_ring.raise_()
            self.focus_ring.show()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_ring.hide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.focus_ring.setGeometry(self.rect())

    def _open_side(self, *, left: bool) -> None:
        shown = self._shown.get(self.current_id or "")
        if shown is None:
            return
        if left and shown.photo_id is not None:
            self.photoOpened.emit([shown.photo_id], 0)
            return
        side = shown.left if left else shown.right
        if side.person_id:
            self.personOpened.emit(side.person_id)

    def _open_question(self, question: Question) -> None:
        if question.kind == "people" and question.person_id:
            self.personOpened.emit(question.person_id)
        elif question.face_id is not None:
            row = self.ctx.library.face(question.face_id)
            if row is not None:
                self.photoOpened.emit([int(row["photo_id"])], 0)

    # -- several at once ------------------------------------------------------------------------------------
    def set_batch(self, batch: bool) -> None:
        if batch == self.batch and self.loaded:
            return
        self.batch = batch
        (self.several_button if batch else self.one_button).setChecked(True)
        self.loaded = False
        self._update_state()
        self.refresh()
        (self.grid if batch else self).setFocus()

    def _fill_people(self, names: dict[str, str]) -> None:
        """The people the questions ask about, most useful first; the one asked about now stays chosen."""
        counts: dict[str, int] = {}
        for q in self.questions:
            counts[q.candidate_person_id] = counts.get(q.candidate_person_id, 0) + 1
        chosen = self.about.currentData()
        if chosen not in counts:
            shown = next((q for q in self.questions if q.id == self.current_id), None)
            chosen = shown.candidate_person_id if shown is not None else next(iter(counts), None)
        self.about.blockSignals(True)
        self.about.clear()
        unnamed = tr("Unnamed person")
        for pid, n in counts.items():
            label = tr("{name} ({count})", "a person and the number of questions about them")
            self.about.addItem(label.format(name=names.get(pid) or unnamed, count=number(n)), pid)
        self.about.setCurrentIndex(max(0, self.about.findData(chosen)))
        self.about.blockSignals(False)
        self._fill_list()

    def _fill_list(self) -> None:
        person = self.about.currentData()
        questions = [q for q in self.questions if q.candidate_person_id == person]
        generation = self._generation
        if not questions:
            self.list_model.set_questions([], {})
            return

        def load(lib: Any) -> tuple[Any, Any]:
            return load_tiles(lib, questions), person_side(lib, str(person))

        def done(result: tuple[Any, Any]) -> None:
            if generation != self._generation or self.about.currentData() != person:
                return
            tiles, side = result
            self.list_model.set_questions(questions, tiles, side.name if side.named else "")
            for i, view in enumerate(self.strip):
                view.set_key(side.faces[i] if i < len(side.faces) else None)
                view.setVisible(i < len(side.faces))
                view.setAccessibleName(side.name)
            self.list_hint.setText(tr("Select the faces that are {name} (Ctrl+A selects all) and press Y; N says"
                                      " they are not, S skips them. One answer, one Undo.").format(name=side.name))
            self.grid.setAccessibleName(tr("Questions about {name}").format(name=side.name))
            self.stateChanged.emit()

        self.ctx.read(load, done)

    def selected_questions(self) -> list[str]:
        rows = sorted(i.row() for i in self.grid.selectionModel().selectedIndexes())
        return [self.list_model.questions[r].id for r in rows if r < len(self.list_model.questions)]

    def select_all(self) -> None:
        selection = self.grid.selectionModel()
        for row in range(self.list_model.rowCount()):
            selection.select(self.list_model.index(row), QItemSelectionModel.SelectionFlag.Select)

    # -- answering -----------------------------------------------------------------------------------------
    def can_answer(self) -> bool:
        return bool(self.selected_questions()) if self.batch else self.current() is not None

    def answer(self, answer: str) -> bool:
        """Answer the question shown, or the questions selected in the list: yes, no or skip."""
        if self.batch:
            ids = self.selected_questions()
            if not ids:
                self.status.emit(tr("Select the questions to answer first (Ctrl+A selects them all)"))
                return False
        else:
            question = self.current()
            if question is None:
                return False
            ids = [question.id]
        done = ops.answer_questions(self.ctx, ids, answer, self.status.emit)
        if done is None:
            return False
        self._answered.extend((question_id, answer) for question_id in ids)
        if self.batch:
            self.list_model.remove(ids)
            self.stateChanged.emit()
            return True
        # At once, before the library is read again: the next question comes up under the same keys.
        answered = self.questions.pop(self.position)
        if answer == "skip":
            self.questions.append(dataclasses.replace(answered, skipped=True))
        if self.count is not None and not answered.skipped:
            self.count = max(0, self.count - 1)
            self.countChanged.emit(self.count)
        if self.questions:
            self.go(min(self.position, len(self.questions) - 1), reload=False)
        self._update_state()
        return True

