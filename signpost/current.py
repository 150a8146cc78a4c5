"""What the current request works with: the content catalogue and a suggested country."""
from flask import current_app, g, request


def catalogue():
    return current_app.extensions["catalogue"].get()


def suggested_country():
    """The visitor's country from their address: looked up in memory, never kept."""
    if "suggested_country" not in g:
        code = current_app.extensions["geo"].suggest(request.remote_addr)
        g.suggested_country = code if code in catalogue().jurisdictions else None
    return g.suggested_country
