"""The app's log file: what happened during imports, for the user's own troubleshooting.

A redaction filter runs on every record, so an AWS secret that slips into a message (an exception text,
a botocore debug line) is masked before it reaches the file.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

from .config import log_dir

LOG_NAME = "beetroot.log"
# (pattern, replacement) pairs; the groups kept in a replacement are labels, never the secret itself.
_SECRET_PATTERNS = [
    (re.compile(r"(?i)(aws_secret_access_key|secret_access_key|SecretAccessKey|x-amz-security-token)"
                r"(['\"]?\s*[:=]\s*['\"]?)[^\s'\",}]+"), r"\1\2****"),
    (re.compile(r"(Signature=|Credential=)[^\s,]+"), r"\1****"),
    (re.compile(r"(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])"), "****"),  # a secret key's shape
]


def redact(text: str) -> str:
    for pattern, replacement in _SECRET_PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, ()
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Log to a rotating file in the platform's log folder; returns its path (None if it cannot be written)."""
    root = logging.getLogger("beetroot")
    if any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        return Path(root.handlers[0].baseFilename)  # type: ignore[attr-defined]
    directory = log_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(directory / LOG_NAME, maxBytes=2_000_000, backupCount=3,
                                                       encoding="utf-8", errors="backslashreplace")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    root.addHandler(handler)
    root.setLevel(level)
    return directory / LOG_NAME
