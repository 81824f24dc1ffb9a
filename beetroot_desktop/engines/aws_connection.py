"""The "Test connection" check: can the settings' credentials reach the collection, and if not, why not.

`check_connection` makes GetCallerIdentity and DescribeCollection (and CreateCollection when asked and
the collection is missing) and answers in words for the user: `beetroot check-aws` (and its
--delete-collection), the Settings dialog and the main window all ask it. It never raises.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from botocore.exceptions import BotoCoreError, ClientError

from ..wording import message_of, say
from .aws_errors import CREATE_HINT, CollectionNotFound, translate
from .aws_session import check_collection_id, make_client, make_session, resolve_region
from .base import EngineConfigError

if TYPE_CHECKING:
    from ..config import Settings


@dataclass(frozen=True)
class ConnectionCheck:
    ok: bool
    message: str  # words for the user: what works, or what is wrong and how to fix it (a `say` message, but
    # for the collection's face count, which the windows word themselves from `face_count`)
    account: str | None = None
    region: str | None = None
    face_count: int | None = None
    created: bool = False
    can_create: bool = False  # the collection is missing and creating it may fix things
    collection_id: str | None = None  # the collection checked (with `region`, `account` and `face_count`, the
    # fields a window words its own message from)


def check_connection(settings: Settings, create_collection: bool = False, *,
                     session: Any = None) -> ConnectionCheck:
    """GetCallerIdentity + DescribeCollection (+ CreateCollection when asked and missing). Never raises.

    `session`: a boto3 session to test instead of the one the saved settings make (the Settings dialog
    passes one with a key typed and not saved yet, so the keyring is written only on Save).
    """
    try:
        return _check_connection(settings, create_collection, session)
    except Exception as exc:  # a promise to the dialog: whatever went wrong is a message
        return ConnectionCheck(False, say("The connection test failed: {kind}: {error}", kind=type(exc).__name__,
                                          error=message_of(exc)))


def _check_connection(settings: Settings, create_collection: bool, session: Any) -> ConnectionCheck:
    try:
        collection_id = check_collection_id(settings.collection_id)
        session = session if session is not None else make_session(settings)
        region = resolve_region(settings, session)
    except EngineConfigError as exc:
        return ConnectionCheck(False, message_of(exc))
    try:
        sts = make_client(session, "sts", region)
        identity = sts.get_caller_identity()
    except EngineConfigError as exc:
        return ConnectionCheck(False, message_of(exc), region=region, collection_id=collection_id)
    except (ClientError, BotoCoreError) as exc:
        mapped = translate(exc, "GetCallerIdentity", collection_id=collection_id, region=region, service="sts")
        return ConnectionCheck(False, message_of(mapped), region=region, collection_id=collection_id)
    account = str(identity.get("Arn") or identity.get("Account"))
    try:
        rek = make_client(session, "rekognition", region)
    except (EngineConfigError, BotoCoreError, ValueError) as exc:
        with contextlib.suppress(Exception):
            sts.close()
        return ConnectionCheck(False, say("Signed in as {account}, but the Rekognition client could not be made:"
                                          " {error}", account=account, error=message_of(exc)),
                               account, region, collection_id=collection_id)
    try:
        try:
            described = rek.describe_collection(CollectionId=collection_id)
        except (ClientError, BotoCoreError) as exc:
            mapped = translate(exc, "DescribeCollection", collection_id=collection_id, region=region)
            if not isinstance(mapped, CollectionNotFound):
                return ConnectionCheck(False, say("Signed in as {account}, but {error}", account=account,
                                                  error=message_of(mapped)), account, region,
                                       collection_id=collection_id)
            if not create_collection:
                return ConnectionCheck(
                    False, say("Signed in as {account}. The collection {collection_id!r} does not exist in {region}:"
                               " check the collection id and the region, or create it with {create}.",
                               account=account, collection_id=collection_id, region=region, create=CREATE_HINT),
                    account, region, can_create=True, collection_id=collection_id)
            try:
                rek.create_collection(CollectionId=collection_id)
            except (ClientError, BotoCoreError) as create_exc:
                mapped = translate(create_exc, "CreateCollection", collection_id=collection_id, region=region)
                return ConnectionCheck(False, say("Signed in as {account}, but creating the collection failed:"
                                                  " {error}", account=account, error=message_of(mapped)),
                                       account, region, can_create=True, collection_id=collection_id)
            return ConnectionCheck(True, say("Signed in as {account}. Created the collection {collection_id!r} in"
                                             " {region}; it is empty and ready.", account=account,
                                             collection_id=collection_id, region=region),
                                   account, region, 0, created=True, collection_id=collection_id)
    finally:
        with contextlib.suppress(Exception):
            rek.close()
            sts.close()
    faces = int(described.get("FaceCount", 0))
    # English only: a count's words differ by language (the windows word it from `face_count`, with tr's plurals).
    return ConnectionCheck(True, f"Signed in as {account}. Collection {collection_id!r} in {region} holds"
                           f" {faces} {'face' if faces == 1 else 'faces'}.", account, region, faces,
                           collection_id=collection_id)
