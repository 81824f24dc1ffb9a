"""The Settings dialog: values persist, secrets go to the keyring only, bad values are refused in place,
the threshold preview counts people, and Test connection reports in words without blocking."""

from __future__ import annotations

import types
from pathlib import Path

import pytest
from ui_helpers import open_window

from beetroot_desktop.config import Settings, load_settings, settings_path
from beetroot_desktop.ui.jobs import RegroupJob
from beetroot_desktop.ui.settings_dialog import SettingsDialog

KEY_ID = "AKIAIOSFODNN7EXAMPLE"
SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"


def _dialog(qtbot, settings: Settings | None = None, ctx=None) -> SettingsDialog:
    dialog = SettingsDialog(settings or Settings(), ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_settings_round_trip_keeps_the_secret_in_the_keyring_only(qtbot, isolated_env):
    dialog = _dialog(qtbot)
    dialog.spin.setValue(90.5)
    assert dialog.matching.slider.value() == 90  # slider and spin box move together
    dialog.matching.slider.setValue(88)
    assert dialog.spin.value() == 88.0
    dialog.matching.engine.setCurrentIndex(dialog.matching.engine.findData("rekognition"))
    dialog.cloud.region.setCurrentText("eu-west-1")
    dialog.cloud.collection.setText("family-faces")
    dialog.cloud.use_keys.setChecked(True)
    dialog.cloud.key_id.setText(KEY_ID)
    dialog.cloud.secret.setText(SECRET)
    with qtbot.waitSignal(dialog.applied, timeout=5000) as applied:  # once the keyring (a pool thread) has the key
        assert dialog.save()
    assert applied.args[0].threshold_changed

    saved = load_settings()
    assert (saved.threshold, saved.engine, saved.aws_region, saved.collection_id) == (
        88.0, "rekognition", "eu-west-1", "family-faces")
    text = settings_path().read_text()
    assert SECRET not in text and KEY_ID not in text
    assert isolated_env.store[("beetroot-desktop", "aws_secret_access_key")] == SECRET
    assert isolated_env.store[("beetroot-desktop", "aws_access_key_id")] == KEY_ID

    again = _dialog(qtbot, saved)  # reopening shows what was saved, the key only masked
    assert again.spin.value() == 88.0 and again.matching.engine.currentData() == "rekognition"
    keys = again.cloud
    qtbot.waitUntil(lambda: keys.saved is not None, timeout=5000)  # the keyring is read in the background
    assert keys.use_keys.isChecked() and keys.key_id.text() == "" and KEY_ID not in keys.key_id.placeholderText()
    assert KEY_ID[:4] in again.cloud.key_id.placeholderText()


@pytest.mark.parametrize(("page", "field", "value", "label", "words"), [
    ("cloud", "collection", "my collection!", "collection_error", "collection id"),
    ("cloud", "region", "middle-earth", "region_error", "region name"),
    ("cloud", "key_id", "not-a-key", "secret_error", "capital letters and digits"),
    ("library_page", "library", "relative/folder", "library_error", "full path"),
    ("matching", "workers", 10_000, "workers_error", "at most"),
])
def test_invalid_values_are_refused_next_to_the_field(qtbot, page, field, value, label, words):
    dialog = _dialog(qtbot)
    dialog.matching.engine.setCurrentIndex(dialog.matching.engine.findData("rekognition"))
    widget = getattr(getattr(dialog, page), field)
    if field == "region":
        widget.setCurrentText(value)
    elif field == "workers":
        widget.setMaximum(value)  # a value the spin box would not offer: as a bad settings file has it
        widget.setValue(value)
    else:
        widget.setText(value)
    if field == "key_id":
        dialog.cloud.use_keys.setChecked(True)
        dialog.cloud.secret.setText(SECRET)
    assert not dialog.save()
    error = getattr(getattr(dialog, page), label)
    assert error.isVisible() and words in error.text()
    assert not settings_path().exists()


def test_the_pages_use_the_settings_validators(qtbot):
    """The dialog refuses what `beetroot config set` refuses, with the same words (config.py's validators)."""
    from beetroot_desktop.config import aws_region_problem, collection_id_problem

    dialog = _dialog(qtbot)
    dialog.matching.engine.setCurrentIndex(dialog.matching.engine.findData("rekognition"))
    dialog.cloud.region.setCurrentText("Europe")
    dialog.cloud.collection.setText("my faces/2024")
    assert not dialog.save()
    # The validator's sentence, less the setting's name the field's label already gives.
    assert dialog.cloud.region_error.text() == "Must be an AWS region name like eu-west-1 (or empty), not \"Europe\""
    assert aws_region_problem("Europe") == "aws_region m" + dialog.cloud.region_error.text()[1:]
    assert dialog.cloud.collection_error.text() == collection_id_problem("my faces/2024")
    assert dialog.tabs.currentIndex() == 1  # the tab with the fields to fix


def test_a_keyring_that_cannot_store_secrets_is_explained_next_to_the_field(qtbot):
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    dialog = _dialog(qtbot)
    dialog.matching.engine.setCurrentIndex(dialog.matching.engine.findData("rekognition"))
    dialog.cloud.use_keys.setChecked(True)
    dialog.cloud.key_id.setText(KEY_ID)
    dialog.cloud.secret.setText(SECRET)
    assert dialog.save()  # the keyring is written on a pool thread: its refusal comes back to the field
    qtbot.waitUntil(lambda: dialog.cloud.secret_error.isVisible(), timeout=5000)
    assert "keyring" in dialog.cloud.secret_error.text() and dialog.isVisible() and not dialog.saving
    assert not settings_path().exists()


def test_engine_bound_to_the_library_cannot_be_switched_in_place(qtbot, imported_library):
    window = open_window(qtbot, imported_library.dir)
    dialog = _dialog(qtbot, Settings(), window.ctx)
    dialog.matching.engine.setCurrentIndex(dialog.matching.engine.findData("rekognition"))
    dialog.cloud.use_profile.setChecked(True)
    assert not dialog.save()
    assert dialog.matching.engine_error.isVisible() and "library" in dialog.matching.engine_error.text()


def test_threshold_preview_counts_people_off_the_gui_thread(qtbot, imported_library):
    window = open_window(qtbot, imported_library.dir)
    dialog = _dialog(qtbot, Settings(), window.ctx)
    qtbot.waitUntil(lambda: "7 people" in dialog.preview.text(), timeout=5000)
    dialog.spin.setValue(99.5)
    assert "counting" in dialog.preview.text()
    qtbot.waitUntil(lambda: "(now 7)" in dialog.preview.text(), timeout=10_000)
    from beetroot_desktop.pipeline.regroup import plan_regroup

    strict = plan_regroup(imported_library, 99.5).people
    assert f"{strict} people" in dialog.preview.text() and strict > 7


def _fake_rekognition(monkeypatch, check) -> None:  # type: ignore[no-untyped-def]
    import beetroot_desktop.engines.aws_connection as module

    monkeypatch.setattr(module, "check_connection", check)


def test_test_connection_reports_in_words(qtbot, monkeypatch):
    seen: list[tuple[Settings, bool]] = []

    def check(settings: Settings, create_collection: bool = False) -> object:
        seen.append((settings, create_collection))
        if not create_collection:
            return types.SimpleNamespace(ok=False, message="The collection family-faces does not exist in"
                                                           " eu-west-1.", can_create=True)
        return types.SimpleNamespace(ok=True, message="Connected; created the collection family-faces.")

    _fake_rekognition(monkeypatch, check)
    dialog = _dialog(qtbot)
    dialog.matching.engine.setCurrentIndex(dialog.matching.engine.findData("rekognition"))
    dialog.cloud.region.setCurrentText("eu-west-1")
    dialog.cloud.collection.setText("family-faces")
    dialog.tabs.setCurrentIndex(1)
    dialog.cloud.test_button.click()
    assert not dialog.cloud.test_button.isEnabled()  # running in the background
    qtbot.waitUntil(lambda: dialog.cloud.test_button.isEnabled(), timeout=5000)
    assert "does not exist" in dialog.cloud.test_result.text() and dialog.cloud.create_button.isVisible()
    assert seen[0][0].collection_id == "family-faces" and seen[0][0].aws_region == "eu-west-1"
    dialog.cloud.create_button.click()
    qtbot.waitUntil(lambda: "created" in dialog.cloud.test_result.text(), timeout=5000)
    assert seen[-1][1] is True


def test_test_connection_error_is_a_message(qtbot, monkeypatch):
    def check(settings: Settings, create_collection: bool = False) -> object:
        raise RuntimeError("no credentials found: choose a profile or save an access key")

    _fake_rekognition(monkeypatch, check)
    dialog = _dialog(qtbot)
    dialog.matching.engine.setCurrentIndex(dialog.matching.engine.findData("rekognition"))
    dialog.tabs.setCurrentIndex(1)
    dialog.cloud.test_button.click()
    qtbot.waitUntil(lambda: "no credentials found" in dialog.cloud.test_result.text(), timeout=5000)


def test_saving_a_new_threshold_regroups_the_open_library_and_keeps_it_there(qtbot, imported_library, tmp_path):
    window = open_window(qtbot, imported_library.dir)
    dialog = window.open_settings()
    assert dialog.spin.value() == 95.0  # a library never regrouped shows the default
    dialog.spin.setValue(99.5)
    with qtbot.waitSignal(window.controller.jobFinished, timeout=60_000) as done:
        assert dialog.save()
    assert isinstance(done.args[0], RegroupJob) and done.args[1].applied
    qtbot.waitUntil(lambda: window.people_page.model.rowCount() > 7, timeout=10_000)
    # The threshold is the library's own: the settings file keeps the default other libraries use.
    assert imported_library.saved_threshold() == 99.5
    assert Path(settings_path()).exists() and load_settings().threshold == 95.0
    again = window.open_settings()
    assert again.spin.value() == 99.5
    again.reject()
    qtbot.waitUntil(lambda: window.settings_dialog is None, timeout=5000)
    window.close()

    other = open_window(qtbot, tmp_path / "other-library")
    assert other.open_settings().spin.value() == 95.0


@pytest.mark.slow
def test_cloud_library_says_how_many_index_calls_then_regroups_through_its_engine(qtbot, cloud_library, monkeypatch):
    from cloud_helpers import fake_aws_env

    from beetroot_desktop.library import open_library
    from beetroot_desktop.pipeline.regroup import plan_regroup

    lib, fake = cloud_library
    plan = plan_regroup(lib, 99.5)
    assert plan.index_calls > 0
    indexed_at_import = lib.call_counts("rekognition")["IndexFaces"]
    with fake_aws_env(fake, monkeypatch):
        window = open_window(qtbot, lib.dir, Settings(engine="rekognition", aws_region="us-east-1", workers=2,
                                                      rate_limit=1000.0))
        dialog = window.open_settings()
        assert dialog.spin.minimum() == 80.0 and dialog.matching.slider.minimum() == 80
        dialog.spin.setValue(75)
        assert dialog.threshold() == 80.0  # the candidate floor is as low as it goes
        dialog.spin.setValue(99.5)
        assert not dialog.save()  # the calls are not counted yet: nothing is paid unannounced
        assert dialog.matching.threshold_error.isVisible() and "Counting" in dialog.matching.threshold_error.text()
        qtbot.waitUntil(lambda: f"{plan.index_calls:,} Amazon Rekognition IndexFaces calls" in dialog.preview.text(),
                        timeout=10_000)
        assert fake.requests == []
        with qtbot.waitSignal(window.controller.jobFinished, timeout=60_000) as done:
            assert dialog.save()
        assert isinstance(done.args[0], RegroupJob)
        assert fake.calls("IndexFaces") == fake.calls() == plan.index_calls  # only IndexFaces, through the fake
    with open_library(lib.dir) as check:
        assert len(check.people()) == plan.people
        assert check.call_counts("rekognition")["IndexFaces"] == indexed_at_import + plan.index_calls


def test_cloud_library_refuses_a_threshold_below_its_candidate_floor(qtbot, imported_library):
    from beetroot_desktop.engines.rekognition import FLOOR_META

    imported_library.set_meta("engine", "rekognition")  # the meta is all the dialog reads
    imported_library.set_meta(FLOOR_META, "90")
    window = open_window(qtbot, imported_library.dir, Settings(workers=2, threshold=85.0))
    dialog = _dialog(qtbot, Settings(threshold=85.0), window.ctx)
    assert dialog.spin.minimum() == 85.0  # the saved value stays valid
    dialog.spin.setValue(87.0)
    assert not dialog.save()
    assert dialog.matching.threshold_error.isVisible() and "90 % or more" in dialog.matching.threshold_error.text()
    assert load_settings().threshold != 87.0


def test_local_library_preview_names_no_paid_calls(qtbot, imported_library):
    window = open_window(qtbot, imported_library.dir)
    dialog = _dialog(qtbot, Settings(), window.ctx)
    dialog.spin.setValue(99.5)
    qtbot.waitUntil(lambda: "(now 7)" in dialog.preview.text(), timeout=10_000)
    assert "Rekognition" not in dialog.preview.text() and dialog.spin.minimum() < 80


def test_the_disabled_cloud_page_is_not_saved(qtbot):
    """A region typed while the engine was Amazon Rekognition, then the engine set back: the file keeps
    what it had (the page is disabled and unchecked, and the settings file would refuse the value)."""
    dialog = _dialog(qtbot, Settings(aws_region="eu-west-1"))
    dialog.matching.engine.setCurrentIndex(dialog.matching.engine.findData("rekognition"))
    dialog.cloud.region.setCurrentText("Europe")
    dialog.matching.engine.setCurrentIndex(dialog.matching.engine.findData("local"))
    assert not dialog.cloud.isEnabled()
    assert dialog.save()
    assert load_settings().aws_region == "eu-west-1"


# -- the keyring: read off the GUI thread, written only on Save -------------------------------------------
class _ThreadRecordingKeyring:
    """Wraps the test's memory keyring and notes on which thread each call ran."""

    def __init__(self, backend, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        import threading

        self.gui_thread = threading.main_thread()
        self.calls: list[tuple[str, bool]] = []  # (call, on the GUI thread)
        for name in ("get_password", "set_password", "delete_password"):
            original = getattr(backend, name)

            def record(*args, _name=name, _original=original):  # type: ignore[no-untyped-def]
                self.calls.append((_name, threading.current_thread() is self.gui_thread))
                return _original(*args)

            monkeypatch.setattr(backend, name, record)

    def on_gui_thread(self) -> list[str]:
        return [name for name, gui in self.calls if gui]


def _cloud_dialog(qtbot, keys: tuple[str, str] | None = None) -> SettingsDialog:
    dialog = _dialog(qtbot)
    dialog.matching.engine.setCurrentIndex(dialog.matching.engine.findData("rekognition"))
    dialog.tabs.setCurrentIndex(1)
    dialog.cloud.region.setCurrentText("us-east-1")  # the fake's region (tests/cloud_helpers.py)
    qtbot.waitUntil(lambda: getattr(dialog.cloud, "saved", "") is not None, timeout=5000)  # read off the GUI thread
    if keys is not None:
        dialog.cloud.use_keys.setChecked(True)
        dialog.cloud.key_id.setText(keys[0])
        dialog.cloud.secret.setText(keys[1])
    return dialog


def _test_connection(qtbot, dialog: SettingsDialog, *, create: bool = False) -> str:
    (dialog.cloud.create_button if create else dialog.cloud.test_button).click()
    qtbot.waitUntil(lambda: dialog.cloud.test_result.text()[:1] in ("✓", "✗"), timeout=30_000)
    return dialog.cloud.test_result.text()


def test_test_connection_tests_a_typed_key_in_memory_and_only_save_keeps_it(qtbot, isolated_env, monkeypatch):
    from cloud_helpers import fake_aws_env
    from fake_rekognition import FakeRekognition

    store = isolated_env.store
    recorder = _ThreadRecordingKeyring(isolated_env, monkeypatch)
    old_key, old_secret = "AKIAOLDOLDOLDOLDOLD1", "old-secret"
    store[("beetroot-desktop", "aws_access_key_id")] = old_key
    store[("beetroot-desktop", "aws_secret_access_key")] = old_secret
    saved_before = dict(store)
    with fake_aws_env(FakeRekognition().create(), monkeypatch) as fake:
        dialog = _cloud_dialog(qtbot, (KEY_ID, SECRET))
        assert dialog.cloud.use_keys.isChecked() and "AKIA" in dialog.cloud.key_id.placeholderText()
        assert _test_connection(qtbot, dialog).startswith("✓ Signed in")
        assert {r.access_key_id for r in fake.requests} == {KEY_ID}  # the typed key, not the saved one
        assert store == saved_before  # tested in memory: nothing saved before Save
        dialog.reject()  # Cancel
        assert store == saved_before

        dialog = _cloud_dialog(qtbot, (KEY_ID, SECRET))
        with qtbot.waitSignal(dialog.applied, timeout=5000):
            assert dialog.save()
        assert store[("beetroot-desktop", "aws_access_key_id")] == KEY_ID
        assert store[("beetroot-desktop", "aws_secret_access_key")] == SECRET

        # With nothing typed, the saved key is the one tested (read from the keyring, off the GUI thread).
        fake.requests.clear()
        dialog = _cloud_dialog(qtbot)
        assert dialog.cloud.use_keys.isChecked() and KEY_ID[:4] in dialog.cloud.key_id.placeholderText()
        assert _test_connection(qtbot, dialog).startswith("✓ Signed in")
        assert {r.access_key_id for r in fake.requests} == {KEY_ID}
    assert recorder.calls and recorder.on_gui_thread() == []


def test_the_dialog_reads_the_keyring_off_the_gui_thread(qtbot, isolated_env, monkeypatch):
    """A keyring can take seconds to answer (or wait for the user to unlock it): the window never waits."""
    recorder = _ThreadRecordingKeyring(isolated_env, monkeypatch)
    isolated_env.store[("beetroot-desktop", "aws_access_key_id")] = KEY_ID
    isolated_env.store[("beetroot-desktop", "aws_secret_access_key")] = SECRET
    dialog = _cloud_dialog(qtbot)
    qtbot.waitUntil(lambda: KEY_ID[:4] in dialog.cloud.key_id.placeholderText(), timeout=5000)
    assert dialog.cloud.use_keys.isChecked() and dialog.cloud.forget_keys.isVisible()
    assert dialog.validate()  # checking the form reads nothing either: the saved key is known
    assert ("get_password", False) in recorder.calls and recorder.on_gui_thread() == []


def test_remove_saved_key_takes_effect_on_save_and_cancel_keeps_it(qtbot, isolated_env, monkeypatch):
    recorder = _ThreadRecordingKeyring(isolated_env, monkeypatch)
    isolated_env.store[("beetroot-desktop", "aws_access_key_id")] = KEY_ID
    isolated_env.store[("beetroot-desktop", "aws_secret_access_key")] = SECRET
    saved = dict(isolated_env.store)
    dialog = _cloud_dialog(qtbot)
    assert dialog.cloud.forget_keys.isVisible()
    dialog.cloud.forget_keys.click()
    assert isolated_env.store == saved
    assert dialog.cloud.forget_note.isVisible() and dialog.cloud.use_profile.isChecked()
    dialog.reject()
    assert isolated_env.store == saved

    dialog = _cloud_dialog(qtbot)
    dialog.cloud.forget_keys.click()
    with qtbot.waitSignal(dialog.applied, timeout=5000):
        assert dialog.save()
    assert isolated_env.store == {}
    assert recorder.on_gui_thread() == []


def test_test_connection_says_what_to_do_in_the_dialog_not_which_command_to_run(qtbot, isolated_env, monkeypatch):
    """The collection is missing: the dialog points at its Create collection button; the command line keeps
    its `beetroot check-aws --create-collection` (tests/test_cloud_cli.py)."""
    from cloud_helpers import fake_aws_env
    from fake_rekognition import FakeRekognition

    isolated_env.store[("beetroot-desktop", "aws_access_key_id")] = KEY_ID
    isolated_env.store[("beetroot-desktop", "aws_secret_access_key")] = SECRET
    with fake_aws_env(FakeRekognition(), monkeypatch) as fake:
        for typed in (None, (KEY_ID, SECRET)):  # the saved key (check_connection) and a typed one
            dialog = _cloud_dialog(qtbot, typed)
            text = _test_connection(qtbot, dialog)
            assert "does not exist" in text and "the Create collection button" in text, text
            assert "beetroot check-aws" not in text and "`" not in text
            assert dialog.cloud.create_button.isVisible()
        assert _test_connection(qtbot, dialog, create=True).startswith("✓ Signed in")
        assert "beetroot-faces" in fake.collections


def test_the_gui_words_every_aws_error_without_a_beetroot_command():
    from botocore.exceptions import (
        ClientError,
        EndpointConnectionError,
        NoCredentialsError,
        NoRegionError,
        ProfileNotFound,
        TokenRetrievalError,
    )

    from beetroot_desktop.engines.aws_errors import gui_wording, translate

    errors = [NoCredentialsError(), NoRegionError(), ProfileNotFound(profile="work"),
              EndpointConnectionError(endpoint_url="https://rekognition"), TokenRetrievalError(provider="sso",
                                                                                                error_msg="expired")]
    errors += [ClientError({"Error": {"Code": code, "Message": "m"}}, "DescribeCollection") for code in (
        "ResourceNotFoundException", "InvalidSignatureException", "ThrottlingException", "InternalServerError")]
    for exc in errors:
        cli = str(translate(exc, "DescribeCollection", collection_id="faces", region="eu-west-1", rate_limit=5))
        for where in ("dialog", "window"):
            words = gui_wording(cli, where)
            assert "beetroot " not in words, (where, words)
    assert "`beetroot aws-login`" in str(translate(NoCredentialsError(), "x", collection_id="", region=""))
