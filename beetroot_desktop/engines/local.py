"""The offline engine: a Rekognition-like collection of dlib descriptors kept in the library database.

Like a Rekognition collection, it holds the faces that were indexed (each person's first face), and
`search` compares a crop's descriptor with all of them at once: one matrix-vector product over a
float32 matrix that stays in memory, so a search over 300,000 faces takes milliseconds.
"""

from __future__ import annotations

import time
import uuid
from collections import Counter
from typing import TYPE_CHECKING

import numpy as np

from ..wording import say
from .base import Candidate, FaceCrop, FaceUnsearchable, IndexResult, SearchResult, WorkerNeeds
from .calibration import max_distance, similarity

if TYPE_CHECKING:
    from ..library import Library

DIM = 128
CANDIDATE_FLOOR = 80.0  # keep every candidate above this, like the cloud engine, for cheap regrouping
MAX_CANDIDATES = 16  # enough to step past faces that found no one any more (docs/identity.md)


class LocalCollection:
    """Face ids, external image ids and an (n, 128) float32 matrix that grows by doubling."""

    def __init__(self) -> None:
        self._matrix = np.zeros((1024, DIM), dtype=np.float32)
        self._sq_norms = np.zeros(1024, dtype=np.float32)
        self.face_ids: list[str] = []
        self.external_ids: list[str] = []
        self.by_external: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.face_ids)

    @property
    def matrix(self) -> np.ndarray:
        return self._matrix[: len(self.face_ids)]

    def add(self, face_id: str, external_image_id: str, descriptor: np.ndarray) -> None:
        n = len(self.face_ids)
        if n == len(self._matrix):
            self._matrix = np.concatenate([self._matrix, np.zeros_like(self._matrix)])
            self._sq_norms = np.concatenate([self._sq_norms, np.zeros_like(self._sq_norms)])
        vec = np.asarray(descriptor, dtype=np.float32)
        self._matrix[n] = vec
        self._sq_norms[n] = float(vec @ vec)
        self.face_ids.append(face_id)
        self.external_ids.append(external_image_id)
        self.by_external[external_image_id] = n

    def add_many(self, face_ids: list[str], external_ids: list[str], descriptors: np.ndarray) -> None:
        """Append many faces at once (loading a collection of 300,000 faces one by one takes seconds)."""
        vecs = np.asarray(descriptors, dtype=np.float32).reshape(-1, DIM)
        if not (len(face_ids) == len(external_ids) == len(vecs)):
            raise ValueError("face ids, external ids and descriptors differ in number")
        n, m = len(self.face_ids), len(vecs)
        if n + m > len(self._matrix):
            capacity = max(1024, 1 << (n + m - 1).bit_length())
            grown = np.zeros((capacity, DIM), dtype=np.float32)
            grown[:n] = self._matrix[:n]
            norms = np.zeros(capacity, dtype=np.float32)
            norms[:n] = self._sq_norms[:n]
            self._matrix, self._sq_norms = grown, norms
        self._matrix[n:n + m] = vecs
        self._sq_norms[n:n + m] = np.einsum("ij,ij->i", vecs, vecs)
        self.face_ids.extend(face_ids)
        self.external_ids.extend(external_ids)
        self.by_external.update((ext, n + i) for i, ext in enumerate(external_ids))

    def retire(self, face_ids: set[str]) -> None:
        """Leave these faces out of every search (their squared norm becomes infinite: never nearest)."""
        if face_ids:
            rows = [i for i, fid in enumerate(self.face_ids) if fid in face_ids]
            self._sq_norms[rows] = np.inf

    def truncate(self, n: int) -> None:
        for ext in self.external_ids[n:]:
            self.by_external.pop(ext, None)
        del self.face_ids[n:]
        del self.external_ids[n:]

    def nearest(self, descriptor: np.ndarray, k: int = MAX_CANDIDATES) -> tuple[np.ndarray, np.ndarray]:
        """Indexes and distances of the k nearest faces, nearest first."""
        n = len(self.face_ids)
        if n == 0:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32)
        q = np.asarray(descriptor, dtype=np.float32)
        # |a - b|^2 = |a|^2 + |b|^2 - 2 a.b : one BLAS matrix-vector product for the whole collection,
        # then in place (no temporaries the size of the collection); |b|^2 is the same for every row,
        # so it is added to the k kept only.
        sq = self._matrix[:n] @ q
        sq *= -2.0
        sq += self._sq_norms[:n]
        k = min(k, n)
        top = np.argpartition(sq, k - 1)[:k] if n > k else np.arange(n)
        top = top[np.argsort(sq[top], kind="stable")]
        return top, np.sqrt(np.maximum(sq[top] + float(q @ q), 0.0))


class LocalEngine:
    """dlib descriptors, searched with the calibrated similarity; collection stored in the library."""

    name = "local"
    needs = WorkerNeeds(descriptors=True)

    def __init__(self, library: Library | None = None, *, floor: float = CANDIDATE_FLOOR) -> None:
        self.calls: Counter[str] = Counter()
        self.collection = LocalCollection()
        self.floor = floor
        self._persisted = 0
        if library is not None:
            self.load(library)

    def load(self, library: Library) -> None:
        self.collection = LocalCollection()
        rows = library.conn.execute(
            "SELECT face_id, external_image_id, descriptor FROM local_collection ORDER BY rowid").fetchall()
        if rows:
            face_ids, exts, blobs = zip(*rows, strict=True)
            matrix = np.frombuffer(b"".join(blobs), dtype=np.float32).reshape(len(rows), DIM)
            self.collection.add_many(list(face_ids), list(exts), matrix)
            self.collection.retire(self._retired(library))
        self._persisted = len(self.collection)

    @staticmethod
    def _retired(library: Library) -> set[str]:
        """FaceIds that found no one now (a regroup matched their face again, or the user took it out).

        A Rekognition collection keeps such faces and the pipeline steps past them (library/people.py,
        person_for_engine_face); here they are left out of the search, so they never crowd out the faces
        that do stand for someone, however many a strict regroup indexed.
        """
        return {r[0] for r in library.conn.execute(
            "SELECT engine_face_id FROM faces WHERE engine_face_id IS NOT NULL"
            " AND (status <> 'indexed' OR person_id IS NULL)"
            " EXCEPT SELECT engine_face_id FROM faces WHERE status = 'indexed' AND person_id IS NOT NULL")}

    def search(self, crop: FaceCrop, threshold: float) -> SearchResult:
        self.calls["SearchFacesByImage"] += 1
        if crop.descriptor is None:
            raise FaceUnsearchable(say("no face descriptor could be computed for this crop"))
        floor = min(self.floor, threshold)
        idxs, dists = self.collection.nearest(crop.descriptor)
        limit = max_distance(floor)
        sims = similarity(dists)
        candidates = tuple(
            Candidate(self.collection.face_ids[i], round(float(s), 4), self.collection.external_ids[i])
            for i, d, s in zip(idxs, dists, np.atleast_1d(sims), strict=True) if d <= limit
        )
        return SearchResult(candidates)

    def index(self, crop: FaceCrop, external_image_id: str) -> IndexResult:
        self.calls["IndexFaces"] += 1
        if crop.descriptor is None:
            return IndexResult(None, ("NO_DESCRIPTOR",))
        existing = self.collection.by_external.get(external_image_id)
        if existing is not None:  # same as Rekognition with ExternalImageId: the same face, the same id
            return IndexResult(self.collection.face_ids[existing])
        face_id = str(uuid.uuid4())
        self.collection.add(face_id, external_image_id, crop.descriptor)
        return IndexResult(face_id)

    def persist(self, library: Library) -> None:
        c = self.collection
        new = range(self._persisted, len(c))
        if new:
            now = time.time()
            library.conn.executemany(
                "INSERT OR IGNORE INTO local_collection(face_id, external_image_id, descriptor, created_at)"
                " VALUES (?, ?, ?, ?)",
                [(c.face_ids[i], c.external_ids[i], c.matrix[i].tobytes(), now) for i in new],
            )
        self._persisted = len(c)

    def discard(self) -> None:
        self.collection.truncate(self._persisted)

    def close(self) -> None:
        pass
