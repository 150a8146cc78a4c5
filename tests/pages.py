"""Checks every HTML page must pass, whatever it shows."""
from collections import Counter
from html.parser import HTMLParser
from urllib.parse import urlsplit

FOCUSABLE = {"a", "button", "input", "select", "textarea"}


class Page(HTMLParser):
    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.html_attrs, self.ids, self.h1s, self.forms = {}, Counter(), 0, []
        self.focusable, self.links, self.resources, self.text = [], [], [], []
        self.title, self._in_title, self._in_h1 = "", False, False
        self.headings, self._heading = [], None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_attrs = attrs
        if "id" in attrs:
            self.ids[attrs["id"]] += 1
        if tag == "h1":
            self.h1s += 1
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._heading = [tag, ""]
        if tag == "form":
            self.forms.append(attrs)
        if tag in FOCUSABLE and attrs.get("type") != "hidden" and "hidden" not in attrs:
            if tag != "a" or "href" in attrs:
                self.focusable.append((tag, attrs))
        if tag == "a" and "href" in attrs:
            self.links.append(attrs)
        if tag in ("script", "img", "iframe", "source", "video", "audio") and "src" in attrs:
            self.resources.append(attrs["src"])
        if tag == "link" and "href" in attrs:
            self.resources.append(attrs["href"])
        if tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if self._heading and tag == self._heading[0]:
            self.headings.append((self._heading[0], self._heading[1].strip()))
            self._heading = None

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self._heading:
            self._heading[1] += data
        self.text.append(data)

    @property
    def words(self):
        return " ".join(" ".join(self.text).split())


def check_page(response, status=200, lang="en", direction="ltr"):
    """Assert what every page owes a visitor; return the parsed page."""
    assert response.status_code == status, response.data[:500]
    assert "Set-Cookie" not in response.headers
    assert response.mimetype == "text/html"
    page = Page(response.get_data(as_text=True))
    assert page.html_attrs.get("lang") == lang
    assert page.html_attrs.get("dir") == direction
    assert page.h1s == 1, "exactly one h1"
    duplicates = [i for i, n in page.ids.items() if n > 1]
    assert not duplicates, f"duplicate ids {duplicates}"
    for form in page.forms:
        assert form.get("action"), "every form has an action"
        assert form.get("method", "get").lower() == "post" or "?" not in form.get("action")
    first_tag, first_attrs = page.focusable[0]
    assert first_attrs.get("id") == "quick-exit", "the quick exit comes first"
    assert "noreferrer" in first_attrs.get("rel", "")
    for resource in page.resources:
        if resource.startswith("data:"):
            continue
        assert not urlsplit(resource).netloc, f"{resource} comes from another host"
    for link in page.links:
        if urlsplit(link["href"]).netloc:
            assert {"noreferrer", "noopener"} <= set(link.get("rel", "").split()), link
    assert "Traceback" not in page.words
    return page


class _FormReader(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.action, self.hidden = form_id, False, None, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside, self.action = True, attrs.get("action")
        elif self.inside and tag == "input" and attrs.get("type") == "hidden":
            self.hidden.append((attrs["name"], attrs.get("value", "")))

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


def journey_form(response, form_id="journey"):
    """(action, hidden fields) of a page's form, as a browser would post them."""
    reader = _FormReader(form_id)
    reader.feed(response.get_data(as_text=True))
    assert reader.action, f"no form {form_id!r} on the page"
    return reader.action, reader.hidden


def answer(client, response, environ_base=None, nav="next", **visible):
    """Post the page's form with these visible answers, like a browser."""
    action, hidden = journey_form(response)
    data = [(k, v) for k, v in hidden]
    for name, value in visible.items():
        for item in (value if isinstance(value, (list, tuple)) else [value]):
            data.append((name, item))
    data.append(("nav", nav))
    from urllib.parse import urlencode
    return client.post(action, data=urlencode(data),
                       content_type="application/x-www-form-urlencoded",
                       environ_base=environ_base or {})
