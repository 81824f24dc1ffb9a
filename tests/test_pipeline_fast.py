"""The import's branches in milliseconds: synthetic photos, synthetic descriptors, the real pipeline and library.

Each photo is a tiny real file named `<person>_<n>.png`; the stand-in workers give it one face whose
128-d descriptor is that person's base vector plus a little noise, so the local engine's real search and
calibration decide Match and NoMatch exactly as for real faces. No dlib anywhere.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from beetroot_desktop.engines.base import EngineUnavailable, FaceCrop, SearchResult
from beetroot_desktop.engines.local import LocalEngine
from beetroot_desktop.library import Library, open_library
from beetroot_desktop.pipeline import ImportControl, ImportListener, PhotoDone, ingest
from beetroot_desktop.pipeline.analyze import PhotoAnalysis, PhotoJob

RNG = np.random.default_rng(7)
BASES = {name: RNG.normal(size=128).astype(np.float32) * 0.09 for name in ("ann", "bo", "cy")}


def descriptor(person: str, n: int) -> np.ndarray:
    noise = np.random.default_rng([ord(c) for c in person] + [n]).normal(size=128).astype(np.float32) * 0.012
    return BASES[person] + noise


class SyntheticWorkers:
    """Stands in for PhotoWorkers: one face per photo, its descriptor from the file name."""

    def __init__(self) -> None:
        self.analysed: list[str] = []

    def run(self, jobs: Iterable[PhotoJob], *, inline: bool = False,
            should_stop: Callable[[], bool] = lambda: False) -> Iterator[PhotoAnalysis]:
        for job in jobs:
            if should_stop():
                return
            self.analysed.append(Path(job.path).name)
            person, n = Path(job.path).stem.split("_")[:2]
            crop = FaceCrop(0, (4, 4, 16, 16), 1.0, b"", descriptor(person, int(n)), job.sha256)
            yield PhotoAnalysis(job, width=32, height=32, faces=[crop])

    def close(self) -> None:
        pass


def make_photos(folder: Path, names: list[str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, name in enumerate(names):
        path = folder / name
        Image.new("RGB", (32, 32), (i * 7 % 256, len(name) * 11 % 256, 3)).save(path)  # distinct content
        paths.append(path)
    return paths


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    library = open_library(tmp_path / "lib")
    yield library
    library.close()


def run(lib: Library, paths: list[Path], **kwargs: object) -> object:
    return ingest([str(p) for p in paths], lib, kwargs.pop("engine", None) or LocalEngine(lib),
                  photo_workers=kwargs.pop("workers", None) or SyntheticWorkers(), thumbnails=False, **kwargs)


def test_synthetic_people_group_by_person(lib: Library, tmp_path: Path):
    paths = make_photos(tmp_path / "p", [f"{p}_{n}.png" for p in ("ann", "bo", "cy") for n in range(4)])
    report = run(lib, paths)
    assert report.photos_new == 12 and report.new_people == 3 and report.matches == 9
    assert sorted(p.faces for p in lib.people()) == [4, 4, 4]


def test_copies_in_one_import_wait_for_their_original_and_cost_nothing(lib: Library, tmp_path: Path):
    original, = make_photos(tmp_path / "p", ["ann_0.png"])
    copies = [tmp_path / "p" / f"copy{i}.png" for i in range(3)]
    for copy in copies:
        shutil.copy(original, copy)
    workers = SyntheticWorkers()
    report = run(lib, [original, *copies], workers=workers)
    assert workers.analysed == ["ann_0.png"]  # the copies were deferred, never analysed
    assert report.photos_new == 1 and report.photos_duplicate == 3 and report.engine_calls == 2
    assert [p.faces for p in lib.people()] == [1]


def test_cancel_stops_between_photos_and_the_next_import_resumes(lib: Library, tmp_path: Path):
    paths = make_photos(tmp_path / "p", [f"ann_{n}.png" for n in range(8)])
    control = ImportControl()

    class CancelAfterThree(ImportListener):
        def photo_done(self, done: PhotoDone) -> None:
            if done.done == 3:
                control.cancel()

    report = run(lib, paths, control=control, listener=CancelAfterThree())
    assert report.cancelled and lib.photo_count() == 3 and report.pending == 5
    again = run(lib, paths)
    assert again.photos_unchanged == 3 and again.photos_new == 5 and lib.photo_count() == 8


def test_pause_holds_the_import_until_resumed(lib: Library, tmp_path: Path):
    paths = make_photos(tmp_path / "p", [f"bo_{n}.png" for n in range(4)])
    control = ImportControl()
    control.pause()
    result: dict[str, object] = {}
    worker = threading.Thread(target=lambda: result.update(report=run(lib, paths, control=control)))
    # The library connection is used by one thread at a time: the import's, while it runs.
    worker.start()
    worker.join(0.5)
    assert worker.is_alive()  # paused: waiting, not finished
    control.resume()
    worker.join(10)
    assert not worker.is_alive() and result["report"].photos_new == 4


class FlakyEngine(LocalEngine):
    """The local engine that loses its network after `ok` searches, like Rekognition in an outage."""

    def __init__(self, lib: Library, ok: int) -> None:
        super().__init__(lib)
        self.ok = ok

    def search(self, crop: FaceCrop, threshold: float) -> SearchResult:
        if self.calls["SearchFacesByImage"] >= self.ok:
            raise EngineUnavailable("cannot reach the engine")
        return super().search(crop, threshold)


def test_engine_unavailable_pauses_and_leaves_the_rest_pending(lib: Library, tmp_path: Path):
    paths = make_photos(tmp_path / "p", [f"cy_{n}.png" for n in range(6)])
    report = run(lib, paths, engine=FlakyEngine(lib, ok=2))
    assert report.paused_reason == "cannot reach the engine"
    assert lib.photo_count() == 2 and report.pending == 4 and not report.failed  # nothing blamed on a photo
    again = run(lib, paths)
    assert again.photos_new == 4 and lib.photo_count() == 6 and [p.faces for p in lib.people()] == [6]


def test_a_cancel_during_the_scan_or_the_triage_stops_at_once(lib: Library, tmp_path: Path):
    """A cancelled import never waits for the walk of a huge folder, nor for a stat of every file."""
    from beetroot_desktop.pipeline import scan

    folders = [tmp_path / "p" / f"d{i:03d}" for i in range(40)]
    for i, folder in enumerate(folders):
        make_photos(folder, [f"ann_{i}.png"])
    asked = []

    def stop_after_three() -> bool:
        asked.append(1)
        return len(asked) > 3

    partial = scan([tmp_path / "p"], should_stop=stop_after_three)
    assert 0 < len(partial.files) < 40  # stopped early, not after the whole tree
    control = ImportControl()

    class CancelOnScan(ImportListener):
        def scan_finished(self, total: int) -> None:
            control.cancel()

    workers = SyntheticWorkers()
    report = run(lib, [tmp_path / "p"], control=control, listener=CancelOnScan(), workers=workers)
    assert report.cancelled and workers.analysed == [] and lib.photo_count() == 0
    assert report.pending == 40  # every photo still to do, none looked at
