"""Opening a workspace file: connection settings, identity check and schema migrations.

A workspace is one SQLite file in WAL mode with foreign keys on and a busy timeout, so that the
GUI and the CLI can share it. ``PRAGMA application_id`` marks the file as ours and
``PRAGMA user_version`` is the schema version that migrations move forward.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from annotator.core.backups import RESTORE_HINT, backup_daily, backup_taken_today, create_backup
from annotator.core.errors import DamagedWorkspaceError, ReadOnlyError, WorkspaceError
from annotator.core.fileguard import inspect_file, read_only_reason
from annotator.core.fileschema import harden, schema_refusal
from annotator.core.schema import LabelSchema
from annotator.core.search_index import SEARCH_TABLE
from annotator.core.tables import index_new_documents

APPLICATION_ID = 0x41524E41  # "ARNA"
BUSY_TIMEOUT_MS = 5000


def _v1(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            sha256 TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL DEFAULT '',
            published TEXT,
            meta TEXT NOT NULL DEFAULT '{}',
            created TEXT NOT NULL
        );
        CREATE TABLE layers (
            name TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            created TEXT NOT NULL
        );
        CREATE TABLE spans (
            id TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            layer TEXT NOT NULL REFERENCES layers(name),
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            label TEXT NOT NULL,
            attrs TEXT NOT NULL DEFAULT '{}',
            origin TEXT NOT NULL DEFAULT 'manual',
            confidence REAL,
            provenance TEXT NOT NULL DEFAULT '{}',
            author TEXT NOT NULL DEFAULT '',
            updated TEXT NOT NULL,
            CHECK (start >= 0 AND "end" > start)
        );
        CREATE INDEX spans_doc_layer ON spans(doc_id, layer);
        CREATE TABLE relations (
            id TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            layer TEXT NOT NULL REFERENCES layers(name),
            head TEXT NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
            child TEXT NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
            label TEXT NOT NULL,
            author TEXT NOT NULL DEFAULT '',
            updated TEXT NOT NULL,
            UNIQUE (head, child, label)
        );
        CREATE INDEX relations_doc_layer ON relations(doc_id, layer);
        CREATE INDEX relations_child ON relations(child);
        CREATE TABLE doc_status (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            layer TEXT NOT NULL REFERENCES layers(name),
            status TEXT NOT NULL,
            seconds REAL NOT NULL DEFAULT 0,
            updated TEXT NOT NULL,
            PRIMARY KEY (doc_id, layer)
        );
        CREATE TABLE events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            ts TEXT NOT NULL,
            who TEXT NOT NULL,
            action TEXT NOT NULL,
            doc_id TEXT,
            layer TEXT,
            payload TEXT NOT NULL DEFAULT '{}'
        );
        CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
            BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
        CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
            BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """
    )


_NOW_SQL = "strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00'"  # the format of rows.now()


def _v2_review(db: sqlite_utils.Database) -> None:
    """Review and cross-machine work: deletions, assignments and conflict resolutions.

        Merging two copies of a workspace needs to know what was deleted, not only what exists:
        triggers record every deleted span and relation as a tombstone (an undo that restores the
        id removes it again), so no code path can forget to. ``assignments`` says which annotator
        works on which document; ``resolutions`` records what a reviewer decided on a conflict (with
    the span keys it covered, so that auto-adjudication never brings back what a reviewer rejected).
    """
    db.executescript(
        f"""
        CREATE TABLE tombstones (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            doc_id TEXT NOT NULL,
            layer TEXT NOT NULL,
            deleted TEXT NOT NULL
        );
        CREATE INDEX tombstones_layer ON tombstones(layer, doc_id);
        CREATE TRIGGER spans_tombstone AFTER DELETE ON spans BEGIN
            INSERT OR REPLACE INTO tombstones (id, kind, doc_id, layer, deleted)
            VALUES (OLD.id, 'span', OLD.doc_id, OLD.layer, {_NOW_SQL});
        END;
        CREATE TRIGGER relations_tombstone AFTER DELETE ON relations BEGIN
            INSERT OR REPLACE INTO tombstones (id, kind, doc_id, layer, deleted)
            VALUES (OLD.id, 'relation', OLD.doc_id, OLD.layer, {_NOW_SQL});
        END;
        CREATE TRIGGER spans_untombstone AFTER INSERT ON spans BEGIN
            DELETE FROM tombstones WHERE id = NEW.id;
        END;
        CREATE TRIGGER relations_untombstone AFTER INSERT ON relations BEGIN
            DELETE FROM tombstones WHERE id = NEW.id;
        END;
        CREATE TABLE assignments (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL,
            role TEXT NOT NULL,
            assigned TEXT NOT NULL,
            PRIMARY KEY (doc_id, annotator)
        );
        CREATE TABLE resolutions (
            conflict TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            action TEXT NOT NULL,
            keys TEXT NOT NULL DEFAULT '[]',
            who TEXT NOT NULL,
            reason TEXT,
            decided TEXT NOT NULL
        );
        """
    )


def _v_workspace_schema(db: sqlite_utils.Database) -> None:
    """The label schema lives in the workspace: one row, initialised from the bundled default.

    A team that adds a label changes its workspace, not installed files, and the workspace
    carries its schema wherever it goes (a package, a merge, a colleague's stock install).
    """
    body = LabelSchema.load().to_json()
    db.executescript(
        """
        CREATE TABLE label_schema (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            body TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        """
    )
    db.execute(f"INSERT INTO label_schema (id, body, updated) VALUES (1, ?, {_NOW_SQL})", [body])


def _v_models(db: sqlite_utils.Database) -> None:
    """Trained pre-annotation models, stored with the gold they learned from.

    A workspace learns its team's conventions (``annotator train``); the model travels with
    the workspace file. ``name`` says which model (one row per kind of model, replaced on
    each training), ``trained_on`` the documents it saw (JSON), ``params`` its settings and
    figures (JSON), ``blob`` the model itself in the format its loader checks.
    """
    db.executescript(
        """
        CREATE TABLE models (
            name TEXT PRIMARY KEY,
            created TEXT NOT NULL,
            trained_on TEXT NOT NULL DEFAULT '[]',
            params TEXT NOT NULL DEFAULT '{}',
            blob BLOB NOT NULL
        );
        """
    )


def _v_imported_layer_kind(db: sqlite_utils.Database) -> None:
    """The default ``imported`` layer (JSONL without a layer) is not an annotator's: its kind
    becomes ``imported`` so that agreement and adjudication leave it out."""
    db.execute("UPDATE layers SET kind = 'imported' WHERE name = 'imported'")


def _v_search_and_list(db: sqlite_utils.Database) -> None:
    """A large corpus: folded full-text search, and the indexes the lazy document list pages by.

    ``doc_status(layer, status)`` answers "3,212 of 100,000 done" and a status filter without
    reading every document; ``documents(title)`` pages the list sorted by title;
    ``events(layer, doc_id)`` finds a batch of documents' gold adjudicators for an export.
    """
    db.executescript(
        """
        CREATE INDEX doc_status_layer_status ON doc_status(layer, status);
        CREATE INDEX documents_title ON documents(title);
        CREATE INDEX events_layer_doc ON events(layer, doc_id);
        """
    )
    # The folded search index (reads in search_index.py): external content, so it stores only
    # the index, not a second copy of the texts; a watermark says how far it has indexed.
    db.executescript(
        f"""
        CREATE VIRTUAL TABLE {SEARCH_TABLE} USING fts5(
            title, text, content='documents', content_rowid='rowid',
            tokenize='unicode61 remove_diacritics 2', prefix='3'
        );
        CREATE TABLE search_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            indexed_rowid INTEGER NOT NULL
        );
        INSERT INTO search_state (id, indexed_rowid) VALUES (1, 0);
        """
    )
    index_new_documents(db.conn)


def _v_notes(db: sqlite_utils.Database) -> None:
    """Annotators' notes on spans and documents, possibly flagged for the reviewer.

    A note names its span by id without a foreign key: deleting a span and undoing it brings
    the same id back, and the note with it. The unique identity (place, author, time, text)
    makes importing the same JSONL twice, or merging a copy back, add nothing.
    """
    db.executescript(
        """
        CREATE TABLE notes (
            id TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            layer TEXT NOT NULL REFERENCES layers(name),
            span_id TEXT,
            text TEXT NOT NULL,
            author TEXT NOT NULL,
            flagged INTEGER NOT NULL DEFAULT 0,
            created TEXT NOT NULL
        );
        CREATE INDEX notes_doc_layer ON notes(doc_id, layer);
        CREATE INDEX notes_flagged ON notes(flagged) WHERE flagged;
        CREATE UNIQUE INDEX notes_identity
            ON notes(doc_id, layer, ifnull(span_id, ''), author, created, text);
        """
    )


def _v_note_deletions_and_flag_times(db: sqlite_utils.Database) -> None:
    """Notes that travel both ways between copies of a workspace: a deleted note leaves a
    tombstone (as spans and relations do, by trigger, so no path forgets) and a flag change
    records when (``flag_changed``, NULL until the first change), so a merge carries deletions
    and unflagging, the newer change winning.
    """
    db.executescript(
        f"""
        ALTER TABLE notes ADD COLUMN flag_changed TEXT;
        CREATE TRIGGER notes_tombstone AFTER DELETE ON notes BEGIN
            INSERT OR REPLACE INTO tombstones (id, kind, doc_id, layer, deleted)
            VALUES (OLD.id, 'note', OLD.doc_id, OLD.layer, {_NOW_SQL});
        END;
        CREATE TRIGGER notes_untombstone AFTER INSERT ON notes BEGIN
            DELETE FROM tombstones WHERE id = NEW.id;
        END;
        """
    )


def _v_search_prefixes(db: sqlite_utils.Database) -> None:
    """Prefix indexes of 3 to 6 letters for the search box.

    A word being typed is searched as a prefix. FTS5 answers a prefix of a length it keeps an
    index for with one list that streams in rowid order, so the first page of matches comes
    at once; any other length merges the lists of every word that begins with it before the
    first row (20 ms per keystroke at 100,000 articles for الرئ). With 3 to 6 letters indexed,
    a keystroke costs the same at any corpus size up to six letters; longer prefixes match
    few words. The index is rebuilt from the documents (folded again, as imports fold them).
    """
    db.executescript(
        f"""
        DROP TABLE {SEARCH_TABLE};
        CREATE VIRTUAL TABLE {SEARCH_TABLE} USING fts5(
            title, text, content='documents', content_rowid='rowid',
            tokenize='unicode61 remove_diacritics 2', prefix='3 4 5 6'
        );
        UPDATE search_state SET indexed_rowid = 0;
        """
    )
    index_new_documents(db.conn)


def _v_drop_untombstone_triggers(db: sqlite_utils.Database) -> None:
    """Re-inserting a deleted span, relation or note clears its tombstone in the ``Writer``
    (``tables.py``), one statement per batch, instead of a trigger on every insert.

    The triggers ran a DELETE for each of the millions of rows an import or a suggestion run
    writes, nearly all of them new; the Writer skips the look-up when no row was ever deleted
    and otherwise clears the tombstones of a batch at once. The Writer holds every INSERT
    into these tables, so no path forgets (``tests/test_untombstone.py`` tries each one).
    Deletions still leave their tombstones by trigger.
    """
    db.executescript(
        """
        DROP TRIGGER spans_untombstone;
        DROP TRIGGER relations_untombstone;
        DROP TRIGGER notes_untombstone;
        """
    )


# Index i holds the migration from schema version i to i + 1. Append, never edit.
MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _v1,
    _v2_review,
    _v_workspace_schema,
    _v_models,
    _v_imported_layer_kind,
    _v_search_and_list,
    _v_notes,
    _v_search_prefixes,
    _v_note_deletions_and_flag_times,
    _v_drop_untombstone_triggers,
]
SCHEMA_VERSION = len(MIGRATIONS)


@contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One all-or-nothing write, taking the write lock up front (BEGIN IMMEDIATE).

    sqlite-utils' ``atomic()`` begins a deferred transaction; two processes that both read
    before writing then fail on the lock upgrade without waiting for the busy timeout. Taking
    the lock first makes concurrent writers queue instead. SQLite's own failures (locked past
    the busy timeout, disk full, I/O error) become one WorkspaceError after the rollback.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    if is_read_only(db):
        path = db_path(db)
        why = read_only_reason(Path(path)) or "as asked"
        raise ReadOnlyError(f"{path} is open read-only ({why}); the change was not saved.")
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise WorkspaceError(
            f"{db_path(db)} is busy: another program kept it locked ({exc}); "
            "nothing was changed, try again when it has finished."
        ) from exc
    try:
        yield db
        db.execute("COMMIT")
    except BaseException as exc:
        if db.conn.in_transaction:
            db.execute("ROLLBACK")
        if isinstance(exc, sqlite3.OperationalError):
            raise WorkspaceError(
                f"{db_path(db)}: the change could not be saved ({exc}); nothing was changed."
            ) from exc
        raise


def is_read_only(db: sqlite_utils.Database) -> bool:
    """Read-only connections are marked with ``PRAGMA query_only`` (see _open_read_only)."""
    return bool(db.execute("PRAGMA query_only").fetchone()[0])


def db_path(db: sqlite_utils.Database) -> str:
    return str(db.execute("PRAGMA database_list").fetchone()[2])


def connect(
    path: Path,
    read_only: bool | None = None,
    *,
    foreign_schema_ok: bool = False,
    daily_backup: bool = True,
) -> sqlite_utils.Database:
    """Open (creating if needed) and migrate a workspace; raise WorkspaceError if unusable.

    ``read_only=None`` opens read-only exactly when the file or its folder cannot be written,
    so a workspace on a read-only path is usable for reading instead of failing at first edit.
    A file whose schema is not exactly ours is refused (see ``fileschema``), except read-only
    with ``foreign_schema_ok``, for ``check`` to report what is wrong with it.
    ``daily_backup=False`` leaves the day's backup to the caller (the window takes it off the
    UI thread with ``take_daily_backup`` once it is shown: at 100,000 articles the copy and
    its check take seconds, which a person must not wait for before the first paint).
    """
    path = Path(path)
    inspect_file(path)
    if read_only is None:
        read_only = read_only_reason(path) is not None
    if read_only:
        return _open_read_only(path, foreign_schema_ok)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
        )
    except sqlite3.Error as exc:
        raise WorkspaceError(f"{path} cannot be opened: {exc}.") from exc
    db = _database(conn)
    try:
        harden(conn)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        existed = _check_identity(db, path)
        if existed:
            _refuse_foreign_schema(db, path)
        db.execute("PRAGMA foreign_keys = ON")
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")
        _migrate(db, path)
        if existed and daily_backup:
            _daily_backup(db, path)
    except BaseException as exc:
        db.close()
        if isinstance(exc, sqlite3.OperationalError):
            if "locked" in str(exc) or "busy" in str(exc):
                raise WorkspaceError(f"{path} is locked by another program; try again.") from exc
            raise WorkspaceError(f"{path} cannot be opened: {exc}.") from exc
        if isinstance(exc, sqlite3.DatabaseError):
            raise DamagedWorkspaceError(f"{path} is damaged: {exc}; {RESTORE_HINT}.") from exc
        raise
    return db


def _open_read_only(path: Path, foreign_schema_ok: bool = False) -> sqlite_utils.Database:
    """Open without ever writing: ``mode=ro``, or ``immutable`` when SQLite cannot even create
    the shared-memory file of the write-ahead log beside a file on a read-only path."""
    if not path.exists() or path.stat().st_size == 0:
        why = read_only_reason(path) or "it was asked for read-only"
        raise WorkspaceError(f"{path} does not exist yet and cannot be created ({why}).")
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        try:
            conn = _connect_uri(uri)
        except sqlite3.OperationalError:
            conn = _connect_uri(uri + "&immutable=1")
    except sqlite3.DatabaseError as exc:
        raise WorkspaceError(f"{path} cannot be opened read-only: {exc}.") from exc
    db = _database(conn)
    try:
        db.execute("PRAGMA query_only = ON")
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _check_identity(db, path)
        if not foreign_schema_ok:
            _refuse_foreign_schema(db, path)
        db.execute("PRAGMA foreign_keys = ON")
        version = db.execute("PRAGMA user_version").fetchone()[0]
    except BaseException as exc:
        db.close()
        if isinstance(exc, sqlite3.DatabaseError):
            raise DamagedWorkspaceError(f"{path} is damaged: {exc}; {RESTORE_HINT}.") from exc
        raise
    if version < SCHEMA_VERSION:
        db.close()
        raise WorkspaceError(
            f"{path} is read-only and uses the older schema {version}; open it once where it "
            f"can be written to upgrade it to schema {SCHEMA_VERSION}."
        )
    return db


def _database(conn: sqlite3.Connection) -> sqlite_utils.Database:
    """sqlite-utils over our connection, without its plugins: a plugin installed for another
    program must not change a workspace's connection, and looking for plugins reads the
    metadata of every installed package (a tenth of a second of the window's start)."""
    return sqlite_utils.Database(conn, execute_plugins=False)


def _connect_uri(uri: str) -> sqlite3.Connection:
    conn = sqlite3.connect(
        uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    try:
        harden(conn)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def _check_identity(db: sqlite_utils.Database, path: Path) -> bool:
    """Refuse foreign and too-new files; returns whether the file already held a workspace."""
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    has_tables = bool(db.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone())
    if has_tables and app_id != APPLICATION_ID:
        raise WorkspaceError(f"{path} is a SQLite file but not an annotator workspace.")
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise WorkspaceError(
            f"{path} was written by a newer version of the annotator (schema {version}, "
            f"this version reads up to {SCHEMA_VERSION}); update the annotator to open it."
        )
    return has_tables


def _daily_backup(db: sqlite_utils.Database, path: Path) -> None:
    """Take the day's backup; when it cannot be written (a full disk, an unwritable backups
    folder) say so on stderr and go on, so that reading, checking and exporting elsewhere
    still work. A damaged workspace is still refused: that is not the backup's problem."""
    try:
        backup_daily(db.conn, path)
    except DamagedWorkspaceError:
        raise
    except WorkspaceError as exc:
        print(
            f"annotator: warning: {exc} Today's backup was skipped; the workspace opened anyway.",
            file=sys.stderr,
        )


def take_daily_backup(path: Path) -> bool:
    """Take the day's backup of the workspace at ``path`` through a connection of its own, so
    that it can run on another thread while the window works on its connection (SQLite's
    backup reads one consistent snapshot; the window's writes go on meanwhile, in the WAL).
    True when a backup was written, False when today's already existed; a full disk or an
    unwritable folder raises WorkspaceError, a damaged file DamagedWorkspaceError.
    No connection is opened when today's backup exists (each one opened and closed while the
    window holds the file leaves SQLite a descriptor to keep until the window's own closes)."""
    if backup_taken_today(path):
        return False
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        harden(conn)
        conn.execute("PRAGMA query_only = ON")
        return backup_daily(conn, path) is not None
    finally:
        conn.close()


def _refuse_foreign_schema(db: sqlite_utils.Database, path: Path) -> None:
    """Before any statement of the file runs: its schema must be what our migrations made."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    refusal = schema_refusal(db.conn, version)
    if refusal:
        raise WorkspaceError(f"{path} cannot be opened: {refusal}.")


def _migrate(db: sqlite_utils.Database, path: Path) -> None:
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION:
        return
    if version > 0:
        create_backup(db.conn, path, f"before-v{SCHEMA_VERSION}")
    with write_transaction(db):
        # Re-read inside the write lock: another process may have migrated meanwhile.
        version = db.execute("PRAGMA user_version").fetchone()[0]
        for migration in MIGRATIONS[version:]:
            migration(db)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
