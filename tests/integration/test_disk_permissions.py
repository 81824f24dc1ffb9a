"""Permissions, for real: a file that cannot be read and a folder that cannot be entered are listed with
their reason, and the next import after the user fixes them imports them (they are not failed for good).

The superuser reads everything, so when the suite runs as root the commands run without the capabilities
that let it (they then meet the permissions as any user does).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
_PR_CAPBSET_DROP, _CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 24, 1, 2


def _as_user() -> dict[str, object]:
    """The superuser reads everything: its commands run without the two capabilities that let it."""
    if os.geteuid() != 0:
        return {}

    def drop() -> None:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        for cap in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):  # gone from the bounding set: lost at exec
            if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "prctl")

    return {"preexec_fn": drop}


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="beetroot-perm-"))
    folder.chmod(0o777)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o777)
    shutil.rmtree(folder, ignore_errors=True)


def beetroot(*args: str, home: Path) -> tuple[int, dict[str, object], str]:
    env = {**os.environ, "HOME": str(home), "BEETROOT_CONFIG_DIR": str(home / "config"),
           "BEETROOT_LOG_DIR": str(home / "logs"), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-m", "beetroot_desktop", *args, "--json", "--workers", "1"],
                          capture_output=True, text=True, env=env, timeout=300, **_as_user())  # type: ignore[call-overload]
    lines = proc.stdout.strip().splitlines()
    return proc.returncode, json.loads(lines[-1]) if lines else {}, proc.stderr


def test_unreadable_file_and_unsearchable_folder_are_listed_then_retried(shared_dir: Path, photos_dir: Path) -> None:
    (shared_dir / "probe").write_text("")
    (shared_dir / "probe").chmod(0o000)
    probe = subprocess.run([sys.executable, "-c", f"open({str(shared_dir / 'probe')!r}).read()"],
                           capture_output=True, **_as_user())  # type: ignore[call-overload]
    if probe.returncode == 0:
        pytest.skip("permissions cannot be taken away here (a superuser that keeps its capabilities)")
    photos = shared_dir / "photos"
    locked = photos / "locked"  # listed, but not entered: read permission without search permission
    locked.mkdir(parents=True)
    shutil.copyfile(photos_dir / "family/2019/biden.jpg", photos / "biden.jpg")
    shutil.copyfile(photos_dir / "family/2019/rose_img1.jpg", photos / "rose.jpg")
    shutil.copyfile(photos_dir / "family/2019/obama.jpg", locked / "obama.jpg")
    (photos / "rose.jpg").chmod(0o000)
    locked.chmod(0o644)
    for path in (shared_dir, photos):
        path.chmod(0o777)
    library = shared_dir / "library"

    code, summary, err = beetroot("import", str(photos), "--library", str(library), home=shared_dir)
    assert code == 1, err
    reasons = {f["path"]: f["reason"] for f in summary["failed"]}  # type: ignore[attr-defined]
    assert reasons == {
        str(photos / "rose.jpg"): "cannot read the file: Permission denied",
        str(locked / "obama.jpg"): "cannot be read: permission denied (the folder holding it cannot be entered)",
    }
    assert summary["photos_new"] == 1

    code, summary, err = beetroot("import", "--library", str(library), home=shared_dir)  # nothing fixed yet
    assert code == 1 and summary["photos_failed"] == 2 and summary["photos_retried"] == 1

    (photos / "rose.jpg").chmod(0o644)
    locked.chmod(0o755)
    code, summary, err = beetroot("import", "--library", str(library), home=shared_dir)
    assert code == 0, err
    assert summary["photos_failed"] == 0 and summary["photos_new"] == 2 and summary["photos_retried"] == 1
