"""The results page's own cost: the whole WSGI application called in a loop, no server.

    python bench/in_process.py            # microseconds per results page, and the floor's

A shared machine moves the server benchmark's figures by a third from one run to the
next; the application alone, timed in one process, moves by a few per cent. So this is
the figure to compare before and after a change to the results page. It uses the
content database and the pages file the site would use (`flask --app signpost content
build` makes both), and renders the pages first if the file is not for this build.
"""
import argparse
import os
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))   # run as a script, too

from bench.benchmark import RESULTS_BODY  # noqa: E402

ANSWERS = {
    "a teenager in England and Wales (the benchmark's)": RESULTS_BODY,
    "a parent in Germany, removal and reporting":
        b"danger=no&who=parent&what=shared&where=DE&need=remove&need=report&step=need&nav=next",
    "a survivor in California, in danger":
        b"danger=yes&who=survivor&what=unsaid&where=US-CA&need=everything&step=need&nav=next",
}


def environ(body):
    return {"REQUEST_METHOD": "POST", "PATH_INFO": "/en/questions", "QUERY_STRING": "",
            "CONTENT_TYPE": "application/x-www-form-urlencoded",
            "CONTENT_LENGTH": str(len(body)), "wsgi.input": BytesIO(body),
            "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8000", "wsgi.url_scheme": "http",
            "REMOTE_ADDR": "127.0.0.1", "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.errors": sys.stderr, "wsgi.multithread": True, "wsgi.multiprocess": True,
            "wsgi.run_once": False, "wsgi.version": (1, 0)}


def microseconds(app, body, calls, repeats):
    """The fastest of `repeats` loops of `calls` requests: the machine only ever adds."""
    statuses = []

    def start_response(status, headers, exc_info=None):
        statuses.append(status)

    b"".join(app(environ(body), start_response))
    assert statuses[-1].startswith("200"), statuses[-1]
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for _ in range(calls):
            b"".join(app(environ(body), start_response))
        best = min(best, (time.perf_counter() - started) / calls * 1e6)
    return best


def signpost_app():
    from signpost import create_app, prerendered
    from signpost.config import Config
    config = Config.from_env()
    config.WARM_UP = True
    app = create_app(config)
    with app.app_context():
        prerendered.ensure(app, app.extensions["catalogue"].get())
    return app


def floor_app(page):
    folder = Path(tempfile.mkdtemp(prefix="signpost-floor-"))
    for name in ("start", "directory", "results"):
        (folder / f"{name}.html").write_bytes(page)
    os.environ["SIGNPOST_FLOOR_PAGES"] = str(folder)
    from bench.floor import app
    return app


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    app = signpost_app()
    for label, body in ANSWERS.items():
        print(f"results page, {label}: "
              f"{microseconds(app, body, args.calls, args.repeats):.0f} µs")
    page = b"".join(app(environ(RESULTS_BODY), lambda *a: None))
    floor = floor_app(page)
    print(f"the floor's bare Flask view, the same bytes: "
          f"{microseconds(floor, RESULTS_BODY, args.calls, args.repeats):.0f} µs")


if __name__ == "__main__":
    main()
