"""A request's body is read whole, within a deadline, before the application sees it.

A client that announces more than it sends would otherwise hold a worker until the
worker timeout and end in a 500. Here it gets signpost's 400 page within seconds.
"""
from contextlib import nullcontext
from io import BytesIO

SHORT = "signpost.short_body"


def _deadline(seconds):
    """A timeout that quietly ends a read, when the server runs cooperatively (gevent)."""
    try:
        from gevent import Timeout
        from gevent.monkey import is_module_patched
    except ImportError:
        return nullcontext()
    return Timeout(seconds, False) if is_module_patched("socket") else nullcontext()


class WholeBody:
    def __init__(self, app, seconds, limit):
        self.app, self.seconds, self.limit = app, seconds, limit

    def __call__(self, environ, start_response):
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = -1
        if length < 0:
            environ[SHORT] = True
        elif 0 < length <= self.limit:      # over the limit: the application answers 413
            body = self._read(environ["wsgi.input"], length)
            environ["wsgi.input"] = BytesIO(body)
            if len(body) < length:
                environ[SHORT] = True
        if environ.get(SHORT):
            environ["wsgi.input"], environ["CONTENT_LENGTH"] = BytesIO(), "0"
        return self.app(environ, start_response)

    def _read(self, stream, length):
        chunks, received = [], 0
        try:
            with _deadline(self.seconds):
                while received < length:
                    chunk = stream.read(min(length - received, 8192))
                    if not chunk:
                        break
                    chunks.append(chunk)
                    received += len(chunk)
        except (OSError, ValueError):   # a broken connection: what came is all there is
            pass
        return b"".join(chunks)
