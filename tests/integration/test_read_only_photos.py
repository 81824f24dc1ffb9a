"""Importing never modifies, moves or writes next to a photo: hashes, sizes, mtimes and listings are compared."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_files import write_orientations
from PIL import Image
from procs import REPO, tree_snapshot

from beetroot_desktop.library import open_library

SOURCES = ["events", "family/2019", "misc/alex-lacamoire.png", "misc/obama_copy.jpg"]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "beetroot_desktop", *args],
                          env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, text=True, timeout=300)


def everything_under(top: Path, skip: set[Path]) -> set[str]:
    out = set()
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames[:] = [d for d in dirnames if Path(dirpath, d) not in skip]
        out.update(os.path.relpath(os.path.join(dirpath, n), top) for n in [*dirnames, *filenames])
    return out


@pytest.mark.slow
def test_import_edit_reimport_and_rebuild_leave_photos_untouched(tmp_path: Path, photos_dir: Path):
    photos = tmp_path / "photos"
    for rel in SOURCES:
        src = photos_dir / rel
        if src.is_dir():
            shutil.copytree(src, photos / rel)
        else:
            (photos / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, photos / rel)
    write_orientations(photos / "rotated", photos_dir)  # EXIF-rotated files are read, never "fixed"
    Image.open(photos_dir / "family/2020/john2.jpeg").save(photos / "john.webp")
    for path in photos.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)  # writable: a stray write would succeed and be seen
    lib_dir = tmp_path / "library"
    watched = {lib_dir, Path(os.environ["BEETROOT_CONFIG_DIR"]), Path(os.environ["BEETROOT_LOG_DIR"])}
    before, around = tree_snapshot(photos), everything_under(tmp_path, watched)

    first = cli("import", str(photos), "--library", str(lib_dir), "--workers", "2", "--quiet")
    assert first.returncode == 0, first.stderr
    with open_library(lib_dir) as lib:  # edits, as the GUI makes them
        people = lib.people()
        lib.rename_person(people[0].person_id, "Renamed")
        photos_of = {p.person_id: {r["id"] for r in lib.person_photos(p.person_id)} for p in people}
        source, target = next((a.person_id, b.person_id) for a in people[1:] for b in people[1:]
                              if a != b and not photos_of[a.person_id] & photos_of[b.person_id])
        lib.merge_people([source], target)
        lib.remove_face_from_person(lib.person_faces(people[0].person_id)[0]["id"])
    again = cli("import", str(photos), "--library", str(lib_dir), "--quiet")
    rebuilt = cli("rebuild", "--force", "--library", str(lib_dir), "--workers", "2", "--quiet")
    assert again.returncode == 0 and rebuilt.returncode == 0, (again.stderr, rebuilt.stderr)

    assert tree_snapshot(photos) == before
    # Nothing appeared anywhere else either: only the library, config and log folders may change.
    assert everything_under(tmp_path, watched) == around
    with open_library(lib_dir) as lib:
        assert lib.photo_count() == len([p for p in before.values() if p[0] == "file"]) - 1  # one duplicate
