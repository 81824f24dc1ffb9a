"""The numpy face descriptor network gives dlib's numbers, and refuses files it does not know."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from beetroot_desktop.engines import dlib_models
from beetroot_desktop.engines.models import FACE_DESCRIPTOR, SHAPE_PREDICTOR, model_path
from beetroot_desktop.engines.resnet import FaceNet, ModelFormatError
from beetroot_desktop.imaging import decode_photo


@pytest.fixture(scope="module")
def net() -> FaceNet:
    return FaceNet.load(model_path(FACE_DESCRIPTOR))


def test_descriptors_match_dlib_on_real_faces(net: FaceNet, photos_dir: Path):
    import dlib

    recognizer = dlib.face_recognition_model_v1(str(model_path(FACE_DESCRIPTOR)))
    detector, predictor, _ = dlib_models._models()
    compared = 0
    for rel in ("events/obama_and_biden.jpg", "family/2019/rose_img1.jpg", "misc/lin-manuel-miranda.png"):
        image = np.asarray(decode_photo(photos_dir / rel, max_side=2048).image)
        for rect in detector(image, 0):
            shape = predictor(image, rect)
            expected = np.asarray(recognizer.compute_face_descriptor(image, shape), dtype=np.float32)
            chip = dlib.get_face_chip(image, shape, size=150, padding=0.25)
            got = net.describe(chip)
            assert got.shape == (128,) and got.dtype == np.float32
            assert np.abs(got - expected).max() < 1e-4, rel
            compared += 1
    assert compared >= 5


def test_describe_face_uses_the_same_numbers(photos_dir: Path):
    import dlib

    image = decode_photo(photos_dir / "family" / "2019" / "biden.jpg", max_side=2048).image
    (box, _), = dlib_models.detect_faces(image)
    recognizer = dlib.face_recognition_model_v1(str(model_path(FACE_DESCRIPTOR)))
    _, predictor, _ = dlib_models._models()
    arr = np.asarray(image)
    left, top, w, h = box
    shape = predictor(arr, dlib.rectangle(left, top, left + w - 1, top + h - 1))
    expected = np.asarray(recognizer.compute_face_descriptor(arr, shape), dtype=np.float32)
    assert np.abs(dlib_models.describe_face(image, box) - expected).max() < 1e-4


def test_a_foreign_model_file_is_refused(tmp_path: Path):
    with pytest.raises(ModelFormatError):
        FaceNet.load(model_path(SHAPE_PREDICTOR))
    truncated = tmp_path / "half.dat"
    truncated.write_bytes(model_path(FACE_DESCRIPTOR).read_bytes()[:5_000_000])
    with pytest.raises((ModelFormatError, ValueError)):
        FaceNet.load(truncated)


def test_wrong_chip_size_is_an_error(net: FaceNet):
    with pytest.raises(ValueError, match="150x150"):
        net.describe(np.zeros((100, 100, 3), dtype=np.uint8))
