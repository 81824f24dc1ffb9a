"""The face engines' messages in the window's language: Settings › Amazon Rekognition › Test connection, File ›
Delete Cloud Collection and the engines' own messages read German in a German window, with the GUI's words in
place of `beetroot` commands, while the command line and an English window keep their English to the byte."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from botocore.exceptions import (
    ClientError,
    EndpointConnectionError,
    NoCredentialsError,
    NoRegionError,
    ProfileNotFound,
    TokenRetrievalError,
)
from PIL import Image

from beetroot_desktop.config import Settings
from beetroot_desktop.engines.aws_errors import gui_wording, translate
from beetroot_desktop.wording import Said, said_in

KEY_ID = "AKIAIOSFODNN7EXAMPLE"
SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
CODES = ("ResourceNotFoundException", "InvalidSignatureException", "ThrottlingException", "InternalServerError",
         "AccessDeniedException", "ServiceQuotaExceededException", "InvalidParameterException",
         "InvalidImageFormatException", "ImageTooLargeException", "SomethingElse")


def _aws_errors() -> list[Exception]:
    errors: list[Exception] = [
        NoCredentialsError(), NoRegionError(), ProfileNotFound(profile="work"),
        EndpointConnectionError(endpoint_url="https://rekognition"),
        TokenRetrievalError(provider="sso", error_msg="expired")]
    return errors + [ClientError({"Error": {"Code": code, "Message": "m"}}, "DescribeCollection") for code in CODES]


def _speak(language: str, request: pytest.FixtureRequest) -> None:
    if language == "de":
        request.getfixturevalue("german")


# -- the core: every message keeps its template, and the GUI's words keep the English -----------------------------
def test_every_aws_error_carries_its_message_and_the_gui_wording_keeps_the_english():
    for exc in _aws_errors():
        for operation, rate in (("DescribeCollection", 2.5), ("SearchFacesByImage", None)):
            mapped = translate(exc, operation, collection_id="faces", region="eu-west-1", rate_limit=rate)
            said = said_in(mapped)
            assert said is not None and str(mapped) == said, (exc, mapped)
            for where in ("dialog", "window"):
                worded = gui_wording(said, where)
                text = gui_wording(str(said), where)  # plain text: the commands replaced in place
                assert isinstance(worded, Said) and type(text) is str
                assert str(worded) == text, (where, text, str(worded))
                assert "beetroot " not in worded, (where, worded)


def test_the_command_line_and_the_english_window_read_as_before():
    missing = translate(ClientError({"Error": {"Code": "ResourceNotFoundException", "Message": "m"}}, "X"),
                        "DescribeCollection", collection_id="faces", region="eu-west-1")
    assert str(missing) == (
        "the Rekognition collection 'faces' was not found in region eu-west-1: either the collection id or the"
        " region is wrong (`beetroot config show`), or the collection does not exist yet; create it with"
        " `beetroot check-aws --create-collection` (or Settings > Test connection > Create collection)")
    assert gui_wording(said_in(missing) or "", "dialog") == (
        "the Rekognition collection 'faces' was not found in region eu-west-1: either the collection id or the"
        " region is wrong (see Region and Collection above), or the collection does not exist yet; create it with"
        " the Create collection button")
    throttled = translate(ClientError({"Error": {"Code": "ThrottlingException", "Message": "m"}}, "X"),
                          "SearchFacesByImage", collection_id="faces", region="eu-west-1", rate_limit=2.5)
    assert str(throttled) == (
        "Amazon Rekognition kept throttling requests (rate limit 2.5 calls/s) even after retries; the import paused"
        " with the rest still to do. Lower the rate (`beetroot config set rate_limit 2`) or ask AWS for a higher"
        " quota, then import again")


def test_an_engine_message_with_arguments_in_german(german):
    from beetroot_desktop.ui.i18n import translated

    throttled = translate(ClientError({"Error": {"Code": "ThrottlingException", "Message": "m"}}, "X"),
                          "SearchFacesByImage", collection_id="faces", region="eu-west-1", rate_limit=2.5)
    assert translated(gui_wording(said_in(throttled) or "", "window")) == (
        "Amazon Rekognition hat Anfragen (Ratenlimit 2.5 Aufrufe/s) auch nach Wiederholungen weiter gedrosselt; der"
        " Import wurde pausiert, und der Rest steht noch aus. Warten Sie einige Minuten oder bitten Sie AWS um ein"
        " höheres Kontingent, und importieren Sie dann erneut")
    # The command line's words translate too, where a window shows a message without the GUI's wording.
    assert "`beetroot check-aws --create-collection` (oder Einstellungen > Verbindung testen > Sammlung erstellen)" in (
        translated(translate(ClientError({"Error": {"Code": "ResourceNotFoundException"}}, "X"), "DescribeCollection",
                             collection_id="faces", region="eu-west-1")))


def test_image_and_local_engine_problems_in_german(german, tmp_path, monkeypatch):
    from beetroot_desktop.engines.local import LocalEngine
    from beetroot_desktop.engines.models import ModelsMissing, model_path
    from beetroot_desktop.engines.rekognition_images import image_problem
    from beetroot_desktop.library import open_library
    from beetroot_desktop.ui.i18n import translated

    gif = io.BytesIO()
    Image.new("RGB", (100, 100)).save(gif, "GIF")
    problem = image_problem(gif.getvalue(), "photo")
    assert problem == "the photo is GIF, Rekognition takes JPEG or PNG"
    assert translated(problem) == "das Foto ist im Format GIF, Rekognition nimmt JPEG oder PNG"
    small = io.BytesIO()
    Image.new("RGB", (40, 90)).save(small, "JPEG")
    assert translated(image_problem(small.getvalue(), "face crop")) == (
        "der Gesichtsausschnitt ist 40x90 px groß, unter dem Minimum von 80 px bei Rekognition")

    monkeypatch.setenv("BEETROOT_MODELS_DIR", str(tmp_path / "models"))
    with pytest.raises(ModelsMissing) as missing:
        model_path("shape.dat")
    assert str(missing.value) == f"the face model shape.dat is missing from {tmp_path / 'models'}; reinstall the app"
    assert translated(missing.value) == (
        f"das Gesichtsmodell shape.dat fehlt in {tmp_path / 'models'}; installieren Sie die App neu")

    from beetroot_desktop.engines.base import FaceCrop, FaceUnsearchable

    with open_library(tmp_path / "lib") as library:
        engine = LocalEngine(library)
        with pytest.raises(FaceUnsearchable) as unsearchable:
            engine.search(FaceCrop(0, (0, 0, 90, 90), None, b""), 95.0)
    assert translated(unsearchable.value) == "für diesen Ausschnitt konnte kein Gesichtsdeskriptor berechnet werden"


# -- Settings › Amazon Rekognition › Test connection -------------------------------------------------------------
def _cloud_dialog(qtbot: Any, keys: tuple[str, str] | None = None) -> Any:
    from beetroot_desktop.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Settings(), None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.matching.engine.setCurrentIndex(dialog.matching.engine.findData("rekognition"))
    dialog.tabs.setCurrentIndex(1)
    dialog.cloud.region.setCurrentText("us-east-1")  # the fake's region (tests/cloud_helpers.py)
    qtbot.waitUntil(lambda: getattr(dialog.cloud, "saved", "") is not None, timeout=5000)
    if keys is not None:
        dialog.cloud.use_keys.setChecked(True)
        dialog.cloud.key_id.setText(keys[0])
        dialog.cloud.secret.setText(keys[1])
    return dialog


def _test_connection(qtbot: Any, dialog: Any) -> str:
    dialog.cloud.test_button.click()
    qtbot.waitUntil(lambda: dialog.cloud.test_result.text()[:1] in ("✓", "✗"), timeout=30_000)
    return str(dialog.cloud.test_result.text())


NO_CREDENTIALS = {
    "en": "✗ no AWS credentials were found: type an access key id and secret under Credentials, or choose an AWS"
          " profile there (set one up with `aws configure --profile NAME` or `aws sso login --profile NAME`)",
    "de": "✗ es wurden keine AWS-Zugangsdaten gefunden: Geben Sie unter Zugangsdaten eine Zugriffsschlüssel-ID und"
          " den geheimen Schlüssel ein, oder wählen Sie dort ein AWS-Profil (richten Sie eines mit `aws configure"
          " --profile NAME` oder `aws sso login --profile NAME` ein)",
}


@pytest.mark.parametrize("language", ["en", "de"])
def test_test_connection_without_credentials(language, request, qtbot, monkeypatch):
    from cloud_helpers import fake_aws_env
    from fake_rekognition import FakeRekognition

    _speak(language, request)
    with fake_aws_env(FakeRekognition().create(), monkeypatch), monkeypatch.context() as mp:
        mp.delenv("AWS_ACCESS_KEY_ID")  # moto's own: then no credential is left anywhere
        mp.delenv("AWS_SECRET_ACCESS_KEY")
        text = _test_connection(qtbot, _cloud_dialog(qtbot))
    assert text == NO_CREDENTIALS[language]


REJECTED = {
    "en": "✗ Signed in as {account}, but AWS rejected the credentials (UnrecognizedClientException): type a valid"
          " access key under Credentials, or refresh your profile's sign-in (`aws sso login`)",
    "de": "✗ Angemeldet als {account}, aber AWS hat die Zugangsdaten abgelehnt (UnrecognizedClientException); geben"
          " Sie unter Zugangsdaten einen gültigen Zugriffsschlüssel ein, oder erneuern Sie die Anmeldung Ihres"
          " Profils (`aws sso login`)",
}


@pytest.mark.parametrize("language", ["en", "de"])
def test_test_connection_with_a_rejected_key(language, request, qtbot, monkeypatch):
    """A key typed in the dialog that Rekognition refuses: the dialog says to type a valid one there."""
    from cloud_helpers import fake_aws_env
    from fake_rekognition import FakeRekognition

    _speak(language, request)
    with fake_aws_env(FakeRekognition().create(), monkeypatch) as fake:
        fake.fail_next("DescribeCollection", "UnrecognizedClientException")
        text = _test_connection(qtbot, _cloud_dialog(qtbot, (KEY_ID, SECRET)))
        assert {r.access_key_id for r in fake.requests} == {KEY_ID}  # the typed key was the one tested
    account = re.search(r"(arn:aws:\S+),", text)
    assert account is not None, text
    assert text == REJECTED[language].format(account=account.group(1))
    assert "beetroot" not in text


# -- File › Delete Cloud Collection ------------------------------------------------------------------------------
CANNOT_DELETE = {
    "en": "The collection cannot be deleted now: Signed in as {account}, but AWS rejected the credentials"
          " (UnrecognizedClientException): type a valid access key in Settings › Amazon Rekognition, or refresh"
          " your profile's sign-in (`aws sso login`)",
    "de": "Die Sammlung kann jetzt nicht gelöscht werden: Angemeldet als {account}, aber AWS hat die Zugangsdaten"
          " abgelehnt (UnrecognizedClientException); geben Sie in den Einstellungen › Amazon Rekognition einen gültigen"
          " Zugriffsschlüssel ein, oder erneuern Sie die Anmeldung Ihres Profils (`aws sso login`)",
}


@pytest.mark.parametrize("language", ["en", "de"])
def test_delete_collection_says_why_it_cannot_in_the_windows_language(language, request, qtbot, monkeypatch,
                                                                      tmp_path: Path):
    from cloud_helpers import fake_aws_env
    from fake_rekognition import FakeRekognition
    from ui_helpers import open_window

    from beetroot_desktop.library import open_library

    _speak(language, request)
    open_library(tmp_path / "lib").close()
    with fake_aws_env(FakeRekognition().create(), monkeypatch) as fake:
        window = open_window(qtbot, tmp_path / "lib", Settings(engine="rekognition", aws_region="us-east-1",
                                                               workers=2))
        fake.fail_next("DescribeCollection", "UnrecognizedClientException")
        window.delete_collection()
        qtbot.waitUntil(lambda: window.error_banner.isVisible(), timeout=20_000)
        text = window.error_banner.label.text()
        window.close()
    account = re.search(r"(arn:aws:\S+),", text)
    assert account is not None, text
    assert text == CANNOT_DELETE[language].format(account=account.group(1))
    assert getattr(window, "delete_collection_dialog", None) is None and "beetroot-faces" in fake.collections
