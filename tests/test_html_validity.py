"""Every page in every language passes the Nu Html Checker with zero errors."""
import os
import shutil
import subprocess

import pytest

from signpost import i18n
from signpost.config import PROJECT_ROOT
from tests.pages import answer

VNU = PROJECT_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PAGES = ["/", "/questions", "/directory/", "/directory/GB", "/directory/US", "/directory/INT",
         "/law/FR", "/law/", "/safety", "/about", "/search", "/nowhere"]


def _pages(client, code):
    for path in PAGES:
        yield path, client.get(f"/{code}{path}")
    response = client.get(f"/{code}/questions")
    yield "error", answer(client, response)
    for step in ({"danger": "yes"}, {}, {"who": "parent"}, {"what": "threats"},
                 {"where": "GB"}, {"need": "everything"}):
        response = answer(client, response, **step)
        yield "journey", response
    yield "urgent, no country", client.post(f"/{code}/questions", data={
        "step": "danger", "nav": "next", "danger": "yes"})
    yield "search", client.post(f"/{code}/search", data={"q": "police"})
    yield "empty search", client.post(f"/{code}/search", data={"q": ""})
    yield "download", client.post(f"/{code}/results/download", data={
        "danger": "no", "who": "child", "what": "threats", "where": "GB-EAW",
        "need": "everything"})
    letter = {"danger": "no", "who": "parent", "what": "shared", "where": "US-CA",
              "need": "remove", "platform": "Example", "web_address": "https://example.org/1",
              "contact": "a@example.org", "sender": "for"}
    yield "removal form", client.post(f"/{code}/remove-request", data=dict(  # the EU's form
        letter, nav="letter", web_address="", where="DE"))
    yield "removal letter", client.post(f"/{code}/remove-request",
                                        data=dict(letter, nav="letter"))
    yield "removal routes", client.post(f"/{code}/remove-request",
                                        data=dict(letter, where="GB-SCT"))


def test_every_page_is_valid_html(client, tmp_path):
    if not (VNU.exists() and shutil.which("java")):
        if os.environ.get("CI"):
            pytest.fail("the Nu Html Checker is missing: run tests/setup.sh")
        pytest.skip("the Nu Html Checker is missing: run tests/setup.sh")
    files = []
    for code in i18n.load_manifest(PROJECT_ROOT / "translations"):
        for n, (path, response) in enumerate(_pages(client, code)):
            name = tmp_path / f"{code}-{n:02d}.html"
            name.write_bytes(response.data)
            files.append(str(name))
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", *files],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[:5000]
