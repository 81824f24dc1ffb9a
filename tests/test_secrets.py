"""Secrets: the keyring or nothing. A clear way out when there is no keyring; never a secret in a file."""

from __future__ import annotations

import base64
import os
import traceback
from pathlib import Path

import keyring
import pytest
from conftest import MemoryKeyring
from keyring.backends import chainer, fail
from keyring.errors import PasswordSetError

from beetroot_desktop import cli
from beetroot_desktop.config import load_settings, save_settings
from beetroot_desktop.secrets import (
    NO_KEYRING_HELP,
    SERVICE,
    AwsCredentials,
    SecretStoreError,
    keyring_usable,
    load_aws_credentials,
    save_aws_credentials,
)

KEY_ID = "AKIAZZTESTKEYID12345"
SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzz-secret-Beetroot"


def forms(secret: str) -> list[bytes]:
    """The secret as it could land in a file: plain, UTF-16, base64, hex, JSON-escaped."""
    raw = secret.encode()
    return [raw, secret.encode("utf-16-le"), base64.b64encode(raw), raw.hex().encode(),
            secret.replace("/", "\\/").encode()]


def files_holding(secret: str, *roots: Path) -> list[Path]:
    hits = []
    for root in roots:
        for dirpath, _, filenames in os.walk(root):
            for name in filenames:
                path = Path(dirpath, name)
                data = path.read_bytes()
                if any(form in data for form in forms(secret)):
                    hits.append(path)
    return hits


def app_dirs(tmp_path: Path) -> list[Path]:
    return [Path(os.environ["BEETROOT_CONFIG_DIR"]), Path(os.environ["BEETROOT_LOG_DIR"]),
            Path(os.environ["BEETROOT_LIBRARY"]), tmp_path]


@pytest.mark.parametrize("kind", ["fail", "empty-chain"])
def test_without_a_keyring_saving_fails_with_a_way_out(kind: str, tmp_path: Path, monkeypatch):
    if kind == "fail":  # what keyring picks on a headless Linux box
        keyring.set_keyring(fail.Keyring())
    else:  # a chain with nothing usable in it (the test keyrings registered by conftest taken out)
        monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
        keyring.set_keyring(chainer.ChainerBackend())
    usable, why = keyring_usable()
    assert not usable and why == NO_KEYRING_HELP
    with pytest.raises(SecretStoreError) as err:
        save_aws_credentials(KEY_ID, SECRET)
    message = str(err.value)
    assert "aws configure --profile" in message and "AWS_PROFILE" in message
    assert "AWS_ACCESS_KEY_ID" in message and "AWS_SECRET_ACCESS_KEY" in message
    shown = "".join(traceback.format_exception(err.value))  # what a crash report or log would show
    assert SECRET not in shown and SECRET not in repr(err.value)
    assert load_aws_credentials() is None
    assert files_holding(SECRET, *app_dirs(tmp_path)) == []


class HalfBroken(MemoryKeyring):
    """Accepts the key id, then refuses the secret: a locked or full keychain."""

    def set_password(self, service: str, username: str, password: str) -> None:
        if "secret" in username:
            raise PasswordSetError("keychain is locked")
        super().set_password(service, username, password)


def test_a_failed_save_leaves_no_half_saved_pair():
    backend = HalfBroken()
    keyring.set_keyring(backend)
    with pytest.raises(SecretStoreError, match="refused"):
        save_aws_credentials(KEY_ID, SECRET)
    assert backend.store == {} and load_aws_credentials() is None


def test_the_secret_never_reaches_a_file(isolated_env, tmp_path: Path, photos_dir: Path, monkeypatch, capsys):
    # Saved through a working keyring: it lives there and only there.
    save_aws_credentials(KEY_ID, SECRET)
    assert isolated_env.store[(SERVICE, "aws_secret_access_key")] == SECRET
    assert load_aws_credentials() == AwsCredentials(KEY_ID, SECRET)
    assert SECRET not in repr(load_aws_credentials()) and SECRET not in str(load_aws_credentials())
    # Everything else the app writes, with the secret also in the environment, as some users set it.
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", KEY_ID)
    settings = load_settings()
    settings.engine, settings.aws_profile, settings.aws_region = "local", "work", "eu-west-1"
    save_settings(settings)
    assert SECRET not in repr(settings)
    assert cli.main(["import", str(photos_dir / "events"), "--workers", "1", "--json"]) == 0
    assert cli.main(["people", "--json"]) == 0
    out = capsys.readouterr()
    assert SECRET not in out.out and SECRET not in out.err
    # Then a save that fails: still nothing on disk.
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(SecretStoreError):
        save_aws_credentials(KEY_ID, SECRET + "-2")
    written = [p for root in app_dirs(tmp_path) for p in root.rglob("*") if p.is_file()]
    assert any(p.name == "settings.json" for p in written) and any(p.name == "library.sqlite3" for p in written)
    assert files_holding(SECRET, *app_dirs(tmp_path)) == []
    assert files_holding(SECRET + "-2", *app_dirs(tmp_path)) == []


class Forgetful(HalfBroken):
    """Says yes and keeps nothing, like an empty chain of backends."""

    def set_password(self, service: str, username: str, password: str) -> None:
        pass


def test_a_keyring_that_forgets_is_not_trusted():
    keyring.set_keyring(Forgetful())
    with pytest.raises(SecretStoreError, match="did not keep it"):
        save_aws_credentials(KEY_ID, SECRET)
