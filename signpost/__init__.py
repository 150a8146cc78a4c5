"""signpost: a calm, private front door to help for survivors of child sexual abuse
material and for the parents and carers of children who were targeted."""
from flask import Flask, g
from flask_babel import Babel
from werkzeug.middleware.proxy_fix import ProxyFix

from . import errors, i18n, privacy, templating
from .caching import LRU
from .config import Config
from .content import index
from .content.catalogue import CatalogueSource
from .geo import CountryLookup


def create_app(config=None):
    """Build the application from a Config (Config.from_env() when none is given)."""
    config = config or Config.from_env()
    app = Flask(__name__)
    app.config.from_mapping(config.as_flask())
    app.config["SESSION_COOKIE_NAME"] = None  # public pages never set a cookie

    app.extensions["locales"] = i18n.load_manifest(config.TRANSLATIONS_DIR)
    i18n.check_catalogues(app.extensions["locales"], config.TRANSLATIONS_DIR)
    Babel(app, locale_selector=lambda: g.get("lang", config.DEFAULT_LOCALE),
          default_translation_directories=str(config.TRANSLATIONS_DIR))

    app.extensions["catalogue"] = CatalogueSource(config.DATABASE_URL,
                                                  config.CATALOGUE_CHECK_SECONDS)
    app.extensions["geo"] = CountryLookup(config.geoip_path())
    app.extensions["page_cache"] = LRU(config.PAGE_CACHE_SIZE)
    app.extensions["card_cache"] = LRU(config.CARD_CACHE_SIZE)
    if config.PROXY_COUNT:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=config.PROXY_COUNT)

    from .directory.views import bp as directory_bp
    from .journey.views import bp as journey_bp
    from .journey.views import root_bp

    app.register_blueprint(root_bp)
    app.register_blueprint(journey_bp)
    app.register_blueprint(directory_bp)
    templating.init_app(app)
    errors.init_app(app)
    app.after_request(privacy.add_headers)

    from .cli import register
    register(app)
    return app
