"""The Review page: questions answered with the keys only (Y, N, S, the arrows), several at once from the
list, every answer undone with Ctrl+Z (the question comes back on screen), the sidebar's count, and how
fast the page opens with thousands of questions waiting."""

from __future__ import annotations

import time
from typing import Any

from ui_helpers import face_in, open_window, person_of

from beetroot_desktop.library import Library
from beetroot_desktop.ui.shell import REVIEW_ROW


def ask(lib: Library, kind: str, face_id: int | None, person: str | None, candidate: str, *, weight: int,
        similarity: float = 93.0, question: str | None = None) -> str:
    """Put a question in the review queue, as consolidation leaves one."""
    question = question or (f"face:{face_id}:{candidate}" if kind == "face" else f"people:{person}:{candidate}")
    with lib.transaction():
        lib.conn.execute(
            "INSERT INTO review_queue(question, kind, face_id, person_id, candidate_person_id, similarity, weight,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (question, kind, face_id, person, candidate, similarity, weight, time.time()))
    return question


def key(qtbot: Any, window: Any, which: Any, modifier: Any = None) -> None:
    """A key as the user presses it, to whatever has the focus (the window's shortcuts see it first)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    qtbot.keyClick(QApplication.focusWidget() or window, which, modifier or Qt.KeyboardModifier.NoModifier)


def activate(qtbot: Any, window: Any) -> None:
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)


def shown(window: Any) -> str | None:
    page = window.review_page
    return page.current_id if page.stack.currentWidget() is page.single else None


def test_questions_answered_with_the_keys_only_and_brought_back_by_undo(qtbot, imported_library, photos_dir):
    from PySide6.QtCore import Qt

    lib = imported_library
    alex = person_of(lib, photos_dir, "family/2020/alex_img1.jpg")
    lin = person_of(lib, photos_dir, "misc/lin-manuel-miranda.png")
    rose_face = face_in(lib, photos_dir, "family/2019/rose_img2.jpg")
    rose = person_of(lib, photos_dir, "family/2019/rose_img2.jpg")
    biden_face = face_in(lib, photos_dir, "family/2020/biden2.jpg")
    biden = person_of(lib, photos_dir, "family/2020/biden2.jpg")
    q1 = ask(lib, "face", rose_face, rose, alex, weight=30)
    q2 = ask(lib, "face", biden_face, biden, alex, weight=20)
    q3 = ask(lib, "people", None, lin, alex, weight=10, similarity=96.5)
    window = open_window(qtbot, lib.dir)
    qtbot.waitUntil(lambda: window.sidebar.nav_delegate.counts.get(REVIEW_ROW) == 3, timeout=10_000)
    activate(qtbot, window)
    key(qtbot, window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # View › Review
    assert window.current_page() is window.review_page
    qtbot.waitUntil(lambda: shown(window) == q1, timeout=10_000)
    page = window.review_page
    qtbot.waitUntil(lambda: page.right.name.text() == "Unnamed person", timeout=10_000)
    assert page.title.text() == "Is this the same person?"  # Alex has no name yet
    assert page.hint.text().startswith("93.0 % alike")

    key(qtbot, window, Qt.Key.Key_Right)  # the next question, unanswered
    assert shown(window) == q2
    key(qtbot, window, Qt.Key.Key_Left)
    assert shown(window) == q1
    key(qtbot, window, Qt.Key.Key_S)  # skipped: asked again last
    assert shown(window) == q2
    qtbot.waitUntil(lambda: window.sidebar.nav_delegate.counts.get(REVIEW_ROW) == 2, timeout=10_000)
    key(qtbot, window, Qt.Key.Key_N)  # no: Biden's face is never Alex
    assert shown(window) == q3
    assert lib.conn.execute("SELECT 1 FROM face_exclusions WHERE face_id = ? AND person_id = ?",
                            (biden_face, alex)).fetchone()
    qtbot.waitUntil(lambda: page.title.text() == "Same person?", timeout=10_000)
    key(qtbot, window, Qt.Key.Key_Y)  # yes: Lin and Alex are one person
    assert lib.resolve_person(lin) == lib.resolve_person(alex)
    qtbot.waitUntil(lambda: shown(window) == q1, timeout=10_000)  # only the skipped one is left
    assert [q.id for q in lib.review_questions()] == [q1]
    assert window.actions_by_name["undo"].text().startswith("&Undo Review: yes")

    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Edit › Undo: the merge is undone
    assert lib.resolve_person(lin) == lin
    qtbot.waitUntil(lambda: shown(window) == q3, timeout=10_000)  # and the question is on screen again
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the "no" too
    qtbot.waitUntil(lambda: shown(window) == q2, timeout=10_000)
    assert not lib.conn.execute("SELECT 1 FROM face_exclusions WHERE face_id = ?", (biden_face,)).fetchone()
    qtbot.waitUntil(lambda: window.sidebar.nav_delegate.counts.get(REVIEW_ROW) == 2, timeout=10_000)
    assert not window.error_banner.isVisible()


def test_several_questions_about_one_person_answered_at_once(qtbot, imported_library, photos_dir):
    from PySide6.QtCore import Qt

    lib = imported_library
    alex = person_of(lib, photos_dir, "family/2020/alex_img1.jpg")
    kit = person_of(lib, photos_dir, "family/2020/john1.jpeg")
    faces = {rel: face_in(lib, photos_dir, rel) for rel in
             ("family/2019/rose_img2.jpg", "family/2020/biden2.jpg", "family/2019/obama2.jpg")}
    about_alex = [ask(lib, "face", face, lib.face(face)["person_id"], alex, weight=20 - i)
                  for i, face in enumerate(faces.values())]
    other = ask(lib, "face", face_in(lib, photos_dir, "family/2020/obama3.jpg"),
                person_of(lib, photos_dir, "family/2020/obama3.jpg"), kit, weight=1)
    window = open_window(qtbot, lib.dir)
    window.show_section(REVIEW_ROW)
    page = window.review_page
    qtbot.waitUntil(lambda: shown(window) == about_alex[0], timeout=10_000)
    page.several_button.click()  # the questions about one person as a list
    qtbot.waitUntil(lambda: page.list_model.rowCount() == 3, timeout=10_000)
    assert page.about.currentData() == alex and page.about.count() == 2  # Alex (3), Kit (1)
    assert {q.id for q in page.list_model.questions} == set(about_alex)
    activate(qtbot, window)
    page.grid.setFocus()
    key(qtbot, window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select them all
    assert len(page.selected_questions()) == 3
    key(qtbot, window, Qt.Key.Key_Y)  # one answer for the three
    assert all(lib.face(face)["person_id"] == alex for face in faces.values())
    assert lib.next_undo().label == "Review: yes (3 questions)"
    qtbot.waitUntil(lambda: page.list_model.rowCount() == 0 or page.about.currentData() == kit, timeout=10_000)
    assert [q.id for q in lib.review_questions()] == [other]
    window.undo()  # one undo for the three
    assert not any(lib.face(face)["person_id"] == alex for face in faces.values())
    qtbot.waitUntil(lambda: page.about.currentData() == alex and page.list_model.rowCount() == 3, timeout=10_000)
    assert not window.error_banner.isVisible()


def test_the_review_page_opens_fast_with_thousands_of_questions(qtbot, imported_library, photos_dir):
    """The page reads the stored queue, a page of questions at a time (bench/review.py measures the core
    read on a synthetic library of 300,000 faces)."""
    lib = imported_library
    people = [r[0] for r in lib.conn.execute("SELECT person_id FROM people WHERE merged_into IS NULL"
                                             " AND face_count > 0")]
    faces = [(r[0], r[1]) for r in lib.conn.execute("SELECT id, person_id FROM faces WHERE person_id IS NOT NULL")]
    asked = 0
    with lib.transaction():
        for i in range(3000):
            face, person = faces[i % len(faces)]
            candidate = next(p for p in people[i % len(people):] + people if p != person)
            lib.conn.execute(
                "INSERT INTO review_queue(question, kind, face_id, person_id, candidate_person_id, similarity,"
                " weight, created_at) VALUES (?, 'face', ?, ?, ?, ?, ?, ?)",
                (f"face:{face}:{candidate}:{i}", face, person, candidate, 90 + i % 50 / 10, 1 + i % 40, time.time()))
            asked += 1
    window = open_window(qtbot, lib.dir)
    start = time.perf_counter()
    window.show_section(REVIEW_ROW)
    page = window.review_page
    qtbot.waitUntil(lambda: shown(window) is not None and page.right.name.text() != "", timeout=10_000)
    opened = time.perf_counter() - start
    print(f"Review page opened on {asked:,} questions in {opened * 1000:.0f} ms")
    assert opened < 2.0
    qtbot.waitUntil(lambda: window.sidebar.nav_delegate.counts.get(REVIEW_ROW) == asked, timeout=20_000)
