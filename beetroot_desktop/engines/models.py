"""Where the dlib model files are, installed or frozen.

We locate `face_recognition_models` without importing it: its __init__ imports pkg_resources, which is
slow and missing from recent setuptools. Only the two files the local engine loads are ever needed.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

from ..wording import say

SHAPE_PREDICTOR = "shape_predictor_5_face_landmarks.dat"
FACE_DESCRIPTOR = "dlib_face_recognition_resnet_model_v1.dat"
MODEL_FILES = (SHAPE_PREDICTOR, FACE_DESCRIPTOR)


class ModelsMissing(RuntimeError):
    pass


def models_dir() -> Path:
    override = os.environ.get("BEETROOT_MODELS_DIR")
    if override:
        return Path(override)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "face_recognition_models" / "models"
    spec = importlib.util.find_spec("face_recognition_models")
    if spec is None or not spec.submodule_search_locations:
        raise ModelsMissing(
            say("the face_recognition_models package is not installed (pip install face_recognition_models)"))
    return Path(next(iter(spec.submodule_search_locations))) / "models"


def model_path(name: str) -> Path:
    path = models_dir() / name
    if not path.is_file():
        raise ModelsMissing(say("the face model {name} is missing from {folder}; reinstall the app", name=name,
                                folder=str(path.parent)))
    return path
