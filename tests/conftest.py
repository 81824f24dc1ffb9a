"""Shared fixtures: an isolated environment per test, the sample photos, and a library imported once.

Also applies to tests/integration/ (the real-photo scenarios, marked `slow`); the helper modules beside
this file (ui_helpers, cached_analysis, grouping, ...) are importable from both folders (pythonpath).
"""

from __future__ import annotations

import csv
import logging
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend

from beetroot_desktop.engines.local import LocalEngine
from beetroot_desktop.library import Library, open_library
from beetroot_desktop.pipeline import ImportReport, ingest

REPO = Path(__file__).resolve().parents[1]
PHOTOS = Path(os.environ.get("BEETROOT_SAMPLE_PHOTOS", REPO / "tests" / "data" / "photos")).resolve()


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in memory: tests never touch the user's real keychain."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    """Config, logs and library in temp dirs; no upstream or AWS variables leak in from the machine."""
    for key in list(os.environ):
        if key.startswith(("AWS_", "BEETROOT_")) or key in ("FACE_MATCH_THRESHOLD", "REKOGNITION_COLLECTION_ID"):
            monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("BEETROOT_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("BEETROOT_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setenv("BEETROOT_LIBRARY", str(tmp_path / "default-library"))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "aws-credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    # The app's log file handler (setup_logging, run by every `main()`) is this test's own: without this the
    # first test's handler, in that test's temp folder, would log every later test's imports at INFO.
    app_log = logging.getLogger("beetroot")
    handlers, level = list(app_log.handlers), app_log.level
    yield backend
    keyring.set_keyring(previous)
    for handler in app_log.handlers:
        if handler not in handlers:
            handler.close()
    app_log.handlers[:] = handlers
    app_log.setLevel(level)


@pytest.fixture(scope="session")
def photos_dir() -> Path:
    if not (PHOTOS / "labels.csv").exists():
        pytest.fail(f"the sample library is missing at {PHOTOS} (set BEETROOT_SAMPLE_PHOTOS)")
    return PHOTOS


@pytest.fixture(scope="session")
def labels(photos_dir: Path) -> dict[str, list[str]]:
    """Relative path -> the people in that photo (order not meaningful for multi-face photos)."""
    with open(photos_dir / "labels.csv", newline="") as fh:
        return {row["file"]: row["people"].split(";") for row in csv.DictReader(fh)}


@pytest.fixture(scope="session")
def imported_template(tmp_path_factory: pytest.TempPathFactory, photos_dir: Path) -> tuple[Path, ImportReport]:
    """The sample library imported once per session with the local engine; tests get copies."""
    lib_dir = tmp_path_factory.mktemp("template-library")
    with open_library(lib_dir) as lib:
        report = ingest([photos_dir], lib, LocalEngine(lib), threshold=95.0, workers=2)
        lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return lib_dir, report


@pytest.fixture
def imported_library(tmp_path: Path, imported_template: tuple[Path, ImportReport]) -> Iterator[Library]:
    """A private copy of the imported sample library."""
    target = tmp_path / "library"
    shutil.copytree(imported_template[0], target)
    lib = open_library(target)
    yield lib
    lib.close()


@pytest.fixture(scope="session")
def cloud_template(tmp_path_factory: pytest.TempPathFactory, photos_dir: Path) -> tuple[Path, ImportReport, Any]:
    """The sample library imported once through boto3 and the in-memory Rekognition; tests get copies of both."""
    from cloud_helpers import fake_engine
    from fake_rekognition import FakeRekognition
    from moto import mock_aws

    fake = FakeRekognition().create()
    lib_dir = tmp_path_factory.mktemp("cloud-template")
    with mock_aws(), open_library(lib_dir) as lib:
        engine = fake_engine(fake, lib)
        report = ingest([photos_dir], lib, engine, threshold=95.0, workers=2)
        lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return lib_dir, report, fake


@pytest.fixture
def cloud_library(tmp_path: Path, cloud_template: Any) -> Iterator[tuple[Library, Any]]:
    """A private copy of the cloud sample library and of the fake collection it was indexed in."""
    from cloud_helpers import clone

    target = tmp_path / "library"
    shutil.copytree(cloud_template[0], target)
    lib = open_library(target)
    yield lib, clone(cloud_template[2])
    lib.close()


def person_labels(lib: Library, photos_dir: Path, labels: dict[str, list[str]]) -> dict[str, set[str]]:
    """For each person, the labels of the single-face photos they appear in."""
    found: dict[str, set[str]] = {}
    for face in lib.all_faces():
        rel = Path(face["path"]).relative_to(photos_dir).as_posix()
        people = labels.get(rel)
        if face["person_id"] and people and len(people) == 1:
            found.setdefault(face["person_id"], set()).add(people[0])
    return found


_REAL_PHOTO_FIXTURES = {"photos_dir", "labels", "imported_template", "imported_library", "cloud_template",
                        "cloud_library", "local_analyses"}


INTEGRATION = Path(__file__).resolve().parent / "integration"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests on the real photos (dlib, seconds each) and every test under tests/integration/ are `slow`;
    `make test-fast` runs the rest."""
    for item in items:
        if (_REAL_PHOTO_FIXTURES.intersection(getattr(item, "fixturenames", ()))
                or Path(item.path).resolve().is_relative_to(INTEGRATION)):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def qapp(qapp_args: list[str], qapp_cls: Any, pytestconfig: pytest.Config) -> Any:
    """pytest-qt's application, speaking the window's default language (English, with its plural forms)."""
    from pytestqt.plugin import qapp as plugin_qapp

    app = plugin_qapp.__wrapped__(qapp_args, qapp_cls, pytestconfig)  # type: ignore[attr-defined]
    from beetroot_desktop.ui.i18n import install_translators

    install_translators("en")
    return app


@pytest.fixture
def german(qapp: Any) -> Iterator[None]:
    """The window speaks German for one test, then English again (other tests share the application)."""
    from beetroot_desktop.ui.i18n import install_translators

    install_translators("de")
    yield
    install_translators("en")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Captured output and logs as text any process can carry: the tests of undecodable file names log
    paths holding lone surrogates, which the test workers (pytest-xdist) cannot send as UTF-8."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    report.sections = [(title, text.encode("utf-8", "backslashreplace").decode("utf-8"))
                       for title, text in report.sections]
