"""`signpost serve`: the site under gunicorn, set up so no log holds a client address."""
import argparse
import gc
import os
import sys

from gunicorn.app.base import BaseApplication

from . import create_app, prerendered
from .config import Config
from .content import index
from .content.loader import ContentError
from .privacy import ACCESS_LOG_FORMAT, PrivateGunicornLogger


def gunicorn_options(host, port, workers):
    return {
        "bind": f"{host}:{port}",
        "workers": workers,
        # Threads: a client that trickles its request holds one thread of 64, not the
        # worker, and idle keep-alive connections hold none.
        "worker_class": "gthread",
        "threads": 64,
        "accesslog": "-",
        "errorlog": "-",
        "loglevel": "info",
        "access_log_format": ACCESS_LOG_FORMAT,
        "logger_class": PrivateGunicornLogger,
        "preload_app": True,
        "forwarded_allow_ips": "127.0.0.1,::1",
        "proxy_allow_ips": "127.0.0.1,::1",
        "limit_request_line": 2048,
        "limit_request_fields": 50,
        "timeout": 30,
        "keepalive": 5,
        "control_socket_disable": True,
    }


class SignpostServer(BaseApplication):
    def __init__(self, app, options):
        self.application = app
        self.options = options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return self.application


def prepare(config):
    """Build the content database unless it was built from exactly these files.

    A build checks everything first: the site never starts on content with errors.
    """
    path = index.sqlite_path(config.DATABASE_URL)
    engine = index.make_engine(config.DATABASE_URL)
    current = None if path is not None and not path.exists() else index.built_from(engine)
    engine.dispose()
    if current != index.files_digest(config.CONTENT_DIR):
        index.build(config.CONTENT_DIR, config.DATABASE_URL)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="signpost")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run the site under gunicorn")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int,
                       default=int(os.environ.get("SIGNPOST_WORKERS", "2")))
    commands.add_parser("mcp", help="answer AI assistants over MCP on stdin and stdout")
    args = parser.parse_args(argv)

    config = Config.from_env()
    try:
        if not config.READ_ONLY:
            prepare(config)
    except ContentError as error:
        print("signpost will not start: the content has errors.", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    if args.command == "mcp":
        return _assistant(config)
    config.WARM_UP = True       # everything loaded before the first visitor
    gc.disable()    # loading makes little garbage: one collection, below, costs less
    try:
        app = create_app(config)
        with app.app_context():
            catalogue = app.extensions["catalogue"].get()   # fail now, not on a visitor
    finally:
        gc.enable()
    if prerendered.ensure(app, catalogue):
        print("Rendered every page ahead of time for this content build.", file=sys.stderr)
    gc.collect()    # the rendering's leftovers, before the workers are forked
    gc.freeze()     # what start-up loaded is never collected: no long pauses under load
    SignpostServer(app, gunicorn_options(args.host, args.port, args.workers)).run()
    return 0


def _assistant(config):
    """The MCP server on stdio: stdout carries the protocol and nothing else."""
    from .assistant import make_server
    app = create_app(config)
    with app.app_context():
        app.extensions["catalogue"].get()
    make_server(app).run("stdio")
    return 0


if __name__ == "__main__":
    sys.exit(main())
