"""dlib face detection and descriptors, loaded once per process (the photo workers call these).

HOG detection runs on a downscaled copy of the photo; the ResNet descriptor runs on the face crop from
the working-resolution image, so small images are upsampled for detection and big ones are never
processed at full size.

The descriptor network itself runs in numpy (`resnet.FaceNet`, same weights, same numbers to float
rounding): dlib-bin's own implementation has no BLAS and costs about 90 ms per face, the numpy one about
12 ms. dlib's is the fallback when the model file is not the one FaceNet knows, or when
BEETROOT_DLIB_DESCRIPTOR=1 asks for it.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from ..imaging.crops import clamp_box
from .models import FACE_DESCRIPTOR, SHAPE_PREDICTOR, model_path
from .resnet import CHIP_PADDING, CHIP_SIZE

Box = tuple[int, int, int, int]

DETECT_MAX_SIDE = 1024  # HOG finds faces down to ~40 px here, at a quarter of the full-size cost
UPSAMPLE_BELOW = 640  # small photos get one upsampling pass so their small faces are still found
_lock = threading.Lock()


Describer = Callable[[np.ndarray], np.ndarray]  # aligned 150x150 RGB chip -> 128 float32


_detector_cache: Path | None = None  # where the built HOG detector is kept (see load_models)


@lru_cache(maxsize=1)
def _models() -> tuple[Any, Any, Describer]:
    import dlib  # heavy: imported only where faces are actually processed

    with _lock:
        return (
            _detector(),
            dlib.shape_predictor(str(model_path(SHAPE_PREDICTOR))),
            _describer(),
        )


def _detector() -> Any:
    """dlib's frontal face detector. Building it takes about 0.3 s (every photo worker paid that at start);
    loading the same detector saved to a file takes 2 ms, so it is kept in the cache folder once built."""
    import dlib

    path = _detector_cache / f"frontal_face_detector-dlib-{dlib.__version__}.svm" if _detector_cache else None
    if path is not None and path.exists():
        try:
            return dlib.fhog_object_detector(str(path))
        except Exception:  # damaged or from another build: build it again below
            pass
    detector = dlib.get_frontal_face_detector()
    if path is not None:
        _save_detector(detector, path)
    return detector


def _save_detector(detector: Any, path: Path) -> None:
    """Atomically: two workers starting together may both write it."""
    tmp: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=path.parent, suffix=".part")
        os.close(fd)
        tmp = Path(name)
        detector.save(str(tmp))
        os.replace(tmp, path)
    except (OSError, RuntimeError):  # a read-only cache only costs the build next time
        if tmp is not None:
            tmp.unlink(missing_ok=True)


def _describer() -> Describer:
    from .resnet import FaceNet, ModelFormatError

    path = model_path(FACE_DESCRIPTOR)
    if os.environ.get("BEETROOT_DLIB_DESCRIPTOR") != "1":
        try:
            net = FaceNet.load(path)
        except (ModelFormatError, ValueError, IndexError):
            pass
        else:
            limit = _one_blas_thread()

            def describe(chip: np.ndarray) -> np.ndarray:
                with limit():
                    return net.describe(chip)

            return describe
    import dlib

    recognizer = dlib.face_recognition_model_v1(str(path))
    return lambda chip: np.asarray(recognizer.compute_face_descriptor(chip), dtype=np.float32)


def _one_blas_thread() -> Callable[[], AbstractContextManager[Any]]:
    """Small matrix products run fastest on one BLAS thread: the photo workers already use every core,
    and OpenBLAS threads spinning against each other made one descriptor 10x slower on a busy machine."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # only costs speed
        return nullcontext
    controller = ThreadpoolController()
    return lambda: controller.limit(limits=1, user_api="blas")


def load_models(cache_dir: str | os.PathLike[str] | None = None) -> None:
    """Load the models now (workers do this at start); `cache_dir` keeps the built detector for next time."""
    global _detector_cache
    if cache_dir is not None:
        _detector_cache = Path(cache_dir) / "models"
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


def describe_face(image: Image.Image | np.ndarray, box: Box) -> np.ndarray:
    """The 128-d ResNet descriptor of the face at `box` (pixels of `image`)."""
    return next(describe_faces(image, [box]))


def describe_faces(image: Image.Image | np.ndarray, boxes: list[Box]) -> Iterator[np.ndarray]:
    """Descriptors of several faces of one image, converting the image to an array once."""
    import dlib

    _, predictor, describe = _models()
    arr = np.asarray(image)
    for left, top, w, h in boxes:
        shape = predictor(arr, dlib.rectangle(left, top, left + w - 1, top + h - 1))
        # The same aligned chip dlib's compute_face_descriptor(image, shape) makes internally.
        yield describe(dlib.get_face_chip(arr, shape, size=CHIP_SIZE, padding=CHIP_PADDING))

