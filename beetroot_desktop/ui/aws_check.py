"""Test connection with credentials the Settings dialog shows but has not saved.

`engines.aws_connection.check_connection` uses the credentials the saved settings name: a profile, else the
access key saved in the system keyring, else the default chain. The dialog uses it whenever that is what
the form shows. Two things the form can show are not saved yet, and are tested as they are, in memory:
an access key typed and not saved (the keyring gets it only when the user presses Save, never on Cancel),
and the default chain after "Remove saved key" (the key leaves the keyring only on Save). For those the
dialog builds the session itself and passes it to `check_connection`, which makes the same calls
(GetCallerIdentity, DescribeCollection, CreateCollection when asked) with the same words and never raises.

Nothing here reads or writes the keyring. It runs on a pool thread (tasks.py), never on the GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .i18n import tr, translated

if TYPE_CHECKING:
    from ..config import Settings
    from ..engines.aws_connection import ConnectionCheck


def unsaved_session(settings: Settings, key_id: str | None = None, secret: str | None = None) -> Any:
    """A boto3 session with the typed access key, or (no key) the default chain without the keyring."""
    import boto3

    region = settings.aws_region or None
    if key_id and secret:
        return boto3.Session(aws_access_key_id=key_id.strip(), aws_secret_access_key=secret.strip(),
                             region_name=region)
    return boto3.Session(region_name=region)


def check_unsaved(settings: Settings, key_id: str | None = None, secret: str | None = None,
                  create_collection: bool = False) -> ConnectionCheck:
    """`check_connection` with the unsaved credentials (see the module docstring). Never raises."""
    from ..engines.aws_connection import ConnectionCheck, check_connection

    try:
        session = unsaved_session(settings, key_id, secret)
    except Exception as exc:  # never raises: whatever went wrong is a message
        return ConnectionCheck(False, tr("the AWS session could not be made: {error}").format(error=translated(exc)))
    return check_connection(settings, create_collection, session=session)
