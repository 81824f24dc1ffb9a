"""Moving the threshold regroups from stored descriptors, keeps user edits, and decodes no image."""

from __future__ import annotations

from grouping import grouping_errors

from beetroot_desktop.library import Library
from beetroot_desktop.pipeline import apply_regroup, plan_regroup


def _obama(lib: Library) -> str:
    return max(lib.people(), key=lambda p: p.faces).person_id


def test_plan_at_import_threshold_changes_nothing(imported_library: Library):
    plan = plan_regroup(imported_library, 95.0)
    assert plan.changed_faces == 0 and plan.index_calls == 0
    assert plan.people == len(imported_library.people())


def test_people_count_moves_with_the_threshold(imported_library: Library):
    counts = [plan_regroup(imported_library, t).people for t in (50, 80, 95, 99.5)]
    assert counts == sorted(counts) and counts[0] < counts[2] < counts[3]


def test_round_trip_restores_the_grouping_without_decoding(imported_library, photos_dir, labels, monkeypatch):
    import beetroot_desktop.imaging as imaging

    # regroup's crop step looks decode_photo up in beetroot_desktop.imaging when it runs: patch it there.
    monkeypatch.setattr(imaging, "decode_photo", lambda *a, **k: (_ for _ in ()).throw(AssertionError("decoded")))
    strict = apply_regroup(imported_library, plan_regroup(imported_library, 99.5))
    # The plan counts the people the replay makes; consolidation may then join a split one (never more).
    assert strict.index_calls > 0 and len(imported_library.people()) <= strict.people
    back = apply_regroup(imported_library, plan_regroup(imported_library, 95.0))
    assert back.index_calls == 0
    assert grouping_errors(imported_library, photos_dir, labels) == []
    assert imported_library.get_meta("threshold") == "95.0"
    assert imported_library.integrity_check() == "ok"


def test_names_and_hidden_follow_their_faces(imported_library: Library):
    obama = _obama(imported_library)
    imported_library.rename_person(obama, "Barack")
    smallest = min(imported_library.people(), key=lambda p: p.faces).person_id
    imported_library.set_hidden(smallest, True)
    for threshold in (99.5, 80.0, 95.0):
        apply_regroup(imported_library, plan_regroup(imported_library, threshold))
        named = [p for p in imported_library.people() if p.name == "Barack"]
        assert len(named) == 1, threshold
        assert named[0].faces >= (3 if threshold > 99 else 14), threshold
    assert imported_library.person(obama).name == "Barack"
    assert imported_library.person(smallest) is not None and imported_library.person(smallest).hidden


def test_not_this_person_and_merge_survive_regrouping(imported_library: Library):
    obama = _obama(imported_library)
    face = imported_library.person_faces(obama)[-1]["id"]
    imported_library.remove_face_from_person(face)
    others = [p.person_id for p in imported_library.people() if p.person_id != obama]
    imported_library.merge_people([others[0]], obama)
    merged_faces = imported_library.person(obama).faces
    for threshold in (90.0, 95.0):
        apply_regroup(imported_library, plan_regroup(imported_library, threshold))
        assert imported_library.face(face)["person_id"] is None
        assert imported_library.person(obama).faces == merged_faces
    # Even at a threshold that would take it back, the face stays out of that person.
    plan = plan_regroup(imported_library, 50.0)
    assert plan.assignments.get(face) is None


def test_failed_index_call_keeps_the_face_ids_already_made(imported_library: Library):
    from beetroot_desktop.engines.local import LocalEngine

    plan = plan_regroup(imported_library, 99.5)
    assert plan.index_calls >= 3
    engine = LocalEngine(imported_library)
    real_index, calls = engine.index, []

    def flaky(crop, external_image_id):
        if len(calls) == 2:
            raise ConnectionError("network lost")
        calls.append(external_image_id)
        return real_index(crop, external_image_id)

    engine.index = flaky
    try:
        apply_regroup(imported_library, plan, engine)
    except ConnectionError:
        pass
    else:
        raise AssertionError("the failure was swallowed")
    again = plan_regroup(imported_library, 99.5)
    assert again.index_calls == plan.index_calls - 2  # the two FaceIds made are not paid for twice
    apply_regroup(imported_library, again)
    assert len(imported_library.people()) <= plan.people  # consolidation may join a split one
    assert imported_library.integrity_check() == "ok"
