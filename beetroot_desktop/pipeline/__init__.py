"""The import pipeline: scan -> analyse (workers) -> search -> index -> store. No Qt here."""

from .events import FaceOutcome, ImportControl, ImportListener, ImportReport, PhotoDone
from .ingest import bind_engine, ingest
from .regroup import RegroupCancelled, RegroupPlan, apply_regroup, plan_regroup, regroup
from .scan import ScanResult, scan
from .workers import PhotoWorkers

__all__ = [
    "FaceOutcome",
    "ImportControl",
    "ImportListener",
    "ImportReport",
    "PhotoDone",
    "PhotoWorkers",
    "RegroupCancelled",
    "RegroupPlan",
    "ScanResult",
    "apply_regroup",
    "bind_engine",
    "ingest",
    "plan_regroup",
    "regroup",
    "scan",
]
