"""Hostile and odd files: each is imported or listed with its reason, the rest completes, nothing crashes.

The import runs as the real command (`python -m beetroot_desktop import`) in a subprocess, so a crash
anywhere (a decoder, a worker, printing a file name) shows up as a crash, not as a caught exception.
"""

from __future__ import annotations

import importlib
import json
import os
import struct
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hostile_files import INVERSE_ORIENTATION, ORIENTATION_SOURCE, Expect, make_hostile_folder
from PIL import Image, ImageOps
from procs import REPO, can_drop_root_file_access, drop_root_file_access, tree_snapshot

from beetroot_desktop.engines.base import WorkerNeeds
from beetroot_desktop.engines.local import LocalEngine
from beetroot_desktop.imaging import decode_photo
from beetroot_desktop.imaging.thumbnails import (
    FACE_THUMB,
    PHOTO_THUMB,
    cache_dir_for,
    face_thumb_path,
    face_thumbnail_image,
    photo_thumb_path,
)
from beetroot_desktop.library import open_library
from beetroot_desktop.pipeline import ImportListener, ingest
from beetroot_desktop.pipeline.analyze import PhotoJob, analyze_photo

ingest_module = importlib.import_module("beetroot_desktop.pipeline.ingest")  # the package re-exports ingest()
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it; as root, without the capability that lets root read any file."""
    return subprocess.run(
        [sys.executable, "-m", "beetroot_desktop", *args],
        env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})},
        capture_output=True, text=True, encoding="utf-8", errors="surrogateescape", timeout=timeout,
        preexec_fn=drop_root_file_access if IS_ROOT and can_drop_root_file_access() else None,
    )


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory, photos_dir: Path):
    base = tmp_path_factory.mktemp("hostile")
    root, lib_dir = base / "photos", base / "library"
    expect = make_hostile_folder(root, photos_dir)
    before = tree_snapshot(root)
    # An ASCII-only console is the hardest case for emoji and Latin-1 names: they must be escaped, not crash.
    proc = run_cli("import", str(root), "--library", str(lib_dir), "--workers", "2", "--json",
                   env={"PYTHONIOENCODING": "ascii"})
    return root, lib_dir, expect, proc, before


def _report(proc: subprocess.CompletedProcess[str]) -> dict:
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_every_odd_file_is_imported_or_listed_with_its_reason(hostile):
    root, lib_dir, expect, proc, _ = hostile
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 1, proc.stderr  # some photos failed, each listed; the command itself did not
    report = _report(proc)
    failed = {os.path.relpath(f["path"], root): f["reason"] for f in report["failed"]}
    if IS_ROOT and not can_drop_root_file_access():  # see test_unreadable_file_is_listed
        expect = {k: v for k, v in expect.items() if k != "locked.jpg"}
        failed.pop("locked.jpg", None)
    listed = {rel for rel, e in expect.items() if not e.imported}
    assert set(failed) == listed
    for rel in listed:
        assert expect[rel].reason in failed[rel], (rel, failed[rel])
        assert f"FAILED {root / rel}: {failed[rel]}".encode("ascii", "backslashreplace").decode() in proc.stderr
    with open_library(lib_dir) as lib:
        for rel, e in expect.items():
            if not e.imported:
                continue
            photo = lib.photo_by_path(str(root / rel))
            assert photo is not None and photo.presence == "present", rel
            if e.faces is not None:
                assert len(lib.faces_of_photo(photo.id)) == e.faces, rel
        assert lib.integrity_check() == "ok"
    assert report["photos_failed"] == len(listed)
    assert report["faces"] == sum(e.faces or 0 for e in expect.values() if e.imported)
    assert "\\U0001f600 party" in proc.stdout  # the emoji name, escaped on an ASCII console


def test_unreadable_file_is_listed(hostile):
    root, _, _, proc, _ = hostile
    if IS_ROOT and not can_drop_root_file_access():
        pytest.skip("running as root without CAP_SETPCAP: root reads a chmod 000 file, so it cannot be unreadable")
    reasons = {f["path"]: f["reason"] for f in _report(proc)["failed"]}
    assert reasons[str(root / "locked.jpg")] == "cannot read the file: Permission denied"


def test_reimport_lists_the_same_failures_and_redoes_nothing(hostile):
    root, lib_dir, _, first, _ = hostile
    proc = run_cli("import", str(root), "--library", str(lib_dir), "--workers", "2", "--json")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    again, before = _report(proc), _report(first)
    assert sorted(map(str, again["failed"])) == sorted(map(str, before["failed"]))
    assert again["photos_new"] == 0 and again["engine_calls"] == 0


def test_photos_are_not_modified_or_accompanied(hostile):
    root, _, _, _, before = hostile
    assert tree_snapshot(root) == before


def _iou(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> float:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    w = max(0, min(ax + aw, bx + bw) - max(ax, bx))
    h = max(0, min(ay + ah, by + bh) - max(ay, by))
    return w * h / float(aw * ah + bw * bh - w * h)


def _diff(a: Image.Image, b: Image.Image) -> float:
    b = b.resize(a.size, Image.Resampling.BILINEAR) if b.size != a.size else b
    return float(np.abs(np.asarray(a.convert("L"), np.float32) - np.asarray(b.convert("L"), np.float32)).mean())


def _thumb(image: Image.Image, size: int) -> Image.Image:
    copy = image.copy()
    copy.thumbnail((size, size), Image.Resampling.LANCZOS)
    return copy


def test_eight_exif_orientations_find_the_face_upright(hostile, photos_dir: Path):
    root, lib_dir, _, _, _ = hostile
    with Image.open(photos_dir / ORIENTATION_SOURCE) as im:
        upright = ImageOps.exif_transpose(im).convert("RGB")
    source = photos_dir / ORIENTATION_SOURCE
    reference = analyze_photo(PhotoJob(str(source), "ref", 0, 0), WorkerNeeds())
    assert len(reference.faces) == 1
    ref_box = reference.faces[0].box
    ref_photo = _thumb(upright, PHOTO_THUMB)
    ref_face = _thumb(face_thumbnail_image(upright, ref_box), FACE_THUMB)
    cache = cache_dir_for(lib_dir)
    with open_library(lib_dir) as lib:
        for orientation in INVERSE_ORIENTATION:
            path = root / "orientations" / f"orientation-{orientation}.jpg"
            photo = lib.photo_by_path(str(path))
            assert photo is not None and photo.presence == "present"
            row = lib.photo(photo.id)
            assert (row["width"], row["height"]) == upright.size, orientation
            faces = lib.faces_of_photo(photo.id)
            assert len(faces) == 1, orientation
            box = (faces[0]["left"], faces[0]["top"], faces[0]["width"], faces[0]["height"])
            assert _iou(box, ref_box) > 0.85, (orientation, box, ref_box)
            with Image.open(photo_thumb_path(cache, photo.sha256)) as thumb:
                assert thumb.size == ref_photo.size, orientation
                # Upright: close to the reference, and much closer than to the same picture upside down.
                assert _diff(thumb, ref_photo) < 8, orientation
                assert _diff(thumb, ref_photo) * 3 < _diff(thumb, ref_photo.transpose(Image.Transpose.ROTATE_180))
            with Image.open(face_thumb_path(cache, photo.sha256, box)) as face:
                assert _diff(face, ref_face) < 12, orientation
                assert _diff(face, ref_face) * 2 < _diff(face, ref_face.transpose(Image.Transpose.ROTATE_180))


def test_sixteen_bit_grayscale_is_scaled_not_clipped(hostile, photos_dir: Path):
    root, lib_dir, _, _, _ = hostile
    with open_library(lib_dir) as lib:
        photo = lib.photo_by_path(str(root / "gray16.png"))
    with Image.open(photo_thumb_path(cache_dir_for(lib_dir), photo.sha256)) as thumb:
        got = float(np.asarray(thumb.convert("L"), np.float32).mean())
    with Image.open(photos_dir / "family/2019/rose_img1.jpg") as im:
        want = float(np.asarray(im.convert("L"), np.float32).mean())
    assert abs(got - want) < 6  # clipping would turn nearly every pixel white (mean near 255)


def test_heic_written_by_pillow_heif_decodes(hostile, photos_dir: Path):
    root, _, _, _, _ = hostile
    decoded = decode_photo(root / "photo.heic")
    with Image.open(photos_dir / "family/2019/obama2.jpg") as im:
        original = ImageOps.exif_transpose(im).convert("RGB")
    assert decoded.image.size == original.size
    assert _diff(decoded.image, original) < 6


def test_decompression_bomb_is_refused_before_decoding(hostile):
    root, _, _, _, _ = hostile
    data = (root / "bomb.png").read_bytes()
    assert len(data) < 1024
    assert data[12:16] == b"IHDR" and struct.unpack(">II", data[16:24]) == (30000, 30000)
    with pytest.raises(Image.DecompressionBombError):  # Pillow agrees it is one, from the header alone
        Image.open(root / "bomb.png")


def test_file_deleted_between_scan_and_decode(tmp_path: Path, photos_dir: Path, monkeypatch):
    folder = tmp_path / "photos"
    folder.mkdir()
    names = ["a.jpg", "b-gone-before-stat.jpg", "c-gone-after-hash.jpg", "d.jpg"]
    sources = ["family/2019/biden.jpg", "family/2019/rose_img1.jpg", "family/2020/john2.jpeg", "misc/obama-240p.jpg"]
    for name, rel in zip(names, sources, strict=True):
        (folder / name).write_bytes((photos_dir / rel).read_bytes())

    class DeleteAfterScan(ImportListener):
        def scan_finished(self, total: int) -> None:
            (folder / names[1]).unlink()

    real_hash = ingest_module.sha256_file

    def hash_then_delete(path):
        digest = real_hash(path)
        if Path(path).name == names[2]:
            Path(path).unlink()  # hashed, queued for a worker, then gone before the worker opens it
        return digest

    monkeypatch.setattr(ingest_module, "sha256_file", hash_then_delete)
    with open_library(tmp_path / "lib") as lib:
        report = ingest([folder], lib, LocalEngine(lib), workers=2, listener=DeleteAfterScan())
        reasons = {Path(f["path"]).name: f["reason"] for f in report.failed}
        assert reasons == {
            names[1]: "cannot read the file: No such file or directory",
            names[2]: "the file disappeared before it could be read",
        }
        assert report.photos_new == 3 and report.faces == 2 and not report.pending
        assert {Path(r["path"]).name for r in lib.all_photos()} == {names[0], names[3]}


def test_library_inside_the_photo_folder_is_not_imported(tmp_path: Path, photos_dir: Path):
    """Thumbnails are JPEGs: a library kept inside the imported folder must not import its own cache."""
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "biden.jpg").write_bytes((photos_dir / "family/2019/biden.jpg").read_bytes())
    lib_dir = folder / "beetroot-library"
    with open_library(lib_dir) as lib:
        first = ingest([folder], lib, LocalEngine(lib), workers=1)
        assert any(cache_dir_for(lib_dir).rglob("*.jpg"))
        second = ingest([folder], lib, LocalEngine(lib), workers=1)
        assert first.photos_seen == second.photos_seen == 1
        assert [Path(r["path"]).name for r in lib.all_photos()] == ["biden.jpg"]


def test_expectations_cover_every_entry(hostile):
    """Guard against a silently skipped file: every file-like entry written has an expectation."""
    root, _, expect, _, _ = hostile
    entries = set()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not os.path.islink(os.path.join(dirpath, d))]
        for name in filenames:
            entries.add(os.path.relpath(os.path.join(dirpath, name), root))
    assert entries == set(expect)
    assert all(isinstance(e, Expect) for e in expect.values())
