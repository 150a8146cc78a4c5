"""Settings. The environment is read here and nowhere else."""
import os
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import make_url

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DATA = Path(__file__).resolve().parent / "data"

# Bundled, openly licensed country data (DB-IP Lite, CC BY 4.0).
BUNDLED_GEOIP = PACKAGE_DATA / "dbip-country-lite.mmdb"


def _default_database_url():
    return f"sqlite:///{Path(os.getcwd()) / 'instance' / 'signpost.sqlite'}"


@dataclass
class Config:
    CONTENT_DIR: Path = PROJECT_ROOT / "content"
    TRANSLATIONS_DIR: Path = PROJECT_ROOT / "translations"
    DATABASE_URL: str = field(default_factory=_default_database_url)
    # A GeoIP2/GeoLite2 Country or City file; None for the bundled DB-IP Lite data,
    # "" to switch country suggestions off.
    GEOIP_DATABASE: str = None
    # How many proxies in front of the app add X-Forwarded-For (0: trust none).
    PROXY_COUNT: int = 0
    DEFAULT_LOCALE: str = "en"
    QUICK_EXIT_URL: str = "https://www.bbc.co.uk/weather"
    # Per language, where the quick exit goes instead: {"de": "https://…"}.
    QUICK_EXIT_URLS: dict = field(default_factory=dict)
    # Posts are a handful of short answers; anything bigger is not ours.
    MAX_CONTENT_LENGTH: int = 16 * 1024
    BODY_SECONDS: float = 3.0   # a form that has not arrived whole by then gets a 400
    MAX_FORM_PARTS: int = 64
    TESTING: bool = False
    # The maintainers' area (/maintain/) is off unless enabled with a secret key.
    MAINTAIN_ENABLED: bool = False
    SECRET_KEY: str = None
    MAINTAIN_DATABASE_URL: str = field(default_factory=lambda: _default_database_url()
                                       .replace("signpost.sqlite", "maintain.sqlite"))
    MAINTAIN_COOKIE_SECURE: bool = True
    # Where visitors' problem reports are counted (signpost/reports.py); None for a
    # file beside a SQLite content database, or the shared content database itself.
    REPORTS_DATABASE_URL: str = None
    # The last `content verify --save`, shown on the maintainers' dashboard.
    VERIFY_REPORT: Path = field(default_factory=lambda: Path(os.getcwd()) / "instance"
                                / "verify.json")
    CATALOGUE_CHECK_SECONDS: float = 5.0
    # Load everything before the first visitor (signpost/warmup.py); `signpost serve`
    # always does, other servers set SIGNPOST_WARM_UP=1.
    WARM_UP: bool = False
    # A replica serves the shared content database as the maintainers' instance built it,
    # and never builds it from its own files.
    READ_ONLY: bool = False
    # The pages and cards `content build` renders (signpost/prerendered.py); None for a
    # file beside the SQLite database, "" for none.
    PAGES_FILE: str = None

    @classmethod
    def from_env(cls, environ=None):
        env = os.environ if environ is None else environ
        config = cls()
        if env.get("SIGNPOST_CONTENT_DIR"):
            config.CONTENT_DIR = Path(env["SIGNPOST_CONTENT_DIR"])
        if env.get("SIGNPOST_READ_ONLY") in ("1", "true", "yes"):
            config.READ_ONLY = True
        if env.get("SIGNPOST_WARM_UP") in ("1", "true", "yes"):
            config.WARM_UP = True
        if "SIGNPOST_PAGES_FILE" in env:
            config.PAGES_FILE = env["SIGNPOST_PAGES_FILE"]
        if env.get("SIGNPOST_DATABASE_URL"):
            config.DATABASE_URL = env["SIGNPOST_DATABASE_URL"]
        if "SIGNPOST_GEOIP_DATABASE" in env:
            config.GEOIP_DATABASE = env["SIGNPOST_GEOIP_DATABASE"]
        if env.get("SIGNPOST_PROXY_COUNT"):
            config.PROXY_COUNT = int(env["SIGNPOST_PROXY_COUNT"])
        if env.get("SIGNPOST_MAINTAIN") in ("1", "true", "yes"):
            config.MAINTAIN_ENABLED = True
        if env.get("SIGNPOST_SECRET_KEY"):
            config.SECRET_KEY = env["SIGNPOST_SECRET_KEY"]
        if env.get("SIGNPOST_MAINTAIN_DATABASE_URL"):
            config.MAINTAIN_DATABASE_URL = env["SIGNPOST_MAINTAIN_DATABASE_URL"]
        if env.get("SIGNPOST_VERIFY_REPORT"):
            config.VERIFY_REPORT = Path(env["SIGNPOST_VERIFY_REPORT"])
        if env.get("SIGNPOST_REPORTS_DATABASE_URL"):
            config.REPORTS_DATABASE_URL = env["SIGNPOST_REPORTS_DATABASE_URL"]
        if env.get("SIGNPOST_QUICK_EXIT_URL"):
            config.QUICK_EXIT_URL = env["SIGNPOST_QUICK_EXIT_URL"]
        if env.get("SIGNPOST_QUICK_EXIT_URLS"):
            config.QUICK_EXIT_URLS = quick_exit_urls(env["SIGNPOST_QUICK_EXIT_URLS"])
        return config

    def geoip_path(self):
        if self.GEOIP_DATABASE is None:
            return BUNDLED_GEOIP if BUNDLED_GEOIP.exists() else None
        return self.GEOIP_DATABASE or None

    def pages_path(self):
        if self.PAGES_FILE is None:
            url = make_url(self.DATABASE_URL)
            if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
                return None
            return Path(url.database).with_suffix(".pages")
        return self.PAGES_FILE or None

    def as_flask(self):
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


def quick_exit_urls(text):
    """ "de=https://…, fr=https://…" -> {"de": "https://…", "fr": "https://…"}."""
    urls = {}
    for item in text.replace(";", ",").split(","):
        lang, _, url = item.strip().partition("=")
        if not (lang.strip() and url.strip().startswith("https://")):
            raise ValueError(f"SIGNPOST_QUICK_EXIT_URLS: {item.strip()!r} is not lang=https://…")
        urls[lang.strip()] = url.strip()
    return urls
