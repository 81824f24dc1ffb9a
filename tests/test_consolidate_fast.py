"""Consolidation and the review queue on synthetic descriptors (no dlib): every rule, in milliseconds."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from synthetic_library import RNG, Maker, T, near, unit

from beetroot_desktop.engines.calibration import max_distance
from beetroot_desktop.library import Library, open_library
from beetroot_desktop.pipeline.consolidate import consolidate


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    library = open_library(tmp_path / "L")
    yield library
    library.close()


def split_person(make: Maker, a: str = "a", b: str = "b", gap: float = 0.3) -> None:
    """One identity as two people, the faces of `b` about `gap` from those of `a`: 0.3 is strong evidence
    at 95 (similarity about 99.9), 0.63 is near (about 93)."""
    centre = unit(RNG.standard_normal(128))
    offset = unit(RNG.standard_normal(128)) * gap
    for _ in range(3):
        make.photo([(a, near(centre, 0.02))])
    for _ in range(3):
        make.photo([(b, near(centre + offset, 0.02))])


def test_a_split_person_is_merged_and_one_undo_takes_it_back(lib: Library) -> None:
    make = Maker(lib)
    split_person(make)
    other = unit(RNG.standard_normal(128))
    make.photo([("c", other)])
    result = consolidate(lib, T)
    assert [(kept, gone) for kept, gone, _ in result.merged] in ([("a", "b")], [("b", "a")])
    assert len(lib.people()) == 2
    assert next(result.lines(lib)).startswith("Consolidated: ")
    assert lib.next_undo().label == "Consolidate people"  # type: ignore[union-attr]
    lib.undo()
    assert len(lib.people()) == 3


def test_two_named_people_are_asked_about_never_merged(lib: Library) -> None:
    make = Maker(lib)
    split_person(make)
    lib.rename_person("a", "Ann")
    lib.rename_person("b", "Anna")
    result = consolidate(lib, T)
    assert result.merged == [] and len(lib.people()) == 2
    [question] = lib.review_questions()
    assert question.kind == "people" and {question.person_id, question.candidate_person_id} == {"a", "b"}


def test_people_in_one_photo_are_never_one_person(lib: Library) -> None:
    make = Maker(lib)
    split_person(make)
    centre_a = lib.conn.execute("SELECT descriptor FROM faces WHERE person_id = 'a' LIMIT 1").fetchone()[0]
    face_a = np.frombuffer(centre_a, dtype=np.float32)
    make.photo([("a", face_a), ("b", near(face_a, 0.1))])
    result = consolidate(lib, T)
    assert result.merged == [] and len(lib.people()) == 2


def test_a_hidden_person_is_never_merged_automatically(lib: Library) -> None:
    make = Maker(lib)
    split_person(make)
    lib.set_hidden("b", True)
    assert consolidate(lib, T).merged == []
    assert len(lib.review_questions()) == 1


def test_not_the_same_person_is_never_asked_again_and_blocks_merges(lib: Library) -> None:
    make = Maker(lib)
    centre, towards = unit(RNG.standard_normal(128)), unit(RNG.standard_normal(128))
    for _ in range(3):
        make.photo([("a", near(centre, 0.02))])
    for _ in range(3):
        make.photo([("b", near(centre + towards * 0.63, 0.02))])  # near: a question
    assert consolidate(lib, T).merged == []
    [question] = lib.review_questions()
    lib.answer_question(question.id, "no")
    assert lib.review_questions() == []
    for _ in range(3):
        make.photo([("b", near(centre + towards * 0.3, 0.02))])  # now strong evidence
    assert consolidate(lib, T).merged == [] and lib.review_questions() == []  # the user said no
    assert lib.next_undo().label == "Review: no"  # type: ignore[union-attr]  # the consolidation left no entry
    lib.undo()
    assert len(consolidate(lib, T).merged) == 1  # with the "no" undone, the evidence joins them


def test_yes_merges_and_skip_asks_last(lib: Library) -> None:
    make = Maker(lib)
    split_person(make, "a", "b", gap=0.63)
    split_person(make, "c", "d", gap=0.64)
    consolidate(lib, T)
    first, second = lib.review_questions()
    lib.answer_question(first.id, "skip")
    assert [q.id for q in lib.review_questions()] == [second.id, first.id]
    assert lib.review_questions()[1].skipped and lib.review_count() == 1
    lib.answer_question(second.id, "yes")
    assert len(lib.people()) == 3
    with pytest.raises(KeyError):
        lib.answer_question(second.id, "yes")  # settled: never asked again


def test_a_face_just_under_the_threshold_is_asked_about(lib: Library) -> None:
    make = Maker(lib)
    centre = unit(RNG.standard_normal(128))
    make.photo([("a", centre)])
    make.photo([(None, near(centre, max_distance(T) + 0.01))], candidates=(("a", T - 1.0),))
    consolidate(lib, T)
    [question] = lib.review_questions()
    assert question.kind == "face" and question.candidate_person_id == "a" and question.person_id is None
    lib.answer_question(question.id, "yes")
    assert lib.person("a").faces == 2  # type: ignore[union-attr]


def test_faces_too_small_to_judge_are_left_out(lib: Library) -> None:
    make = Maker(lib)
    centre = unit(RNG.standard_normal(128))
    make.photo([("a", near(centre, 0.1))], size=30)
    make.photo([("b", near(centre, 0.1))], size=30)
    assert consolidate(lib, T).merged == [] and lib.review_questions() == []


def test_a_named_half_is_asked_about_and_a_join_is_the_engines_decision(lib: Library) -> None:
    make = Maker(lib)
    split_person(make)
    split_person(make, "c", "d")
    lib.rename_person("b", "Bea")
    result = consolidate(lib, T)
    assert [(kept, gone) for kept, gone, _ in result.merged] in ([("c", "d")], [("d", "c")])
    [question] = lib.review_questions()  # Bea and her unnamed half: the user is asked
    assert {question.person_id, question.candidate_person_id} == {"a", "b"}
    # The join is an engine decision, not the user's: no face confirmed, no merged person kept.
    assert lib.conn.execute("SELECT count(*) FROM faces WHERE confirmed IS NOT NULL").fetchone()[0] == 0
    assert lib.conn.execute("SELECT count(*) FROM people WHERE merged_into IS NOT NULL").fetchone()[0] == 0
