"""The folder watcher (pipeline/watch.py) on real folders with the real watchdog: which folders it reports,
when (quiet, then at most so long after the first change), and what it never reports."""

from __future__ import annotations

import errno
import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from beetroot_desktop.pipeline.watch import FolderWatcher, Root, rescan_targets

# Real folders, real watchdog threads and real waits (seconds): with the integration tests, not in the
# fast layer.
pytestmark = pytest.mark.slow

QUIET, LONGEST, POLL = 0.2, 2.0, 0.3


class Reports:
    """What the watcher reported, as it reports it (on its own thread)."""

    def __init__(self) -> None:
        self.calls: list[tuple[float, list[str]]] = []
        self.lock = threading.Lock()
        self.came = threading.Event()

    def __call__(self, folders: list[str]) -> None:
        with self.lock:
            self.calls.append((time.monotonic(), folders))
        self.came.set()

    def next(self, timeout: float = 5.0) -> list[str]:
        """The folders of the next report (waits for it)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if self.calls:
                    return self.calls.pop(0)[1]
            self.came.wait(0.05)
            self.came.clear()
        raise AssertionError("no report came")

    def none_for(self, seconds: float) -> bool:
        time.sleep(seconds)
        with self.lock:
            return not self.calls


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "Pictures"
    (root / "Trip" / "Day1").mkdir(parents=True)
    (root / "Home").mkdir()
    (root / "Trip" / "a.jpg").write_bytes(b"a")
    (root / "Trip" / "Day1" / "b.jpg").write_bytes(b"b")
    return root


def watching(roots: list[Path], reports: Reports, **kwargs: object) -> FolderWatcher:
    options = {"quiet_s": QUIET, "max_wait_s": LONGEST, "poll_s": POLL, **kwargs}
    watcher = FolderWatcher(reports, **options)  # type: ignore[arg-type]
    watcher.start(roots)
    assert watcher.wait_watching(10)
    return watcher


@pytest.fixture
def cleanup() -> object:
    started: list[FolderWatcher] = []
    yield started
    for watcher in started:
        assert watcher.stop()


def test_a_new_photo_reports_its_folder_and_other_files_nothing(tree, cleanup):
    reports = Reports()
    cleanup.append(watcher := watching([tree], reports))
    assert watcher.watched == [str(tree)] and watcher.problem is None
    (tree / "Trip" / "notes.txt").write_text("not a photo")
    assert reports.none_for(QUIET * 3)
    (tree / "Trip" / "Day1" / "c.jpg").write_bytes(b"c")
    assert reports.next() == [str(tree / "Trip" / "Day1")]
    (tree / "Home" / ".hidden").mkdir()
    (tree / "Home" / ".hidden" / "d.jpg").write_bytes(b"d")  # the import never walks into hidden folders
    assert reports.none_for(QUIET * 3)


def test_deleting_a_photo_or_a_folder_reports_what_is_still_there(tree, cleanup):
    reports = Reports()
    cleanup.append(watching([tree], reports))
    (tree / "Trip" / "a.jpg").unlink()
    assert reports.next() == [str(tree / "Trip")]
    shutil.rmtree(tree / "Trip" / "Day1")  # its photos are gone: its nearest existing ancestor is looked at
    assert reports.next() == [str(tree / "Trip")]
    shutil.move(str(tree / "Trip"), str(tree.parent / "Elsewhere"))  # moved out of the root: gone from it
    assert reports.next() == [str(tree)]


def test_renames_and_moves_report_both_ends(tree, cleanup):
    reports = Reports()
    cleanup.append(watching([tree], reports))
    (tree / "Trip" / "a.jpg").rename(tree / "Trip" / "renamed.jpg")
    assert reports.next() == [str(tree / "Trip")]
    (tree / "Trip" / "renamed.jpg").rename(tree / "Home" / "moved.jpg")
    assert reports.next() == [str(tree / "Home"), str(tree / "Trip")]
    (tree / "Home" / "partial.jpg.part").write_bytes(b"x")
    (tree / "Home" / "partial.jpg.part").rename(tree / "Home" / "done.jpg")  # a download that finished
    assert reports.next() == [str(tree / "Home")]
    (tree / "Trip" / "Day1").rename(tree / "Home" / "Day1")  # a folder moved: where it was, and where it is
    assert reports.next() == [str(tree / "Home" / "Day1"), str(tree / "Trip")]


def test_a_burst_of_changes_is_one_report_after_the_quiet(tree, cleanup):
    reports = Reports()
    cleanup.append(watching([tree], reports, quiet_s=0.4, max_wait_s=10.0))
    started = time.monotonic()
    for i in range(8):
        (tree / "Home" / f"burst{i}.jpg").write_bytes(b"x" * 100)
        (tree / "Trip" / f"burst{i}.jpg").write_bytes(b"x" * 100)
        time.sleep(0.1)
    last_write = time.monotonic()
    assert reports.next() == [str(tree / "Home"), str(tree / "Trip")]
    assert reports.none_for(0.8)  # one report for the whole burst
    assert not reports.calls
    assert time.monotonic() - started >= 0.8 and last_write - started >= 0.7


def test_changes_that_never_pause_are_reported_after_the_longest_wait(tree, cleanup):
    reports = Reports()
    cleanup.append(watching([tree], reports, quiet_s=0.5, max_wait_s=1.0))
    started = time.monotonic()
    reported_at = None
    for i in range(40):  # a copy that writes every 0.1 s for 4 s: never 0.5 s of quiet
        (tree / "Home" / f"slow{i}.jpg").write_bytes(b"x")
        with reports.lock:
            if reports.calls and reported_at is None:
                reported_at = reports.calls[0][0]
        time.sleep(0.1)
    assert reported_at is not None, "nothing was reported while the changes went on"
    assert 0.9 <= reported_at - started <= 2.5


def test_nothing_inside_the_library_folder_is_ever_reported(tree, cleanup):
    library = tree / "Beetroot"  # a library kept inside an imported folder
    (library / "cache").mkdir(parents=True)
    reports = Reports()
    cleanup.append(watching([tree], reports, library_dir=library))
    for i in range(5):
        (library / "cache" / f"thumb{i}.jpg").write_bytes(b"t")
    (library / "cache" / "thumb0.jpg").unlink()
    assert reports.none_for(QUIET * 4)
    (tree / "Home" / "real.jpg").write_bytes(b"r")
    assert reports.next() == [str(tree / "Home")]


def test_a_library_reached_through_a_link_is_ignored_too(tmp_path, cleanup):
    real = tmp_path / "disk" / "Photos"
    (real / "Beetroot" / "cache").mkdir(parents=True)
    link = tmp_path / "Photos"
    link.symlink_to(real)
    reports = Reports()
    cleanup.append(watching([link], reports, library_dir=real / "Beetroot"))
    (real / "Beetroot" / "cache" / "thumb.jpg").write_bytes(b"t")
    assert reports.none_for(QUIET * 4)
    (real / "new.jpg").write_bytes(b"n")
    assert reports.next() == [str(link)]


def test_a_photo_imported_on_its_own_is_reported_alone(tmp_path, cleanup):
    folder = tmp_path / "Downloads"
    folder.mkdir()
    photo = folder / "one.jpg"
    photo.write_bytes(b"1")
    reports = Reports()
    cleanup.append(watching([photo], reports))
    (folder / "neighbour.jpg").write_bytes(b"n")  # not imported: not the library's business
    assert reports.none_for(QUIET * 4)
    photo.write_bytes(b"changed")
    assert reports.next() == [str(photo)]
    photo.unlink()
    assert reports.next() == [str(photo)]


def test_a_root_that_goes_away_and_comes_back_is_reported_each_time(tree, cleanup):
    reports = Reports()
    cleanup.append(watcher := watching([tree], reports))
    away = tree.parent / "unplugged"
    tree.rename(away)  # an unplugged drive: no event, the poll notices
    assert reports.next() == [str(tree)]
    assert watcher.watched == []
    (away / "Home" / "while-away.jpg").write_bytes(b"w")  # the old folder is no longer watched
    assert reports.none_for(QUIET * 3)
    away.rename(tree)
    assert reports.next() == [str(tree)]
    assert watcher.watched == [str(tree)]
    (tree / "Home" / "after.jpg").write_bytes(b"a")  # and watched again
    assert reports.next() == [str(tree / "Home")]


def test_a_root_imported_before_it_exists_is_watched_once_it_does(tmp_path, cleanup):
    later = tmp_path / "Card"
    reports = Reports()
    cleanup.append(watcher := watching([later], reports))
    assert watcher.watched == []
    later.mkdir()
    assert reports.next() == [str(later)]
    (later / "x.jpg").write_bytes(b"x")
    assert reports.next() == [str(later)]


def test_retarget_watches_the_new_roots_only(tree, tmp_path, cleanup):
    other = tmp_path / "Other"
    other.mkdir()
    reports = Reports()
    cleanup.append(watcher := watching([tree], reports))
    watcher.retarget([other])
    assert watcher.wait_watching(10)
    assert watcher.watched == [str(other)]
    (tree / "Home" / "old.jpg").write_bytes(b"o")
    assert reports.none_for(QUIET * 3)
    (other / "new.jpg").write_bytes(b"n")
    assert reports.next() == [str(other)]
    watcher.retarget([tree, other, tree / "Trip"])  # a folder inside a root: watched once, reported as itself
    assert watcher.wait_watching(10)
    assert sorted(watcher.watched) == sorted([str(tree), str(other), str(tree / "Trip")])
    (tree / "Trip" / "Day1" / "n.jpg").write_bytes(b"n")
    assert reports.next() == [str(tree / "Trip" / "Day1")]


def test_stop_ends_the_watching_at_once(tree):
    reports = Reports()
    watcher = watching([tree], reports)
    (tree / "Home" / "pending.jpg").write_bytes(b"p")
    started = time.monotonic()
    assert watcher.stop()
    assert time.monotonic() - started < 2.0 and not watcher.running
    assert reports.none_for(QUIET * 3)  # what was pending is dropped
    watcher.start([tree])  # and it can start again
    assert watcher.wait_watching(10)
    (tree / "Home" / "again.jpg").write_bytes(b"a")
    assert reports.next() == [str(tree / "Home")]
    assert watcher.stop()


@pytest.mark.skipif(not os.path.isdir("/proc/sys/fs/inotify"), reason="the inotify watch limit is Linux's")
def test_the_system_watch_limit_leaves_out_some_folders_and_says_so(tree, tmp_path, cleanup, monkeypatch):
    from watchdog.observers.inotify_c import InotifyFD

    real = InotifyFD.add_callback
    refused_root = tmp_path / "Refused"
    refused_root.mkdir()

    def limited(self, path, mask, callback, id_):  # type: ignore[no-untyped-def]
        name = os.fsdecode(path)
        if name.endswith("Day1") or name == str(refused_root):
            raise OSError(errno.ENOSPC, "inotify watch limit reached")
        return real(self, path, mask, callback, id_)

    monkeypatch.setattr(InotifyFD, "add_callback", limited)
    problems: list[str | None] = []
    reports = Reports()
    cleanup.append(watcher := watching([tree, refused_root], reports, on_problem=problems.append))
    problem = watcher.problem
    assert problem is not None and problems[-1] == problem
    assert "1 folder is not watched" in problem and "fs.inotify.max_user_watches" in problem
    assert f"{refused_root} is not watched" in problem
    assert watcher.watched == [str(tree)]  # what could be watched is
    (tree / "Home" / "still.jpg").write_bytes(b"s")
    assert reports.next() == [str(tree / "Home")]
    monkeypatch.setattr(InotifyFD, "add_callback", real)  # the limit raised: watching the roots again clears it
    watcher.retarget([tree])
    assert watcher.wait_watching(10)
    assert watcher.problem is not None  # the subfolder left out of the tree watched before is still out
    watcher.retarget([])
    assert watcher.wait_watching(10)
    watcher.retarget([tree])
    assert watcher.wait_watching(10)
    assert watcher.problem is None and problems[-1] is None


def test_rescan_targets_keep_each_folder_once_and_never_leave_the_root(tmp_path):
    root = tmp_path / "Pictures"
    (root / "A" / "B").mkdir(parents=True)
    roots = [Root(str(root), False), Root(str(tmp_path / "one.jpg"), True)]
    changed = [(str(root / "A" / "B" / "x.jpg"), False), (str(root / "A" / "y.jpg"), False),
               (str(root / "Gone" / "Deeper"), True), (str(tmp_path / "two.jpg"), False),
               (str(tmp_path / "one.jpg"), False), (str(tmp_path.parent / "elsewhere.jpg"), False)]
    assert rescan_targets(changed, roots) == sorted([str(root), str(tmp_path / "one.jpg")])
    assert rescan_targets(changed[:2], roots) == [str(root / "A")]
    gone = tmp_path / "Unplugged"
    assert rescan_targets([(str(gone / "Trip" / "x.jpg"), False)], [Root(str(gone), False)]) == [str(gone)]
