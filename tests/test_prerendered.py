"""Pages and cards rendered with the content build are exactly what a visitor would get
from rendering for the request, and a file that does not fit is never served."""
import jinja2
import jinja2.runtime
import pytest

from signpost import create_app, flow, opening, prerendered
from tests.conftest import from_country, make_config

LANGUAGES = ("en", "de", "ar", "uk")
PAGES = ("/{lang}/", "/{lang}/directory/", "/{lang}/directory/GB-EAW", "/{lang}/directory/FR",
         "/{lang}/directory/US-CA", "/{lang}/law/DE", "/{lang}/listing/int-take-it-down",
         "/{lang}/safety", "/{lang}/about")
JOURNEYS = [(who, where) for who in ("child", "parent", "survivor", "professional")
            for where in ("GB-EAW", "FR", "US-CA", "DE", "INT")]


def answers(who, where, need="everything"):
    return {"danger": "no", "who": who, "what": ["fake", "threats"], "where": where,
            "need": need, "step": "need", "nav": "next"}


@pytest.fixture(scope="module")
def pages_file(built_database, geoip_file, tmp_path_factory):
    path = tmp_path_factory.mktemp("pages") / "signpost.pages"
    maker = create_app(make_config(built_database, geoip_file, PAGES_FILE=str(path)))
    prerendered.save(maker, path, LANGUAGES)
    return path


@pytest.fixture(scope="module")
def fast(built_database, geoip_file, pages_file):
    return create_app(make_config(built_database, geoip_file, PAGES_FILE=str(pages_file)))


@pytest.fixture(scope="module")
def live(built_database, geoip_file):
    return create_app(make_config(built_database, geoip_file, PAGES_FILE=""))


def test_the_file_holds_every_page_and_card_asked_for(fast):
    held = fast.extensions["prerendered"]
    assert "/de/directory/GB-EAW" in held.pages and "/api/v1/law" in held.pages
    assert "/sv/directory/GB-EAW" not in held.pages      # not asked for in this test
    assert len(held.cards) >= len(LANGUAGES) * 2 * 200
    for young in (False, True):
        assert ("rights", "de", young, ("FR",)) in held.fragments
        assert ("journey/_language_buttons.html", "ar", young, ()) in held.fragments


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_page_rendered_ahead_is_the_page_rendered_now(fast, live, lang):
    for template in PAGES + ("/api/v1/law.csv", "/api/v1/jurisdictions/GB"):
        path = template.format(lang=lang)
        served, fresh = fast.test_client().get(path), live.test_client().get(path)
        assert served.status_code == fresh.status_code == 200, path
        assert served.get_data() == fresh.get_data(), path
        assert sorted(served.headers.items()) == sorted(fresh.headers.items()), path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_results_built_from_cards_are_the_results_rendered_now(fast, live, lang):
    """Child and adult voices, numbers in national and international form, cards open
    and folded, and the download with every card open."""
    for who, where in JOURNEYS:
        for need in ("everything", "report"):
            data = answers(who, where, need)
            served = fast.test_client().post(f"/{lang}/questions", data=data)
            fresh = live.test_client().post(f"/{lang}/questions", data=data)
            assert served.status_code == 200
            assert b'class="listing"' in served.get_data(), (who, where, need)
            assert served.get_data() == fresh.get_data(), (who, where, need)


def test_the_start_page_with_a_suggested_country_is_rendered_for_the_request(fast, live):
    served = fast.test_client().get("/en/", environ_base=from_country("DE"))
    fresh = live.test_client().get("/en/", environ_base=from_country("DE"))
    assert served.get_data() == fresh.get_data()
    assert served.get_data() != fast.test_client().get("/en/").get_data()


def test_open_now_is_worked_out_for_each_request(fast, monkeypatch):
    data = answers("survivor", "GB-EAW")
    monkeypatch.setattr(opening, "is_open", lambda schedule, now: True)
    opened = fast.test_client().post("/en/questions", data=data).get_data(as_text=True)
    monkeypatch.setattr(opening, "is_open", lambda schedule, now: False)
    closed = fast.test_client().post("/en/questions", data=data).get_data(as_text=True)
    assert "Open now" in opened and "Closed now" not in opened
    assert "Closed now" in closed and "Open now" not in closed
    assert prerendered.OPEN_BADGE not in opened + closed


def test_a_file_from_other_code_or_catalogues_is_not_served(pages_file):
    assert prerendered.load(pages_file, "another version").pages == {}


def test_a_file_for_another_content_build_is_not_served(fast, live):
    held = fast.extensions["prerendered"]
    with fast.app_context():
        catalogue = fast.extensions["catalogue"].get()
    assert held.serves(catalogue)
    stale = prerendered.Prerendered("an older build", held.pages, held.cards, held.blob)
    assert not stale.serves(catalogue) and stale.page(catalogue, "/en/") is None


@pytest.mark.parametrize("junk", [b"", b"signpost-pages-1\n\xff\xff", b"\x00" * 64,
                                  b"not a pages file at all"])
def test_a_broken_file_means_pages_are_rendered_for_each_request(
        built_database, geoip_file, tmp_path, junk):
    path = tmp_path / "broken.pages"
    path.write_bytes(junk)
    app = create_app(make_config(built_database, geoip_file, PAGES_FILE=str(path)))
    assert app.extensions["prerendered"].pages == {}
    response = app.test_client().get("/de/directory/DE")
    assert response.status_code == 200 and "Deutschland" in response.get_data(as_text=True)


def _no_rendering(monkeypatch):
    """Any template or macro rendered from here on fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError("a template was rendered for the request")
    monkeypatch.setattr(jinja2.Template, "render", refuse)
    monkeypatch.setattr(jinja2.runtime.Macro, "__call__", refuse)


def last_step(who, danger):
    return flow.steps_for(flow.Answers(who=who, danger=danger))[-1]


ROLES_AND_DANGER = [(who, danger) for who in ("child", "parent", "survivor", "professional",
                                               "worried", "bystander")
                    for danger in ("yes", "no")]


@pytest.mark.parametrize("lang", ("en", "ar"))
def test_a_results_page_renders_no_template_for_the_request(fast, live, monkeypatch, lang):
    """Every piece any results page needs was rendered with the content build: every
    role, with and without danger, in a country with regions, a region, a country
    without regions and nowhere listed; a problem report's thanks; the footer of the
    country a visitor seems to be in. The pages are still those rendered now."""
    journeys = [(dict(answers(who, where, need), danger=danger, step=last_step(who, danger)), {})
                for who, danger in ROLES_AND_DANGER
                for where in ("GB", "GB-SCT", "DE", "US-TX", "INT")
                for need in ("everything", "compensation")]
    journeys.append((answers("child", "INT"), from_country("DE")))
    expected = [live.test_client().post(f"/{lang}/questions", data=data, environ_base=env)
                .get_data() for data, env in journeys]
    report = dict(answers("parent", "FR"), report="int-take-it-down:closed")
    expected_report = live.test_client().post(f"/{lang}/report", data=report).get_data()
    _no_rendering(monkeypatch)
    assert all(b'id="keep-title"' in page for page in expected)
    for (data, env), page in zip(journeys, expected):
        served = fast.test_client().post(f"/{lang}/questions", data=data, environ_base=env)
        assert served.status_code == 200 and served.get_data() == page, data
    served = fast.test_client().post(f"/{lang}/report", data=report)
    assert served.get_data() == expected_report


def test_a_page_held_in_the_file_is_answered_before_the_application(fast, live, monkeypatch):
    """From its bytes, with the headers it was rendered with: no view runs, and a HEAD
    gets the same headers and no body."""
    def refuse(**kwargs):
        raise AssertionError("the view ran")
    monkeypatch.setitem(fast.view_functions, "directory.jurisdiction", refuse)
    served = fast.test_client().get("/de/directory/FR")
    fresh = live.test_client().get("/de/directory/FR")
    assert served.status_code == 200 and served.get_data() == fresh.get_data()
    head = fast.test_client().head("/de/directory/FR")
    assert head.status_code == 200 and head.get_data() == b""
    assert sorted(head.headers.items()) == sorted(served.headers.items())


def test_a_results_page_is_answered_before_the_application(fast, live, monkeypatch):
    """The same bytes and headers as the view gives, without the view; a question page,
    a bad form and a problem report still go to the application."""
    def refuse(**kwargs):
        raise AssertionError("the view ran")
    question = dict(answers("parent", "FR"), need="")
    bad = b"who=child&where=%ff"
    expected = {name: live.test_client().post("/de/questions", data=data,
                                              content_type="application/x-www-form-urlencoded")
                for name, data in (("question", question), ("bad", bad))}
    with monkeypatch.context() as patched:
        patched.setitem(fast.view_functions, "journey.questions", refuse)
        for who, where in JOURNEYS:
            data = answers(who, where)
            served = fast.test_client().post("/de/questions", data=data)
            fresh = live.test_client().post("/de/questions", data=data)
            assert served.status_code == fresh.status_code == 200, (who, where)
            assert served.get_data() == fresh.get_data(), (who, where)
            assert sorted(served.headers.items()) == sorted(fresh.headers.items())
    for name, data in (("question", question), ("bad", bad)):
        served = fast.test_client().post("/de/questions", data=data,
                                         content_type="application/x-www-form-urlencoded")
        assert served.status_code == expected[name].status_code, name
        assert served.get_data() == expected[name].get_data(), name
    assert expected["bad"].status_code == 400 and expected["question"].status_code == 200
