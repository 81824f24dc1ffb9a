"""Sub-commands for settings, AWS sign-in and what the cloud engine costs.

    beetroot config set KEY VALUE     save one setting (secrets are refused: they go to the keyring)
    beetroot config show [--json]     every setting, its value and where it comes from; secrets masked
    beetroot aws-login [--forget]     save an AWS access key id + secret in the system keyring
    beetroot check-aws [--create-collection]   GetCallerIdentity + DescribeCollection
    beetroot check-aws --delete-collection [--yes]   DeleteCollection: every face in it, for good
    beetroot costs [--json]           calls and estimated dollars per operation, from the library's ledger

"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from ..config import (
    ConfigError,
    Settings,
    access_key_id_problem,
    coerce,
    env_source,
    keep_invalid,
    load_settings,
    read_settings,
    resolve_library_dir,
    setting_problem,
    settings_path,
    write_settings_file,
)
from ..textsafe import printable
from .common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, CliError, examples, open_library_for, warn
from .progress import plural

SECRET_KEYS = frozenset({"aws_access_key_id", "aws_secret_access_key", "secret", "secret_access_key",
                         "aws_session_token", "password"})
ENDPOINT_VARS = ("AWS_ENDPOINT_URL_REKOGNITION", "AWS_ENDPOINT_URL")


def register(sub: Any) -> None:
    p = sub.add_parser("config", help="show or change settings",
                       **examples("beetroot config show", "beetroot config set threshold 92"))
    config_sub = p.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    q = config_sub.add_parser("set", help="save one setting: beetroot config set KEY VALUE",
                              **examples("beetroot config set threshold 92", "beetroot config set engine rekognition"))
    q.add_argument("key")
    q.add_argument("value")
    q.set_defaults(handler=cmd_config_set)
    q = config_sub.add_parser("unset", help="forget one saved setting (back to its default)",
                              **examples("beetroot config unset threshold"))
    q.add_argument("key")
    q.set_defaults(handler=cmd_config_unset)
    q = config_sub.add_parser("show", help="every setting, its value and where it comes from",
                              **examples("beetroot config show", "beetroot config show --json"))
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_config_show)

    p = sub.add_parser("aws-login", help="save an AWS access key in the system keyring (never in a file)",
                       **examples("beetroot aws-login    # asks for the key id and the secret",
                                  "beetroot aws-login --forget"))
    p.add_argument("--access-key-id", metavar="ID", help="the access key id (asked for when missing)")
    p.add_argument("--forget", action="store_true", help="delete the saved access key instead")
    p.set_defaults(handler=cmd_aws_login)

    p = sub.add_parser("check-aws", help="test the AWS credentials, region and collection",
                       **examples("beetroot check-aws --create-collection",
                                  "beetroot check-aws --delete-collection    # says what it deletes, then asks"))
    what = p.add_mutually_exclusive_group()
    what.add_argument("--create-collection", action="store_true", help="create the collection if it is missing")
    what.add_argument("--delete-collection", action="store_true",
                      help="delete the collection and every face in it, for every library that uses it (asks"
                           " first; not undoable)")
    p.add_argument("--yes", action="store_true", help="with --delete-collection: do not ask (needed without a"
                                                      " terminal)")
    p.add_argument("--library", metavar="DIR", default=argparse.SUPPRESS,
                   help="the library whose ledger records the DeleteCollection call")
    p.set_defaults(handler=cmd_check_aws)

    p = sub.add_parser("costs", help="Amazon Rekognition calls made for this library and what they cost",
                       **examples("beetroot costs", "beetroot costs --library ~/Beetroot --json"))
    p.add_argument("--library", metavar="DIR", default=argparse.SUPPRESS, help="library folder")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_costs)


# -- config -----------------------------------------------------------------------------------------------
def _save_one(key: str, value: Any) -> tuple[Any, Path]:
    """Save one setting; the rest of the file is kept, except values that cannot be used (each is warned
    about and goes back to its default, the old file is kept beside it). Works on any settings file: this
    is the way out of a broken one."""
    path = settings_path()
    settings, problems = read_settings(path, apply_env=False)  # the file only: never save an environment override
    setattr(settings, key, value)
    others = [p for p in problems if p.key != key]
    if problems and (path.exists() or path.is_symlink()):
        try:
            kept = keep_invalid(path)
        except OSError as exc:
            raise CliError(f"cannot keep a copy of the settings file {path} before repairing it:"
                           f" {exc.strerror or exc}") from exc
        for problem in others:
            if problem.key is None:
                warn(f"the settings file {path} was unreadable ({problem.message}); it starts again from the"
                     f" defaults (the old file is kept as {kept})")
            else:
                warn(f"{path}: {problem.message}; {problem.key} is back to its default (the old file is kept"
                     f" as {kept})")
    try:
        write_settings_file(settings, path)
    except OSError as exc:
        raise CliError(f"cannot write the settings file {path}: {exc.strerror or exc}") from exc
    return getattr(settings, key), path


def _key(text: str) -> str:
    key = text.strip().replace("-", "_")
    if key not in Settings().to_json():
        raise CliError(f"unknown setting {key!r}; known settings: {', '.join(sorted(Settings().to_json()))}")
    return key


def cmd_config_set(args: argparse.Namespace) -> int:
    key = args.key.strip().replace("-", "_")
    if key.lower() in SECRET_KEYS:
        raise CliError("secrets are never saved in the settings file: use `beetroot aws-login` (system keyring)")
    key = _key(key)
    try:
        value = coerce(key, args.value)
    except ConfigError as exc:
        raise CliError(str(exc)) from exc
    problem = setting_problem(key, value)
    if problem:
        raise CliError(problem)
    value, path = _save_one(key, value)
    print(f"{key} = {printable(str(value))} (saved in {printable(str(path))})")
    env = env_source(key)
    if env:
        print(f"note: {env} is set in the environment and overrides this value while it is set")
    return EXIT_OK


def cmd_config_unset(args: argparse.Namespace) -> int:
    key = _key(args.key)
    value, path = _save_one(key, getattr(Settings(), key))
    print(f"{key} = {printable(str(value))} (default, saved in {printable(str(path))})")
    return EXIT_OK


def describe_settings() -> list[dict[str, Any]]:
    """Each setting with its effective value and its source; secrets masked, never read in full."""
    from ..engines.aws_session import credential_source
    from ..secrets import load_aws_credentials, mask

    saved, _ = read_settings(apply_env=False)
    effective, problems = read_settings()
    for problem in problems:
        warn(f"{problem} (the default is shown and used meanwhile)")
    invalid = {p.key for p in problems}
    path = settings_path()
    defaults = Settings()
    rows: list[dict[str, Any]] = []
    for key, value in effective.to_json().items():
        env = env_source(key)
        if key == "library_dir":
            value = str(resolve_library_dir(None, effective))
            env = "BEETROOT_LIBRARY" if os.environ.get("BEETROOT_LIBRARY") else None
        customised = getattr(saved, key) != getattr(defaults, key)
        source = f"environment ({env})" if env else ("settings file" if customised else "default")
        if key in invalid:
            source += " (the value saved or set for it cannot be used: see the warning)"
        if env and customised:
            source += f", overriding {getattr(saved, key)!r} in the settings file"
        rows.append({"key": key, "value": value if value != "" else "(not set)", "source": source})
    creds = credential_source(effective)
    rows.append({"key": "aws_credentials", "value": creds.description, "source": creds.kind})
    saved_key = load_aws_credentials()
    if saved_key is not None:
        rows.append({"key": "aws_secret_access_key", "value": "****", "source": "system keyring"})
        rows.append({"key": "aws_access_key_id", "value": mask(saved_key.access_key_id), "source": "system keyring"})
    for var in ENDPOINT_VARS:
        if os.environ.get(var):
            rows.append({"key": "endpoint_url", "value": os.environ[var], "source": f"environment ({var})"})
            break
    rows.append({"key": "settings_file", "value": str(path), "source": "exists" if path.exists() else "not yet saved"})
    return rows


def cmd_config_show(args: argparse.Namespace) -> int:
    rows = describe_settings()
    if args.json:
        print(json.dumps(rows))
        return EXIT_OK
    width = max(len(r["key"]) for r in rows)
    for row in rows:
        print(f"{row['key']:<{width}}  {printable(str(row['value']))}   [{printable(row['source'])}]")
    return EXIT_OK


# -- credentials ------------------------------------------------------------------------------------------
def _read_line(prompt: str, *, secret: bool) -> str:
    """From the terminal (the secret is not echoed), or one line of stdin when it is piped."""
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt) if secret else input(prompt)
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line.strip()


def cmd_aws_login(args: argparse.Namespace) -> int:
    from ..secrets import SecretStoreError, delete_aws_credentials, keyring_usable, mask, save_aws_credentials

    if args.forget:
        delete_aws_credentials()
        print("The saved AWS access key was deleted from the system keyring.")
        return EXIT_OK
    usable, backend = keyring_usable()
    if not usable:
        raise CliError(backend)
    key_id = (args.access_key_id or _read_line("AWS access key id: ", secret=False)).strip()
    if not key_id:
        raise CliError("no access key id was given")
    problem = access_key_id_problem(key_id)
    if problem:
        raise CliError(f"that does not look like an AWS access key id: {problem}")
    secret = _read_line("AWS secret access key (not shown): ", secret=True)
    if not secret:
        raise CliError("no secret access key was given")
    try:
        save_aws_credentials(key_id, secret)
    except SecretStoreError as exc:
        raise CliError(str(exc)) from exc
    del secret
    print(f"Saved access key {mask(key_id)} in the system keyring ({backend}).")
    settings, _ = read_settings()
    if settings.aws_profile:
        print(f"note: the AWS profile {settings.aws_profile!r} is set and is used first;"
              " `beetroot config unset aws_profile` (and unset AWS_PROFILE) to use this key")
    print("Run `beetroot check-aws` to test it.")
    return EXIT_OK


def cmd_check_aws(args: argparse.Namespace) -> int:
    from ..engines.aws_connection import check_connection

    try:
        settings = load_settings()
    except ConfigError as exc:
        raise CliError(str(exc)) from exc
    if args.delete_collection:
        return _delete_collection(args, settings)
    if args.yes:
        raise CliError("--yes goes with --delete-collection")
    result = check_connection(settings, create_collection=args.create_collection)
    print(result.message, file=sys.stdout if result.ok else sys.stderr)
    return EXIT_OK if result.ok else EXIT_USAGE


# Libraries keep the FaceIds (their people's ids, and what regrouping replays): only matching new photos
# against them needs the collection (docs/identity.md, "Forgetting").
AFTER_DELETE = ("Libraries that used it keep their photos, people, names and groups (regrouping still works"
                " from what they stored), but new photos can no longer be matched to the people they hold. To go"
                " on with Amazon Rekognition, create a collection (`beetroot check-aws --create-collection`):"
                " new faces then start new people, which you can merge into the ones you know; or import into"
                " a new library (--library DIR).")


def _delete_collection(args: argparse.Namespace, settings: Settings) -> int:
    from ..engines import EngineConfigError, EngineError
    from ..engines.aws_connection import check_connection
    from ..engines.rekognition import RekognitionEngine
    from .confirm import confirmed

    check = check_connection(settings)
    if not check.ok:
        if check.can_create:  # signed in, and the collection is not there
            print(f"The collection {settings.collection_id!r} does not exist in {check.region}: nothing to delete.")
            return EXIT_OK
        print(check.message, file=sys.stderr)
        return EXIT_USAGE
    print(f"Signed in as {check.account}. Deleting the Amazon Rekognition collection {settings.collection_id!r} in"
          f" {check.region} deletes the {plural(check.face_count or 0, 'face')} it holds, for good, for every library"
          f" that uses it. The photos and the libraries stay. This cannot be undone.")
    if not confirmed("Delete the collection?", yes=args.yes,
                     refusal="nothing was deleted: deleting the collection cannot be undone, so without a terminal"
                             " to ask on it needs --yes (`beetroot check-aws --delete-collection --yes`)"):
        print("Nothing was deleted.")
        return EXIT_OK
    library = _ledger_library(args, settings)
    try:
        engine = RekognitionEngine.from_settings(settings, library)
        try:
            existed = engine.delete_collection()
        finally:
            engine.close()
    except EngineConfigError as exc:
        raise CliError(f"{exc}\nNothing was deleted.") from exc
    except EngineError as exc:
        print(f"error: {exc}\nNothing was deleted.", file=sys.stderr)
        return EXIT_FAILED
    finally:
        if library is not None:
            library.close()
    if not existed:
        print(f"The collection {settings.collection_id!r} was already gone: nothing to delete.")
        return EXIT_OK
    print(f"Deleted the collection {settings.collection_id!r} in {check.region} and its"
          f" {plural(check.face_count or 0, 'face')}.")
    print(AFTER_DELETE)
    return EXIT_OK


def _ledger_library(args: argparse.Namespace, settings: Settings) -> Any:
    """The library whose call ledger records the call, when there is one to write to (none is made)."""
    from ..library import db_path
    from .common import library_dir_for

    try:
        if not db_path(library_dir_for(args, settings)).exists():
            return None
        return open_library_for(args, settings)
    except CliError as exc:
        warn(f"the call is not recorded in a library's ledger: {exc}")
        return None


# -- costs ------------------------------------------------------------------------------------------------
def cmd_costs(args: argparse.Namespace) -> int:
    from ..engines.pricing import PRICE_PER_IMAGE_USD, ledger_costs

    with open_library_for(args, readonly_ok=True) as library:
        report = ledger_costs(library)
        where = library.dir
    if args.json:
        print(json.dumps(report.to_json()))
        return EXIT_OK
    if not report.lines:
        print(f"No Amazon Rekognition calls recorded for the library in {where}.")
        return EXIT_OK
    print(f"Amazon Rekognition calls recorded for the library in {where}:")
    print(f"{'operation':<20} {'calls':>7} {'billed':>7} {'errors':>7} {'est. USD':>10}")
    for line in report.lines:
        print(f"{line.operation:<20} {line.calls:>7} {line.billed:>7} {line.errors:>7} {line.usd:>10.4f}")
    billed = sum(line.billed for line in report.lines)
    errors = sum(line.errors for line in report.lines)
    print(f"{'total':<20} {report.calls:>7} {billed:>7} {errors:>7} {report.usd:>10.4f}")
    print(f"Faces stored in the collection: {report.faces_stored} (about ${report.storage_usd_per_month:.4f} a month)")
    print(f"Estimated at the US East list price, ${PRICE_PER_IMAGE_USD} per image (first million a month);"
          " calls that failed are not billed.")
    return EXIT_OK
