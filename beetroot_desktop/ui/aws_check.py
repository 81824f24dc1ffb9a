"""Test connection with credentials the Settings dialog shows but has not saved.

`engines.rekognition.check_connection` uses the credentials the saved settings name: a profile, else the
access key saved in the system keyring, else the default chain. The dialog uses it whenever that is what
the form shows. Two things the form can show are not saved yet, and are tested as they are, in memory:
an access key typed and not saved (the keyring gets it only when the user presses Save, never on Cancel),
and the default chain after "Remove saved key" (the key leaves the keyring only on Save). For those the
dialog builds the session itself and runs this: the same calls as `check_connection` (GetCallerIdentity,
DescribeCollection, CreateCollection when asked) with the same words, and like it, it never raises.

Nothing here reads or writes the keyring. It runs on a pool thread (tasks.py), never on the GUI thread.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..config import Settings
    from ..engines.rekognition import ConnectionCheck


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
    from botocore.exceptions import BotoCoreError, ClientError

    from ..engines.aws_errors import CREATE_HINT, CollectionNotFound, translate
    from ..engines.aws_session import make_client, resolve_region
    from ..engines.base import EngineConfigError
    from ..engines.rekognition import ConnectionCheck, check_collection_id

    try:
        collection_id = check_collection_id(settings.collection_id)
        session = unsaved_session(settings, key_id, secret)
        region = resolve_region(settings, session)
    except EngineConfigError as exc:
        return ConnectionCheck(False, str(exc))
    except BotoCoreError as exc:
        return ConnectionCheck(False, str(translate(exc, "connect", collection_id="", region="")))
    except Exception as exc:  # never raises: whatever went wrong is a message
        return ConnectionCheck(False, f"the AWS session could not be made: {exc}")
    sts = rek = None
    try:
        sts = make_client(session, "sts", region)
        identity = sts.get_caller_identity()
        account = str(identity.get("Arn") or identity.get("Account"))
        try:
            rek = make_client(session, "rekognition", region)
        except (EngineConfigError, BotoCoreError, ValueError) as exc:
            return ConnectionCheck(False, f"Signed in as {account}, but the Rekognition client could not be"
                                   f" made: {exc}", account, region)
        try:
            described = rek.describe_collection(CollectionId=collection_id)
        except (ClientError, BotoCoreError) as exc:
            mapped = translate(exc, "DescribeCollection", collection_id=collection_id, region=region)
            if not isinstance(mapped, CollectionNotFound):
                return ConnectionCheck(False, f"Signed in as {account}, but {mapped}", account, region)
            if not create_collection:
                return ConnectionCheck(
                    False, f"Signed in as {account}. The collection {collection_id!r} does not exist in {region}:"
                    f" check the collection id and the region, or create it with {CREATE_HINT}.",
                    account, region, can_create=True)
            try:
                rek.create_collection(CollectionId=collection_id)
            except (ClientError, BotoCoreError) as create_exc:
                mapped = translate(create_exc, "CreateCollection", collection_id=collection_id, region=region)
                return ConnectionCheck(False, f"Signed in as {account}, but creating the collection failed:"
                                       f" {mapped}", account, region, can_create=True)
            return ConnectionCheck(True, f"Signed in as {account}. Created the collection {collection_id!r} in"
                                   f" {region}; it is empty and ready.", account, region, 0, created=True)
        faces = int(described.get("FaceCount", 0))
        return ConnectionCheck(True, f"Signed in as {account}. Collection {collection_id!r} in {region} holds"
                               f" {faces} faces.", account, region, faces)
    except EngineConfigError as exc:
        return ConnectionCheck(False, str(exc), region=region)
    except (ClientError, BotoCoreError) as exc:  # GetCallerIdentity: the credentials themselves
        mapped = translate(exc, "GetCallerIdentity", collection_id=collection_id, region=region, service="sts")
        return ConnectionCheck(False, str(mapped), region=region)
    except Exception as exc:
        return ConnectionCheck(False, f"The connection test failed: {type(exc).__name__}: {exc}", region=region)
    finally:
        for client in (rek, sts):
            if client is not None:
                with contextlib.suppress(Exception):
                    client.close()
