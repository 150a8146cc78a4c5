"""The maintainers' database: engine, sessions and migrations; and the signed cookie that
names a session, sent only to the maintainers' pages."""
import os
from pathlib import Path

from alembic import command
from alembic.config import Config as AlembicConfig
from flask import g, has_request_context
from flask.sessions import SecureCookieSessionInterface
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import sessionmaker

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def make_engine(url):
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        path = Path(parsed.database)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Password hashes and sealed secrets: readable by signpost's own user only.
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        os.chmod(path, 0o600)
    return create_engine(url, pool_pre_ping=True)


def upgrade(engine):
    """Bring the schema to the newest migration."""
    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    config.attributes["engine"] = engine
    command.upgrade(config, "head")


def sessions(engine, secret_key=None):
    """Sessions that carry the key TOTP secrets are sealed with."""
    return sessionmaker(engine, expire_on_commit=False, info={"secret_key": secret_key})


class LanguagePathSessions(SecureCookieSessionInterface):
    """The cookie's path is the maintainers' area in the page's language
    (/de/maintain), so a browser never sends it to a public page."""

    def get_cookie_path(self, app):
        lang = g.get("lang") if has_request_context() else None
        return f"/{lang}/maintain" if lang else "/maintain"
