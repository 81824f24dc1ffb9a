"""AWS failures turned into messages a user can act on, and into what the import should do about them.

- configuration (`EngineConfigError`): credentials, region, IAM permissions, collection; the import stops,
  what was saved stays saved, and the rest is imported on the next run once the setting is fixed;
- unavailable (`EngineUnavailable`): network loss, throttling that retries could not absorb, service
  outages; the import pauses and leaves every unfinished photo pending;
- one face or one photo (`FaceUnsearchable`, `EngineError`): recorded on that face or photo, the import goes on.
"""

from __future__ import annotations

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

from .base import EngineConfigError, EngineError, EngineUnavailable, FaceUnsearchable

# What botocore raises when the network is gone: no route, DNS, refused, timeouts, dropped connections.
NETWORK_ERRORS = (HTTPClientError, BotoConnectionError)

CREATE_HINT = "`beetroot check-aws --create-collection` (or Settings > Test connection > Create collection)"
# The other commands the messages below name (the GUI words them its own way: `gui_wording`).
CONFIG_SHOW = "`beetroot config show`"
PROFILE_CHECK = f"check {CONFIG_SHOW} and your ~/.aws/config"
SIGN_IN_AGAIN = "or run `beetroot aws-login`"
NEW_KEY = "run `beetroot aws-login` again with a valid access key"
LOWER_RATE = "Lower the rate (`beetroot config set rate_limit 2`)"
FACES_MODE = "`beetroot config set rekognition_mode faces`"
IMPORT_AGAIN = "import again: finished photos are saved and the rest are still to do"
IMPORT_LATER = "import again later: finished photos are saved and the rest are still to do"
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

NO_CREDENTIALS_HELP = (
    "no AWS credentials were found. Either run `beetroot aws-login` to save an access key in the system "
    "keyring, or set up a profile (`aws configure --profile NAME` or `aws sso login --profile NAME`) and "
    "choose it with `beetroot config set aws_profile NAME` or AWS_PROFILE"
)
NO_REGION_HELP = (
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


def translate(exc: BaseException, operation: str, *, collection_id: str, region: str,
              rate_limit: float | None = None, service: str = "rekognition") -> Exception:
    """The exception the rest of the app should see for `exc`, raised by `operation`."""
    action = f"{service}:{operation}"
    if isinstance(exc, NETWORK_ERRORS):
        return EngineUnavailable(
            f"cannot reach Amazon Rekognition in {region} ({type(exc).__name__}); check the network connection"
            f" and {IMPORT_AGAIN}")
    if isinstance(exc, (NoCredentialsError, PartialCredentialsError)):
        return EngineConfigError(NO_CREDENTIALS_HELP)
    if isinstance(exc, NoRegionError):
        return EngineConfigError(NO_REGION_HELP)
    if isinstance(exc, ProfileNotFound):
        return EngineConfigError(f"{exc}: {PROFILE_CHECK}")
    if isinstance(exc, (TokenRetrievalError, UnauthorizedSSOTokenError, CredentialRetrievalError)):
        return EngineConfigError(f"your AWS sign-in has expired or failed ({exc}); sign in again"
                                 f" (`aws sso login --profile NAME`) {SIGN_IN_AGAIN}")
    if not isinstance(exc, ClientError):
        if isinstance(exc, BotoCoreError):
            return EngineError(f"Rekognition {operation} failed: {exc}")
        return exc if isinstance(exc, Exception) else EngineError(str(exc))
    code = error_code(exc)
    detail = describe_client_error(exc)
    if code == "AccessDeniedException":
        return AccessDenied(
            f"AWS denied {action} (AccessDeniedException): add the action \"{action}\" to the IAM policy of this"
            " user or role (see \"Using Amazon Rekognition\" in the README for a least-privilege policy), then"
            " import again; nothing was lost", action)
    if code == "ResourceNotFoundException":
        return CollectionNotFound(
            f"the Rekognition collection {collection_id!r} was not found in region {region}: either the collection"
            f" id or the region is wrong ({CONFIG_SHOW}), or the collection does not exist yet; create"
            f" it with {CREATE_HINT}")
    if code in REJECTED_CREDENTIAL_CODES:
        return EngineConfigError(
            f"AWS rejected the credentials ({code}): {NEW_KEY}, or"
            " refresh your profile's sign-in (`aws sso login`)")
    if code in THROTTLING_CODES:
        pace = f" (rate limit {rate_limit:g} calls/s)" if rate_limit else ""
        return EngineUnavailable(
            f"Amazon Rekognition kept throttling requests{pace} even after retries; the import paused with the"
            f" rest still to do. {LOWER_RATE} or ask AWS for a higher"
            " quota, then import again")
    if code in SERVER_CODES:
        return EngineUnavailable(f"Amazon Rekognition is having trouble ({code}); {IMPORT_LATER}")
    if code == QUOTA_CODE:
        return QuotaExceeded(
            f"Amazon Rekognition refused {operation}: the collection {collection_id!r} reached a service quota"
            f" ({detail}); the import paused with the rest still to do. Ask AWS for a higher quota, or match face"
            f" by face again ({FACES_MODE}), then import again")
    if code == "InvalidParameterException" and operation in SEARCHES:
        return FaceUnsearchable("Rekognition found no face in the crop")
    if code in IMAGE_CODES:
        reason = ("the image is not a JPEG or PNG Rekognition can read" if code == "InvalidImageFormatException"
                  else "the image is larger than Rekognition accepts")
        if operation in SEARCHES:
            return FaceUnsearchable(reason)
        return EngineError(f"{reason} ({detail})")
    return EngineError(f"Rekognition {operation} failed ({detail})")


SETTINGS = "Settings › Amazon Rekognition"
# How the app's windows say what the command line says with a command: (the command line's words, the
# words in the Settings dialog, next to its fields and its Test connection and Create collection buttons,
# the words in the main window, which sends the user to Settings). Longer phrases first.
_GUI_WORDS: tuple[tuple[str, str, str], ...] = (
    (NO_CREDENTIALS_HELP,
     "no AWS credentials were found: type an access key id and secret under Credentials, or choose an AWS"
     " profile there (set one up with `aws configure --profile NAME` or `aws sso login --profile NAME`)",
     f"no AWS credentials were found: type an access key or choose an AWS profile in {SETTINGS}"),
    (NO_REGION_HELP,
     "no AWS region is set: choose the region of your collection in the Region field",
     f"no AWS region is set: choose the region of your collection in {SETTINGS}"),
    (CREATE_HINT, "the Create collection button", f"Test connection, then Create collection, in {SETTINGS}"),
    (PROFILE_CHECK, "choose another profile under Credentials, or check your ~/.aws/config",
     f"choose another profile in {SETTINGS}, or check your ~/.aws/config"),
    (CONFIG_SHOW, "see Region and Collection above", f"see {SETTINGS}"),
    (SIGN_IN_AGAIN, "or type an access key under Credentials", f"or save an access key in {SETTINGS}"),
    (NEW_KEY, "type a valid access key under Credentials", f"type a valid access key in {SETTINGS}"),
    (LOWER_RATE, "Wait a few minutes", "Wait a few minutes"),
    (FACES_MODE, "untick Match against whole people above",
     f"untick Match against whole people in {SETTINGS}"),
    (IMPORT_AGAIN, "press Test connection again", IMPORT_AGAIN),
    (IMPORT_LATER, "press Test connection again later", IMPORT_LATER),
)


def gui_wording(message: str, where: str = "dialog") -> str:
    """`message` as the app's windows say it: what to do in the Settings dialog (`where="dialog"`, for Test
    connection) or where to go from the main window (`"window"`), instead of a `beetroot` command to run.
    The command line keeps its own words (the messages above)."""
    column = 1 if where == "dialog" else 2
    for words in _GUI_WORDS:
        message = message.replace(words[0], words[column])
    return message
