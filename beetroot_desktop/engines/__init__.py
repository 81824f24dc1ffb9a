"""Face engines behind one contract (see base.py). No Qt here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..wording import say
from .base import (
    Candidate,
    EngineConfigError,
    EngineError,
    EngineUnavailable,
    FaceCrop,
    FaceEngine,
    FaceUnsearchable,
    IndexResult,
    SearchResult,
    WorkerNeeds,
    external_image_id,
)

if TYPE_CHECKING:
    from ..config import Settings
    from ..library import Library


def create_engine(settings: Settings, library: Library) -> FaceEngine:
    """The engine the settings ask for, bound to `library`; raises EngineConfigError when it cannot start."""
    if settings.engine == "local":
        from .local import LocalEngine

        return LocalEngine(library)
    if settings.engine == "rekognition":
        from .rekognition import RekognitionEngine

        return RekognitionEngine.from_settings(settings, library)
    raise EngineConfigError(say("unknown engine {engine!r}: choose local or rekognition", engine=settings.engine))


__all__ = [
    "Candidate",
    "EngineConfigError",
    "EngineError",
    "EngineUnavailable",
    "FaceCrop",
    "FaceEngine",
    "FaceUnsearchable",
    "IndexResult",
    "SearchResult",
    "WorkerNeeds",
    "create_engine",
    "external_image_id",
]
