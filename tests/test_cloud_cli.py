"""Cloud sub-commands as a user runs them: settings, sign-in, connection check, import errors, secrets."""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path

import keyring
import pytest
from cloud_helpers import fake_aws  # noqa: F401 (fixture)
from keyring.backends import fail

from beetroot_desktop.cli import main
from beetroot_desktop.config import Settings, config_dir, load_settings, log_dir
from beetroot_desktop.engines.aws_connection import check_connection
from beetroot_desktop.library import open_library

KEY_ID = "AKIAIOSFODNN7EXAMPLE"
SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"


def show(capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, str]]:
    assert main(["config", "show", "--json"]) == 0
    return {row["key"]: row for row in json.loads(capsys.readouterr().out)}


def test_config_set_and_show_say_where_each_value_comes_from(monkeypatch, capsys):
    assert main(["config", "set", "collection_id", "family-faces"]) == 0
    assert main(["config", "set", "rate_limit", "2.5"]) == 0
    capsys.readouterr()
    rows = show(capsys)
    assert rows["collection_id"]["value"] == "family-faces" and rows["collection_id"]["source"] == "settings file"
    assert rows["rate_limit"]["value"] == 2.5 and rows["threshold"]["source"] == "default"
    monkeypatch.setenv("REKOGNITION_COLLECTION_ID", "from-env")
    monkeypatch.setenv("FACE_MATCH_THRESHOLD", "90")
    rows = show(capsys)
    assert rows["collection_id"]["value"] == "from-env"
    assert rows["collection_id"]["source"].startswith("environment (REKOGNITION_COLLECTION_ID)")
    assert "family-faces" in rows["collection_id"]["source"]
    assert rows["threshold"]["value"] == 90.0
    # Saving another setting never writes an environment override into the file.
    assert main(["config", "set", "aws_region", "eu-west-1"]) == 0
    assert "overrides" not in capsys.readouterr().out
    saved = json.loads((config_dir() / "settings.json").read_text())
    assert saved["threshold"] == 95.0 and saved["collection_id"] == "family-faces"
    assert main(["config", "set", "collection_id", "x"]) == 0
    assert "REKOGNITION_COLLECTION_ID is set in the environment" in capsys.readouterr().out
    assert main(["config", "unset", "collection_id"]) == 0
    assert load_settings(apply_env=False).collection_id == "beetroot-faces"


def test_config_set_refuses_secrets_and_bad_values(capsys):
    assert main(["config", "set", "aws_secret_access_key", SECRET]) == 2
    assert "aws-login" in capsys.readouterr().err
    assert main(["config", "set", "threshold", "120"]) == 2
    assert main(["config", "set", "colour", "red"]) == 2
    assert main(["config", "set", "rate_limit", "fast"]) == 2
    assert main(["config", "set", "detector", "magic"]) == 2
    path = config_dir() / "settings.json"
    assert not path.exists() or SECRET not in path.read_text()


def test_aws_login_keeps_the_secret_out_of_every_file_and_log(isolated_env, fake_aws, photos_dir, monkeypatch,  # noqa: F811
                                                              capsys, request):
    beetroot_logger = logging.getLogger("beetroot")
    monkeypatch.setattr(beetroot_logger, "handlers", [])  # this test's own log file
    monkeypatch.setattr(logging.getLogger("botocore"), "handlers", [])
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{KEY_ID}\n{SECRET}\n"))
    assert main(["aws-login"]) == 0
    out = capsys.readouterr()
    assert isolated_env.store[("beetroot-desktop", "aws_secret_access_key")] == SECRET
    assert SECRET not in out.out + out.err and KEY_ID not in out.out
    # Even botocore's debug output goes to the app's log file for the rest of this test.
    file_handler = beetroot_logger.handlers[0]
    botocore_logger = logging.getLogger("botocore")
    # setLevel, not a plain attribute: it clears the cached levels of botocore's child loggers, and so does
    # putting it back. A cache left saying "DEBUG" made every later boto3 call in the session log (and
    # format) its debug lines, the cloud state machine 3-6 times slower.
    previous = botocore_logger.level
    request.addfinalizer(lambda: botocore_logger.setLevel(previous))
    botocore_logger.setLevel(logging.DEBUG)
    botocore_logger.addHandler(file_handler)

    assert main(["config", "set", "rate_limit", "100"]) == 0
    assert main(["config", "show"]) == 0
    assert main(["check-aws"]) == 0
    assert main(["import", "--engine", "rekognition", str(photos_dir / "family" / "2019" / "obama.jpg")]) == 0
    assert main(["costs"]) == 0
    out = capsys.readouterr()
    assert "saved in the system keyring" in out.out and "****" in out.out
    assert SECRET not in out.out + out.err
    assert {r.access_key_id for r in fake_aws.requests} == {KEY_ID}  # the saved key signed every call

    file_handler.flush()
    library_dir = Path(load_settings().library_path())
    assert (log_dir() / "beetroot.log").stat().st_size > 0 and (library_dir / "library.sqlite3").exists()
    scanned = 0
    for root in (config_dir(), library_dir, log_dir()):
        for path in root.rglob("*"):
            if path.is_file():
                scanned += 1
                data = path.read_bytes()
                assert SECRET.encode() not in data, path
    assert scanned >= 4


def test_aws_login_without_a_keyring_explains_the_alternatives(monkeypatch, capsys):
    keyring.set_keyring(fail.Keyring())
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{KEY_ID}\n{SECRET}\n"))
    assert main(["aws-login"]) == 2
    err = capsys.readouterr().err
    assert "keyring" in err and "aws configure --profile" in err and SECRET not in err


def test_aws_login_forget_and_bad_input(isolated_env, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("not a key\nx\n"))
    assert main(["aws-login"]) == 2
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{KEY_ID}\n\n"))
    assert main(["aws-login"]) == 2
    assert isolated_env.store == {}
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{SECRET}\n"))
    assert main(["aws-login", "--access-key-id", KEY_ID]) == 0
    assert len(isolated_env.store) == 2
    assert main(["aws-login", "--forget"]) == 0
    assert isolated_env.store == {}


def test_check_aws_reports_identity_and_creates_a_missing_collection(fake_aws, capsys):  # noqa: F811
    assert main(["check-aws"]) == 0
    assert "Signed in as arn:aws:sts::123456789012" in capsys.readouterr().out
    fake_aws.collections.clear()
    assert main(["check-aws"]) == 2
    err = capsys.readouterr().err
    assert "'beetroot-faces' does not exist in us-east-1" in err and "--create-collection" in err
    assert main(["check-aws", "--create-collection"]) == 0
    assert "Created the collection 'beetroot-faces'" in capsys.readouterr().out
    assert "beetroot-faces" in fake_aws.collections
    ops = [r.operation for r in fake_aws.requests]
    assert ops == ["DescribeCollection", "DescribeCollection", "DescribeCollection", "CreateCollection"]


def test_check_connection_explains_each_problem(fake_aws, monkeypatch):  # noqa: F811
    settings = Settings(engine="rekognition", aws_region="us-east-1")
    result = check_connection(settings)
    assert result.ok and result.face_count == 0 and "holds 0 faces" in result.message
    fake_aws.denied = {"DescribeCollection"}
    result = check_connection(settings)
    assert not result.ok and '"rekognition:DescribeCollection"' in result.message
    fake_aws.denied = set()
    fake_aws.collections.clear()
    result = check_connection(settings)
    assert not result.ok and result.can_create and not result.created
    result = check_connection(settings, create_collection=True)
    assert result.ok and result.created
    assert not check_connection(Settings(engine="rekognition", collection_id="")).ok
    fake_aws.network_down = True
    result = check_connection(settings)
    assert not result.ok and "cannot reach" in result.message
    fake_aws.network_down = False
    with monkeypatch.context() as mp:  # undone before mock_aws puts its own variables back
        mp.delenv("AWS_ACCESS_KEY_ID")
        mp.delenv("AWS_SECRET_ACCESS_KEY")
        result = check_connection(settings)
    assert not result.ok and "no AWS credentials" in result.message and "aws-login" in result.message


def test_import_exit_codes_say_what_to_do(fake_aws, photos_dir, capsys):  # noqa: F811
    photo = str(photos_dir / "family" / "2019" / "obama.jpg")
    assert main(["config", "set", "rate_limit", "100"]) == 0
    fake_aws.collections.clear()
    assert main(["import", "--engine", "rekognition", photo]) == 2
    assert "check-aws --create-collection" in capsys.readouterr().err
    fake_aws.create()
    fake_aws.network_down = True
    assert main(["import", "--engine", "rekognition", photo]) == 1
    out = capsys.readouterr().out
    assert "Paused: cannot reach Amazon Rekognition" in out and "1 photos left pending" in out
    fake_aws.network_down = False
    assert main(["import", "--engine", "rekognition", "--json", photo]) == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert summary["photos_new"] == 1 and summary["new_people"] == 1
    with open_library(load_settings().library_path()) as lib:
        assert lib.photo_count() == 1 and lib.failed_photos() == []
    assert main(["config", "set", "collection_id", ""]) == 0
    assert main(["import", "--engine", "rekognition", photo]) == 2
    assert "REKOGNITION_COLLECTION_ID" in capsys.readouterr().err


def test_check_connection_never_raises_when_the_rekognition_client_cannot_be_made(fake_aws, monkeypatch):  # noqa: F811
    import beetroot_desktop.engines.aws_connection as aws_connection

    real = aws_connection.make_client

    def broken(session, service, region):
        if service == "rekognition":
            raise ValueError("Invalid endpoint: https://rekognition.%.invalid")
        return real(session, service, region)

    monkeypatch.setattr(aws_connection, "make_client", broken)
    result = check_connection(Settings(engine="rekognition", aws_region="us-east-1"))
    assert not result.ok and "Rekognition client could not be made" in result.message
