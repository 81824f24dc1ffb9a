"""A photo that kills its worker process is the only one blamed; the others are analysed, none twice for nothing."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from worker_faults import crash_on_marked

from beetroot_desktop.engines.base import WorkerNeeds
from beetroot_desktop.engines.local import LocalEngine
from beetroot_desktop.library import open_library
from beetroot_desktop.pipeline import PhotoWorkers, ingest
from beetroot_desktop.pipeline.analyze import PhotoJob
from beetroot_desktop.pipeline.workers import CRASHED

NO_MODELS = WorkerNeeds(remote_detection=True)  # the workers skip loading dlib: these tests need none


def jobs(names: list[str]) -> list[PhotoJob]:
    return [PhotoJob(f"/photos/{name}", f"{i:064x}", 1, 1) for i, name in enumerate(names)]


def test_only_the_photo_that_kills_its_worker_is_blamed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    log = tmp_path / "calls.log"
    monkeypatch.setenv("BEETROOT_FAULT_LOG", str(log))
    # The first photo is still being read when the third kills its worker: the pool fails both.
    names = ["slow_a.jpg", "b.jpg", "crash.jpg", "d.jpg", "e.jpg", "f.jpg", "g.jpg"]
    with PhotoWorkers(4, NO_MODELS, analyse=crash_on_marked) as workers:
        results = list(workers.run(jobs(names)))
    assert [Path(r.job.path).name for r in results] == names  # in order, every photo answered
    errors = {Path(r.job.path).name: r.error for r in results}
    assert errors == {name: (CRASHED if name == "crash.jpg" else None) for name in names}
    calls = Counter(log.read_text().split())
    assert calls["crash.jpg"] == 2  # once in the pool, once alone to be sure it is the culprit
    assert all(calls[name] <= 2 for name in names)  # an innocent photo in flight is redone once at most
    assert calls["b.jpg"] == 1  # finished before the crash: never analysed again


def test_an_import_lists_the_crashing_photo_and_keeps_the_rest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from PIL import Image

    folder = tmp_path / "photos"
    folder.mkdir()
    for i, name in enumerate(["one.jpg", "two.jpg", "crash.jpg", "four.jpg", "five.jpg"]):
        Image.new("RGB", (64, 48), (i * 40, 10, 10)).save(folder / name)
    with open_library(tmp_path / "lib") as lib, PhotoWorkers(3, NO_MODELS, analyse=crash_on_marked) as workers:
        report = ingest([folder], lib, LocalEngine(lib), photo_workers=workers, thumbnails=False)
        assert [f["path"] for f in report.failed] == [str(folder / "crash.jpg")]
        assert report.failed[0]["reason"] == CRASHED
        assert report.photos_new == 5 and lib.photo_count() == 4
