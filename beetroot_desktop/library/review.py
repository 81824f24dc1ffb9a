"""The review queue: short questions consolidation could not answer alone, and the user's answers.

"Is this NAME?" (kind "face": a face in no person, or alone in an unnamed one, whose best match fell just
under the threshold) and "Same person?" (kind "people"). Every answer is one of the user's facts, as one
undoable edit: yes puts the face in the person (assign_face) or merges the two people (merge_people); no
is a "not this person" for the face, or a "not the same person" for the pair (`people_pairs`), honoured by
every later consolidation; skip sets the question aside (asked last). An answered question is never asked
again, and a question the user's edits already answered (the face moved, a person merged) is not shown.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from .face_facts import FaceFactsMixin

ANSWERS = ("yes", "no", "skip")


@dataclass(frozen=True)
class Question:
    id: str
    kind: str  # "face" | "people"
    face_id: int | None  # the face asked about; for "people", the cover face of person_id
    photo: str | None
    idx: int | None
    person_id: str | None
    candidate_person_id: str
    similarity: float
    weight: int  # photos a yes would fix
    skipped: bool

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "photo": self.photo, "idx": self.idx,
                "person_id": self.person_id, "candidate_person_id": self.candidate_person_id,
                "similarity": self.similarity}


class ReviewMixin(FaceFactsMixin):
    def review_questions(self, limit: int | None = None) -> list[Question]:
        """The pending questions, most useful first (skipped ones last); ones already settled are left out."""
        rows = self.conn.execute(
            "SELECT q.question, q.kind, q.face_id, q.person_id, q.candidate_person_id, q.similarity, q.weight,"
            " s.question IS NOT NULL AS skipped FROM review_queue q"
            " LEFT JOIN review_skips s ON s.question = q.question"
            " ORDER BY skipped, q.weight DESC, q.similarity DESC, q.question").fetchall()
        found: list[Question] = []
        for row in rows:
            question = self._current(row)
            if question is not None:
                found.append(question)
                if limit is not None and len(found) >= limit:
                    break
        return found

    def review_count(self) -> int:
        """Questions not yet answered or skipped (the Review page's badge)."""
        return sum(not q.skipped for q in self.review_questions())

    def review_question(self, question_id: str) -> Question | None:
        row = self.conn.execute(
            "SELECT q.question, q.kind, q.face_id, q.person_id, q.candidate_person_id, q.similarity, q.weight,"
            " s.question IS NOT NULL FROM review_queue q LEFT JOIN review_skips s ON s.question = q.question"
            " WHERE q.question = ?", (question_id,)).fetchone()
        return self._current(row) if row is not None else None

    def _current(self, row: Any) -> Question | None:
        """The question as it stands now, or None when the user's edits since have settled it."""
        qid, kind, face_id, person, candidate, sim, weight, skipped = tuple(row)
        candidate = self.resolve_person(candidate)
        if kind == "people":
            if person is None:
                return None
            person = self.resolve_person(person)
            if person == candidate or self._different_people(person, candidate):
                return None
            cover = self.conn.execute(
                "SELECT f.id, ph.path, f.idx FROM people p JOIN faces f ON f.id = coalesce(p.cover_face_id,"
                " (SELECT min(id) FROM faces WHERE person_id = p.person_id)) JOIN photos ph ON ph.id = f.photo_id"
                " WHERE p.person_id = ?", (person,)).fetchone()
            if cover is None:
                return None
            return Question(qid, kind, cover[0], cover[1], cover[2], person, candidate, sim, weight, bool(skipped))
        face = self.conn.execute(
            "SELECT f.person_id, ph.path, f.idx, f.not_a_face FROM faces f JOIN photos ph ON ph.id = f.photo_id"
            " WHERE f.id = ? AND ph.presence <> 'missing'", (face_id,)).fetchone()
        if face is None or face[3]:
            return None
        now = self.resolve_person(face[0]) if face[0] is not None else None
        if now == candidate or self.conn.execute(
                "SELECT 1 FROM face_exclusions WHERE face_id = ? AND person_id = ?", (face_id, candidate)).fetchone():
            return None
        if now is not None and now != (self.resolve_person(person) if person else None):
            return None  # the face was moved since the question was asked
        if now is not None and self._different_people(now, candidate):
            return None
        return Question(qid, kind, face_id, face[1], face[2], now, candidate, sim, weight, bool(skipped))

    def _different_people(self, a: str, b: str) -> bool:
        ta, tb = self.merge_tree(a), self.merge_tree(b)
        pairs = {tuple(sorted((x, y))) for x in ta for y in tb}
        return any(self.conn.execute("SELECT 1 FROM people_pairs WHERE a = ? AND b = ?", pair).fetchone()
                   for pair in pairs)

    def answer_question(self, question_id: str, answer: str) -> Question:
        """Record the user's answer as a fact (one undoable edit). KeyError for an unknown or settled
        question, EditRefused when the answer would break a rule (two faces of one photo in one person)."""
        if answer not in ANSWERS:
            raise ValueError(f"the answer is one of {', '.join(ANSWERS)}")
        question = self.review_question(question_id)
        if question is None:
            raise KeyError(f"no pending question {question_id} (see `beetroot review`)")
        with self.edit(f"Review: {answer}"):
            if answer == "skip":
                self.conn.execute("INSERT OR IGNORE INTO review_skips(question, at) VALUES (?, ?)",
                                  (question_id, time.time()))
            elif question.kind == "face" and question.face_id is not None:
                if answer == "yes":
                    self.assign_face(question.face_id, question.candidate_person_id)
                else:
                    self.conn.execute("INSERT OR IGNORE INTO face_exclusions(face_id, person_id) VALUES (?, ?)",
                                      (question.face_id, question.candidate_person_id))
            elif question.person_id is not None:
                if answer == "yes":
                    keep, other = self._kept_of(question.person_id, question.candidate_person_id)
                    self.merge_people([other], keep)
                else:
                    a, b = sorted((question.person_id, question.candidate_person_id))
                    self.conn.execute("INSERT OR IGNORE INTO people_pairs(a, b, at) VALUES (?, ?, ?)",
                                      (a, b, time.time()))
        return question

    def _kept_of(self, a: str, b: str) -> tuple[str, str]:
        """Which of two people a "same person" keeps: the named one, else the one with more photos."""
        def rank(p: str) -> tuple[bool, int]:
            row = self.conn.execute("SELECT name IS NOT NULL, photo_count FROM people WHERE person_id = ?",
                                    (p,)).fetchone()
            return (bool(row[0]), int(row[1])) if row else (False, 0)

        return (a, b) if rank(a) >= rank(b) else (b, a)

    def review_stale(self) -> bool:
        """Whether the queue was never built for this library (made before consolidation existed)."""
        return self.conn.execute("SELECT 1 FROM meta WHERE key = 'consolidated_at'").fetchone() is None
