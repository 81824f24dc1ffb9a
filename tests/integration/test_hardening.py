"""Defects found by an adversarial pass, each through the real `beetroot` command in a subprocess.

Every test here failed before its fix: a traceback, a wrong exit code, the wrong library, raw control
characters on the terminal. The environment is the isolated one of conftest.py (config, logs and the
default library in temp folders); HOME and the XDG folders point into the test's temp folder too, so
even a regression that opens the platform's default library never touches the real one.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import pytest
from keyring.backend import KeyringBackend
from procs import REPO, can_drop_root_file_access, drop_root_file_access

# Only names that existed before the fixes at module level, so each test fails on its own on the old code.
from beetroot_desktop.config import ConfigError, load_settings, settings_path
from beetroot_desktop.library import FaceRecord, open_library

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
TRACEBACK = "Traceback (most recent call last)"


pytestmark = pytest.mark.slow  # the real `beetroot` command in a subprocess, one per case


class SubprocessKeyring(KeyringBackend):
    """An in-memory keyring for `aws-login` in a subprocess (PYTHON_KEYRING_BACKEND names this class)."""

    priority = 1  # type: ignore[assignment]
    store: ClassVar[dict[tuple[str, str], str]] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


def beetroot(*args: str, env: dict[str, str | None] | None = None, cwd: Path | None = None,
             as_user: bool = False, stdin: str | None = None,
             wrapper: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m beetroot_desktop ARGS` with the test's isolated environment.

    `env` values of None remove a variable. `as_user`: as root, drop the capabilities that let root write
    any file, so permission bits count as for an ordinary user. `wrapper`: Python code run before main().
    """
    # The helpers in tests/, and this module (PYTHON_KEYRING_BACKEND=test_hardening.SubprocessKeyring).
    here = Path(__file__).resolve().parent
    full = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), str(REPO / "tests"), str(here)])}
    home = Path(full["BEETROOT_CONFIG_DIR"]).parent / "home"
    full.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"))
    for key, value in (env or {}).items():
        if value is None:
            full.pop(key, None)
        else:
            full[key] = value
    command = [sys.executable, "-m", "beetroot_desktop", *args]
    if wrapper is not None:
        command = [sys.executable, "-c", wrapper + "\nfrom beetroot_desktop.cli.main import main\n"
                   "raise SystemExit(main(sys.argv[1:]))", *args]
    return subprocess.run(command, env=full, cwd=cwd, capture_output=True, text=True, input=stdin,
                          encoding="utf-8", errors="surrogateescape", timeout=300,
                          preexec_fn=drop_root_file_access if as_user and IS_ROOT else None)


def no_traceback(run: subprocess.CompletedProcess[str]) -> None:
    assert TRACEBACK not in run.stderr, run.stderr


def make_library(where: Path, *, photo: str = "/photos/a.jpg", name: str | None = None) -> Path:
    """A small real library (one photo, one face, one person) without running the face detector."""
    face = FaceRecord(idx=0, bbox=(10, 20, 30, 40), score=1.0, engine="local", status="indexed",
                      descriptor=np.arange(128, dtype=np.float32), person_id="p1", engine_face_id="p1")
    with open_library(where) as lib:
        lib.record_photo(photo, sha256="a" * 64, size=1, mtime_ns=1, width=100, height=80, taken_at=None,
                         faces=[face])
        if name is not None:
            lib.rename_person("p1", name)
        lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return where


@pytest.fixture
def empty_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "nothing-to-import"
    folder.mkdir()
    return folder


# -- 1. a settings file with the wrong types ----------------------------------------------------------------
BAD_SETTINGS = {
    "list": ("[1,2]", None),
    "string": ('"str"', None),
    "threshold-text": ('{"threshold":"abc"}', "threshold"),
    "threshold-null": ('{"threshold":null}', "threshold"),
    "workers-text": ('{"workers":"x"}', "workers"),
    "rate-limit-text": ('{"rate_limit":"fast"}', "rate_limit"),
    "workers-fraction": ('{"workers":2.5}', "workers"),
    "invalid-json": ("{not json", None),
}


@pytest.mark.parametrize("case", sorted(BAD_SETTINGS))
def test_wrong_types_in_settings_never_traceback_and_unset_repairs(case: str, empty_dir: Path):
    text, key = BAD_SETTINGS[case]
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)

    run = beetroot("import", str(empty_dir), "--json")  # uses every setting: refused, with the way out
    no_traceback(run)
    assert run.returncode == 2 and str(path) in run.stderr, run.stderr
    assert f"beetroot config unset {key or 'KEY'}" in run.stderr
    if key is not None:
        assert f"settings file {path}: {key} must be" in run.stderr
    for command in (["people"], ["faces"], ["config", "show"]):  # only need the library: default + warning
        run = beetroot(*command)
        no_traceback(run)
        assert run.returncode == 0 and f"warning: settings file {path}" in run.stderr, (command, run.stderr)

    run = beetroot("config", "unset", key or "threshold")  # the way out always works
    no_traceback(run)
    assert run.returncode == 0, run.stderr
    assert json.loads(path.read_text())["threshold"] == 95.0
    assert beetroot("import", str(empty_dir)).returncode == 0
    if key is None:
        assert path.with_name("settings.json.invalid").read_text() == text  # the broken file is kept


@pytest.mark.parametrize("case", ["workers-text", "list", "invalid-json"])
def test_config_set_of_a_valid_value_repairs_the_file(case: str, empty_dir: Path):
    text, _ = BAD_SETTINGS[case]
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text(text)
    run = beetroot("config", "set", "threshold", "90")
    no_traceback(run)
    assert run.returncode == 0 and json.loads(settings_path().read_text())["threshold"] == 90.0
    run = beetroot("config", "set", "engine", "local")  # another key, once the file is repaired
    assert run.returncode == 0 and run.stderr == ""
    assert beetroot("import", str(empty_dir)).returncode == 0


def test_setting_another_key_with_a_bad_value_in_the_file_warns_and_repairs(empty_dir: Path):
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text('{"threshold":"abc","aws_region":"eu-west-1"}')
    run = beetroot("config", "set", "engine", "local")
    no_traceback(run)
    assert run.returncode == 0 and "threshold is back to its default" in run.stderr
    saved = json.loads(settings_path().read_text())
    assert (saved["threshold"], saved["aws_region"], saved["engine"]) == (95.0, "eu-west-1", "local")


@pytest.mark.parametrize("case", sorted(BAD_SETTINGS))
def test_load_settings_raises_config_error_naming_the_file(case: str):
    """The GUI starts with defaults on ConfigError (ui/app.py); any other exception aborted it."""
    text, key = BAD_SETTINGS[case]
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text(text)
    with pytest.raises(ConfigError, match=str(settings_path())):
        load_settings()
    from beetroot_desktop.config import read_settings

    settings, problems = read_settings()
    assert settings.threshold == 95.0 and settings.workers == 0 and settings.rate_limit == 5.0
    assert [p.key for p in problems] == [key]


def test_one_validator_per_setting_used_by_config_set(empty_dir: Path):
    bad = {"threshold": "120", "workers": "-1", "rate_limit": "0", "engine": "cloud", "detector": "magic",
           "collection_id": "my faces/2024", "aws_region": "Europe", "library_dir": str(settings_path().parent)}
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    (settings_path().parent / "a-file").write_text("x")
    bad["library_dir"] = str(settings_path().parent / "a-file")
    for key, value in bad.items():
        run = beetroot("config", "set", key, value)
        no_traceback(run)
        assert run.returncode == 2 and key.split("_")[0] in run.stderr.lower(), (key, run.stderr)
    assert not settings_path().exists()


# -- 2. a library path that is a file -----------------------------------------------------------------------
COMMANDS_ON_A_LIBRARY: list[list[str]] = [
    ["people"], ["faces"], ["import", "{empty}"], ["costs"], ["regroup", "--threshold", "90", "--yes"],
    ["rebuild"], ["undo"], ["import", "--dry-run", "{empty}"],
]


@pytest.mark.parametrize("kind", ["env-file", "dev-null", "library-file"])
def test_a_library_path_that_is_a_file_is_a_usage_error(kind: str, tmp_path: Path, empty_dir: Path):
    real = make_library(tmp_path / "real")
    target = {"env-file": tmp_path / "afile", "dev-null": Path(os.devnull),
              "library-file": real / "library.sqlite3"}[kind]
    if kind == "env-file":
        target.write_text("not a folder")
    for command in COMMANDS_ON_A_LIBRARY:
        args = [part.replace("{empty}", str(empty_dir)) for part in command]
        if kind == "env-file":
            run = beetroot(*args, env={"BEETROOT_LIBRARY": str(target)})
        else:
            run = beetroot(*args, "--library", str(target))
        no_traceback(run)
        assert run.returncode == 2, (command, run.stderr)
        assert f"the library folder {target} is" in run.stderr and "not a folder" in run.stderr, run.stderr
    assert (real / "library.sqlite3").read_bytes()[:16] == b"SQLite format 3\x00"  # untouched


# -- 4. a full disk, a read-only library ---------------------------------------------------------------------
# SQLite's own limit on the file's size: the same SQLITE_FULL as a full disk, anywhere, without root.
PAGE_LIMIT = """
import sqlite3, sys
_connect = sqlite3.connect
def connect(*args, **kwargs):
    conn = _connect(*args, **kwargs)
    conn.execute("PRAGMA max_page_count = 41")  # a new library takes 38 pages: room for a few photos
    return conn
sqlite3.connect = connect
"""


def _check_stopped_by_full_disk(run: subprocess.CompletedProcess[str], lib: Path) -> None:
    no_traceback(run)
    assert run.returncode == 1, run.stderr
    assert f"the library in {lib} cannot be written: the disk is full" in run.stderr
    summary = json.loads(run.stdout.strip().splitlines()[-1])  # the summary line is still printed
    assert summary["photos_new"] >= 1 and summary["pending"] >= 1
    assert "the disk is full" in summary["stopped"]
    with open_library(lib) as library:  # what was committed before stays, consistent
        assert library.integrity_check() == "ok"
        assert library.photo_count() == summary["photos_new"]


def test_disk_full_during_import_says_so_and_prints_the_summary(tmp_path: Path, photos_dir: Path):
    lib = tmp_path / "lib"
    run = beetroot("import", str(photos_dir), "--library", str(lib), "--json", "--workers", "1",
                   wrapper=PAGE_LIMIT)
    _check_stopped_by_full_disk(run, lib)


@pytest.fixture
def small_disk(tmp_path: Path) -> Any:
    """A 1 MiB tmpfs (root only): a disk that really fills up."""
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    if not IS_ROOT or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root (the max_page_count test covers the same path)")
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1M", "tmpfs", str(mount_point)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode(errors='replace').strip()}")
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_disk_full_on_a_real_small_disk(small_disk: Path, photos_dir: Path):
    lib = small_disk / "lib"
    run = beetroot("import", str(photos_dir), "--library", str(lib), "--json")
    _check_stopped_by_full_disk(run, lib)


needs_permissions = pytest.mark.skipif(IS_ROOT and not can_drop_root_file_access(),
                                       reason="root cannot give up its file access here (no CAP_SETPCAP)")


@needs_permissions
@pytest.mark.parametrize("what", ["folder", "file", "both"])
def test_a_read_only_library_can_be_read_but_not_changed(what: str, tmp_path: Path, empty_dir: Path):
    lib = make_library(tmp_path / "lib", name="Ada")
    db = lib / "library.sqlite3"
    before = db.read_bytes()
    if what in ("file", "both"):
        db.chmod(0o444)
    if what in ("folder", "both"):
        lib.chmod(0o555)
    try:
        people = beetroot("people", "--library", str(lib), "--json", as_user=True)
        assert people.returncode == 0, people.stderr
        assert [p["name"] for p in json.loads(people.stdout)] == ["Ada"]
        faces = beetroot("faces", "--library", str(lib), as_user=True)
        assert faces.returncode == 0 and "/photos/a.jpg #0" in faces.stdout, faces.stderr
        costs = beetroot("costs", "--library", str(lib), as_user=True)
        assert costs.returncode == 0, costs.stderr
        for command in (["rename", "p1", "Bo"], ["undo"], ["import", str(empty_dir)],
                        ["regroup", "--threshold", "90", "--yes"]):
            run = beetroot(*command, "--library", str(lib), as_user=True)
            no_traceback(run)
            assert run.returncode == 2 and "read-only" in run.stderr, (command, run.stderr)
    finally:
        lib.chmod(0o755)
        db.chmod(0o644)
    assert db.read_bytes() == before


# -- 6. the saved library_dir -------------------------------------------------------------------------------
def test_people_faces_costs_and_edits_use_the_saved_library_dir(tmp_path: Path):
    lib = make_library(tmp_path / "saved-library", name="Ada")
    no_env = {"BEETROOT_LIBRARY": None}
    assert beetroot("config", "set", "library_dir", str(lib), env=no_env).returncode == 0
    people = beetroot("people", "--json", env=no_env)
    assert people.returncode == 0 and [p["name"] for p in json.loads(people.stdout)] == ["Ada"], people.stderr
    faces = beetroot("faces", "--json", env=no_env)
    assert [f["photo"] for f in json.loads(faces.stdout)] == ["/photos/a.jpg"]
    costs = beetroot("costs", env=no_env)
    assert costs.returncode == 0 and str(lib) in costs.stdout
    assert beetroot("rename", "p1", "Bo", env=no_env).returncode == 0
    with open_library(lib) as library:
        assert library.person("p1").name == "Bo"
    home = Path(os.environ["BEETROOT_CONFIG_DIR"]).parent / "home"
    assert not any(home.rglob("library.sqlite3"))  # no empty library made in the default place


# -- 7. a bound on workers ----------------------------------------------------------------------------------
def test_workers_are_bounded(empty_dir: Path):
    most = 2 * (os.cpu_count() or 1)  # MAX_WORKERS_PER_CORE per core
    run = beetroot("import", str(empty_dir), "--workers", "1000")
    no_traceback(run)
    assert run.returncode == 2 and f"--workers must be from 1 to {most}" in run.stderr, run.stderr
    assert beetroot("import", str(empty_dir), "--workers", str(most)).returncode == 0
    run = beetroot("config", "set", "workers", str(most + 1))
    assert run.returncode == 2 and f"at most {most}" in run.stderr
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text(json.dumps({"workers": 1000}))  # a saved value from elsewhere
    run = beetroot("import", str(empty_dir))
    assert run.returncode == 2 and f"workers must be at most {most}" in run.stderr, run.stderr


# -- 10. the collection id and the access key --------------------------------------------------------------
def test_an_empty_collection_id_in_the_environment_is_an_error(empty_dir: Path):
    env = {"REKOGNITION_COLLECTION_ID": "", "AWS_REGION": "us-east-1"}
    for args in (["import", "--dry-run", "--engine", "rekognition", str(empty_dir)],
                 ["import", str(empty_dir)], ["check-aws"]):
        run = beetroot(*args, env=env)
        no_traceback(run)
        assert run.returncode == 2 and "REKOGNITION_COLLECTION_ID" in run.stderr and "empty" in run.stderr, run.stderr
    run = beetroot("import", "--dry-run", "--engine", "rekognition", str(empty_dir),
                   env={"REKOGNITION_COLLECTION_ID": "bad id!", "AWS_REGION": "us-east-1"})
    assert run.returncode == 2 and "REKOGNITION_COLLECTION_ID" in run.stderr and "not a valid" in run.stderr


def test_one_access_key_and_one_collection_id_validator():
    from beetroot_desktop.config import COLLECTION_ID_RE, access_key_id_problem, collection_id_problem
    from beetroot_desktop.engines import aws_session, rekognition

    for key_id in ("AKIAIOSFODNN7EXAMPLE", "ASIA" + "A1" * 8):
        assert access_key_id_problem(key_id) is None
    for key_id in ("akiaiosfodnn7example", "AKIA\u00c4IOSFODNN7EXAMPL", "AKIA-IOSFODNN7EXAMPLE", "AKIA1234"):
        assert access_key_id_problem(key_id) is not None, key_id
    for bad in ("my faces/2024", "x" * 256, " "):
        assert collection_id_problem(bad, required=True) is not None
        with pytest.raises(Exception) as caught:
            aws_session.check_collection_id(bad)
        assert str(caught.value) == collection_id_problem(bad.strip(), required=True)
    assert rekognition.COLLECTION_ID is COLLECTION_ID_RE


@pytest.mark.parametrize("key_id", ["akiaiosfodnn7example", "AKIA\u00c4IOSFODNN7EXAMPL"])
def test_aws_login_refuses_what_the_settings_dialog_refuses(key_id: str):
    """The CLI accepted lowercase and non-ASCII letters (isalnum) that the GUI refused."""
    run = beetroot("aws-login", "--access-key-id", key_id, stdin="secret\n",
                   env={"PYTHON_KEYRING_BACKEND": "test_hardening.SubprocessKeyring"})
    no_traceback(run)
    assert run.returncode == 2 and "capital letters and digits" in run.stderr, run.stderr
    ok = beetroot("aws-login", "--access-key-id", "AKIAIOSFODNN7EXAMPLE", stdin="secret\n",
                  env={"PYTHON_KEYRING_BACKEND": "test_hardening.SubprocessKeyring"})
    assert ok.returncode == 0, ok.stderr


# -- 12. control and bidi characters in plain output ------------------------------------------------------
# A name that would print a second, forged line, recolour the terminal and show text reversed.
FORGED = "evil\nFORGED.jpg: Match: idx=0\x1b[31m\u202egpj.jpg"


def _assert_escaped(text: str) -> None:
    assert "\x1b" not in text and "\u202e" not in text, text
    assert not any(line.startswith("FORGED") for line in text.splitlines()), text


def test_faces_and_config_show_escape_control_characters(tmp_path: Path):
    lib = make_library(tmp_path / "lib", photo=f"/photos/{FORGED}")
    faces = beetroot("faces", "--library", str(lib))
    assert faces.returncode == 0 and "\\x1b[31m" in faces.stdout and "\\u202e" in faces.stdout
    _assert_escaped(faces.stdout)
    assert len(faces.stdout.strip().splitlines()) == 1
    exact = json.loads(beetroot("faces", "--library", str(lib), "--json").stdout)
    assert exact[0]["photo"] == f"/photos/{FORGED}"  # JSON stays exact

    weird = tmp_path / "lib\x1b[2J\u202e"
    no_env = {"BEETROOT_LIBRARY": None}
    assert beetroot("config", "set", "library_dir", str(weird), env=no_env).returncode == 0
    show = beetroot("config", "show", env=no_env)
    assert show.returncode == 0 and "\\x1b[2J\\u202e" in show.stdout
    _assert_escaped(show.stdout)
    rows = {r["key"]: r for r in json.loads(beetroot("config", "show", "--json", env=no_env).stdout)}
    assert rows["library_dir"]["value"] == str(weird)


def test_import_face_lines_and_failed_lines_escape_control_characters(tmp_path: Path, photos_dir: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(photos_dir / "misc" / "obama_small.jpg", folder / "face\x1b[31m\u202egpj.jpg")
    broken = folder / "broken\nFORGED.jpg: Match: idx=0.jpg"
    broken.write_bytes(b"\xff\xd8\xff" + b"\x00" * 50)
    run = beetroot("import", str(folder), "--library", str(tmp_path / "lib"), "--json")
    assert run.returncode == 1, run.stderr
    plain_out = "\n".join(run.stdout.strip().splitlines()[:-1])
    assert "face\\x1b[31m\\u202egpj.jpg: Match" in plain_out or "face\\x1b[31m\\u202egpj.jpg: NoMatch" in plain_out
    assert "FAILED " in run.stderr and "broken\\x0aFORGED.jpg" in run.stderr, run.stderr
    _assert_escaped(plain_out)
    _assert_escaped(run.stderr)
    summary = json.loads(run.stdout.strip().splitlines()[-1])
    assert summary["failed"][0]["path"] == str(broken)  # JSON stays exact


def test_no_display_is_a_message_not_a_qt_abort(tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    run = subprocess.run([sys.executable, "-m", "beetroot_desktop", "--library", str(tmp_path / "lib")],
                         capture_output=True, text=True, env=env, timeout=60)
    assert run.returncode == 2, run.stderr
    assert "no display was found" in run.stderr and "beetroot --help" in run.stderr
    assert "Aborted" not in run.stderr and "qt.qpa" not in run.stderr
