"""Settings: where things live, what the user chose, and what the environment overrides.

Settings are a small JSON file in the user's config directory. Secrets never go there: they live in the
system keyring (see `beetroot_desktop.secrets`). Environment variables win over the file so that scripts,
tests and the upstream deployment (`REKOGNITION_COLLECTION_ID`, `FACE_MATCH_THRESHOLD`) keep working.

Validators. One function per setting says whether a value can be used; the settings file, `beetroot config
set`, the environment and the settings dialog all use the same ones (these names are stable):

    threshold_problem(value)        engine_problem(value)          collection_id_problem(value, required=False)
    workers_problem(value)          detector_problem(value)        aws_region_problem(value)
    rate_limit_problem(value)       library_dir_problem(value)     aws_profile_problem(value)
    watch_folders_problem(value)   xmp_sync_problem(value)        xmp_sidecar_problem(value)
    appearance_problem(value)       language_problem(value)        rekognition_mode_problem(value)
    access_key_id_problem(value)    (an AWS access key id; never saved in the file, see `secrets`)

Each takes a value of the setting's own type (what JSON or a form widget gives: a number, a string, true or
false), returns None when the value is usable, and otherwise one sentence that names the setting and what it
accepts (a `wording.say` message: the window shows it in the user's language).
`setting_problem(key, value)` picks the validator by name (`VALIDATORS`); `coerce(key, text)` turns text
typed on the command line into the setting's type first. `max_workers()` is the bound on `workers`.

Reading the file: `load_settings()` raises ConfigError when the file (or an environment variable) holds a
value that cannot be used, naming the file, the key and the command that repairs it. `read_settings()`
never raises for such values: it uses the default for each of them and returns the problems, so a caller
can start with defaults and warn (the CLI's read-only commands, `config set`/`config unset`, the GUI).
"""

from __future__ import annotations

import errno
import json
import math
import os
import re
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

from .wording import Said, message_of, say

APP_NAME = "Beetroot"
DEFAULT_THRESHOLD = 95.0
DEFAULT_COLLECTION_ID = "beetroot-faces"
MIN_THRESHOLD = 50.0
MAX_THRESHOLD = 100.0
ENGINES = ("local", "rekognition")
DETECTORS = ("rekognition", "local")
REKOGNITION_MODES = ("faces", "users")  # match face by face, or against a user vector per person
MAX_WORKERS_PER_CORE = 2  # more worker processes than this only wait for the same cores and use memory
COLLECTION_ID_RE = re.compile(r"[a-zA-Z0-9_.\-]{1,255}")  # Rekognition's CollectionId pattern
REGION_RE = re.compile(r"[a-z]{2}(-[a-z]+)+-\d{1,2}")  # us-east-1, eu-central-2, us-gov-west-1
ACCESS_KEY_ID_RE = re.compile(r"[A-Z0-9]{16,128}")  # AKIA..., ASIA...: capital letters and digits
NO_COLLECTION_HELP = say(
    "the Rekognition engine needs a collection id: set it with `beetroot config set collection_id "
    "beetroot-faces` (or in Settings), or with the REKOGNITION_COLLECTION_ID environment variable"
)


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


# -- validators -----------------------------------------------------------------------------------------
def _shown(value: Any) -> str:
    """A value as the user wrote it in the file or on the command line."""
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return repr(value)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def max_workers() -> int:
    """The most worker processes an import may start on this computer."""
    return MAX_WORKERS_PER_CORE * max(1, os.cpu_count() or 1)


def threshold_problem(value: Any) -> str | None:
    if not _is_number(value) or not MIN_THRESHOLD <= value <= MAX_THRESHOLD:
        return say("threshold must be between {low} and {high} (a number: the percentage of similarity), not"
                   " {value}", low=f"{MIN_THRESHOLD:g}", high=f"{MAX_THRESHOLD:g}", value=_shown(value))
    return None


def workers_problem(value: Any) -> str | None:
    most = max_workers()
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        return say("workers must be 0 (one per processor core) or a whole number of photos analysed at once, up"
                   " to {most}, not {value}", most=most, value=_shown(value))
    if value > most:
        return say("workers must be at most {most} on this computer ({per_core} per processor core), not {value}:"
                   " more processes only wait for the same cores and use more memory",
                   most=most, per_core=MAX_WORKERS_PER_CORE, value=value)
    return None


def rate_limit_problem(value: Any) -> str | None:
    if not _is_number(value) or value <= 0:
        return say("rate_limit must be a positive number of Amazon Rekognition calls per second, not {value}",
                   value=_shown(value))
    return None


def engine_problem(value: Any) -> str | None:
    if value not in ENGINES or not isinstance(value, str):
        return say("engine must be one of {choices}, not {value}",
                   choices=", ".join(ENGINES), value=_shown(value))
    return None


def detector_problem(value: Any) -> str | None:
    if value not in DETECTORS or not isinstance(value, str):
        return say("detector must be one of {choices}, not {value}",
                   choices=", ".join(DETECTORS), value=_shown(value))
    return None


def rekognition_mode_problem(value: Any) -> str | None:
    if value not in REKOGNITION_MODES or not isinstance(value, str):
        return say("rekognition_mode must be one of {choices}, not {value}",
                   choices=", ".join(REKOGNITION_MODES), value=_shown(value))
    return None


def collection_id_problem(value: Any, required: bool = False) -> str | None:
    """An empty id is allowed in the settings ("not chosen yet") unless `required` (the cloud engine)."""
    if not isinstance(value, str):
        return say("collection_id must be text, not {value}", value=_shown(value))
    text = value.strip()
    if not text:
        return NO_COLLECTION_HELP if required else None
    if not COLLECTION_ID_RE.fullmatch(text):
        return say("{value} is not a valid Rekognition collection id: use 1-255 letters, digits, '_', '.' or '-'",
                   value=_shown(text))
    return None


def aws_region_problem(value: Any) -> str | None:
    if not isinstance(value, str) or (value.strip() and not REGION_RE.fullmatch(value.strip())):
        return say("aws_region must be an AWS region name like eu-west-1 (or empty), not {value}", value=_shown(value))
    return None


def aws_profile_problem(value: Any) -> str | None:
    if not isinstance(value, str) or not value.isprintable():
        return say("aws_profile must be the name of a profile in your AWS config (or empty), not {value}",
                   value=_shown(value))
    return None


def library_dir_problem(value: Any) -> str | None:
    """A folder path (or empty: the default folder). It may not exist yet, but it must not be a file."""
    if not isinstance(value, (str, os.PathLike)):
        return say("library_dir must be the path of a folder (or empty), not {value}", value=_shown(value))
    text = os.fspath(value)
    if not text:
        return None
    if "\x00" in text:
        return say("library_dir {value} is not a usable path", value=_shown(text))
    path = Path(text).expanduser()
    for probe in (path, *path.parents):
        try:
            if probe.is_dir():
                return None
            if not (probe.exists() or probe.is_symlink()):
                continue
            is_file = probe.is_file()
            kind = (say("a file") if is_file else say("a broken link") if not probe.exists()
                    else say("a device or another special file"))
        except OSError:  # cannot look (permissions): opening the library will say what is wrong
            return None
        if probe == path:
            if path.name == "library.sqlite3" and is_file:
                return say("the library folder {path} is a file, not a folder; it is a library's file: its library"
                           " folder is {folder}", path=str(path), folder=str(path.parent))
            return say("the library folder {path} is {kind}, not a folder", path=str(path), kind=kind)
        return say("{probe} is {kind}, so {path} cannot be a library folder", probe=str(probe), kind=kind,
                   path=str(path))
    return None


def watch_folders_problem(value: Any) -> str | None:
    if not isinstance(value, bool):
        return say("watch_folders must be true or false, not {value}", value=_shown(value))
    return None


def xmp_sync_problem(value: Any) -> str | None:
    if not isinstance(value, bool):
        return say("xmp_sync must be true or false, not {value}", value=_shown(value))
    return None


XMP_SIDECARS = ("jpg.xmp", "xmp")  # photo.jpg.xmp (digiKam, darktable) or photo.xmp (Lightroom, Adobe)


def xmp_sidecar_problem(value: Any) -> str | None:
    if value not in XMP_SIDECARS:
        return say("xmp_sidecar must be one of {choices}, not {value}",
                   choices=", ".join(XMP_SIDECARS), value=_shown(value))
    return None


APPEARANCES = ("system", "light", "dark")  # "system" follows the desktop's light or dark scheme
LANGUAGES = ("system", "en", "de")  # "system" takes the desktop's language when there is a translation for it


def appearance_problem(value: Any) -> str | None:
    if value not in APPEARANCES:
        return say("appearance must be one of {choices}, not {value}",
                   choices=", ".join(APPEARANCES), value=_shown(value))
    return None


def language_problem(value: Any) -> str | None:
    if value not in LANGUAGES:
        return say("language must be one of {choices}, not {value}",
                   choices=", ".join(LANGUAGES), value=_shown(value))
    return None


def access_key_id_problem(value: Any) -> str | None:
    """An AWS access key id as `aws-login` and the settings dialog accept it (the secret is not checked)."""
    if not isinstance(value, str) or not ACCESS_KEY_ID_RE.fullmatch(value.strip()):
        return say("an AWS access key id is 16 to 128 capital letters and digits (like AKIA…)")
    return None


VALIDATORS: dict[str, Callable[[Any], str | None]] = {
    "engine": engine_problem,
    "threshold": threshold_problem,
    "workers": workers_problem,
    "library_dir": library_dir_problem,
    "aws_region": aws_region_problem,
    "aws_profile": aws_profile_problem,
    "collection_id": collection_id_problem,
    "detector": detector_problem,
    "rekognition_mode": rekognition_mode_problem,
    "rate_limit": rate_limit_problem,
    "watch_folders": watch_folders_problem,
    "xmp_sync": xmp_sync_problem,
    "xmp_sidecar": xmp_sidecar_problem,
    "appearance": appearance_problem,
    "language": language_problem,
}


def setting_problem(key: str, value: Any) -> str | None:
    """What is wrong with `value` for setting `key`, or None when it can be used."""
    check = VALIDATORS.get(key)
    if check is None:
        return f"unknown setting {key!r}; known settings: {', '.join(sorted(VALIDATORS))}"
    return check(value)


def validate_threshold(value: float) -> float:
    problem = threshold_problem(value)
    if problem:
        raise ConfigError(problem)
    return float(value)


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
    rekognition_mode: str = "faces"  # "users": one Rekognition user vector per person (engines/rekognition.py)
    rate_limit: float = 5.0
    watch_folders: bool = True  # while the app runs, changes in the imported folders are imported
    xmp_sync: bool = False  # the app rewrites the XMP sidecars of the photos whose names an edit changed
    xmp_sidecar: str = "jpg.xmp"  # the sidecar name the app writes: photo.jpg.xmp or photo.xmp
    appearance: str = "system"  # the window's colours: the desktop's scheme, or always light or dark
    language: str = "system"  # the window's language (the command line always speaks English)
    # Extra sources of truth that only the environment may set; never saved.
    _env: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def problems(self) -> list[str]:
        """One message per setting whose value cannot be used, in field order."""
        return [msg for key in self.to_json() if (msg := setting_problem(key, getattr(self, key)))]

    def validate(self) -> None:
        problems = self.problems()
        if problems:
            raise ConfigError("; ".join(problems))

    def library_path(self) -> Path:
        return resolve_library_dir(None, self)

    def effective_workers(self) -> int:
        return self.workers or max(1, os.cpu_count() or 1)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("_env", None)
        return data


_FIELD_TYPES = {f.name: f.type for f in fields(Settings) if not f.name.startswith("_")}
_TRUE, _FALSE = ("true", "yes", "on", "1"), ("false", "no", "off", "0")


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
        raise ConfigError(say("{key} must be a number, not {value!r}", key=key, value=value)) from exc
    if kind == "bool":
        word = value.strip().lower()
        if word not in (*_TRUE, *_FALSE):
            raise ConfigError(f"{key} must be true or false, not {value!r}")
        return word in _TRUE
    if key == "library_dir" and value.strip():
        return os.path.abspath(os.path.expanduser(value.strip()))  # a saved path never depends on the cwd
    return value


# -- reading and writing the file -------------------------------------------------------------------------
@dataclass(frozen=True)
class SettingProblem:
    """A value in the settings file or the environment that cannot be used, and how to fix it."""

    key: str | None  # None: the whole file is unusable
    source: str  # the settings file's path, or the environment variable's name
    message: str  # what is wrong, without where
    in_environment: bool = False

    def __str__(self) -> Said:  # str() gives this Said itself: the window translates it (and the message in it)
        if self.in_environment:
            return say("the environment variable {variable} cannot be used: {problem}; change it or unset it",
                       variable=self.source, problem=self.message)
        if self.key is None:
            return say("settings file {path} is unreadable: {problem}; fix it, or run `beetroot config unset KEY`"
                       " for any setting to start it again from the defaults (the old file is kept beside it)",
                       path=self.source, problem=self.message)
        return say("settings file {path}: {problem}; fix it with `beetroot config set {key} VALUE`, or go back to"
                   " the default with `beetroot config unset {key}`", path=self.source, problem=self.message,
                   key=self.key)


def _normalised(key: str, value: Any) -> Any:
    if key in ("threshold", "rate_limit"):
        return float(value)
    return value


def read_settings(path: Path | None = None, *, apply_env: bool = True) -> tuple[Settings, list[SettingProblem]]:
    """The settings, with the default for every value that cannot be used, and the list of those problems."""
    path = path or settings_path()
    settings = Settings()
    problems: list[SettingProblem] = []
    raw: Any = {}
    if path.exists() or path.is_symlink():
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            problems.append(SettingProblem(None, str(path), say("it cannot be read ({error})",
                                                                error=exc.strerror or str(exc))))
            raw = {}
        except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError
            problems.append(SettingProblem(None, str(path), say("it is not valid JSON ({error})", error=str(exc))))
            raw = {}
    if not isinstance(raw, dict):
        kind = say("a list") if isinstance(raw, list) else say("a string") if isinstance(raw, str) else _shown(raw)
        problems.append(SettingProblem(None, str(path), say("it holds {kind} instead of settings (a JSON object)",
                                                            kind=kind)))
        raw = {}
    for key, value in raw.items():
        if key not in _FIELD_TYPES:
            continue  # a setting of another version of the app: ignored, and written back as it was on a save
        problem = setting_problem(key, value)
        if problem:
            problems.append(SettingProblem(key, str(path), problem))
        else:
            setattr(settings, key, _normalised(key, value))
    if apply_env:
        apply_environment(settings, problems=problems)
    return settings, problems


def load_settings(path: Path | None = None, *, apply_env: bool = True) -> Settings:
    """The settings; ConfigError (naming the file or variable, the key and the fix) when one cannot be used."""
    settings, problems = read_settings(path, apply_env=apply_env)
    if problems:
        raise ConfigError("\n".join(str(p) for p in problems))
    return settings


# The environment variables that override a saved setting, first set one wins.
ENV_OVERRIDES: dict[str, tuple[str, ...]] = {
    "engine": ("BEETROOT_ENGINE",),
    "threshold": ("FACE_MATCH_THRESHOLD",),
    "collection_id": ("REKOGNITION_COLLECTION_ID",),
    "aws_region": ("AWS_REGION", "AWS_DEFAULT_REGION"),
    "aws_profile": ("AWS_PROFILE",),
}
# Set but empty is an error for these (upstream: the collection is required; a wrong one fails fast).
REQUIRED_WHEN_SET = frozenset({"REKOGNITION_COLLECTION_ID"})


def env_source(key: str, env: Mapping[str, str] | None = None) -> str | None:
    """The environment variable that overrides setting `key` now, if any."""
    env = os.environ if env is None else env
    return next((var for var in ENV_OVERRIDES.get(key, ()) if env.get(var) or (var in REQUIRED_WHEN_SET
                                                                                and var in env)), None)


def apply_environment(settings: Settings, env: Mapping[str, str] | None = None, *,
                      problems: list[SettingProblem] | None = None) -> Settings:
    """Apply the overrides; a value that cannot be used raises ConfigError, or is listed in `problems`.

    Beetroot's own and the upstream variables are checked with the settings' validators; the AWS ones
    (region, profile) are botocore's to judge, as for every other AWS tool.
    """
    env = dict(os.environ if env is None else env)
    for key in ENV_OVERRIDES:
        var = env_source(key, env)
        if not var:
            continue
        text = env[var]
        value: Any = text
        problem: str | None = None
        if key == "collection_id":
            value = text.strip()
            problem = (collection_id_problem(value, required=True) if value else
                       say("it is set but empty; the Rekognition collection id is required when it is set: give"
                           " the id (like beetroot-faces)"))
        elif key in ("threshold", "engine"):
            try:
                value = coerce(key, text)
                problem = setting_problem(key, value)
            except ConfigError as exc:
                problem = message_of(exc)
            if problem:
                problem = say("{variable}={value}: {problem}", variable=var, value=_shown(text), problem=problem)
        if problem is None:
            setattr(settings, key, value)
            continue
        found = SettingProblem(key, var, problem, in_environment=True)
        if problems is None:
            raise ConfigError(str(found))
        problems.append(found)
    settings._env = {k: v for k, v in env.items() if k.startswith(("AWS_", "BEETROOT_"))}
    return settings


def write_settings_file(settings: Settings, path: Path | None = None) -> Path:
    """Write atomically (no validation) so a crash mid-save never leaves a half-written settings file. The
    settings this version does not know (a newer Beetroot's) are written back as they were."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {**_other_versions_settings(path), **settings.to_json()}
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, sort_keys=True)
            fh.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _other_versions_settings(path: Path) -> dict[str, Any]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # no file, or one that cannot be read: kept as NAME.invalid by a save
        return {}
    return {key: value for key, value in raw.items() if key not in _FIELD_TYPES} if isinstance(raw, dict) else {}


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Validate, then write atomically. A file on disk with a value that cannot be used (written by hand or by
    another version) is kept beside it first (`keep_invalid`): saving the Settings dialog never loses what was
    there; the settings of another version are written back (`write_settings_file`)."""
    settings.validate()
    target = path or settings_path()
    if read_settings(target, apply_env=False)[1]:
        keep_invalid(target)
    return write_settings_file(settings, target)


def keep_invalid(path: Path) -> Path | None:
    """Copy a settings file that has problems to NAME.invalid beside it before it is written again (None:
    there is no file). Raises OSError when the copy cannot be made: then the file must not be replaced.

    The copy is a new file: an earlier copy is never written over (the next is NAME.invalid-2, ...), and a
    link at that name is never followed (a copy must not land in a file the link points to)."""
    if not (path.exists() or path.is_symlink()):
        return None
    content = path.read_bytes()
    for n in range(1, 1000):
        kept = path.with_name(path.name + (".invalid" if n == 1 else f".invalid-{n}"))
        try:
            with open(kept, "xb") as copy:  # O_EXCL: fails on any existing name, a link included
                copy.write(content)
        except FileExistsError:
            continue
        return kept
    raise FileExistsError(errno.EEXIST, "no free name for a copy of the settings file", str(path))


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


def library_dir_source(cli_value: str | os.PathLike[str] | None, settings: Settings | None = None) -> str:
    """Where `resolve_library_dir` took the folder from, in words for a message."""
    if cli_value:
        return "--library"
    if os.environ.get("BEETROOT_LIBRARY"):
        return "the BEETROOT_LIBRARY environment variable"
    if settings is not None and settings.library_dir:
        return f"the library_dir setting in {settings_path()}"
    return "the default library folder"
