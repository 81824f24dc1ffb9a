"""AWS failures turned into messages a user can act on, and into what the import should do about them.

- configuration (`EngineConfigError`): credentials, region, IAM permissions, collection; the import stops,
  what was saved stays saved, and the rest is imported on the next run once the setting is fixed;
- unavailable (`EngineUnavailable`): network loss, throttling that retries could not absorb, service
  outages; the import pauses and leaves every unfinished photo pending;
- one face or one photo (`FaceUnsearchable`, `EngineError`): recorded on that face or photo, the import goes on.
"""

from __future__ import annotations

from typing import overload

from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    CredentialRetrievalError,
    HTTPClientError,
    NoCredentialsError,
    NoRegionError,
    PartialCredentialsError,
    ProfileNotFound,
    TokenRetrievalError,
    UnauthorizedSSOTokenError,
)
from botocore.exceptions import ConnectionError as BotoConnectionError

from ..wording import Said, say
from .base import EngineConfigError, EngineError, EngineUnavailable, FaceUnsearchable

# What botocore raises when the network is gone: no route, DNS, refused, timeouts, dropped connections.
NETWORK_ERRORS = (HTTPClientError, BotoConnectionError)

# The commands the messages below name, each an argument of its message, so the GUI can put its own words in
# their place (`gui_wording`) and still translate the message around them.
CREATE_HINT = say("`beetroot check-aws --create-collection` (or Settings > Test connection > Create collection)")
CONFIG_SHOW = say("`beetroot config show`")
PROFILE_CHECK = say("check `beetroot config show` and your ~/.aws/config")
SIGN_IN_AGAIN = say("or run `beetroot aws-login`")
NEW_KEY = say("run `beetroot aws-login` again with a valid access key")
LOWER_RATE = say("Lower the rate (`beetroot config set rate_limit 2`)")
FACES_MODE = say("`beetroot config set rekognition_mode faces`")
IMPORT_AGAIN = say("import again: finished photos are saved and the rest are still to do")
IMPORT_LATER = say("import again later: finished photos are saved and the rest are still to do")
THROTTLING_CODES = frozenset({
    "ThrottlingException", "ProvisionedThroughputExceededException", "LimitExceededException",
    "TooManyRequestsException", "RequestLimitExceeded",
})
REJECTED_CREDENTIAL_CODES = frozenset({
    "UnrecognizedClientException", "InvalidSignatureException", "InvalidClientTokenId",
    "SignatureDoesNotMatch", "ExpiredToken", "ExpiredTokenException", "IncompleteSignature",
})
SERVER_CODES = frozenset({"InternalServerError", "ServiceUnavailableException", "ServiceUnavailable"})
IMAGE_CODES = frozenset({"InvalidImageFormatException", "ImageTooLargeException"})
QUOTA_CODE = "ServiceQuotaExceededException"
SEARCHES = frozenset({"SearchFacesByImage", "SearchUsersByImage"})  # a face the search cannot use is that face's

NO_CREDENTIALS_HELP = say(
    "no AWS credentials were found. Either run `beetroot aws-login` to save an access key in the system "
    "keyring, or set up a profile (`aws configure --profile NAME` or `aws sso login --profile NAME`) and "
    "choose it with `beetroot config set aws_profile NAME` or AWS_PROFILE"
)
NO_REGION_HELP = say(
    "no AWS region is set: choose the region of your collection with `beetroot config set aws_region "
    "us-east-1` (or AWS_REGION, or a region in your AWS profile)"
)


class CollectionNotFound(EngineConfigError):
    """The collection does not exist in this region: create it or fix the id or the region."""


class QuotaExceeded(EngineUnavailable):
    """A service quota of the collection is used up (ServiceQuotaExceededException: the users a collection
    holds, or the 100 faces of one user). The import pauses with the rest still to do; the engine absorbs the
    per-user face limit itself (engines/rekognition.py), so what reaches the user is a limit only AWS can raise."""


class AccessDenied(EngineConfigError):
    """The IAM user or role lacks a permission; `action` names it."""

    def __init__(self, message: str, action: str) -> None:
        super().__init__(message)
        self.action = action


def error_code(exc: BaseException) -> str:
    if isinstance(exc, ClientError):
        return str(exc.response.get("Error", {}).get("Code", "Unknown"))
    return type(exc).__name__


def outcome_of(exc: BaseException) -> str:
    """A short ledger outcome for a failed call."""
    code = error_code(exc)
    if isinstance(exc, NETWORK_ERRORS):
        return "network"
    if code in THROTTLING_CODES:
        return "throttled"
    if code == "AccessDeniedException":
        return "access_denied"
    if code == "ResourceNotFoundException":
        return "not_found"
    if code == "InvalidParameterException":
        return "no_face"
    if code == QUOTA_CODE:
        return "quota"
    return f"error:{code}"


def retry_attempts(exc: BaseException) -> int:
    """How many times botocore retried a call that failed in the end (0 when it never answered)."""
    if isinstance(exc, ClientError):
        return int(exc.response.get("ResponseMetadata", {}).get("RetryAttempts", 0))
    return 0


def describe_client_error(exc: ClientError) -> str:
    error = exc.response.get("Error", {})
    return f"{error.get('Code', 'Unknown')}: {error.get('Message', '').strip() or 'no message'}"


def _botocore_words(exc: BaseException) -> str:
    """botocore's message, as a `say` text where the window can translate it (it is the same English)."""
    profile = getattr(exc, "kwargs", {}).get("profile") if isinstance(exc, ProfileNotFound) else None
    text = str(exc)
    if profile is not None and text == f"The config profile ({profile}) could not be found":
        return say("The config profile ({profile}) could not be found", profile=profile)
    return text


def translate(exc: BaseException, operation: str, *, collection_id: str, region: str,
              rate_limit: float | None = None, service: str = "rekognition") -> Exception:
    """The exception the rest of the app should see for `exc`, raised by `operation`."""
    action = f"{service}:{operation}"
    if isinstance(exc, NETWORK_ERRORS):
        return EngineUnavailable(say(
            "cannot reach Amazon Rekognition in {region} ({error}); check the network connection and {retry}",
            region=region, error=type(exc).__name__, retry=IMPORT_AGAIN))
    if isinstance(exc, (NoCredentialsError, PartialCredentialsError)):
        return EngineConfigError(NO_CREDENTIALS_HELP)
    if isinstance(exc, NoRegionError):
        return EngineConfigError(NO_REGION_HELP)
    if isinstance(exc, ProfileNotFound):
        return EngineConfigError(say("{error}: {fix}", error=_botocore_words(exc), fix=PROFILE_CHECK))
    if isinstance(exc, (TokenRetrievalError, UnauthorizedSSOTokenError, CredentialRetrievalError)):
        return EngineConfigError(say("your AWS sign-in has expired or failed ({error}); sign in again"
                                     " (`aws sso login --profile NAME`) {or_key}", error=str(exc),
                                     or_key=SIGN_IN_AGAIN))
    if not isinstance(exc, ClientError):
        if isinstance(exc, BotoCoreError):
            return EngineError(say("Rekognition {operation} failed: {error}", operation=operation, error=str(exc)))
        return exc if isinstance(exc, Exception) else EngineError(str(exc))
    code = error_code(exc)
    detail = describe_client_error(exc)
    if code == "AccessDeniedException":
        return AccessDenied(say(
            "AWS denied {action} (AccessDeniedException): add the action \"{action}\" to the IAM policy of this"
            " user or role (see \"Using Amazon Rekognition\" in the README for a least-privilege policy), then"
            " import again; nothing was lost", action=action), action)
    if code == "ResourceNotFoundException":
        return CollectionNotFound(say(
            "the Rekognition collection {collection_id!r} was not found in region {region}: either the collection"
            " id or the region is wrong ({settings}), or the collection does not exist yet; create it with {create}",
            collection_id=collection_id, region=region, settings=CONFIG_SHOW, create=CREATE_HINT))
    if code in REJECTED_CREDENTIAL_CODES:
        return EngineConfigError(say(
            "AWS rejected the credentials ({code}): {new_key}, or refresh your profile's sign-in (`aws sso login`)",
            code=code, new_key=NEW_KEY))
    if code in THROTTLING_CODES:
        if rate_limit:
            return EngineUnavailable(say(
                "Amazon Rekognition kept throttling requests (rate limit {rate_limit} calls/s) even after retries;"
                " the import paused with the rest still to do. {slower} or ask AWS for a higher quota, then import"
                " again", rate_limit=f"{rate_limit:g}", slower=LOWER_RATE))
        return EngineUnavailable(say(
            "Amazon Rekognition kept throttling requests even after retries; the import paused with the rest still"
            " to do. {slower} or ask AWS for a higher quota, then import again", slower=LOWER_RATE))
    if code in SERVER_CODES:
        return EngineUnavailable(say("Amazon Rekognition is having trouble ({code}); {retry}", code=code,
                                     retry=IMPORT_LATER))
    if code == QUOTA_CODE:
        return QuotaExceeded(say(
            "Amazon Rekognition refused {operation}: the collection {collection_id!r} reached a service quota"
            " ({detail}); the import paused with the rest still to do. Ask AWS for a higher quota, or match face"
            " by face again ({faces_mode}), then import again", operation=operation, collection_id=collection_id,
            detail=detail, faces_mode=FACES_MODE))
    if code == "InvalidParameterException" and operation in SEARCHES:
        return FaceUnsearchable(say("Rekognition found no face in the crop"))
    if code in IMAGE_CODES:
        reason = (say("the image is not a JPEG or PNG Rekognition can read") if code == "InvalidImageFormatException"
                  else say("the image is larger than Rekognition accepts"))
        if operation in SEARCHES:
            return FaceUnsearchable(reason)
        return EngineError(say("{reason} ({detail})", reason=reason, detail=detail))
    return EngineError(say("Rekognition {operation} failed ({detail})", operation=operation, detail=detail))


# How the app's windows say what the command line says with a command: (the command line's words, the
# words in the Settings dialog, next to its fields and its Test connection and Create collection buttons,
# the words in the main window, which sends the user to Settings). Longer phrases first.
_GUI_WORDS: tuple[tuple[Said, Said, Said], ...] = (
    (NO_CREDENTIALS_HELP,
     say("no AWS credentials were found: type an access key id and secret under Credentials, or choose an AWS"
         " profile there (set one up with `aws configure --profile NAME` or `aws sso login --profile NAME`)"),
     say("no AWS credentials were found: type an access key or choose an AWS profile in Settings › Amazon"
         " Rekognition")),
    (NO_REGION_HELP,
     say("no AWS region is set: choose the region of your collection in the Region field"),
     say("no AWS region is set: choose the region of your collection in Settings › Amazon Rekognition")),
    (CREATE_HINT, say("the Create collection button"),
     say("Test connection, then Create collection, in Settings › Amazon Rekognition")),
    (PROFILE_CHECK, say("choose another profile under Credentials, or check your ~/.aws/config"),
     say("choose another profile in Settings › Amazon Rekognition, or check your ~/.aws/config")),
    (CONFIG_SHOW, say("see Region and Collection above"), say("see Settings › Amazon Rekognition")),
    (SIGN_IN_AGAIN, say("or type an access key under Credentials"),
     say("or save an access key in Settings › Amazon Rekognition")),
    (NEW_KEY, say("type a valid access key under Credentials"),
     say("type a valid access key in Settings › Amazon Rekognition")),
    (LOWER_RATE, say("Wait a few minutes"), say("Wait a few minutes")),
    (FACES_MODE, say("untick Match against whole people above"),
     say("untick Match against whole people in Settings › Amazon Rekognition")),
    (IMPORT_AGAIN, say("press Test connection again"), IMPORT_AGAIN),
    (IMPORT_LATER, say("press Test connection again later"), IMPORT_LATER),
)


@overload
def gui_wording(message: Said, where: str = "dialog") -> Said: ...


@overload
def gui_wording(message: str, where: str = "dialog") -> str: ...


def gui_wording(message: str, where: str = "dialog") -> str:
    """`message` as the app's windows say it: what to do in the Settings dialog (`where="dialog"`, for Test
    connection) or where to go from the main window (`"window"`), instead of a `beetroot` command to run.
    The command line keeps its own words (the messages above).

    A `say` message comes back as one with the same template, its command arguments (and those of the
    messages it holds) replaced by the GUI's words, so the window can still translate it (`ui.i18n.translated`);
    plain text has the commands replaced in place."""
    if isinstance(message, Said):
        return _gui_said(message, where)
    column = 1 if where == "dialog" else 2
    for words in _GUI_WORDS:
        message = message.replace(words[0], words[column])
    return message


def _gui_said(message: Said, where: str) -> Said:
    for words in _GUI_WORDS:
        if message == words[0]:
            return words[1 if where == "dialog" else 2]
    if not message.args:
        return message
    return Said(message.template, {key: gui_wording(value, where) if isinstance(value, str) else value
                                   for key, value in message.args.items()})
