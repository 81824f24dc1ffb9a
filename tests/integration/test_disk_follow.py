"""The library follows the disk: moved, swapped, deleted, edited, offline and retried photos (real photos).

Each test works on its own copy of the sample photos. Imports run the real triage, engine and writes; the
per-photo analysis (dlib) is replayed from one analysis per content made once per session, and content
no one has seen yet (a photo edited in place) is analysed for real.
"""

from __future__ import annotations

import errno
import importlib
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cached_analysis import CachedWorkers, analyse_all
from cli_json import cli
from PIL import Image

from beetroot_desktop.cli.main import main
from beetroot_desktop.engines.base import WorkerNeeds
from beetroot_desktop.engines.local import LocalEngine
from beetroot_desktop.library import open_library
from beetroot_desktop.library.recovery import import_roots
from beetroot_desktop.pipeline import ImportReport, ingest
from beetroot_desktop.pipeline.analyze import PhotoAnalysis, PhotoJob, analyze_photo

# The module, not the function the package exports under the same name.
ingest_module = importlib.import_module("beetroot_desktop.pipeline.ingest")
pytestmark = pytest.mark.slow


class Workers(CachedWorkers):
    """Known content answers from the session's analyses; new content (an edit) is analysed for real."""

    def run(self, jobs: Iterable[PhotoJob], *, inline: bool = False,
            should_stop: Callable[[], bool] = lambda: False) -> Iterator[PhotoAnalysis]:
        for job in jobs:
            if job.sha256 not in self.analyses:
                self.analyses[job.sha256] = analyze_photo(job, WorkerNeeds(descriptors=True), None)
            yield from super().run([job], should_stop=should_stop)


@pytest.fixture(scope="session")
def analyses(photos_dir: Path) -> dict[str, PhotoAnalysis]:
    return analyse_all(photos_dir, WorkerNeeds(descriptors=True))


@pytest.fixture
def disk(tmp_path: Path, photos_dir: Path, analyses: dict[str, PhotoAnalysis],
         monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the sample photos; every import in the test (CLI included) replays the analyses."""
    root = tmp_path / "Pictures"
    shutil.copytree(photos_dir, root)
    monkeypatch.setattr(ingest_module, "PhotoWorkers", lambda *a, **k: Workers(analyses))
    return root


def people_paths(library: Path) -> dict[str, list[str]]:
    """person id -> the photo paths `people --json` lists for them."""
    code, rows = cli("people", library=library)
    assert code == 0
    return {r["person_id"]: sorted(r["photos"]) for r in rows}


def person_at(lib_dir: Path, path: Path, idx: int = 0) -> str | None:
    with open_library(lib_dir) as lib:
        row = lib.conn.execute(
            "SELECT f.person_id FROM faces f JOIN files fi ON fi.photo_id = f.photo_id WHERE fi.path = ?"
            " AND f.idx = ?", (str(path), idx)).fetchone()
    return row[0] if row else None


def sync(lib_dir: Path) -> dict[str, Any]:
    code, summary = cli("import", library=lib_dir)
    assert summary is not None, "the sync printed no summary"
    return summary | {"exit": code}


def test_a_moved_folder_keeps_its_photos_names_and_faces(disk: Path, tmp_path: Path) -> None:
    lib = tmp_path / "L"
    assert cli("import", str(disk), library=lib)[0] == 0
    obama = person_at(lib, disk / "family/2019/obama.jpg")
    assert obama is not None and main(["rename", obama, "Barack", "--library", str(lib)]) == 0
    before = people_paths(lib)

    (disk / "family").rename(disk / "family-moved")
    summary = sync(lib)
    assert summary["exit"] == 0
    assert summary["photos_moved"] == 10 and summary["photos_new"] == 0 and summary["engine_calls"] == 0
    assert summary["photos_missing"] == 0 and summary["photos_duplicate"] == 0
    after = people_paths(lib)
    assert set(after) == set(before)  # the same people
    listed = [p for paths in after.values() for p in paths]
    assert not any("/family/" in p for p in listed) and any("/family-moved/" in p for p in listed)
    assert after[obama] == sorted(p.replace("/family/", "/family-moved/") for p in before[obama])
    assert person_at(lib, disk / "family-moved/2019/obama.jpg") == obama
    with open_library(lib) as library:
        assert library.person(obama).name == "Barack"  # type: ignore[union-attr]


def test_swapped_names_follow_their_content(disk: Path, tmp_path: Path) -> None:
    lib = tmp_path / "L"
    assert cli("import", str(disk), library=lib)[0] == 0
    a, b = disk / "family/2019/rose_img1.jpg", disk / "family/2019/biden.jpg"
    rose, biden = person_at(lib, a), person_at(lib, b)
    assert rose and biden and rose != biden
    tmp = a.with_name("swap.tmp")
    a.rename(tmp), b.rename(a), tmp.rename(b)

    summary = sync(lib)
    assert summary["photos_new"] == 0 and summary["engine_calls"] == 0 and summary["photos_duplicate"] == 0
    assert person_at(lib, a) == biden and person_at(lib, b) == rose
    assert sum(rose in v or biden in v for v in [people_paths(lib)]) == 1
    assert str(b) in people_paths(lib)[rose] and str(a) in people_paths(lib)[biden]
    assert sync(lib)["photos_unchanged"] == summary["photos_seen"]  # and it stays that way


def test_a_deleted_photo_leaves_every_count_and_prune_removes_it(disk: Path, tmp_path: Path) -> None:
    lib = tmp_path / "L"
    cli("import", str(disk), library=lib)
    gone = disk / "family/2020/biden2.jpg"
    biden = person_at(lib, gone)
    with open_library(lib) as library:
        photos_before = library.library_counts()["photos"]
        count_before = library.person(biden).photos  # type: ignore[arg-type, union-attr]
    gone.unlink()

    summary = sync(lib)
    assert summary["photos_missing"] == 1 and summary["exit"] == 0
    assert str(gone) not in people_paths(lib)[biden]
    with open_library(lib) as library:
        counts = library.library_counts()
        assert counts["photos"] == photos_before - 1 and counts["missing"] == 1
        assert library.person(biden).photos == count_before - 1  # type: ignore[arg-type, union-attr]
    code, missing = cli("photos", "--status", "missing", library=lib)
    assert code == 0 and missing == [{"path": str(gone), "status": "missing", "faces": 1,
                                      "reason": "the file is gone from its folder", "other_paths": []}]

    code, pruned = cli("prune", library=lib)
    assert code == 0 and pruned == {"removed": 1, "photos": [str(gone)], "dry_run": False}
    assert cli("photos", "--status", "missing", library=lib)[1] == []
    assert not any(entry["path"] == str(gone) for entry in cli("photos", library=lib)[1])
    assert sync(lib)["photos_missing"] == 0


def test_prune_keeps_a_photo_whose_file_came_back(disk: Path, tmp_path: Path) -> None:
    lib = tmp_path / "L"
    cli("import", str(disk), library=lib)
    photo = disk / "misc/obama_small.jpg"
    aside = tmp_path / "aside.jpg"
    photo.rename(aside)
    assert sync(lib)["photos_missing"] == 1
    aside.rename(photo)  # back before the prune, with no import in between
    assert cli("prune", library=lib)[1]["removed"] == 0
    summary = sync(lib)
    assert summary["photos_missing"] == 0 and summary["engine_calls"] == 0


def test_editing_the_original_of_a_duplicate_makes_only_that_path_a_new_photo(disk: Path, tmp_path: Path) -> None:
    lib = tmp_path / "L"
    a = disk / "events/obama1.jpg"
    copy = disk / "events/obama1_copy.jpg"
    shutil.copyfile(a, copy)
    cli("import", str(disk), library=lib)
    code, dupes = cli("photos", "--status", "duplicate", library=lib)
    assert code == 0 and {"path": str(copy), "status": "duplicate", "faces": 1, "reason": None,
            "other_paths": [str(a)]} in dupes
    obama = person_at(lib, a)

    Image.open(a).convert("L").save(a)  # edited in place: other content at the same path
    summary = sync(lib)
    assert summary["photos_new"] == 1 and summary["exit"] == 0
    assert person_at(lib, copy) == obama  # the old content lives on at its copy, faces and person kept
    listing = {e["path"]: e for e in cli("photos", library=lib)[1]}
    assert listing[str(copy)]["status"] == "present" and listing[str(a)]["status"] == "present"
    assert listing[str(copy)]["other_paths"] == [] and listing[str(a)]["other_paths"] == []
    assert person_at(lib, a) is not None  # the grayscale photo was analysed and matched like any new one
    assert str(copy) in people_paths(lib)[obama]


def test_a_photo_edited_in_place_is_read_again(disk: Path, tmp_path: Path) -> None:
    lib = tmp_path / "L"
    cli("import", str(disk), library=lib)
    a = disk / "family/2019/obama2.jpg"
    Image.open(a).rotate(0).convert("L").save(a)
    summary = sync(lib)
    assert summary["photos_new"] == 1 and summary["photos_missing"] == 0
    with open_library(lib) as library:
        assert library.pathless_photos() == []  # the old version is gone, not listed as missing
        assert library.photo_listing("missing") == []


def test_an_unplugged_drive_leaves_photos_offline_and_they_return_without_engine_work(
        disk: Path, tmp_path: Path) -> None:
    lib = tmp_path / "L"
    cli("import", str(disk), library=lib)
    before = people_paths(lib)
    unplugged = tmp_path / "elsewhere"
    disk.rename(unplugged)  # the whole imported root out of reach

    summary = sync(lib)
    assert summary["photos_offline"] == 26 and summary["photos_missing"] == 0 and summary["photos_failed"] == 0
    assert people_paths(lib) == before  # still listed for their people
    offline = cli("photos", "--status", "offline", library=lib)[1]
    assert len(offline) == 26 and str(disk) in offline[0]["reason"]
    assert cli("prune", library=lib)[1]["removed"] == 0  # never purged

    unplugged.rename(disk)
    summary = sync(lib)
    assert summary["engine_calls"] == 0 and summary["photos_new"] == 0 and summary["photos_offline"] == 0
    assert people_paths(lib) == before
    assert cli("photos", "--status", "offline", library=lib)[1] == []


def test_an_empty_mount_point_is_offline_not_missing(disk: Path, tmp_path: Path) -> None:
    lib = tmp_path / "L"
    cli("import", str(disk), library=lib)
    aside = tmp_path / "drive-contents"
    aside.mkdir()
    for child in disk.iterdir():
        child.rename(aside / child.name)  # what an unmounted drive leaves: its mount point, empty
    summary = sync(lib)
    assert summary["photos_offline"] == 26 and summary["photos_missing"] == 0


def test_a_subfolder_deleted_from_a_reachable_root_is_missing(disk: Path, tmp_path: Path) -> None:
    lib = tmp_path / "L"
    cli("import", str(disk), library=lib)
    shutil.rmtree(disk / "misc")
    summary = sync(lib)
    assert summary["photos_missing"] == 10 and summary["photos_offline"] == 0  # 11 files, one a copy


def test_failures_of_the_environment_are_retried(disk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that vanished mid-import (or could not be opened) is tried again by the next import."""
    lib = tmp_path / "L"
    flaky = str(disk / "family/2019/rose_img2.jpg")
    real = ingest_module.sha256_file

    def vanishing(path: str) -> str:
        if path == flaky:
            raise FileNotFoundError(errno.ENOENT, "No such file or directory", path)
        return real(path)

    monkeypatch.setattr(ingest_module, "sha256_file", vanishing)
    code, summary = cli("import", str(disk), library=lib)
    assert code == 1 and summary["failed"] == [{"path": flaky, "reason": "cannot read the file: No such file or"
                                                                          " directory"}]
    monkeypatch.setattr(ingest_module, "sha256_file", real)
    summary = sync(lib)
    assert summary["exit"] == 0 and summary["photos_retried"] == 1 and summary["photos_new"] == 1
    assert summary["photos_failed"] == 0


def test_broken_content_stays_failed_until_the_file_changes(disk: Path, tmp_path: Path) -> None:
    lib = tmp_path / "L"
    broken = disk / "events/broken.jpg"
    broken.write_bytes(b"\xff\xd8 not really a jpeg")
    code, summary = cli("import", str(disk), library=lib)
    assert code == 1 and summary["photos_failed"] == 1
    summary = sync(lib)
    assert summary["photos_retried"] == 0 and summary["photos_failed"] == 1
    assert cli("photos", "--status", "failed", library=lib)[1][0]["path"] == str(broken)
    broken.unlink()
    assert sync(lib)["photos_failed"] == 0
    assert cli("photos", "--status", "failed", library=lib)[1] == []  # a failed file deleted is forgotten


def _one_photo(photos_dir: Path, tmp_path: Path) -> Path:
    single = tmp_path / "single"
    single.mkdir()
    shutil.copyfile(photos_dir / "family/2019/biden.jpg", single / "biden.jpg")
    return single


def test_an_unwritable_cache_is_never_blamed_on_the_photo(photos_dir: Path, tmp_path: Path) -> None:
    lib = tmp_path / "L"
    lib.mkdir()
    (lib / "cache").write_text("a file where the cache folder should be")
    with open_library(lib) as library:
        report = ingest([_one_photo(photos_dir, tmp_path)], library, LocalEngine(library), workers=1)
    assert report.photos_failed == 0 and report.faces == 1
    assert len(report.warnings) == 1 and "thumbnails cannot be written" in report.warnings[0]


def test_a_full_disk_for_thumbnails_is_a_warning_and_the_photo_is_imported(
        photos_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from beetroot_desktop.pipeline import analyze

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(analyze, "save_thumbnail", full)
    lib = tmp_path / "L"
    with open_library(lib) as library:
        report = ingest([_one_photo(photos_dir, tmp_path)], library, LocalEngine(library), workers=1)
    assert report.photos_failed == 0 and report.faces == 1
    assert "No space left on device" in report.warnings[0]
    assert "Warning: thumbnails cannot be written" in report.summary()


def test_the_library_folder_is_never_imported(disk: Path, tmp_path: Path) -> None:
    lib = disk / "Beetroot"  # a library inside the photo folder, as users make them
    assert cli("import", str(disk), library=lib)[0] == 0
    thumbs = lib / "cache" / "photos" / "ab"  # thumbnails look like photos: JPEGs, many of them
    thumbs.mkdir(parents=True)
    shutil.copyfile(disk / "family/2019/biden.jpg", thumbs / "ab12-320.jpg")
    Image.open(disk / "events/obama1.jpg").convert("L").save(thumbs / "ab34-320.jpg")
    code, summary = cli("import", str(lib / "cache"), library=lib)
    assert code == 1 and summary["photos_new"] == 0
    assert summary["failed"][0]["reason"].startswith("inside the library's own folder")
    assert str(lib / "cache") not in import_roots(lib)
    for _ in range(2):  # a sync from above never reaches it either
        summary = sync(lib)
        assert summary["photos_new"] == 0 and summary["photos_failed"] == 0
    link = tmp_path / "link-to-cache"
    link.symlink_to(lib / "cache")
    assert cli("import", str(link), library=lib)[1]["photos_new"] == 0


def library_files(lib: Path) -> list[str]:
    """The library folder's files, without SQLite's -wal and -shm (a reader may make them)."""
    return sorted(p.name for p in lib.iterdir() if not p.name.endswith(("-wal", "-shm")))


def test_rebuild_with_nothing_to_import_leaves_the_library_alone(disk: Path, tmp_path: Path) -> None:
    lib = tmp_path / "L"
    cli("import", str(disk / "family"), library=lib)
    shutil.rmtree(disk / "family")
    before = library_files(lib)
    assert main(["rebuild", "--force", "--library", str(lib)]) == 2
    assert library_files(lib) == before  # nothing set aside


def test_sync_of_an_empty_library_says_what_to_do(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "--library", str(tmp_path / "L")]) == 2
    assert "nothing has been imported" in capsys.readouterr().err


def test_people_json_lists_present_and_offline_photos_never_missing(disk: Path, tmp_path: Path) -> None:
    lib = tmp_path / "L"
    cli("import", str(disk / "family"), str(disk / "misc"), library=lib)
    (disk / "family/2019/rose_img1.jpg").unlink()  # missing: family is reachable
    (disk / "misc").rename(tmp_path / "misc-away")  # offline: the whole root is out of reach
    summary = sync(lib)
    assert summary["photos_missing"] == 1 and summary["photos_offline"] >= 10
    listed = {p for paths in people_paths(lib).values() for p in paths}
    assert str(disk / "family/2019/rose_img1.jpg") not in listed
    assert str(disk / "misc/obama_small.jpg") in listed


def test_sync_reports_in_the_json_summary_fields_scripts_rely_on(disk: Path, tmp_path: Path) -> None:
    lib = tmp_path / "L"
    code, summary = cli("import", str(disk), library=lib)
    assert code == 0
    for key in ("photos_moved", "photos_missing", "photos_offline", "photos_retried"):
        assert summary[key] == 0
    assert set(ImportReport().to_json()) <= set(summary)


# -- what a hostile pass found -------------------------------------------------------------------------------
def test_a_deleted_single_file_root_is_missing_and_the_sync_succeeds(disk: Path, tmp_path: Path) -> None:
    lib = tmp_path / "L"
    photo = disk / "family/2019/biden.jpg"
    assert cli("import", str(photo), library=lib)[0] == 0
    photo.unlink()
    summary = sync(lib)
    assert summary["exit"] == 0 and summary["photos_failed"] == 0 and summary["photos_missing"] == 1
    assert cli("prune", library=lib)[1]["removed"] == 1


def test_a_swap_of_files_with_the_same_size_and_time_is_still_seen(disk: Path, tmp_path: Path) -> None:
    lib = tmp_path / "L"
    folder = disk / "same"
    folder.mkdir()
    a, b = folder / "a.jpg", folder / "b.jpg"
    data_a, data_b = (disk / "family/2019/biden.jpg").read_bytes(), (disk / "family/2019/rose_img1.jpg").read_bytes()
    size = max(len(data_a), len(data_b))
    a.write_bytes(data_a.ljust(size, b"\0"))  # JPEG decoders ignore what follows the image
    b.write_bytes(data_b.ljust(size, b"\0"))
    for p in (a, b):
        os.utime(p, ns=(1_577_836_800_000_000_000, 1_577_836_800_000_000_000))
    cli("import", str(folder), library=lib)
    biden, rose = person_at(lib, a), person_at(lib, b)
    tmp = folder / "t"
    a.rename(tmp), b.rename(a), tmp.rename(b)
    summary = sync(lib)
    assert summary["engine_calls"] == 0 and summary["photos_new"] == 0
    assert person_at(lib, a) == rose and person_at(lib, b) == biden


@pytest.mark.parametrize("how", ["empty subfolder", "dangling link", "housekeeping files left"])
def test_a_drive_out_of_reach_below_a_root_is_offline_not_missing(disk: Path, tmp_path: Path, how: str) -> None:
    lib = tmp_path / "L"
    drive = tmp_path / "drive"
    shutil.move(str(disk / "family"), str(drive))
    if how == "dangling link":
        (disk / "family").symlink_to(drive, target_is_directory=True)
    else:
        (disk / "family").mkdir()  # a mount point, while the drive is mounted on it: here, a copy back
        shutil.rmtree(disk / "family")
        shutil.copytree(drive, disk / "family")
    cli("import", str(disk), library=lib)
    if how == "dangling link":
        drive.rename(tmp_path / "unplugged")
    else:
        shutil.rmtree(disk / "family")
        (disk / "family").mkdir()  # unmounted: the mount point is left, empty
        if how == "housekeeping files left":
            (disk / "family" / ".DS_Store").write_bytes(b"\0")
            (disk / "family" / "lost+found").mkdir()
    summary = sync(lib)
    # 10 files, one of them a copy of a photo in misc/ (still present there): 9 photos out of reach.
    assert summary["photos_missing"] == 0 and summary["photos_offline"] == 9
    assert cli("prune", library=lib)[1]["removed"] == 0


def test_an_empty_mount_point_as_root_with_housekeeping_files_is_offline(disk: Path, tmp_path: Path) -> None:
    lib = tmp_path / "L"
    cli("import", str(disk), library=lib)
    disk.rename(tmp_path / "away")
    disk.mkdir()
    (disk / ".DS_Store").write_bytes(b"\0")
    (disk / "lost+found").mkdir()
    summary = sync(lib)
    assert summary["photos_offline"] == 26 and summary["photos_missing"] == 0
    before = library_files(lib)
    assert main(["rebuild", "--force", "--library", str(lib)]) == 2  # nothing it could import: left alone
    assert library_files(lib) == before


def test_many_copies_of_broken_content_all_fail_and_none_is_left_pending(tmp_path: Path) -> None:
    folder = tmp_path / "junk"
    for d in range(6):
        (folder / f"d{d}").mkdir(parents=True)
        for i in range(8):
            (folder / f"d{d}" / f"f{i}.jpg").write_text(f"junk {i}")  # 8 contents, 6 copies of each
    code, summary = cli("import", str(folder), library=tmp_path / "L")
    assert code == 1 and summary["pending"] == 0 and summary["photos_failed"] == 48
    code, summary = cli("import", library=tmp_path / "L")
    assert summary["pending"] == 0 and summary["photos_failed"] == 48 and summary["photos_new"] == 0


def test_a_folder_renamed_to_bytes_that_are_not_text_loses_no_photo(disk: Path, tmp_path: Path) -> None:
    lib = tmp_path / "L"
    cli("import", str(disk), library=lib)
    os.rename(os.fsencode(disk / "family" / "2020"), os.fsencode(disk / "family") + b"/bad\xff\xfebytes")
    summary = sync(lib)
    assert summary["photos_missing"] == 0
    assert len([f for f in summary["failed"] if "not valid text" in f["reason"]]) == 5
    assert cli("prune", library=lib)[1]["removed"] == 0


def test_reading_commands_never_make_a_library_at_a_mistyped_path(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    typo = tmp_path / "Beetrot"
    for command in (["people"], ["faces"], ["photos"], ["export-xmp"], ["review"]):
        assert main([*command, "--library", str(typo), "--json"]) == 0  # nothing to show, and it says why
        assert "there is no library at" in capsys.readouterr().err
    assert main(["prune", "--library", str(typo)]) == 2  # a command that would change it is refused
    assert not typo.exists()
