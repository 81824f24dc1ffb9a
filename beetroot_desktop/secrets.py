"""AWS credentials the user chose to save: in the system keyring only, never in a file or a log.

Most users need none of this: the default AWS chain (profiles, environment, SSO) works as is.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

import keyring
from keyring.errors import KeyringError, NoKeyringError, PasswordDeleteError

from .wording import say

SERVICE = "beetroot-desktop"
ACCESS_KEY_ENTRY = "aws_access_key_id"
SECRET_KEY_ENTRY = "aws_secret_access_key"

NO_KEYRING_HELP = say(
    "no usable system keyring was found, so the secret cannot be saved safely. Use an AWS profile "
    "instead (`aws configure --profile NAME`, then set the profile in Settings or AWS_PROFILE), or set "
    "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment."
)


class SecretStoreError(RuntimeError):
    """The keyring cannot store or read the secret; the message says what to do instead."""


@dataclass(frozen=True)
class AwsCredentials:
    access_key_id: str
    secret_access_key: str

    def __repr__(self) -> str:  # never print the secret, even by accident in a traceback
        return f"AwsCredentials(access_key_id={mask(self.access_key_id)!r}, secret_access_key='****')"

    __str__ = __repr__


def mask(value: str | None) -> str:
    if not value:
        return ""
    return value[:4] + "*" * max(4, len(value) - 8) + value[-4:] if len(value) > 8 else "****"


def keyring_usable() -> tuple[bool, str]:
    """Whether secrets can be saved here, and the backend's name or the reason they cannot."""
    from keyring.backends import chainer, fail

    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if isinstance(backend, fail.Keyring) or (isinstance(backend, chainer.ChainerBackend) and not backend.backends):
        return False, NO_KEYRING_HELP
    return True, name


def save_aws_credentials(access_key_id: str, secret_access_key: str) -> None:
    access_key_id, secret_access_key = access_key_id.strip(), secret_access_key.strip()
    if not access_key_id or not secret_access_key:
        raise SecretStoreError(say("both the access key id and the secret access key are needed"))
    usable, why = keyring_usable()
    if not usable:  # an empty chain of backends "saves" nothing without a word: refuse up front
        raise SecretStoreError(why)
    try:
        keyring.set_password(SERVICE, ACCESS_KEY_ENTRY, access_key_id)
        keyring.set_password(SERVICE, SECRET_KEY_ENTRY, secret_access_key)
        kept = keyring.get_password(SERVICE, SECRET_KEY_ENTRY) == secret_access_key
    except (KeyringError, NotImplementedError) as exc:
        delete_aws_credentials()  # never leave a key id without its secret (or an older secret with a new id)
        if isinstance(exc, NoKeyringError):
            raise SecretStoreError(NO_KEYRING_HELP) from None
        # `from None`: a backend's own message could quote what it was given; the type name is enough.
        raise SecretStoreError(say("the system keyring refused to save the secret ({error}). {help}",
                                   error=type(exc).__name__, help=NO_KEYRING_HELP)) from None
    if not kept:
        delete_aws_credentials()
        raise SecretStoreError(say("the system keyring accepted the secret but did not keep it. {help}",
                                   help=NO_KEYRING_HELP))


def load_aws_credentials() -> AwsCredentials | None:
    try:
        key_id = keyring.get_password(SERVICE, ACCESS_KEY_ENTRY)
        secret = keyring.get_password(SERVICE, SECRET_KEY_ENTRY)
    except KeyringError:
        return None
    if key_id and secret:
        return AwsCredentials(key_id, secret)
    return None


def delete_aws_credentials() -> None:
    for entry in (ACCESS_KEY_ENTRY, SECRET_KEY_ENTRY):
        with contextlib.suppress(PasswordDeleteError, KeyringError):
            keyring.delete_password(SERVICE, entry)
