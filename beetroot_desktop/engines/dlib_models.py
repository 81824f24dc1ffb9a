"""dlib face detection and descriptors, loaded once per process (the photo workers call these).

HOG detection runs on a downscaled copy of the photo; the ResNet descriptor runs on the face crop from
the working-resolution image, so small images are upsampled for detection and big ones are never
processed at full size.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

import numpy as np
from PIL import Image

from ..imaging.crops import clamp_box
from .models import FACE_DESCRIPTOR, SHAPE_PREDICTOR, model_path

Box = tuple[int, int, int, int]

DETECT_MAX_SIDE = 1024  # HOG finds faces down to ~40 px here, at a quarter of the full-size cost
UPSAMPLE_BELOW = 640  # small photos get one upsampling pass so their small faces are still found
_lock = threading.Lock()


@lru_cache(maxsize=1)
def _models() -> tuple[Any, Any, Any]:
    import dlib  # heavy: imported only where faces are actually processed

    with _lock:
        return (
            dlib.get_frontal_face_detector(),
            dlib.shape_predictor(str(model_path(SHAPE_PREDICTOR))),
            dlib.face_recognition_model_v1(str(model_path(FACE_DESCRIPTOR))),
        )


def load_models() -> None:
    _models()


def detect_faces(image: Image.Image, *, max_side: int = DETECT_MAX_SIDE) -> list[tuple[Box, float]]:
    """Faces in `image` as boxes in its own pixels, with the detector's confidence."""
    detector, _, _ = _models()
    scale = min(1.0, max_side / max(image.size))
    small = image if scale >= 1.0 else image.resize(
        (max(1, round(image.width * scale)), max(1, round(image.height * scale))), Image.Resampling.BILINEAR)
    upsample = 1 if max(small.size) < UPSAMPLE_BELOW else 0
    rects, scores, _ = detector.run(np.asarray(small), upsample, 0)
    faces = []
    for rect, score in zip(rects, scores, strict=True):
        left, top = rect.left() / scale, rect.top() / scale
        right, bottom = (rect.right() + 1) / scale, (rect.bottom() + 1) / scale
        box = clamp_box((round(left), round(top), round(right - left), round(bottom - top)), image.width, image.height)
        if box[2] > 0 and box[3] > 0:
            faces.append((box, float(score)))
    faces.sort(key=lambda f: (f[0][0], f[0][1]))  # left to right: stable face indexes
    return faces


def describe_face(image: Image.Image, box: Box) -> np.ndarray:
    """The 128-d ResNet descriptor of the face at `box` (pixels of `image`)."""
    import dlib

    _, predictor, recognizer = _models()
    arr = np.asarray(image)
    left, top, w, h = box
    rect = dlib.rectangle(left, top, left + w - 1, top + h - 1)
    shape = predictor(arr, rect)
    return np.asarray(recognizer.compute_face_descriptor(arr, shape), dtype=np.float32)

