"""Random junk at every route: never a 5xx, never a traceback, the quick exit always there."""
from urllib.parse import urlencode

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from signpost import flow

NAMES = list(flow.QUESTIONS) + ["step", "nav"]
VALUES = list(flow.STEPS) + list(flow.ROLES) + list(flow.WHAT_ANSWERS) + list(flow.NEEDS) + [
    "next", "back", "stay", "yes", "no", "GB", "GB-SCT", "US-CA", "INT", "ZZ", ""]
FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])

form_pairs = st.lists(st.tuples(st.one_of(st.sampled_from(NAMES), st.text(max_size=12)),
                                st.one_of(st.sampled_from(VALUES), st.text(max_size=30))),
                      max_size=14)


def _fine(response, method="GET"):
    assert response.status_code < 500, response.status_code
    body = response.get_data(as_text=True)
    assert "Traceback" not in body
    if response.mimetype == "application/json":     # the API answers its errors in JSON
        assert response.status_code < 300 or '"error"' in body, body[:300]
    elif response.status_code >= 400 or (response.mimetype == "text/html"
                                         and response.status_code < 300 and method == "GET"):
        assert 'id="quick-exit"' in body, body[:300]
    assert "Set-Cookie" not in response.headers


@FUZZ
@given(pairs=form_pairs, lang=st.sampled_from(["en", "de", "xx"]))
def test_random_answers(client, pairs, lang):
    _fine(client.post(f"/{lang}/questions", data=urlencode(pairs),
                      content_type="application/x-www-form-urlencoded"))


@FUZZ
@given(body=st.binary(max_size=600), content_type=st.sampled_from([
    "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain", ""]))
def test_random_bodies(client, body, content_type):
    _fine(client.post("/en/questions", data=body, content_type=content_type))


@FUZZ
@given(path=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_random_paths(client, path):
    _fine(client.get("/" + path.lstrip("/")))


@FUZZ
@given(accept=st.text(max_size=80), forwarded=st.text(max_size=40),
       method=st.sampled_from(["GET", "POST", "HEAD", "OPTIONS", "PUT"]))
def test_random_headers(client, accept, forwarded, method):
    headers = {"Accept-Language": accept, "X-Forwarded-For": forwarded}
    try:
        response = client.open("/en/", method=method, headers=headers)
    except ValueError:        # the test client itself refuses some header bytes
        return
    _fine(response, method)
