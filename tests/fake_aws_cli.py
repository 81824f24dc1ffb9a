"""Run one `beetroot` command against the in-memory Rekognition (under moto): a demo that costs nothing.

    PYTHONPATH=.:tests python tests/fake_aws_cli.py import --engine rekognition --library /tmp/demo tests/data/photos
    python -m beetroot_desktop costs --library /tmp/demo

The fake starts with an empty `beetroot-faces` collection and lives only as long as the command.
"""

from __future__ import annotations

import sys

import pytest
from cloud_helpers import fake_aws_env
from fake_rekognition import FakeRekognition

from beetroot_desktop.cli import main


def run(argv: list[str]) -> int:
    with pytest.MonkeyPatch.context() as mp, fake_aws_env(FakeRekognition().create(), mp):
        mp.setenv("AWS_REGION", "us-east-1")
        return main(argv)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
