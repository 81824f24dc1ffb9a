"""The naive pipeline the import is measured against: what a first version built on dlib would do.

Like the `face_recognition` library's defaults: decode at full resolution, one process, HOG with one
upsampling pass, the 5-point landmarks and the ResNet descriptor on the full image (one jitter). Faces
are grouped with the same rule as the local engine (compare with each person's first face; a distance of
at most 0.6, which is similarity 95, is a match), so both pipelines can be scored on the same labels.

    python -m bench.naive FOLDER --out result.json
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import numpy as np
from PIL import Image

from beetroot_desktop.engines.models import FACE_DESCRIPTOR, SHAPE_PREDICTOR, model_path

TOLERANCE = 0.6  # dlib's documented tolerance; the local engine's default threshold 95 maps to it
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png")


def photo_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in PHOTO_SUFFIXES and p.is_file())


def run(folder: Path) -> dict[str, object]:
    import dlib

    started = time.perf_counter()
    detector = dlib.get_frontal_face_detector()
    predictor = dlib.shape_predictor(str(model_path(SHAPE_PREDICTOR)))
    recognizer = dlib.face_recognition_model_v1(str(model_path(FACE_DESCRIPTOR)))
    known: list[np.ndarray] = []
    people: dict[str, list[int]] = {}
    faces = 0
    for path in photo_files(folder):
        image = np.array(Image.open(path).convert("RGB"))  # face_recognition.load_image_file
        rects = sorted(detector(image, 1), key=lambda r: (r.left(), r.top()))
        found = []
        for rect in rects:
            shape = predictor(image, rect)
            descriptor = np.array(recognizer.compute_face_descriptor(image, shape, 1))
            if known:
                dists = np.linalg.norm(np.asarray(known) - descriptor, axis=1)
                best = int(np.argmin(dists))
                if dists[best] <= TOLERANCE:
                    found.append(best)
                    continue
            known.append(descriptor)
            found.append(len(known) - 1)
        faces += len(found)
        people[os.path.relpath(path, folder)] = found
    return {"photos": len(people), "faces": faces, "people": people, "seconds": time.perf_counter() - started}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.naive", description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--out", type=Path, required=True, help="JSON: per photo, the person index of each face")
    args = parser.parse_args(argv)
    result = run(args.folder)
    args.out.write_text(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
