"""The local engine's contract and its calibration, checked on the real sample photos."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from beetroot_desktop.engines import FaceCrop, FaceUnsearchable
from beetroot_desktop.engines.calibration import max_distance, similarity
from beetroot_desktop.engines.local import LocalEngine
from beetroot_desktop.library import Library, blob_to_descriptor, open_library


def _crop(vec: np.ndarray) -> FaceCrop:
    return FaceCrop(0, (0, 0, 10, 10), 1.0, b"", vec.astype(np.float32))


def test_calibration_anchors_and_inverse():
    assert float(similarity(0.6)) == pytest.approx(95.0)
    assert float(similarity(0.45)) == pytest.approx(99.0)
    for t in (50, 80, 95, 99):
        assert float(similarity(max_distance(t))) == pytest.approx(t)
    assert max_distance(100) == 0.0


def test_default_threshold_separates_people_on_real_photos(imported_library: Library, photos_dir, labels):
    """Within one label every pair is above 95; across labels every pair is below 95 (single-face photos)."""
    faces = []
    for row in imported_library.all_faces():
        rel = row["path"][len(str(photos_dir)) + 1:]
        if len(labels.get(rel, [])) == 1:
            faces.append((labels[rel][0], blob_to_descriptor(row["descriptor"])))
    same, diff = [], []
    for (la, va), (lb, vb) in itertools.combinations(faces, 2):
        (same if la == lb else diff).append(float(similarity(np.linalg.norm(va - vb))))
    assert len(same) > 50 and len(diff) > 100
    assert min(same) > 95.0 > max(diff)
    assert min(same) - 95.0 > 1.0 and 95.0 - max(diff) > 3.0  # margin on both sides


def test_search_index_and_external_id_idempotence(tmp_path):
    rng = np.random.default_rng(7)
    a = rng.normal(size=128) * 0.05
    with open_library(tmp_path / "lib") as lib:
        engine = LocalEngine(lib)
        assert engine.search(_crop(a), 95).best is None
        first = engine.index(_crop(a), "sha:0").face_id
        assert engine.index(_crop(a), "sha:0").face_id == first  # same ExternalImageId, same FaceId
        near = engine.search(_crop(a + 0.01), 95)
        assert near.match(95).face_id == first and near.best.similarity > 99
        far = engine.search(_crop(a + 0.2), 95)
        assert far.match(95) is None
        with lib.transaction():
            engine.persist(lib)
        second = engine.index(_crop(a + 0.3), "sha:1").face_id
        engine.discard()  # the photo's transaction rolled back: the second face is forgotten
        assert second not in engine.collection.face_ids
        reloaded = LocalEngine(lib)
        assert reloaded.collection.face_ids == [first]
        assert engine.calls["SearchFacesByImage"] == 3 and engine.calls["IndexFaces"] == 3
        with pytest.raises(FaceUnsearchable):
            engine.search(FaceCrop(0, (0, 0, 1, 1), None, b"", None), 95)


def test_search_over_a_large_collection_finds_the_nearest(tmp_path):
    rng = np.random.default_rng(1)
    engine = LocalEngine()
    vectors = rng.normal(size=(5000, 128)).astype(np.float32)
    for i, v in enumerate(vectors):
        engine.collection.add(f"f{i}", f"e{i}", v)
    probe = vectors[1234] + 0.001
    result = engine.search(_crop(probe), 95)
    assert result.best.face_id == "f1234" and result.best.external_image_id == "e1234"
