"""A request's body is read whole, within a deadline, before the application sees it.

A client that announces more than it sends would otherwise hold a worker thread until
it gives up, and the visitor would get a worker timeout or a 500. Here it gets
signpost's 400 page within seconds.
"""
import socket
import time
from io import BytesIO

SHORT = "signpost.short_body"


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
            body = self._read(environ, length)
            environ["wsgi.input"] = BytesIO(body)
            if len(body) < length:
                environ[SHORT] = True
        if environ.get(SHORT):
            environ["wsgi.input"], environ["CONTENT_LENGTH"] = BytesIO(), "0"
        return self.app(environ, start_response)

    def _read(self, environ, length):
        stream, connection = environ["wsgi.input"], environ.get("gunicorn.socket")
        if _already_received(stream, length):
            connection = None       # nothing to wait for: no deadline to set
        deadline = time.monotonic() + self.seconds
        previous = connection.gettimeout() if connection is not None else None
        chunks, received = [], 0
        try:
            while received < length:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                if connection is not None:
                    connection.settimeout(left)     # the whole body, not each read
                chunk = stream.read(min(length - received, 8192))
                if not chunk:
                    break
                chunks.append(chunk)
                received += len(chunk)
        except (OSError, ValueError, socket.timeout):   # too slow, or the connection broke
            pass
        finally:
            if connection is not None:
                try:
                    connection.settimeout(previous)
                except OSError:
                    pass
        return b"".join(chunks)


def _already_received(stream, length):
    """True when gunicorn read the whole body with the headers, as it does for a small
    form. Reading it then cannot stall, and setting a deadline would cost two system
    calls, each giving the GIL to the worker's other threads. Anything that is not
    gunicorn's body reader gets the deadline."""
    reader = getattr(stream, "reader", None)
    held = getattr(getattr(reader, "unreader", None), "buf", None)
    return (isinstance(held, BytesIO) and getattr(reader, "length", None) == length
            and len(held.getvalue()) >= length)
