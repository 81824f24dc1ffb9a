"""Opening a library file: connection settings, migrations, transactions, metadata and the call ledger."""

from __future__ import annotations

import contextlib
import getpass
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from ..wording import say
from .schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

DB_NAME = "library.sqlite3"
BUSY_TIMEOUT_MS = 10_000


class LibraryError(RuntimeError):
    """The library file cannot be used as it is; the message says why and what to do."""


class LibraryDamaged(LibraryError):
    """The file is not a readable SQLite database any more: set it aside and rebuild (see recovery.py)."""


class ForeignDatabaseError(LibraryError):
    """The file is a healthy SQLite database, but another program's."""


class NewerSchemaError(LibraryError):
    """A newer Beetroot wrote the file: update the app; never rebuild (that would drop the newer data)."""


class OlderSchemaError(LibraryError):
    """A read-only open of a library an older Beetroot wrote: it needs its one-time upgrade first."""


class LibraryBusy(LibraryError):
    """Another window or command is importing into this library (imports are serialised, see lock.py)."""


class LibraryUnreachable(LibraryError):
    """The library folder is on a drive that is not connected: never made anew on the empty mount point."""


# Where removable drives and network shares are mounted (Linux, macOS): /media/LABEL, /media/USER/LABEL,
# /run/media/USER/LABEL, /mnt/NAME, /Volumes/LABEL.
MOUNT_PARENTS = ("/media", "/run/media", "/mnt", "/Volumes")


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name anywhere (a bare container): no user's mount folder either
        return ""


def missing_drive(folder: Path) -> str | None:
    """The drive (or mount point) `folder` is on, when that is not there: a Windows drive letter that does
    not exist, or a folder missing right where drives are mounted. None: the folder exists or can be made."""
    folder = folder.expanduser().absolute()
    if folder.exists():
        return None
    if folder.anchor and not Path(folder.anchor).exists():
        return folder.anchor
    mounts = {Path(p) for p in MOUNT_PARENTS}
    for existing, missing in zip(folder.parents, (folder, *folder.parents), strict=False):
        if existing.exists():  # `missing` is the first part of the path that is not there
            users_mounts = existing.parent in mounts and existing.name == _user()
            return str(missing) if existing in mounts or users_mounts else None
    return None


# SQLite's words for a file whose pages cannot be trusted, as opposed to a file that cannot be opened now.
_DAMAGE_MARKERS = ("malformed", "not a database", "file is encrypted", "corrupt")


def _primary_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)  # Python 3.11+
    return None if code is None else int(code) & 0xFF


def is_busy(exc: BaseException) -> bool:
    """Whether an sqlite3 error is another connection holding a lock longer than the busy timeout."""
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = _primary_code(exc)
    if code is not None:
        return code in (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED
    return "locked" in str(exc).lower() or "busy" in str(exc).lower()


def is_damage(exc: BaseException) -> bool:
    """Whether an sqlite3 error means the file itself is damaged (rebuild), not locked, full or unreachable."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    code = _primary_code(exc)
    if code is not None:
        return code in (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB
    return any(marker in str(exc).lower() for marker in _DAMAGE_MARKERS)


def library_error_from(exc: sqlite3.Error, path: Path) -> LibraryError:
    """The LibraryError a user should see for an sqlite3 error on the library file at `path`."""
    if is_damage(exc):
        return LibraryDamaged(say("the library file {path} is damaged or not a database ({error})", path=str(path),
                                  error=str(exc)))
    if is_busy(exc):
        return LibraryError(say("the library file {path} stayed locked by another Beetroot window or command for"
                                " {seconds} s ({error}); try again when it has finished", path=str(path),
                                seconds=BUSY_TIMEOUT_MS // 1000, error=str(exc)))
    return LibraryError(say("the library file {path} cannot be used now ({error}); check that its folder exists,"
                            " is writable and the disk is not full", path=str(path), error=str(exc)))


def db_path(library_dir: Path) -> Path:
    return Path(library_dir) / DB_NAME


def _uri(path: Path, query: str) -> str:
    """A file: URI for SQLite; the path quoted, so '?', '#' and '%' in folder names are not taken as syntax."""
    return f"file:{quote(str(Path(path).absolute()))}?{query}"


def connect(path: Path, *, readonly: bool = False, immutable: bool = False) -> sqlite3.Connection:
    """One connection with the settings every part of the app relies on.

    `immutable` reads a file nobody can be writing (its folder is read-only, so SQLite could not even make
    the WAL's shared-memory file beside it): SQLite then reads it as it is on disk, without locks.
    """
    if readonly:
        query = "mode=ro&immutable=1" if immutable else "mode=ro"
        conn = sqlite3.connect(_uri(path, query), uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                               check_same_thread=False)
    else:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    # Autocommit mode: transactions are explicit (see Core.transaction) so one photo is one commit.
    conn.isolation_level = None
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            _check_ours(conn)  # refuse another program's (or a newer app's) file before writing a byte to it
            _use_wal(conn)
            conn.execute("PRAGMA synchronous = NORMAL")
    except BaseException:
        conn.close()
        raise
    return conn


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch a new file to WAL (readers never wait for the writer); the mode then sticks to the file.

    The switch needs the file to itself and SQLite answers "locked" at once, without the busy timeout,
    when another process opens the same new library at the same moment: retry until one of them wins.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if not is_busy(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the file to SCHEMA_VERSION; refuse files that are not ours or are from a newer app."""
    version = _check_ours(conn)
    if version >= SCHEMA_VERSION:
        return SCHEMA_VERSION
    # A migration may rebuild a table (SQLite's way to change a column's constraints); with foreign keys on,
    # dropping the old table would cascade into its children. The pragma only takes effect outside a
    # transaction, so it is set here, around all of them.
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        return _migrate(conn, version)
    finally:
        conn.execute("PRAGMA foreign_keys = ON")


def _migrate(conn: sqlite3.Connection, version: int) -> int:
    while version < SCHEMA_VERSION:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Read again under the write lock: another process opening the same library at the same
            # moment may have migrated it since we looked (two windows started together).
            version = _check_ours(conn)
            if version < SCHEMA_VERSION:
                MIGRATIONS[version](conn)
                version += 1
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return SCHEMA_VERSION


def _check_ours(conn: sqlite3.Connection) -> int:
    """The file's schema version; raises when the file is not ours or is from a newer app."""
    # One snapshot for all three reads: another process may commit the first migration in between.
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN")
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    finally:
        if own:
            conn.execute("COMMIT")
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and tables > 0):
        raise ForeignDatabaseError(say("the library file is an SQLite database of another program, not a Beetroot"
                                       " library"))
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(say(
            "the library was written by a newer Beetroot (schema {version}, this one knows {known}); update the app",
            version=version, known=SCHEMA_VERSION))
    return int(version)


class Core:
    """Connection, transactions, metadata and the engine-call ledger of one library."""

    def __init__(self, library_dir: Path | str, *, readonly: bool = False, immutable: bool = False) -> None:
        self.dir = Path(library_dir)
        self.path = db_path(self.dir)
        if not readonly:
            drive = missing_drive(self.dir)
            if drive is not None:
                raise LibraryUnreachable(say("the library folder {folder} is on a drive that is not connected"
                                             " ({drive}): connect it, then open the library again",
                                             folder=str(self.dir), drive=drive))
            self.dir.mkdir(parents=True, exist_ok=True)
        elif not self.path.exists():
            raise LibraryError(say("no library at {folder}", folder=str(self.dir)))
        conn: sqlite3.Connection | None = None
        try:
            conn = connect(self.path, readonly=readonly, immutable=immutable)
            if not readonly:
                migrate(conn)
            elif _check_ours(conn) < SCHEMA_VERSION:
                raise OlderSchemaError(say("the library at {folder} was made by an older Beetroot; open it once"
                                           " without read-only so it can be upgraded", folder=str(self.dir)))
        except BaseException as exc:
            if conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    conn.close()
            if isinstance(exc, sqlite3.Error):
                raise library_error_from(exc, self.path) from exc
            raise
        self.conn = conn
        self._depth = 0

    # -- lifecycle -------------------------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Core:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction; nested uses join the outer one. IMMEDIATE takes the write lock up front."""
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield self.conn
        except BaseException:
            self._depth = 0
            self.conn.execute("ROLLBACK")
            raise
        self._depth = 0
        self.conn.execute("COMMIT")

    def integrity_check(self) -> str:
        return str(self.conn.execute("PRAGMA integrity_check").fetchone()[0])

    def data_version(self) -> int:
        """Changes whenever another connection (another window, an import) commits: a cheap "reload now?"."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    # -- metadata --------------------------------------------------------------------------------------
    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def engine_binding(self) -> str | None:
        """The engine the first import bound this library to, or None before any import."""
        return self.get_meta("engine")

    def bound_engine(self) -> str:
        """The engine whose collection this library's people live in ("local" until an import binds one)."""
        return self.engine_binding() or "local"

    def saved_threshold(self) -> float | None:
        """The match threshold this library was last regrouped at, if it was (it overrides the global one)."""
        value = self.get_meta("threshold")
        try:
            return float(value) if value is not None else None
        except ValueError:
            return None

    # -- ledger ----------------------------------------------------------------------------------------
    def log_call(self, engine: str, operation: str, outcome: str, *, photo_sha: str | None = None,
                 latency_ms: float | None = None, detail: str | None = None) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO engine_calls(at, engine, operation, photo_sha, outcome, latency_ms, detail)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (time.time(), engine, operation, photo_sha, outcome, latency_ms, detail),
            )

    def call_counts(self, engine: str | None = None) -> dict[str, int]:
        sql = "SELECT operation, count(*) FROM engine_calls"
        args: tuple[str, ...] = ()
        if engine:
            sql += " WHERE engine = ?"
            args = (engine,)
        return {op: n for op, n in self.conn.execute(sql + " GROUP BY operation", args)}

    def total_calls(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM engine_calls").fetchone()[0])
