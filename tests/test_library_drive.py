"""A library on a drive that is not connected: said as such, and never made anew on the empty mount point
(the user would see an empty library and, worse, fill it while their own waits on the drive)."""

from __future__ import annotations

import getpass
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest

from beetroot_desktop.config import Settings
from beetroot_desktop.library import LibraryUnreachable, open_library, store


@pytest.fixture
def media(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder where drives are mounted, as /media is."""
    folder = tmp_path / "media"
    folder.mkdir()
    monkeypatch.setattr(store, "MOUNT_PARENTS", (str(folder),))
    return folder


def test_a_library_on_a_missing_drive_is_refused_and_nothing_is_made(media: Path, tmp_path: Path) -> None:
    user = media / getpass.getuser()
    # The first part that is not there is named: the drive's folder, or the user's folder of drives
    for library_dir, drive in ((media / "USB" / "Beetroot", media / "USB"), (user / "USB" / "Beetroot", user)):
        with pytest.raises(LibraryUnreachable) as refused:
            open_library(library_dir)
        assert str(refused.value) == (f"the library folder {library_dir} is on a drive that is not connected ({drive}):"
                                      " connect it, then open the library again")
    assert list(media.iterdir()) == []  # not even the user's folder was made
    user.mkdir()  # drives were mounted for the user before: the drive's folder is what is missing
    with pytest.raises(LibraryUnreachable, match=f"not connected \\({user / 'USB'}\\)"):
        open_library(user / "USB" / "Beetroot")
    user.rmdir()
    # A drive that is there (a folder below where drives are mounted), or anywhere else: made as always.
    (media / "data").mkdir()
    with open_library(media / "data" / "Beetroot"):
        pass
    with open_library(tmp_path / "new" / "Beetroot"):
        pass
    assert (media / "data" / "Beetroot" / "library.sqlite3").exists()


def test_the_window_says_so_and_opens_the_library_once_the_drive_is_back(german: None, qtbot: Any, media: Path) -> None:
    from beetroot_desktop.ui.main_window import MainWindow

    library_dir = media / "USB" / "Beetroot"
    window = MainWindow(Settings(workers=1), library_dir)
    qtbot.addWidget(window)
    window.show()
    assert not window.open_library()
    assert not hasattr(window, "recovery_box")  # nothing to set aside
    banner = window.error_banner
    assert banner.label.text() == (
        f"Die Bibliothek in {library_dir} kann nicht geöffnet werden: der Bibliotheksordner {library_dir} liegt auf"
        f" einem Laufwerk, das nicht verbunden ist ({media / 'USB'}): verbinden Sie es und öffnen Sie die"
        " Bibliothek dann erneut.")
    assert banner.action.isVisible() and banner.action.text() == "Erneut versuchen"
    assert window.pages.currentWidget() is window.loading and window.loading.text() == "Keine Bibliothek geöffnet."
    banner.action.click()  # still not there: said again
    assert window.ctx is None and banner.isVisible() and not (media / "USB").exists()

    (media / "USB").mkdir()  # the drive is connected
    banner.action.click()
    assert window.ctx is not None and not banner.isVisible()
    assert (library_dir / "library.sqlite3").exists()


@pytest.mark.skipif(not Path("/mnt").is_dir() or Path("/mnt").is_mount(), reason="needs a plain /mnt folder")
def test_the_command_line_refuses_it_too(tmp_path: Path) -> None:
    library_dir = Path("/mnt") / f"beetroot-drive-{uuid.uuid4().hex}" / "Beetroot"
    done = subprocess.run([sys.executable, "-m", "beetroot_desktop", "import", str(tmp_path), "--library",
                           str(library_dir)], capture_output=True, text=True, timeout=120)
    assert done.returncode != 0 and not library_dir.parent.exists()
    assert "is on a drive that is not connected" in done.stderr, done.stderr
