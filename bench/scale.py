"""A synthetic library at scale, written straight into SQLite through the real schema, and what it costs
to use: the People grid, the largest person's page, one search over every descriptor, size on disk.

The library is made by `open_library` (so every migration runs) and then filled with bulk inserts in
one transaction: photos in dated folders, faces spread over photos (1-5 each) and over people with a
long tail (a few people in thousands of photos, most in a handful), a descriptor per face near its
person's centre, one candidate row per matched face, and the local collection (each person's first
face), as an import with the local engine would leave it.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import random
import shutil
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from beetroot_desktop.engines.base import FaceCrop
from beetroot_desktop.engines.local import LocalCollection, LocalEngine
from beetroot_desktop.library import db_path, open_library, schema

from .measure import Stat

GENERATOR_VERSION = 2


@dataclass(frozen=True)
class Shape:
    photos: int = 100_000
    faces: int = 300_000
    people: int = 30_000

    @property
    def name(self) -> str:
        return f"synthetic-{self.photos}-{self.faces}-{self.people}"


def _face_people(shape: Shape, rng: np.random.Generator) -> np.ndarray:
    """The person index of each face: every person at least once, the rest Zipf-like."""
    weights = 1.0 / np.arange(1, shape.people + 1) ** 0.9
    rest = rng.choice(shape.people, size=shape.faces - shape.people, p=weights / weights.sum())
    people = np.concatenate([np.arange(shape.people), rest])
    rng.shuffle(people)
    return people


def _face_photos(shape: Shape, rng: np.random.Generator) -> np.ndarray:
    """The photo index of each face: every photo at least one face, at most five, sorted."""
    counts = np.ones(shape.photos, dtype=np.int64)
    extra = shape.faces - shape.photos
    while extra > 0:
        pick = rng.integers(0, shape.photos, size=extra)
        np.add.at(counts, pick, 1)
        over = np.maximum(counts - 5, 0)
        counts -= over
        extra = int(over.sum())
    return np.repeat(np.arange(shape.photos), counts)


def build(out_dir: Path, shape: Shape = Shape(), *, seed: int = 6) -> Path:
    """Write (or reuse) the synthetic library; returns its folder."""
    folder = out_dir / shape.name
    schema_text = inspect.getsource(schema).encode()
    stamp = {"version": GENERATOR_VERSION, "schema": hashlib.sha256(schema_text).hexdigest()[:16], "seed": seed,
             **shape.__dict__}
    stamp_path = out_dir / f"{shape.name}.json"
    if stamp_path.exists() and db_path(folder).exists() and json.loads(stamp_path.read_text()) == stamp:
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    rng = np.random.default_rng(seed)
    pyrng = random.Random(seed)
    now = time.time()
    person_ids = [str(uuid.UUID(int=pyrng.getrandbits(128), version=4)) for _ in range(shape.people)]
    face_person = _face_people(shape, rng)
    face_photo = _face_photos(shape, rng)
    centres = rng.standard_normal((shape.people, 128)).astype(np.float32)
    centres *= 0.7 / np.linalg.norm(centres, axis=1, keepdims=True)  # people about 1.0 apart, as in dlib
    noise = rng.standard_normal((shape.faces, 128)).astype(np.float32) * np.float32(0.02)
    descriptors = centres[face_person] + noise

    with open_library(folder) as lib:
        conn = lib.conn
        with lib.transaction():
            paths = [f"/photos/{2000 + i % 25}/{1 + i % 12:02d}/IMG_{i:06d}.jpg" for i in range(shape.photos)]
            conn.executemany(
                "INSERT INTO photos(id, path, sha256, width, height, taken_at, imported_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                ((i + 1, paths[i], f"{pyrng.getrandbits(256):064x}",
                  4000, 3000, f"{2000 + i % 25}-{1 + i % 12:02d}-{1 + i % 28:02d}T12:00:00", now)
                 for i in range(shape.photos)))
            conn.executemany(
                "INSERT INTO files(path, photo_id, size, mtime_ns, seen_at) VALUES (?, ?, ?, ?, ?)",
                ((paths[i], i + 1, 2_000_000 + i, 1_600_000_000_000_000_000 + i, now) for i in range(shape.photos)))
            conn.executemany(
                "INSERT INTO people(person_id, name, created_at) VALUES (?, ?, ?)",
                ((pid, f"Person {i}" if i % 10 == 0 else None, now + i) for i, pid in enumerate(person_ids)))
            first_face: dict[int, int] = {}
            idx_in_photo: dict[int, int] = {}
            rows = []
            candidates = []
            collection = []
            for f in range(shape.faces):
                person, photo = int(face_person[f]), int(face_photo[f])
                idx = idx_in_photo.get(photo, 0)
                idx_in_photo[photo] = idx + 1
                face_id = f + 1
                pid = person_ids[person]
                blob = descriptors[f].tobytes()
                if person not in first_face:
                    first_face[person] = face_id
                    rows.append((face_id, photo + 1, idx, 100 + idx * 300, 200, 180, 180, 1.5, blob, "local",
                                 pid, pid, None, "indexed"))
                    collection.append((pid, f"{photo:064x}:{idx}", blob, now))
                else:
                    rows.append((face_id, photo + 1, idx, 100 + idx * 300, 200, 180, 180, 1.5, blob, "local",
                                 None, pid, 99.0, "matched"))
                    candidates.append((face_id, pid, 99.0))
            conn.executemany(
                "INSERT INTO faces(id, photo_id, idx, left, top, width, height, score, descriptor, engine,"
                " engine_face_id, person_id, similarity, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows)
            conn.executemany(
                "INSERT INTO face_candidates(face_id, engine_face_id, similarity) VALUES (?, ?, ?)", candidates)
            conn.executemany(
                "INSERT INTO local_collection(face_id, external_image_id, descriptor, created_at) VALUES (?, ?, ?, ?)",
                collection)
            conn.executemany("UPDATE people SET cover_face_id = ? WHERE person_id = ?",
                             ((face, person_ids[p]) for p, face in first_face.items()))
            conn.execute("INSERT INTO meta(key, value) VALUES ('engine', 'local')")
        conn.execute("ANALYZE")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    stamp_path.write_text(json.dumps(stamp))
    return folder


@dataclass
class ScaleFigures:
    grid_rows_ms: Stat  # browse.person_rows(): what the desktop People grid loads
    people_ms: Stat
    people_cpu_ms: Stat
    people_count: int
    person_page_ms: Stat
    person_page_photos: int
    search_ms: Stat
    search_cpu_ms: Stat  # CPU time of the process: the work itself, without waiting for a busy CPU
    search_size: int
    collection_load_ms: Stat
    collection_size: int
    collection_search_ms: Stat  # a search over the collection an import leaves: one face per person
    db_mb: float
    build_s: float

    def to_json(self) -> dict[str, object]:
        return {k: (v.to_json() if isinstance(v, Stat) else v) for k, v in self.__dict__.items()}


def measure(folder: Path, *, repeats: int = 5, searches: int = 50, build_s: float = 0.0) -> ScaleFigures:
    people_ms, people_cpu, page_ms, load_ms, collection_search_ms = Stat(), Stat(), Stat(), Stat(), Stat()
    grid_ms = Stat()
    people = []
    photos = []
    for _ in range(repeats):
        with open_library(folder) as lib:  # a fresh connection each time, as when the app starts
            if hasattr(lib, "person_rows"):
                t = time.perf_counter()
                lib.person_rows()
                grid_ms.add((time.perf_counter() - t) * 1000)
            t, c = time.perf_counter(), time.thread_time()  # this thread: idle BLAS threads may still spin
            people = lib.people()
            people_ms.add((time.perf_counter() - t) * 1000)
            people_cpu.add((time.thread_time() - c) * 1000)
            largest = people[0].person_id
            t = time.perf_counter()
            photos = lib.person_photos(largest)
            page_ms.add((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            engine = LocalEngine(lib)
            load_ms.add((time.perf_counter() - t) * 1000)
            collection_size = len(engine.collection)
            for vec in engine.collection.matrix[:: max(1, collection_size // 10)][:10]:
                t = time.perf_counter()
                engine.search(FaceCrop(0, (0, 0, 1, 1), None, b"", vec + np.float32(0.01)), 95.0)
                collection_search_ms.add((time.perf_counter() - t) * 1000)

    # The worst case for search: every face indexed, so the collection holds every descriptor.
    with open_library(folder, readonly=True) as lib:
        blobs = [r[0] for r in lib.conn.execute("SELECT descriptor FROM faces ORDER BY id")]
    matrix = np.frombuffer(b"".join(blobs), dtype=np.float32).reshape(-1, 128)
    del blobs
    engine = LocalEngine()
    engine.collection = LocalCollection()
    engine.collection.add_many([f"face-{i}" for i in range(len(matrix))], [f"ext-{i}" for i in range(len(matrix))],
                               matrix)
    rng = np.random.default_rng(1)
    search_ms, search_cpu = Stat(), Stat()
    queries = matrix[rng.integers(0, len(matrix), size=searches + 3)] + np.float32(0.01)
    for i, q in enumerate(queries):
        crop = FaceCrop(0, (0, 0, 1, 1), None, b"", q.astype(np.float32))
        t, c = time.perf_counter(), time.process_time()
        result = engine.search(crop, 95.0)
        elapsed, cpu = (time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000
        if i >= 3:  # the first calls warm the caches
            search_ms.add(elapsed)
            search_cpu.add(cpu)
        if result.best is None:
            raise AssertionError("a search for a face of the collection found nothing")
    size = db_path(folder).stat().st_size
    wal = db_path(folder).with_name(db_path(folder).name + "-wal")
    size += wal.stat().st_size if wal.exists() else 0
    return ScaleFigures(grid_ms, people_ms, people_cpu, len(people), page_ms, len(photos), search_ms, search_cpu,
                        len(matrix), load_ms, collection_size, collection_search_ms, size / 1_000_000, build_s)
