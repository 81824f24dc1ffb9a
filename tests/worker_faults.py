"""Analyse functions for spawned photo workers in tests: module-level, so a worker process can import them.

`crash_on_marked` kills its own process (SIGKILL, as a segfault in native code would) on any photo whose
name contains "crash", and logs every call to the file named by BEETROOT_FAULT_LOG.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from beetroot_desktop.engines.base import WorkerNeeds
from beetroot_desktop.pipeline.analyze import PhotoAnalysis, PhotoJob


def crash_on_marked(job: PhotoJob, needs: WorkerNeeds, cache_dir: str | None) -> PhotoAnalysis:
    log = os.environ.get("BEETROOT_FAULT_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(Path(job.path).name + "\n")
    if "crash" in Path(job.path).name:
        time.sleep(0.3)  # let the photos beside it get under way, as a slow decode would
        os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(0.05 if "slow" not in job.path else 1.0)
    return PhotoAnalysis(job, width=64, height=48)
