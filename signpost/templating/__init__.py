"""What templates need, by job: text in the page's language (text.py), formatting
(formatting.py) and putting pages together (rendering.py)."""
from .rendering import init_app
from .text import current_lang, place_name

__all__ = ["init_app", "current_lang", "place_name"]
