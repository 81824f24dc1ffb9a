"""Settings: defaults, environment overrides, validation and atomic saving."""

from __future__ import annotations

import json

import pytest

from beetroot_desktop.config import (
    ConfigError,
    Settings,
    coerce,
    load_settings,
    resolve_library_dir,
    save_settings,
    settings_path,
)


def test_defaults_are_the_upstream_ones():
    s = load_settings()
    assert (s.engine, s.threshold, s.collection_id, s.rate_limit) == ("local", 95.0, "beetroot-faces", 5.0)


def test_saved_values_round_trip_and_env_wins(monkeypatch):
    s = load_settings()
    s.threshold, s.collection_id = 90.0, "family"
    path = save_settings(s)
    assert path == settings_path() and json.loads(path.read_text())["threshold"] == 90.0
    assert load_settings().threshold == 90.0
    monkeypatch.setenv("FACE_MATCH_THRESHOLD", "97.5")
    monkeypatch.setenv("REKOGNITION_COLLECTION_ID", "other")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-1")
    s2 = load_settings()
    assert (s2.threshold, s2.collection_id, s2.aws_region) == (97.5, "other", "eu-west-1")


@pytest.mark.parametrize("field,value", [("threshold", 49.9), ("threshold", 100.5), ("engine", "cloud"),
                                         ("detector", "x"), ("rate_limit", 0.0), ("workers", -1)])
def test_invalid_values_are_refused(field, value):
    s = Settings()
    setattr(s, field, value)
    with pytest.raises(ConfigError):
        s.validate()
    with pytest.raises(ConfigError):
        save_settings(s)
    assert not settings_path().exists()


def test_coerce_gives_clear_errors():
    assert coerce("threshold", "90") == 90.0
    with pytest.raises(ConfigError, match="number"):
        coerce("threshold", "high")
    with pytest.raises(ConfigError, match="unknown setting"):
        coerce("colour", "red")


def test_unreadable_settings_file_is_a_clear_error():
    settings_path().parent.mkdir(parents=True)
    settings_path().write_text("{not json")
    with pytest.raises(ConfigError, match="unreadable"):
        load_settings()


def test_library_location_precedence(tmp_path, monkeypatch):
    s = Settings(library_dir=str(tmp_path / "from-settings"))
    monkeypatch.delenv("BEETROOT_LIBRARY")
    assert resolve_library_dir(None, s) == tmp_path / "from-settings"
    monkeypatch.setenv("BEETROOT_LIBRARY", str(tmp_path / "from-env"))
    assert resolve_library_dir(None, s) == tmp_path / "from-env"
    assert resolve_library_dir(str(tmp_path / "cli"), s) == tmp_path / "cli"


def test_log_redaction_masks_secrets():
    from beetroot_desktop.logs import redact

    secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    for text in (f"boom {secret}", f"aws_secret_access_key = {secret}", f'{{"SecretAccessKey": "{secret}"}}',
                 f"Authorization: AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/x, Signature={secret[:30]}"):
        assert secret[:20] not in redact(text)
    line = "/p/x.jpg: Match: idx=0 personId=e4c87c5a-75e1-4a0b-a0f0-8f725c280728 similarity=99.7"
    assert redact(line) == line
