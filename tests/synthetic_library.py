"""Libraries as an import with the local engine leaves them, built from synthetic descriptors (no dlib)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from beetroot_desktop.engines.calibration import similarity
from beetroot_desktop.library import FaceRecord, Library, open_library

RNG = np.random.default_rng(7)
T = 95.0  # the default match threshold


def unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v)).astype(np.float32)


def near(base: np.ndarray, distance: float) -> np.ndarray:
    """A descriptor exactly `distance` from `base`."""
    step = unit(RNG.standard_normal(128))
    return (base + step * distance).astype(np.float32)


class Maker:
    """Photos as an import with the local engine leaves them, candidates included: each face keeps the
    founding faces it was compared with (similarity 80 and above), as LocalEngine.search returns them."""

    def __init__(self, lib: Library) -> None:
        self.lib, self.n = lib, 0
        self.founders: dict[str, np.ndarray] = {}

    def candidates_of(self, vec: np.ndarray) -> tuple[tuple[str, float], ...]:
        found = [(fid, round(float(similarity(np.linalg.norm(vec - other))), 4))
                 for fid, other in self.founders.items()]
        return tuple(sorted((c for c in found if c[1] >= 80.0), key=lambda c: -c[1]))

    def photo(self, faces: list[tuple[str | None, np.ndarray]], *, candidates: tuple[tuple[str, float], ...] = (),
              size: int = 120) -> int:
        """A photo whose faces are (person, descriptor); the first face of a new person founds it."""
        self.n += 1
        records = []
        for idx, (person, vec) in enumerate(faces):
            if person is None:  # a face the engine could not place
                records.append(FaceRecord(idx=idx, bbox=(10 + 200 * idx, 10, size, size), score=1.0,
                                          engine="local", status="unindexed", descriptor=vec,
                                          candidates=candidates))
                continue
            founding = self.lib.person(person) is None and person not in [r.person_id for r in records]
            records.append(FaceRecord(idx=idx, bbox=(10 + 200 * idx, 10, size, size), score=1.0, engine="local",
                                      status="indexed" if founding else "matched", descriptor=vec,
                                      engine_face_id=person if founding else None, person_id=person,
                                      candidates=candidates or self.candidates_of(vec)))
            if founding:
                self.founders[person] = vec
        return self.lib.record_photo(f"/p/{self.n}.jpg", sha256=f"{self.n:064x}", size=1, mtime_ns=1,
                                     width=2000, height=1000, taken_at=None, faces=records)


def add_people(lib: Library, photos: dict[str, int]) -> None:
    """One person per id, seen alone in that many photos (faces close together, far from everyone else)."""
    make = Maker(lib)
    for person, count in photos.items():
        centre = unit(RNG.standard_normal(128))
        for _ in range(count):
            make.photo([(person, near(centre, 0.02))])


@contextlib.contextmanager
def people_library(folder: Path, photos: dict[str, int]) -> Iterator[Path]:
    """A library at `folder` with those people (add_people), closed afterwards; gives its folder."""
    library = open_library(folder)
    try:
        add_people(library, photos)
        yield library.dir
    finally:
        library.close()
