"""Rendered HTML kept in memory, keyed by what it depends on: never by anything a
visitor answered, and never by their address."""
import threading
from collections import OrderedDict
from functools import wraps

from flask import current_app, make_response, request

from .current import catalogue


class LRU:
    """A small thread-safe least-recently-used map."""

    def __init__(self, size):
        self._size, self._items, self._lock = size, OrderedDict(), threading.Lock()

    def get(self, key):
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key, value):
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)


def url_only(view, also=None):
    """Cache a page that depends on nothing but its URL and the content build
    (and on `also()`, for example the suggested country, when given)."""
    @wraps(view)
    def wrapper(*args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(*args, **kwargs)
        cache = current_app.extensions["page_cache"]
        key = (request.path, catalogue().digest, also() if also else None)
        hit = cache.get(key)
        if hit is not None:
            body, mimetype = hit
            return current_app.response_class(body, mimetype=mimetype)
        response = make_response(view(*args, **kwargs))
        if response.status_code == 200:
            cache.put(key, (response.get_data(), response.mimetype))
        return response
    return wrapper


def url_and_country(view):
    """Cache a journey page by URL and the country suggested for it: never the address."""
    from .current import suggested_country
    return url_only(view, also=suggested_country)
