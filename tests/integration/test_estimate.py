"""The dry run counts what the import would do, with the same checks and the same folders."""

from __future__ import annotations

import shutil
from pathlib import Path

from beetroot_desktop.engines.local import LocalEngine
from beetroot_desktop.library import open_library
from beetroot_desktop.pipeline import ingest
from beetroot_desktop.pipeline.estimate import estimate_import


def test_estimate_skips_the_library_inside_the_folder_as_the_import_does(tmp_path: Path, photos_dir: Path):
    folder = tmp_path / "photos"
    folder.mkdir()
    for name in sorted(p for p in photos_dir.rglob("*.jpg"))[:2]:
        shutil.copy2(name, folder / name.name)
    with open_library(folder / "Beetroot") as lib:  # its cache of JPEG thumbnails lives inside the folder
        report = ingest([folder], lib, LocalEngine(lib), workers=1)
        assert report.photos_new == 2 and any((folder / "Beetroot").rglob("*.jpg"))
        shutil.copy2(folder / sorted(p.name for p in folder.glob("*.jpg"))[0], folder / "again.jpg")
        est = estimate_import([folder], lib, workers=1)
        assert (est.photos_seen, est.photos_unchanged, est.photos_duplicate, est.photos_new) == (3, 2, 1, 0)
        again = ingest([folder], lib, LocalEngine(lib), workers=1)
        assert (again.photos_seen, again.photos_unchanged, again.photos_duplicate) == (3, 2, 1)
