"""Settings: where things live, what the user chose, and what the environment overrides.

Settings are a small JSON file in the user's config directory. Secrets never go there: they live in the
system keyring (see `beetroot_desktop.secrets`). Environment variables win over the file so that scripts,
tests and the upstream deployment (`REKOGNITION_COLLECTION_ID`, `FACE_MATCH_THRESHOLD`) keep working.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

APP_NAME = "Beetroot"
DEFAULT_THRESHOLD = 95.0
DEFAULT_COLLECTION_ID = "beetroot-faces"
MIN_THRESHOLD = 50.0
MAX_THRESHOLD = 100.0
ENGINES = ("local", "rekognition")
DETECTORS = ("rekognition", "local")


class ConfigError(ValueError):
    """A setting has a value the app cannot use; the message says how to fix it."""


def config_dir() -> Path:
    override = os.environ.get("BEETROOT_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_library_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    override = os.environ.get("BEETROOT_LOG_DIR")
    return Path(override) if override else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def settings_path() -> Path:
    return config_dir() / "settings.json"


@dataclass
class Settings:
    engine: str = "local"
    threshold: float = DEFAULT_THRESHOLD
    workers: int = 0  # 0 means one per CPU core
    library_dir: str = ""  # empty means the platform's data directory
    aws_region: str = ""
    aws_profile: str = ""
    collection_id: str = DEFAULT_COLLECTION_ID
    detector: str = "rekognition"
    rate_limit: float = 5.0
    # Extra sources of truth that only the environment may set; never saved.
    _env: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def validate(self) -> None:
        if self.engine not in ENGINES:
            raise ConfigError(f"engine must be one of {', '.join(ENGINES)}, not {self.engine!r}")
        validate_threshold(self.threshold)
        if self.detector not in DETECTORS:
            raise ConfigError(f"detector must be one of {', '.join(DETECTORS)}, not {self.detector!r}")
        if self.workers < 0:
            raise ConfigError("workers must be 0 (one per core) or a positive number")
        if not self.rate_limit > 0:
            raise ConfigError("rate_limit must be a positive number of calls per second")

    def library_path(self) -> Path:
        return resolve_library_dir(None, self)

    def effective_workers(self) -> int:
        return self.workers or max(1, os.cpu_count() or 1)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("_env", None)
        return data


def validate_threshold(value: float) -> float:
    if not (MIN_THRESHOLD <= float(value) <= MAX_THRESHOLD):
        raise ConfigError(f"threshold must be between {MIN_THRESHOLD:g} and {MAX_THRESHOLD:g}, not {value:g}")
    return float(value)


_FIELD_TYPES = {f.name: f.type for f in fields(Settings) if not f.name.startswith("_")}


def coerce(key: str, value: str) -> Any:
    """Turn a text value (from the CLI or the environment) into the field's type, or raise ConfigError."""
    if key not in _FIELD_TYPES:
        raise ConfigError(f"unknown setting {key!r}; known settings: {', '.join(sorted(_FIELD_TYPES))}")
    kind = _FIELD_TYPES[key]
    try:
        if kind == "float":
            return float(value)
        if kind == "int":
            return int(value)
    except ValueError as exc:
        raise ConfigError(f"{key} must be a number, not {value!r}") from exc
    return value


def load_settings(path: Path | None = None, *, apply_env: bool = True) -> Settings:
    path = path or settings_path()
    settings = Settings()
    if path.exists():
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ConfigError(f"settings file {path} is unreadable ({exc}); fix or delete it") from exc
        for key, value in raw.items():
            if key in _FIELD_TYPES:
                setattr(settings, key, value)
    if apply_env:
        apply_environment(settings)
    return settings


# The environment variables that override a saved setting, first set one wins.
ENV_OVERRIDES: dict[str, tuple[str, ...]] = {
    "engine": ("BEETROOT_ENGINE",),
    "threshold": ("FACE_MATCH_THRESHOLD",),
    "collection_id": ("REKOGNITION_COLLECTION_ID",),
    "aws_region": ("AWS_REGION", "AWS_DEFAULT_REGION"),
    "aws_profile": ("AWS_PROFILE",),
}


def env_source(key: str, env: Mapping[str, str] | None = None) -> str | None:
    """The environment variable that overrides setting `key` now, if any."""
    env = os.environ if env is None else env
    return next((var for var in ENV_OVERRIDES.get(key, ()) if env.get(var)), None)


def apply_environment(settings: Settings, env: dict[str, str] | None = None) -> Settings:
    env = dict(os.environ if env is None else env)
    for key in ENV_OVERRIDES:
        var = env_source(key, env)
        if var:
            setattr(settings, key, coerce(key, env[var]) if key == "threshold" else env[var])
    settings._env = {k: v for k, v in env.items() if k.startswith(("AWS_", "BEETROOT_"))}
    return settings


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write atomically so a crash mid-save never leaves a half-written settings file."""
    settings.validate()
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(settings.to_json(), fh, indent=2, sort_keys=True)
            fh.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def aws_profiles() -> list[str]:
    """Profile names from the user's AWS config and credentials files (no network, no secrets read)."""
    try:
        import botocore.session

        return sorted(botocore.session.Session().available_profiles)
    except Exception:  # a malformed AWS config must not break the settings dialog
        return []


def resolve_library_dir(cli_value: str | os.PathLike[str] | None, settings: Settings | None = None) -> Path:
    """--library beats BEETROOT_LIBRARY beats the saved setting beats the platform default."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get("BEETROOT_LIBRARY")
    if env:
        return Path(env).expanduser()
    if settings is not None and settings.library_dir:
        return Path(settings.library_dir).expanduser()
    return default_library_dir()
