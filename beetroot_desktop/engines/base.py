"""The one contract both face engines keep, modelled on Rekognition's SearchFacesByImage and IndexFaces.

`search(crop, threshold)` returns the candidates the engine found (best first) and the pipeline calls it
a Match exactly when the best one reaches the threshold; `index(crop, external_image_id)` adds the face
to the engine's collection and returns its new FaceId, which becomes the new person's id.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import numpy as np

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..library import Library

Box = tuple[int, int, int, int]


@dataclass
class FaceCrop:
    """One detected face, ready for the engine: the upstream JPEG crop plus what the worker measured."""

    idx: int
    box: Box  # pixels of the upright original photo
    score: float | None
    jpeg: bytes  # the face with margin, JPEG quality 90 (what Rekognition receives)
    descriptor: np.ndarray | None = None  # the local engine's 128-d embedding, computed in a worker
    photo_sha: str | None = None  # the photo's content hash, so engine calls can be tied to their photo
    origin: str = "detector"  # or "metadata": a named face region read from the photo's XMP
    name: str | None = None  # the name a face region in the photo's metadata gives this face


@dataclass(frozen=True)
class Candidate:
    face_id: str
    similarity: float  # 0-100
    external_image_id: str | None = None


@dataclass(frozen=True)
class SearchResult:
    candidates: tuple[Candidate, ...] = ()

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None

    def match(self, threshold: float) -> Candidate | None:
        """The upstream rule: a Match exactly when the best similarity reaches the threshold."""
        best = self.best
        return best if best is not None and best.similarity >= threshold else None


@dataclass(frozen=True)
class IndexResult:
    face_id: str | None  # None when the engine refused to index the face
    reasons: tuple[str, ...] = ()  # why not (Rekognition's UnindexedFaces reasons)


class EngineError(RuntimeError):
    """A failure the user can act on; str(err) says what happened and what to do."""


class EngineConfigError(EngineError):
    """The engine cannot start with the current settings (exit code 2 in the CLI)."""


class EngineUnavailable(EngineError):
    """The engine cannot be reached now (network loss, outage): pause and leave the rest pending."""


class FaceUnsearchable(Exception):
    """The engine found no face in the crop (Rekognition's InvalidParameterException)."""


@dataclass(frozen=True)
class WorkerNeeds:
    """What the photo workers must produce for this engine."""

    descriptors: bool = False  # compute the local 128-d descriptor of every crop
    remote_detection: bool = False  # the engine detects faces itself on the photo JPEG


class _PhotoJob(Protocol):
    sha256: str


class PreparedPhoto(Protocol):
    """What a remote detector needs of an analysed photo (pipeline.analyze.PhotoAnalysis keeps it)."""

    job: _PhotoJob
    width: int  # of the upright original
    height: int
    photo_jpeg: bytes | None  # the upright photo, re-encoded for the service


class FaceEngine(Protocol):
    name: str
    needs: WorkerNeeds
    calls: Counter[str]

    def search(self, crop: FaceCrop, threshold: float) -> SearchResult: ...

    def index(self, crop: FaceCrop, external_image_id: str) -> IndexResult: ...

    def persist(self, library: Library) -> None:
        """Write what must commit together with the photo (called inside the photo's transaction)."""

    def discard(self) -> None:
        """Forget what was not persisted: the photo's transaction rolled back."""

    def close(self) -> None: ...


class PersonVectors(Protocol):
    """An engine that also keeps one vector per person (Rekognition users, `rekognition_mode = users`):
    its search returns the ids of those vectors, each the FaceId of the face that founded the person."""

    def join(self, crop: FaceCrop, external_image_id: str, user_id: str, similarity: float,
             threshold: float) -> str | None:
        """After a Match to `user_id`: maybe add the face to that vector; its FaceId when it was indexed."""

    def found(self, face_id: str, photo_sha: str | None = None) -> None:
        """`face_id` founds a new person: make its vector."""

    def sync_users(self, library: Library, *, should_stop: Callable[[], bool] | None = None,
                   progress: Callable[[int, int], None] | None = None) -> int:
        """Make the vectors of the people that have none yet (before an import's first search), and take the
        faces the user moved out of a person out of its vector; `should_stop` is asked between people."""


def person_vectors(engine: object) -> PersonVectors | None:
    """`engine` when it keeps a vector per person (see PersonVectors), else None."""
    return engine if getattr(engine, "person_vectors", False) else None  # type: ignore[return-value]


def external_image_id(sha256: str, idx: int) -> str:
    """Stable across runs and machines, so re-indexing the same face returns the same FaceId.

    Rekognition allows [a-zA-Z0-9_.\\-:]{1,255}; a hex digest and an index fit, a file path would not.
    """
    return f"{sha256}:{idx}"
