"""Which AWS credentials, region and collection id the app uses, and the boto3 clients built from them.

Order, first that applies:
1. a profile named in the settings or in AWS_PROFILE (profiles cover SSO, roles and static keys);
2. an access key saved with `beetroot aws-login` (system keyring only);
3. boto3's default chain: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, the default profile, SSO, instance roles.

Endpoints: botocore itself honours AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_REKOGNITION (and the
`endpoint_url` setting of a profile), so a local test double or a VPC endpoint works without any code here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError

from .. import __version__
from ..config import collection_id_problem
from ..secrets import load_aws_credentials, mask
from ..wording import message_of
from .aws_errors import NO_REGION_HELP, translate
from .base import EngineConfigError

if TYPE_CHECKING:
    from ..config import Settings

MAX_ATTEMPTS = 5  # first try + 4 retries; throttling backs off about 1, 2, 4, 8 s (botocore standard mode)
CONNECT_TIMEOUT_S = 5
READ_TIMEOUT_S = 30


@dataclass(frozen=True)
class CredentialSource:
    kind: str  # profile | keyring | environment | default-chain
    description: str  # for people: never holds a secret


def credential_source(settings: Settings) -> CredentialSource:
    """Where the credentials will come from, without contacting AWS."""
    if settings.aws_profile:
        return CredentialSource("profile", f"AWS profile {settings.aws_profile!r}")
    saved = load_aws_credentials()
    if saved is not None:
        return CredentialSource("keyring", f"access key {mask(saved.access_key_id)} saved in the system keyring")
    if os.environ.get("AWS_ACCESS_KEY_ID"):
        return CredentialSource("environment",
                                f"AWS_ACCESS_KEY_ID {mask(os.environ['AWS_ACCESS_KEY_ID'])} in the environment")
    return CredentialSource("default-chain", "the AWS default chain (default profile, SSO or instance role)")


def check_collection_id(collection_id: str | None) -> str:
    """The id, stripped; EngineConfigError (saying how to set one) when it is missing or not valid."""
    value = (collection_id or "").strip()
    problem = collection_id_problem(value, required=True)
    if problem:
        raise EngineConfigError(problem)
    return value


def make_session(settings: Settings) -> boto3.Session:
    """A boto3 session for the settings' credentials; raises EngineConfigError with a fix when it cannot."""
    region = settings.aws_region or None
    try:
        if settings.aws_profile:
            return boto3.Session(profile_name=settings.aws_profile, region_name=region)
        saved = load_aws_credentials()
        if saved is not None:
            return boto3.Session(aws_access_key_id=saved.access_key_id,
                                 aws_secret_access_key=saved.secret_access_key, region_name=region)
        return boto3.Session(region_name=region)
    except BotoCoreError as exc:
        raise _config_error(exc) from exc


def resolve_region(settings: Settings, session: boto3.Session) -> str:
    region = settings.aws_region or session.region_name
    if not region:
        raise EngineConfigError(NO_REGION_HELP)
    return str(region)


def client_config(settings: Settings | None = None) -> Config:
    return Config(
        retries={"mode": "standard", "total_max_attempts": MAX_ATTEMPTS},
        connect_timeout=CONNECT_TIMEOUT_S,
        read_timeout=READ_TIMEOUT_S,
        user_agent_extra=f"beetroot-desktop/{__version__}",
    )


def make_client(session: boto3.Session, service: str, region: str) -> Any:
    try:
        return session.client(service, region_name=region, config=client_config())
    except BotoCoreError as exc:
        raise _config_error(exc) from exc


def _config_error(exc: BotoCoreError) -> EngineConfigError:
    mapped = translate(exc, "connect", collection_id="", region="")
    return mapped if isinstance(mapped, EngineConfigError) else EngineConfigError(message_of(mapped))
