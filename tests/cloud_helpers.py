"""Shared pieces of the cloud engine tests: no test reaches AWS.

Every test runs under `moto.mock_aws` (STS answers, and nothing can leave for amazonaws.com), with
Rekognition pointed at a `.invalid` host through AWS_ENDPOINT_URL_REKOGNITION that only the in-memory
fake (tests/fake_rekognition.py) answers.
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Iterator
from typing import Any

import boto3
import botocore.handlers
import pytest
from botocore.retries.standard import ExponentialBackoff
from fake_rekognition import FAKE_ENDPOINT, FakeRekognition
from moto import mock_aws

from beetroot_desktop.engines.aws_session import client_config
from beetroot_desktop.engines.rekognition import RekognitionEngine
from beetroot_desktop.library import Library

REGION = "us-east-1"
BACKOFFS: list[float] = []  # the delays botocore's standard retry mode chose, before the test shortens them
_original_delay = ExponentialBackoff.delay_amount


def _quick_delay(self: ExponentialBackoff, context: Any) -> float:
    delay = _original_delay(self, context)
    BACKOFFS.append(delay)
    return delay / 100  # same decisions, a hundredth of the wait


@contextlib.contextmanager
def fake_aws_env(fake: FakeRekognition, mp: pytest.MonkeyPatch) -> Iterator[FakeRekognition]:
    """moto for AWS, the fake for Rekognition in every client the app builds, quick retries."""
    with mock_aws():
        mp.setenv("AWS_ENDPOINT_URL_REKOGNITION", FAKE_ENDPOINT)
        mp.setenv("AWS_REGION", REGION)
        mp.setattr(botocore.handlers, "BUILTIN_HANDLERS",
                   [*botocore.handlers.BUILTIN_HANDLERS, ("before-send.rekognition", fake)])
        mp.setattr(ExponentialBackoff, "delay_amount", _quick_delay)
        BACKOFFS.clear()
        yield fake


@pytest.fixture
def fake_aws(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeRekognition]:
    """A fake Rekognition that already holds an empty `beetroot-faces` collection."""
    with fake_aws_env(FakeRekognition().create(), monkeypatch) as fake:
        yield fake


def fake_client(fake: FakeRekognition) -> Any:
    """A Rekognition client the test builds itself, answered by `fake` (call inside mock_aws)."""
    client = boto3.client("rekognition", region_name=REGION, endpoint_url=FAKE_ENDPOINT,
                          aws_access_key_id="AKIATESTTESTTEST", aws_secret_access_key="test-secret",
                          config=client_config())
    fake.attach(client)
    return client


def fake_engine(fake: FakeRekognition, library: Library | None, **kwargs: Any) -> RekognitionEngine:
    kwargs.setdefault("rate_limit", 1000.0)
    return RekognitionEngine(fake_client(fake), library, "beetroot-faces", **kwargs)


def clone(fake: FakeRekognition) -> FakeRekognition:
    """A fresh fake holding a copy of `fake`'s collections (faces are never changed in place)."""
    twin = FakeRekognition()
    twin.collections = {cid: dict(faces) for cid, faces in fake.collections.items()}
    twin.users = copy.deepcopy(fake.users)  # users change in place (their faces): a deep copy
    twin._descriptors = copy.copy(fake._descriptors)  # same bytes, same answers: skip recomputing
    return twin
