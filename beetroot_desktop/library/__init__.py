"""The SQLite index of one photo library. No Qt here."""

from __future__ import annotations

from pathlib import Path

from .browse import BrowseMixin, PersonRow, PersonTile
from .edits import EditEntry, NothingToUndo
from .face_facts import NOT_A_FACE, NameOutcome
from .forget import ForgetMixin, ForgetPlan, PersonChanged
from .people import EditRefused, PersonSummary
from .photos import (
    LISTING_STATUSES,
    FaceRecord,
    KnownFile,
    KnownPhoto,
    LocationChange,
    PhotoListing,
    blob_to_descriptor,
    descriptor_to_blob,
)
from .review import ANSWERS, Question, ReviewMixin
from .store import (
    DB_NAME,
    ForeignDatabaseError,
    LibraryBusy,
    LibraryDamaged,
    LibraryError,
    LibraryUnreachable,
    NewerSchemaError,
    OlderSchemaError,
    db_path,
    is_busy,
    is_damage,
)
from .together import TogetherMixin


class Library(ReviewMixin, TogetherMixin, ForgetMixin, BrowseMixin):
    """One library: photos, faces, people and the engine-call ledger, in one SQLite file."""


def open_library(library_dir: Path | str, *, readonly: bool = False, immutable: bool = False) -> Library:
    """The library in `library_dir`; `readonly` never writes, `immutable` also takes no lock (store.connect)."""
    return Library(library_dir, readonly=readonly, immutable=immutable)


__all__ = [
    "ANSWERS",
    "DB_NAME",
    "LISTING_STATUSES",
    "NOT_A_FACE",
    "EditEntry",
    "EditRefused",
    "FaceRecord",
    "ForeignDatabaseError",
    "ForgetPlan",
    "KnownFile",
    "KnownPhoto",
    "Library",
    "LibraryBusy",
    "LibraryDamaged",
    "LibraryError",
    "LibraryUnreachable",
    "LocationChange",
    "NameOutcome",
    "NewerSchemaError",
    "NothingToUndo",
    "OlderSchemaError",
    "PersonChanged",
    "PersonRow",
    "PersonSummary",
    "PersonTile",
    "PhotoListing",
    "Question",
    "blob_to_descriptor",
    "db_path",
    "descriptor_to_blob",
    "is_busy",
    "is_damage",
    "open_library",
]
