"""signpost: a calm, private front door to help for survivors of child sexual abuse
material and for the parents and carers of children who were targeted."""
from flask import Flask, abort, g, request
from flask_babel import Babel
from werkzeug.middleware.proxy_fix import ProxyFix

from . import bodies, errors, i18n, labels, prerendered, privacy, reports, templating, warmup
from .config import Config
from .content.catalogue import CatalogueSource
from .geo import CountryLookup


def create_app(config=None):
    """Build the application from a Config (Config.from_env() when none is given)."""
    config = config or Config.from_env()
    app = Flask(__name__)
    # A plain dict, not Jinja's LRU: a request must never reorder what the server holds.
    app.jinja_options = {**app.jinja_options, "cache_size": -1}
    app.config.from_mapping(config.as_flask())
    app.config["SESSION_COOKIE_NAME"] = None  # public pages never set a cookie

    app.extensions["locales"] = i18n.load_manifest(config.TRANSLATIONS_DIR)
    i18n.check_catalogues(app.extensions["locales"], config.TRANSLATIONS_DIR)
    locales = app.extensions["locales"]

    def babel_id():
        return (locales.get(g.get("lang")) or locales[config.DEFAULT_LOCALE]).babel_id

    Babel(app, locale_selector=babel_id,
          default_translation_directories=str(config.TRANSLATIONS_DIR))

    app.extensions["catalogue"] = CatalogueSource(config.DATABASE_URL,
                                                  config.CATALOGUE_CHECK_SECONDS)
    app.extensions["geo"] = CountryLookup(config.geoip_path())
    app.extensions["reports"] = reports.Reports(
        config.REPORTS_DATABASE_URL or reports.default_url(config.DATABASE_URL))
    from .journey.ahead import ResultsAhead
    app.wsgi_app = ResultsAhead(app, app.wsgi_app)
    app.wsgi_app = privacy.PrivateHeaders(app.wsgi_app)
    app.wsgi_app = bodies.WholeBody(app.wsgi_app, config.BODY_SECONDS,
                                    config.MAX_CONTENT_LENGTH)
    app.wsgi_app = prerendered.ServedAhead(app, app.wsgi_app)
    if config.PROXY_COUNT:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=config.PROXY_COUNT)

    @app.before_request
    def refuse_a_short_body():
        if request.environ.get(bodies.SHORT):
            abort(400)

    from .api.views import bp as api_bp
    from .directory.views import bp as directory_bp
    from .journey.views import bp as journey_bp
    from .journey.views import root_bp

    app.register_blueprint(root_bp)
    app.register_blueprint(journey_bp)
    app.register_blueprint(directory_bp)
    app.register_blueprint(api_bp)
    prerendered.init_app(app, config.pages_path())
    from .journey.results_page import pieces_to_render
    app.extensions["page_pieces"].append(pieces_to_render)
    templating.init_app(app)
    app.jinja_env.globals["report_problems"] = reports.PROBLEMS
    labels.init_app(app)
    errors.init_app(app)

    if config.MAINTAIN_ENABLED:
        _enable_maintainers(app, config)

    from .cli import register
    register(app)
    app.extensions["subdivision_names"] = warmup.subdivision_names(
        {locale.babel_id.split("_")[0] for locale in locales.values()})
    if config.WARM_UP:
        warmup.warm(app)
    return app


def _enable_maintainers(app, config):
    """Sessions, CSRF and accounts exist only here, under /<lang>/maintain/."""
    if not config.SECRET_KEY:
        raise RuntimeError("the maintainers' area needs SIGNPOST_SECRET_KEY")
    from .maintainers import store, words
    from .maintainers.views import bp as maintain_bp
    from .maintainers.views import legacy_bp
    app.config.update(SESSION_COOKIE_NAME="signpost_maintain",
                      SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Strict",
                      SESSION_COOKIE_SECURE=config.MAINTAIN_COOKIE_SECURE,
                      PERMANENT_SESSION_LIFETIME=8 * 3600)
    app.session_interface = store.LanguagePathSessions()
    engine = store.make_engine(config.MAINTAIN_DATABASE_URL)
    store.upgrade(engine)
    app.extensions["maintain_sessions"] = store.sessions(engine, config.SECRET_KEY)
    app.extensions["maintain_words"] = words.load(app.extensions["locales"],
                                                  config.TRANSLATIONS_DIR)
    app.jinja_env.globals.update(t=words.t, word=words.name)
    app.register_blueprint(maintain_bp)
    app.register_blueprint(legacy_bp)
    from flask_wtf.csrf import generate_csrf
    app.jinja_env.globals["csrf_token"] = generate_csrf
