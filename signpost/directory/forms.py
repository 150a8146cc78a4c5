"""The directory's search form. Like the questions, it changes nothing on the server
and is posted, so the words never reach an address bar, a history or a log."""
from ..voice import lazy_gettext as _l
from wtforms import Form, StringField
from wtforms.validators import DataRequired, Length

from ..search import MAX_QUERY


class SearchForm(Form):
    q = StringField(_l("Search for a service"), validators=[
        DataRequired(message=_l("Type a word or two, for example a service's name or a country.")),
        Length(max=MAX_QUERY, message=_l("Please use fewer words: at most 200 characters."))])
