"""Store checked content in a database through SQLAlchemy, and read it back.

SQLite by default; any SQLAlchemy URL in production. A build that fails
leaves the last good database untouched.
"""
import hashlib
import json
import os
import tempfile
from pathlib import Path

from sqlalchemy import (JSON, Column, Integer, MetaData, String, Table, create_engine, insert,
                        select, text)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from . import translations
from .build import build as build_content
from .loader import load_valid

metadata = MetaData()

# What the catalogue reads, and nothing else: the build's fingerprints and each document.
content_build = Table(
    "content_build", metadata,
    Column("id", Integer, primary_key=True),
    Column("digest", String(64), nullable=False),
    Column("files_digest", String(64)),
)
jurisdiction = Table(
    "jurisdiction", metadata,
    Column("code", String(16), primary_key=True),
    Column("document", JSON, nullable=False),
)
listing = Table(
    "listing", metadata,
    Column("id", String(120), primary_key=True),
    Column("document", JSON, nullable=False),
)
# Tables earlier versions wrote; dropped when a shared database is rebuilt.
_RETIRED_TABLES = ("listing_area",)


class DatabaseError(Exception):
    """The content database is missing, unreadable or empty."""


def make_engine(url):
    # SQLite files are swapped whole on rebuild; fresh connections see the new file.
    backend = make_url(url).get_backend_name()
    if backend == "sqlite":
        return create_engine(url, poolclass=NullPool)
    # A replica that cannot reach the database finds out in seconds and keeps serving
    # the build it has.
    quick = {"connect_args": {"connect_timeout": 2}} if backend == "postgresql" else {}
    return create_engine(url, pool_pre_ping=True, **quick)


def sqlite_path(url):
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        return Path(parsed.database)
    return None


def files_digest(content_root):
    """A fingerprint of the content files as they are on disk: cheap to compute, so a
    start-up can tell whether the database was built from exactly these files."""
    root = Path(content_root)
    hasher = hashlib.sha256()
    for path in sorted(root.glob("*/*.yaml")):
        if path.parent.name in ("drafts", "retired"):
            continue
        hasher.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    for path in sorted(translations.beside(root).glob("*.po")):   # the content's translations
        hasher.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return hasher.hexdigest()


def built_from(engine):
    """The files digest the database was built from, or None."""
    try:
        with engine.connect() as connection:
            return connection.execute(select(content_build.c.files_digest)).scalar()
    except SQLAlchemyError:
        return None


def digest(documents):
    text = json.dumps(documents, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def _write(connection, content, source_digest=None):
    docs = content.documents
    if docs["jurisdictions"]:
        connection.execute(insert(jurisdiction), [
            {"code": code, "document": data} for code, data in docs["jurisdictions"].items()])
    if docs["listings"]:
        connection.execute(insert(listing), [
            {"id": key, "document": data} for key, data in docs["listings"].items()])
    connection.execute(insert(content_build), {"digest": digest(docs),
                                               "files_digest": source_digest})


def build(content_root, url):
    """Check everything under content_root and write it to the database at url.

    Raises ContentError (nothing written) when the content has errors.
    """
    source_digest = files_digest(content_root)
    content = load_valid(content_root)
    path = sqlite_path(url)
    if path is None:
        _create_and_write(make_engine(url), content, source_digest)   # one transaction
        return content
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".build-", suffix=".sqlite", dir=path.parent)
    os.close(handle)
    try:
        _create_and_write(create_engine(f"sqlite:///{temporary}", poolclass=NullPool),
                          content, source_digest)
        os.replace(temporary, path)    # readers switch to the new file at once
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return content


def _create_and_write(engine, content, source_digest):
    """Fresh tables and everything in them, in one transaction: all or nothing (on
    PostgreSQL, replicas see the old build until the new one is committed)."""
    with engine.begin() as connection:
        for name in _RETIRED_TABLES:
            connection.execute(text(f"DROP TABLE IF EXISTS {name}"))
        metadata.drop_all(connection)
        metadata.create_all(connection)
        _write(connection, content, source_digest)
    engine.dispose()


def current_digest(engine):
    try:
        with engine.connect() as connection:
            return connection.execute(select(content_build.c.digest)).scalar()
    except SQLAlchemyError:
        return None


def read(engine):
    """Return (digest, Content) from the database."""
    try:
        with engine.connect() as connection:
            stamp = connection.execute(select(content_build.c.digest)).scalar()
            jurisdictions = {row.code: row.document for row in
                             connection.execute(select(jurisdiction.c.code,
                                                       jurisdiction.c.document))}
            listings = {row.id: row.document for row in
                        connection.execute(select(listing.c.id, listing.c.document))}
    except SQLAlchemyError as exc:
        raise DatabaseError(str(exc).splitlines()[0]) from exc
    if stamp is None:
        raise DatabaseError("the content database is empty: build it first")
    return stamp, build_content({"jurisdictions": jurisdictions, "listings": listings})
