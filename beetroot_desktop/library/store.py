"""Opening a library file: connection settings, migrations, transactions, metadata and the call ledger."""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from .schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

DB_NAME = "library.sqlite3"
BUSY_TIMEOUT_MS = 10_000


class LibraryError(RuntimeError):
    """The library file cannot be used as it is; the message says why and what to do."""


class ForeignDatabaseError(LibraryError):
    pass


class NewerSchemaError(LibraryError):
    pass


def db_path(library_dir: Path) -> Path:
    return Path(library_dir) / DB_NAME


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """One connection with the settings every part of the app relies on."""
    if readonly:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                               check_same_thread=False)
    else:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    # Autocommit mode: transactions are explicit (see Core.transaction) so one photo is one commit.
    conn.isolation_level = None
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the file to SCHEMA_VERSION; refuse files that are not ours or are from a newer app."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise LibraryError(f"the library file is damaged or not a database ({exc})") from exc
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and tables > 0):
        raise ForeignDatabaseError("the library file is an SQLite database of another program")
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"the library was written by a newer Beetroot (schema {version}, this one knows {SCHEMA_VERSION});"
            " update the app"
        )
    for target in range(version + 1, SCHEMA_VERSION + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[target - 1](conn)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {target}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return SCHEMA_VERSION


class Core:
    """Connection, transactions, metadata and the engine-call ledger of one library."""

    def __init__(self, library_dir: Path | str, *, readonly: bool = False) -> None:
        self.dir = Path(library_dir)
        self.path = db_path(self.dir)
        if not readonly:
            self.dir.mkdir(parents=True, exist_ok=True)
        elif not self.path.exists():
            raise LibraryError(f"no library at {self.dir}")
        try:
            self.conn = connect(self.path, readonly=readonly)
            if not readonly:
                migrate(self.conn)
            else:
                self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            raise LibraryError(f"the library file {self.path} is damaged or not a database ({exc})") from exc
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
